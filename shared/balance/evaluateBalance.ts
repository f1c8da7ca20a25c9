/**
 * The whole 优质均衡 evaluation of one year: school parts, the weighted 差异系数 per 学段 and
 * indicator, 学段 verdicts, the county checklist (政府保障程度, 教育质量, 社会认可度, 不予认定) and
 * the improvement plans, all through the one rubric engine. Pure: the caller loads the data.
 */
import type { ComputedValue, ItemResult, Judgement, RubricEvaluation, Verdict } from '../rubrics/evaluate'
import { evaluateRubric, resolveThreshold } from '../rubrics/evaluate'
import type { Rubric } from '../rubrics/rubricSchema'
import { classSizeFigures } from './classBands'
import {
  BALANCE_INDICATORS,
  balanceSettings,
  exclusionReason,
  schoolPartValues,
  splitSchool,
  type BalanceIndicator,
  type BalanceSettings,
  type SchoolPart,
} from './indicators'
import { cvImprovementPlan, schoolPassPlan, type CvPlan, type SchoolPassPlan } from './plan'
import type { BalanceCountyYear, BalanceSchoolYear, CountFigure, Stage } from './types'
import { weightedCv, type CvResult } from './weightedCv'

export const STAGES: readonly Stage[] = ['小学', '初中']

/** Formula keys of the 差异系数 items: `cv.<indicator>`. */
export const cvFormula = (k: BalanceIndicator) => `cv.${k}`

/** Formula keys of the county-level computed items. */
export const BALANCE_COUNTY_FORMULAS = [
  'specialRoomsComplianceRate',
  'schoolSizeComplianceRate',
  'classSizeComplianceRate',
  'trainingCompletionRate',
  'rotationRate',
  'rotationKeyTeacherShare',
  'certifiedRate',
  'quotaAllocationRate',
  'migrantPublicRate',
  'retentionRate',
  'disabledEnrolmentRate',
  'satisfactionRate',
] as const

/** Every formula key the 优质均衡 rubric may name. */
export const BALANCE_FORMULAS: readonly string[] = [...BALANCE_INDICATORS, ...BALANCE_INDICATORS.map(cvFormula), ...BALANCE_COUNTY_FORMULAS]

const isNum = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x)

function rate(numerator: number, denominator: number, missing: string[], empty: string): ComputedValue {
  const m = missing.length > 0 ? { missing } : {}
  if (denominator === 0) return { numerator, denominator, value: null, reason: empty, ...m }
  return { numerator, denominator, value: numerator / denominator, ...m }
}

function countyRate(f: CountFigure | null | undefined, what: string): ComputedValue {
  if (!f || !isNum(f.numerator) || !isNum(f.denominator))
    return { numerator: f?.numerator ?? null, denominator: f?.denominator ?? null, value: null, reason: `未填报${what}` }
  return rate(f.numerator, f.denominator, [], `${what}的分母为0`)
}

/**
 * The computed 政府保障程度 / 教育质量 / 社会认可度 values, keyed by formula (sources in the rubric):
 *  - specialRoomsComplianceRate (政府保障 第3项 [S]): schools with 音乐 and 美术 专用教室 ≥ 1 per 12
 *    classes (rooms × 12 ≥ classes) and average room area ≥ 96 / 90 ㎡, ÷ schools
 *  - schoolSizeComplianceRate (第4项 [S]): schools whose compulsory students ≤ 2000 (≤ 2500 for a
 *    school with both 小学 and 初中), ÷ schools
 *  - classSizeComplianceRate (第5项 [S]): classes not above 45 (小学) / 50 (初中) ÷ classes
 *  - trainingCompletionRate (第9项 [S]) and certifiedRate (第12项 [S]): Σ trained / certified ÷ Σ 专任教师
 *  - rotationRate, rotationKeyTeacherShare (第11项), quotaAllocationRate (第14项),
 *    migrantPublicRate (第15项), retentionRate, disabledEnrolmentRate (教育质量 第1、2项),
 *    satisfactionRate (社会认可度): from the county's figures.
 * Schools are the included ones (scope rules); schools lacking a field are listed in `missing`.
 */
