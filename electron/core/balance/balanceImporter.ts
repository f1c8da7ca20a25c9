import type Database from 'better-sqlite3'
import { CLASS_BANDS } from '../../../shared/balance/classBands'
import { checkCountyFigure } from '../../../shared/balance/countyFigures'
import {
  BALANCE_COUNTY_SHEET_FIELDS,
  BALANCE_SHEET_FIELDS,
  COUNTY_FIGURES,
  parseSchoolType,
  parseStage,
  RESOURCE_KEYS,
  SCHOOL_TYPE_STAGES,
  splitStageSuffix,
  stageOfName,
  stageOfText,
} from '../../../shared/balance/importFields'
import type { BalanceCountyYear, CountFigure, PartStage, SchoolResources, SchoolStageFigures } from '../../../shared/balance/types'
import type { ImportColumn, ImportProblem } from '../../../shared/imports/types'
import {
  cleanValue,
  EXAMPLE_ROW_PREFIX,
  parseFlag,
  parseNumber,
  parseStatYear,
  parseUrbanRural,
  yearInTitle,
} from '../../../shared/preschool/importFields'
import { INSTITUTION_TYPES } from '../../../shared/statistics/codes'
import { isNoteRow, isSummaryRow, type HeaderField } from '../../../shared/statistics/headerAliases'
import { UserError } from '../errors'
import type { ResolvedInput } from '../files/fileStore'
import type { Importer, ImportReading } from '../imports/importSession'
import { institutionRegistry } from '../institutions/institutionRepository'
import type { JobContext } from '../jobs/jobRunner'
// The sheet reader is generic (any one-row-per-institution sheet); it lives with the first importer that needed it.
import { findHeader, mapHeaderColumns, readWorkbookGrids, type SheetGrid } from '../preschool/sheetGrid'
import { mergeSchoolYear, saveCountyBalanceYear, saveStageYear } from './balanceRepository'

/** One school part (one 学段 of one school in one year), checked. */
export interface SchoolPartImportRow {
  kind: 'part'
  statYear: number
  code: string | null
  name: string
  institutionType: string | null
  urbanRural: '城区' | '镇区' | '乡村' | null
  urbanRuralCode: string | null
  urbanRuralText: string | null
  township: string | null
  special: boolean | null
  boarding: boolean | null
  figures: SchoolStageFigures & { classBands?: Record<string, number | null> }
  /** whole-school resources given on this row (only the fields the row filled) */
  resources: SchoolResources
  source: string
}

/** The county's figures of a year (sheet 全县), checked. */
export interface CountyBalanceImportRow {
  kind: 'county'
  statYear: number
  figures: Omit<BalanceCountyYear, 'statYear'>
  source: string
}

export type BalanceImportRow = SchoolPartImportRow | CountyBalanceImportRow

const NUMBER_KINDS = new Set<HeaderField['kind']>(['count', 'area', 'money', 'number'])
const NUMBERING_ROW = /^([甲乙丙丁戊己庚辛壬癸]|L?\d{1,3}|栏次|序号)$/
const LABEL: Record<string, string> = Object.fromEntries(BALANCE_SHEET_FIELDS.map((f) => [f.key, f.label]))

function setPath(obj: Record<string, unknown>, path: string, v: unknown): void {
  const parts = path.split('.')
  let o = obj
  for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>
  o[parts[parts.length - 1]] = v
}

/**
 * Reads a 优质均衡 workbook: the school sheet (named 学校, else the sheet whose header names the most
 * school fields: the app's template, a county export of one 学段, a hand-made 申报表) and the county
 * sheet 全县 when present. One row = one 学段 of one school: the 学段 comes from a 学段 column, a name
 * suffix (（小学部）), a one-stage 办学类型 (211 / 218 → 小学, 311 → 初中) or the file's 学段 (sheet name,
 * title or file name: 小学 / 初中, 教基3112 / 教基3115), else a name ending in 小学 / 教学点 or 初级中学 / 初中. Whole-school resources may be on any row of a
 * school; two rows of one school giving different values for one resource is a problem. Every problem
 * carries sheet, row, column letter, value and a Chinese reason; nothing is written here.
 * @throws UserError when the file is not a readable .xlsx or has no school sheet
 */
