import { describe, expect, it } from 'vitest'
import balanceJson from '../../../seeds/rubrics/balanced-development-2017.json'
import { summarizeClassBands } from '../../../shared/balance/classBands'
import { BALANCE_FORMULAS, balanceIndicatorsJson, evaluateBalance } from '../../../shared/balance/evaluateBalance'
import { matchHeader, SCHOOL_FIELDS } from '../../../shared/statistics/headerAliases'
import { balanceSettings, schoolPartValues, splitSchool, exclusionReason } from '../../../shared/balance/indicators'
import { amountToReach, cvImprovementPlan } from '../../../shared/balance/plan'
import { balanceProblemSentences, cvTable } from '../../../shared/balance/report'
import type { BalanceSchoolYear, SchoolStageFigures } from '../../../shared/balance/types'
import { evaluateRubric } from '../../../shared/rubrics/evaluate'
import { deriveRubric, parseRubric } from '../../../shared/rubrics/rubric'
import type { Rubric } from '../../../shared/rubrics/rubricSchema'
import { roundHalfUp } from '../../../shared/statistics/decimal'

function load(): Rubric {
  const r = parseRubric(balanceJson, BALANCE_FORMULAS)
  if (!r.ok) throw new Error(r.errors.join('\n'))
  return r.rubric
}
const rubric = load()
const settings = balanceSettings(rubric)

/**
 * A 小学 of 500 students exactly at or above every standard except 体育艺术 (hand-worked):
 *  L1 专科 15 + 本科 6 = 21 → 21 × 100 / 500 = 4.2 (standard ≥ 4.2, met on the boundary)
 *  L2 骨干 5 → 1.0 (≥ 1.0, boundary)
 *  L3 体育 2 + 音乐 1 + 美术 1 = 4 → 0.8 (≥ 0.9 not met; 0.8 / 0.9 = 88.9% ≥ 85%)
 *  L4 2300 ㎡ → 4.6 (≥ 4.5)   L5 3500 + 300 ㎡ → 7.6 (≥ 7.5)   L6 1100000 元 → 2200 (≥ 2000)
 *  L7 12 rooms → 2.4 (≥ 2.3)
 */
function primary(id: string, over: Partial<SchoolStageFigures> = {}, resources: BalanceSchoolYear['resources'] = {}): BalanceSchoolYear {
  return {
    id,
    name: `第${id}小学`,
    institutionType: '211',
    stages: [
      {
        stage: '小学',
        students: 500,
        classes: 12,
        classesOverLimit: 0,
        teachersByEducation: { associate: 15, bachelor: 6, highSchool: 3 },
        keyTeachers: 5,
        peTeachers: 2,
        musicTeachers: 1,
        artTeachers: 1,
        ...over,
      },
    ],
    resources: {
      teachingArea: 2300,
      indoorSportsArea: 300,
      sportsGroundArea: 3500,
      equipmentValue: 1_100_000,
      multimediaRooms: 12,
      ...resources,
    },
  }
}

