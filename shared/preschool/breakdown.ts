/**
 * 普及普惠 figures broken down by 乡镇 or by 城区 / 镇区 / 乡村, and per-kindergarten flags.
 * Pure functions over the same inputs as indicators.ts.
 */
import type { ComputedValue, ItemResult, RubricEvaluation } from '../rubrics/evaluate'
import { evaluateRubric } from '../rubrics/evaluate'
import type { Rubric } from '../rubrics/rubricSchema'
import {
  affordableCoverageRate,
  countedKindergartens,
  grossEnrolmentRate,
  kindergartenValues,
  ownershipOf,
  publicShare,
  scheduleOf,
  type PreschoolSettings,
} from './indicators'
import type { CountyPreschoolYear, KindergartenYear } from './types'

export interface PreschoolBreakdownRow {
  /** the 乡镇 name, or 城区 / 镇区 / 乡村; '未填' when the kindergartens do not say */
  group: string
  kindergartens: number
  publicKindergartens: number
  subsidisedKindergartens: number
  privateKindergartens: number
  enrolledChildren: number
  publicChildren: number
  subsidisedChildren: number
  affordableCoverageRate: ComputedValue
  publicShare: ComputedValue
  /** per 乡镇 only, and only when the county has the 乡镇's 3–5周岁常住人口 */
  grossEnrolmentRate: ComputedValue | null
}

export const UNSPECIFIED_GROUP = '未填'

/**
 * Groups the counted kindergartens by 乡镇 (`by: 'township'`) or 城乡 class (`by: 'urbanRural'`),
 * groups in first-seen order for 乡镇 and 城区, 镇区, 乡村 order for 城乡, '未填' last.
 * Rates per group use the same formulas (and sources) as the county rates; 毛入园率 per 乡镇 uses
 * the county's per-乡镇 population when present (children attend across 乡镇 borders, so a 乡镇
 * rate is indicative only).
 */
export function preschoolBreakdown(
  kgs: readonly KindergartenYear[],
  county: CountyPreschoolYear,
  settings: PreschoolSettings,
  by: 'township' | 'urbanRural',
): PreschoolBreakdownRow[] {
  const counted = countedKindergartens(kgs, settings)
  const keyOf = (k: KindergartenYear) => (by === 'township' ? k.township : k.urbanRural) || UNSPECIFIED_GROUP
  const order = by === 'urbanRural' ? ['城区', '镇区', '乡村'] : []
  for (const k of counted) if (!order.includes(keyOf(k))) order.push(keyOf(k))
  const groups = order.filter((g) => g !== UNSPECIFIED_GROUP && counted.some((k) => keyOf(k) === g))
  if (counted.some((k) => keyOf(k) === UNSPECIFIED_GROUP)) groups.push(UNSPECIFIED_GROUP)
  return groups.map((group) => {
    const members = counted.filter((k) => keyOf(k) === group)
    const own = members.map((k) => ownershipOf(k, settings))
    const childrenOf = (o: string) => members.filter((_, i) => own[i] === o).reduce((a, k) => a + k.enrolledChildren.total, 0)
    const population = by === 'township' && group !== UNSPECIFIED_GROUP ? county.agePopulationByTownship?.[group] : undefined
    return {
      group,
      kindergartens: members.length,
      publicKindergartens: own.filter((o) => o === 'public').length,
      subsidisedKindergartens: own.filter((o) => o === 'subsidisedPrivate').length,
      privateKindergartens: own.filter((o) => o === 'private').length,
      enrolledChildren: members.reduce((a, k) => a + k.enrolledChildren.total, 0),
      publicChildren: childrenOf('public'),
      subsidisedChildren: childrenOf('subsidisedPrivate'),
      affordableCoverageRate: affordableCoverageRate(members, settings),
      publicShare: publicShare(members, settings),
      grossEnrolmentRate:
        population === undefined ? null : grossEnrolmentRate(members, { statYear: county.statYear, agePopulation: population }, settings),
    }
  })
}

export interface KindergartenFlags {
  id: string
  name: string
  evaluation: RubricEvaluation
  /** the kindergarten-level items not met (规模 > 360, 班额, 配备标准 …) */
  flags: ItemResult[]
  /** the items that could not be assessed for want of data */
  noData: ItemResult[]
  /** 办园形式 not filled in: judged against the 全日制 ranges (say so beside the flags) */
  scheduleAssumed: boolean
}

/**
 * Evaluates the rubric's kindergarten-level items for each kindergarten (variant 全日制 / 半日制)
 * and returns the failing ones as flags, kindergartens with flags first (most flags first).
 */
export function kindergartenFlags(kgs: readonly KindergartenYear[], rubric: Rubric, settings: PreschoolSettings): KindergartenFlags[] {
  return countedKindergartens(kgs, settings)
    .map((k) => {
      const evaluation = evaluateRubric(rubric, kindergartenValues(k, settings), {}, { level: 'kindergarten', variant: scheduleOf(k) })
      return {
        id: k.id,
        name: k.name,
        evaluation,
        flags: evaluation.items.filter((i) => i.status === 'notMet'),
        noData: evaluation.items.filter((i) => i.status === 'noData'),
        scheduleAssumed: !k.schedule,
      }
    })
    .sort((a, b) => b.flags.length - a.flags.length)
}
