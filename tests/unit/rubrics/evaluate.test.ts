import { describe, expect, it } from 'vitest'
import preschoolJson from '../../../seeds/rubrics/preschool-universality-2020.json'
import { evaluateRubric, type ComputedValue } from '../../../shared/rubrics/evaluate'
import { deriveRubric, parseRubric } from '../../../shared/rubrics/rubric'
import type { Rubric } from '../../../shared/rubrics/rubricSchema'

function load(): Rubric {
  const r = parseRubric(preschoolJson)
  if (!r.ok) throw new Error(r.errors.join('\n'))
  return r.rubric
}

const rate = (numerator: number, denominator: number): ComputedValue => ({ numerator, denominator, value: numerator / denominator })

// 贺兰县 2024年春季 (reference 002, item 7): 13619 在园幼儿, 9169 公办, 2133 普惠性民办 (11302 普惠).
// 毛入园率 98.01%: the population is not published; 13619 / 13895 = 0.980137 → 98.01% (13895 is
// one of the two whole populations, 13895 and 13896, that give 98.01%).
const hlx = {
  grossEnrolmentRate: rate(13619, 13895),
  affordableCoverageRate: rate(11302, 13619),
  publicShare: rate(9169, 13619),
}

describe('evaluateRubric on the 普及普惠 rubric', () => {
  it('shows the published 贺兰县 rates and marks them met', () => {
    const ev = evaluateRubric(load(), hlx)
    const byKey = Object.fromEntries(ev.items.map((i) => [i.key, i]))
    expect(byKey.grossEnrolmentRate).toMatchObject({
      display: '98.01%',
      thresholdDisplay: '≥85%',
      comparator: '>=',
      status: 'met',
      numerator: 13619,
      denominator: 13895,
    })
    expect(byKey.affordableCoverageRate).toMatchObject({ display: '82.99%', thresholdDisplay: '≥80%', status: 'met', threshold: 0.8 })
    expect(byKey.publicShare).toMatchObject({ display: '67.33%', thresholdDisplay: '≥50%', status: 'met' })
    expect(byKey.publicShare.value).toBeCloseTo(0.67325, 5)
    expect(ev.groups.find((g) => g.key === 'universality')!.status).toBe('met')
    // the judged 政府保障 items are not judged yet: the verdict waits for them
    expect(ev.groups.find((g) => g.key === 'government')!.status).toBe('noData')
    expect(ev.verdict).toBe('noData')
  })

  it('gives 无数据 with a reason for a missing value, never NaN', () => {
    const ev = evaluateRubric(load(), {
      ...hlx,
      grossEnrolmentRate: { numerator: 13619, denominator: null, value: null, reason: '未填报3–5周岁常住人口' },
    })
    const item = ev.items.find((i) => i.key === 'grossEnrolmentRate')!
    expect(item).toMatchObject({ status: 'noData', display: '无数据', value: null, reason: '未填报3–5周岁常住人口' })
    expect(ev.items.find((i) => i.key === 'certifiedRate')).toMatchObject({ status: 'noData', reason: '未提供计算所需的数据' })
    expect(JSON.stringify(ev)).not.toContain('NaN')
  })

  it('judged items carry status, note and evidence; 基本达标 does not count as 达标 by default', () => {
    const rubric = load()
    const judged = Object.fromEntries(rubric.items.filter((i) => i.kind === 'judged').map((i) => [i.key, { status: 'met' as const }]))
    judged.fees = { status: 'partlyMet' as const, note: '两所民办园超限价收费', evidence: ['收费检查记录.pdf'] } as never
    const ev = evaluateRubric(rubric, hlx, judged)
    const fees = ev.items.find((i) => i.key === 'fees')!
    expect(fees).toMatchObject({
      status: 'judged',
      judgement: 'partlyMet',
      display: '基本达标',
      note: '两所民办园超限价收费',
      evidence: ['收费检查记录.pdf'],
    })
    const gov = ev.groups.find((g) => g.key === 'government')!
    expect(gov.status).toBe('notMet')
    expect(gov.reasons).toContain('“收费合理”评定为基本达标')
  })

  it('flags a rate that rounds to the threshold but is below it', () => {
    // 16999 / 20000 = 84.995% → shown 85.00%, but below 85%
    const ev = evaluateRubric(load(), { ...hlx, grossEnrolmentRate: rate(16999, 20000) })
    const item = ev.items.find((i) => i.key === 'grossEnrolmentRate')!
    expect(item.display).toBe('85.00%')
    expect(item.status).toBe('notMet')
    expect(item.reason).toContain('按未舍入的数值计算未达到标准')
  })

  it('evaluates kindergarten items with full-day / half-day thresholds and ranges', () => {
    const values = { kgChildrenPerStaff: { numerator: 180, denominator: 20, value: 9 } }
    const full = evaluateRubric(load(), values, {}, { level: 'kindergarten', variant: '全日制' }).items.find(
      (i) => i.key === 'kgChildrenPerStaff',
    )!
    const half = evaluateRubric(load(), values, {}, { level: 'kindergarten', variant: '半日制' }).items.find(
      (i) => i.key === 'kgChildrenPerStaff',
    )!
    expect(full).toMatchObject({ display: '1:9.0', thresholdDisplay: '1:5～1:7', threshold: 7, status: 'notMet' })
    expect(half).toMatchObject({ display: '1:9.0', thresholdDisplay: '1:8～1:10', threshold: 10, status: 'met' })
  })
})

