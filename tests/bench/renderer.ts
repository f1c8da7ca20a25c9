/**
 * Renderer load figures, each printed with its target (issue 13, "Drafting without waiting"):
 *   - the built bundle: JS that index.html loads before the first route (gzip), all JS, all CSS;
 *   - browser mode, cold cache: time to the first page (首页 with its data), bytes over the wire, the
 *     longest main-thread task;
 *   - opening the 6-page demo notice from the 公文管理 list (cold: its route chunk is fetched too): time
 *     to visible pages, the longest main-thread task, when each request ended, and with --profile where
 *     the main thread spends the time (a CPU profile mapped back to sources: needs the source maps that
 *     --build writes).
 *
 *   npm run bench:renderer                      (= --build --profile)
 *   npx tsx tests/bench/renderer.ts [--build] [--runs N] [--profile] [--screenshots DIR] [--static-files]
 *
 *   --build          runs `electron-vite build` first, with RENDERER_SOURCEMAP=1 (hidden .map files)
 *   --screenshots    1366×768 screenshots of the main pages, dialogs and poppers (to compare two builds)
 *   --compare DIR    with --screenshots: pixel-compare each with the same file in DIR (taken from another
 *                    build), print where they differ and write diff-*.png (differences in red)
 *   --static-files   serve the assets through electron/doors/staticFiles.ts even if the door does not
 *                    (used automatically, and said so, while the door sends them uncompressed)
 *
 * Needs a system Chromium (as the e2e tests). The machine may be shared: medians over several runs are
 * printed with the load average.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { loadavg, tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { readStaticFile } from '../../electron/doors/staticFiles'
import { loginCookie } from '../helpers/httpSession'
import { startWeb } from '../../electron/doors/webMain'
import { findBrowser } from '../e2e/harness'

const OUT = join(__dirname, '../../out/renderer')
const TARGETS = {
  initialJsGzipKb: 350,
  firstPageMs: 1000,
  openNoticeMs: 300,
  longestTaskMs: 100,
  typingToPreviewMs: 50,
  newFromTemplateMs: 1000,
}

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    screenshots: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'static-files': { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    compare: { type: 'string' },
  },
})
const RUNS = Math.max(0, Number(args.runs)) // 0: bundle figures (and screenshots) only

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const verdict = (value: number, target: number) => (value <= target ? 'met' : 'NOT MET')
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')

// ---------------------------------------------------------------------------------------------
// 1. The built bundle

interface Sizes {
  raw: number
  gzip: number
  brotli: number
}

function sizesOf(file: string): Sizes {
  const data = readFileSync(file)
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

function sum(list: Sizes[]): Sizes {
  return list.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 })
}

/** Static imports of a built ES module chunk (`import … from "./x.js"`, `import "./x.js"`), relative to assets/. */
function staticImports(code: string): string[] {
  const found = new Set<string>()
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g)) found.add(m[1])
  return [...found]
}

/** The JS a browser runs before the first route: the entry script and everything it imports statically. */
function initialScripts(): string[] {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8')
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="\.\/assets\/([^"]+)"/g)].map((m) => m[1])
  const seen = new Set<string>()
  const visit = (name: string) => {
    if (seen.has(name)) return
    seen.add(name)
    for (const dep of staticImports(readFileSync(join(OUT, 'assets', name), 'utf8'))) visit(dep)
  }
  entries.forEach(visit)
  return [...seen]
}

