/**
 * 班额 bands of the statistics forms (STATISTICS.md: 25人及以下, 26-30人, …, 61-65人, 66人及以上 [S])
 * and what the 优质均衡 checks read from them. 45 and 50 are band edges, so "classes over 45" (小学)
 * and "over 50" (初中) (政府保障程度 第5项 [S]) are sums of whole bands; 大班额 = 56–65, 超大班额 = 66+.
 */

/** The bands in order, with their upper bound (null for the open top band). */
export const CLASS_BANDS: ReadonlyArray<{ key: string; label: string; max: number | null }> = [
  { key: 'upTo25', label: '25人及以下', max: 25 },
  { key: 'b26to30', label: '26-30人', max: 30 },
  { key: 'b31to35', label: '31-35人', max: 35 },
  { key: 'b36to40', label: '36-40人', max: 40 },
  { key: 'b41to45', label: '41-45人', max: 45 },
  { key: 'b46to50', label: '46-50人', max: 50 },
  { key: 'b51to55', label: '51-55人', max: 55 },
  { key: 'b56to60', label: '56-60人', max: 60 },
  { key: 'b61to65', label: '61-65人', max: 65 },
  { key: 'from66', label: '66人及以上', max: null },
]

export type ClassBandCounts = Partial<Record<string, number | null>>

export interface ClassBandSummary {
  /** Σ bands */
  classes: number
  /** classes in bands entirely above the limit */
  overLimit: number
  /** 大班额: 56–65 */
  large: number
  /** 超大班额: 66 and more */
  extraLarge: number
}

/**
 * Sums the bands (keys of CLASS_BANDS; a missing band counts as 0) into classes, classes over
 * `limit` (the rubric's classSizeLimits: 小学 45, 初中 50), 大班额 and 超大班额. Throws RangeError when
 * `limit` is not a band edge (25, 30, …, 65), since a band would straddle it.
 */
export function summarizeClassBands(bands: ClassBandCounts, limit: number): ClassBandSummary {
  const edge = CLASS_BANDS.findIndex((b) => b.max === limit)
  if (edge < 0) throw new RangeError(`班额上限${limit}不是统计表分段的边界`)
  const count = (i: number) => bands[CLASS_BANDS[i].key] ?? 0
  let classes = 0
  let overLimit = 0
  CLASS_BANDS.forEach((_, i) => {
    classes += count(i)
    if (i > edge) overLimit += count(i)
  })
  return { classes, overLimit, large: count(7) + count(8), extraLarge: count(9) }
}

/** The class-size figures of one 学段 part as sheets give them, in any of the accepted shapes. */
export interface ClassSizeInput {
  classes?: number | null
  /** 超过规定班额的班数 (over the stage's limit) as the sheet gives it */
  classesOverLimit?: number | null
  classBands?: ClassBandCounts | null
  /** 超过45人的班数 (46人及以上) */
  classesOver45?: number | null
  /** 超过50人的班数 (51人及以上) */
  classesOver50?: number | null
  /** 最大班额: the largest class's students */
  largestClass?: number | null
}

/** Where the classes over the limit came from. */
export type ClassSizeBasis = 'overLimit' | 'bands' | 'over45' | 'over50' | 'largestClass'

export interface ClassSizeFigures {
  classes: number | null
  overLimit: number | null
  basis: ClassSizeBasis | null
  /** why `classes` or `overLimit` is unknown, in Chinese (null when both are known) */
  missing: string | null
}

/** Where to put class-size data in the app's template (shown with every 班额 无数据). */
export const CLASS_SIZE_TEMPLATE_HINT =
  '请在导入模板「学校」表填写「班数：合计」，并填写以下任一种：「班额：25人及以下」至「班额：66人及以上」各段班数；「超过规定班额的班数」（小学超过45人、初中超过50人）；「超过45人的班数」（小学）或「超过50人的班数」（初中）；只掌握最大班额时填写「最大班额」（不超过45/50人即全部达标）。'

/**
 * A part's 班数 and classes over `limit` (小学 45, 初中 50; the rubric's classSizeLimits) from whichever
 * shape the sheet gave, in this order: 超过规定班额的班数; the 班额 bands (when `limit` is a band edge);
 * 超过45人 / 超过50人的班数 when that number is the limit; 最大班额 ≤ limit (then no class is over it).
 * 班数 is the sheet's, else the sum of the bands. Pure; never throws.
 */
export function classSizeFigures(f: ClassSizeInput, limit: number): ClassSizeFigures {
  const num = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v)
  const hasBands = !!f.classBands && Object.values(f.classBands).some(num)
  const bandEdge = CLASS_BANDS.some((b) => b.max === limit)
  const summary = hasBands && bandEdge ? summarizeClassBands(f.classBands!, limit) : null
  const classes = num(f.classes) ? f.classes : summary ? summary.classes : null
  let overLimit: number | null = null
  let basis: ClassSizeBasis | null = null
  if (num(f.classesOverLimit)) [overLimit, basis] = [f.classesOverLimit, 'overLimit']
  else if (summary) [overLimit, basis] = [summary.overLimit, 'bands']
  else if (limit === 45 && num(f.classesOver45)) [overLimit, basis] = [f.classesOver45, 'over45']
  else if (limit === 50 && num(f.classesOver50)) [overLimit, basis] = [f.classesOver50, 'over50']
  else if (num(f.largestClass) && f.largestClass <= limit) [overLimit, basis] = [0, 'largestClass']
  let missing: string | null = null
  if (classes === null) missing = '缺少班数'
  else if (overLimit === null) {
    if (num(f.largestClass)) missing = `最大班额${f.largestClass}人超过${limit}人，但没有超过${limit}人的班数`
    else if (num(f.classesOver45) || num(f.classesOver50))
      missing = `只有${num(f.classesOver45) ? '超过45人' : '超过50人'}的班数，本学段按超过${limit}人计算`
    else missing = `没有班额分段、超过${limit}人的班数或最大班额`
  }
  return { classes, overLimit, basis, missing }
}
