import { describe, expect, it } from 'vitest'
import { trendOption } from '../../../shared/preschool/chartOptions'
import type { PreschoolYearView } from '../../../shared/preschool/dashboard'
import { readableStandardLabels } from '../../../renderer/src/views/preschool/standardLabels'

/** A year view with the national standards (85% / 80% / 50%), all the trend chart reads of it. */
function view(thresholds: Record<string, number>): PreschoolYearView {
  return {
    evaluation: { indicators: Object.entries(thresholds).map(([key, threshold]) => ({ key, threshold })) },
  } as unknown as PreschoolYearView
}
const points = [
  { year: 2024, grossEnrolmentRate: 0.98, affordableCoverageRate: 0.83, publicShare: 0.67, enrolledChildren: 1000, kindergartens: 3 },
  { year: 2025, grossEnrolmentRate: 0.94, affordableCoverageRate: 0.86, publicShare: 0.7, enrolledChildren: 1000, kindergartens: 3 },
]
type Label = { position: string; formatter: string }
const labels = (o: { series: { markLine?: { label?: object } }[] }) => o.series.map((s) => s.markLine?.label as Label | undefined)

describe('历年趋势 standard lines', () => {
  it('labels name the whole indicator, inside the plot; 85% and 80% do not overlap', () => {
    const o = readableStandardLabels(trendOption(points, view({ grossEnrolmentRate: 0.85, affordableCoverageRate: 0.8, publicShare: 0.5 })))
    expect(labels(o).map((l) => l?.formatter)).toEqual([
      '学前三年毛入园率标准 ≥{c}%',
      '普惠性幼儿园覆盖率标准 ≥{c}%',
      '公办园在园幼儿占比标准 ≥{c}%',
    ])
    // 85 above its line, 80 (5 points lower) under its line, 50 above again
    expect(labels(o).map((l) => l?.position)).toEqual(['insideEndTop', 'insideEndBottom', 'insideEndTop'])
  })

  it('three close standards: the third goes to the left end; a series without a standard gets no label', () => {
    const o = readableStandardLabels(
      trendOption(points, view({ grossEnrolmentRate: 0.9, affordableCoverageRate: 0.88, publicShare: 0.86 })),
    )
    expect(labels(o).map((l) => l?.position)).toEqual(['insideEndTop', 'insideEndBottom', 'insideStartTop'])
    const none = readableStandardLabels(trendOption(points, view({ grossEnrolmentRate: 0.85 })))
    expect(labels(none).map((l) => l?.position)).toEqual(['insideEndTop', undefined, undefined])
  })
})