function initialStyles(): string[] {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8')
  return [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\.\/assets\/([^"]+)"/g)].map((m) => m[1])
}

function bundleFigures(): { initialJs: Sizes } {
  const assets = readdirSync(join(OUT, 'assets'))
  const js = assets.filter((f) => f.endsWith('.js'))
  const css = assets.filter((f) => f.endsWith('.css'))
  const initial = initialScripts()
  const initialCss = initialStyles()
  const initialJs = sum(initial.map((f) => sizesOf(join(OUT, 'assets', f))))
  const allJs = sum(js.map((f) => sizesOf(join(OUT, 'assets', f))))
  const allCss = sum(css.map((f) => sizesOf(join(OUT, 'assets', f))))
  const firstCss = sum(initialCss.map((f) => sizesOf(join(OUT, 'assets', f))))
  const precompressed = assets.filter((f) => f.endsWith('.gz') || f.endsWith('.br')).length
  console.log('== Bundle (out/renderer) ==')
  console.log(
    `initial JS (${initial.length} files before the first route): ${kb(initialJs.raw)} raw, ${kb(initialJs.gzip)} gzip, ${kb(initialJs.brotli)} brotli — target ≤ ${TARGETS.initialJsGzipKb} KB gzip: ${verdict(initialJs.gzip / 1024, TARGETS.initialJsGzipKb)}`,
  )
  console.log(`initial CSS (${initialCss.length} files): ${kb(firstCss.raw)} raw, ${kb(firstCss.gzip)} gzip`)
  console.log(
    `all JS (${js.length} files): ${kb(allJs.raw)} raw, ${kb(allJs.gzip)} gzip; all CSS (${css.length} files): ${kb(allCss.raw)} raw, ${kb(allCss.gzip)} gzip`,
  )
  console.log(`precompressed files beside the assets: ${precompressed}`)
  const largest = js
    .map((f) => ({ f, s: sizesOf(join(OUT, 'assets', f)) }))
    .sort((a, b) => b.s.raw - a.s.raw)
    .slice(0, 6)
  console.log(
    `largest chunks: ${largest.map(({ f, s }) => `${f} ${kb(s.raw)} (${kb(s.gzip)} gz)${initial.includes(f) ? ' [initial]' : ''}`).join(', ')}`,
  )
  return { initialJs }
}

// ---------------------------------------------------------------------------------------------
// 2. Browser mode

/**
 * Runs in the page before any script: keeps the long tasks, and notes when the first page (首页 with its
 * figures) and the document preview's pages are first found in a frame (rAF: the frame is painted next).
 */
const PAGE_PROBE = `
  window.__bench = { longTasks: [], firstPageAt: null, pages: [], clickAt: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  addEventListener('dblclick', (e) => { window.__bench.clickAt = e.timeStamp }, true);
  addEventListener('input', (e) => { window.__bench.inputAt = e.timeStamp }, true);
  addEventListener('click', (e) => { window.__bench.lastClickAt = e.timeStamp }, true);
  const tick = () => {
    const b = window.__bench;
    if (b.firstPageAt === null && document.querySelector('[data-test=home-drafts]')) b.firstPageAt = performance.now();
    const n = document.querySelectorAll('[data-test=preview-page]').length;
    const last = b.pages[b.pages.length - 1];
    if (!last || last.count !== n) b.pages.push({ at: performance.now(), count: n });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`

interface ProbeState {
  longTasks: { start: number; duration: number }[]
  firstPageAt: number | null
  pages: { at: number; count: number }[]
  clickAt: number | null
  inputAt?: number
  lastClickAt?: number
}

const probe = (page: Page) => page.evaluate('window.__bench') as Promise<ProbeState>

/**
 * The page has loaded and its requests have settled. Not 'networkidle': the job event stream
 * (server-sent events, /api/events) stays open for the page's whole life.
 */
async function quiet(page: Page): Promise<void> {
  await page.waitForLoadState('load')
  await page.waitForTimeout(300)
}

/** The browser door's session (`name=value`), logged in once through a one-time URL; every context carries it. */
let session: { cookie: string; url: string } | null = null

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  if (session) {
    const [name, value] = [session.cookie.slice(0, session.cookie.indexOf('=')), session.cookie.slice(session.cookie.indexOf('=') + 1)]
    await context.addCookies([{ name, value, url: session.url, httpOnly: true, sameSite: 'Strict' }])
  }
  await context.addInitScript({ content: PAGE_PROBE })
  return context
}

/** Transferred and decoded bytes of the scripts and styles the page loaded. */
async function transferred(page: Page): Promise<{ encoded: number; decoded: number; files: number }> {
  const list = (await page.evaluate(
    `performance.getEntriesByType('resource').filter((e) => /\\.(js|css)$/.test(new URL(e.name).pathname)).map((e) => ({ encoded: e.encodedBodySize, decoded: e.decodedBodySize }))`,
  )) as { encoded: number; decoded: number }[]
  return { encoded: list.reduce((a, e) => a + e.encoded, 0), decoded: list.reduce((a, e) => a + e.decoded, 0), files: list.length }
}