describe('the seven indicators and the 6-of-7 rule per school part', () => {
  it('meets 6 of 7 with the 余项 at 88.9% of its standard: the school passes', () => {
    const [part] = splitSchool(primary('1'), settings)
    const v = schoolPartValues(part, settings)
    expect(v.qualifiedTeachersPer100).toMatchObject({ numerator: 21, denominator: 500, multiplier: 100, value: 4.2 })
    expect(v.sportsSpacePerStudent).toMatchObject({ numerator: 3800, value: 7.6 })
    const ev = evaluateRubric(rubric, v, {}, { level: 'school', variant: '小学' })
    expect(ev.items.filter((i) => i.status === 'met')).toHaveLength(6)
    expect(ev.items.find((i) => i.key === 'peArtTeachersPer100')).toMatchObject({
      display: '0.80',
      thresholdDisplay: '≥0.9',
      status: 'notMet',
    })
    expect(ev.verdict).toBe('met')
  })

  it('uses the 初中 standards and "本科及以上" for a 初中', () => {
    const school: BalanceSchoolYear = { ...primary('2'), institutionType: '311', stages: [{ ...primary('2').stages[0], stage: '初中' }] }
    const [part] = splitSchool(school, settings)
    // 初中: 高于规定学历 = 本科及以上 = 6 → 1.2 per 100 (专科 15 not counted); standard 5.3
    expect(schoolPartValues(part, settings).qualifiedTeachersPer100.value).toBe(1.2)
    const ev = evaluateRubric(rubric, schoolPartValues(part, settings), {}, { level: 'school', variant: '初中' })
    expect(ev.items.find((i) => i.key === 'teachingSpacePerStudent')).toMatchObject({ thresholdDisplay: '≥5.8', status: 'notMet' })
    expect(ev.verdict).toBe('notMet')
  })

  it('fails with the 余项 below 85%, and the plan lifts it to the floor', () => {
    // L3 = 3 teachers → 0.6 = 66.7% of 0.9; floor 0.9 × 0.85 = 0.765 → 0.765 × 500 / 100 = 3.825 → 4 teachers: add 1
    const result = evaluateBalance([primary('3', { peTeachers: 1 })], { statYear: 2024 }, rubric)
    const s = result.schools[0]
    expect(s.verdict).toBe('notMet')
    expect(s.plan!.shortfalls[0]).toMatchObject({ key: 'peArtTeachersPer100', current: 3, toStandard: 2, toFloor: 1, unit: '人' })
    expect(s.plan!.steps).toEqual([
      {
        key: 'peArtTeachersPer100',
        name: '每百名学生拥有体育、艺术专任教师数',
        target: 'floor',
        add: 1,
        unit: '人',
        amountName: '体育、艺术专任教师',
      },
    ])
  })

  it('fails with two indicators below standard however close; the plan keeps the closer one as 余项', () => {
    // L6 900000 元 → 1800 = 90% of 2000; L3 0.8 = 88.9% of 0.9. Two below → fails.
    // 余项 = L6 (90% > 88.9%, already ≥ 85%: nothing to add); L3 to standard: 0.9 × 500 / 100 = 4.5 → 5: add 1 teacher.
    // L6 to standard would be 2000 × 500 − 900000 = 100000 元.
    const s = evaluateBalance([primary('4', {}, { equipmentValue: 900_000 })], { statYear: 2024 }, rubric).schools[0]
    expect(s.verdict).toBe('notMet')
    expect(s.metCount).toBe(5)
    expect(s.plan!.remainder).toBe('equipmentValuePerStudent')
    expect(s.plan!.shortfalls.find((x) => x.key === 'equipmentValuePerStudent')).toMatchObject({
      toStandard: 100000,
      toFloor: 0,
      unit: '元',
    })
    expect(s.plan!.steps.map((x) => [x.key, x.target, x.add])).toEqual([['peArtTeachersPer100', 'standard', 1]])
  })

  it('amountToReach is exact in whole units', () => {
    expect(amountToReach(21, 500, 100, 4.2)).toBe(0)
    expect(amountToReach(20, 500, 100, 4.2)).toBe(1)
    expect(amountToReach(2249.5, 500, 1, 4.5)).toBe(1) // 4.5 × 500 = 2250 ㎡
    expect(amountToReach(0, 376, 100, 2.3)).toBe(9) // 2.3 × 3.76 = 8.648 rooms → 9
    // the floor 4.2 × 85% = 3.57 per 100 for 10000 students is exactly 357 teachers (a whole number: decided exactly)
    expect(amountToReach(0, 10000, 100, 4.2, 0.85)).toBe(357)
    expect(amountToReach(3, 500, 100, 0.9, 0.85)).toBe(1) // 0.765 × 5 = 3.825 → 4
  })
})

