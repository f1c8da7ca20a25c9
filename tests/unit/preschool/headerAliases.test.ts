import { describe, expect, it } from 'vitest'
import { urbanRuralClass } from '../../../shared/statistics/codes'
import {
  isNoteRow,
  isSummaryRow,
  KINDERGARTEN_FIELDS,
  matchHeader,
  normalizeHeader,
  PRESCHOOL_COUNTY_FIELDS,
  SCHOOL_FIELDS,
} from '../../../shared/statistics/headerAliases'

const kg = (h: string) => matchHeader(h, KINDERGARTEN_FIELDS)
const school = (h: string) => matchHeader(h, SCHOOL_FIELDS)

describe('header alias table (SHEETS.md habits)', () => {
  it('normalises label noise: spaces, _x000D_, full-width brackets and colons, 其中, #, 及以上', () => {
    expect(normalizeHeader('总  计')).toBe('总计')
    expect(normalizeHeader('园    长')).toBe('园长')
    expect(normalizeHeader('教学及辅助用房_x000D_\n面积')).toBe('教学及辅助用房面积')
    expect(normalizeHeader('在园（班）人数：合计')).toBe('在园(班)人数:合计')
    expect(normalizeHeader('#其中：室内体育用房')).toBe('室内体育用房')
    expect(normalizeHeader('教学及辅助用房：其中：室内体育用房')).toBe('教学及辅助用房:室内体育用房')
    expect(normalizeHeader('县级及以上骨干教师（小学）')).toBe('县级以上骨干教师(小学)')
    expect(normalizeHeader('面积（单位：亩）')).toBe('面积(单位:亩)')
  })

  it('finds kindergarten columns by the statistics words, the template words and local words', () => {
    expect(kg('在园（班）人数：合计')?.field.key).toBe('enrolledChildren.total')
    expect(kg('在园幼儿数')?.field.key).toBe('enrolledChildren.total')
    expect(kg('幼儿园名称')?.field.key).toBe('name')
    expect(kg('办别')?.field.key).toBe('sponsor')
    expect(kg('园    长')?.field.key).toBe('staff.principals')
    expect(kg('教职工数：专任教师')?.field.key).toBe('staff.teachers')
    expect(kg('混龄班')?.field).toMatchObject({ key: 'classes.mixed', local: true })
    expect(kg('户外活动场地面积（㎡）')?.field).toMatchObject({ key: 'areas.outdoorPlay', local: true })
  })

  it('reads a two-row merged heading as a path and ignores a form-number row above it', () => {
    expect(kg('基础基311：在园（班）人数：小班')).toMatchObject({ field: { key: 'enrolledChildren.small' }, droppedLevels: 1 })
    // 入园（班）人数 is another measure: 小班 under it must not be taken for 在园 小班
    expect(kg('入园（班）人数：小班')).toBeNull()
    expect(school('教基1102：县级以上骨干教师(小学)')?.field.key).toBe('stage.keyTeachers')
    expect(school('在校生数：合计')?.field.key).toBe('stage.students')
  })

  it('converts units stated in the header; 教学仪器设备资产值 defaults to 万元', () => {
    expect(school('教学仪器设备资产值（万元）')).toMatchObject({
      field: { key: 'resources.equipmentValue' },
      factor: 10000,
      statedUnit: '万元',
    })
    expect(school('教学仪器设备资产值')).toMatchObject({ factor: 10000, statedUnit: '万元' })
    expect(school('教学仪器设备资产值（元）')).toMatchObject({ factor: 1, statedUnit: '元' })
    expect(school('运动场地面积(M2)')).toMatchObject({ field: { key: 'resources.sportsGroundArea' }, factor: 1 })
    expect(kg('校舍建筑面积（万平方米）')).toMatchObject({ field: { key: 'areas.building' }, factor: 10000 })
    expect(school('体育馆')?.field.key).toBe('resources.indoorSportsArea')
    expect(school('其中：室内体育用房')?.field.key).toBe('resources.indoorSportsArea')
  })

  it('accepts both generations of education words, summing 博士 + 硕士 into 研究生', () => {
    expect(school('专任教师：本科毕业')?.field.key).toBe('stage.teachersByEducation.bachelor')
    expect(school('本科')?.field.key).toBe('stage.teachersByEducation.bachelor')
    expect(school('博士研究生')?.field).toMatchObject({ sumsInto: 'stage.teachersByEducation.postgraduate' })
    expect(school('高中阶段毕业以下')?.field.key).toBe('stage.teachersByEducation.belowHighSchool')
  })

  it('reads the county sheet and recognises total rows and notes', () => {
    expect(matchHeader('3-5周岁常住人口', PRESCHOOL_COUNTY_FIELDS)?.field.key).toBe('agePopulation')
    expect(matchHeader('3～5周岁常住人口（人）', PRESCHOOL_COUNTY_FIELDS)?.field.key).toBe('agePopulation')
    expect(['合计', '总  计', '全县合计', '平均值', '差异系数'].every(isSummaryRow)).toBe(true)
    expect(isSummaryRow('全县第一小学')).toBe(false)
    expect(isNoteRow('注：1. 本表由学校填报')).toBe(true)
    expect(isNoteRow('第一幼儿园')).toBe(false)
  })

  it('has no alias claimed by two fields of the same sheet', () => {
    for (const fields of [KINDERGARTEN_FIELDS, SCHOOL_FIELDS]) {
      const seen = new Map<string, string>()
      for (const f of fields) {
        for (const name of [f.label, ...f.aliases]) {
          const n = normalizeHeader(name).replace(/\([^()]*\)$/, (m) => (/(㎡|m2|元|间)/.test(m) ? '' : m))
          expect(seen.get(n) ?? f.key, `${name} in ${f.key} and ${seen.get(n)}`).toBe(f.key)
          seen.set(n, f.key)
        }
      }
    }
  })
})

describe('城乡类型 codes', () => {
  it('maps a 3-digit code, a leaf name or the class itself to 城区 / 镇区 / 乡村', () => {
    expect(urbanRuralClass('121')).toBe('镇区')
    expect(urbanRuralClass(121)).toBe('镇区')
    expect(urbanRuralClass('城乡结合区')).toBe('城区')
    expect(urbanRuralClass(' 村庄 ')).toBe('乡村')
    expect(urbanRuralClass('镇区')).toBe('镇区')
    expect(urbanRuralClass('130')).toBeNull()
    expect(urbanRuralClass(null)).toBeNull()
  })
})