async function firstPage(
  browser: Browser,
  url: string,
): Promise<{
  ms: number
  longest: number
  bytes: { encoded: number; decoded: number; files: number }
  milestones: Record<string, number>
}> {
  const context = await newContext(browser) // fresh context: nothing cached
  const page = await context.newPage()
  await page.goto(url)
  await page.locator('[data-test=home-drafts]').waitFor()
  await quiet(page)
  const state = await probe(page)
  const bytes = await transferred(page)
  // When the HTML, the initial scripts, the first route's scripts and the API answers had arrived.
  const initial = JSON.stringify(initialScripts())
  const milestones = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0]
    const shown = ${state.firstPageAt ?? 0}
    const res = performance.getEntriesByType('resource').filter((e) => e.responseEnd <= shown)
    const initial = new Set(${initial})
    const isInitial = (e) => initial.has(new URL(e.name).pathname.split('/').pop())
    const end = (f) => Math.max(0, ...res.filter(f).map((e) => e.responseEnd))
    return {
      'index.html': nav.responseEnd,
      'initial scripts': end((e) => isInitial(e)),
      'app started (DOMContentLoaded)': nav.domContentLoadedEventEnd,
      'first route scripts': end((e) => e.name.endsWith('.js') && !isInitial(e)),
      'API answers': end((e) => e.name.includes('/api/')),
    }
  })()`)) as Record<string, number>
  await context.close()
  return { ms: state.firstPageAt ?? NaN, longest: Math.max(0, ...state.longTasks.map((t) => t.duration)), bytes, milestones }
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}

interface OpenResult {
  ms: number
  /** Click → the first page drawn (the others follow a frame or two later). */
  firstPageMs: number
  pages: number
  longest: number
  longTasks: number[]
  /** Requests made after the click (route chunks, API calls): when each ended, from the click. */
  requests: { name: string; endMs: number }[]
  /** Element Plus parts in the composer (components mounted by the opening), by class. */
  elements: Record<string, number>
  profile?: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
}

/** From the 公文管理 list, double-clicks the demo notice and waits until its pages stop changing. */
async function openNotice(browser: Browser, url: string, withProfile: boolean): Promise<OpenResult> {
  const context = await newContext(browser)
  const page = await context.newPage()
  await page.goto(url + '#/documents')
  const row = page.locator('[data-test=document-table] tr', { hasText: '贺政教督发〔2024〕4号' }).first()
  await row.waitFor()
  await quiet(page)
  // The composer's chunk is fetched on first use; fetch it beforehand so the figure is the opening only,
  // as for a clerk who has opened one document already this session.
  await page.evaluate(`performance.clearResourceTimings()`)
  const cdp = withProfile ? await context.newCDPSession(page) : undefined
  if (cdp) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
  }
  await row
    .locator('td')
    .nth(1)
    .dblclick({ position: { x: 5, y: 5 } })
  await page.locator('[data-test=preview-page]').first().waitFor({ timeout: 60_000 })
  // Settled: the page count has not changed for a second and the network is idle.
  await quiet(page)
  let last = -1
  for (;;) {
    const state = await probe(page)
    const entry = state.pages[state.pages.length - 1]
    if (entry.at === last && performance.now() - lastSeen > 1000) break
    if (entry.at !== last) {
      last = entry.at
      lastSeen = performance.now()
    }
    await page.waitForTimeout(200)
  }
  const profile = cdp ? ((await cdp.send('Profiler.stop')) as unknown as { profile: OpenResult['profile'] }).profile : undefined
  const state = await probe(page)
  const final = state.pages[state.pages.length - 1]
  const firstAtFinal = state.pages.find((p, i) => p.count === final.count && state.pages.slice(i).every((q) => q.count === final.count))!
  const clickAt = state.clickAt ?? NaN
  const after = state.longTasks.filter((t) => t.start + t.duration >= clickAt)
  const requests = (
    (await page.evaluate(
      `performance.getEntriesByType('resource').map((e) => ({ name: decodeURIComponent(new URL(e.name).pathname).replace(/^\\/(api|assets)\\//, ''), start: e.startTime, end: e.responseEnd }))`,
    )) as { name: string; start: number; end: number }[]
  )
    .filter((r) => r.start >= clickAt - 5 && !r.name.endsWith('.css'))
    .map((r) => ({ name: r.name, endMs: r.end - clickAt }))
  const elements = (await page.evaluate(
    `Object.fromEntries(['el-select', 'el-popper', 'el-input', 'el-textarea', 'el-button', 'el-form-item', 'el-date-editor', 'el-radio', 'el-collapse-item'].map((c) => [c, document.querySelectorAll('.' + c).length]))`,
  )) as Record<string, number>
  const nodes = (await page.evaluate(`document.getElementsByTagName('*').length`)) as number
  elements['DOM elements'] = nodes
  await context.close()
  return {
    ms: firstAtFinal.at - clickAt,
    firstPageMs: (state.pages.find((p) => p.count > 0)?.at ?? NaN) - clickAt,
    pages: final.count,
    longest: Math.max(0, ...after.map((t) => t.duration)),
    longTasks: after.map((t) => Math.round(t.duration)),
    requests,
    elements,
    profile,
  }
}
let lastSeen = 0

// ---------------------------------------------------------------------------------------------
// 3. Where the time goes: the CPU profile, mapped back to sources when the build wrote source maps
//    (RENDERER_SOURCEMAP=1 npm run build writes hidden .map files; electron-builder leaves them out).

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** A decoded source map: per generated line, segments [column, source index] sorted by column. */
interface LineMap {
  sources: string[]
  lines: [number, number][][]
}

function decodeSourceMap(json: { sources: string[]; mappings: string }): LineMap {
  const lines: [number, number][][] = []
  let source = 0
  for (const line of json.mappings.split(';')) {
    const segments: [number, number][] = []
    let column = 0
    for (const segment of line.split(',')) {
      if (!segment) continue
      const values: number[] = []
      let value = 0
      let shift = 0
      for (const ch of segment) {
        const digit = BASE64.indexOf(ch)
        value += (digit & 31) << shift
        if (digit & 32) shift += 5
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1)
          value = 0
          shift = 0
        }
      }
      column += values[0]
      if (values.length > 1) {
        source += values[1]
        segments.push([column, source])
      }
    }
    lines.push(segments)
  }
  return { sources: json.sources, lines }
}

