import { statusOn, RECTIFIED_STATUSES } from './ledger'
import { isOverdue } from './overdue'
import type {
  AnnualPlan,
  Inspector,
  InspectorPeriodFigures,
  LedgerEntry,
  Period,
  PeriodFigures,
  SupervisionItem,
  SupervisionSettings,
  Visit,
  Zone,
} from './types'
import { compareNames } from '../institutions/names'

/**
 * Periods and the figures of a month or a term (what the 督导通报 and the month board print), pure:
 * plain arrays in, numbers out. Dates are local calendar dates YYYY-MM-DD.
 */

const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()
/** `YYYY-MM` of year y and month m, m may run past 12 or below 1. */
function ym(y: number, m: number): [number, number] {
  const i = y * 12 + (m - 1)
  return [Math.floor(i / 12), (i % 12) + 1]
}

/** The month `2025-03` as a period (1 March – 31 March). */
export function monthPeriod(month: string): Period {
  const y = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  return { kind: 'month', key: month, from: `${month}-01`, to: `${month}-${pad(lastDay(y, m))}`, label: `${y}年${m}月` }
}

type TermSettings = Pick<SupervisionSettings, 'autumnTermStartMonth' | 'springTermStartMonth'>

/**
 * A term as a period. 秋季学期 of year Y runs from the first day of the autumn start month of Y to
 * the day before the spring start month of Y+1 (default September – February); 春季学期 of Y from the
 * spring start month of Y to the day before the autumn start month (default March – August). The two
 * cover the calendar without gap, holidays included.
 */
export function termPeriod(key: string, s: TermSettings): Period {
  const [yText, half] = key.split('-')
  const y = Number(yText)
  const autumn = half === 'autumn'
  const [fy, fm] = autumn ? [y, s.autumnTermStartMonth] : [y, s.springTermStartMonth]
  const months = autumn ? 12 - s.autumnTermStartMonth + s.springTermStartMonth : s.autumnTermStartMonth - s.springTermStartMonth
  const [ty, tm] = ym(fy, fm + months - 1)
  return {
    kind: 'term',
    key: `${y}-${autumn ? 'autumn' : 'spring'}`,
    from: `${fy}-${pad(fm)}-01`,
    to: `${ty}-${pad(tm)}-${pad(lastDay(ty, tm))}`,
    label: `${y}年${autumn ? '秋季' : '春季'}学期`,
  }
}

/** The term a date falls in. */
export function termOf(date: string, s: TermSettings): Period {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  if (m >= s.autumnTermStartMonth) return termPeriod(`${y}-autumn`, s)
  if (m >= s.springTermStartMonth) return termPeriod(`${y}-spring`, s)
  return termPeriod(`${y - 1}-autumn`, s)
}

/** The month or term just before. */
export function previousPeriod(p: Period, s: TermSettings): Period {
  if (p.kind === 'month') {
    const [y, m] = ym(Number(p.key.slice(0, 4)), Number(p.key.slice(5, 7)) - 1)
    return monthPeriod(`${y}-${pad(m)}`)
  }
  const [y, half] = p.key.split('-')
  return half === 'autumn' ? termPeriod(`${y}-spring`, s) : termPeriod(`${Number(y) - 1}-autumn`, s)
}

/** The months (`YYYY-MM`) a period covers, in order. */
export function periodMonths(p: Period): string[] {
  const out: string[] = []
  let [y, m] = [Number(p.from.slice(0, 4)), Number(p.from.slice(5, 7))]
  const end = p.to.slice(0, 7)
  for (;;) {
    const k = `${y}-${pad(m)}`
    out.push(k)
    if (k >= end) return out
    ;[y, m] = ym(y, m + 1)
  }
}

/**
 * True when the month is a visit month: every month, unless the year's plan gives themes to some
 * months and leaves this one empty (寒暑假).
 */
export function isVisitMonth(month: string, plans: AnnualPlan[]): boolean {
  const plan = plans.find((p) => p.year === Number(month.slice(0, 4)))
  if (!plan || !plan.months.some((m) => m.theme.trim())) return true
  return (plan.months.find((m) => m.month === Number(month.slice(5, 7)))?.theme.trim() ?? '') !== ''
}

/**
 * Visits one institution needs in a period under the office's requirement:
 * - one a month (`per: 'month'`, count c): c for each visit month of the period (isVisitMonth);
 * - per term (`per: 'term'`, count c; the 条例 asks at least two): c for a term; for a month, the
 *   term's c spread over its visit months, front-loaded: the k-th of n visit months asks
 *   ceil(c·k/n) − ceil(c·(k−1)/n) (2 over 5 months: 1, 0, 1, 0, 0); 0 in a month without visits.
 */
export function requiredVisits(period: Period, settings: SupervisionSettings, plans: AnnualPlan[]): number {
  const { per, count } = settings.requirement
  const months = periodMonths(period).filter((m) => isVisitMonth(m, plans))
  if (per === 'month') return count * months.length
  if (period.kind === 'term') return count
  const term = termOf(period.from, settings)
  const termMonths = periodMonths(term).filter((m) => isVisitMonth(m, plans))
  const k = termMonths.indexOf(period.key) + 1
  if (k === 0) return 0
  const n = termMonths.length
  return Math.ceil((count * k) / n) - Math.ceil((count * (k - 1)) / n)
}