describe('九年一贯制 / 完全中学 / 十二年一贯制 split (RULES.md §1.2, §3)', () => {
  const nineYear: BalanceSchoolYear = {
    id: 'J',
    name: '某九年一贯制学校',
    institutionType: '312',
    stages: [
      { stage: '小学', students: 166, keyTeachers: 2 },
      { stage: '初中', students: 210, keyTeachers: 3 },
    ],
    resources: { equipmentValue: 23226, teachingArea: 2000 },
  }

  it('166 小学 + 210 初中 students: weighted 166 + 1.1 × 210 = 397, 小学 share 166/397 (published example: 23226 books)', () => {
    const [p, j] = splitSchool(nineYear, settings)
    expect(p.resourceShare).toBeCloseTo(166 / 397, 12)
    expect(j.resourceShare).toBeCloseTo(231 / 397, 12)
    // published: 23226 / 397 = 58.5 per 小学 student; 小学 58.5 × 166 = 9711, 初中 23226 − 9711 = 13515
    expect(roundHalfUp(p.resources.equipmentValue! / 166, 1)).toBe(58.5)
    expect(Math.abs(p.resources.equipmentValue! - 9711)).toBeLessThan(1) // 9711.77 unrounded
    expect(Math.abs(j.resources.equipmentValue! - 13515)).toBeLessThan(1) // 13514.23 unrounded
    expect(p.resources.equipmentValue! + j.resources.equipmentValue!).toBeCloseTo(23226, 9)
    // the 初中 per-student value is exactly 1.1 × the 小学 one
    expect(j.resources.equipmentValue! / 210 / (p.resources.equipmentValue! / 166)).toBeCloseTo(1.1, 12)
    // teachers are per 学段 and never split
    expect(p.figures.keyTeachers).toBe(2)
    expect(j.figures.keyTeachers).toBe(3)
    expect([p.name, j.name]).toEqual(['某九年一贯制学校（小学部）', '某九年一贯制学校（初中部）'])
  })

  it('完全中学 初中:高中 = 1:1.2 and 十二年一贯制 1:1.1:1.32 from one set of weights', () => {
    // 初中 600, 高中 500: 初中 share = 600 / (600 + 1.2 × 500) = 0.5
    const full: BalanceSchoolYear = {
      id: 'W',
      name: '完全中学',
      institutionType: '341',
      stages: [
        { stage: '初中', students: 600 },
        { stage: '高中', students: 500 },
      ],
      resources: { teachingArea: 10000 },
    }
    const parts = splitSchool(full, settings)
    expect(parts).toHaveLength(1)
    expect(parts[0].resourceShare).toBeCloseTo(0.5, 12)
    expect(parts[0].resources.teachingArea).toBeCloseTo(5000, 9)
    expect(parts[0].notes).toEqual([])
    // without its 高中 students a 完全中学's resources would all go to 初中: said so
    const [alone] = splitSchool({ ...full, stages: [{ stage: '初中', students: 600 }] }, settings)
    expect(alone.resourceShare).toBe(1)
    expect(alone.notes).toEqual(['未填报高中部在校生数：共用资源全部计入义务教育学段，拆分结果偏高'])
    // 300 / 200 / 100: weighted 300 + 220 + 132 = 652
    const twelve: BalanceSchoolYear = {
      id: 'T',
      name: '十二年',
      institutionType: '345',
      stages: [
        { stage: '小学', students: 300 },
        { stage: '初中', students: 200 },
        { stage: '高中', students: 100 },
      ],
      resources: { multimediaRooms: 652 },
    }
    const [a, b] = splitSchool(twelve, settings)
    expect(a.resources.multimediaRooms).toBeCloseTo(300, 9)
    expect(b.resources.multimediaRooms).toBeCloseTo(220, 9)
  })

  it('scope: special schools, 教学点 under 50 and empty parts are left out with a reason', () => {
    const [sp] = splitSchool({ ...primary('S'), special: true }, settings)
    expect(exclusionReason(sp, settings)).toBe('特殊教育学校不参与计算')
    const [tp] = splitSchool({ ...primary('T', { students: 49 }), institutionType: '218' }, settings)
    expect(exclusionReason(tp, settings)).toBe('不足50人的教学点不参与计算')
    const [tp50] = splitSchool({ ...primary('U', { students: 50 }), institutionType: '218' }, settings)
    expect(exclusionReason(tp50, settings)).toBeNull()
    const [zero] = splitSchool(primary('Z', { students: 0 }), settings)
    expect(exclusionReason(zero, settings)).toBe('在校生数为0，不参与计算')
    const r = evaluateBalance([primary('1'), { ...primary('S'), special: true }], { statYear: 2024 }, rubric)
    expect(r.schools.map((s) => s.excluded)).toEqual([null, '特殊教育学校不参与计算'])
    const json = balanceIndicatorsJson(r)
    expect(json.year).toBe(2024)
    expect(json.rubric).toEqual({ id: 'balanced-development-2017', version: '1.0.0' })
    expect(json.schools[1]).toMatchObject({ excluded: true, excludedReason: '特殊教育学校不参与计算', indicators: {} })
    expect(json.schools[0]).toMatchObject({ stage: '小学', students: 500, metCount: 6, verdict: 'met' })
    expect(json.schools[0].indicators.qualifiedTeachersPer100).toEqual({ value: 4.2, standard: 4.2, met: true })
    expect(json.cv.find((c) => c.indicator === 'keyTeachersPer100')).toEqual({
      stage: '小学',
      indicator: 'keyTeachersPer100',
      value: 0,
      limit: 0.5,
      met: true,
    })
    expect(json.stages).toEqual([{ stage: '小学', verdict: 'met' }])
    expect(JSON.stringify(r)).not.toContain('NaN')
  })
})