const sourceMaps = new Map<string, LineMap | null>()

/** The source a generated position comes from, as a bucket: a package (element-plus by component) or a project file. */
function sourceBucket(file: string, line: number, column: number): string {
  if (!sourceMaps.has(file)) {
    const mapFile = join(OUT, 'assets', `${file}.map`)
    sourceMaps.set(file, existsSync(mapFile) ? decodeSourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : null)
  }
  const map = sourceMaps.get(file)
  const segments = map?.lines[line]
  if (!map || !segments?.length) return file
  let found = segments[0]
  for (const seg of segments) {
    if (seg[0] > column) break
    found = seg
  }
  const source = map.sources[found[1]].replace(/\\/g, '/')
  const nm = source.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const rest = source.slice(nm + 'node_modules/'.length)
    const component = /^element-plus\/es\/(components|hooks|utils|directives)\/([^/]+)/.exec(rest)
    if (component) return `element-plus/${component[1]}/${component[2]}`
    const parts = rest.split('/')
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
  }
  const project = source.search(/(renderer|shared)\//)
  return project >= 0 ? source.slice(project) : source
}

/** Self time by function and by source, and inclusive time by source (each sample counted once per source on its stack). */
function summariseProfile(profile: NonNullable<OpenResult['profile']>): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const bucketOf = new Map<number, string>()
  for (const n of profile.nodes) {
    const f = n.callFrame
    bucketOf.set(
      n.id,
      f.url ? sourceBucket(basename(new URL(f.url).pathname), f.lineNumber, f.columnNumber) : `(${f.functionName || 'native'})`,
    )
  }
  const owners = new Map<string, number>()
  const machinery = (b: string) => b.startsWith('@vue/') || b.startsWith('(')
  const selfBySource = new Map<string, number>()
  const inclusiveBySource = new Map<string, number>()
  const byFunction = new Map<string, number>()
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v)
  let busy = 0
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    const frame = byId.get(id)!.callFrame
    if (frame.functionName === '(idle)') return
    busy += ms
    add(selfBySource, bucketOf.get(id)!, ms)
    add(byFunction, `${frame.functionName || '(anonymous)'} [${bucketOf.get(id)}]`, ms)
    const onStack = new Set<string>()
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) onStack.add(bucketOf.get(n)!)
    for (const b of onStack) add(inclusiveBySource, b, ms)
    // The innermost frame that is not Vue's machinery: whose code the time is spent for.
    let owner = '(Vue runtime: creating components, patching the DOM)'
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const b = bucketOf.get(n)!
      if (!machinery(b)) {
        owner = b
        break
      }
      if (n === id && frame.functionName.startsWith('(')) {
        owner = b
        break
      }
    }
    add(owners, owner, ms)
  })
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .filter(([k]) => !k.startsWith('(root)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `    ${v.toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n')
  const mapped = [...sourceMaps.values()].some(Boolean)
  console.log(
    `  busy (not idle): ${busy.toFixed(0)} ms${mapped ? '' : ' — no source maps: build with RENDERER_SOURCEMAP=1 to see sources'}`,
  )
  console.log('  busy time by owner (the innermost frame that is not Vue itself):\n' + top(owners, 16))
  console.log(
    '  inclusive time by project file (time with it on the stack):\n' +
      top(new Map([...inclusiveBySource].filter(([k]) => k.startsWith('renderer/') || k.startsWith('shared/'))), 10),
  )
  console.log('  self time by source:\n' + top(selfBySource, 12))
  console.log('  self time by function:\n' + top(byFunction, 12))
}

// ---------------------------------------------------------------------------------------------
// 4. Drafting: a new document from a template, typing into 正文, pasting a 500-character title

/**
 * Resolves with the page's performance.now() at the first animation frame where the preview is ready: pages
 * drawn and no typesetting pending, and (with `mark`) at least `count` of `mark` in its text. (A function,
 * not a string: the page's CSP allows no eval.)
 */
async function frameWhen(page: Page, mark = '', count = 0, timeout = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    ({ mark, count }) => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document
      const preview = doc.querySelector('[data-test=document-preview]')
      if (!preview || !doc.querySelector('[data-test=preview-page]') || doc.querySelector('[data-test=preview-zoom][data-pending=true]'))
        return false
      if (mark && (preview.textContent ?? '').split(mark).length - 1 < count) return false
      return performance.now()
    },
    { mark, count },
    { polling: 'raf', timeout },
  )
  return (await handle.jsonValue()) as number
}

