import balanceRubricJson from '../../../seeds/rubrics/balanced-development-2017.json'
import { classSizeFigures } from '../../../shared/balance/classBands'
import type { BalanceSchoolPage, BalanceSchoolRow, BalanceTrendPoint, BalanceYearView } from '../../../shared/balance/dashboard'
import { BALANCE_FORMULAS, balanceIndicatorsJson, evaluateBalance, type BalanceEvaluation } from '../../../shared/balance/evaluateBalance'
import { balanceSettings, schoolThresholds } from '../../../shared/balance/indicators'
import { balanceProblemSentences, cvTable } from '../../../shared/balance/report'
import type { BalanceCountyYear, BalanceSchoolYear, CountFigure, SchoolStageFigures, Stage } from '../../../shared/balance/types'
import { checkCountyFigures, type CountyFigureKey } from '../../../shared/balance/countyFigures'
import type { Judgement } from '../../../shared/rubrics/evaluate'
import { parseRubric, type RubricVariantSpec } from '../../../shared/rubrics/rubric'
import { rubricChoice } from '../../../shared/rubrics/variants'
import * as rubrics from '../rubrics/rubricService'
import type { Rubric } from '../../../shared/rubrics/rubricSchema'
import { composeBalanceReport } from '../../../shared/balance/reportBlocks'
import type { ImageSpec, PrintBlock } from '../../../shared/print/blocks'
import { UserError } from '../errors'
import { keepEvidence, putEvidence } from '../evidence/evidenceRepository'
import { exportBlocksDocx } from '../export/docx/blockWriter'
import { getOffice } from '../office/officeService'
import { cvCharts } from './reportCharts'
import { getInstitution, listInstitutions } from '../institutions/institutionRepository'
import type { Workspace } from '../workspace'
import * as repo from './balanceRepository'
import { compareNames } from '../../../shared/institutions/names'

let bundled: Rubric | null = null
/** The bundled 优质均衡 rubric (seeds/rubrics/balanced-development-2017.json), parsed and checked once. */
export function bundledBalanceRubric(): Rubric {
  if (!bundled) {
    const r = parseRubric(balanceRubricJson, BALANCE_FORMULAS)
    if (!r.ok) throw new Error(`内置指标体系无效：${r.errors.join('；')}`)
    bundled = r.rubric
  }
  return bundled
}

/** Every rubric an office can choose for 优质均衡: the bundled one and its stored variants (electron/core/rubrics/). */
export function rubricChoices(ws: Workspace): Rubric[] {
  return rubrics.rubricChoices(ws, bundledBalanceRubric())
}

/** The rubric of a year: the variant chosen for it, else the bundled one. */
export function rubricForYear(ws: Workspace, year: number): Rubric {
  return rubrics.rubricForYear(ws, bundledBalanceRubric(), year)
}

/** Chooses the rubric of a year. @throws UserError when the id is unknown */
export function chooseRubric(ws: Workspace, year: number, rubricId: string): { year: number; rubricId: string } {
  return rubrics.chooseRubric(ws, bundledBalanceRubric(), year, rubricId)
}

/**
 * Stores a variant of the bundled 优质均衡 rubric (e.g. a province raising 生均教学仪器设备值 for 小学).
 * @throws UserError listing what was refused (unknown item, judged item, settings the computation cannot read)
 */
export function saveVariant(ws: Workspace, spec: RubricVariantSpec): { id: string; name: string } {
  return rubrics.saveVariant(ws, bundledBalanceRubric(), spec, (r) => {
    const checked = parseRubric(r, BALANCE_FORMULAS)
    if (!checked.ok) return checked.errors
    try {
      balanceSettings(r)
      return []
    } catch (e) {
      return [(e as Error).message]
    }
  })
}

/**
 * The schools of a year as the pure evaluation takes them: each school's stored 学段 figures (班额 bands
 * turned into 班数 and classes over the rubric's limit, 小学 45 / 初中 50) and its whole-school
 * resources, with the registry's 办学类型, 乡镇, 城乡 and flags. Sources: institution id → per 学段 row source.
 */
