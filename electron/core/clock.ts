/** Local calendar date as ISO (YYYY-MM-DD) and the current year: the office's, not UTC. */
export function localIsoDate(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

export function currentYear(now = new Date()): number {
  return now.getFullYear()
}

export function nowIso(): string {
  return new Date().toISOString()
}