/** Long tasks (ms, rounded) that ended after `from` (page time). */
async function longTasksSince(page: Page, from: number): Promise<number[]> {
  return (await probe(page)).longTasks.filter((t) => t.start + t.duration >= from).map((t) => Math.round(t.duration))
}

interface DraftingResult {
  newFromTemplateMs: number
  newFromTemplateLongest: number
  typingMs: number[]
  typingLongest: number
  pasteLongest: number
  pasteShownMs: number
}

/**
 * From the 公文管理 list: 新建公文 → the 督导通知 template (click → its pages visible, longest task); then ten
 * characters typed at the end of the first 正文 paragraph (each keystroke → the preview showing it); then a
 * 500-character title put into the title field at once (as a paste: the longest main-thread task after it, and
 * when the preview shows the new title).
 */
async function drafting(browser: Browser, url: string, withProfile = false): Promise<DraftingResult> {
  const context = await newContext(browser)
  const page = await context.newPage()
  await page.goto(url + '#/documents')
  await page.locator('[data-test=document-table] .el-table__row').first().waitFor()
  await quiet(page)
  await page.locator('[data-test=new-document]').click()
  await page.locator('[data-test=template-supervision-notice]').waitFor()
  await page.waitForTimeout(300)
  const cdp = withProfile ? await context.newCDPSession(page) : undefined
  if (cdp) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
  }
  await page.locator('[data-test=template-supervision-notice]').click()
  const pagesShown = await frameWhen(page)
  if (cdp) {
    await quiet(page)
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: OpenResult['profile'] }
    console.log('CPU profile of one new document from a template (click → settled):')
    summariseProfile(profile!)
  }
  const clickAt = (await probe(page)).lastClickAt ?? NaN
  await quiet(page)
  const newLongest = Math.max(0, ...(await longTasksSince(page, clickAt)))

  // Typing: a character not in the template, counted in the preview's text.
  const MARK = '丨'
  const area = page.locator('[data-test=body] textarea').first()
  await area.focus()
  await area.evaluate((el) => {
    const t = el as unknown as { value: string; setSelectionRange(a: number, b: number): void }
    t.setSelectionRange(t.value.length, t.value.length)
  })
  const typingStart = (await page.evaluate('performance.now()')) as number
  const typingMs: number[] = []
  for (let k = 1; k <= 10; k++) {
    await page.keyboard.type(MARK)
    const shown = await frameWhen(page, MARK, k)
    typingMs.push(shown - ((await probe(page)).inputAt ?? NaN))
    await page.waitForTimeout(120)
  }
  const typingLongest = Math.max(0, ...(await longTasksSince(page, typingStart)))

  // A 500-character title at once.
  const title = ('关于' + '开展义务教育优质均衡发展和学前教育普及普惠县督导评估工作'.repeat(20)).slice(0, 499) + MARK
  const titleArea = page.locator('[data-test=title] textarea, textarea[data-test=title]').first()
  await titleArea.fill(title)
  const pasteAt = (await probe(page)).inputAt ?? NaN
  const titleShown = await frameWhen(page, MARK, 11)
  await page.waitForTimeout(500)
  const pasteLongest = Math.max(0, ...(await longTasksSince(page, pasteAt)))
  await context.close()
  return {
    newFromTemplateMs: pagesShown - clickAt,
    newFromTemplateLongest: newLongest,
    typingMs,
    typingLongest,
    pasteLongest,
    pasteShownMs: titleShown - pasteAt,
  }
}

async function draftingFigures(browser: Browser, url: string): Promise<void> {
  console.log('\n== Drafting: new from a template, typing into 正文, pasting a 500-character title ==')
  const runs: DraftingResult[] = []
  for (let i = 0; i < Math.max(1, Math.min(RUNS, 3)); i++) runs.push(await drafting(browser, url, args.profile && i === 0))
  const newMs = median(runs.map((r) => r.newFromTemplateMs))
  console.log(
    `new from template (click → pages visible): median ${newMs.toFixed(0)} ms (runs: ${runs.map((r) => r.newFromTemplateMs.toFixed(0)).join(', ')}) — target ≤ ${TARGETS.newFromTemplateMs} ms: ${verdict(newMs, TARGETS.newFromTemplateMs)}; longest task median ${median(runs.map((r) => r.newFromTemplateLongest)).toFixed(0)} ms — target ≤ ${TARGETS.longestTaskMs} ms: ${verdict(median(runs.map((r) => r.newFromTemplateLongest)), TARGETS.longestTaskMs)}`,
  )
  const typing = runs.flatMap((r) => r.typingMs)
  const typingMedian = median(typing)
  console.log(
    `typing → preview (${typing.length} keystrokes): median ${typingMedian.toFixed(0)} ms, max ${Math.max(...typing).toFixed(0)} ms — target ≤ ${TARGETS.typingToPreviewMs} ms: ${verdict(typingMedian, TARGETS.typingToPreviewMs)}; longest task while typing: median ${median(runs.map((r) => r.typingLongest)).toFixed(0)} ms — target ≤ ${TARGETS.longestTaskMs} ms: ${verdict(median(runs.map((r) => r.typingLongest)), TARGETS.longestTaskMs)}`,
  )
  const pasteLongest = median(runs.map((r) => r.pasteLongest))
  console.log(
    `paste of a 500-character title: longest main-thread task after it median ${pasteLongest.toFixed(0)} ms (runs: ${runs.map((r) => r.pasteLongest).join(', ')}) — target ≤ ${TARGETS.longestTaskMs} ms (never blocks): ${verdict(pasteLongest, TARGETS.longestTaskMs)}; preview shows it after ${median(runs.map((r) => r.pasteShownMs)).toFixed(0)} ms (typeset in the worker)`,
  )
}

