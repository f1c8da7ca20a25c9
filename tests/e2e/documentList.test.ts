/**
 * The document list page over a few hundred documents: server-side paging with the total, column
 * sorting, search with a highlighted snippet, a 文号 typed with other brackets, and titles shown as
 * text (no markup), at 1366 × 768.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/core/dispatch'
import { createHandlers } from '../../electron/core/handlers'
import { Workspace } from '../../electron/core/workspace'
import { generateCorpus, insertCorpus } from '../bench/documentCorpus'
import { SAMPLE_PROFILE } from '../helpers/tempWorkspace'
import { openApp, type E2eApp } from './harness'

let app: E2eApp | undefined
afterEach(async () => {
  const closing = app
  app = undefined
  await closing?.close()
})

const COUNT = 230

/** A data folder with the sample office and COUNT generated documents; the latest changed, a draft, has markup in its title. */
async function corpusDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dudao-e2e-list-'))
  const ws = new Workspace(dir)
  const r = await dispatch(createHandlers(ws), 'office.save', SAMPLE_PROFILE)
  expect(r.ok).toBe(true)
  const db = ws.db()
  insertCorpus(db, generateCorpus(COUNT, 600))
  const draft = db.prepare("SELECT id FROM documents WHERE status = 'draft' LIMIT 1").get() as { id: number }
  db.prepare("UPDATE documents SET title = '关于<b>加粗</b>&amp;标记的通知', updated_at = '2030-01-01T00:00:00.000Z' WHERE id = ?").run(
    draft.id,
  )
  ws.close()
  return dir
}

describe('公文管理 list in the browser', () => {
  it('pages, sorts and searches on the server, with highlighted snippets and titles shown as typed', async () => {
    app = await openApp({ dataDir: await corpusDir() })
    const { page } = app
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.getByRole('menuitem', { name: '公文管理' }).click()
    const table = page.locator('[data-test=document-table]')
    const rows = table.locator('.el-table__body tr')
    await page
      .locator('[data-test=document-count]')
      .filter({ hasText: `共 ${COUNT} 份公文` })
      .waitFor()
    expect(await rows.count()).toBe(20)
    // The markup in a title is text, not HTML.
    await table.getByText('关于<b>加粗</b>&amp;标记的通知').waitFor()
    expect(await table.locator('b').count()).toBe(0)

    // Page 2 through the pager.
    const activePage = async () => (await page.locator('[data-test=document-pager] .el-pager li[aria-current=true]').innerText()).trim()
    const firstTitle = await rows.first().locator('td').nth(1).innerText()
    await page.locator('[data-test=document-pager] .el-pager li').filter({ hasText: /^2$/ }).click()
    await expect.poll(() => activePage()).toBe('2')
    await expect.poll(() => rows.first().locator('td').nth(1).innerText()).not.toBe(firstTitle)

    // Sort by 成文日期 (descending first): the dates on the page are in order.
    await table.locator('th').filter({ hasText: '成文日期' }).locator('.cell').click()
    await expect.poll(() => activePage()).toBe('1')
    const dates = async () => (await rows.locator('td:nth-child(4)').allInnerTexts()).map((t) => t.trim())
    await expect.poll(async () => (await dates()).length).toBe(20)
    const toKey = (d: string) => {
      const digits = '〇一二三四五六七八九'
      const m = /^(.+)年(.+)月(.+)日$/.exec(d)
      if (!m) return ''
      const num = (s: string) =>
        s.length === 4
          ? [...s].map((c) => digits.indexOf(c)).join('')
          : String(
              s.includes('十')
                ? (s.startsWith('十') ? 10 : digits.indexOf(s[0]) * 10) + (s.endsWith('十') ? 0 : digits.indexOf(s[s.length - 1]))
                : digits.indexOf(s),
            ).padStart(2, '0')
      return `${num(m[1])}-${num(m[2])}-${num(m[3])}`
    }
    const keys = (await dates()).map(toKey)
    expect(keys).toEqual([...keys].sort().reverse())

    // Search: ranked, counted, the match highlighted in a body snippet.
    await table.locator('th').filter({ hasText: '成文日期' }).locator('.cell').click()
    await table.locator('th').filter({ hasText: '成文日期' }).locator('.cell').click()
    await page.locator('input[data-test=doc-search]').fill('食品安全')
    await page.locator('input[data-test=doc-search]').press('Enter')
    await page.locator('[data-test=document-count]').filter({ hasText: '按相关度排序' }).waitFor()
    const snippet = page.locator('[data-test=document-snippet]').first()
    await snippet.waitFor()
    expect(await snippet.locator('mark').first().innerText()).toBe('食品安全')
    const total = Number(/共 (\d+) 份/.exec(await page.locator('[data-test=document-count]').innerText())![1])
    expect(total).toBeGreaterThan(0)
    expect(total).toBeLessThan(COUNT)
    await app.screenshot('document-list-search-1366x768')

    // A 文号 typed with square brackets and full-width digits.
    const number = (await table.locator('tbody tr td:first-child').first().innerText()).trim()
    const m = /^(.+)〔(\d{4})〕(\d+)号$/.exec(number)!
    const typed = `${m[1]}[${m[2]}]${[...m[3]].map((d) => String.fromCharCode(0xff10 + Number(d))).join('')}号`
    await page.locator('input[data-test=doc-search]').fill(typed)
    await page.locator('input[data-test=doc-search]').press('Enter')
    await page.locator('[data-test=document-count]').filter({ hasText: '共 1 份公文' }).waitFor()
    expect((await table.locator('tbody tr td:first-child').first().innerText()).trim()).toBe(number)
    expect(await table.locator('tbody tr td:first-child mark').first().innerText()).toBe(number)
  })
})