export async function readBalanceWorkbook(
  file: ResolvedInput,
  options: { fallbackYear?: number; ctx?: JobContext } = {},
): Promise<ImportReading<BalanceImportRow> & { years: number[] }> {
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
  const rows: BalanceImportRow[] = []
  let rowsRead = 0

  const countyGrid = grids.find((g) => cleanValue(g.name) === '全县')
  const candidates = grids.filter((g) => g !== countyGrid).map((g) => ({ g, h: findHeader(g, BALANCE_SHEET_FIELDS) }))
  const named = candidates.find((c) => cleanValue(c.g.name) === '学校' && c.h)
  const scored = candidates.filter((c) => c.h).sort((a, b) => b.h!.score - a.h!.score)
  const main = named ?? scored[0]
  if (!main || !main.h)
    throw new UserError(
      '工作簿中找不到学校数据表：没有一个工作表的表头包含“学校（机构）名称”“在校生数”等统计项目。请使用本程序的导入模板，或检查表头。',
      'file',
    )
  const sheet = main.g
  const header = main.h
  for (const c of candidates)
    if (c !== main && c.h && c.h.score >= 3) warnings.push(`工作表「${c.g.name}」未导入（已按表头选用「${sheet.name}」）`)

  const titleTexts: string[] = []
  for (let r = 0; r < header.start; r++) titleTexts.push(...sheet.cells[r].filter((t) => t))
  let titleYear: number | null = null
  for (const t of titleTexts) if ((titleYear = yearInTitle(t)) !== null) break
  if (titleYear === null) titleYear = yearInTitle(file.name)
  const fileStage = stageOfText(sheet.name, ...titleTexts, file.name)

  const colOf = mapHeaderColumns(sheet, header, { columns, warnings, problems })
  for (const req of ['name', 'stage.students']) {
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
  if (problems.length) return { rowsRead: 0, columns, rows: [], problems, warnings, years: [] }
  if (fileStage && !colOf.has('stage'))
    warnings.push(`按工作表或文件名，本表各行按「${fileStage}」学段读取（一贯制学校的其他学段请用对应学段的文件导入）`)

  const fields = BALANCE_SHEET_FIELDS.filter((f) => colOf.has(f.key))
  const sumTargets = new Set(fields.filter((f) => f.sumsInto && !colOf.has(f.sumsInto)).map((f) => f.sumsInto!))
  const nameCol = colOf.get('name')!
  const seenParts = new Map<string, number>()
  const schoolResources = new Map<string, { values: SchoolResources; rows: Partial<Record<string, number>> }>()
  const partsBySchool = new Map<string, SchoolPartImportRow[]>()

  let numberingChecked = false
  for (let r = header.end + 1; r < sheet.cells.length; r++) {
    const cells = sheet.cells[r]
    const rowNo = r + 1
    const nonEmpty = cells.filter((t) => t !== '')
    if (nonEmpty.length === 0) continue
    if (isNoteRow(nonEmpty[0])) break
    if (!numberingChecked) {
      numberingChecked = true
      if (nonEmpty.every((t) => NUMBERING_ROW.test(cleanValue(t)))) continue
    }
    const rawName = cells[nameCol]
      .replace(/_x000D_/gi, '')
      .replace(/\s+/g, ' ')
      .trim()
    if (rawName && isSummaryRow(rawName)) {
      warnings.push(`${sheet.name} 第 ${rowNo} 行「${rawName}」是合计/统计行，已跳过（合计、平均值、差异系数由程序重新计算）`)
      continue
    }
    if (rawName.startsWith(EXAMPLE_ROW_PREFIX)) {
      warnings.push(`${sheet.name} 第 ${rowNo} 行是模板的示例行，已跳过`)
      continue
    }
    const at = (key: string) => colOf.get(key)!
    const letter = (key: string) => (colOf.has(key) ? sheet.letters[at(key)] : null)
    if (colOf.has('countsAsSchool')) {
      const f = parseFlag(cells[at('countsAsSchool')])
      if ('value' in f && f.value === false) {
        warnings.push(`${sheet.name} 第 ${rowNo} 行「${rawName}」不计校数（校区或教学点，数据已含在所属学校中），已跳过`)
        continue
      }
    }
    rowsRead++
    const before = problems.length
    const problem = (key: string | null, reason: string, value?: string) =>
      problems.push({
        sheet: sheet.name,
        row: rowNo,
        column: key ? letter(key) : null,
        value: value ?? (key && colOf.has(key) ? cells[at(key)] : ''),
        reason,
      })
    const suffix = splitStageSuffix(rawName)
    const name = suffix.name
    const rec: Record<string, unknown> = {}
    let code: string | null = null
    let statYear: number | null = null
    let type: string | null = null
    let stage: PartStage | null = null
    let urbanRural: SchoolPartImportRow['urbanRural'] = null
    let urbanRuralCode: string | null = null
    let urbanRuralText: string | null = null
    let township: string | null = null
    const flags: { special: boolean | null; boarding: boolean | null } = { special: null, boarding: null }
    for (const f of fields) {
      const c = at(f.key)
      const t = cells[c]
      const factor = header.matches[c]!.factor
      if (f.key === 'name') {
        if (!name) problem('name', '「学校（机构）名称」不能为空')
      } else if (f.key === 'id') {
        const v = cleanValue(t)
        if (v && !/^\d{10}$/.test(v))
          warnings.push(`${sheet.name} 第 ${rowNo} 行 ${sheet.letters[c]} 列：学校标识码「${v}」不是 10 位数字，请核对`)
        code = v || null
      } else if (f.key === 'statYear') {
        const p = parseStatYear(t)
        if ('error' in p) problem(f.key, p.error)
        else statYear = p.value
      } else if (f.key === 'institutionType') {
        const p = parseSchoolType(t)
        if ('error' in p) problem(f.key, p.error)
        else type = p.value
      } else if (f.key === 'stage') {
        const p = parseStage(t)
        if ('error' in p) problem(f.key, p.error)
        else stage = p.value
      } else if (f.key === 'urbanRural') {
        const p = parseUrbanRural(t)
        if ('error' in p) problem(f.key, p.error)
        else if (p.value) {
          urbanRural = p.value.class
          urbanRuralCode = p.value.code
          urbanRuralText = cleanValue(t)
        }
      } else if (f.key === 'township') {
        township = cleanValue(t) || null
      } else if (f.key === 'special' || f.key === 'boarding') {
        const p = parseFlag(t)
        if ('error' in p) problem(f.key, p.error)
        else flags[f.key] = p.value
      } else if (f.key === 'countsAsSchool') {
        const p = parseFlag(t)
        if ('error' in p) problem(f.key, p.error)
      } else if (NUMBER_KINDS.has(f.kind)) {
        const p = parseNumber(t, f.kind, factor)
        if ('error' in p) problem(f.key, `「${f.label}」${p.error}`)
        else if (f.sumsInto) {
          if (sumTargets.has(f.sumsInto) && p.value !== null) {
            const cur = f.sumsInto.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], rec) as
              number | undefined
            setPath(rec, f.sumsInto, (cur ?? 0) + p.value)
          }
        } else if (p.value !== null) setPath(rec, f.key, p.value)
      }
    }
    // 学段
    if (suffix.stage) {
      if (stage && stage !== suffix.stage) problem('stage', `学段「${stage}」与名称中的「${suffix.stage}部」不一致`)
      stage ??= suffix.stage
    }
    const typeStages = type ? SCHOOL_TYPE_STAGES[type] : null
    if (!stage && typeStages && typeStages.length === 1) stage = typeStages[0]
    if (!stage && fileStage && (!typeStages || typeStages.includes(fileStage))) stage = fileStage
    if (!stage && !typeStages && name) stage = stageOfName(name)
    if (!stage && problems.length === before) {
      problem(
        colOf.has('stage') ? 'stage' : colOf.has('institutionType') ? 'institutionType' : 'name',
        typeStages
          ? `${INSTITUTION_TYPES[type!]}有多个学段：请在“学段”列填写 小学 或 初中（每个学段一行）`
          : '无法确定学段：请填写“学段”或“学校（机构）办学类型”',
      )
    }
    if (stage && typeStages && !typeStages.includes(stage))
      problem('stage', `办学类型为${INSTITUTION_TYPES[type!]}，不应有${stage}学段`, stage)
    const year = statYear ?? titleYear ?? options.fallbackYear ?? null
    if (statYear !== null && titleYear !== null && statYear !== titleYear)
      problem('statYear', `统计年度 ${statYear} 与表头标题中的年度 ${titleYear} 不一致`)
    if (year === null) problem('statYear', '缺少统计年度')
    // figures
    const st = (rec.stage ?? {}) as Record<string, unknown>
    const students = st.students as number | undefined
    if (students === undefined && !problems.slice(before).some((p) => p.column === letter('stage.students')))
      problem('stage.students', '「在校生数」不能为空')
    const bands = st.classBands as Record<string, number | null> | undefined
    if (bands && typeof st.classes === 'number') {
      const sum = CLASS_BANDS.reduce((a, b) => a + (bands[b.key] ?? 0), 0)
      if (sum !== st.classes) problem('stage.classes', `各班额段班数之和 ${sum} 与班数 ${st.classes} 不相等`)
    }
    for (const k of ['classesOverLimit', 'classesOver45', 'classesOver50'] as const) {
      const v = st[k]
      if (typeof v === 'number' && typeof st.classes === 'number' && v > st.classes)
        problem(`stage.${k}`, `「${LABEL[`stage.${k}`]}」${v} 多于班数 ${st.classes}`)
    }
    if (typeof st.classesOver45 === 'number' && typeof st.classesOver50 === 'number' && st.classesOver50 > st.classesOver45)
      problem('stage.classesOver50', `「超过50人的班数」${st.classesOver50} 多于「超过45人的班数」${st.classesOver45}`)
    const edu = st.teachersByEducation as Record<string, number> | undefined
    const teachers = st.teachers as number | undefined
    if (edu && typeof teachers === 'number') {
      const sum = Object.values(edu).reduce((a, b) => a + b, 0)
      if (sum > teachers) problem('stage.teachers', `按学历分的专任教师之和 ${sum} 人多于专任教师合计 ${teachers} 人`)
    }
    for (const k of ['keyTeachers', 'peTeachers', 'certifiedTeachers', 'trainedTeachers'] as const) {
      const v = st[k]
      if (typeof v === 'number' && typeof teachers === 'number' && v > teachers)
        problem(`stage.${k}`, `「${LABEL[`stage.${k}`]}」${v} 人多于专任教师合计 ${teachers} 人`)
    }
    const res = (rec.resources ?? {}) as SchoolResources
    if (typeof res.indoorSportsArea === 'number' && typeof res.teachingArea === 'number' && res.indoorSportsArea > res.teachingArea) {
      problem(
        'resources.indoorSportsArea',
        `室内体育用房 ${res.indoorSportsArea} ㎡ 大于教学及辅助用房 ${res.teachingArea} ㎡（室内体育用房是其中的一部分）`,
      )
    }
    const schoolKey = year === null ? '' : `${year}|${code ?? ''}|${name}`
    if (name && year !== null && stage) {
      const k = `${year}|${code ?? name}|${stage}`
      if (seenParts.has(k)) problem('name', `「${name}」的${stage}学段与第 ${seenParts.get(k)} 行重复`, rawName)
      else seenParts.set(k, rowNo)
      // whole-school resources: the same values wherever a school gives them
      const known = schoolResources.get(schoolKey) ?? { values: {}, rows: {} }
      schoolResources.set(schoolKey, known)
      for (const key of RESOURCE_KEYS) {
        const v = res[key]
        if (typeof v !== 'number') continue
        const old = known.values[key]
        if (typeof old === 'number' && Math.abs(old - v) > 1e-6)
          problem(
            `resources.${key}`,
            `全校共用的「${LABEL[`resources.${key}`]}」与第 ${known.rows[key]} 行填写的 ${old} 不一致（一贯制学校各学段应填同一全校数据，或只在一行填写）`,
          )
        else if (old === undefined) {
          known.values[key] = v
          known.rows[key] = rowNo
        }
      }
    }
    if (problems.length > before || year === null || !stage || students === undefined) continue
    const figures = { ...(st as object), stage, students } as SchoolPartImportRow['figures']
    const part: SchoolPartImportRow = {
      kind: 'part',
      statYear: year,
      code,
      name,
      institutionType: type,
      urbanRural,
      urbanRuralCode,
      urbanRuralText,
      township,
      special: flags.special,
      boarding: flags.boarding,
      figures,
      resources: res,
      source: `${file.name} / ${sheet.name} 第 ${rowNo} 行`,
    }
    rows.push(part)
    const list = partsBySchool.get(schoolKey) ?? []
    list.push(part)
    partsBySchool.set(schoolKey, list)
    if (options.ctx && rowsRead % 200 === 0) {
      options.ctx.throwIfCancelled()
      options.ctx.progress(r, sheet.cells.length, `正在检查第 ${rowNo} 行……`)
      await new Promise((next) => setImmediate(next)) // as a job: let progress events and other requests through
    }
  }
  for (const parts of partsBySchool.values()) {
    const types = [...new Set(parts.map((p) => p.institutionType).filter((t): t is string => !!t))]
    const stages = parts.map((p) => p.figures.stage)
    if (types.length === 0 && stages.includes('小学') && stages.includes('初中'))
      for (const p of parts) p.institutionType = stages.includes('高中') ? '345' : '312'
    const t = types[0] ?? parts[0].institutionType
    const need = t ? SCHOOL_TYPE_STAGES[t] : null
    if (need && need.length > 1) {
      const missing = need.filter((s) => !stages.includes(s))
      if (missing.length)
        warnings.push(
          `「${parts[0].name}」是${INSTITUTION_TYPES[t!]}，本文件只有${stages.join('、')}学段：${missing.join('、')}学段的数据请另行导入（全校共用资源按各学段在校生拆分）`,
        )
    }
  }
  const countyRows = countyGrid ? readCountySheet(countyGrid, file, titleYear ?? options.fallbackYear ?? null, problems, warnings) : []
  rows.push(...countyRows)
  const years = [...new Set(rows.map((r) => r.statYear))].sort()
  return { rowsRead, columns, rows, problems, warnings, years }
}

