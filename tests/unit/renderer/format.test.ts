import { describe, expect, it } from 'vitest'
import { formatDateTime } from '../../../renderer/src/format'

describe("formatDateTime (shown in the PC's time zone; the suite runs in Asia/Shanghai)", () => {
  it('shows a stored UTC instant in local time, across midnight', () => {
    expect(formatDateTime('2026-11-30T07:46:00.000Z')).toBe('2026年11月30日 15:46')
    expect(formatDateTime('2026-11-30T16:30:00.000Z')).toBe('2026年12月1日 00:30')
    expect(formatDateTime('2026-12-31T17:05:00Z')).toBe('2027年1月1日 01:05')
  })

  it('leaves text that is not a date as it is', () => {
    expect(formatDateTime('不是日期')).toBe('不是日期')
  })
})