/** Everything periodFigures reads, as plain arrays. */
export interface FiguresInput {
  period: Period
  visits: Visit[]
  entries: LedgerEntry[]
  /** zones of every year (the period uses those of the year of its first day) */
  zones: Zone[]
  inspectors: Pick<Inspector, 'id' | 'name'>[]
  items: SupervisionItem[]
  settings: SupervisionSettings
  plans: AnnualPlan[]
  /** today's local date: figures of a period not yet over are read as of today */
  today: string
}

const inPeriod = (date: string, p: Period) => date >= p.from && date <= p.to
/** Entries that count as problems (无意见 is a finding without a problem). */
const problems = (entries: LedgerEntry[], p: Period) => entries.filter((e) => e.level !== '无意见' && inPeriod(e.foundDate, p))

/**
 * The figures of a month or a term:
 * - 入校所次 `visits`: visits dated in the period (a visit to one institution counts 1, companions add nothing);
 * - `institutionsVisited`: distinct institutions visited; `institutionsTotal`: institutions in a zone
 *   of the year of the period's first day; `coverage` = those of them visited / institutionsTotal;
 * - `problemsFound` and `problemsByItem`: entries whose 发现日期 is in the period, 无意见 excluded;
 *   by item in the list's order (every active item, retired ones only when counted, 未归类 last when counted);
 * - `problemsClosed`: of those, the ones 复查通过 or 已销号 on the as-of day;
 * - `rectifiedInPeriod`: entries of any period whose 复查 passed on a day in the period (the board's "closed");
 * - `previousRectification`: see PeriodFigures (status read on the as-of day);
 * - `overdue`: entries overdue on the as-of day (status then, from their history);
 * - the as-of day is the period's last day, or `today` when the period is not over.
 */
export function periodFigures(input: FiguresInput): PeriodFigures {
  const { period, settings } = input
  const asOf = input.today < period.to ? input.today : period.to
  const visits = input.visits.filter((v) => inPeriod(v.date, period))
  const year = Number(period.from.slice(0, 4))
  const zones = input.zones.filter((z) => z.year === year)
  const assigned = new Set(zones.flatMap((z) => z.institutionIds))
  const visited = new Set(visits.map((v) => v.institutionId))
  const found = problems(input.entries, period)
  const rectifiedOn = (e: LedgerEntry, day: string) => {
    const s = statusOn(e, day)
    return s !== null && RECTIFIED_STATUSES.includes(s)
  }

  const counts = new Map<string | null, number>()
  for (const e of found) counts.set(e.itemKey, (counts.get(e.itemKey) ?? 0) + 1)
  const byItem = input.items
    .filter((i) => i.active || counts.has(i.key))
    .map((i) => ({ itemKey: i.key as string | null, title: i.title, count: counts.get(i.key) ?? 0 }))
  const known = new Set(input.items.map((i) => i.key))
  const unsorted = found.filter((e) => e.itemKey === null || !known.has(e.itemKey)).length
  if (unsorted) byItem.push({ itemKey: null, title: '未归类', count: unsorted })

  const prev = previousPeriod(period, settings)
  const prevFound = problems(input.entries, prev)
  const prevRectified = prevFound.filter((e) => rectifiedOn(e, asOf)).length

  const required = requiredVisits(period, settings, input.plans)
  const names = new Map(input.inspectors.map((i) => [i.id, i.name]))
  const perInspector: InspectorPeriodFigures[] = zones
    .map((z) => ({ ...z, name: names.get(z.inspectorId) ?? '' }))
    .reduce<InspectorPeriodFigures[]>((acc, z) => {
      const own = visits.filter((v) => v.inspectorId === z.inspectorId)
      let row = acc.find((r) => r.inspectorId === z.inspectorId)
      if (!row) {
        row = { inspectorId: z.inspectorId, name: z.name, done: own.length, required: 0, institutionsVisited: 0, institutionsInZone: 0 }
        acc.push(row)
      }
      row.required += required * z.institutionIds.length
      row.institutionsInZone += z.institutionIds.length
      row.institutionsVisited += z.institutionIds.filter((id) => own.some((v) => v.institutionId === id)).length
      return acc
    }, [])
    .sort((a, b) => compareNames(a.name, b.name))

  return {
    period,
    asOf,
    visits: visits.length,
    institutionsVisited: visited.size,
    institutionsTotal: assigned.size,
    coverage: assigned.size ? [...assigned].filter((id) => visited.has(id)).length / assigned.size : null,
    problemsFound: found.length,
    problemsByItem: byItem,
    problemsClosed: found.filter((e) => rectifiedOn(e, asOf)).length,
    rectifiedInPeriod: input.entries.filter((e) =>
      e.history.some((h) => h.action === 'reviewPassed' && inPeriod(h.date, period) && h.date <= asOf),
    ).length,
    previousRectification: {
      period: prev,
      found: prevFound.length,
      rectified: prevRectified,
      rate: prevFound.length ? prevRectified / prevFound.length : null,
    },
    overdue: input.entries.filter((e) => {
      const s = statusOn(e, asOf)
      return s !== null && isOverdue({ deadline: e.deadline, status: s }, asOf)
    }).length,
    perInspector,
  }
}
