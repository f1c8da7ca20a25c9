import { localIsoDateOf } from '../format/localTime'
import type { LedgerEntry, LedgerStatus } from './types'

/**
 * Overdue, computed (never stored). An entry is 逾期 on local day `today` when it has a 整改时限, the
 * day is after the 整改时限 (the 整改时限 itself is the last day allowed), and the school has not yet
 * sent its 整改报告 (status 待整改 or 已发整改通知, which includes an entry sent back by a failed 复查).
 * An entry whose report came in, even late, waits for 复查 and is not overdue; the 督办单 is for a
 * report that never came (SUPERVISION.md: "sent when a deadline passes without an accepted 整改报告").
 *
 * `today` is a local calendar date (YYYY-MM-DD): use todayLocal() for the office's current day, never
 * the UTC date (between 00:00 and 08:00 in China the UTC date is still yesterday).
 */

/** The statuses in which the deadline still runs. */
export const AWAITING_REPORT: readonly LedgerStatus[] = ['pending', 'notified']

/** The local calendar date of `now` (the PC's time zone), YYYY-MM-DD. */
export function todayLocal(now: Date = new Date()): string {
  return localIsoDateOf(now)
}

/** Days from `a` to `b` (calendar dates YYYY-MM-DD), e.g. 2025-03-31 → 2025-04-01 = 1; negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  const t = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)))
  return Math.round((t(b) - t(a)) / 86_400_000)
}

/** `date` plus `days` calendar days (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  // calendar arithmetic on a UTC date (no clock time involved, so no time zone can shift the day)
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days))
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`
}

/** True when the entry is overdue on local day `today` (see the module comment). */
export function isOverdue(entry: Pick<LedgerEntry, 'deadline' | 'status'>, today: string): boolean {
  return entry.deadline !== null && AWAITING_REPORT.includes(entry.status) && today > entry.deadline
}

/** Whole days past the 整改时限 on `today` (0 when not overdue). */
export function overdueDays(entry: Pick<LedgerEntry, 'deadline' | 'status'>, today: string): number {
  return isOverdue(entry, today) ? daysBetween(entry.deadline as string, today) : 0
}
