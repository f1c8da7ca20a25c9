/**
 * The one rubric engine: evaluates any rubric (学前教育普及普惠, 义务教育优质均衡, a provincial variant)
 * at one level (county, stage, school, kindergarten) from computed values and human judgements.
 * Pure: no I/O. All comparisons with thresholds are exact (shared/statistics/decimal.ts).
 */
import {
  compareRational,
  fastCompare,
  fastFixed,
  formatRational,
  formatTrimmed,
  mulRational,
  ratio,
  rationalOf,
  type Rational,
} from '../statistics/decimal'
import type { Comparator, ComputedItem, Confidence, JudgedStatus, Rubric, RubricItem, RubricLevel, RubricSource } from './rubricSchema'
import { JUDGED_STATUS_LABELS } from './rubricSchema'

/**
 * A value computed by a formula (shared/preschool, shared/balance), keyed by the item's `formula`.
 * value = numerator × multiplier ÷ denominator when both are present (multiplier 100 for
 * "per hundred students", default 1); for values that are not a ratio of two sums (e.g. a
 * 差异系数) numerator and denominator are null and `value` carries the number.
 * `value: null` means 无数据, and `reason` says why in Chinese; `missing` lists the institutions
 * (by name) that lack the data.
 */
export interface ComputedValue {
  numerator: number | null
  denominator: number | null
  multiplier?: number
  value: number | null
  reason?: string
  missing?: string[]
}

/** A person's verdict on a judged item, with the 佐证材料 (evidence: file names or ids). */
export interface Judgement {
  status: JudgedStatus
  note?: string
  evidence?: string[]
}

export type ItemStatus = 'met' | 'notMet' | 'noData' | 'judged'
export type Verdict = 'met' | 'notMet' | 'noData'

/** One evaluated item, as every door and the report show it. */
export interface ItemResult {
  key: string
  name: string
  group: string
  kind: 'computed' | 'judged'
  numerator: number | null
  denominator: number | null
  /** value = numerator × multiplier ÷ denominator (present when not 1, e.g. 100 for per-hundred values) */
  multiplier?: number
  value: number | null
  /** the value as shown: `82.99%`, `1:25.5`, `4.52`; '无数据' when there is none; 达标 / 基本达标 / 未达标 / 未评定 for judged items */
  display: string
  threshold: number | null
  /** the standard as shown: `≥85%`, `≤1:15`, `1:5～1:7`, `≥4.5` */
  thresholdDisplay: string
  comparator: Comparator | null
  unit: string
  status: ItemStatus
  /** for judged items: met / partlyMet / notMet = 达标 / 基本达标 / 未达标 (absent when not yet judged) */
  judgement?: JudgedStatus
  note?: string
  evidence?: string[]
  /** Chinese explanation when there is no data, or when the rounded value hides a failure */
  reason?: string
  missing?: string[]
  /** value ÷ threshold for '>=' items (0.8 = 80% of the standard); null otherwise */
  attainment: number | null
  counts: boolean
  source: RubricSource
  confidence: Confidence
}

export interface GroupResult {
  key: string
  name: string
  status: Verdict
  metCount: number
  total: number
  /** Chinese sentences explaining a notMet / noData status */
  reasons: string[]
}

export interface RubricEvaluation {
  rubric: { id: string; version: string }
  level: RubricLevel
  variant: string | null
  items: ItemResult[]
  groups: GroupResult[]
  verdict: Verdict
  reasons: string[]
}

export interface EvaluateOptions {
  /** which items to evaluate (default 'county') */
  level?: RubricLevel
  /** the variant for per-variant thresholds, e.g. 小学 / 初中, 全日制 / 半日制 */
  variant?: string
}

const COMPARATOR_TEXT: Record<Comparator, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' }

/**
 * The item's threshold for a variant: a number, or the variant's entry of a per-variant map;
 * null when the map has no entry for the variant (or no variant was given).
 */
export function resolveThreshold(item: ComputedItem, variant?: string | null): number | null {
  if (typeof item.threshold === 'number') return item.threshold
  if (variant == null) return null
  return item.threshold[variant] ?? null
}

