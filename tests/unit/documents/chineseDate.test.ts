import { describe, expect, it } from 'vitest'
import { formatChineseDate, parseChineseDate, todayIso } from '../../../shared/documents/chineseDate'

describe('formatChineseDate', () => {
  it('prints Arabic numerals without padding (成文日期 of reference 002)', () => {
    expect(formatChineseDate('2024-03-22')).toBe('2024年3月22日')
    expect(formatChineseDate('2023-03-08')).toBe('2023年3月8日')
    expect(formatChineseDate('2023-10-01')).toBe('2023年10月1日')
    expect(formatChineseDate('2024-12-31')).toBe('2024年12月31日')
  })

  it('accepts 29 February only in a leap year', () => {
    expect(formatChineseDate('2024-02-29')).toBe('2024年2月29日')
    expect(() => formatChineseDate('2023-02-29')).toThrow(/无效的日期/)
  })

  it.each(['', '2024-3-22', '2024/03/22', '2024-13-01', '2024-04-31', '2024-00-10', '2024-01-00', '20240322', '2024-03-22T10:00:00'])(
    'throws on %j',
    (text) => {
      expect(() => formatChineseDate(text)).toThrow(RangeError)
    },
  )
})

describe('parseChineseDate', () => {
  it.each([
    ['2024年3月22日', '2024-03-22'],
    ['2024 年 3 月 22 日', '2024-03-22'],
    ['2023 年 3 月 8 日', '2023-03-08'],
    ['2024年03月02日', '2024-03-02'],
    ['2024年3月22', '2024-03-22'],
    ['2024-3-22', '2024-03-22'],
    ['2024-03-22', '2024-03-22'],
    ['2024/03/22', '2024-03-22'],
    ['2024.3.22', '2024-03-22'],
    ['２０２４年３月２２日', '2024-03-22'],
    ['２０２４－０３－２２', '2024-03-22'],
    [' 2024/3/2 \n', '2024-03-02'],
    ['二〇二四年三月二十二日', '2024-03-22'],
    ['二〇二三年十月一日', '2023-10-01'],
    ['二〇二三年十二月三十一日', '2023-12-31'],
    ['二〇二四年二月十日', '2024-02-10'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseChineseDate(text)).toBe(iso)
  })

  it.each([
    '2024年2月30日',
    '2023年2月29日',
    '2024年13月1日',
    '2024年4月31日',
    '2024年0月1日',
    '2024-3/22',
    '24年3月22日',
    '2024年3月',
    '三月二十二日',
    '二〇二四年十三月一日',
    '二〇二四年三月三十二日',
    '2024年3月22日印发',
    '',
  ])('rejects %j', (text) => {
    expect(parseChineseDate(text)).toBeNull()
  })

  it('round-trips with formatChineseDate', () => {
    for (const iso of ['2024-01-01', '2024-02-29', '2030-11-30']) expect(parseChineseDate(formatChineseDate(iso))).toBe(iso)
  })
})

describe('todayIso', () => {
  it('uses the local calendar date, padded', () => {
    expect(todayIso(new Date(2024, 2, 5, 23, 59))).toBe('2024-03-05')
    expect(todayIso(new Date(2024, 11, 31, 0, 1))).toBe('2024-12-31')
  })

  it('defaults to now', () => {
    const before = todayIso(new Date())
    const value = todayIso()
    expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect([before, todayIso(new Date())]).toContain(value)
  })
})