async function screenshots(browser: Browser, url: string, dir: string, noticeId: number): Promise<void> {
  mkdirSync(dir, { recursive: true })
  const context = await newContext(browser)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(`${m.type()}: ${m.text()}`))
  const shots: [string, string, string][] = [
    ['home', '#/', '[data-test=home-drafts]'],
    ['documents', '#/documents', '[data-test=document-table] .el-table__row'],
    ['composer', `#/documents/${noticeId}`, '[data-test=preview-page]'],
    ['register', '#/documents/register', '[data-test=register-table] .el-table__row'],
    ['settings', '#/settings', '[data-test=db-info]'],
  ]
  for (const [name, hash, ready] of shots) {
    await page.goto(url + hash)
    await page.locator(ready).first().waitFor({ state: 'attached' })
    await quiet(page)
    await page.waitForTimeout(800)
    await page.screenshot({ path: join(dir, `${name}.png`) })
  }
  await page.goto(url + '#/documents/series')
  await page.locator('[data-test=series-table]').waitFor()
  await quiet(page)
  await page.waitForTimeout(600)
  await page.screenshot({ path: join(dir, 'series.png') })
  // Dialogs, poppers, a message box: styled or not.
  await page.goto(url + '#/documents/register')
  await page.locator('[data-test=register-table] .el-table__row').first().waitFor()
  await page.locator('[data-test=record-number]').click()
  await page.locator('.el-dialog .el-date-editor').first().click()
  await page.locator('.el-date-picker').waitFor()
  await page.waitForTimeout(600)
  await page.screenshot({ path: join(dir, 'record-dialog-datepicker.png') })
  await page.goto(url + '#/documents')
  await page.locator('[data-test=document-table] .el-table__row').first().waitFor()
  await page.locator('.toolbar .el-select').first().click()
  await page.locator('.el-select-dropdown').first().waitFor()
  await page.waitForTimeout(600)
  await page.screenshot({ path: join(dir, 'select-dropdown.png') })
  await page.goto(url + '#/documents')
  await page.locator('[data-test=new-document]').click()
  await page.locator('.el-dialog').first().waitFor()
  await page.waitForTimeout(600)
  await page.screenshot({ path: join(dir, 'templates-dialog.png') })
  // A new draft from a template (the demo notice is printed, hence frozen), changed, then left.
  await page.locator('[data-test=template-supervision-notice]').click()
  await page.locator('[data-test=preview-page]').first().waitFor()
  await page.waitForTimeout(600)
  await page.screenshot({ path: join(dir, 'new-draft.png') })
  // The writing surface, a paragraph being edited (sticky toolbar, level markers, help line).
  await page.locator('[data-test=body] textarea[data-index]').nth(4).click()
  await page.waitForTimeout(400)
  await page.screenshot({ path: join(dir, 'new-draft-body.png') })
  // A change that cannot be saved (a title over 200 characters), then left: the confirmation.
  await page.locator('[data-test=title]').fill('改动后离开'.repeat(41))
  await page.getByRole('menuitem', { name: '公文管理' }).click()
  await page.locator('.el-message-box').waitFor()
  await page.waitForTimeout(600)
  await page.screenshot({ path: join(dir, 'leave-confirm.png') })
  await context.close()
  console.log(`screenshots in ${dir}${errors.length ? `; console: ${errors.join(' | ')}` : ''}`)
}