describe('学段 verdict: each 差异系数 against its own limit, no averaged test', () => {
  it('six coefficients 0 and one at 0.595 (their mean 0.085 would "pass"): the 学段 fails', () => {
    // three identical schools of 500 except equipment: 500000, 1100000, 2400000 元
    // → 1000, 2200, 4800 元/生; X̄ = 4000000 / 1500 = 2666.67;
    // S² = (1666.67² + 466.67² + 2133.33²) / 3 = (2777778 + 217778 + 4551111) / 3 = 2515556 → S = 1586.05
    // CV = 1586.05 / 2666.67 = 0.595 > 0.50
    const schools = [
      primary('1', {}, { equipmentValue: 500_000 }),
      primary('2', {}, { equipmentValue: 1_100_000 }),
      primary('3', {}, { equipmentValue: 2_400_000 }),
    ]
    const r = evaluateBalance(schools, { statYear: 2024 }, rubric)
    const cvs = r.cv.filter((c) => c.stage === '小学')
    expect(cvs).toHaveLength(7)
    const eq = cvs.find((c) => c.indicator === 'equipmentValuePerStudent')!
    expect(eq).toMatchObject({ display: '0.595', limit: 0.5, met: false })
    expect(cvs.filter((c) => c.indicator !== 'equipmentValuePerStudent').every((c) => c.value === 0 && c.met)).toBe(true)
    const mean = cvs.reduce((a, c) => a + c.value!, 0) / 7
    expect(mean).toBeLessThan(0.5)
    expect(r.stages).toEqual([expect.objectContaining({ stage: '小学', verdict: 'notMet' })])
    expect(r.stages[0].reasons.join()).toContain('生均教学仪器设备值校际差异系数')
    // the plan lifts 第1小学 (the largest contributor below X̄) to 2666.67 元/生: 2666.67 × 500 = 1333333.3
    // → 1333334 − 500000 = 833334 元; then 2666.67, 2200, 4800 元/生, X̄ = 4833334 / 1500 = 3222.22,
    // S² = (555.55² + 1022.22² + 1577.78²) / 3 = 1280988 → S = 1131.8, CV = 0.35 ≤ 0.50
    expect(eq.plan).toMatchObject({ reached: true, total: 833334 })
    expect(eq.plan!.steps.map((s) => [s.name, s.add])).toEqual([['第1小学', 833334]])
    expect(roundHalfUp(eq.plan!.after!, 2)).toBe(0.35)
  })

  it('the 初中 limit is 0.45: a CV of 0.47 passes in 小学 and fails in 初中', () => {
    const ev = (stage: string) =>
      evaluateRubric(
        rubric,
        { 'cv.keyTeachersPer100': { numerator: null, denominator: null, value: 0.47 } },
        {},
        { level: 'stage', variant: stage },
      ).items.find((i) => i.key === 'cv.keyTeachersPer100')!
    expect(ev('小学')).toMatchObject({ status: 'met', thresholdDisplay: '≤0.50' })
    expect(ev('初中')).toMatchObject({ status: 'notMet', thresholdDisplay: '≤0.45' })
  })
})

