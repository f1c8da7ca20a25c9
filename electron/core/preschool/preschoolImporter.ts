import type Database from 'better-sqlite3'
import type { ImportColumn, ImportProblem } from '../../../shared/imports/types'
import type { Institution, KindergartenAttributes } from '../../../shared/institutions/types'
import {
  parseDate,
  parseFlag,
  parseInstitutionType,
  parseNumber,
  parseSchedule,
  parseSponsor,
  parseStatYear,
  parseUrbanRural,
  PRESCHOOL_COUNTY_SHEET_FIELDS,
  PRESCHOOL_SHEET_FIELDS,
  yearInTitle,
  cleanValue,
  EXAMPLE_ROW_PREFIX,
} from '../../../shared/preschool/importFields'
import type { KindergartenYear } from '../../../shared/preschool/types'
import { isNoteRow, isSummaryRow, type HeaderField } from '../../../shared/statistics/headerAliases'
import { nowIso } from '../clock'
import { UserError } from '../errors'
import type { ResolvedInput } from '../files/fileStore'
import type { Importer, ImportReading } from '../imports/importSession'
import { closeInstitution, institutionRegistry } from '../institutions/institutionRepository'
import { prepared } from '../institutions/statements'
import type { JobContext } from '../jobs/jobRunner'
import {
  deleteKindergartenYear,
  kindergartenIdsOfYear,
  kindergartenNamesOfYear,
  preschoolYears,
  saveCountyYear,
  saveKindergartenYear,
} from './preschoolRepository'
import { formAsTable, readFormWorkbook } from './formWorkbook'
import { findHeader, mapHeaderColumns, readWorkbookGrids, type HeaderLayout, type SheetGrid } from './sheetGrid'

/** One kindergarten row of the file, checked. */
export interface KindergartenImportRow {
  kind: 'kindergarten'
  statYear: number
  code: string | null
  figures: KindergartenYear
  attributes: KindergartenAttributes
  urbanRuralCode: string | null
  /** `文件 / 工作表 第 N 行` */
  source: string
}

/** The county's figures of a year (sheet 全县), checked. */
export interface CountyImportRow {
  kind: 'county'
  statYear: number
  agePopulation: number | null
  byTownship: Record<string, number>
  source: string
}

export type PreschoolImportRow = KindergartenImportRow | CountyImportRow

/** A kindergarten stored for a year the file covers (or the year before) but absent from the file. */
export interface DroppedKindergarten {
  institutionId: number
  name: string
  /** the year of the file it is missing from */
  statYear: number
}

const LABEL: Record<string, string> = Object.fromEntries(PRESCHOOL_SHEET_FIELDS.map((f) => [f.key, f.label]))

const PATHS = new Map<string, [string, string] | [string]>()
function setPath(obj: Record<string, unknown>, path: string, v: unknown): void {
  let parts = PATHS.get(path)
  if (!parts) PATHS.set(path, (parts = path.split('.') as [string, string] | [string]))
  if (parts.length === 1) obj[parts[0]] = v
  else ((obj[parts[0]] ??= {}) as Record<string, unknown>)[parts[1]] = v
}

/** The preview lists at most this many problems (a wrong file can have tens of thousands). */
const MAX_PROBLEMS = 500
const NUMBER_KINDS = new Set<HeaderField['kind']>(['count', 'area', 'money', 'number'])
const NUMBERING_ROW = /^([甲乙丙丁戊己]|L?\d{1,3}|栏次|序号)$/

/**
 * Reads the 学前教育 workbook: the kindergarten sheet (named 幼儿园, else the sheet whose header names
 * the most fields: the app's template, a county export, a hand-made sheet) and the county sheet 全县
 * when present. Checks every row; problems carry sheet, row, column letter, value and a Chinese reason.
 * `fallbackYear` applies when neither a 统计年度 column nor a title row gives the year.
 */