describe('rubric files and variants', () => {
  it('the bundled rubric is valid', () => {
    const r = parseRubric(preschoolJson)
    expect(r.ok).toBe(true)
  })

  it('a provincial variant raises 毛入园率 to 90% and keeps its origin', () => {
    const base = load()
    const v = deriveRubric(base, {
      id: 'preschool-universality-2020-henan',
      name: '河南省县域学前教育普及普惠督导评估',
      region: '河南省',
      thresholds: { grossEnrolmentRate: 0.9 },
      sourceNote: '河南省实施细则',
    })
    if (!v.ok) throw new Error(v.errors.join())
    expect(v.rubric.derivedFrom).toEqual({ id: 'preschool-universality-2020', version: '1.0.0' })
    const item = evaluateRubric(v.rubric, { ...hlx, grossEnrolmentRate: rate(12200, 13800) }).items.find(
      (i) => i.key === 'grossEnrolmentRate',
    )!
    // 12200 / 13800 = 88.41%: met nationally (≥85%), not met in the variant (≥90%)
    expect(item).toMatchObject({ display: '88.41%', thresholdDisplay: '≥90%', status: 'notMet' })
    expect(evaluateRubric(base, { grossEnrolmentRate: rate(12200, 13800) }).items[0].status).toBe('met')
    expect(base.items.find((i) => i.key === 'grossEnrolmentRate')).toMatchObject({ threshold: 0.85 })
  })

  it('shows the new threshold when an editor changes a rubric in place', () => {
    const r = load()
    const item = r.items.find((i) => i.key === 'publicShare')!
    expect(evaluateRubric(r, hlx).items.find((i) => i.key === 'publicShare')!.thresholdDisplay).toBe('≥50%')
    if (item.kind === 'computed') item.threshold = 0.7
    const after = evaluateRubric(r, hlx).items.find((i) => i.key === 'publicShare')!
    expect(after).toMatchObject({ thresholdDisplay: '≥70%', status: 'notMet' })
  })

  it('refuses unknown keys, duplicate keys, missing variants and unknown formulas', () => {
    expect(deriveRubric(load(), { id: 'x', name: 'x', region: 'x', thresholds: { nope: 1 } })).toEqual({
      ok: false,
      errors: ['未知的指标：nope'],
    })
    const dup = structuredClone(preschoolJson) as { items: Array<Record<string, unknown>> }
    dup.items.push({ ...dup.items[0] })
    const r1 = parseRubric(dup)
    expect(r1.ok).toBe(false)
    if (!r1.ok) expect(r1.errors.join()).toContain('指标代码重复：grossEnrolmentRate')
    const noVariant = structuredClone(preschoolJson) as { items: Array<Record<string, unknown>> }
    noVariant.items.find((i) => i.key === 'kgChildrenPerStaff')!.threshold = { 全日制: 7 }
    const r2 = parseRubric(noVariant)
    expect(r2.ok).toBe(false)
    if (!r2.ok) expect(r2.errors.join()).toContain('缺少“半日制”的标准值')
    const r3 = parseRubric(preschoolJson, ['grossEnrolmentRate'])
    expect(r3.ok).toBe(false)
  })

  it('combines by "at least n met, the rest ≥ floor" (generic, as 优质均衡 uses it)', () => {
    const src = { document: 'test' }
    const item = (key: string, threshold: number) => ({
      key,
      name: key,
      group: 'g',
      kind: 'computed',
      formula: key,
      comparator: '>=',
      threshold,
      unit: '',
      display: { kind: 'number', decimals: 2 },
      source: src,
      confidence: 'V',
    })
    const parsed = parseRubric({
      id: 'mini',
      version: '1.0.0',
      name: 'mini',
      basis: { title: 't', docNumber: 'n' },
      region: '全国',
      groups: [{ key: 'g', name: '资源配置', level: 'school', combine: { kind: 'atLeast', minMet: 2, floorRatio: 0.85 } }],
      items: [item('a', 10), item('b', 10), item('c', 10)],
    })
    if (!parsed.ok) throw new Error(parsed.errors.join())
    const v = (x: number | null): ComputedValue => ({ numerator: null, denominator: null, value: x })
    const run = (a: number | null, b: number | null, c: number | null) =>
      evaluateRubric(parsed.rubric, { a: v(a), b: v(b), c: v(c) }, {}, { level: 'school' })
    expect(run(10, 10, 8.5).verdict).toBe('met') // one below, exactly 85%
    expect(run(10, 10, 8.4).verdict).toBe('notMet') // one below 85%
    expect(run(10, 9.9, 9.9).verdict).toBe('notMet') // two below, however close
    expect(run(10, 10, null).verdict).toBe('noData')
    expect(run(10, 8, null).verdict).toBe('notMet')
    expect(run(10, 10, 8.4).reasons[0]).toBe('资源配置：“c”为8.40，低于标准≥10的85%')
  })
})
