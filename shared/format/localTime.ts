/**
 * Instants (moments in time) are stored as ISO 8601 UTC with the `Z` suffix (`2024-03-22T07:46:00.000Z`),
 * which is unambiguous. They are shown to people only through these functions, in the PC's own time
 * zone (the renderer and the core run on the same PC): never by slicing the ISO string, which gives
 * the UTC clock time (07:46 for 15:46 in China) and, between 00:00 and 08:00, the previous day.
 */

const pad = (n: number) => String(n).padStart(2, '0')

function parse(iso: string): Date | null {
  if (!iso) return null
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? null : d
}

/** `2024年3月22日 15:46` in local time; '' for ''; the input unchanged when it is not a date. */
export function localDateTime(iso: string): string {
  const d = parse(iso)
  if (!d) return iso
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** `2024年3月22日`: the local calendar day of an instant; '' for ''; the input unchanged when not a date. */
export function localDate(iso: string): string {
  const d = parse(iso)
  if (!d) return iso
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}

/** `15:46`: the local clock time of an instant (hours and minutes); '' when not a date. */
export function localClockTime(iso: string): string {
  const d = parse(iso)
  return d ? `${pad(d.getHours())}:${pad(d.getMinutes())}` : ''
}

/** The local calendar date of an instant as ISO `YYYY-MM-DD` (default: now). */
export function localIsoDateOf(at: Date = new Date()): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}
