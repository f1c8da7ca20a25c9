import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { matchHeader, normalizeHeader, type HeaderField, type HeaderMatch } from '../../../shared/statistics/headerAliases'
import type { ImportColumn, ImportProblem } from '../../../shared/imports/types'
import { excelDay } from '../imports/xlsxTable'

/** A worksheet as text: cells[r][c] (0-based), merged ranges filled with their value (SHEETS.md habit 2). */
export interface SheetGrid {
  name: string
  cells: string[][]
  /** 1-based column letters by 0-based index */
  letters: string[]
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return excelDay(v)
  if (typeof v === 'object') {
    if ('result' in v) return v.result === undefined || v.result === null ? '' : text(v.result as ExcelJS.CellValue)
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

const letterOf = (i: number): string => {
  let n = i + 1
  let s = ''
  while (n > 0) {
    const m = (n - 1) % 26
    s = String.fromCharCode(65 + m) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/** exceljs's value types (its `ValueType` enum) the grids tell apart. */
const NULL = 0
const MERGE = 1
const HYPERLINK = 5
const FORMULA = 6

/**
 * Reads a worksheet of an exceljs Workbook into a text grid (merged cells carry their master's value; a
 * formula by its cached result, '' when the file has none).
 */
export function sheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const width = sheet.columnCount
  const cells: string[][] = []
  for (let r = 1; r <= sheet.rowCount; r++) cells.push(new Array<string>(width).fill(''))
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const line = cells[r - 1]
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // a formula's value drops a falsy result (0, FALSE): its result is read instead
      if (c <= width) line[c - 1] = cell.type === FORMULA ? text(cell.result as ExcelJS.CellValue) : text(cell.value)
    })
  })
  // merged ranges: every cell of the range carries the master's text (habit 2)
  const merges =
    (sheet as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges ??
    {}
  for (const m of Object.values(merges)) {
    const { top, left, bottom, right } = m.model
    const master = cells[top - 1]?.[left - 1] ?? ''
    for (let r = top; r <= bottom && r <= cells.length; r++) for (let c = left; c <= right && c <= width; c++) cells[r - 1][c - 1] = master
  }
  return { name: sheet.name, cells, letters: Array.from({ length: width }, (_, i) => letterOf(i)) }
}

/** Header paths already matched, per field table (an import file's header is read the same way every time). */
const MATCHES = new WeakMap<readonly HeaderField[], Map<string, HeaderMatch | null>>()

/** The header found in a grid: where it is and what each column means. */
export interface HeaderLayout {
  /** 0-based first and last header rows */
  start: number
  end: number
  /** per 0-based column: the header path as read (levels joined with '：') */
  paths: string[]
  /** per 0-based column: the matched field, or null */
  matches: (HeaderMatch | null)[]
  /** fields matched (distinct) */
  score: number
  /** a unit in brackets the app does not convert, per column */
  unknownUnits: { column: number; unit: string }[]
}

/**
 * The header path of one column over rows start..end: levels deduplicated (vertical merges), empty ones
 * dropped. `levels[r][c]`: the cell's text without a trailing colon or space.
 */
function pathOf(levels: readonly string[][], start: number, end: number, c: number): string {
  let path = ''
  let last = ''
  for (let r = start; r <= end; r++) {
    const t = levels[r][c]
    if (t && t !== last) path = path ? `${path}：${t}` : t
    if (t) last = t
  }
  return path
}

/**
 * Finds the header of a one-row-per-institution sheet (SHEETS.md shapes B and C): among the first 15
 * rows, the block of 1–3 rows whose column paths name the most fields (a title row above it is
 * ignored; a two-row heading with merged cells is read as `group：sub`). Ties go to the block ending
 * first, then to the shorter block (a title row stays outside). Returns null when fewer than `minFields` fields are found.
 */
