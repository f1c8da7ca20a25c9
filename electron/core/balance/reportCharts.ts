import { Resvg } from '@resvg/resvg-js'
import * as echarts from 'echarts'
import type { BalanceEvaluation } from '../../../shared/balance/evaluateBalance'
import type { Stage } from '../../../shared/balance/types'

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
 * The seven student-weighted 差异系数 of one 学段 as a bar chart with the limit line (0.50 / 0.45), drawn by
 * ECharts' server-side SVG renderer and rasterised by resvg at 2× for the PNG stand-in. Null when the 学段
 * has no coefficient.
 */
export function cvChart(ev: BalanceEvaluation, stage: Stage): ReportChart | null {
  const list = ev.cv.filter((c) => c.stage === stage)
  if (list.length === 0) return null
  const limit = list[0].limit
  const widthPx = 640
  const heightPx = 320
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: widthPx, height: heightPx })
  chart.setOption({
    animation: false,
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
  })
  const svg = chart.renderToSVGString()
  chart.dispose()
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
    background: '#ffffff',
  })
    .render()
    .asPng()
  return { svg, png, widthPx, heightPx }
}
