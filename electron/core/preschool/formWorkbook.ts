import { cleanValue, parseNumber, PRESCHOOL_SHEET_FIELDS, yearInTitle } from '../../../shared/preschool/importFields'
import { matchHeader, normalizeHeader, type HeaderField } from '../../../shared/statistics/headerAliases'
import { findHeader, type SheetGrid } from './sheetGrid'

/** Where a value of a kindergarten's own statistics workbook was read. */
export interface FormCell {
  text: string
  sheet: string
  row: number
  column: string
}

const NUMERIC = PRESCHOOL_SHEET_FIELDS.filter((f) => ['count', 'area', 'money'].includes(f.kind))
const IDENTITY = PRESCHOOL_SHEET_FIELDS.filter((f) => !['count', 'area', 'money'].includes(f.kind))
const TOTAL_LABELS = new Set(['总计', '合计', '计'])
/** a row label's numbering and "of which" words: 一、 / （一） / 1. / 其中： */
const stripLabel = (t: string) =>
  normalizeHeader(t)
    .replace(/^[(（]?[一二三四五六七八九十\d]+[)）、.．]/, '')
    .replace(/^其中:?/, '')

/**
 * Shape A of SHEETS.md: one kindergarten's own statistics workbook (基层表), one sheet per form.
 * Identity from vertical key–value lists (基础基111 / 教基1001: label, then the value to its right or
 * in a 填报值 column); figures from the forms whose rows are indicators: the 总计 row × the column path
 * (基础基311 在园（班）人数：小班, 教职工数：专任教师 …); 校舍 rows (教学及辅助用房, 活动室, 睡眠室; 总计 =
 * 校舍建筑面积) × the first 合计 column. Units in headers are converted (万平方米 → ㎡).
 * @returns field key → the cell it came from (numbers already in the stored unit), and the year a
 *   title states; null when the workbook has no 学校（机构）名称 label (not this shape)
 */
export function readFormWorkbook(grids: readonly SheetGrid[]): { values: Map<string, FormCell>; year: number | null } | null {
  const values = new Map<string, FormCell>()
  let year: number | null = null
  const put = (key: string, cell: FormCell, override = false) => {
    if (override || !values.has(key)) values.set(key, cell)
  }

  for (const g of grids) {
    // the year, from a title row
    for (let r = 0; r < Math.min(8, g.cells.length) && year === null; r++)
      for (const t of g.cells[r]) if (t && (year = yearInTitle(t)) !== null) break

    // vertical key–value lists: label → the 填报值 column, else the next non-empty cell
    let valueCol = -1
    for (let r = 0; r < Math.min(10, g.cells.length) && valueCol < 0; r++)
      valueCol = g.cells[r].findIndex((t) => ['填报值', '数值', '填报内容', '内容'].includes(normalizeHeader(t)))
    g.cells.forEach((line, r) => {
      line.forEach((t, c) => {
        if (!t) return
        const m = matchHeader(t, IDENTITY) ?? matchHeader(stripLabel(t), NUMERIC)
        if (!m || m.droppedLevels > 0) return
        let vc = valueCol > c ? valueCol : -1
        if (vc < 0)
          for (let k = c + 1; k < line.length; k++)
            if (line[k] !== '' && !/^(人|班|个|所|间|㎡|m2|平方米|元|万元)$/.test(cleanValue(line[k]))) {
              vc = k
              break
            }
        if (vc < 0) return
        const text = line[vc]
        if (m.field.kind === 'count' || m.field.kind === 'area' || m.field.kind === 'money') {
          const unit = cleanValue(line.slice(c + 1, vc).join(''))
          const factor = unit === '万元' || unit === '万平方米' ? 10000 : m.factor
          const p = parseNumber(text, m.field.kind, factor)
          if ('error' in p) return // a header cell next to another header cell, not a value
          put(m.field.key, { text: p.value === null ? '' : String(p.value), sheet: g.name, row: r + 1, column: g.letters[vc] })
        } else if (matchHeader(text, PRESCHOOL_SHEET_FIELDS) === null) {
          put(m.field.key, { text, sheet: g.name, row: r + 1, column: g.letters[vc] })
        }
      })
    })

    // forms whose rows are indicators: the 总计 row × the header's column paths
    const header = findHeader(g, NUMERIC, 1)
    if (!header) continue
    const isBuilding = g.cells.slice(0, header.end + 1).some((line) => line.some((t) => t.includes('校舍')))
    for (let r = header.end + 1; r < g.cells.length; r++) {
      const line = g.cells[r]
      const labelCol = line.findIndex((t) => t !== '' && !/^[\d.,\-—*]+$/.test(cleanValue(t)))
      if (labelCol < 0) continue
      const label = stripLabel(line[labelCol])
      if (TOTAL_LABELS.has(label)) {
        header.matches.forEach((m, c) => {
          if (!m || c <= labelCol || line[c] === '') return
          const p = parseNumber(line[c], m.field.kind, m.factor)
          put(
            m.field.key,
            { text: 'error' in p ? line[c] : p.value === null ? '' : String(p.value), sheet: g.name, row: r + 1, column: g.letters[c] },
            true,
          )
        })
        if (isBuilding) rowValue(g, header, r, labelCol, 'areas.building', put)
      } else if (isBuilding) {
        const m = matchHeader(
          label,
          NUMERIC.filter((f) => f.key.startsWith('areas.')),
        )
        if (m) rowValue(g, header, r, labelCol, m.field.key, put)
      }
    }
  }
  return values.has('name') ? { values, year } : null
}

/** A 校舍 row's figure: its first 合计 column (else the first number right of the label). */
function rowValue(
  g: SheetGrid,
  header: NonNullable<ReturnType<typeof findHeader>>,
  r: number,
  labelCol: number,
  key: string,
  put: (key: string, cell: FormCell, override?: boolean) => void,
): void {
  const line = g.cells[r]
  let col = header.paths.findIndex((p, c) => c > labelCol && /(^|[:：])(合计|计|建筑面积)/.test(p) && line[c] !== '')
  if (col < 0) col = line.findIndex((t, c) => c > labelCol && /^[\d.,]+$/.test(cleanValue(t)))
  if (col < 0) return
  const unit = /万平方米/.test(header.paths[col] + g.cells.slice(0, header.start).flat().join('')) ? 10000 : 1
  const field = NUMERIC.find((f) => f.key === key) as HeaderField
  const p = parseNumber(line[col], field.kind, unit)
  put(
    key,
    { text: 'error' in p ? line[col] : p.value === null ? '' : String(p.value), sheet: g.name, row: r + 1, column: g.letters[col] },
    true,
  )
}

/**
 * The values of a kindergarten's own workbook as a one-row table in the template's words (the sheet
 * `基层表`), so the usual row checks apply; `locate` maps a column of that table back to the cell it
 * came from.
 */
export function formAsTable(
  values: Map<string, FormCell>,
  year: number | null,
): { grid: SheetGrid; locate: (column: string) => FormCell | null } {
  const keys = PRESCHOOL_SHEET_FIELDS.filter((f) => values.has(f.key))
  const letters = keys.map((_, i) => String.fromCharCode(65 + (i % 26)).repeat(Math.floor(i / 26) + 1))
  const title = year !== null ? `${year}年` : ''
  const grid: SheetGrid = {
    name: '基层表',
    letters,
    cells: [keys.map((_, i) => (i === 0 ? title : '')), keys.map((f) => f.label), keys.map((f) => values.get(f.key)!.text)],
  }
  return {
    grid,
    locate: (column) => {
      const i = letters.indexOf(column)
      return i < 0 ? null : values.get(keys[i].key)!
    },
  }
}