/** Pixel differences between two sets of screenshots (same names), drawn in red over the new one. */
async function compareScreenshots(browser: Browser, beforeDir: string, afterDir: string): Promise<void> {
  const page = await browser.newPage()
  console.log(`\n== Screenshots compared with ${beforeDir} ==`)
  for (const name of readdirSync(afterDir).filter((f) => f.endsWith('.png') && !f.startsWith('diff-'))) {
    if (!existsSync(join(beforeDir, name))) {
      console.log(`${name}: not in ${beforeDir}`)
      continue
    }
    const url = (dir: string) => 'data:image/png;base64,' + readFileSync(join(dir, name)).toString('base64')
    const result = (await page.evaluate(`(async () => {
      const load = (src) => new Promise((ok) => { const i = new Image(); i.onload = () => ok(i); i.src = src })
      const [a, b] = await Promise.all([load(${JSON.stringify(url(beforeDir))}), load(${JSON.stringify(url(afterDir))})])
      const w = Math.max(a.width, b.width), h = Math.max(a.height, b.height)
      const pixels = (img) => { const c = document.createElement('canvas'); c.width = w; c.height = h; const x = c.getContext('2d'); x.drawImage(img, 0, 0); return x.getImageData(0, 0, w, h).data }
      const A = pixels(a), B = pixels(b)
      const canvas = document.createElement('canvas'); canvas.width = w; canvas.height = h
      const ctx = canvas.getContext('2d'); ctx.drawImage(b, 0, 0); ctx.fillStyle = 'rgba(255,255,255,0.7)'; ctx.fillRect(0, 0, w, h)
      const out = ctx.getImageData(0, 0, w, h)
      let n = 0, x0 = w, y0 = h, x1 = 0, y1 = 0
      for (let i = 0; i < A.length; i += 4) {
        if (Math.abs(A[i] - B[i]) + Math.abs(A[i + 1] - B[i + 1]) + Math.abs(A[i + 2] - B[i + 2]) <= 30) continue
        n++
        const p = i / 4, x = p % w, y = (p - x) / w
        x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y)
        out.data.set([255, 0, 0, 255], i)
      }
      ctx.putImageData(out, 0, 0)
      return { n, box: [x0, y0, x1, y1], png: n ? canvas.toDataURL('image/png') : '' }
    })()`)) as { n: number; box: number[]; png: string }
    if (result.n) writeFileSync(join(afterDir, `diff-${name}`), Buffer.from(result.png.split(',')[1], 'base64'))
    console.log(
      `${name}: ${result.n ? `${result.n} pixels differ within x ${result.box[0]}–${result.box[2]}, y ${result.box[1]}–${result.box[3]} (diff-${name})` : 'identical'}`,
    )
  }
  await page.close()
}

