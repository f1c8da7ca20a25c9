import ExcelJS from 'exceljs'
import type { ImportColumn, ImportProblem } from '../../../shared/imports/types'
import { UserError } from '../errors'
import type { JobContext } from '../jobs/jobRunner'

/** One field an import reads, found by its header words. */
export interface ColumnSpec<V = unknown> {
  /** Key in the parsed row. */
  field: string
  /** Chinese label (messages, preview). */
  label: string
  /** Header texts that mean this field (compared without spaces and line breaks), e.g. ['园所名称', '幼儿园名称']. */
  aliases: string[]
  required?: boolean
  /**
   * Turns a cell's text into the field's value; return `{ error }` with a Chinese reason to refuse it.
   * Empty cells reach `parse` only when the field is not required (as '').
   */
  parse(text: string): { value: V } | { error: string }
}

/** What `readXlsxTable` found. */
export interface XlsxTable {
  sheet: string
  rowsRead: number
  columns: ImportColumn[]
  /** Rows whose every cell passed, with their sheet row number. */
  rows: { row: number; values: Record<string, unknown> }[]
  problems: ImportProblem[]
  warnings: string[]
}

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').toLowerCase()

/**
 * An Excel date cell as YYYY-MM-DD. exceljs gives a date cell as the JS Date of that calendar day at
 * 00:00 UTC (Excel stores days, no time zone), so the UTC fields are the day written in the sheet.
 */
export function excelDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`
}

/** A cell's value as plain text (numbers as written, dates as YYYY-MM-DD, formulas by their result). */
export function cellText(cell: ExcelJS.Cell): string {
  // a formula's value object drops a falsy result (0, FALSE): its result is read instead
  const v = cell.type === ExcelJS.ValueType.Formula ? { result: cell.result } : cell.value
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return excelDay(v)
  if (typeof v === 'object') {
    if ('result' in v)
      return v.result === undefined || v.result === null ? '' : String(v.result instanceof Date ? excelDay(v.result) : v.result)
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim()
    if ('text' in v) return String(v.text).trim()
    if ('error' in v) return String(v.error)
  }
  return String(v).trim()
}

/**
 * Reads one worksheet as a table: finds the header row (among the first 10, the one naming most
 * fields), maps columns by the alias table, parses every data row, and reports every problem with
 * sheet, row, column, value and reason. Blank rows are skipped.
 * @param path an .xlsx file
 * @param options.sheet worksheet name (default: the first)
 * @param options.ctx when run as a job: progress (rows checked of rows in the sheet) and cancellation every 200 rows
 * @throws UserError when the file is not a readable .xlsx, the sheet is missing, or required columns are not found;
 *   JobCancelled when cancelled
 */
export async function readXlsxTable(
  path: string,
  columns: ColumnSpec[],
  options: { sheet?: string; ctx?: JobContext } = {},
): Promise<XlsxTable> {
  const ctx = options.ctx
  ctx?.progress(0, 0, '正在读取文件……')
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.readFile(path)
  } catch {
    throw new UserError('无法读取该文件：请选择 Excel 工作簿（.xlsx）。旧版 .xls 请先在 Excel 中另存为 .xlsx。', 'file')
  }
  const sheet = options.sheet ? wb.getWorksheet(options.sheet) : wb.worksheets[0]
  if (!sheet) throw new UserError(options.sheet ? `工作簿中没有名为「${options.sheet}」的工作表` : '工作簿中没有工作表', 'file')

  // Header row: the one among the first 10 where most fields are found.
  let headerRow = 0
  let best = new Map<string, number>()
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
    const found = new Map<string, number>()
    sheet.getRow(r).eachCell((cell, col) => {
      const text = norm(cellText(cell))
      const spec = columns.find((c) => !found.has(c.field) && c.aliases.some((a) => norm(a) === text))
      if (spec) found.set(spec.field, col)
    })
    if (found.size > best.size) {
      best = found
      headerRow = r
    }
  }
  const missing = columns.filter((c) => c.required && !best.has(c.field))
  if (missing.length) {
    throw new UserError(
      `在「${sheet.name}」的前 10 行中找不到这些列：${missing.map((c) => c.label).join('、')}（表头应写作 ${missing.map((c) => c.aliases[0]).join('、')}）`,
      'file',
    )
  }

  const mapped: ImportColumn[] = []
  const warnings: string[] = []
  sheet.getRow(headerRow).eachCell((cell, col) => {
    const spec = columns.find((c) => best.get(c.field) === col)
    const letter = sheet.getColumn(col).letter
    mapped.push({ column: letter, header: cellText(cell), field: spec?.label ?? null })
    if (!spec && cellText(cell)) warnings.push(`第 ${letter} 列「${cellText(cell)}」不是可导入的项目，已忽略`)
  })

  const problems: ImportProblem[] = []
  const rows: XlsxTable['rows'] = []
  let rowsRead = 0
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    if (ctx && (r - headerRow) % 200 === 0) {
      ctx.throwIfCancelled()
      ctx.progress(r, sheet.rowCount, `正在检查第 ${r} 行……`)
      await new Promise((next) => setImmediate(next)) // let other requests in between
    }
    const row = sheet.getRow(r)
    const texts = columns.map((c) => (best.has(c.field) ? cellText(row.getCell(best.get(c.field)!)) : ''))
    if (texts.every((t) => t === '')) continue
    rowsRead++
    const values: Record<string, unknown> = {}
    let ok = true
    columns.forEach((c, i) => {
      if (!best.has(c.field)) return
      const letter = sheet.getColumn(best.get(c.field)!).letter
      const text = texts[i]
      if (text === '' && c.required) {
        problems.push({ sheet: sheet.name, row: r, column: letter, value: '', reason: `「${c.label}」不能为空` })
        ok = false
        return
      }
      const parsed = c.parse(text)
      if ('error' in parsed) {
        problems.push({ sheet: sheet.name, row: r, column: letter, value: text.slice(0, 200), reason: parsed.error })
        ok = false
      } else values[c.field] = parsed.value
    })
    if (ok) rows.push({ row: r, values })
  }
  return { sheet: sheet.name, rowsRead, columns: mapped, rows, problems, warnings }
}
