import type { SupervisionCharts } from '../../../../shared/supervision/views'

/**
 * Chart options of the supervision screens, pure (no DOM, no calls): the core computes the figures
 * (`supervision.charts`, from the same periodFigures the 督导通报 prints); these only draw them.
 */

/** `0.8571` → `85.7%`; null → `—`. */
export const percentText = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`)

const monthLabel = (m: string) => `${Number(m.slice(5, 7))}月`
const grid = { left: 40, right: 16, top: 36, bottom: 28, containLabel: true }

/** Stacked bars: problems found per month, one series per 督导事项 that found any (in the list's order). */
export function problemsByItemOption(c: Pick<SupervisionCharts, 'months' | 'byItemMonth'>) {
  const series = c.byItemMonth.items
    .map((item, i) => ({ name: item.title, type: 'bar', stack: 'problems', data: c.byItemMonth.counts[i] ?? [] }))
    .filter((s) => s.data.some((n) => n > 0))
  return {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid,
    xAxis: { type: 'category', data: c.months.map(monthLabel) },
    yAxis: { type: 'value', minInterval: 1, name: '个' },
    series,
  }
}

/** 整改率 of each month's problems in percent (one decimal); a month that found none has no point. */
export function rectificationTrendOption(c: Pick<SupervisionCharts, 'rectificationTrend'>) {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`) },
    grid,
    xAxis: { type: 'category', data: c.rectificationTrend.map((p) => monthLabel(p.month)) },
    yAxis: { type: 'value', min: 0, max: 100, name: '%' },
    series: [
      {
        name: '整改率',
        type: 'line',
        connectNulls: true,
        data: c.rectificationTrend.map((p) => (p.rate === null ? null : Math.round(p.rate * 1000) / 10)),
      },
    ],
  }
}

/** Horizontal bars: overdue problems per institution, at most 15, the most at the top. */
export function overdueByInstitutionOption(c: Pick<SupervisionCharts, 'overdueByInstitution'>) {
  const top = c.overdueByInstitution.slice(0, 15).reverse() // a category axis draws its first entry at the bottom
  return {
    tooltip: { trigger: 'axis' },
    grid: { ...grid, top: 12 },
    xAxis: { type: 'value', minInterval: 1, name: '个' },
    yAxis: { type: 'category', data: top.map((r) => r.name) },
    series: [{ name: '逾期问题', type: 'bar', data: top.map((r) => r.count), itemStyle: { color: '#c45656' } }],
  }
}
