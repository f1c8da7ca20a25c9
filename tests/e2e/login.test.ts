import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HttpDoor } from '../../electron/doors/http'
import { openInBrowser, startWeb } from '../../electron/doors/webMain'
import type { Workspace } from '../../electron/core/workspace'
import { findBrowser } from './harness'

let door: HttpDoor
let workspace: Workspace
let browser: Browser
let dataDir: string

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dudao-e2e-login-'))
  ;({ door, workspace } = await startWeb({ dataDir }))
  browser = await chromium.launch({
    executablePath: findBrowser(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  })
})
afterAll(async () => {
  await browser?.close()
  await door?.close()
  workspace?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('browser-mode login in a real Chromium', () => {
  it('the one-time URL logs in with a cookie the page cannot read; a second visitor with the same URL gets only the message', async () => {
    const first = await browser.newContext({ locale: 'zh-CN' })
    const page = await first.newPage()
    await page.goto(door.loginUrl)
    await page.getByText('欢迎使用教育督导工作台').waitFor()
    // The spent key is gone from the address bar, and the session cookie is invisible to scripts.
    expect(new URL(page.url()).searchParams.has('k')).toBe(false)
    // (Expressions as strings: the test project is type-checked without the DOM library.)
    expect(await page.evaluate('document.cookie')).toBe('')
    expect(await page.evaluate('document.documentElement.outerHTML')).not.toMatch(/token/i)
    const [cookie] = await first.cookies()
    expect(cookie).toMatchObject({ name: `dudao_session_${door.port}`, httpOnly: true, sameSite: 'Strict', path: '/', expires: -1 })
    // Reloading keeps the session, and the page's own API calls carry it.
    await page.reload()
    await page.getByText('欢迎使用教育督导工作台').waitFor()
    const status = await page.evaluate(
      "fetch('./api/system.status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then((r) => r.status)",
    )
    expect(status).toBe(200)

    const second = await browser.newContext({ locale: 'zh-CN' })
    const intruder = await second.newPage()
    const response = await intruder.goto(door.loginUrl)
    expect(response?.status()).toBe(401)
    await intruder.getByText('需要从本机程序打开').waitFor()
    expect(await intruder.locator('#app').count()).toBe(0)
    expect(await second.cookies()).toEqual([])
    await first.close()
    await second.close()
  })

  it("npm start's way in: the private redirect file opens the app, and a reload keeps the session", async () => {
    let redirectFile = ''
    // Capture the file the launcher would hand to the system browser, and open it here instead.
    const opener = openInBrowser(door.newLoginUrl(), (_command, args) => (redirectFile = args[0]), 'win32')
    const context = await browser.newContext({ locale: 'zh-CN' })
    try {
      const page = await context.newPage()
      await page.goto(pathToFileURL(redirectFile).href)
      await page.getByText('欢迎使用教育督导工作台').waitFor()
      expect(page.url()).toBe(`${door.url}#/`)
      expect((await page.reload())?.status()).toBe(200)
      await page.getByText('欢迎使用教育督导工作台').waitFor()
      const status = await page.evaluate(
        "fetch('./api/system.status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then((r) => r.status)",
      )
      expect(status).toBe(200)
    } finally {
      await context.close()
      opener.cleanup()
    }
  })
})