export async function readPreschoolWorkbook(
  file: ResolvedInput,
  options: { fallbackYear?: number; knownTownships?: string[]; ctx?: JobContext } = {},
): Promise<ImportReading<PreschoolImportRow> & { years: number[]; shape: 'table' | 'form' }> {
  options.ctx?.progress(0, 0, '正在读取文件……')
  let grids: SheetGrid[]
  try {
    grids = await readWorkbookGrids(file.path)
  } catch {
    throw new UserError('无法读取该文件：请选择 Excel 工作簿（.xlsx）。旧版 .xls 请先在 Excel 中另存为 .xlsx。', 'file')
  }
  const problems: ImportProblem[] = []
  const warnings: string[] = []
  const columns: ImportColumn[] = []
  const rows: PreschoolImportRow[] = []
  let rowsRead = 0

  // Pick the sheets.
  const countyGrid = grids.find((g) => cleanValue(g.name) === '全县')
  const candidates = grids.filter((g) => g !== countyGrid).map((g) => ({ g, h: findHeader(g, PRESCHOOL_SHEET_FIELDS) }))
  const named = candidates.find((c) => cleanValue(c.g.name) === '幼儿园' && c.h)
  const scored = candidates.filter((c) => c.h).sort((a, b) => b.h!.score - a.h!.score)
  let main = named ?? scored[0]
  // Shape A: a kindergarten's own statistics workbook (no row-per-school table with names)
  let form: ReturnType<typeof formAsTable> | null = null
  if (!main || !main.h || !main.h.matches.some((m) => m?.field.key === 'name')) {
    const read = readFormWorkbook(grids)
    if (read) {
      form = formAsTable(read.values, read.year)
      main = { g: form.grid, h: findHeader(form.grid, PRESCHOOL_SHEET_FIELDS, 1) }
      warnings.push(`按单个幼儿园的统计报表（基层表）读取：${[...new Set([...read.values.values()].map((v) => v.sheet))].join('、')}`)
    }
  }
  if ((!main || !main.h) && countyGrid) {
    // only the county's figures (sheet 全县): 3–5周岁常住人口 of one or more years
    const countyRows = readCountySheet(countyGrid, file, yearInTitle(file.name) ?? options.fallbackYear ?? null, problems, warnings)
    return {
      rowsRead: countyRows.length,
      columns: [],
      rows: problems.length ? [] : countyRows,
      problems,
      warnings: [...warnings, '工作簿中只有「全县」表：只导入全县数据'],
      years: [...new Set(countyRows.map((r) => r.statYear))].sort(),
      shape: 'table',
    }
  }
  if (!main || !main.h)
    throw new UserError(
      '工作簿中找不到幼儿园数据表：没有一个工作表的表头包含“学校（机构）名称”“在园（班）人数”等统计项目。请使用本程序的导入模板，或检查表头。',
      'file',
    )
  const sheet = main.g
  const header = main.h
  // Other sheets that look like data are named as left out — not the 基层表 sheets a school's own workbook was read from.
  if (!form)
    for (const c of candidates)
      if (c !== main && c.h && c.h.score >= 3) warnings.push(`工作表「${c.g.name}」未导入（已按表头选用「${sheet.name}」）`)

  const locateForm0 = (p: ImportProblem): ImportProblem => {
    const cell = form && p.column ? form.locate(p.column) : null
    return cell ? { ...p, sheet: cell.sheet, row: cell.row, column: cell.column } : p
  }
  // Year stated in the rows above the header (habit 1).
  let titleYear: number | null = null
  for (let r = 0; r < header.start && titleYear === null; r++)
    for (const t of sheet.cells[r]) if (t && (titleYear = yearInTitle(t)) !== null) break
  if (titleYear === null) titleYear = yearInTitle(file.name)

  // Columns.
  const colOf = mapHeaderColumns(sheet, header, { columns, warnings, problems })
  for (const req of ['name', 'sponsor', 'enrolledChildren.total']) {
    if (!colOf.has(req))
      problems.push({ sheet: sheet.name, row: header.end + 1, column: null, value: '', reason: `找不到必需的列「${LABEL[req]}」` })
  }
  if (!colOf.has('statYear') && titleYear === null && options.fallbackYear === undefined) {
    problems.push({
      sheet: sheet.name,
      row: null,
      column: null,
      value: '',
      reason: '无法确定统计年度：请在表中加“统计年度”列，或在标题中写明年份（如“2024年”），或在导入时选择年度',
    })
  }
  if (problems.length)
    return { rowsRead: 0, columns, rows: [], problems: problems.map(locateForm0), warnings, years: [], shape: form ? 'form' : 'table' }

  const fields = PRESCHOOL_SHEET_FIELDS.filter((f) => colOf.has(f.key))
  const sumTargets = new Set(fields.filter((f) => f.sumsInto && !colOf.has(f.sumsInto)).map((f) => f.sumsInto!))
  const seenCodes = new Map<string, number>()
  const seenNames = new Map<string, number>()
  const knownTownships = new Set(options.knownTownships ?? [])
  const locateForm = (p: ImportProblem): ImportProblem => {
    if (!form || p.sheet !== sheet.name) return p
    const cell = p.column ? form.locate(p.column) : null
    return cell ? { ...p, sheet: cell.sheet, row: cell.row, column: cell.column } : { ...p, row: null }
  }
  const countyRows = countyGrid ? readCountySheet(countyGrid, file, titleYear ?? options.fallbackYear ?? null, problems, warnings) : []
  for (const c of countyRows) for (const t of Object.keys(c.byTownship)) knownTownships.add(t)
  const nameCol = colOf.get('name')!

  const plan = fields.map((f) => ({
    f,
    c: colOf.get(f.key)!,
    factor: header.matches[colOf.get(f.key)!]!.factor,
    numeric: NUMBER_KINDS.has(f.kind) && f.key !== 'statYear',
  }))
  let numberingChecked = false
  for (let r = header.end + 1; r < sheet.cells.length; r++) {
    const cells = sheet.cells[r]
    const rowNo = r + 1
    const firstText = cells.find((t) => t !== '')
    if (firstText === undefined) continue
    if (isNoteRow(firstText)) break // habit 8
    if (!numberingChecked) {
      numberingChecked = true
      if (cells.every((t) => t === '' || NUMBERING_ROW.test(cleanValue(t)))) continue // habit 3
    }
    const name = cells[nameCol].replace(/_x000D_/gi, '').trim()
    if (name && isSummaryRow(name)) {
      warnings.push(`${sheet.name} 第 ${rowNo} 行「${name}」是合计/统计行，已跳过（合计由程序重新计算）`)
      continue
    }
    if (name.startsWith(EXAMPLE_ROW_PREFIX)) {
      warnings.push(`${sheet.name} 第 ${rowNo} 行是模板的示例行，已跳过`)
      continue
    }
    rowsRead++
    const at = (key: string) => colOf.get(key)!
    const problem = (key: string | null, reason: string, value?: string) =>
      problems.push({
        sheet: sheet.name,
        row: rowNo,
        column: key && colOf.has(key) ? sheet.letters[at(key)] : null,
        value: value ?? (key && colOf.has(key) ? cells[at(key)] : ''),
        reason,
      })
    const before = problems.length
    const rec: Record<string, unknown> = { enrolledChildren: {} }
    const attributes: KindergartenAttributes = {}
    let code: string | null = null
    let statYear: number | null = null
    let urbanRuralCode: string | null = null
    let grade: string | null = null
    for (const { f, c, factor, numeric } of plan) {
      const t = cells[c]
      if (numeric && !f.sumsInto) {
        // the common case first: a count, area or money column (blank: not reported)
        if (t === '') {
          setPath(rec, f.key, null)
          continue
        }
        const p = parseNumber(t, f.kind, factor)
        if ('error' in p) problem(f.key, `「${f.label}」${p.error}`)
        else setPath(rec, f.key, p.value)
      } else if (f.key === 'name') {
        if (!name) problem('name', '「学校（机构）名称」不能为空')
        else rec.name = name
      } else if (f.key === 'id') {
        const v = cleanValue(t)
        if (v && !/^\d{10}$/.test(v))
          warnings.push(`${sheet.name} 第 ${rowNo} 行 ${sheet.letters[c]} 列：学校标识码「${v}」不是 10 位数字，请核对`)
        code = v || null
      } else if (f.key === 'statYear') {
        const p = parseStatYear(t)
        if ('error' in p) problem(f.key, p.error)
        else statYear = p.value
      } else if (f.key === 'sponsor') {
        const p = parseSponsor(t)
        if ('error' in p) problem(f.key, p.error)
        else rec.sponsor = p.value
      } else if (f.key === 'institutionType') {
        const p = parseInstitutionType(t)
        if ('error' in p) problem(f.key, p.error)
        else rec.institutionType = p.value
      } else if (f.key === 'urbanRural') {
        const p = parseUrbanRural(t)
        if ('error' in p) problem(f.key, p.error)
        else if (p.value) {
          rec.urbanRural = p.value.class
          urbanRuralCode = p.value.code
          attributes.urbanRuralText = cleanValue(t)
        }
      } else if (f.key === 'schedule') {
        const p = parseSchedule(t)
        if ('error' in p) problem(f.key, p.error)
        else rec.schedule = p.value
      } else if (f.kind === 'flag') {
        const p = parseFlag(t)
        if ('error' in p) problem(f.key, p.error)
        else rec[f.key] = p.value
      } else if (f.key === 'subsidisedSince') {
        const p = parseDate(t)
        if ('error' in p) problem(f.key, p.error)
        else attributes.subsidisedSince = p.value
      } else if (f.key === 'township') {
        rec.township = cleanValue(t) || null
      } else if (f.key === 'grade') {
        grade = t.trim() || null
      } else if (NUMBER_KINDS.has(f.kind)) {
        if (t === '') {
          if (!f.sumsInto) setPath(rec, f.key, null)
          continue
        }
        const p = parseNumber(t, f.kind, factor)
        if ('error' in p) problem(f.key, `「${f.label}」${p.error}`)
        else if (f.sumsInto) {
          if (sumTargets.has(f.sumsInto) && p.value !== null) {
            const parts = f.sumsInto.split('.')
            const group = (rec[parts[0]] ??= {}) as Record<string, number | null>
            group[parts[1]] = (group[parts[1]] ?? 0) + p.value
          }
        } else setPath(rec, f.key, p.value)
      }
    }
    // Whole-row checks.
    const year = statYear ?? titleYear ?? options.fallbackYear ?? null
    if (statYear !== null && titleYear !== null && statYear !== titleYear)
      problem('statYear', `统计年度 ${statYear} 与表头标题中的年度 ${titleYear} 不一致`)
    if (year === null) problem('statYear', '缺少统计年度')
    const ec = rec.enrolledChildren as Record<string, number | null>
    if (ec.total === null || ec.total === undefined) {
      if (problems.length === before || !problems.slice(before).some((p) => p.column === sheet.letters[at('enrolledChildren.total')]))
        problem('enrolledChildren.total', '「在园（班）人数：合计」不能为空')
    } else {
      const grades = [ec.nursery, ec.small, ec.middle, ec.large, ec.mixed]
      if ([ec.small, ec.middle, ec.large].some((g) => typeof g === 'number')) {
        const s = grades.reduce<number>((a, g) => a + (g ?? 0), 0)
        if (s !== ec.total) problem('enrolledChildren.total', `分班级人数之和 ${s} 与在园（班）人数合计 ${ec.total} 不相等`)
      }
    }
    const staff = rec.staff as Record<string, number | null> | undefined
    if (staff && typeof staff.total === 'number' && typeof staff.teachers === 'number' && staff.teachers > staff.total)
      problem('staff.teachers', `专任教师 ${staff.teachers} 人多于教职工合计 ${staff.total} 人`)
    if (rec.sponsor !== undefined) {
      const isPrivate = rec.sponsor === '民办'
      if (!isPrivate && rec.subsidised === true) problem('subsidised', '公办园不应标为普惠性民办幼儿园（普惠标志只适用于民办园）')
      if (isPrivate && (rec.subsidised === null || rec.subsidised === undefined)) {
        problems.push({
          sheet: sheet.name,
          row: rowNo,
          column: colOf.has('subsidised') ? sheet.letters[at('subsidised')] : null,
          value: colOf.has('subsidised') ? cells[at('subsidised')] : '',
          reason: '民办园必须填写“是否普惠性民办幼儿园”（是/否）',
        })
      }
    }
    const township = rec.township as string | null | undefined
    if (township && knownTownships.size > 0 && !knownTownships.has(township))
      problem('township', `乡镇（街道）「${township}」不在本县乡镇名单中（全县表或已导入的数据）`)
    if (name && year !== null) {
      if (code) {
        const k = `${year}|${code}`
        if (seenCodes.has(k)) problem('id', `学校标识码与第 ${seenCodes.get(k)} 行重复`)
        else seenCodes.set(k, rowNo)
      }
      const kn = `${year}|${name}`
      if (seenNames.has(kn)) problem('name', `幼儿园名称与第 ${seenNames.get(kn)} 行重复`)
      else seenNames.set(kn, rowNo)
    }
    if (problems.length > before || year === null) continue
    if (grade) attributes.grade = grade
    attributes.subsidised = (rec.subsidised as boolean | null | undefined) ?? null
    attributes.townshipCentre = (rec.townshipCentre as boolean | null | undefined) ?? null
    attributes.schedule = (rec.schedule as '全日制' | '半日制' | null | undefined) ?? null
    rec.id = code ?? name
    rows.push({
      kind: 'kindergarten',
      statYear: year,
      code,
      figures: rec as unknown as KindergartenYear,
      attributes,
      urbanRuralCode,
      source: `${file.name} / ${sheet.name} 第 ${rowNo} 行`,
    })
    if (options.ctx && rowsRead % 200 === 0) {
      options.ctx.throwIfCancelled()
      options.ctx.progress(r, sheet.cells.length, `正在检查第 ${rowNo} 行……`)
      await new Promise((next) => setImmediate(next)) // as a job: let progress events and other requests through
    }
  }
  // the 全县 sheet's rows are rows read too: 读取 61 行 / 确认导入 61 行 / 已导入 61 行 for 60 kindergartens and the county
  rows.push(...countyRows)
  rowsRead += countyRows.length
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS
    problems.splice(MAX_PROBLEMS, more, {
      sheet: sheet.name,
      row: null,
      column: null,
      value: '',
      reason: `另有 ${more} 处问题未列出：请先改正以上问题后重新检查`,
    })
  }
  const years = [...new Set(rows.map((r) => r.statYear))].sort()
  if (form) {
    for (const r of rows)
      if (r.kind === 'kindergarten')
        r.source = `${file.name} / 基层表（${[...new Set(columns.map((c) => form!.locate(c.column)?.sheet).filter(Boolean))].join('、')}）`
    return {
      rowsRead,
      columns: columns.map((c) => ({
        ...c,
        header: `${form!.locate(c.column)?.sheet ?? ''}!${form!.locate(c.column)?.column ?? ''}${form!.locate(c.column)?.row ?? ''}`,
        column: c.column,
      })),
      rows,
      problems: problems.map(locateForm),
      warnings,
      years,
      shape: 'form' as const,
    }
  }
  return { rowsRead, columns, rows, problems, warnings, years, shape: 'table' as const }
}