export function balanceCountyValues(
  schools: readonly BalanceSchoolYear[],
  parts: readonly SchoolPart[],
  county: BalanceCountyYear,
  settings: BalanceSettings,
): Record<string, ComputedValue> {
  const includedIds = new Set(parts.map((p) => p.schoolId))
  const inScope = schools.filter((s) => includedIds.has(s.id))
  // 第3项: special rooms per whole school
  let roomsOk = 0
  let roomsN = 0
  const roomsMissing: string[] = []
  for (const s of inScope) {
    const r = s.resources
    const classes = s.stages.every((st) => isNum(st.classes)) ? s.stages.reduce((a, st) => a + st.classes!, 0) : null
    if (classes === null || !isNum(r.musicRooms) || !isNum(r.artRooms) || !isNum(r.musicRoomArea) || !isNum(r.artRoomArea)) {
      roomsMissing.push(s.name)
      continue
    }
    roomsN++
    const k = settings.classesPerSpecialRoom
    const enough = r.musicRooms * k >= classes && r.artRooms * k >= classes && r.musicRooms >= 1 && r.artRooms >= 1
    const big = r.musicRoomArea >= settings.musicRoomMinArea * r.musicRooms && r.artRoomArea >= settings.artRoomMinArea * r.artRooms
    if (enough && big) roomsOk++
  }
  // 第4项: school size (compulsory students)
  let sizeOk = 0
  for (const s of inScope) {
    const compulsory = s.stages.filter((st) => st.stage !== '高中')
    const students = compulsory.reduce((a, st) => a + st.students, 0)
    const both = compulsory.some((st) => st.stage === '小学') && compulsory.some((st) => st.stage === '初中')
    if (students <= (both ? settings.maxNineYearSchoolSize : settings.maxSchoolSize)) sizeOk++
  }
  // 第5项, 第9项, 第12项: per part
  const sumParts = (
    num: (p: SchoolPart) => number | null | undefined,
    den: (p: SchoolPart) => number | null | undefined,
    empty: string,
    what: string,
  ): ComputedValue => {
    const ok = parts.filter((p) => isNum(num(p)) && isNum(den(p)))
    const missing = parts.filter((p) => !ok.includes(p)).map((p) => p.name)
    if (ok.length === 0)
      return { numerator: null, denominator: null, value: null, reason: `没有学校填报${what}`, ...(missing.length > 0 ? { missing } : {}) }
    return rate(
      ok.reduce((a, p) => a + num(p)!, 0),
      ok.reduce((a, p) => a + den(p)!, 0),
      missing,
      empty,
    )
  }
  return {
    specialRoomsComplianceRate:
      roomsN === 0
        ? {
            numerator: null,
            denominator: null,
            value: null,
            reason: '没有学校填报音乐、美术专用教室（非统计口径）',
            ...(roomsMissing.length > 0 ? { missing: roomsMissing } : {}),
          }
        : rate(roomsOk, roomsN, roomsMissing, ''),
    schoolSizeComplianceRate: rate(sizeOk, inScope.length, [], '没有学校'),
    classSizeComplianceRate: sumParts(
      (p) => {
        // any accepted shape: 超过规定班额的班数, 班额 bands, 超过45 / 50人的班数, 最大班额 (classSizeFigures)
        const f = classSizeFigures(p.figures, settings.classSizeLimits[p.stage])
        return f.classes !== null && f.overLimit !== null ? f.classes - f.overLimit : null
      },
      (p) => classSizeFigures(p.figures, settings.classSizeLimits[p.stage]).classes,
      '班数为0',
      '班额',
    ),
    trainingCompletionRate: sumParts(
      (p) => p.figures.trainedTeachers,
      (p) => p.figures.teachers,
      '专任教师数为0',
      '培训满360学时教师数（非统计口径）',
    ),
    certifiedRate: sumParts(
      (p) => p.figures.certifiedTeachers,
      (p) => p.figures.teachers,
      '专任教师数为0',
      '持证专任教师数（非统计口径）',
    ),
    rotationRate: countyRate(county.rotation, '交流轮岗教师数'),
    rotationKeyTeacherShare: countyRate(county.rotationKeyTeachers, '交流轮岗骨干教师数'),
    quotaAllocationRate: countyRate(county.quotaAllocation, '优质高中招生名额分配数'),
    migrantPublicRate: countyRate(county.migrantChildren, '随迁子女就读情况'),
    retentionRate: countyRate(county.retention, '初中三年巩固率'),
    disabledEnrolmentRate: countyRate(county.disabledEnrolment, '残疾儿童少年入学情况'),
    satisfactionRate: countyRate(county.satisfaction, '社会认可度调查结果'),
  }
}

export interface SchoolPartResult {
  id: string
  schoolId: string
  name: string
  stage: Stage
  students: number
  /** null when the part counts; else the Chinese reason it is left out */
  excluded: string | null
  /** Chinese notes on the split of shared resources */
  notes: string[]
  resourceShare: number
  indicators: Record<
    string,
    { value: number | null; display: string; standard: number | null; met: boolean | null; status: ItemResult['status'] }
  >
  metCount: number
  verdict: Verdict
  evaluation: RubricEvaluation | null
  plan: SchoolPassPlan | null
}

