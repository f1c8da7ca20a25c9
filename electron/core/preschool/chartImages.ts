import { Resvg } from '@resvg/resvg-js'
import * as echarts from 'echarts'

/** Chinese faces for chart text, in order: the office PC's (Windows) first, then Linux's Noto CJK. */
export const CHART_FONT_FAMILY = 'Microsoft YaHei, SimHei, Noto Sans CJK SC, Source Han Sans SC, sans-serif'

/**
 * Renders an ECharts option to an SVG string without a browser (ECharts server-side rendering).
 * @param width / height in CSS pixels
 */
export function chartSvg(option: object, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT_FAMILY }, ...option })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

/**
 * Renders an ECharts option to a PNG (for a Word report: every reader shows a PNG), through SVG and
 * resvg with the system's fonts. `scale` multiplies the pixel size (2 = print quality at the size
 * given in CSS pixels).
 * @returns PNG bytes and the pixel size
 */
export function chartPng(option: object, width: number, height: number, scale = 2): { png: Buffer; width: number; height: number } {
  const svg = chartSvg(option, width, height)
  // resvg loads the system's fonts on every render (≈ 100 ms): the same chart (same data) is drawn once
  const key = `${scale}|${svg}`
  const cached = PNG_CACHE.get(key)
  if (cached) return cached
  const result = renderPng(svg, scale)
  PNG_CACHE.set(key, result)
  if (PNG_CACHE.size > 16) PNG_CACHE.delete(PNG_CACHE.keys().next().value!)
  return result
}

const PNG_CACHE = new Map<string, { png: Buffer; width: number; height: number }>()

function renderPng(svg: string, scale: number): { png: Buffer; width: number; height: number } {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
  })
  const image = resvg.render()
  return { png: image.asPng(), width: image.width, height: image.height }
}
