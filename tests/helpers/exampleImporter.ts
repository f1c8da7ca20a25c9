import ExcelJS from 'exceljs'
import type { Workspace } from '../../electron/core/workspace'
import type { Importer } from '../../electron/core/imports/importSession'
import { readXlsxTable, type ColumnSpec } from '../../electron/core/imports/xlsxTable'

/** A tiny importer for the tests of the check-then-commit pattern: schools with their pupil counts. */
export interface ExampleRow {
  name: string
  pupils: number
}

const COLUMNS: ColumnSpec[] = [
  { field: 'name', label: '学校名称', aliases: ['学校名称', '学校'], required: true, parse: (t) => ({ value: t }) },
  {
    field: 'pupils',
    label: '在校生数',
    aliases: ['在校生数', '在校学生数'],
    required: true,
    parse: (t) => (/^\d{1,6}$/.test(t) ? { value: Number(t) } : { error: '应为不超过 6 位的非负整数' }),
  },
]

/** Creates the example table (tests only; no module owns it). */
export function createExampleTable(ws: Workspace): void {
  ws.db().exec('CREATE TABLE IF NOT EXISTS example_schools (name TEXT NOT NULL UNIQUE, pupils INTEGER NOT NULL)')
}

/**
 * The example importer; `failAtRow` makes the writer throw after writing that many rows (a deliberately
 * failing commit).
 */
export function exampleImporter(options: { failAtRow?: number; key?: string } = {}): Importer<ExampleRow> {
  return {
    key: options.key ?? 'example.schools',
    async read(file, ctx) {
      const t = await readXlsxTable(file.path, COLUMNS, { ctx })
      return {
        rowsRead: t.rowsRead,
        columns: t.columns,
        problems: t.problems,
        warnings: t.warnings,
        rows: t.rows.map((r) => r.values as unknown as ExampleRow),
      }
    },
    write(db, rows) {
      const insert = db.prepare('INSERT INTO example_schools (name, pupils) VALUES (?, ?)')
      rows.forEach((r, i) => {
        if (options.failAtRow !== undefined && i === options.failAtRow) throw new Error('故意失败：写入中途出错')
        insert.run(r.name, r.pupils)
      })
      return rows.length
    },
    describe: (r) => ({ 学校名称: r.name, 在校生数: r.pupils }),
  }
}

/** Writes an .xlsx with a title row, the header row and `rows` (cells as given). */
export async function writeExampleWorkbook(
  path: string,
  rows: (string | number | null)[][],
  header = ['学校名称', '在校生数', '备注'],
): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('学校')
  sheet.addRow(['某县学校基本情况表'])
  sheet.addRow(header)
  rows.forEach((r) => sheet.addRow(r))
  await wb.xlsx.writeFile(path)
}