export function findHeader(grid: SheetGrid, fields: readonly HeaderField[], minFields = 2): HeaderLayout | null {
  let best: HeaderLayout | null = null
  let cache = MATCHES.get(fields)
  if (!cache) MATCHES.set(fields, (cache = new Map()))
  if (cache.size > 20_000) cache.clear()
  const limit = Math.min(15, grid.cells.length)
  const width = grid.letters.length
  // each candidate row's texts as header levels, once (a row is part of up to six candidate blocks)
  const levels = grid.cells.slice(0, limit).map((row) => Array.from({ length: width }, (_, c) => (row[c] ?? '').replace(/[:：\s]+$/, '')))
  for (let s = 0; s < limit; s++) {
    for (let d = 1; d <= 3 && s + d - 1 < limit; d++) {
      const e = s + d - 1
      if (d > 1 && grid.cells[e].every((t) => t === '')) continue
      const paths = grid.letters.map((_, c) => pathOf(levels, s, e, c))
      const matches = paths.map((p) => {
        if (!p) return null
        let m = cache.get(p)
        if (m === undefined) cache.set(p, (m = matchHeader(p, fields)))
        return m
      })
      const seen = new Set<string>()
      for (const m of matches) if (m) seen.add(m.field.key)
      const score = seen.size
      if (!best || score > best.score || (score === best.score && (e < best.end || (e === best.end && s > best.start))))
        best = { start: s, end: e, paths, matches, score, unknownUnits: [] }
    }
  }
  if (!best || best.score < minFields) return null
  // units the app does not convert, read for the chosen block only
  const { paths, matches } = best
  paths.forEach((p, c) => {
    const u = /[(（]单位[:：]?([^)）]*)[)）]$/.exec(normalizeHeader(p))
    if (u && matches[c] && !['元', '万元', '千元', 'm2', '平方米', '万平方米', '人', '班', '间', '个', '所'].includes(u[1]))
      best!.unknownUnits.push({ column: c, unit: u[1] })
  })
  return best
}

/**
 * The worksheet parts an import never reads, skipped while exceljs parses (its `ignoreNodes` read option):
 * the drop-down lists of a template (one `dataValidation` per cell range, the largest part after the cells),
 * views, columns, print settings, links, pictures. Cells (`sheetData`) and merged ranges are read; styles
 * (dates) and shared strings are workbook parts, always read.
 */
export const IGNORED_SHEET_PARTS = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'autoFilter',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
]

/**
 * Reads an .xlsx into grids, one per worksheet (hidden ones included: habit 11), through exceljs with
 * the parts no import reads skipped (IGNORED_SHEET_PARTS): the same grids as a full read, sooner.
 * @throws exceljs's error when the file cannot be read
 */
export async function readWorkbookGrids(path: string): Promise<SheetGrid[]> {
  return workbookGrids(await readFile(path))
}

/** A cell as exceljs parses it (its cell `model`, shared strings and date formats already applied). */
interface CellModel {
  address?: string
  type: number
  value?: unknown
  result?: unknown
  text?: unknown
}
/** A worksheet as exceljs parses it (`id`, `name` from the workbook part). */
interface SheetModel {
  id?: number
  name?: string
  rows: { number: number; cells: CellModel[] }[]
  mergeCells?: string[]
}
/** The workbook as exceljs's xlsx loader hands it to `Workbook.model`. */
interface BookModel {
  sheets?: { id: number }[]
  worksheets: SheetModel[]
}

/**
 * The grids of an .xlsx held in memory, one per worksheet in the workbook's order (hidden ones included):
 * exceljs parses the file (zip, XML, shared strings, styles for dates; `IGNORED_SHEET_PARTS` skipped) and
 * the grids are read from the model its loader produces, without the Workbook / Worksheet / Row / Cell
 * objects a full read builds from that model (most of a read's allocations; an import never uses them).
 * The grids equal `sheetGrid` over a full read's worksheets (same extent: rows and columns that hold a
 * cell or a merged range); if exceljs's loader ever stops handing over its model, the Workbook is read.
 * @throws exceljs's error when the bytes are not a workbook it can read
 */
export async function workbookGrids(data: Buffer | Uint8Array): Promise<SheetGrid[]> {
  let model: BookModel | undefined
  const wb = new ExcelJS.Workbook()
  // the loader ends with `this.workbook.model = model`: take the model there instead of building the objects
  const loader = wb.xlsx as unknown as { workbook: unknown }
  loader.workbook = {
    set model(m: BookModel) {
      model = m
    },
  }
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_SHEET_PARTS } as Parameters<ExcelJS.Xlsx['load']>[1])
  const book = model as BookModel | undefined
  if (!book || !Array.isArray(book.worksheets)) {
    const full = new ExcelJS.Workbook()
    await full.xlsx.load(data as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_SHEET_PARTS } as Parameters<ExcelJS.Xlsx['load']>[1])
    return full.worksheets.map(sheetGrid)
  }
  // as Workbook does: one worksheet per sheet id (ids from 1), in the order of the workbook's sheet list
  const byId = new Map<number, SheetModel>()
  for (const w of book.worksheets) if (typeof w.id === 'number' && w.id >= 1) byId.set(w.id, w)
  const orderNo = (id: number) => (book.sheets ?? []).findIndex((s) => s.id === id)
  return [...byId.entries()]
    .sort((a, b) => a[0] - b[0])
    .sort((a, b) => orderNo(a[0]) - orderNo(b[0]))
    .map(([, w]) => modelGrid(w))
}