export interface StageCvResult {
  stage: Stage
  indicator: BalanceIndicator
  value: number | null
  display: string
  limit: number | null
  met: boolean | null
  status: ItemResult['status']
  detail: CvResult
  plan: CvPlan | null
}

export interface BalanceEvaluation {
  year: number
  rubric: { id: string; version: string }
  schools: SchoolPartResult[]
  cv: StageCvResult[]
  stages: Array<{ stage: Stage; verdict: Verdict; reasons: string[]; schools: number; schoolsMet: number }>
  checklist: RubricEvaluation
  verdict: Verdict
  reasons: string[]
}

const combine = (vs: Verdict[]): Verdict => (vs.includes('notMet') ? 'notMet' : vs.includes('noData') ? 'noData' : 'met')

/**
 * Evaluates one year of 优质均衡 (教督〔2017〕6号):
 *  1. splits every school into its 学段 parts (splitSchool) and applies the scope rules (exclusionReason);
 *  2. per included part, the seven indicators against the 学段's standards, combined by the rubric's
 *     rule (at least 6 of 7, the 余项 ≥ 85%), with shortfalls and a pass plan;
 *  3. per 学段 and indicator, the student-weighted 差异系数 over the parts that have the value, each
 *     against its own limit (no averaged test), with contributions and an improvement plan when over;
 *  4. the county checklist (政府保障程度 15 items, 教育质量 9, 社会认可度, 不予认定) from the county
 *     values and `judgements` (item key → Judgement).
 * A 学段 is met when every 差异系数 is within its limit and every included part of it is met.
 * The county verdict is met when both 学段 (those with schools) and the checklist are met.
 */