/** Shows a value in the item's display: percent `82.99%`, ratio `1:25.5`, number `4.52`. Half-up, exact. */
export function formatItemValue(item: Pick<ComputedItem, 'display'>, value: Rational): string {
  const { kind, decimals } = item.display
  if (kind === 'percent') return `${formatRational(mulRational(value, { n: 100n, d: 1n }), decimals)}%`
  if (kind === 'ratio') return `1:${formatRational(value, decimals)}`
  return formatRational(value, decimals)
}

/** formatItemValue from a double when it is clearly away from a rounding tie; null otherwise. */
function fastItemValue(item: Pick<ComputedItem, 'display'>, x: number): string | null {
  const { kind, decimals } = item.display
  const text = fastFixed(kind === 'percent' ? x * 100 : x, decimals)
  if (text === null) return null
  return kind === 'percent' ? `${text}%` : kind === 'ratio' ? `1:${text}` : text
}

interface CachedThreshold {
  signature: string
  text: string
}
const thresholdCache = new WeakMap<ComputedItem, Map<string, CachedThreshold>>()

function thresholdSignature(item: ComputedItem, variant: string | null | undefined): string {
  const range = item.displayRange
    ? 'min' in item.displayRange
      ? item.displayRange
      : variant != null
        ? item.displayRange[variant]
        : undefined
    : undefined
  return `${resolveThreshold(item, variant)}|${item.comparator}|${item.display.kind}|${item.display.thresholdDecimals}|${range ? `${range.min}-${range.max}` : ''}`
}

/**
 * Shows a threshold: `≥85%`, `≤1:15`, `≥4.5`; a display range as `1:5～1:7`. Cached per item and
 * variant, and recomputed when the item's threshold, comparator, display or range changes (an
 * editor may change a rubric in place).
 */
export function formatThreshold(item: ComputedItem, variant?: string | null): string {
  let perItem = thresholdCache.get(item)
  if (!perItem) thresholdCache.set(item, (perItem = new Map()))
  const key = variant ?? ''
  const signature = thresholdSignature(item, variant)
  const cached = perItem.get(key)
  if (cached && cached.signature === signature) return cached.text
  const text = thresholdText(item, variant)
  perItem.set(key, { signature, text })
  return text
}

function thresholdText(item: ComputedItem, variant?: string | null): string {
  const t = resolveThreshold(item, variant)
  if (t === null) return '—'
  if (item.displayRange) {
    const range = 'min' in item.displayRange ? item.displayRange : variant != null ? item.displayRange[variant] : undefined
    if (range && typeof range.min === 'number') {
      const f = (x: number) => (item.display.kind === 'ratio' ? `1:${formatTrimmed(x)}` : formatTrimmed(x))
      return `${f(range.min as number)}～${f(range.max as number)}`
    }
  }
  // "at most none" (规模超过360人的幼儿园数 ≤ 0) reads as the count it must be: 0所.
  if (item.display.kind === 'number' && item.comparator === '<=' && t === 0) return `0${item.unit}`
  const fixed = item.display.thresholdDecimals
  const num = (x: number, m = 1) => (fixed === undefined ? formatTrimmed(x, m) : formatRational(ratio(x, 1, m), fixed))
  const text = item.display.kind === 'percent' ? `${num(t, 100)}%` : item.display.kind === 'ratio' ? `1:${num(t)}` : num(t)
  return `${COMPARATOR_TEXT[item.comparator]}${text}`
}

function compare(c: Comparator, sign: -1 | 0 | 1): boolean {
  switch (c) {
    case '>=':
      return sign >= 0
    case '<=':
      return sign <= 0
    case '>':
      return sign > 0
    case '<':
      return sign < 0
  }
}

/** The value as a double (numerator × multiplier ÷ denominator when both are there), or null when there is none. */
function floatValue(v: ComputedValue | undefined): number | null {
  if (!v) return null
  if (
    v.numerator !== null &&
    v.denominator !== null &&
    Number.isFinite(v.numerator) &&
    Number.isFinite(v.denominator) &&
    v.denominator !== 0
  ) {
    return (v.numerator * (v.multiplier ?? 1)) / v.denominator
  }
  return v.value !== null && Number.isFinite(v.value) ? v.value : null
}

