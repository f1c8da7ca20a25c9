import type { PreschoolTrendPoint, PreschoolYearView } from './dashboard'

/**
 * A tooltip's value in percent; 无数据 for a year or 乡镇 without the figure (ECharts hands null, undefined or '-'
 * for a gap: it printed 「undefined%」).
 */
export function percentOrNoData(v: unknown): string {
  return typeof v === 'number' && Number.isFinite(v) ? `${v}%` : '无数据'
}

/**
 * ECharts options of the 学前教育 charts, as plain data (no ECharts import here): the dashboard draws
 * them in the browser, the report renders them without a browser (ECharts SSR → SVG → PNG).
 */

const pct = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 10000) / 100)
export const HEADLINE_KEYS = ['grossEnrolmentRate', 'affordableCoverageRate', 'publicShare'] as const
const COLOURS = { met: '#3a8d57', notMet: '#c0392b', noData: '#b0b3b8' }
/** Grey shades for print (the report, black-and-white printers): status by shade, series by pattern. */
const MONO = { met: '#9a9a9a', notMet: '#555555', noData: '#dddddd' }
const MONO_PALETTE = ['#333333', '#777777', '#aaaaaa']

/**
 * The option for print: a grey palette and patterns (decals) instead of colours, no animation.
 * The report's charts are drawn this way; the screen keeps its colours.
 */
export function monochrome<T extends object>(option: T): T & { color: string[]; aria: object; animation: false } {
  return { ...option, color: MONO_PALETTE, aria: { enabled: true, decal: { show: true } }, animation: false }
}

/** The three rates against their thresholds: a bullet chart (bar = value, dark marker = standard). */
export function headlineOption(view: Pick<PreschoolYearView, 'evaluation'>, options: { mono?: boolean } = {}) {
  const colours = options.mono ? MONO : COLOURS
  const items = HEADLINE_KEYS.map((k) => view.evaluation.indicators.find((i) => i.key === k)).filter((i) => i !== undefined)
  const names = items.map((i) => i.name)
  return {
    grid: { left: 150, right: 60, top: 10, bottom: 30 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: percentOrNoData },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: names, inverse: true },
    series: [
      {
        name: '实际值',
        type: 'bar',
        barWidth: 18,
        data: items.map((i) => ({
          value: pct(i.value) ?? 0,
          itemStyle: { color: colours[i.status === 'met' ? 'met' : i.status === 'notMet' ? 'notMet' : 'noData'] },
        })),
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => items[p.dataIndex].display },
      },
      {
        name: '标准',
        type: 'pictorialBar',
        symbol: 'rect',
        symbolSize: [4, 30],
        symbolPosition: 'end',
        symbolOffset: ['50%', 0],
        z: 10,
        itemStyle: { color: '#303133' },
        data: items.map((i) => pct(i.threshold)),
      },
    ],
  }
}

/** The three rates over the years, with dashed standards. */
export function trendOption(points: PreschoolTrendPoint[], view: PreschoolYearView | null) {
  const threshold = (k: string) => pct(view?.evaluation.indicators.find((i) => i.key === k)?.threshold ?? null)
  const series = [
    { key: 'grossEnrolmentRate', name: '学前三年毛入园率' },
    { key: 'affordableCoverageRate', name: '普惠性幼儿园覆盖率' },
    { key: 'publicShare', name: '公办园在园幼儿占比' },
  ] as const
  return {
    grid: { left: 50, right: 30, top: 40, bottom: 30 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: percentOrNoData },
    xAxis: { type: 'category', data: points.map((p) => `${p.year}年`) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: series.map((s, i) => ({
      name: s.name,
      type: 'line',
      symbolSize: 8,
      lineStyle: { type: (['solid', 'dashed', 'dotted'] as const)[i] },
      connectNulls: false,
      data: points.map((p) => pct(p[s.key])),
      markLine:
        threshold(s.key) === null
          ? undefined
          : {
              symbol: 'none',
              silent: true,
              lineStyle: { type: 'dashed', width: 1 },
              label: { formatter: `${s.name.slice(0, 4)}标准 {c}%` },
              data: [{ yAxis: threshold(s.key) }],
            },
    })),
  }
}

/** Per 乡镇: 普惠性幼儿园覆盖率 and 公办园在园幼儿占比 side by side, with the county standards. */
export function townshipOption(view: Pick<PreschoolYearView, 'evaluation'>) {
  const rows = view.evaluation.breakdown.township
  const t = (k: string) => pct(view.evaluation.indicators.find((i) => i.key === k)?.threshold ?? null)
  return {
    grid: { left: 50, right: 48, top: 40, bottom: 50 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: percentOrNoData },
    xAxis: { type: 'category', data: rows.map((r) => r.group), axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: '普惠性幼儿园覆盖率',
        type: 'bar',
        data: rows.map((r) => pct(r.affordableCoverageRate.value)),
        markLine: {
          symbol: 'none',
          silent: true,
          data: t('affordableCoverageRate') === null ? [] : [{ yAxis: t('affordableCoverageRate') }],
          label: { formatter: '{c}%' },
        },
      },
      {
        name: '公办园在园幼儿占比',
        type: 'bar',
        itemStyle: { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -0.8 } },
        data: rows.map((r) => pct(r.publicShare.value)),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dotted' },
          data: t('publicShare') === null ? [] : [{ yAxis: t('publicShare') }],
          label: { formatter: '{c}%' },
        },
      },
    ],
  }
}

/** A kindergarten's 在园幼儿 and 专任教师 over the years. */
export function historyOption(years: { statYear: number; children: number; teachers: number | null }[]) {
  return {
    grid: { left: 50, right: 50, top: 40, bottom: 30 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: years.map((y) => `${y.statYear}年`) },
    yAxis: [
      { type: 'value', name: '在园幼儿（人）' },
      { type: 'value', name: '专任教师（人）' },
    ],
    series: [
      { name: '在园幼儿', type: 'bar', barMaxWidth: 40, data: years.map((y) => y.children) },
      { name: '专任教师', type: 'line', yAxisIndex: 1, data: years.map((y) => y.teachers) },
    ],
  }
}
