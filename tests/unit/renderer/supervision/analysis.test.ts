import { describe, expect, it } from 'vitest'
import {
  overdueByInstitutionOption,
  percentText,
  problemsByItemOption,
  rectificationTrendOption,
} from '../../../../renderer/src/views/supervision/analysis'

describe('supervision chart options (renderer/src/views/supervision/analysis.ts)', () => {
  it('stacks the problems of each month by 督导事项, leaving out the items that found none, in the list’s order', () => {
    const option = problemsByItemOption({
      months: ['2025-01', '2025-02', '2025-03'],
      byItemMonth: {
        items: [
          { itemKey: 'management', title: '学校管理与制度落实' },
          { itemKey: 'teaching', title: '课程与教学' },
          { itemKey: 'safety', title: '校园及周边安全' },
          { itemKey: null, title: '未归类' },
        ],
        counts: [
          [0, 1, 0],
          [0, 0, 0],
          [2, 1, 0],
          [0, 0, 1],
        ],
      },
    })
    expect(option.xAxis.data).toEqual(['1月', '2月', '3月'])
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['学校管理与制度落实', [0, 1, 0]],
      ['校园及周边安全', [2, 1, 0]],
      ['未归类', [0, 0, 1]],
    ])
    expect(new Set(option.series.map((s) => s.stack))).toEqual(new Set(['problems']))
  })

  it('draws the 整改率 in percent with one decimal and no point for a month that found nothing', () => {
    const option = rectificationTrendOption({
      rectificationTrend: [
        { month: '2025-01', found: 0, rectified: 0, rate: null },
        { month: '2025-02', found: 7, rectified: 6, rate: 6 / 7 },
        { month: '2025-03', found: 2, rectified: 2, rate: 1 },
      ],
    })
    expect(option.series[0].data).toEqual([null, 85.7, 100])
    expect(option.xAxis.data).toEqual(['1月', '2月', '3月'])
  })

  it('puts the institution with the most overdue problems at the top of the bars (a category axis starts at the bottom)', () => {
    const option = overdueByInstitutionOption({
      overdueByInstitution: [
        { institutionId: 2, name: '城关二小', count: 3 },
        { institutionId: 1, name: '城关一小', count: 1 },
      ],
    })
    expect(option.yAxis.data).toEqual(['城关一小', '城关二小'])
    expect(option.series[0].data).toEqual([1, 3])
  })

  it('shows at most fifteen institutions', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ institutionId: i + 1, name: `学校${i + 1}`, count: 20 - i }))
    const option = overdueByInstitutionOption({ overdueByInstitution: many })
    expect(option.yAxis.data).toHaveLength(15)
    expect(option.yAxis.data.at(-1)).toBe('学校1')
  })

  it('writes shares as percent with one decimal and a dash when there is nothing to divide', () => {
    expect(percentText(6 / 7)).toBe('85.7%')
    expect(percentText(1)).toBe('100.0%')
    expect(percentText(null)).toBe('—')
  })
})
