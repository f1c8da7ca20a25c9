import { describe, expect, it } from 'vitest'
import preschoolJson from '../../../seeds/rubrics/preschool-universality-2020.json'
import type { PreschoolYearView } from '../../../shared/preschool/dashboard'
import { evaluatePreschool } from '../../../shared/preschool/evaluatePreschool'
import type { KindergartenYear } from '../../../shared/preschool/types'
import { parseRubric } from '../../../shared/rubrics/rubric'
import type { Rubric } from '../../../shared/rubrics/rubricSchema'
import { headlineOption, percentOrNoData, townshipOption, trendOption } from '../../../shared/preschool/chartOptions'

const parsed = parseRubric(preschoolJson)
if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
const rubric: Rubric = parsed.rubric

const kg = (name: string, sponsor: string, total: number, township: string, subsidised?: boolean): KindergartenYear => ({
  id: name,
  name,
  sponsor,
  subsidised,
  township,
  enrolledChildren: { total },
})
const kgs = [kg('甲园', '教育部门', 600, '习岗镇'), kg('乙园', '民办', 300, '习岗镇', true), kg('丙园', '民办', 100, '金贵镇', false)]

function view(agePopulation: number | null): PreschoolYearView {
  const county = { statYear: 2024, agePopulation }
  return {
    year: 2024,
    years: [2024],
    rubric: { id: rubric.id, version: rubric.version, name: rubric.name },
    rubricChoices: [],
    county,
    evaluation: evaluatePreschool(kgs, county, rubric),
    judgements: {},
    kindergartens: [],
  }
}

describe('学前教育 chart options', () => {
  it('tooltips say 无数据 for a year without the figure (was 「学前三年毛入园率 undefined%」)', () => {
    for (const gap of [undefined, null, '-', Number.NaN]) expect(percentOrNoData(gap)).toBe('无数据')
    expect(percentOrNoData(98.01)).toBe('98.01%')
    expect(percentOrNoData(0)).toBe('0%')
    const trend = trendOption([], null) as unknown as { tooltip: { valueFormatter: (v: unknown) => string } }
    expect(trend.tooltip.valueFormatter(undefined)).toBe('无数据')
  })

  it('bullet chart: values and standards in percent, 无数据 drawn as an empty grey bar', () => {
    const o = headlineOption(view(null))
    expect(o.yAxis.data).toEqual(['学前三年毛入园率', '普惠性幼儿园覆盖率', '公办园在园幼儿占比'])
    const bars = o.series[0].data as { value: number; itemStyle: { color: string } }[]
    expect(bars.map((d) => d.value)).toEqual([0, 90, 60])
    expect(bars[0].itemStyle.color).toBe('#b0b3b8')
    expect(o.series[1].data).toEqual([85, 80, 50])
    expect(o.series[0].label!.formatter({ dataIndex: 0 })).toBe('无数据')
  })

  it('trend keeps a year without data as a gap; townships show both rates with the standards', () => {
    const t = trendOption(
      [
        { year: 2023, grossEnrolmentRate: null, affordableCoverageRate: 0.8, publicShare: 0.5, enrolledChildren: 900, kindergartens: 3 },
        { year: 2024, grossEnrolmentRate: 0.98, affordableCoverageRate: 0.9, publicShare: 0.6, enrolledChildren: 1000, kindergartens: 3 },
      ],
      view(1100),
    )
    expect(t.xAxis.data).toEqual(['2023年', '2024年'])
    expect(t.series[0].data).toEqual([null, 98])
    expect(t.series[0].markLine?.data).toEqual([{ yAxis: 85 }])
    const w = townshipOption(view(1100))
    expect(w.xAxis.data).toEqual(['习岗镇', '金贵镇'])
    expect(w.series[0].data).toEqual([100, 0])
    expect(w.series[1].data).toEqual([66.67, 0])
  })
})
