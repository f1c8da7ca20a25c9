/**
 * "What it takes to pass" for 优质均衡 资源配置: per failing school part and indicator the shortfall
 * in real units (教师 人, ㎡, 元, 间), a pass plan per school part (6 of 7 met, the 余项 ≥ 85%), and per
 * 学段 indicator whose 差异系数 is over its limit the schools to lift, most-contributing first.
 * Amounts are the smallest whole numbers that reach the target, computed exactly (decimal.ts).
 */
import type { RubricEvaluation } from '../rubrics/evaluate'
import { ceilRational, formatRational, mulRational, ratio, rationalOf, subRational } from '../statistics/decimal'
import { INDICATOR_UNITS, type BalanceIndicator } from './indicators'
import { weightedCv } from './weightedCv'

/**
 * Smallest whole amount to add to `current` so that (current + add) × multiplier ÷ students ≥
 * target × factor (factor: e.g. 0.85 for the 余项 floor). 0 when already there. Decided on doubles
 * when the need is clearly away from a whole number, exactly (decimal.ts) otherwise.
 * Throws RangeError when students ≤ 0.
 */
export function amountToReach(current: number, students: number, multiplier: number, target: number, factor = 1): number {
  if (!(students > 0)) throw new RangeError('在校生数为0')
  const need = (target * factor * students) / multiplier - current
  const nearest = Math.round(need)
  if (Math.abs(need - nearest) > 1e-9 * Math.max(1, Math.abs(need), Math.abs(current))) return need > 0 ? Math.ceil(need) : 0
  const t = factor === 1 ? rationalOf(target) : mulRational(rationalOf(target), rationalOf(factor))
  const total = mulRational(mulRational(t, ratio(1, multiplier)), rationalOf(students)) // target × students ÷ multiplier
  const add = ceilRational(subRational(total, rationalOf(current)))
  return add > 0n ? Number(add) : 0
}

export interface IndicatorShortfall {
  key: BalanceIndicator
  name: string
  /** unit of the amounts: 人, ㎡, 元, 间 */
  unit: string
  amountName: string
  value: number
  standard: number
  /** value ÷ standard */
  attainment: number
  /** the part's current amount (teachers, ㎡, 元, rooms) */
  current: number
  /** amount to add to reach the standard */
  toStandard: number
  /** amount to add to reach the floor (85% of the standard) */
  toFloor: number
}

export interface PassPlanStep {
  key: BalanceIndicator
  name: string
  target: 'standard' | 'floor'
  add: number
  unit: string
  amountName: string
}

export interface SchoolPassPlan {
  verdict: RubricEvaluation['verdict']
  shortfalls: IndicatorShortfall[]
  /** the one indicator allowed below the standard (the highest attainment among the failing ones) */
  remainder: BalanceIndicator | null
  /** what to add so that the part passes; empty when it passes */
  steps: PassPlanStep[]
  /** indicators without data: the plan cannot be complete until they are reported */
  noData: BalanceIndicator[]
}

/**
 * Shortfalls and the pass plan of one school part from its school-level evaluation (evaluateRubric
 * level 'school'). Rule (教督〔2017〕6号 资源配置 [V], read as RULES.md §3): at least 6 of 7 met and the
 * one not met ≥ 85% of its own standard. The plan keeps as the 余项 the failing indicator closest to
 * its standard (highest attainment; units differ, so this is a choice the office can override),
 * lifts it to 85% if below, and every other failing indicator to its standard.
 */
export function schoolPassPlan(evaluation: RubricEvaluation, students: number, floorRatio: number): SchoolPassPlan {
  const shortfalls: IndicatorShortfall[] = []
  const noData: BalanceIndicator[] = []
  for (const item of evaluation.items) {
    const key = item.key as BalanceIndicator
    const u = INDICATOR_UNITS[key]
    if (!u || !item.counts) continue
    if (item.status === 'noData') noData.push(key)
    if (item.status !== 'notMet' || item.value === null || item.threshold === null || item.numerator === null) continue
    shortfalls.push({
      key,
      name: item.name,
      unit: u.unit,
      amountName: u.amountName,
      value: item.value,
      standard: item.threshold,
      attainment: item.value / item.threshold,
      current: item.numerator,
      toStandard: amountToReach(item.numerator, students, u.multiplier, item.threshold),
      toFloor: amountToReach(item.numerator, students, u.multiplier, item.threshold, floorRatio),
    })
  }
  if (evaluation.verdict === 'met' || shortfalls.length === 0) {
    return { verdict: evaluation.verdict, shortfalls, remainder: null, steps: [], noData }
  }
  const remainder = [...shortfalls].sort((a, b) => b.attainment - a.attainment)[0]
  const steps: PassPlanStep[] = []
  for (const s of shortfalls) {
    if (s.key === remainder.key) {
      if (s.toFloor > 0) steps.push({ key: s.key, name: s.name, target: 'floor', add: s.toFloor, unit: s.unit, amountName: s.amountName })
    } else {
      steps.push({ key: s.key, name: s.name, target: 'standard', add: s.toStandard, unit: s.unit, amountName: s.amountName })
    }
  }
  return { verdict: evaluation.verdict, shortfalls, remainder: remainder.key, steps, noData }
}