/**
 * Sheet 全县: 统计年度 (else the file's year), 3–5周岁常住人口, optionally 乡镇（街道） per row. A row with
 * no 乡镇 (or 全县 / 合计) is the county figure; without one the county figure is the sum of the 乡镇.
 */
function readCountySheet(
  grid: SheetGrid,
  file: ResolvedInput,
  fileYear: number | null,
  problems: ImportProblem[],
  warnings: string[],
): CountyImportRow[] {
  const header: HeaderLayout | null = findHeader(grid, PRESCHOOL_COUNTY_SHEET_FIELDS, 1)
  const popCol = header?.matches.findIndex((m) => m?.field.key === 'agePopulation') ?? -1
  if (!header || popCol < 0) {
    warnings.push(`工作表「${grid.name}」中找不到“3–5周岁常住人口”列，未读取`)
    return []
  }
  const yearCol = header.matches.findIndex((m) => m?.field.key === 'statYear')
  const townCol = header.matches.findIndex((m) => m?.field.key === 'township')
  const byYear = new Map<number, CountyImportRow & { total: number | null }>()
  for (let r = header.end + 1; r < grid.cells.length; r++) {
    const cells = grid.cells[r]
    if (cells.every((t) => t === '')) continue
    if (isNoteRow(cells.find((t) => t !== '') ?? '')) break
    const rowNo = r + 1
    let year = fileYear
    if (yearCol >= 0 && cells[yearCol]) {
      const p = parseStatYear(cells[yearCol])
      if ('error' in p) {
        problems.push({ sheet: grid.name, row: rowNo, column: grid.letters[yearCol], value: cells[yearCol], reason: p.error })
        continue
      }
      year = p.value
    }
    if (year === null) {
      problems.push({ sheet: grid.name, row: rowNo, column: null, value: '', reason: '缺少统计年度' })
      continue
    }
    const p = parseNumber(cells[popCol], 'count')
    if ('error' in p) {
      problems.push({
        sheet: grid.name,
        row: rowNo,
        column: grid.letters[popCol],
        value: cells[popCol],
        reason: `「3–5周岁常住人口」${p.error}`,
      })
      continue
    }
    const entry = byYear.get(year) ?? {
      kind: 'county',
      statYear: year,
      agePopulation: null,
      byTownship: {},
      total: null,
      source: `${file.name} / ${grid.name}`,
    }
    byYear.set(year, entry)
    const town = townCol >= 0 ? cleanValue(cells[townCol]) : ''
    if (!town || isSummaryRow(town)) entry.total = p.value
    else if (p.value !== null) entry.byTownship[town] = p.value
  }
  return [...byYear.values()].map(({ total, ...e }) => {
    const sum = Object.values(e.byTownship).reduce((a, b) => a + b, 0)
    return { ...e, agePopulation: total ?? (Object.keys(e.byTownship).length ? sum : null) }
  })
}