export function evaluateBalance(
  schools: readonly BalanceSchoolYear[],
  county: BalanceCountyYear,
  rubric: Rubric,
  judgements: Readonly<Record<string, Judgement | undefined>> = {},
): BalanceEvaluation {
  const settings = balanceSettings(rubric)
  const group = rubric.groups.find((g) => g.level === 'school')
  // a rubric whose school group requires every item (kind 'all') allows no 余项: floor 100%
  const floorRatio = group && group.combine.kind === 'atLeast' ? group.combine.floorRatio : 1
  const allParts = schools.flatMap((s) => splitSchool(s, settings))
  const included: SchoolPart[] = []
  const values = new Map<string, Record<BalanceIndicator, ComputedValue>>()
  const schoolResults: SchoolPartResult[] = allParts.map((part) => {
    const excluded = exclusionReason(part, settings)
    const base = {
      id: part.id,
      schoolId: part.schoolId,
      name: part.name,
      stage: part.stage,
      students: part.students,
      excluded,
      notes: part.notes,
      resourceShare: part.resourceShare,
    }
    if (excluded) return { ...base, indicators: {}, metCount: 0, verdict: 'noData' as Verdict, evaluation: null, plan: null }
    included.push(part)
    const v = schoolPartValues(part, settings)
    values.set(part.id, v)
    const evaluation = evaluateRubric(rubric, v, {}, { level: 'school', variant: part.stage })
    const indicators = Object.fromEntries(
      evaluation.items.map((i) => [
        i.key,
        {
          value: i.value,
          display: i.display,
          standard: i.threshold,
          met: i.status === 'met' ? true : i.status === 'notMet' ? false : null,
          status: i.status,
        },
      ]),
    )
    return {
      ...base,
      indicators,
      metCount: evaluation.items.filter((i) => i.status === 'met').length,
      verdict: evaluation.verdict,
      evaluation,
      plan: schoolPassPlan(evaluation, part.students, floorRatio),
    }
  })

  const cv: StageCvResult[] = []
  const stages: BalanceEvaluation['stages'] = []
  for (const stage of STAGES) {
    const stageParts = included.filter((p) => p.stage === stage)
    if (stageParts.length === 0) continue
    const cvValues: Record<string, ComputedValue> = {}
    const details = new Map<BalanceIndicator, CvResult>()
    for (const k of BALANCE_INDICATORS) {
      const detail = weightedCv(stageParts.map((p) => ({ id: p.id, name: p.name, weight: p.students, value: values.get(p.id)![k].value })))
      details.set(k, detail)
      cvValues[cvFormula(k)] = {
        numerator: null,
        denominator: null,
        value: detail.cv,
        ...(detail.reason
          ? { reason: detail.reason }
          : detail.excluded.length > 0
            ? { reason: `${detail.excluded.length}所学校缺少数据，未参与计算` }
            : {}),
        ...(detail.excluded.length > 0 ? { missing: detail.excluded.map((e) => e.name) } : {}),
      }
    }
    const stageEval = evaluateRubric(rubric, cvValues, {}, { level: 'stage', variant: stage })
    for (const k of BALANCE_INDICATORS) {
      const item = stageEval.items.find((i) => i.key === cvFormula(k))
      const cvItem = rubric.items.find((i) => i.key === cvFormula(k))
      const limit = cvItem && cvItem.kind === 'computed' ? resolveThreshold(cvItem, stage) : null
      let plan: CvPlan | null = null
      if (item?.status === 'notMet' && limit !== null) {
        plan = cvImprovementPlan(
          k,
          stageParts.map((p) => {
            const v = values.get(p.id)![k]
            return { id: p.id, name: p.name, students: p.students, amount: v.value === null ? null : v.numerator }
          }),
          limit,
        )
      }
      cv.push({
        stage,
        indicator: k,
        value: item?.value ?? null,
        display: item?.display ?? '无数据',
        limit,
        met: item ? (item.status === 'met' ? true : item.status === 'notMet' ? false : null) : null,
        status: item?.status ?? 'noData',
        detail: details.get(k)!,
        plan,
      })
    }
    const partResults = schoolResults.filter((r) => r.stage === stage && r.excluded === null)
    const failing = partResults.filter((r) => r.verdict === 'notMet')
    const reasons = [...stageEval.reasons]
    if (failing.length > 0) reasons.push(`${failing.length}所学校资源配置未达标：${failing.map((r) => r.name).join('、')}`)
    const undecided = partResults.filter((r) => r.verdict === 'noData')
    if (undecided.length > 0) reasons.push(`${undecided.length}所学校数据不全：${undecided.map((r) => r.name).join('、')}`)
    stages.push({
      stage,
      verdict: combine([stageEval.verdict, ...partResults.map((r) => r.verdict)]),
      reasons,
      schools: partResults.length,
      schoolsMet: partResults.filter((r) => r.verdict === 'met').length,
    })
  }

  const checklist = evaluateRubric(rubric, balanceCountyValues(schools, included, county, settings), judgements, { level: 'county' })
  const verdict = combine([...stages.map((s) => s.verdict), checklist.verdict])
  return {
    year: county.statYear,
    rubric: { id: rubric.id, version: rubric.version },
    schools: schoolResults,
    cv,
    stages,
    checklist,
    verdict,
    reasons: [...stages.flatMap((s) => s.reasons.map((r) => `${s.stage}：${r}`)), ...checklist.reasons],
  }
}

/**
 * The JSON `balance indicators --year Y --json` prints (issue 12):
 * `{ year, rubric: { id, version }, schools: [ { id, name, stage, students, excluded, excludedReason?,
 * indicators: { <key>: { value, standard, met } }, metCount, verdict } ], cv: [ { stage, indicator,
 * value, limit, met } ], stages: [ { stage, verdict } ], checklist: [ { key, name, group, status,
 * display, standard, judgement? } ], verdict }`. Values are in the units of the standard (per 100
 * students, ㎡, 元); `met` is null when there is no data.
 */
export function balanceIndicatorsJson(ev: BalanceEvaluation) {
  return {
    year: ev.year,
    rubric: ev.rubric,
    schools: ev.schools.map((s) => ({
      id: s.id,
      name: s.name,
      stage: s.stage,
      students: s.students,
      excluded: s.excluded !== null,
      ...(s.excluded !== null ? { excludedReason: s.excluded } : {}),
      indicators: Object.fromEntries(
        Object.entries(s.indicators).map(([k, v]) => [k, { value: v.value, standard: v.standard, met: v.met }]),
      ),
      metCount: s.metCount,
      verdict: s.verdict,
    })),
    cv: ev.cv.map((c) => ({ stage: c.stage, indicator: c.indicator, value: c.value, limit: c.limit, met: c.met })),
    stages: ev.stages.map((s) => ({ stage: s.stage, verdict: s.verdict })),
    checklist: ev.checklist.items.map((i) => ({
      key: i.key,
      name: i.name,
      group: i.group,
      status: i.status,
      display: i.display,
      standard: i.thresholdDisplay,
      ...(i.judgement ? { judgement: i.judgement } : {}),
    })),
    verdict: ev.verdict,
  }
}
