import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startWeb } from '../../electron/doors/webMain'

export const ARTIFACTS = join(__dirname, '../../test-results/e2e')

/** A system Chromium/Chrome/Edge; CHROME_PATH overrides. Never a downloaded browser. */
export function findBrowser(): string {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/microsoft-edge',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ].filter(Boolean) as string[]
  const found = candidates.find((p) => existsSync(p))
  if (!found) throw new Error('未找到 Chromium/Chrome/Edge：请安装 chromium（apt-get install -y chromium）或设置 CHROME_PATH')
  return found
}

/** A browser message a test may see without failing, and why it is harmless. */
export interface AllowedError {
  pattern: RegExp
  reason: string
}

/**
 * Page errors and console errors that no test fails on. Every entry names one exact, known message and
 * why it is not a fault of the app; anything else the renderer throws or logs as an error fails the test
 * (see `close()`). Keep it empty unless a browser quirk forces an entry: an error the app provokes on
 * purpose in one test belongs in that test's `openApp({ allowErrors })`, not here.
 */
export const ALLOWED_ERRORS: readonly AllowedError[] = []

export interface E2eApp {
  url: string
  dataDir: string
  browser: Browser
  page: Page
  /** Page errors and console errors seen so far that are not allowed. */
  unexpectedErrors(): string[]
  screenshot(name: string): Promise<string>
  /** Closes the browser and the server, then fails if the page threw or logged an error not allowed. */
  close(): Promise<void>
}

/** Whether a page error or console error message is on the allow-list. */
export function isAllowedError(message: string, extra: readonly AllowedError[] = []): boolean {
  return [...ALLOWED_ERRORS, ...extra].some((a) => a.pattern.test(message))
}

/** Starts browser mode on a fresh data dir and opens it in headless Chromium. */
export async function openApp(options: { dataDir?: string; allowErrors?: readonly AllowedError[] } = {}): Promise<E2eApp> {
  if (!existsSync(join(__dirname, '../../out/renderer/index.html'))) throw new Error('界面尚未构建：请先运行 npm run build')
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'dudao-e2e-'))
  const { door, workspace } = await startWeb({ dataDir })
  const browser = await chromium.launch({
    executablePath: findBrowser(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  // China time in the page too (the suite pins TZ=Asia/Shanghai for Node: vitest.config.mts).
  const context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`页面异常（pageerror）：${e.stack || e.message}`))
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    const where = m.location()?.url ? ` @ ${m.location().url}:${m.location().lineNumber}` : ''
    errors.push(`控制台错误（console.error）：${m.text()}${where}`)
  })
  const unexpectedErrors = () => errors.filter((e) => !isAllowedError(e, options.allowErrors))
  await page.goto(door.loginUrl) // one-time login URL: the session cookie lives in this context
  mkdirSync(ARTIFACTS, { recursive: true })
  return {
    url: door.url,
    dataDir,
    browser,
    page,
    async screenshot(name) {
      const file = join(ARTIFACTS, `${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
    unexpectedErrors,
    async close() {
      try {
        await browser.close()
      } finally {
        await door.close()
        workspace.close()
      }
      const unexpected = unexpectedErrors()
      if (unexpected.length) throw new Error(`页面出现了 ${unexpected.length} 个未列入允许清单的错误：\n${unexpected.join('\n')}`)
    },
  }
}
