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