/**
 * The 学前教育 importer (key `preschool.workbook`) bound to the workspace's database: `read` also lists
 * the kindergartens stored for a covered year (or the year before) that the file drops (`dropped`);
 * `write` registers each kindergarten in the institution registry, upserts its year and the county's
 * year, and marks the ones in `closeIds` closed from the file's year.
 */
export function preschoolImporter(db: () => Database.Database, options: { fallbackYear?: number; closeIds?: number[] } = {}) {
  const state: { dropped: DroppedKindergarten[]; years: number[] } = { dropped: [], years: [] }
  const importer: Importer<PreschoolImportRow> & { state: typeof state } = {
    key: 'preschool.workbook',
    state,
    async read(file, ctx) {
      const d = db()
      const registry = registryNames(d)
      const knownTownships = [...new Set(registry.map((i) => i.township).filter((t): t is string => !!t))]
      const reading = await readPreschoolWorkbook(file, { fallbackYear: options.fallbackYear, knownTownships: [], ctx })
      // An unknown 乡镇 against the stored registry is a warning only (a new 乡镇 may be real); not on the first
      // import of kindergarten figures, when the registry knows only the 乡镇 of a few institutions (review of issue 11:
      // every 乡镇 but one flagged after the demo county was loaded).
      if (knownTownships.length && preschoolYears(d).length > 0) {
        const knownSet = new Set(knownTownships)
        const fresh = new Set(
          reading.rows.flatMap((r) =>
            r.kind === 'kindergarten' && r.figures.township && !knownSet.has(r.figures.township) ? [r.figures.township] : [],
          ),
        )
        if (fresh.size) reading.warnings.push(`以下乡镇（街道）此前没有出现过，请核对名称：${[...fresh].join('、')}`)
      }
      state.years = reading.years
      // A year chosen for the import is for sheets that state none: one that states its own wins, and says so.
      const chosen = options.fallbackYear
      if (chosen !== undefined && reading.years.length > 0 && !reading.years.includes(chosen))
        reading.warnings.push(`文件中写明的统计年度为 ${reading.years.join('、')} 年，与选择的 ${chosen} 年不同：按文件中的年度导入`)
      // a single kindergarten's own workbook says nothing about the others
      const leftOut = reading.shape === 'form' ? { dropped: [], kept: [] } : leftOutKindergartens(d, reading.rows, registry)
      state.dropped = leftOut.dropped
      for (const k of state.dropped)
        reading.warnings.push(`「${k.name}」在 ${k.statYear} 年的文件中没有出现：是否已停办？（导入时可选择标为停办）`)
      for (const k of leftOut.kept)
        reading.warnings.push(
          `本文件没有以下已有 ${k.statYear} 年数据的幼儿园，它们的数据保留不变：${k.names.slice(0, 5).join('、')}${k.names.length > 5 ? ` 等 ${k.names.length} 所` : ''}`,
        )
      return reading
    },
    write(d, rows) {
      let n = 0
      const now = nowIso() // every row written with the import's time
      const registry = institutionRegistry(d, 'kindergarten', now) // loaded once: no look-up query per row
      for (const row of rows) {
        if (row.kind === 'county') {
          saveCountyYear(d, row.statYear, {
            agePopulation: row.agePopulation,
            agePopulationByTownship: Object.keys(row.byTownship).length ? row.byTownship : undefined,
            source: row.source,
          })
          n++
          continue
        }
        const f = row.figures
        const id = registry.upsert(
          {
            kind: 'kindergarten',
            code: row.code,
            name: f.name,
            institutionType: f.institutionType ?? '111',
            sponsor: f.sponsor,
            urbanRural: f.urbanRural ?? null,
            urbanRuralCode: row.urbanRuralCode,
            township: f.township ?? null,
            attributes: { ...row.attributes },
          },
          row.statYear,
        )
        saveKindergartenYear(d, id, row.statYear, f, row.source, now)
        n++
      }
      const years = [...new Set(rows.map((r) => r.statYear))]
      const year = Math.max(...years)
      for (const id of options.closeIds ?? []) {
        closeInstitution(d, id, year)
        if (years.includes(year)) deleteKindergartenYear(d, id, year)
      }
      return n
    },
    describe(row): Record<string, string | number | null> {
      if (row.kind === 'county') return { 统计年度: row.statYear, 学校名称: '（全县）', '3–5周岁常住人口': row.agePopulation }
      const f = row.figures
      return {
        统计年度: row.statYear,
        学校标识码: row.code,
        学校名称: f.name,
        举办者: f.sponsor,
        普惠性民办: f.subsidised === true ? '是' : f.subsidised === false ? '否' : null,
        乡镇: f.township ?? null,
        在园幼儿: f.enrolledChildren.total,
        专任教师: f.staff?.teachers ?? null,
      }
    },
  }
  return importer
}

