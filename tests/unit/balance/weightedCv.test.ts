import { describe, expect, it } from 'vitest'
import { roundHalfUp } from '../../../shared/statistics/decimal'
import { weightedCv, type CvEntry } from '../../../shared/balance/weightedCv'

/**
 * The published worked example (县域义务教育校际均衡指标计算方法（以生均图书册数为例）, the CV
 * example cited in RULES.md §1.2): five primary schools.
 *
 *   school  students  books  per student
 *   小学1        45     279     6.20
 *   小学2        37     137     3.70
 *   小学3        89     935    10.51
 *   小学4        76     160     2.11
 *   小学5        55     402     7.31
 *   total       302    1913     6.33   (X̄ = 1913 / 302 = 6.3344)
 *
 * 差异情况 Pi/P·(Xi − X̄)²: 0.003, 0.85, 5.13, 4.50, 0.17 (published, 2 decimals);
 * sum 10.65; √10.65 = 3.26; CV = 3.26 / 6.33 = 0.52 (published).
 */
const example: CvEntry[] = [
  { id: '1', name: '小学1', weight: 45, value: 279 / 45 },
  { id: '2', name: '小学2', weight: 37, value: 137 / 37 },
  { id: '3', name: '小学3', weight: 89, value: 935 / 89 },
  { id: '4', name: '小学4', weight: 76, value: 160 / 76 },
  { id: '5', name: '小学5', weight: 55, value: 402 / 55 },
]

describe('student-weighted 差异系数', () => {
  it('reproduces the published example: terms 0.003 0.85 5.13 4.50 0.17, S 3.26, CV 0.52', () => {
    const r = weightedCv(example)
    expect(r.n).toBe(5)
    expect(r.totalWeight).toBe(302)
    expect(roundHalfUp(r.mean!, 2)).toBe(6.33)
    const term = (name: string) => r.contributions.find((c) => c.name === name)!.term
    expect(roundHalfUp(term('小学1'), 3)).toBe(0.003)
    expect(roundHalfUp(term('小学2'), 2)).toBe(0.85)
    expect(roundHalfUp(term('小学3'), 2)).toBe(5.13)
    expect(roundHalfUp(term('小学4'), 2)).toBe(4.5)
    expect(roundHalfUp(term('小学5'), 2)).toBe(0.17)
    expect(roundHalfUp(r.sd!, 2)).toBe(3.26)
    expect(roundHalfUp(r.cv!, 2)).toBe(0.52)
    expect(r.cv!).toBeCloseTo(0.515257, 6)
    // who pulls it up: 小学3 (above) and 小学4 (below) carry 48% and 42% of the variance
    expect(r.contributions.map((c) => c.name)).toEqual(['小学3', '小学4', '小学2', '小学5', '小学1'])
    expect(roundHalfUp(r.contributions[0].share, 2)).toBe(0.48)
  })

  it('differs from the unweighted and the n−1 forms (which would wrongly pass the 0.50 limit or overstate)', () => {
    const xs = example.map((e) => e.value!)
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length // 5.9645, not 6.3344
    const ss = xs.reduce((a, x) => a + (x - mean) ** 2, 0)
    const unweighted = Math.sqrt(ss / xs.length) / mean
    const sampleForm = Math.sqrt(ss / (xs.length - 1)) / mean
    expect(roundHalfUp(unweighted, 3)).toBe(0.489) // ≤ 0.50: would pass
    expect(roundHalfUp(sampleForm, 3)).toBe(0.546)
    expect(roundHalfUp(weightedCv(example).cv!, 3)).toBe(0.515) // > 0.50: fails
  })

  it('is unchanged when every value is scaled (e.g. books × 400 元)', () => {
    const scaled = weightedCv(example.map((e) => ({ ...e, value: e.value! * 400 })))
    expect(scaled.cv!).toBeCloseTo(weightedCv(example).cv!, 12)
  })

  it('one school gives 0; equal values give 0', () => {
    expect(weightedCv([example[0]])).toMatchObject({ n: 1, cv: 0, sd: 0 })
    expect(weightedCv(example.map((e) => ({ ...e, value: 5 }))).cv).toBe(0)
  })

  it('leaves out a school with zero students or no value, with a message, never NaN', () => {
    const r = weightedCv([...example, { id: '6', name: '小学6', weight: 0, value: 9 }, { id: '7', name: '小学7', weight: 30, value: null }])
    expect(r.n).toBe(5)
    expect(r.cv).toBeCloseTo(0.515257, 6)
    expect(r.excluded).toEqual([
      { id: '6', name: '小学6', reason: '在校生数为0，不参与计算' },
      { id: '7', name: '小学7', reason: '缺少该指标数据，不参与计算' },
    ])
    expect(weightedCv([{ id: 'a', name: 'a', weight: 10, value: 0 }])).toMatchObject({ cv: null, reason: '全县平均值为0，差异系数无意义' })
    expect(weightedCv([])).toMatchObject({ cv: null, reason: '没有可参与计算的学校' })
    expect(JSON.stringify(weightedCv([{ id: 'a', name: 'a', weight: 0, value: 0 }]))).not.toContain('NaN')
  })
})
