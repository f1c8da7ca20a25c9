import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js'
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

/** A rasterised chart: PNG bytes and its pixel size. */
export interface ChartPng {
  png: Buffer
  width: number
  height: number
}

/**
 * Renders an ECharts option to a PNG (for a Word report: every reader shows a PNG), through SVG and
 * resvg. `scale` multiplies the pixel size (2 = print quality at the size given in CSS pixels).
 */
export function chartPng(option: object, width: number, height: number, scale = 2): Promise<ChartPng> {
  return svgPngs([{ svg: chartSvg(option, width, height), width, height }], scale).then((r) => r[0])
}

/**
 * Rasterises chart SVGs (as `chartSvg` makes them, `width` × `height` CSS pixels each) to PNGs at `scale`.
 * resvg's cost is its font work (shaping with the CJK face: ≈ 150–250 ms a chart whatever the font
 * files given), so each chart is drawn off the main thread (resvg's `renderAsync`, libuv's thread pool:
 * the charts of a report in parallel, other requests answered meanwhile), once per picture: a chart drawn
 * or being drawn (same SVG, ECharts' per-instance ids ignored) is taken from the cache. Fonts: the one CJK
 * font file found (`fontOptions`), the system's only when none is.
 * @returns one PNG per input, in order
 */
export function svgPngs(charts: readonly { svg: string; width: number; height: number }[], scale = 2): Promise<ChartPng[]> {
  return Promise.all(
    charts.map((c) => {
      const key = `${scale}|${c.width}x${c.height}|${canonicalSvg(c.svg)}`
      let entry = PNG_CACHE.get(key)
      if (entry) {
        PNG_CACHE.delete(key) // most recently used last
      } else {
        entry = renderAsync(c.svg, { fitTo: { mode: 'zoom', value: scale }, background: '#ffffff', font: fontOptions() }).then((image) => ({
          png: image.asPng(),
          width: image.width,
          height: image.height,
        }))
        entry.catch(() => PNG_CACHE.delete(key)) // a failed render is not kept
      }
      PNG_CACHE.set(key, entry)
      while (PNG_CACHE.size > 32) PNG_CACHE.delete(PNG_CACHE.keys().next().value!)
      return entry
    }),
  )
}

const PNG_CACHE = new Map<string, Promise<ChartPng>>()

/** The SVG with ECharts' instance-numbered ids and classes (`zr3-cls-7`, `zr3-p0`, `zr3-c1`) renumbered in order of appearance. */
export function canonicalSvg(svg: string): string {
  const names = new Map<string, string>()
  return svg.replace(/\bzr\d+-([a-z]+)-?\d+/g, (m, kind: string) => {
    let n = names.get(m)
    if (!n) names.set(m, (n = `z-${kind}-${names.size}`))
    return n
  })
}

/**
 * Where the chart faces live, in the order of CHART_FONT_FAMILY: Microsoft YaHei / SimHei on Windows,
 * Noto Sans CJK (Debian, Ubuntu, Fedora, Arch paths), WenQuanYi, PingFang on macOS. Each with the family
 * name resvg falls back to.
 */
function fontCandidates(): { files: string[]; family: string }[] {
  const win = join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts')
  return [
    { files: [join(win, 'msyh.ttc'), join(win, 'msyhbd.ttc')], family: 'Microsoft YaHei' },
    { files: [join(win, 'simhei.ttf')], family: 'SimHei' },
    ...[
      '/usr/share/fonts/opentype/noto',
      '/usr/share/fonts/noto-cjk',
      '/usr/share/fonts/google-noto-cjk',
      '/usr/share/fonts/opentype/noto-cjk',
    ].map((d) => ({ files: [`${d}/NotoSansCJK-Regular.ttc`, `${d}/NotoSansCJK-Bold.ttc`], family: 'Noto Sans CJK SC' })),
    { files: ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'], family: 'WenQuanYi Micro Hei' },
    { files: ['/System/Library/Fonts/PingFang.ttc'], family: 'PingFang SC' },
  ]
}

let fonts: ResvgRenderOptions['font'] | undefined
/**
 * resvg's font options, decided once per process: the first CJK face found (its regular file required,
 * bold when present) without the system's other fonts; the system's fonts when none is found.
 */
export function fontOptions(): ResvgRenderOptions['font'] {
  if (fonts) return fonts
  const found = fontCandidates().find((c) => existsSync(c.files[0]))
  fonts = found
    ? { loadSystemFonts: false, fontFiles: found.files.filter((f) => existsSync(f)), defaultFontFamily: found.family }
    : { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' }
  return fonts
}