describe('差异系数 improvement plan', () => {
  it('on the published five-school example (values × 400 元): lift 小学4 by 128567 元', () => {
    // X̄ = 1913 × 400 / 302 = 2533.77 元/生; CV 0.515 > 0.50. Largest contributors: 小学3 (above X̄, never
    // lowered) then 小学4 (842.11 元/生). 2533.77 × 76 = 192566.9 → 192567 − 64000 = 128567 元. CV after 0.303.
    const students = [45, 37, 89, 76, 55]
    const books = [279, 137, 935, 160, 402]
    const plan = cvImprovementPlan(
      'equipmentValuePerStudent',
      students.map((n, i) => ({ id: `${i + 1}`, name: `小学${i + 1}`, students: n, amount: books[i] * 400 })),
      0.5,
    )
    expect(roundHalfUp(plan.before!, 3)).toBe(0.515)
    expect(plan.steps.map((s) => [s.name, s.add])).toEqual([['小学4', 128567]])
    expect(roundHalfUp(plan.after!, 3)).toBe(0.303)
    expect(plan.reached).toBe(true)
  })

  it('says so when lifting the schools below the county value cannot reach the limit', () => {
    // two schools of 100 at 1 room, one of 10 students with 50 rooms (500 per 100!)
    const plan = cvImprovementPlan(
      'multimediaRoomsPer100',
      [
        { id: 'a', name: '甲校', students: 100, amount: 1 },
        { id: 'b', name: '乙校', students: 100, amount: 1 },
        { id: 'c', name: '丙校', students: 10, amount: 50 },
      ],
      0.5,
    )
    expect(plan.reached).toBe(false)
    expect(plan.steps).toHaveLength(2)
    expect(plan.reason).toContain('丙校')
  })
})

describe('county checklist', () => {
  it('computes 政府保障 items from school and county figures and waits for the judged ones', () => {
    const schools = [
      primary(
        '1',
        { teachers: 30, certifiedTeachers: 30, trainedTeachers: 29 },
        { musicRooms: 1, musicRoomArea: 96, artRooms: 1, artRoomArea: 89 },
      ),
    ]
    const r = evaluateBalance(
      schools,
      { statYear: 2024, rotation: { numerator: 12, denominator: 100 }, quotaAllocation: { numerator: 450, denominator: 1000 } },
      rubric,
    )
    const item = (k: string) => r.checklist.items.find((i) => i.key === k)!
    // 12 classes → 1 room each is enough; 美术 89 ㎡ < 90 → not met
    expect(item('specialRooms')).toMatchObject({ display: '0.00%', status: 'notMet' })
    expect(item('schoolSize')).toMatchObject({ display: '100.00%', status: 'met' })
    expect(item('classSize')).toMatchObject({ status: 'met' })
    expect(item('training')).toMatchObject({ numerator: 29, denominator: 30, display: '96.67%', status: 'notMet' })
    expect(item('certified')).toMatchObject({ status: 'met' })
    expect(item('rotation')).toMatchObject({ display: '12.00%', thresholdDisplay: '≥10%', status: 'met' })
    expect(item('quotaAllocation')).toMatchObject({ display: '45.00%', status: 'notMet' })
    expect(item('retention')).toMatchObject({ status: 'noData', reason: '未填报初中三年巩固率' })
    expect(item('examAdmission')).toMatchObject({ status: 'noData', reason: '尚未评定' })
    expect(r.checklist.verdict).toBe('notMet')
    expect(r.verdict).toBe('notMet')
  })

  it('a 九年一贯制 school is limited to 2500 compulsory students, others to 2000', () => {
    const big = (id: string, stages: SchoolStageFigures[]): BalanceSchoolYear => ({ ...primary(id), stages })
    const r = evaluateBalance(
      [
        big('A', [
          { stage: '小学', students: 1300 },
          { stage: '初中', students: 1100 },
        ]),
        big('B', [{ stage: '小学', students: 2100 }]),
      ],
      { statYear: 2024 },
      rubric,
    )
    expect(r.checklist.items.find((i) => i.key === 'schoolSize')).toMatchObject({ numerator: 1, denominator: 2 })
  })
})

