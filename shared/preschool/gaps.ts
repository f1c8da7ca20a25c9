/**
 * Gap calculator for 普及普惠: what it takes to reach the rubric's thresholds.
 * Exact integer arithmetic (shared/statistics/decimal.ts): a count is the smallest whole number of
 * children or staff that reaches the threshold, never a rounded float.
 */
import { resolveThreshold } from '../rubrics/evaluate'
import type { Rubric } from '../rubrics/rubricSchema'
import { ceilRational, compareRational, mulRational, ratio, rationalOf, subRational } from '../statistics/decimal'
import { careStaffOf, classesOf, countedKindergartens, ownershipOf, scheduleOf, staffTotalOf, type PreschoolSettings } from './indicators'
import type { KindergartenYear } from './types'
import { compareNames } from '../institutions/names'

export interface CoverageGap {
  /** the target as a fraction (0.8) */
  target: number
  numerator: number
  denominator: number
  reached: boolean
  /**
   * children who must move from other places into covered places with the total unchanged (a 民办园
   * recognised as 普惠, or taken over as 公办): smallest x with (N + x) / D ≥ target
   */
  transfer: number
  /**
   * children in NEW covered places (the total grows by the same number): smallest x with
   * (N + x) / (D + x) ≥ target; null when the target is 100% and cannot be reached this way
   */
  newPlaces: number | null
}

/**
 * How many more children in 公办 (publicShare, target 50%) or 普惠 (affordableCoverageRate,
 * target 80%) places reach the target; targets come from the rubric items' thresholds
 * (教督〔2020〕1号, 普及普惠水平 [V]). Inputs are whole counts of children; target a fraction in (0, 1].
 * Throws RangeError for a zero denominator or a target outside (0, 1].
 */
export function coverageGap(numerator: number, denominator: number, target: number): CoverageGap {
  if (denominator <= 0) throw new RangeError('在园幼儿总数为0，无法计算差距')
  if (!(target > 0 && target <= 1)) throw new RangeError(`目标比例无效：${target}`)
  const t = rationalOf(target)
  const short = subRational(mulRational(t, rationalOf(denominator)), rationalOf(numerator)) // t·D − N
  const reached = compareRational(short, { n: 0n, d: 1n }) <= 0
  const transfer = reached ? 0 : Number(ceilRational(short))
  let newPlaces: number | null = 0
  if (!reached) {
    const oneMinus = subRational({ n: 1n, d: 1n }, t)
    newPlaces = oneMinus.n === 0n ? null : Number(ceilRational({ n: short.n * oneMinus.d, d: short.d * oneMinus.n }))
  }
  return { target, numerator, denominator, reached, transfer, newPlaces }
}

export interface ConversionPlan {
  target: number
  /** children in covered places before / after the conversions, over the (unchanged) total */
  before: number
  after: number
  total: number
  reached: boolean
  /** the 民办园 to convert, largest first, until the target is reached */
  converted: Array<{ id: string; name: string; enrolledChildren: number }>
}

/**
 * Which 民办园, largest first, reach the target if converted: for `goal: 'affordable'` the
 * not-yet-普惠 民办园 recognised as 普惠性民办园 (普惠覆盖率); for `goal: 'public'` any 民办园
 * (普惠 or not) taken over as 公办园 (公办园占比). Ties by name. `reached: false` when converting
 * every candidate is still not enough.
 */
export function conversionPlan(
  kgs: readonly KindergartenYear[],
  settings: PreschoolSettings,
  goal: 'affordable' | 'public',
  target: number,
): ConversionPlan {
  const counted = countedKindergartens(kgs, settings)
  const total = counted.reduce((a, k) => a + k.enrolledChildren.total, 0)
  const covered = (k: KindergartenYear) =>
    goal === 'public' ? ownershipOf(k, settings) === 'public' : ownershipOf(k, settings) !== 'private'
  const before = counted.filter(covered).reduce((a, k) => a + k.enrolledChildren.total, 0)
  const candidates = counted
    .filter((k) => !covered(k) && k.enrolledChildren.total > 0)
    .sort((a, b) => b.enrolledChildren.total - a.enrolledChildren.total || compareNames(a.name, b.name))
  const need = total === 0 ? 0 : coverageGap(before, total, target).transfer
  const converted: ConversionPlan['converted'] = []
  let added = 0
  for (const k of candidates) {
    if (added >= need) break
    converted.push({ id: k.id, name: k.name, enrolledChildren: k.enrolledChildren.total })
    added += k.enrolledChildren.total
  }
  return { target, before, after: before + added, total, reached: total > 0 && added >= need, converted }
}

