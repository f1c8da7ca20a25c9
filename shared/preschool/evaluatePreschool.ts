/**
 * The whole 学前教育普及普惠 evaluation of one year through the one rubric engine: the county items
 * (the shape `preschool indicators --json` prints), per-kindergarten flags, breakdowns and the gap
 * calculator, with targets taken from the rubric. Pure: the caller loads the data.
 */
import type { ItemResult, Judgement, RubricEvaluation } from '../rubrics/evaluate'
import { evaluateRubric, resolveThreshold } from '../rubrics/evaluate'
import type { Rubric } from '../rubrics/rubricSchema'
import { kindergartenFlags, preschoolBreakdown, type KindergartenFlags, type PreschoolBreakdownRow } from './breakdown'
import { conversionPlan, coverageGap, teacherGaps, type ConversionPlan, type CoverageGap, type TeacherGap } from './gaps'
import { countedKindergartens, ownershipOf, preschoolCountyValues, preschoolSettings, type PreschoolSettings } from './indicators'
import type { CountyPreschoolYear, KindergartenYear } from './types'

/** Head counts of the year, as 基本情况 reports them. */
export interface PreschoolCounts {
  kindergartens: number
  publicKindergartens: number
  privateKindergartens: number
  /** of the 民办园: 普惠性民办园 */
  subsidisedKindergartens: number
  townshipCentres: number
  enrolledChildren: number
  publicChildren: number
  subsidisedChildren: number
  /** 公办 + 普惠性民办 */
  affordableChildren: number
  /** 托班 children (reported apart: outside the 3–5 age range) */
  nurseryChildren: number
  teachers: number
  agePopulation: number | null
}

export interface PreschoolEvaluation {
  year: number
  rubric: { id: string; version: string }
  counts: PreschoolCounts
  /** the county-level items: { key, name, numerator, denominator, value, display, threshold, comparator, status … } */
  indicators: ItemResult[]
  groups: RubricEvaluation['groups']
  verdict: RubricEvaluation['verdict']
  reasons: string[]
  kindergartens: KindergartenFlags[]
  breakdown: { township: PreschoolBreakdownRow[]; urbanRural: PreschoolBreakdownRow[] }
  gaps: {
    /** toward the affordableCoverageRate threshold (80%) */
    affordable: CoverageGap | null
    /** toward the publicShare threshold (50%) */
    public: CoverageGap | null
    affordableConversion: ConversionPlan | null
    publicConversion: ConversionPlan | null
    teachers: TeacherGap[]
  }
}

/** Head counts of the counted kindergartens (see PreschoolCounts). */
export function preschoolCounts(
  kgs: readonly KindergartenYear[],
  county: CountyPreschoolYear,
  settings: PreschoolSettings,
): PreschoolCounts {
  const counted = countedKindergartens(kgs, settings)
  const own = counted.map((k) => ownershipOf(k, settings))
  const children = (pick: (i: number) => boolean) => counted.reduce((a, k, i) => a + (pick(i) ? k.enrolledChildren.total : 0), 0)
  return {
    kindergartens: counted.length,
    publicKindergartens: own.filter((o) => o === 'public').length,
    privateKindergartens: own.filter((o) => o !== 'public').length,
    subsidisedKindergartens: own.filter((o) => o === 'subsidisedPrivate').length,
    townshipCentres: counted.filter((k) => k.townshipCentre === true).length,
    enrolledChildren: children(() => true),
    publicChildren: children((i) => own[i] === 'public'),
    subsidisedChildren: children((i) => own[i] === 'subsidisedPrivate'),
    affordableChildren: children((i) => own[i] !== 'private'),
    nurseryChildren: counted.reduce((a, k) => a + (k.enrolledChildren.nursery ?? 0), 0),
    teachers: counted.reduce((a, k) => a + (k.staff?.teachers ?? 0), 0),
    agePopulation: county.agePopulation ?? null,
  }
}

function target(rubric: Rubric, key: string): number | null {
  const item = rubric.items.find((i) => i.key === key)
  return item && item.kind === 'computed' ? resolveThreshold(item) : null
}

/**
 * Evaluates one year against a 普及普惠 rubric (the bundled preschool-universality-2020 or a
 * variant): county items with `judgements` (item key → Judgement) for the judged ones, flags per
 * kindergarten, breakdowns by 乡镇 and 城乡, and the gaps toward the rubric's own thresholds for
 * 普惠性幼儿园覆盖率 and 公办园在园幼儿占比 (教督〔2020〕1号, 普及普惠水平 [V]). Throws when the
 * rubric lacks a setting the formulas need (a rubric that passed parseRubric has them).
 */
export function evaluatePreschool(
  kgs: readonly KindergartenYear[],
  county: CountyPreschoolYear,
  rubric: Rubric,
  judgements: Readonly<Record<string, Judgement | undefined>> = {},
): PreschoolEvaluation {
  const settings = preschoolSettings(rubric)
  const values = preschoolCountyValues(kgs, county, settings)
  const ev = evaluateRubric(rubric, values, judgements, { level: 'county' })
  const counts = preschoolCounts(kgs, county, settings)
  const affordableTarget = target(rubric, 'affordableCoverageRate')
  const publicTarget = target(rubric, 'publicShare')
  const hasChildren = counts.enrolledChildren > 0
  return {
    year: county.statYear,
    rubric: ev.rubric,
    counts,
    indicators: ev.items,
    groups: ev.groups,
    verdict: ev.verdict,
    reasons: ev.reasons,
    kindergartens: kindergartenFlags(kgs, rubric, settings),
    breakdown: {
      township: preschoolBreakdown(kgs, county, settings, 'township'),
      urbanRural: preschoolBreakdown(kgs, county, settings, 'urbanRural'),
    },
    gaps: {
      affordable:
        hasChildren && affordableTarget !== null ? coverageGap(counts.affordableChildren, counts.enrolledChildren, affordableTarget) : null,
      public: hasChildren && publicTarget !== null ? coverageGap(counts.publicChildren, counts.enrolledChildren, publicTarget) : null,
      affordableConversion: hasChildren && affordableTarget !== null ? conversionPlan(kgs, settings, 'affordable', affordableTarget) : null,
      publicConversion: hasChildren && publicTarget !== null ? conversionPlan(kgs, settings, 'public', publicTarget) : null,
      teachers: teacherGaps(kgs, rubric, settings),
    },
  }
}

/**
 * The JSON `preschool indicators --year Y --json` prints (issue 11):
 * `{ year, rubric: { id, version }, indicators: [ { key, name, numerator, denominator, value,
 * display, threshold, comparator, status } ] }`, the county-level items in rubric order; `value` is a
 * fraction for rates (0.7140, display `71.40%`) and children per teacher for the ratio (25.52,
 * display `1:25.5`); `status` is met / notMet / noData / judged.
 */
export function preschoolIndicatorsJson(ev: PreschoolEvaluation) {
  return {
    year: ev.year,
    rubric: ev.rubric,
    indicators: ev.indicators.map((i) => ({
      key: i.key,
      name: i.name,
      numerator: i.numerator,
      denominator: i.denominator,
      value: i.value,
      display: i.display,
      threshold: i.threshold,
      comparator: i.comparator,
      status: i.status,
    })),
  }
}
