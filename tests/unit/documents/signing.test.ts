import { describe, expect, it } from 'vitest'
import notice from '../../../seeds/demo/documents/notice-2024-4.json'
import { documentContentSchema } from '../../../shared/documents/documentSchema'
import { placeholderIn, signingProblems } from '../../../shared/documents/signing'
import { isCalendarDate, stripControlChars } from '../../../shared/validation/fields'

describe('signing checklist (shared by the core and the composer)', () => {
  it('finds nothing to do in a real, finished document (贺政教督发〔2024〕4号)', () => {
    const content = documentContentSchema.parse(notice.content)
    expect(signingProblems('通知', 'file', content, 1)).toEqual([])
  })

  it('recognises template placeholders, and not ordinary text', () => {
    expect(placeholderIn('关于××的请示')).toBe('××')
    expect(placeholderIn('于×月×日前完成')).toBe('×月')
    expect(placeholderIn('第×次工作会议纪要')).toBe('第×')
    expect(placeholderIn('（请示缘由）')).toBe('（请示缘由）')
    expect(placeholderIn('  （逐条列明问题）  ')).toBe('（逐条列明问题）')
    expect(placeholderIn('面积为 3×4 米')).toBeNull()
    expect(placeholderIn('（一）加强领导。每月召开一次会议。')).toBeNull()
    expect(placeholderIn('请于3月8日前报送（联系电话：0954-2031234）。')).toBeNull()
  })
})

describe('field checks', () => {
  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2023-02-29')).toBe(false)
    expect(isCalendarDate('2024-02-30')).toBe(false)
    expect(isCalendarDate('2024-13-45')).toBe(false)
    expect(isCalendarDate('2024-04-31')).toBe(false)
    expect(isCalendarDate('2101-01-01')).toBe(false)
  })

  it('removes control characters and NUL, keeping tabs and line breaks', () => {
    expect(stripControlChars('a\u0000b\u0007c\u001bd\u007fe\u0085f\tg\nh\r\ni')).toBe('abcdef\tg\nh\r\ni')
  })
})