/** Sheet 全县: one row per year (统计年度, else the file's year), each figure as its two columns. */
function readCountySheet(
  grid: SheetGrid,
  file: ResolvedInput,
  fileYear: number | null,
  problems: ImportProblem[],
  warnings: string[],
): CountyBalanceImportRow[] {
  const header = findHeader(grid, BALANCE_COUNTY_SHEET_FIELDS, 1)
  if (!header) {
    warnings.push(`工作表「${grid.name}」中找不到全县指标的列（如“交流轮岗教师数”），未读取`)
    return []
  }
  const col = (key: string) => header.matches.findIndex((m) => m?.field.key === key)
  const out = new Map<number, CountyBalanceImportRow>()
  for (let r = header.end + 1; r < grid.cells.length; r++) {
    const cells = grid.cells[r]
    if (cells.every((t) => t === '')) continue
    if (isNoteRow(cells.find((t) => t !== '') ?? '')) break
    const rowNo = r + 1
    const before = problems.length
    let year = fileYear
    const yc = col('statYear')
    if (yc >= 0 && cells[yc]) {
      const p = parseStatYear(cells[yc])
      if ('error' in p) problems.push({ sheet: grid.name, row: rowNo, column: grid.letters[yc], value: cells[yc], reason: p.error })
      else year = p.value
    }
    if (year === null) problems.push({ sheet: grid.name, row: rowNo, column: null, value: '', reason: '缺少统计年度' })
    const figures: Omit<BalanceCountyYear, 'statYear'> = {}
    for (const f of COUNTY_FIGURES) {
      const pair: Partial<CountFigure> = {}
      for (const [side, field] of [
        ['numerator', f.numerator],
        ['denominator', f.denominator],
      ] as const) {
        const c = col(field.key)
        if (c < 0) continue
        const p = parseNumber(cells[c], 'count')
        if ('error' in p)
          problems.push({ sheet: grid.name, row: rowNo, column: grid.letters[c], value: cells[c], reason: `「${field.label}」${p.error}` })
        else pair[side] = p.value
      }
      if (pair.numerator == null && pair.denominator == null) continue
      for (const p of checkCountyFigure(f.key, pair)) {
        const side = p.field === f.denominator.key ? 'denominator' : 'numerator'
        problems.push({
          sheet: grid.name,
          row: rowNo,
          column: grid.letters[col(p.field)],
          value: String(pair[side]),
          reason: p.message,
        })
      }
      figures[f.key] = { numerator: pair.numerator ?? null, denominator: pair.denominator ?? null }
    }
    if (problems.length > before || year === null) continue
    if (out.has(year))
      problems.push({
        sheet: grid.name,
        row: rowNo,
        column: yc >= 0 ? grid.letters[yc] : null,
        value: String(year),
        reason: `${year} 年的全县数据重复`,
      })
    else out.set(year, { kind: 'county', statYear: year, figures, source: `${file.name} / ${grid.name} 第 ${rowNo} 行` })
  }
  return [...out.values()]
}

