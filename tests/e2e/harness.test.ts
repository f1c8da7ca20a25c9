/**
 * The harness itself: a page error or a console error that is not on the allow-list fails the test
 * (through `close()`), so a renderer that throws on every page cannot leave the e2e suite green.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { ALLOWED_ERRORS, openApp, type E2eApp } from './harness'

let app: E2eApp | undefined
afterEach(async () => {
  // These tests close their app themselves; this only cleans up after a failure (its error is not the point).
  await app?.close().catch(() => undefined)
  app = undefined
})

describe('e2e harness: errors in the page fail the test', () => {
  it('keeps the allow-list empty: every entry must name one message and why it is harmless', () => {
    expect(ALLOWED_ERRORS).toEqual([])
  })

  it('an uncaught exception in the page (pageerror) makes close() fail, naming it', async () => {
    app = await openApp()
    await app.page.getByText('欢迎使用教育督导工作台').waitFor()
    expect(app.unexpectedErrors()).toEqual([])
    const thrown = app.page.waitForEvent('pageerror')
    await app.page.evaluate(() => {
      setTimeout(() => {
        throw new Error('harness check: thrown in the page')
      })
    })
    await thrown
    expect(app.unexpectedErrors()).toEqual([expect.stringContaining('harness check: thrown in the page')])
    const closing = app
    app = undefined
    await expect(closing.close()).rejects.toThrow(/未列入允许清单的错误[\s\S]*harness check: thrown in the page/)
  })

  it('a console.error makes close() fail; one allowed by the test itself does not', async () => {
    app = await openApp({
      allowErrors: [
        { pattern: /^控制台错误（console\.error）：harness check: expected by this test( @ .*)?$/, reason: 'provoked on purpose below' },
      ],
    })
    await app.page.getByText('欢迎使用教育督导工作台').waitFor()
    const logged = app.page.waitForEvent('console', (m) => m.type() === 'error' && m.text().includes('not allowed'))
    await app.page.evaluate(() => {
      console.error('harness check: expected by this test')
      console.error('harness check: not allowed')
    })
    await logged
    expect(app.unexpectedErrors()).toEqual([expect.stringContaining('harness check: not allowed')])
    const closing = app
    app = undefined
    await expect(closing.close()).rejects.toThrow(/1 个未列入允许清单的错误[\s\S]*harness check: not allowed/)
  })
})

describe('every page opens without a page or console error', () => {
  it('home, 公文管理, 发文登记簿, 文号系列, a document, 系统设置, an unknown address (by address and by menu)', async () => {
    app = await openApp()
    const { page } = app
    await page.locator('[data-test=load-demo]').click()
    await page.locator('[data-test=status-office]').filter({ hasText: '贺兰县' }).waitFor()
    const base = new URL(page.url()).origin + '/'
    const pages: [string, string][] = [
      ['#/', '[data-test=home-drafts]'],
      ['#/documents', '[data-test=document-table]'],
      ['#/documents/register', '[data-test=register-year]'],
      ['#/documents/series', '[data-test=series-table]'],
      ['#/documents/1', '[data-test=doc-status]'],
      ['#/settings', '[data-test=settings-tabs]'],
      ['#/no-such-page', '[data-test=home-drafts]'],
    ]
    for (const [hash, ready] of pages) {
      // A full page load at that address, then the same page reached by a route change from home.
      await page.goto(base + hash)
      await page.locator(ready).first().waitFor()
      await page.evaluate("location.hash = '#/'")
      await page.locator('[data-test=home-drafts]').waitFor()
      await page.evaluate(`location.hash = ${JSON.stringify(hash)}`)
      await page.locator(ready).first().waitFor()
    }
    for (const name of ['公文管理', '系统设置', '首页']) await page.getByRole('menuitem', { name }).click()
    await page.locator('[data-test=home-drafts]').waitFor()
    expect(app.unexpectedErrors()).toEqual([])
  })
})
