import { describe, expect, it } from 'vitest'
import preschoolJson from '../../../seeds/rubrics/preschool-universality-2020.json'
import { evaluatePreschool, preschoolIndicatorsJson } from '../../../shared/preschool/evaluatePreschool'
import { basicSituation, problemSentences } from '../../../shared/preschool/narrative'
import { composePreschoolReport, EMPTY_SECTIONS, unfilledSections } from '../../../shared/preschool/report'
import type { KindergartenYear } from '../../../shared/preschool/types'
import { parseRubric } from '../../../shared/rubrics/rubric'
import type { Rubric } from '../../../shared/rubrics/rubricSchema'

function load(): Rubric {
  const r = parseRubric(preschoolJson)
  if (!r.ok) throw new Error(r.errors.join('\n'))
  return r.rubric
}
const rubric = load()

function spread(total: number, n: number): number[] {
  const base = Math.floor(total / n)
  const xs = Array.from({ length: n }, (_, i) => base + ((i % 5) - 2) * 7)
  xs[n - 1] += total - xs.reduce((a, b) => a + b, 0)
  return xs
}
const kg = (id: string, total: number, over: Partial<KindergartenYear> = {}): KindergartenYear => ({
  id,
  name: `幼儿园${id}`,
  sponsor: '教育部门',
  enrolledChildren: { total },
  ...over,
})

/** 贺兰县 2024年春季 figures (reference 002, item 7); 12 of the 21 民办园 taken as 普惠 (unpublished split). */
const helan = [
  ...spread(9169, 39).map((n, i) => kg(`G${i + 1}`, n)),
  ...spread(2133, 12).map((n, i) => kg(`P${i + 1}`, n, { sponsor: '民办', subsidised: true })),
  ...spread(2317, 9).map((n, i) => kg(`M${i + 1}`, n, { sponsor: '民办', subsidised: false })),
]

// The published sentence (reference 002_0ba3d57495aeba77.txt, item 7, spaces from PDF extraction removed):
const PUBLISHED =
  '全县共有幼儿园60所，其中，公办园39所，民办园21所；全县在园幼儿13619人，公办园在园幼儿9169人，普惠性民办园幼儿2133人，普惠园幼儿11302人。' +
  '目前，学前三年毛入园率为98.01%，普惠性幼儿园覆盖率为82.99%，公办园在园幼儿占比为67.33%。'