/**
 * The 优质均衡 importer (key `balance.workbook`): `write` registers each school in the institution
 * registry (kind school; by 学校标识码, else name — so a 一贯制 school's 小学 file and 初中 file meet in
 * one institution), writes each 学段 (re-import replaces it), merges the whole-school resources and the
 * county's figures. Runs inside importCommit's transaction.
 */
export function balanceImporter(options: { fallbackYear?: number } = {}) {
  const state: { years: number[] } = { years: [] }
  const importer: Importer<BalanceImportRow> & { state: typeof state } = {
    key: 'balance.workbook',
    state,
    async read(file, ctx) {
      const reading = await readBalanceWorkbook(file, { fallbackYear: options.fallbackYear, ctx })
      state.years = reading.years
      return reading
    },
    write(d: Database.Database, rows) {
      let n = 0
      const registry = institutionRegistry(d, 'school') // loaded once: no look-up query per row
      for (const row of rows) {
        if (row.kind === 'county') {
          saveCountyBalanceYear(d, row.statYear, row.figures, row.source)
          n++
          continue
        }
        const id = registry.upsert(
          {
            kind: 'school',
            code: row.code,
            name: row.name,
            institutionType: row.institutionType,
            urbanRural: row.urbanRural,
            urbanRuralCode: row.urbanRuralCode,
            township: row.township,
            attributes: { special: row.special, boarding: row.boarding, urbanRuralText: row.urbanRuralText },
          },
          row.statYear,
        )
        saveStageYear(d, id, row.statYear, row.figures, row.source)
        mergeSchoolYear(d, id, row.statYear, row.resources, row.source)
        n++
      }
      return n
    },
    describe(row): Record<string, string | number | null> {
      if (row.kind === 'county') return { 统计年度: row.statYear, 学校名称: '（全县）', 学段: null, 在校生数: null }
      const f = row.figures
      return {
        统计年度: row.statYear,
        学校标识码: row.code,
        学校名称: row.name,
        办学类型: row.institutionType ? (INSTITUTION_TYPES[row.institutionType] ?? row.institutionType) : null,
        学段: f.stage,
        在校生数: f.students,
        专任教师: f.teachers ?? null,
        '教学及辅助用房（㎡）': row.resources.teachingArea ?? null,
        '教学仪器设备值（元）': row.resources.equipmentValue ?? null,
      }
    },
  }
  return importer
}
