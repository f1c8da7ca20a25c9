import { localIsoDateOf } from '../../shared/format/localTime'

/** Local calendar date as ISO (YYYY-MM-DD) and the current year: the office's, not UTC. */
export function localIsoDate(now = new Date()): string {
  return localIsoDateOf(now)
}

export function currentYear(now = new Date()): number {
  return now.getFullYear()
}

/**
 * The current instant as ISO 8601 UTC with `Z` (unambiguous; stored in every `*_at` column and
 * history entry). Shown to people only through shared/format/localTime.ts, in local time.
 */
export function nowIso(): string {
  return new Date().toISOString()
}