/** 0-based column of a cell address such as `AB12` (letters only read), or -1. */
function columnOf(address: string): number {
  let n = 0
  let i = 0
  for (; i < address.length; i++) {
    const k = address.charCodeAt(i)
    if (k === 36) continue // $
    if (k < 65 || k > 90) break
    n = n * 26 + (k - 64)
  }
  return n - 1
}

/** A range such as `A4:B5` (or one cell) as 1-based rows and columns, top-left first. */
function rangeOf(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.trim())
  if (!m) return null
  const c1 = columnOf(m[1]) + 1
  const r1 = Number(m[2])
  const c2 = m[3] ? columnOf(m[3]) + 1 : c1
  const r2 = m[4] ? Number(m[4]) : r1
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) }
}

/** A cell model's text, as `sheetGrid` reads the same cell of a Workbook. */
function modelText(c: CellModel): string {
  if (c.type === NULL) return ''
  if (c.type === FORMULA) return text(c.result as ExcelJS.CellValue)
  if (c.type === HYPERLINK) return text({ text: c.text, hyperlink: '' } as ExcelJS.CellValue)
  return text(c.value as ExcelJS.CellValue)
}

/** One parsed worksheet as a grid: the extent and texts a Workbook's worksheet would give `sheetGrid`. */
function modelGrid(sheet: SheetModel): SheetGrid {
  // where each cell goes: a cell without an address follows the previous one (as exceljs's Row does); a cell
  // with neither value nor style is not a cell (exceljs types it Merge and drops it)
  const placed: { row: string[] | null; r: number; cols: number[]; cells: CellModel[] }[] = []
  let rowCount = 0
  let width = 0
  for (const row of sheet.rows) {
    rowCount = Math.max(rowCount, row.number)
    const cols: number[] = []
    const kept: CellModel[] = []
    let previous = -1
    for (const cell of row.cells) {
      if (cell.type === MERGE) continue
      const c = cell.address ? columnOf(cell.address) : previous >= 0 ? previous + 1 : -1
      if (c < 0) continue
      previous = c
      cols.push(c)
      kept.push(cell)
      if (c + 1 > width) width = c + 1
    }
    placed.push({ row: null, r: row.number, cols, cells: kept })
  }
  const merges = (sheet.mergeCells ?? []).map(rangeOf).filter((m) => m !== null)
  for (const m of merges) {
    rowCount = Math.max(rowCount, m.bottom)
    width = Math.max(width, m.right)
  }
  const cells: string[][] = []
  for (let r = 0; r < rowCount; r++) cells.push(new Array<string>(width).fill(''))
  for (const p of placed) {
    const line = cells[p.r - 1]
    for (let i = 0; i < p.cells.length; i++) line[p.cols[i]] = modelText(p.cells[i])
  }
  for (const { top, left, bottom, right } of merges) {
    const master = cells[top - 1][left - 1]
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) cells[r - 1][c - 1] = master
  }
  return { name: sheet.name ?? '', cells, letters: Array.from({ length: width }, (_, i) => letterOf(i)) }
}

/**
 * Maps a found header's columns for the import preview: each column with the field it feeds (and its unit
 * conversion), a warning for a column that is not importable or repeats a field (only the first is read),
 * and a problem for a unit that cannot be read (sheet, row, column, value, reason).
 * @returns field key → 0-based column index of the column read for it
 */
export function mapHeaderColumns(
  sheet: SheetGrid,
  header: HeaderLayout,
  out: { columns: ImportColumn[]; warnings: string[]; problems: ImportProblem[] },
): Map<string, number> {
  const colOf = new Map<string, number>()
  header.paths.forEach((path, c) => {
    const m = header.matches[c]
    const letter = sheet.letters[c]
    if (!path) return
    if (m && colOf.has(m.field.key)) {
      out.warnings.push(
        `第 ${letter} 列「${path}」与第 ${sheet.letters[colOf.get(m.field.key)!]} 列都对应「${m.field.label}」，只读取第一列`,
      )
      out.columns.push({ column: letter, header: path, field: null })
      return
    }
    if (m) colOf.set(m.field.key, c)
    out.columns.push({
      column: letter,
      header: path,
      field: m ? m.field.label + (m.factor !== 1 ? `（${m.statedUnit}→${m.field.unit}，×${m.factor}）` : '') : null,
    })
    if (!m) out.warnings.push(`第 ${letter} 列「${path}」不是可导入的项目，已忽略`)
  })
  for (const u of header.unknownUnits)
    out.problems.push({
      sheet: sheet.name,
      row: header.end + 1,
      column: sheet.letters[u.column],
      value: header.paths[u.column],
      reason: `无法识别的单位「${u.unit}」，请改为 元、万元、㎡ 等`,
    })
  return colOf
}