/** The exact rational of a computed value, or null when there is none. */
export function exactValue(v: ComputedValue | undefined): Rational | null {
  if (!v) return null
  if (
    v.numerator !== null &&
    v.denominator !== null &&
    Number.isFinite(v.numerator) &&
    Number.isFinite(v.denominator) &&
    v.denominator !== 0
  ) {
    return ratio(v.numerator, v.denominator, v.multiplier ?? 1)
  }
  if (v.value !== null && Number.isFinite(v.value)) return rationalOf(v.value)
  return null
}

function evaluateComputed(item: ComputedItem, v: ComputedValue | undefined, variant: string | null): ItemResult {
  const threshold = resolveThreshold(item, variant)
  // Built once with every field in a fixed order (no spreads, no closures): this runs for every
  // item of every kindergarten or school.
  const result: ItemResult = {
    key: item.key,
    name: item.name,
    group: item.group,
    kind: 'computed',
    numerator: v?.numerator ?? null,
    denominator: v?.denominator ?? null,
    value: null,
    display: '无数据',
    threshold,
    thresholdDisplay: formatThreshold(item, variant),
    comparator: item.comparator,
    unit: item.unit,
    status: 'noData',
    attainment: null,
    counts: item.counts,
    source: item.source,
    confidence: item.confidence,
  }
  if (v?.multiplier !== undefined && v.multiplier !== 1) result.multiplier = v.multiplier
  if (v?.missing && v.missing.length > 0) result.missing = v.missing
  const float = floatValue(v)
  if (float === null) {
    result.reason = v?.reason ?? '未提供计算所需的数据'
    return result
  }
  // Fast paths on doubles where they cannot differ from the exact answer; exact arithmetic otherwise.
  result.value = v?.value ?? float
  result.display = fastItemValue(item, float) ?? formatItemValue(item, exactValue(v)!)
  if (threshold === null) {
    result.reason = `未设置“${variant ?? '（未指定类别）'}”的标准值`
    return result
  }
  const sign = fastCompare(float, threshold) ?? compareRational(exactValue(v)!, rationalOf(threshold))
  const met = compare(item.comparator, sign)
  result.status = met ? 'met' : 'notMet'
  if (item.comparator === '>=' && threshold !== 0) result.attainment = float / threshold
  if (v?.reason) result.reason = v.reason
  if (!met && result.display === (fastItemValue(item, threshold) ?? formatItemValue(item, rationalOf(threshold)))) {
    result.reason = `按未舍入的数值计算未达到标准（舍入后显示为${result.display}）`
  }
  return result
}

function evaluateJudged(item: RubricItem & { kind: 'judged' }, j: Judgement | undefined): ItemResult {
  const base = {
    key: item.key,
    name: item.name,
    group: item.group,
    kind: 'judged' as const,
    numerator: null,
    denominator: null,
    value: null,
    threshold: null,
    thresholdDisplay: item.requirement,
    comparator: null,
    unit: '',
    attainment: null,
    counts: item.counts,
    source: item.source,
    confidence: item.confidence,
  }
  if (!j) return { ...base, display: '未评定', status: 'noData', reason: '尚未评定' }
  return {
    ...base,
    display: JUDGED_STATUS_LABELS[j.status],
    status: 'judged',
    judgement: j.status,
    ...(j.note ? { note: j.note } : {}),
    ...(j.evidence && j.evidence.length > 0 ? { evidence: j.evidence } : {}),
  }
}

type Outcome = 'pass' | 'fail' | 'unknown'

function outcome(r: ItemResult, partlyMetCounts: boolean): Outcome {
  if (r.status === 'met') return 'pass'
  if (r.status === 'notMet') return 'fail'
  if (r.status === 'noData') return 'unknown'
  if (r.judgement === 'met') return 'pass'
  if (r.judgement === 'partlyMet') return partlyMetCounts ? 'pass' : 'fail'
  return 'fail'
}