describe('report tables and sentences', () => {
  it('builds the 学段 table with 全县平均值 / 标准差 / 差异系数 rows and pre-fills the problems', () => {
    // the three-school county of the 学段 test: equipment 1000 / 2200 / 4800 元/生, X̄ 2666.67, S 1586.05, CV 0.595
    const schools = [
      primary('1', {}, { equipmentValue: 500_000 }),
      primary('2', {}, { equipmentValue: 1_100_000 }),
      primary('3', {}, { equipmentValue: 2_400_000 }),
    ]
    const ev = evaluateBalance(schools, { statYear: 2024 }, rubric)
    const t = cvTable(ev, rubric, '小学')!
    expect(t.columns.map((c) => c.standard)).toEqual([4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3])
    expect(t.rows.map((r) => r.values[5])).toEqual(['1000.00', '2200.00', '4800.00'])
    expect(t.rows.map((r) => r.verdict)).toEqual(['未达标', '达标', '达标'])
    expect(t.mean[5]).toBe('2666.67')
    expect(t.sd[5]).toBe('1586.05')
    expect(t.cv[5]).toBe('0.595')
    expect(t.cvLimit[5]).toBe('≤0.50')
    expect(t.cvMet).toEqual(['达标', '达标', '达标', '达标', '达标', '未达标', '达标'])
    expect(cvTable(ev, rubric, '初中')).toBeNull()
    const sentences = balanceProblemSentences(ev, rubric)
    expect(sentences[0]).toBe('小学生均教学仪器设备值校际差异系数为0.595，超过0.50；需为第1小学增加教学仪器设备值833334元，可降至0.351。')
    // 第1小学: 1000 元/生 = 50% of 2000, and 体育艺术 0.8 < 0.9: two below → fails; 余项 体育艺术 (88.9%),
    // equipment to standard: 2000 × 500 − 500000 = 500000 元
    expect(sentences[1]).toBe('第1小学资源配置5项达标，未达到“至少6项达标、余项不低于85%”的要求，需增加教学仪器设备值500000元。')
  })
})

describe('missing data and rubric settings', () => {
  it('computes a 差异系数 over the schools that have the value and says how many were left out', () => {
    const schools = [primary('1'), primary('2', {}, { equipmentValue: null }), primary('3', { students: 400 })]
    const r = evaluateBalance(schools, { statYear: 2024 }, rubric)
    const eq = r.cv.find((c) => c.indicator === 'equipmentValuePerStudent')!
    expect(eq.detail.n).toBe(2)
    expect(eq.detail.excluded).toEqual([{ id: '2:小学', name: '第2小学', reason: '缺少该指标数据，不参与计算' }])
    const item = r.cv.find((c) => c.indicator === 'keyTeachersPer100')!
    expect(item.detail.n).toBe(3)
    // 第2小学 lacks one value (noData) and meets the other six only if the missing one could pass: undecided
    expect(r.schools[1]).toMatchObject({ verdict: 'noData', metCount: 5 })
    expect(r.schools[1].indicators.equipmentValuePerStudent).toMatchObject({ display: '无数据', status: 'noData', met: null })
    const stageItem = evaluateRubric(
      rubric,
      {
        'cv.equipmentValuePerStudent': {
          numerator: null,
          denominator: null,
          value: eq.value,
          reason: '1所学校缺少数据，未参与计算',
          missing: ['第2小学'],
        },
      },
      {},
      { level: 'stage', variant: '小学' },
    ).items.find((i) => i.key === 'cv.equipmentValuePerStudent')!
    expect(stageItem).toMatchObject({ reason: '1所学校缺少数据，未参与计算', missing: ['第2小学'] })
  })

  it('a variant that subtracts 室内体育用房 from 教学及辅助用房 changes L4 only', () => {
    const v = deriveRubric(rubric, {
      id: 'balanced-development-2017-local',
      name: '某省',
      region: '某省',
      settings: { subtractIndoorSportsFromTeaching: true },
    })
    if (!v.ok) throw new Error(v.errors.join())
    const [part] = splitSchool(primary('1'), balanceSettings(v.rubric))
    const values = schoolPartValues(part, balanceSettings(v.rubric))
    // (2300 − 300) / 500 = 4.0 < 4.5; sports stays (3500 + 300) / 500 = 7.6
    expect(values.teachingSpacePerStudent.value).toBe(4)
    expect(values.sportsSpacePerStudent.value).toBe(7.6)
  })
})

