import type { BalanceEvaluation } from '../../../shared/balance/evaluateBalance'
import type { Stage } from '../../../shared/balance/types'
import { chartSvg, svgPngs } from '../preschool/chartImages'

/** Fonts the chart text asks for, in order: Windows, then the Noto CJK fonts of Linux. */
const FONT = "'Microsoft YaHei', SimHei, 'Noto Sans CJK SC', 'Noto Serif CJK SC', 'Source Han Sans SC', sans-serif"
const SHORT = ['高于规定学历教师', '县级以上骨干教师', '体育艺术教师', '生均教学用房', '生均体育场馆', '生均仪器设备值', '网络多媒体教室']

/** A chart of the 自评报告 as SVG text and the same picture as PNG (for Word before 2016, WPS, LibreOffice). */
export interface ReportChart {
  svg: string
  png: Buffer
  widthPx: number
  heightPx: number
}

/**
 * The 差异系数 charts of the 学段 that have coefficients (cvChartSvg), rasterised off the main thread in
 * parallel, once per picture (`svgPngs`).
 */
export async function cvCharts(ev: BalanceEvaluation, stages: readonly Stage[]): Promise<Partial<Record<Stage, ReportChart>>> {
  const svgs = stages.flatMap((stage) => {
    const c = cvChartSvg(ev, stage)
    return c ? [{ stage, ...c }] : []
  })
  const pngs = await svgPngs(svgs.map((c) => ({ svg: c.svg, width: c.widthPx, height: c.heightPx })))
  return Object.fromEntries(svgs.map((c, i) => [c.stage, { svg: c.svg, png: pngs[i].png, widthPx: c.widthPx, heightPx: c.heightPx }]))
}

/**
 * The seven student-weighted 差异系数 of one 学段 as a bar chart with the limit line (0.50 / 0.45), drawn by
 * ECharts' server-side SVG renderer (640 × 320 CSS pixels; `cvCharts` adds the PNG at 2×). Null when the
 * 学段 has no coefficient.
 */
export function cvChartSvg(ev: BalanceEvaluation, stage: Stage): { svg: string; widthPx: number; heightPx: number } | null {
  const list = ev.cv.filter((c) => c.stage === stage)
  if (list.length === 0) return null
  const limit = list[0].limit
  const widthPx = 640
  const heightPx = 320
  const svg = chartSvg(
    {
      textStyle: { fontFamily: FONT },
      title: { text: `${stage}各项指标校际差异系数`, left: 'center', textStyle: { fontSize: 15, fontFamily: FONT } },
      grid: { left: 50, right: 20, top: 40, bottom: 70 },
      xAxis: { type: 'category', data: SHORT, axisLabel: { interval: 0, rotate: 25, fontSize: 11, fontFamily: FONT } },
      yAxis: {
        type: 'value',
        max: Math.max(0.6, Math.ceil(Math.max(...list.map((c) => c.value ?? 0)) * 10) / 10),
        axisLabel: { fontFamily: FONT },
      },
      series: [
        {
          type: 'bar',
          data: list.map((c) => ({
            value: c.value,
            itemStyle: { color: c.met === false ? '#d9534f' : c.met === true ? '#5b9b3a' : '#bbbbbb' },
          })),
          label: {
            show: true,
            position: 'top',
            fontSize: 11,
            fontFamily: FONT,
            formatter: (p: { value: number | null }) => (p.value === null ? '无数据' : p.value.toFixed(3)),
          },
          markLine:
            limit === null
              ? undefined
              : {
                  symbol: 'none',
                  lineStyle: { color: '#e08a00', type: 'dashed', width: 2 },
                  label: { formatter: `上限 ${limit.toFixed(2)}`, position: 'insideEndTop', fontFamily: FONT },
                  data: [{ yAxis: limit }],
                },
        },
      ],
    },
    widthPx,
    heightPx,
  )
  return { svg, widthPx, heightPx }
}