function combineGroup(rubric: Rubric, groupKey: string, results: ItemResult[]): GroupResult {
  const group = rubric.groups.find((g) => g.key === groupKey)!
  const counted = results.filter((r) => r.group === groupKey && r.counts)
  const reasons: string[] = []
  const partly = group.combine.kind === 'all' ? group.combine.partlyMetCounts : false
  const outcomes = counted.map((r) => ({ r, o: outcome(r, partly) }))
  const metCount = outcomes.filter((x) => x.o === 'pass').length
  const failing = outcomes.filter((x) => x.o === 'fail').map((x) => x.r)
  const unknown = outcomes.filter((x) => x.o === 'unknown').map((x) => x.r)
  let status: Verdict
  if (group.combine.kind === 'all') {
    for (const r of failing)
      reasons.push(`“${r.name}”${r.kind === 'judged' ? `评定为${r.display}` : `为${r.display}，标准${r.thresholdDisplay}`}`)
    for (const r of unknown) reasons.push(`“${r.name}”无数据${r.reason ? `（${r.reason}）` : ''}`)
    status = failing.length > 0 ? 'notMet' : unknown.length > 0 ? 'noData' : 'met'
  } else {
    const { minMet, floorRatio } = group.combine
    const allowed = counted.length - minMet
    const floorText = `${formatTrimmed(floorRatio, 100)}%`
    let definite = false
    if (failing.length > allowed) {
      definite = true
      reasons.push(`${failing.length}项未达标（至多允许${allowed}项）：${failing.map((r) => r.name).join('、')}`)
    }
    for (const r of failing) {
      const below =
        r.kind === 'judged' ||
        r.threshold === null ||
        r.value === null ||
        compareRational(exactValue(r)!, mulRational(rationalOf(r.threshold), rationalOf(floorRatio))) < 0
      if (below) {
        definite = true
        reasons.push(`“${r.name}”为${r.display}，低于标准${r.thresholdDisplay}的${floorText}`)
      } else if (failing.length <= allowed) {
        reasons.push(`“${r.name}”为${r.display}，未达标准${r.thresholdDisplay}，但不低于标准的${floorText}`)
      }
    }
    for (const r of unknown) reasons.push(`“${r.name}”无数据${r.reason ? `（${r.reason}）` : ''}`)
    status = definite ? 'notMet' : unknown.length > 0 ? 'noData' : 'met'
  }
  return { key: group.key, name: group.name, status, metCount, total: counted.length, reasons }
}

/**
 * Evaluates the items of one level of a rubric.
 *
 * @param rubric a rubric that passed `rubricSchema` (use `parseRubric` on files)
 * @param computedValues formula key → ComputedValue (missing key = 无数据)
 * @param judgements item key → Judgement for judged items (missing = 尚未评定, status noData)
 * @param options level (default 'county') and variant (小学 / 初中, 全日制 / 半日制) for per-variant thresholds
 * @returns per item `{ key, name, numerator, denominator, value, display, threshold, comparator, status … }`,
 *   per group the combined status (the group's `combine` rule), and the level's verdict: met when every
 *   group of the level is met, notMet when any is not met, otherwise noData.
 *
 * Status: met / notMet for computed items compared exactly with their threshold; noData when the
 * value or the threshold is missing (never NaN); judged for items a person has judged.
 */
export function evaluateRubric(
  rubric: Rubric,
  computedValues: Readonly<Record<string, ComputedValue | undefined>>,
  judgements: Readonly<Record<string, Judgement | undefined>> = {},
  options: EvaluateOptions = {},
): RubricEvaluation {
  const level = options.level ?? 'county'
  const variant = options.variant ?? null
  const groupKeys = rubric.groups.filter((g) => g.level === level).map((g) => g.key)
  const items = rubric.items
    .filter((item) => groupKeys.includes(item.group))
    .map((item) =>
      item.kind === 'computed' ? evaluateComputed(item, computedValues[item.formula], variant) : evaluateJudged(item, judgements[item.key]),
    )
  const groups = groupKeys.map((k) => combineGroup(rubric, k, items))
  const verdict: Verdict = groups.some((g) => g.status === 'notMet')
    ? 'notMet'
    : groups.some((g) => g.status === 'noData')
      ? 'noData'
      : 'met'
  return {
    rubric: { id: rubric.id, version: rubric.version },
    level,
    variant,
    items,
    groups,
    verdict,
    reasons: groups.flatMap((g) => g.reasons.map((r) => `${g.name}：${r}`)),
  }
}