export interface TeacherGap {
  id: string
  name: string
  schedule: '全日制' | '半日制'
  /** 办园形式 was not filled in: the standards of 全日制 were applied (shown so, never as data) */
  scheduleAssumed: boolean
  classes: number | null
  enrolledChildren: number
  teachers: number | null
  /** 专任教师 to add so that each class has the standard number (全日制/半日制 每班2名) */
  teachersByClasses: number | null
  /** 专任教师 to add so that children per teacher is within the rubric's limit (1:15 [U]) */
  teachersByRatio: number | null
  /** the larger of the two, ≥ 0; null when 专任教师 is not reported */
  teachersToAdd: number | null
  /** 保育员 to add, after the teachers above, so that each class has its 保教人员 (全日制3, 半日制2) */
  caregiversToAdd: number | null
  /** other 教职工 to add, after the above, so that children per staff member is within 1:7 (全日制) / 1:10 (半日制) */
  otherStaffToAdd: number | null
  reasons: string[]
}

function itemThreshold(rubric: Rubric, key: string, variant: string): number | null {
  const item = rubric.items.find((i) => i.key === key)
  return item && item.kind === 'computed' ? resolveThreshold(item, variant) : null
}

const ceilTimes = (a: number, b: number) => Number(ceilRational(mulRational(rationalOf(a), rationalOf(b))))
const ceilDiv = (a: number, b: number) => Number(ceilRational(ratio(a, b)))

/**
 * How many 专任教师 (then 保育员, then other staff) one kindergarten must add to meet the staffing
 * standard. Standards come from the rubric's kindergarten items: kgTeachersPerClass and
 * kgCareStaffPerClass (幼儿园教职工配备标准（暂行）2013: 全日制每班2名专任教师和1名保育员，半日制每班
 * 2名专任教师 [V]), kgChildrenPerTeacher (1:15 [U]) and kgChildrenPerStaff (全日制 1:7, 半日制 1:10 [V]).
 * Counts are the smallest whole numbers that reach each standard; missing data gives null with a reason.
 */
export function teacherGap(k: KindergartenYear, rubric: Rubric): TeacherGap {
  const schedule = scheduleOf(k)
  const classes = classesOf(k)
  const teachers = k.staff?.teachers ?? null
  const reasons: string[] = []
  const perClass = itemThreshold(rubric, 'kgTeachersPerClass', schedule)
  const perTeacher = itemThreshold(rubric, 'kgChildrenPerTeacher', schedule)
  const carePerClass = itemThreshold(rubric, 'kgCareStaffPerClass', schedule)
  const perStaff = itemThreshold(rubric, 'kgChildrenPerStaff', schedule)
  let teachersByClasses: number | null = null
  let teachersByRatio: number | null = null
  if (teachers === null) reasons.push('未填报专任教师数')
  if (classes === null) reasons.push('未填报班数')
  if (teachers !== null && classes !== null && perClass !== null) teachersByClasses = Math.max(0, ceilTimes(perClass, classes) - teachers)
  if (teachers !== null && perTeacher !== null && perTeacher > 0)
    teachersByRatio = Math.max(0, ceilDiv(k.enrolledChildren.total, perTeacher) - teachers)
  const teachersToAdd = teachers === null ? null : Math.max(teachersByClasses ?? 0, teachersByRatio ?? 0)
  let caregiversToAdd: number | null = null
  const care = careStaffOf(k)
  if (care === null) reasons.push('未填报保育员数')
  if (care !== null && classes !== null && carePerClass !== null && teachersToAdd !== null) {
    caregiversToAdd = Math.max(0, ceilTimes(carePerClass, classes) - care - teachersToAdd)
  }
  let otherStaffToAdd: number | null = null
  const staff = staffTotalOf(k)
  if (staff === null) reasons.push('未填报教职工数')
  if (staff !== null && perStaff !== null && perStaff > 0 && teachersToAdd !== null) {
    otherStaffToAdd = Math.max(0, ceilDiv(k.enrolledChildren.total, perStaff) - staff - teachersToAdd - (caregiversToAdd ?? 0))
  }
  return {
    id: k.id,
    name: k.name,
    schedule,
    scheduleAssumed: !k.schedule,
    classes,
    enrolledChildren: k.enrolledChildren.total,
    teachers,
    teachersByClasses,
    teachersByRatio,
    teachersToAdd,
    caregiversToAdd,
    otherStaffToAdd,
    reasons,
  }
}

/** teacherGap for every counted kindergarten, those needing most 专任教师 first. */
export function teacherGaps(kgs: readonly KindergartenYear[], rubric: Rubric, settings: PreschoolSettings): TeacherGap[] {
  return countedKindergartens(kgs, settings)
    .map((k) => teacherGap(k, rubric))
    .sort((a, b) => (b.teachersToAdd ?? -1) - (a.teachersToAdd ?? -1))
}