describe('班额 bands', () => {
  it('counts classes over 45 (小学) or 50 (初中) as whole bands, and 大班额 / 超大班额', () => {
    const bands = { upTo25: 2, b36to40: 5, b41to45: 4, b46to50: 3, b51to55: 2, b56to60: 1, from66: 1 }
    // 小学: over 45 = 46-50 3 + 51-55 2 + 56-60 1 + 66+ 1 = 7; 初中: over 50 = 2 + 1 + 1 = 4
    expect(summarizeClassBands(bands, 45)).toEqual({ classes: 18, overLimit: 7, large: 1, extraLarge: 1 })
    expect(summarizeClassBands(bands, 50).overLimit).toBe(4)
    expect(() => summarizeClassBands(bands, 48)).toThrow('班额上限48不是统计表分段的边界')
    expect(matchHeader('班额：46～50人', SCHOOL_FIELDS)?.field.key).toBe('stage.classBands.b46to50')
    expect(matchHeader('66人及以上', SCHOOL_FIELDS)?.field.key).toBe('stage.classBands.from66')
  })
})

describe('a 九年一贯制 school in the county evaluation', () => {
  it('counts as one 小学 and one 初中, each in its own 学段 and 差异系数', () => {
    const nine: BalanceSchoolYear = {
      id: 'J',
      name: '九年一贯制学校',
      institutionType: '312',
      stages: [
        { stage: '小学', students: 166, teachersByEducation: { associate: 7 }, keyTeachers: 2, peTeachers: 1, musicTeachers: 1 },
        { stage: '初中', students: 210, teachersByEducation: { bachelor: 12 }, keyTeachers: 3, peTeachers: 1, artTeachers: 1 },
      ],
      // 397 weighted students: 小学 gets 166/397 of 8000 ㎡ = 3345.09 ㎡ → 20.15 ㎡ per 小学 student; 初中 22.17 (× 1.1)
      resources: { teachingArea: 8000, sportsGroundArea: 5000, equipmentValue: 1_000_000, multimediaRooms: 10 },
    }
    const r = evaluateBalance([primary('1'), nine], { statYear: 2024 }, rubric)
    expect(r.schools.map((s) => [s.name, s.stage])).toEqual([
      ['第1小学', '小学'],
      ['九年一贯制学校（小学部）', '小学'],
      ['九年一贯制学校（初中部）', '初中'],
    ])
    const p = r.schools[1].indicators.teachingSpacePerStudent.value!
    const j = r.schools[2].indicators.teachingSpacePerStudent.value!
    expect(roundHalfUp(p, 2)).toBe(20.15)
    expect(j / p).toBeCloseTo(1.1, 12)
    expect(r.stages.map((s) => [s.stage, s.schools])).toEqual([
      ['小学', 2],
      ['初中', 1],
    ])
    // a one-school 学段 has every 差异系数 0
    expect(r.cv.filter((c) => c.stage === '初中').every((c) => c.value === 0)).toBe(true)
  })
})
