import { describe, expect, it } from 'vitest'
import {
  parseDate,
  parseFlag,
  parseInstitutionType,
  parseNumber,
  parseSchedule,
  parseSponsor,
  parseStatYear,
  parseUrbanRural,
  yearInTitle,
} from '../../../shared/preschool/importFields'

describe('preschool import parsers', () => {
  it('numbers as the sheets write them (SHEETS.md habits 4, 5, 10)', () => {
    expect(parseNumber('305', 'count')).toEqual({ value: 305 })
    expect(parseNumber('1,124', 'count')).toEqual({ value: 1124 })
    expect(parseNumber('３０５', 'count')).toEqual({ value: 305 })
    expect(parseNumber(' 305人 ', 'count')).toEqual({ value: 305 })
    expect(parseNumber('1124.5', 'area')).toEqual({ value: 1124.5 })
    expect(parseNumber('0.42', 'area', 10000)).toEqual({ value: 4200 })
    expect(parseNumber('-', 'count')).toEqual({ value: 0 })
    expect(parseNumber('—', 'count')).toEqual({ value: 0 })
    expect(parseNumber('*', 'count')).toEqual({ value: null })
    expect(parseNumber('', 'count')).toEqual({ value: null })
    expect(parseNumber('12.5', 'count')).toEqual({ error: '人数、班数应为整数' })
    expect(parseNumber('-3', 'count')).toEqual({ error: '不能为负数' })
    expect(parseNumber('85%', 'count')).toEqual({ error: '应为数值，不能是百分数' })
    expect(parseNumber('约300', 'count')).toEqual({ error: '应为数字（不能含文字）' })
  })

  it('coded fields take codes or names', () => {
    expect(parseFlag('是')).toEqual({ value: true })
    expect(parseFlag('1')).toEqual({ value: true })
    expect(parseFlag('否')).toEqual({ value: false })
    expect(parseFlag('')).toEqual({ value: null })
    expect(parseFlag('也许')).toEqual({ error: '应填“是”或“否”' })
    expect(parseSponsor('999')).toEqual({ value: '民办' })
    expect(parseSponsor('公办')).toEqual({ value: '公办' })
    expect(parseSponsor('集体')).toEqual({ value: '集体' })
    expect(parseSponsor('个人')).toMatchObject({ error: expect.stringContaining('举办者应为') })
    expect(parseInstitutionType('附设幼儿班')).toEqual({ value: '119' })
    expect(parseInstitutionType('111')).toEqual({ value: '111' })
    expect(parseInstitutionType('211')).toMatchObject({ error: expect.stringContaining('不属于学前教育') })
    expect(parseUrbanRural('121')).toEqual({ value: { class: '镇区', code: '121' } })
    expect(parseUrbanRural('村庄')).toEqual({ value: { class: '乡村', code: '220' } })
    expect(parseUrbanRural('城区')).toEqual({ value: { class: '城区', code: null } })
    expect(parseSchedule('半日制')).toEqual({ value: '半日制' })
  })

  it('years and dates', () => {
    expect(parseStatYear('2024')).toEqual({ value: 2024 })
    expect(parseStatYear('2024/2025学年初')).toEqual({ value: 2024 })
    expect(parseStatYear('24')).toMatchObject({ error: expect.any(String) })
    expect(yearInTitle('基础基311 幼儿园情况（2024/2025学年初）')).toBe(2024)
    expect(yearInTitle('2023年全县幼儿园情况统计表')).toBe(2023)
    expect(yearInTitle('幼儿园情况')).toBe(null)
    expect(parseDate('2021年9月1日')).toEqual({ value: '2021-09-01' })
    expect(parseDate('2021/9/1')).toEqual({ value: '2021-09-01' })
  })
})