export function schoolsOfYear(
  ws: Workspace,
  year: number,
  rubric: Rubric,
): { schools: BalanceSchoolYear[]; sources: Record<string, string[]> } {
  const db = ws.db()
  const settings = balanceSettings(rubric)
  const byId = new Map<number, BalanceSchoolYear>()
  const sources: Record<string, string[]> = {}
  const institutions = new Map(listInstitutions(db, 'school').map((i) => [i.id, i]))
  const order: Record<string, number> = { 小学: 0, 初中: 1, 高中: 2 }
  for (const s of repo.stageYears(db, year).sort((a, b) => order[a.figures.stage] - order[b.figures.stage])) {
    const inst = institutions.get(s.institutionId)
    if (!inst) continue
    let school = byId.get(s.institutionId)
    if (!school) {
      school = {
        id: String(inst.id),
        name: inst.name,
        institutionType: inst.institutionType,
        township: inst.township,
        urbanRural: inst.urbanRural,
        special: (inst.attributes.special as boolean | null | undefined) ?? null,
        boarding: (inst.attributes.boarding as boolean | null | undefined) ?? null,
        stages: [],
        resources: {},
      }
      byId.set(s.institutionId, school)
    }
    const f: SchoolStageFigures & { classBands?: Record<string, number | null> } = { ...s.figures }
    if (f.stage !== '高中') {
      // 班额 in any accepted shape (bands, classes over 45 / 50, largest class) → 班数 and classes over the limit
      const size = classSizeFigures(f, settings.classSizeLimits[f.stage])
      f.classes = size.classes
      f.classesOverLimit = size.overLimit
    }
    school.stages.push(f)
    ;(sources[school.id] ??= []).push(`${f.stage}：${s.source}`)
  }
  for (const r of repo.schoolYears(db, year)) {
    const school = byId.get(r.institutionId)
    if (!school) continue
    school.resources = r.resources
    if (r.source) sources[school.id].push(`全校共用资源：${r.source}`)
  }
  const schools = [...byId.values()].sort((a, b) => compareNames(a.name, b.name))
  return { schools, sources }
}

/** Evaluates one year from the stored data (the computation itself is pure: shared/balance). */
export function evaluateYear(
  ws: Workspace,
  year: number,
): {
  evaluation: BalanceEvaluation
  rubric: Rubric
  judgements: Record<string, Judgement>
  schools: BalanceSchoolYear[]
  sources: Record<string, string[]>
} {
  const db = ws.db()
  const rubric = rubricForYear(ws, year)
  const { schools, sources } = schoolsOfYear(ws, year, rubric)
  const { source: _s, ...county } = repo.countyBalanceYear(db, year)
  void _s
  const judgements = repo.balanceJudgements(db, year)
  return { evaluation: evaluateBalance(schools, county, rubric, judgements), rubric, judgements, schools, sources }
}

/** The JSON of `balance indicators --year Y --json` (issue 12 shape). */
export function indicatorsJson(ws: Workspace, year: number) {
  return balanceIndicatorsJson(evaluateYear(ws, year).evaluation)
}

/** Everything the 优质均衡 screens show for a year. */
export function yearView(ws: Workspace, year: number): BalanceYearView {
  const db = ws.db()
  const { evaluation, rubric, judgements, schools, sources } = evaluateYear(ws, year)
  const { source: countySource, ...county } = repo.countyBalanceYear(db, year)
  const rows: BalanceSchoolRow[] = schools.map((s) => ({
    institutionId: Number(s.id),
    name: s.name,
    institutionType: s.institutionType ?? null,
    township: s.township ?? null,
    stages: s.stages.map((x) => x.stage),
    resources: s.resources,
    sources: sources[s.id] ?? [],
  }))
  return {
    year,
    years: repo.balanceYears(db),
    rubric: { id: rubric.id, version: rubric.version, name: rubric.name },
    rubricChoices: rubricChoices(ws).map(rubricChoice),
    thresholds: schoolThresholds(rubric),
    evaluation,
    judgements,
    county,
    countySource,
    schools: rows,
    tables: (['小学', '初中'] as Stage[]).map((st) => cvTable(evaluation, rubric, st)).filter((t) => t !== null),
    problems: balanceProblemSentences(evaluation, rubric),
  }
}

/** Per stored year (oldest first): per 学段 the seven 差异系数 and how many school parts passed. */
export function trend(ws: Workspace): BalanceTrendPoint[] {
  return repo
    .balanceYears(ws.db())
    .reverse()
    .map((year) => {
      const ev = evaluateYear(ws, year).evaluation
      return {
        year,
        stages: ev.stages.map((s) => ({
          stage: s.stage,
          verdict: s.verdict,
          schools: s.schools,
          schoolsMet: s.schoolsMet,
          cv: Object.fromEntries(ev.cv.filter((c) => c.stage === s.stage).map((c) => [c.indicator, c.value])),
        })),
      }
    })
}

/**
 * Saves the verdict on a judged item with its evidence: `added` files (name and bytes) are stored in the
 * database with the verdict, in one transaction, so backups carry them; names no longer in `j.evidence`
 * are dropped with their contents (evidence/evidenceRepository.ts).
 * @throws UserError when the key is not a judged item of the rubric
 */
export function judge(
  ws: Workspace,
  year: number,
  itemKey: string,
  j: Judgement,
  added: readonly { name: string; data: Buffer }[] = [],
): Judgement {
  const item = rubricForYear(ws, year).items.find((i) => i.key === itemKey)
  if (!item || item.kind !== 'judged') throw new UserError(`「${itemKey}」不是评定项`, 'itemKey')
  const db = ws.db()
  db.transaction(() => {
    for (const f of added) putEvidence(db, 'balance', year, itemKey, f.name, f.data)
    repo.saveBalanceJudgement(db, year, itemKey, j)
    keepEvidence(db, 'balance', year, itemKey, j.evidence ?? [])
  })()
  return j
}

/** What the county-figures form stores as the source of the figures it saves. */
export const COUNTY_FORM_SOURCE = '在工作台中填写'