export interface CvPlanEntry {
  id: string
  name: string
  students: number
  /** the part's amount (teachers, ㎡, 元, rooms); null = not reported (left out) */
  amount: number | null
}

export interface CvPlanStep {
  id: string
  name: string
  from: number
  to: number
  /** amount added, in the indicator's unit (whole units) */
  add: number
  /** the 差异系数 after this step */
  cvAfter: number
}

export interface CvPlan {
  key: BalanceIndicator
  unit: string
  limit: number
  before: number | null
  after: number | null
  reached: boolean
  steps: CvPlanStep[]
  /** Σ add */
  total: number
  reason?: string
}

/**
 * The smallest set of lifts that brings a 学段 indicator's weighted 差异系数 (weightedCv) to the
 * limit (小学 0.50, 初中 0.45 from the rubric): repeatedly take the school below the county value
 * with the largest contribution Pi(Xi − X̄)²/P and lift it to the current county value X̄ (in whole
 * units of the indicator: teachers, ㎡, 元, rooms), each school at most once, until CV ≤ limit.
 * Schools above the county value are never lowered; if lifting every school below it is not enough,
 * `reached` is false and the reason names the schools above the value that keep the spread.
 */
export function cvImprovementPlan(key: BalanceIndicator, entries: readonly CvPlanEntry[], limit: number): CvPlan {
  const { multiplier, unit } = INDICATOR_UNITS[key]
  const cvEntries = () =>
    state.map((e) => ({
      id: e.id,
      name: e.name,
      weight: e.students,
      value: e.amount === null ? null : (e.amount * multiplier) / e.students,
    }))
  const state = entries.map((e) => ({ ...e }))
  const first = weightedCv(cvEntries())
  const before = first.cv
  const steps: CvPlanStep[] = []
  if (before === null) return { key, unit, limit, before, after: null, reached: false, steps, total: 0, reason: first.reason }
  // The loop works on arrays in place (O(n) per step, no sorting or allocation); the final
  // coefficient is recomputed by weightedCv so that it matches the reported one exactly.
  const used = state.filter((e) => e.amount !== null && e.students > 0)
  const n = used.length
  const weight = used.map((e) => e.students)
  const amount = used.map((e) => e.amount as number)
  const value = used.map((e, i) => (amount[i] * multiplier) / e.students)
  const lifted = new Array<boolean>(n).fill(false)
  const P = weight.reduce((a, b) => a + b, 0)
  let weightedSum = value.reduce((a, x, i) => a + weight[i] * x, 0)
  for (;;) {
    const mean = weightedSum / P
    let variance = 0
    for (let i = 0; i < n; i++) variance += (weight[i] * (value[i] - mean) ** 2) / P
    const cv = Math.sqrt(variance) / mean
    if (!(cv > limit)) break
    let pick = -1
    let largest = -1
    for (let i = 0; i < n; i++) {
      if (lifted[i] || !(value[i] < mean)) continue
      const term = weight[i] * (value[i] - mean) ** 2
      if (term > largest) {
        largest = term
        pick = i
      }
    }
    if (pick < 0) break
    const add = Math.max(1, amountToReach(amount[pick], weight[pick], multiplier, mean))
    const from = value[pick]
    amount[pick] += add
    value[pick] = (amount[pick] * multiplier) / weight[pick]
    weightedSum += weight[pick] * (value[pick] - from)
    lifted[pick] = true
    let after = 0
    const m2 = weightedSum / P
    for (let i = 0; i < n; i++) after += (weight[i] * (value[i] - m2) ** 2) / P
    steps.push({ id: used[pick].id, name: used[pick].name, from, to: value[pick], add, cvAfter: Math.sqrt(after) / m2 })
  }
  for (let i = 0; i < n; i++) used[i].amount = amount[i]
  const final = weightedCv(cvEntries())
  const reached = final.cv !== null && final.cv <= limit
  const plan: CvPlan = { key, unit, limit, before, after: final.cv, reached, steps, total: steps.reduce((a, s) => a + s.add, 0) }
  if (!reached) {
    const above = final.contributions
      .filter((c) => c.value > final.mean!)
      .slice(0, 3)
      .map((c) => c.name)
    plan.reason = `只提升低于全县平均值的学校不能使差异系数降到${formatLimit(limit)}以下，差异主要来自高于平均值的学校：${above.join('、')}`
  }
  return plan
}

function formatLimit(limit: number): string {
  return formatRational(rationalOf(limit), 2)
}