describe('evaluatePreschool and the report sentences on 贺兰县 2024', () => {
  // population 13895: one of the two whole numbers giving the published 98.01% (13619 / 13895 = 98.0137%)
  const ev = evaluatePreschool(helan, { statYear: 2023, agePopulation: 13895 }, rubric)

  it('prints the CLI shape with the rubric id and version', () => {
    expect(ev.year).toBe(2023)
    expect(ev.rubric).toEqual({ id: 'preschool-universality-2020', version: '1.0.0' })
    const pick = (k: string) => {
      const i = ev.indicators.find((x) => x.key === k)!
      return {
        key: i.key,
        numerator: i.numerator,
        denominator: i.denominator,
        display: i.display,
        threshold: i.threshold,
        comparator: i.comparator,
        status: i.status,
      }
    }
    expect(['grossEnrolmentRate', 'affordableCoverageRate', 'publicShare'].map(pick)).toEqual([
      {
        key: 'grossEnrolmentRate',
        numerator: 13619,
        denominator: 13895,
        display: '98.01%',
        threshold: 0.85,
        comparator: '>=',
        status: 'met',
      },
      {
        key: 'affordableCoverageRate',
        numerator: 11302,
        denominator: 13619,
        display: '82.99%',
        threshold: 0.8,
        comparator: '>=',
        status: 'met',
      },
      { key: 'publicShare', numerator: 9169, denominator: 13619, display: '67.33%', threshold: 0.5, comparator: '>=', status: 'met' },
    ])
    const json = preschoolIndicatorsJson(ev)
    expect(json.indicators.find((i) => i.key === 'childrenPerTeacher')).toEqual({
      key: 'childrenPerTeacher',
      name: '在园幼儿与专任教师比',
      numerator: null,
      denominator: null,
      value: null,
      display: '无数据',
      threshold: 15,
      comparator: '<=',
      status: 'noData',
    })
    expect(json.indicators.find((i) => i.key === 'leadership')).toMatchObject({ status: 'noData', comparator: null })
    expect(JSON.parse(JSON.stringify(json)).indicators[1]).toMatchObject({
      key: 'affordableCoverageRate',
      value: 11302 / 13619,
      display: '82.99%',
    })
    expect(ev.gaps.affordable).toMatchObject({ reached: true, transfer: 0 })
    expect(ev.gaps.affordableConversion!.converted).toEqual([])
  })

  it('writes the 基本情况 sentence exactly as the published work plan words it', () => {
    expect(basicSituation(ev)).toBe(PUBLISHED.replace('目前，', ''))
    expect(basicSituation(ev, '2024年春季')).toMatch(/^2024年春季全县共有幼儿园60所/)
  })

  it('pre-fills 存在的问题 from failing items and the gap calculator', () => {
    // P1–P9 lose the 普惠 flag (1579 children): coverage (9169 + 554) / 13619 = 9723 / 13619 = 71.39%;
    // 80% needs 0.8 × 13619 = 10895.2 → 10896 − 9723 = 1173 children; the largest non-普惠 民办园 first:
    // M9 282 + M5 271 + M4 264 + M3 257 + M8 257 = 1331 ≥ 1173 (four give 1074, not enough)
    const worse = helan.map((k) => (k.id.startsWith('P') && Number(k.id.slice(1)) <= 9 ? { ...k, subsidised: false } : k))
    const e2 = evaluatePreschool(worse, { statYear: 2023, agePopulation: 13895 }, rubric, {
      fees: { status: 'partlyMet', note: '个别民办园收费高于政府限价' },
    })
    const cov = e2.indicators.find((i) => i.key === 'affordableCoverageRate')!
    expect(cov.status).toBe('notMet')
    const sentences = problemSentences(e2)
    expect(sentences[0]).toBe(
      `普惠性幼儿园覆盖率为${cov.display}，未达到≥80%的标准，还需${e2.gaps.affordable!.transfer}名在园幼儿进入公办园或普惠性民办园（如将${e2.gaps.affordableConversion!.converted.map((k) => k.name).join('、')}认定为普惠性民办园）。`,
    )
    expect(cov.display).toBe('71.39%')
    expect(e2.gaps.affordable!.transfer).toBe(1173)
    expect(e2.gaps.affordableConversion!.converted.map((k) => [k.name, k.enrolledChildren])).toEqual([
      ['幼儿园M9', 282],
      ['幼儿园M5', 271],
      ['幼儿园M4', 264],
      ['幼儿园M3', 257],
      ['幼儿园M8', 257],
    ])
    expect(sentences).toContain('收费合理评定为基本达标：个别民办园收费高于政府限价。')
  })
})

describe('the 自评报告 of a year without data or with sections not yet written (review of issue 11)', () => {
  const texts = (blocks: ReturnType<typeof composePreschoolReport>) =>
    blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []))
  const input = (kgs: KindergartenYear[]) => ({
    county: '贺兰县',
    office: '贺兰县人民政府教育督导室',
    date: '2024年11月30日',
    evaluation: evaluatePreschool(kgs, { statYear: 2023, agePopulation: 13895 }, rubric),
    sections: EMPTY_SECTIONS,
  })

  it('refuses a year without kindergartens instead of printing 「全县共有幼儿园0所……1项达标」', () => {
    expect(() => composePreschoolReport(input([]))).toThrow('2023 年没有学前教育数据：请先导入该年度的幼儿园数据')
  })

  it('prints no instruction where the office has not written yet: the heading and an empty line; says which ones', () => {
    const blocks = composePreschoolReport(input(helan))
    expect(texts(blocks).join('\n')).not.toMatch(/尚未填写|请在/)
    const at = texts(blocks).indexOf('三、主要做法和成效')
    expect(at).toBeGreaterThan(0)
    const i = blocks.findIndex((b) => b.kind === 'paragraph' && b.runs[0]?.text === '三、主要做法和成效')
    expect(blocks[i + 1]).toEqual({ kind: 'blank', lines: 1 })
    expect(unfilledSections(EMPTY_SECTIONS)).toEqual(['三、主要做法和成效', '五、下一步工作'])
    expect(unfilledSections({ practices: '建立了联席会议制度。', nextSteps: '' })).toEqual(['五、下一步工作'])
  })
})