async function timings(browser: Browser, url: string): Promise<void> {
  console.log('\n== First page in browser mode (cold cache, 首页 with its figures) ==')
  const firsts: Awaited<ReturnType<typeof firstPage>>[] = []
  for (let i = 0; i < RUNS; i++) firsts.push(await firstPage(browser, url))
  const firstMs = median(firsts.map((f) => f.ms))
  console.log(
    `time to first page: median ${firstMs.toFixed(0)} ms (runs: ${firsts.map((f) => f.ms.toFixed(0)).join(', ')}) — target ≤ ${TARGETS.firstPageMs} ms: ${verdict(firstMs, TARGETS.firstPageMs)}`,
  )
  console.log(`longest task while loading: median ${median(firsts.map((f) => f.longest)).toFixed(0)} ms`)
  const names = Object.keys(firsts[0].milestones)
  console.log(
    `  from navigation, medians: ${names.map((n) => `${n} ${median(firsts.map((f) => f.milestones[n])).toFixed(0)} ms`).join(', ')}, 首页 shown ${firstMs.toFixed(0)} ms`,
  )
  const b = firsts[0].bytes
  console.log(
    `scripts and styles transferred: ${b.files} files, ${kb(b.encoded)} over the wire for ${kb(b.decoded)} (${b.encoded < b.decoded * 0.9 ? 'compressed' : 'NOT compressed'})`,
  )

  console.log('\n== Opening the demo notice (贺政教督发〔2024〕4号) from the 公文管理 list ==')
  const opens: OpenResult[] = []
  for (let i = 0; i < RUNS; i++) opens.push(await openNotice(browser, url, false))
  const openMs = median(opens.map((o) => o.ms))
  const longest = median(opens.map((o) => o.longest))
  console.log(
    `time to visible pages (${opens[0].pages} pages): median ${openMs.toFixed(0)} ms (runs: ${opens.map((o) => o.ms.toFixed(0)).join(', ')}) — target ≤ ${TARGETS.openNoticeMs} ms: ${verdict(openMs, TARGETS.openNoticeMs)}`,
  )
  console.log(
    `longest main-thread task: median ${longest.toFixed(0)} ms (tasks ≥ 50 ms per run: ${opens.map((o) => `[${o.longTasks.join(', ')}]`).join(' ')}) — target ≤ ${TARGETS.longestTaskMs} ms: ${verdict(longest, TARGETS.longestTaskMs)}`,
  )
  console.log(
    `  first page drawn: median ${median(opens.map((o) => o.firstPageMs)).toFixed(0)} ms (runs: ${opens.map((o) => o.firstPageMs.toFixed(0)).join(', ')})`,
  )
  const ends = new Map<string, number[]>()
  for (const o of opens)
    for (const r of o.requests)
      ends.set(r.name.replace(/-[\w-]{8}\.js$/, '.js'), [...(ends.get(r.name.replace(/-[\w-]{8}\.js$/, '.js')) ?? []), r.endMs])
  console.log(
    `requests after the click, median end from the click: ${[...ends].map(([n, e]) => `${n} +${median(e).toFixed(0)} ms`).join(', ')}`,
  )
  console.log(
    `in the composer: ${Object.entries(opens[0].elements)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  )
  if (args.profile) {
    const profiled = await openNotice(browser, url, true)
    console.log(
      `CPU profile of one opening (${profiled.ms.toFixed(0)} ms to visible pages, longest task ${profiled.longest.toFixed(0)} ms):`,
    )
    summariseProfile(profiled.profile!)
  }
}

/**
 * `--static-files`: answers the renderer's assets with electron/doors/staticFiles.ts (precompressed, cached)
 * in front of the door's own handler — what the browser door sends once it calls readStaticFile.
 */
function serveAssetsThroughStaticFiles(server: Server): void {
  const door = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[]
  server.removeAllListeners('request')
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]
    const file = join(OUT, path)
    if (req.method === 'GET' && path.startsWith('/assets/') && !path.includes('..') && existsSync(file)) {
      const { body, headers } = readStaticFile(file, req.headers['accept-encoding'])
      res.writeHead(200, {
        'Content-Type': path.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
        ...headers,
      })
      return res.end(body)
    }
    for (const handler of door) handler.call(server, req, res)
  })
}

async function main(): Promise<void> {
  if (args.build) {
    const built = spawnSync('npx', ['electron-vite', 'build'], {
      cwd: join(__dirname, '../..'),
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, RENDERER_SOURCEMAP: '1' },
      shell: process.platform === 'win32',
    })
    if (built.status !== 0) throw new Error('electron-vite build failed')
  }
  if (!existsSync(join(OUT, 'index.html'))) throw new Error('界面尚未构建：请先运行 npm run build（或加 --build）')
  console.log(`load average at start: ${load()} (2 cores shared with other work: figures are medians of ${RUNS} runs)`)
  bundleFigures()

  // Screenshots show the data folder (status bar, settings): a fixed one keeps two runs comparable.
  const dataDir = args.screenshots ? join(tmpdir(), 'dudao-bench-screenshots') : mkdtempSync(join(tmpdir(), 'dudao-bench-'))
  rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(dataDir, { recursive: true })
  const { door, workspace } = await startWeb({ dataDir })
  session = { cookie: await loginCookie(door), url: door.url }
  // Does the door send the precompressed assets? (electron/doors/http.ts calling readStaticFile)
  const entry = initialScripts()[0]
  const probeResponse = await fetch(`${door.url}assets/${entry}`, { headers: { 'accept-encoding': 'br, gzip', Cookie: session.cookie } })
  const doorEncoding = probeResponse.headers.get('content-encoding')
  await probeResponse.arrayBuffer()
  console.log(
    `\nbrowser door: assets sent ${doorEncoding ? `compressed (${doorEncoding})` : 'uncompressed — compress static files: NOT MET'}`,
  )
  if (args['static-files'] || !doorEncoding) {
    serveAssetsThroughStaticFiles(door.server)
    if (!doorEncoding)
      console.log('  (the browser figures below are measured as the door will send them: assets through electron/doors/staticFiles.ts)')
  }
  const browser = await chromium.launch({
    executablePath: findBrowser(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  try {
    {
      const context = await newContext(browser)
      const page = await context.newPage()
      await page.goto(door.url)
      await page.locator('[data-test=load-demo]').waitFor()
      if (args.screenshots) {
        mkdirSync(args.screenshots, { recursive: true })
        await page.waitForTimeout(500)
        await page.screenshot({ path: join(args.screenshots, 'setup.png') })
      }
      await page.locator('[data-test=load-demo]').click()
      await page.locator('[data-test=home-drafts]').waitFor()
      if (args.screenshots) {
        await page.locator('.el-message').waitFor()
        await page.waitForTimeout(500)
        await page.screenshot({ path: join(args.screenshots, 'message.png') })
      }
      await context.close()
    }
    if (RUNS > 0) await timings(browser, door.url)
    if (RUNS > 0) await draftingFigures(browser, door.url)
    if (args.screenshots) {
      const response = await fetch(door.url + 'api/documents.list', {
        method: 'POST',
        headers: { 'content-type': 'application/json', Cookie: session.cookie },
        body: JSON.stringify({ query: '贺政教督发〔2024〕4号' }),
      })
      const list = ((await response.json()) as { data?: { id: number }[] }).data ?? []
      await screenshots(browser, door.url, args.screenshots, list[0]?.id ?? 1)
      if (args.compare) await compareScreenshots(browser, args.compare, args.screenshots)
    }
  } finally {
    await browser.close()
    await door.close()
    workspace.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  console.log(`\nload average at end: ${load()}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
