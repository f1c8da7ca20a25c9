import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js'
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
 * resvg's cost is its text: it reads the whole font file again for every glyph it outlines (≈ 1.7 ms a
 * glyph with the 19 MB CJK collections, ≈ 60 glyphs a chart), so a text run is shaped once per process:
 * runs outlined before (the axis ticks, indicator names and legend every year's chart carries, outlined
 * by a module's warm-up; see `outlineTexts`) and figures with a glyph atlas are drawn from outlines, the
 * others as text. Each chart is drawn off the main thread (resvg's `renderAsync`, libuv's thread pool: the
 * charts of a report in parallel), once per picture: a chart drawn or being drawn (same SVG, ECharts'
 * per-instance ids ignored) is taken from the cache. Fonts: the one CJK font file found (`fontOptions`),
 * the system's only when none is; none when no text is left.
 * @returns one PNG per input, in order
 */
export function svgPngs(charts: readonly { svg: string; width: number; height: number }[], scale = 2): Promise<ChartPng[]> {
  const keys = charts.map((c) => `${scale}|${c.width}x${c.height}|${canonicalSvg(c.svg)}`)
  const missing = charts.filter((_, i) => !PNG_CACHE.has(keys[i]))
  const texts = outlineTexts(missing.map((m) => m.svg))
  const outlined = new Map(missing.map((c, i) => [c, texts[i]] as const))
  return Promise.all(
    charts.map((c, i) => {
      const key = keys[i]
      let entry = PNG_CACHE.get(key)
      if (entry) {
        PNG_CACHE.delete(key) // most recently used last
      } else {
        const svg = outlined.get(c) ?? c.svg
        // runs not outlined before are drawn with the fonts; none left: no font file read
        const font = svg.includes('<text') ? fontOptions() : { loadSystemFonts: false }
        entry = renderAsync(svg, { fitTo: { mode: 'zoom', value: scale }, background: '#ffffff', font }).then((image) => ({
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

/**
 * A text run outlined (the `<g>` resvg makes of it, drawn at the origin), by its element without the
 * position: at most RUN_CACHE_SIZE runs (≈ 5 KB each), the least recently used dropped first.
 */
const RUN_CACHE = new Map<string, string>()
const RUN_CACHE_SIZE = 1000
/** A `<text>` element with plain content, as ECharts' SVG renderer writes its labels. */
const TEXT_ELEMENT = /<text\b([^>]*)>([^<]*)<\/text>/g
/** The position attributes of a text element: its `transform`, `x` and `y`. */
const POSITION = /\s(transform|x|y)="([^"]*)"/g

/** A text element split into what places it (transform, x, y) and what draws it (the rest: the cache key). */
function splitText(
  attrs: string,
  content: string,
): { key: string; rest: string; content: string; transform: string; x: string; y: string } {
  const place: Record<string, string> = { transform: '', x: '0', y: '0' }
  const rest = attrs.replace(POSITION, (_, name: string, value: string) => {
    place[name] = value
    return ''
  })
  return { key: `<text${rest}>${content}</text>`, rest, content, transform: place.transform, x: place.x, y: place.y }
}

/** The characters of the figures a chart prints (values, percentages): drawn from a glyph atlas, never shaped again. */
const FIGURE_CHARS = '0123456789.%-'
const FIGURE_RUN = /^[0-9.%-]+$/
const ANCHOR = /\stext-anchor="(start|middle|end)"/

/** One figure character of an atlas: its outline (a resvg path at the atlas position), where it sits, its advance. */
interface AtlasGlyph {
  path: string
  /** x of the glyph's origin in the atlas */
  origin: number
  advance: number
}
/** Glyph atlases of the figure characters, by text element attributes without position and anchor. */
const ATLASES = new Map<string, Map<string, AtlasGlyph> | null>()

/** The attributes that draw a run, without its anchor (an atlas serves every anchor). */
const atlasKey = (rest: string) => rest.replace(ANCHOR, '')

/**
 * Draws the figure characters with these attributes once (each twice in a row, in its own span: resvg
 * gives one path per span, so the distance between the two copies is the advance), kept in ATLASES.
 * An atlas whose paths do not come back one per span is not kept (such runs are shaped as text).
 */
function buildAtlas(key: string): void {
  const spans = [...FIGURE_CHARS].map((c) => `<tspan>${c}</tspan><tspan>${c}</tspan>`).join('')
  let tree: string
  try {
    tree = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><text${key} text-anchor="start">${spans}</text></svg>`, {
      font: fontOptions(),
    }).toString()
  } catch {
    ATLASES.set(key, null)
    return
  }
  const paths = [...tree.matchAll(/<path\b[^>]*\bd="M (-?[\d.]+) [^"]*"[^>]*\/>/g)]
  if (paths.length !== FIGURE_CHARS.length * 2) {
    ATLASES.set(key, null)
    return
  }
  const atlas = new Map<string, AtlasGlyph>()
  let origin = 0
  ;[...FIGURE_CHARS].forEach((c, i) => {
    const advance = Number(paths[2 * i + 1][1]) - Number(paths[2 * i][1])
    atlas.set(c, { path: paths[2 * i][0], origin, advance })
    origin += 2 * advance
  })
  ATLASES.set(key, atlas)
}

/**
 * A figure run (digits, `.`, `%`, `-`) drawn from its atlas as resvg would lay it out (glyphs side by side
 * at their advances, shifted for the anchor), or undefined when there is no atlas for its attributes.
 */
function figureRun(rest: string, content: string): string | undefined {
  if (!FIGURE_RUN.test(content)) return undefined
  const atlas = ATLASES.get(atlasKey(rest))
  if (!atlas) return undefined
  const glyphs = [...content].map((c) => atlas.get(c)!)
  const width = glyphs.reduce((w, g) => w + g.advance, 0)
  const anchor = ANCHOR.exec(rest)?.[1] ?? 'start'
  let x = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0
  const parts = glyphs.map((g) => {
    const part = `<g transform="translate(${+(x - g.origin).toFixed(4)} 0)">${g.path}</g>`
    x += g.advance
    return part
  })
  return `<g>${parts.join('')}</g>`
}

/**
 * The SVGs with the text runs (`<text>` elements) outlined before replaced by their outlines, as resvg
 * lays them out and draws them (same shaping, fonts, anchors, baselines, fills and strokes); the other
 * runs stay text. A run is keyed by its element without its position (`transform`, `x`, `y`).
 */
export function outlineTexts(svgs: readonly string[]): string[] {
  return svgs.map((svg) =>
    svg.replace(TEXT_ELEMENT, (whole, attrs: string, content: string) => {
      const { key, rest, transform, x, y } = splitText(attrs, content)
      const cached = RUN_CACHE.get(key)
      if (cached !== undefined) {
        RUN_CACHE.delete(key) // most recently used last
        RUN_CACHE.set(key, cached)
      }
      const run = cached ?? figureRun(rest, content)
      if (run === undefined) return whole
      return `<g transform="${transform ? `${transform} ` : ''}translate(${x} ${y})">${run}</g>`
    }),
  )
}

/** The distinct text runs of these SVGs not outlined yet (what drawing them would shape), by key. */
function runsToOutline(svgs: readonly string[]): string[] {
  const keys = new Set<string>()
  for (const svg of svgs)
    for (const m of svg.matchAll(TEXT_ELEMENT)) {
      const { key, rest, content } = splitText(m[1], m[2])
      if (!RUN_CACHE.has(key) && figureRun(rest, content) === undefined) keys.add(key)
    }
  return [...keys]
}

/**
 * Builds the glyph atlases of the figure runs of these SVGs (their attributes without anchor) not built
 * yet, one per turn (`nextTurn`): their values, whatever they are, are then drawn without shaping.
 */
export async function figureAtlases(svgs: readonly string[], nextTurn: () => Promise<void>): Promise<void> {
  const keys = new Set<string>()
  for (const svg of svgs)
    for (const m of svg.matchAll(TEXT_ELEMENT)) {
      const { rest, content } = splitText(m[1], m[2])
      if (FIGURE_RUN.test(content) && !ATLASES.has(atlasKey(rest))) keys.add(atlasKey(rest))
    }
  for (const key of keys) {
    await nextTurn()
    if (!ATLASES.has(key)) buildAtlas(key)
  }
}

/** How many distinct text runs of these SVGs are not outlined yet. */
export function runsLeftToOutline(svgs: readonly string[]): number {
  return runsToOutline(svgs).length
}

/**
 * Outlines the text runs of these SVGs one run at a time, letting other work through between runs (a
 * background warm-up: no step holds the event loop for more than one run's shaping, ≈ 5–20 ms); `nextTurn`
 * waits between runs (default: setImmediate).
 */
export async function outlineTextsGradually(
  svgs: readonly string[],
  nextTurn: () => Promise<void> = () => new Promise((next) => setImmediate(next)),
): Promise<void> {
  for (const key of runsToOutline(svgs)) {
    await nextTurn()
    if (!RUN_CACHE.has(key)) outlineRuns(new Map([[key, 'r0']]))
  }
}

/** Outlines runs (key → batch id) in one resvg pass and caches each run's `<g>` (its id dropped). */
function outlineRuns(wanted: Map<string, string>): void {
  const body = [...wanted].map(([key, id]) => key.replace(/^<text/, `<text id="${id}"`)).join('')
  let tree: string
  try {
    tree = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1">${body}</svg>`, { font: fontOptions() }).toString()
  } catch {
    return // drawn as text then
  }
  // one group per run: <g id="rN" …>paths</g> (paths only; anything else stays text)
  const groups = new Map<string, string>()
  for (const m of tree.matchAll(/<g id="(r\d+)"([^>]*)>([\s\S]*?)<\/g>/g)) {
    const inner = m[3].trim()
    if (/^(<path\b[^>]*\/>\s*)*$/.test(inner)) groups.set(m[1], `<g${m[2]}>${inner}</g>`)
  }
  for (const [key, id] of wanted) {
    const g = groups.get(id)
    if (g !== undefined) RUN_CACHE.set(key, g)
    else if (!tree.includes(`id="${id}"`)) RUN_CACHE.set(key, '') // nothing drawn (no glyph, blank run)
  }
  while (RUN_CACHE.size > RUN_CACHE_SIZE) RUN_CACHE.delete(RUN_CACHE.keys().next().value!)
}

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