/**
 * Saves the county's figures of a year from the form: every pair given replaces the stored one (null
 * clears it, an absent key keeps it); the year's source becomes the form. The figures are checked as the
 * 全县 sheet's are (shared/balance/countyFigures.ts), and a pair must be filled on both sides.
 * @throws UserError naming the field (e.g. 「交流轮岗教师数」120 大于「符合交流条件教师数」100)
 */
export function saveCounty(ws: Workspace, year: number, figures: Partial<Record<CountyFigureKey, CountFigure | null>>): BalanceCountyYear {
  const problems = checkCountyFigures(figures, { requireBoth: true })
  if (problems.length > 0) throw new UserError(problems.map((p) => p.message).join('；'), `figures.${problems[0].field}`)
  const cleaned = Object.fromEntries(
    Object.entries(figures).map(([k, v]) => [k, v && (v.numerator !== null || v.denominator !== null) ? v : null]),
  ) as Omit<BalanceCountyYear, 'statYear'>
  const db = ws.db()
  db.transaction(() => repo.saveCountyBalanceYear(db, year, cleaned, COUNTY_FORM_SOURCE))()
  const { source: _s, ...county } = repo.countyBalanceYear(db, year)
  void _s
  return county
}

/** A school's registry entry (for its page). @throws UserError when unknown */
export function schoolInstitution(ws: Workspace, institutionId: number) {
  const inst = getInstitution(ws.db(), institutionId)
  if (!inst || inst.kind !== 'school') throw new UserError('没有这所学校', 'institutionId')
  return inst
}

/**
 * A school's page: per stored year (oldest first) its 学段 parts as that year's evaluation judges them
 * (evaluateBalance over the whole county, so splits and 差异系数 inputs are the same as on the dashboard).
 * Years in which the school has no figures are left out. @throws UserError when unknown
 */
export function schoolPage(ws: Workspace, institutionId: number): BalanceSchoolPage {
  const institution = schoolInstitution(ws, institutionId)
  const id = String(institutionId)
  const years = repo
    .balanceYears(ws.db())
    .reverse()
    .flatMap((year) => {
      const { evaluation, sources, schools, rubric } = evaluateYear(ws, year)
      const limits = balanceSettings(rubric).classSizeLimits
      const stages = schools.find((s) => s.id === id)?.stages ?? []
      const parts = evaluation.schools
        .filter((p) => p.schoolId === id)
        .map(({ evaluation: _e, ...rest }) => {
          void _e
          const f = classSizeFigures(stages.find((st) => st.stage === rest.stage) ?? {}, limits[rest.stage])
          return { ...rest, classSize: { classes: f.classes, overLimit: f.overLimit, limit: limits[rest.stage], missing: f.missing } }
        })
      return parts.length ? [{ year, parts, sources: sources[id] ?? [] }] : []
    })
  return { institution, years }
}

/**
 * The 自评报告 of a year as print blocks (composeBalanceReport, shared/balance/reportBlocks.ts) with the
 * 差异系数 charts drawn by ECharts (SVG) and rasterised by resvg (PNG stand-in). The county name comes from
 * the office profile (所属县（区）). The preview and the .docx are made from these same blocks.
 * @throws UserError when the year has no school data
 */
export async function reportBlocks(ws: Workspace, year: number): Promise<{ title: string; blocks: PrintBlock[] }> {
  const { evaluation, rubric } = evaluateYear(ws, year)
  if (evaluation.schools.length === 0) throw new UserError(`${year}年还没有义务教育学校数据，请先导入`, 'year')
  const county = getOffice(ws)?.county?.trim() || '本县'
  const charts: Partial<Record<Stage, ImageSpec>> = {}
  const drawn = await cvCharts(evaluation, ['小学', '初中'])
  for (const st of ['小学', '初中'] as Stage[]) {
    const c = drawn[st]
    if (c)
      charts[st] = {
        format: 'svg',
        data: Buffer.from(c.svg).toString('base64'),
        fallbackPng: c.png.toString('base64'),
        widthMm: 150,
        heightMm: 75,
      }
  }
  return {
    title: `${county}县域义务教育优质均衡发展督导评估自评报告`,
    blocks: composeBalanceReport({ county, year, evaluation, rubric, charts }),
  }
}

/**
 * Draws the report's 差异系数 charts of a year in the background (after the page's answer has gone), so the
 * report opened or saved next finds them drawn. Never throws.
 */
export function prerenderReportCharts(ws: Workspace, year: number): void {
  setImmediate(() => {
    try {
      void cvCharts(evaluateYear(ws, year).evaluation, ['小学', '初中']).catch(() => undefined)
    } catch {
      // closed workspace, no data: nothing to draw
    }
  })
}

/** The 自评报告 of a year as .docx bytes, written by the block .docx writer of the document engine. */
export async function reportDocx(ws: Workspace, year: number): Promise<{ bytes: Buffer; fileName: string }> {
  const { title, blocks } = await reportBlocks(ws, year)
  return { bytes: await exportBlocksDocx(blocks, { title }), fileName: `${title}（${year}年）.docx` }
}