type RegistryName = Pick<Institution, 'id' | 'code' | 'name' | 'township'>

/** The kindergartens of the registry as the check needs them (id, code, name, 乡镇; no attributes parsed), by id. */
function registryNames(db: Database.Database): RegistryName[] {
  return prepared(db, "SELECT id, code, name, township FROM institutions WHERE kind = 'kindergarten' ORDER BY id").all() as RegistryName[]
}

/**
 * What a file leaves out, per year it covers: `dropped` — open kindergartens with figures in the latest stored
 * year BEFORE it that the rows do not name (by code or name) and that have no figures of this year either: the
 * ones to ask about (closed?); `kept` — kindergartens that already have figures of this very year and are not in
 * the file: a file of part of the county (the 公办园 one day, the 民办园 the next) says nothing about them, so
 * their figures stay as they are (never offered for closing: closing would drop that year's figures).
 */
export function droppedKindergartens(
  db: Database.Database,
  rows: readonly PreschoolImportRow[],
  registry: readonly RegistryName[] = registryNames(db),
): DroppedKindergarten[] {
  return leftOutKindergartens(db, rows, registry).dropped
}

/** See droppedKindergartens: the dropped ones and, per year, the names of those whose figures are kept. */
export function leftOutKindergartens(
  db: Database.Database,
  rows: readonly PreschoolImportRow[],
  registry: readonly RegistryName[] = registryNames(db),
): { dropped: DroppedKindergarten[]; kept: { statYear: number; names: string[] }[] } {
  const stored = preschoolYears(db)
  const dropped: DroppedKindergarten[] = []
  const kept: { statYear: number; names: string[] }[] = []
  const kgRows = rows.filter((r): r is KindergartenImportRow => r.kind === 'kindergarten')
  if (!stored.length) return { dropped, kept }
  // the registry as findInstitution sees it: by code, else by name
  const byCode = new Map(registry.filter((i) => i.code).map((i) => [i.code!, i.id]))
  const byName = new Map<string, number>()
  for (const i of registry) if (!byName.has(i.name) || i.code === null) byName.set(i.name, i.id)
  for (const year of [...new Set(kgRows.map((r) => r.statYear))]) {
    const ids = new Set(
      kgRows
        .filter((r) => r.statYear === year)
        .map((r) => (r.code ? byCode.get(r.code) : undefined) ?? byName.get(r.figures.name))
        .filter((x): x is number => x !== undefined),
    )
    const thisYear = new Set(stored.includes(year) ? kindergartenIdsOfYear(db, year) : [])
    if ([...thisYear].some((id) => !ids.has(id)))
      kept.push({
        statYear: year,
        names: kindergartenNamesOfYear(db, year)
          .filter((k) => !ids.has(k.institutionId))
          .map((k) => k.name),
      })
    // stored years are newest first: the latest one before this year
    const previous = stored.find((y) => y < year)
    if (previous === undefined) continue
    // ids first (next year's file usually drops none); names only when some are missing
    if (kindergartenIdsOfYear(db, previous).every((id) => ids.has(id) || thisYear.has(id))) continue
    for (const k of kindergartenNamesOfYear(db, previous)) {
      if (!ids.has(k.institutionId) && !thisYear.has(k.institutionId))
        dropped.push({ institutionId: k.institutionId, name: k.name, statYear: year })
    }
  }
  return { dropped, kept }
}
