/**
 * Dates are the office's (China time), never UTC. The suite runs with TZ=Asia/Shanghai (vitest.config.mts),
 * so between 00:00 and 08:00 local time the UTC date is still yesterday: a date taken from
 * toISOString() or getUTC*() shows here.
 */
import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { currentYear, localIsoDate } from '../../electron/core/clock'
import { todayIso } from '../../shared/documents/chineseDate'

afterEach(() => {
  vi.useRealTimers()
})

/** 2026-11-30T16:30:00Z is 2026-12-01 00:30 in China. */
const CROSS_MIDNIGHT = new Date('2026-11-30T16:30:00Z')
/** 2026-12-31T17:00:00Z is 2027-01-01 01:00 in China: a new year too. */
const CROSS_YEAR = new Date('2026-12-31T17:00:00Z')

describe('the test run is pinned to China time', () => {
  it('in this worker', () => {
    expect(process.env.TZ).toBe('Asia/Shanghai')
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Asia/Shanghai')
    expect(CROSS_MIDNIGHT.getTimezoneOffset()).toBe(-480)
  })

  it('in the processes the tests start (CLI, workers)', () => {
    const r = spawnSync(
      process.execPath,
      ['-e', 'process.stdout.write(String(new Date().getTimezoneOffset()) + " " + Intl.DateTimeFormat().resolvedOptions().timeZone)'],
      { encoding: 'utf8' },
    )
    expect(r.stdout).toBe('-480 Asia/Shanghai')
  })
})

describe('local dates across midnight (UTC still on the day before)', () => {
  it('localIsoDate and todayIso give the local date of a given instant', () => {
    expect(localIsoDate(CROSS_MIDNIGHT)).toBe('2026-12-01')
    expect(todayIso(CROSS_MIDNIGHT)).toBe('2026-12-01')
    expect(localIsoDate(CROSS_YEAR)).toBe('2027-01-01')
    expect(todayIso(CROSS_YEAR)).toBe('2027-01-01')
    expect(currentYear(CROSS_YEAR)).toBe(2027)
    // And in the afternoon the dates agree (no shift the other way).
    expect(localIsoDate(new Date('2026-12-01T07:59:00Z'))).toBe('2026-12-01')
    expect(localIsoDate(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02')
  })

  it('with the clock at 2026-11-30T16:30:00Z, "today" is 2026-12-01 (default argument)', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(CROSS_MIDNIGHT)
    expect(localIsoDate()).toBe('2026-12-01')
    expect(todayIso()).toBe('2026-12-01')
    vi.setSystemTime(CROSS_YEAR)
    expect(localIsoDate()).toBe('2027-01-01')
    expect(todayIso()).toBe('2027-01-01')
    expect(currentYear()).toBe(2027)
  })
})
