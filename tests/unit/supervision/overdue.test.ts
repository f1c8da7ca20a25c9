import { afterEach, describe, expect, it, vi } from 'vitest'
import { addDays, daysBetween, isOverdue, overdueDays, todayLocal } from '../../../shared/supervision/overdue'

afterEach(() => vi.useRealTimers())

describe('overdue is computed from the 整改时限 and the local date', () => {
  const due = { deadline: '2025-03-31', status: 'pending' as const }

  it('the 整改时限 is the last day allowed; the day after is overdue, across the month end', () => {
    expect(isOverdue(due, '2025-03-31')).toBe(false)
    expect(isOverdue(due, '2025-04-01')).toBe(true)
    expect(overdueDays(due, '2025-04-01')).toBe(1)
    expect(overdueDays(due, '2025-05-01')).toBe(31)
    expect(isOverdue({ deadline: '2024-02-29', status: 'notified' }, '2024-03-01')).toBe(true)
    expect(isOverdue({ deadline: '2024-12-31', status: 'notified' }, '2025-01-01')).toBe(true)
  })

  it('an entry due 2025-03-31 is overdue on 04-01 00:30 in China while UTC still says 03-31', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2025-03-31T16:30:00Z')) // 2025-04-01 00:30 Asia/Shanghai
    expect(new Date().toISOString().slice(0, 10)).toBe('2025-03-31')
    expect(todayLocal()).toBe('2025-04-01')
    expect(isOverdue(due, todayLocal())).toBe(true)
    vi.setSystemTime(new Date('2025-03-31T15:59:00Z')) // 23:59 local on the 31st
    expect(isOverdue(due, todayLocal())).toBe(false)
  })

  it('only while the 整改报告 is awaited: reported, rectified or closed entries are never overdue; no deadline, never', () => {
    for (const status of ['reported', 'verified', 'closed'] as const) expect(isOverdue({ ...due, status }, '2025-05-01')).toBe(false)
    expect(isOverdue({ deadline: null, status: 'pending' }, '2099-01-01')).toBe(false)
  })

  it('day arithmetic on calendar dates', () => {
    expect(daysBetween('2025-03-31', '2025-04-01')).toBe(1)
    expect(daysBetween('2025-04-01', '2025-03-31')).toBe(-1)
    expect(addDays('2025-03-18', 30)).toBe('2025-04-17')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
  })
})
