import { monthPeriod, periodFigures, type FiguresInput } from '../../../../shared/supervision/figures'
import type { LedgerRow, PeriodFigures, SupervisionItem, Visit } from '../../../../shared/supervision/types'
import type { InstitutionOption } from './useReference'

/**
 * Pure figures and chart options of the supervision screens (no DOM, no calls): what the month board
 * and the charts show is computed here from the lists the core returns, with the core's own pure
 * `periodFigures` (shared/supervision/figures.ts) so the board and the 通报 count alike.
 */

/** One institution's line on the month board. */
export interface InstitutionProgress {
  id: number
  name: string
  zoneName: string
  inspectorId: number | null
  done: number
  required: number
  lastVisit: string
  openProblems: number
}

/**
 * Visits done (as lead 督学, dated in the month) against `required` for every institution of the year's
 * zones (gaps included with their own requirement: they still need visits), least done first.
 */
export function institutionProgress(
  institutions: InstitutionOption[],
  visits: Pick<Visit, 'institutionId' | 'date'>[],
  openRows: Pick<LedgerRow, 'institutionId'>[],
  month: string,
  required: number,
): InstitutionProgress[] {
  const p = monthPeriod(month)
  return institutions
    .map((i) => {
      const own = visits.filter((v) => v.institutionId === i.id)
      const inMonth = own.filter((v) => v.date >= p.from && v.date <= p.to)
      const before = own.filter((v) => v.date <= p.to).map((v) => v.date)
      return {
        ...i,
        done: inMonth.length,
        required,
        lastVisit: before.sort().at(-1) ?? '',
        openProblems: openRows.filter((r) => r.institutionId === i.id).length,
      }
    })
    .sort((a, b) => a.done - a.required - (b.done - b.required) || a.name.localeCompare(b.name, 'zh-CN'))
}

/** `0.8571` → `85.7%`; null → `—`. */
export const percentText = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`)

/** The 12 months `YYYY-01` … `YYYY-12` of a year. */
export const monthsOf = (year: number) => Array.from({ length: 12 }, (_, k) => `${year}-${String(k + 1).padStart(2, '0')}`)

/** Month figures of a year, each month as of its last day (or today): the base of the trend charts. */
export function yearFigures(year: number, input: Omit<FiguresInput, 'period'>): PeriodFigures[] {
  return monthsOf(year)
    .filter((m) => `${m}-01` <= input.today)
    .map((m) => periodFigures({ ...input, period: monthPeriod(m) }))
}

const grid = { left: 40, right: 16, top: 36, bottom: 28, containLabel: true }

/** Stacked bars: problems found per month of the year, one series per 督导事项 (无意见 not counted). */
export function problemsByItemOption(figures: PeriodFigures[], items: SupervisionItem[]) {
  const keys = new Map<string | null, string>()
  for (const f of figures) for (const b of f.problemsByItem) if (b.count) keys.set(b.itemKey, b.title)
  const order = new Map(items.map((i, k) => [i.key as string | null, k]))
  return {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid,
    xAxis: { type: 'category', data: figures.map((f) => `${Number(f.period.key.slice(5))}月`) },
    yAxis: { type: 'value', minInterval: 1, name: '个' },
    series: [...keys]
      .sort((a, b) => (order.get(a[0]) ?? 99) - (order.get(b[0]) ?? 99))
      .map(([key, title]) => ({
        name: title,
        type: 'bar',
        stack: 'problems',
        data: figures.map((f) => f.problemsByItem.find((b) => b.itemKey === key)?.count ?? 0),
      })),
  }
}

/**
 * 整改率 per month: of the problems found in the month, the share 复查通过 or 已销号 as of the month's
 * last day (or today), in percent; a month that found none has no point.
 */
export function rectificationTrendOption(figures: PeriodFigures[]) {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`) },
    grid,
    xAxis: { type: 'category', data: figures.map((f) => `${Number(f.period.key.slice(5))}月`) },
    yAxis: { type: 'value', min: 0, max: 100, name: '%' },
    series: [
      {
        name: '整改率',
        type: 'line',
        connectNulls: true,
        data: figures.map((f) => (f.problemsFound ? Math.round((f.problemsClosed / f.problemsFound) * 1000) / 10 : null)),
      },
    ],
  }
}

/** Horizontal bars: overdue entries per institution (most first, at most 15). */
export function overdueByInstitutionOption(rows: Pick<LedgerRow, 'institutionName' | 'overdue'>[]) {
  const counts = new Map<string, number>()
  for (const r of rows) if (r.overdue) counts.set(r.institutionName, (counts.get(r.institutionName) ?? 0) + 1)
  const top = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))
    .slice(0, 15)
    .reverse()
  return {
    tooltip: { trigger: 'axis' },
    grid: { ...grid, top: 12 },
    xAxis: { type: 'value', minInterval: 1, name: '个' },
    yAxis: { type: 'category', data: top.map(([n]) => n) },
    series: [{ name: '逾期问题', type: 'bar', data: top.map(([, c]) => c), itemStyle: { color: '#c45656' } }],
  }
}
