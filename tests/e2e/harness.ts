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

export interface E2eApp {
  url: string
  dataDir: string
  browser: Browser
  page: Page
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

/** Starts browser mode on a fresh data dir and opens it in headless Chromium. */
export async function openApp(options: { dataDir?: string } = {}): Promise<E2eApp> {
  if (!existsSync(join(__dirname, '../../out/renderer/index.html'))) throw new Error('界面尚未构建：请先运行 npm run build')
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'dudao-e2e-'))
  const { door, workspace } = await startWeb({ dataDir })
  const browser = await chromium.launch({
    executablePath: findBrowser(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', acceptDownloads: true })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
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
    async close() {
      await browser.close()
      await door.close()
      workspace.close()
      if (errors.length) console.warn('浏览器控制台错误：\n' + errors.join('\n'))
    },
  }
}
