import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import { openApp, type E2eApp } from './harness'

let app: E2eApp | undefined
afterEach(async () => {
  // close() fails the test when the page threw or logged an error (harness.ts, ALLOWED_ERRORS).
  const closing = app
  app = undefined
  await closing?.close()
})

/** A sentence long enough that a few of them fill a page (about 150 characters). */
const sentence = (n: number) =>
  `各责任督学要对照督导事项逐项核查第${n}项工作，既看台账资料，又看课堂、食堂、宿舍和校园周边的实际情况，听取校长、教师、学生和家长的意见，如实记录发现的问题和好的做法，督导结束后三个工作日内向督导室提交督导报告，并将整改意见当面反馈学校。`

describe('drafting a 公文 in the writing surface', () => {
  it('drafts a two-page notice from scratch with the keyboard (levels, moves, a table), sees it in the preview, exports .docx', async () => {
    app = await openApp()
    const { page } = app
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.locator('[data-test=load-demo]').click()
    await page.locator('[data-test=status-office]').filter({ hasText: '贺兰县' }).waitFor()
    await page.getByRole('menuitem', { name: '公文管理' }).click()
    await page.locator('[data-test=new-document]').click()
    await page.locator('[data-test=template-supervision-notice]').click()
    await page.locator('[data-test=doc-status]').filter({ hasText: '草稿' }).waitFor()
    await page.locator('[data-test=title]').fill('关于开展2026年秋季学期开学专项督导的通知')

    // From scratch: empty the template's 正文 with the keyboard (select a paragraph, delete, merge upward).
    const areas = page.locator('[data-test=body] textarea[data-index]')
    await areas.last().focus()
    while ((await areas.count()) > 1) {
      await page.keyboard.press('ControlOrMeta+a')
      await page.keyboard.press('Delete')
      await page.keyboard.press('Backspace') // the empty paragraph joins the one above, the caret with it
    }
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.press('Delete')
    expect(await areas.inputValue()).toBe('')

    // Type it: Enter opens a paragraph, Tab / Shift+Tab set the level.
    const type = (text: string) => page.keyboard.type(text)
    await type('为确保秋季学期各项工作平稳有序开展，决定对全县中小学、幼儿园开学工作开展专项督导。现将有关事项通知如下：')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab') // 正文 → 一、
    await type('督导内容')
    await page.keyboard.press('Enter') // after a title heading: an ordinary paragraph
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab') // → 1.
    await type('校园安全。' + sentence(1))
    await page.keyboard.press('Enter') // after an item: the next item
    await type('课后服务。' + sentence(2))
    await page.keyboard.press('Enter')
    await page.keyboard.press('Shift+Tab') // 1. → （一）
    await type('督学入校')
    await page.keyboard.press('Enter')
    for (let n = 3; n <= 7; n++) {
      await type(sentence(n))
      await page.keyboard.press('Enter')
    }
    await page.keyboard.press('Alt+ArrowRight') // → 一、
    await type('督导范围')
    // Alt+↑: the 督导范围 section (nothing under it yet) moves above the 督导内容 section and all it holds.
    await page.keyboard.press('Alt+ArrowUp')
    await page.keyboard.press('Enter')
    await type('全县中小学、幼儿园。问题清单如下：')

    // A table after it: 3 rows × 3 columns with a header, typed cell by cell (Tab to the next cell).
    await page.locator('[data-test=body-insert-table]').click()
    await page.locator('[data-test=table-insert]').click()
    const cells = page.locator('[data-test=body-table] textarea')
    await cells.first().waitFor()
    await expect.poll(() => cells.first().evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    for (const text of ['学校', '问题', '整改期限', '第一小学', '消防通道堵塞', '9月10日前', '城关幼儿园', '晨检记录不全', '9月15日前']) {
      await type(text)
      await page.keyboard.press('Tab')
    }
    await page.locator('[data-test=table-caption]').fill('开学检查问题清单')

    // What the surface shows: markers generated from the levels, the moved section first.
    const markers = await page.locator('[data-test=body] [data-test=level-marker]').allTextContents()
    expect(markers.map((m) => m.trim())).toEqual([
      '正文',
      '一、',
      '正文',
      '二、',
      '1.',
      '2.',
      '（一）',
      '正文',
      '正文',
      '正文',
      '正文',
      '正文',
    ])
    expect(await areas.nth(1).inputValue()).toBe('督导范围')
    expect(await areas.nth(3).inputValue()).toBe('督导内容') // the table (block 3) between them has no marker

    // The preview: two pages or more, headings numbered, the table drawn.
    const preview = page.locator('[data-test=document-preview]')
    await expect.poll(() => preview.locator('[data-test=preview-page]').count()).toBeGreaterThanOrEqual(2)
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toContain('消防通道堵塞')
    const text = (await preview.textContent()) ?? ''
    expect(text).toContain('一、督导范围')
    expect(text).toContain('二、督导内容')
    expect(text).toContain('（一）督学入校')
    expect(text).toContain('开学检查问题清单')

    // Zoom from outside the preview: + makes the sheets wider, 适合宽度 brings them back.
    const sheetWidth = () =>
      preview
        .locator('[data-test=preview-page]')
        .first()
        .evaluate((el) => el.getBoundingClientRect().width)
    const fitted = await sheetWidth()
    await page.locator('[data-test=zoom-in]').click()
    await expect.poll(sheetWidth).toBeGreaterThan(fitted + 10)
    expect(await page.locator('[data-test=zoom-value]').textContent()).toMatch(/\d+%/)
    await page.locator('[data-test=zoom-fit]').click()
    await expect.poll(async () => Math.abs((await sheetWidth()) - fitted)).toBeLessThan(2)
    await areas.nth(2).click()
    await app.screenshot('20-composer-drafting')

    // Export to Word: the paragraphs and the table are in the file.
    const downloadPromise = page.waitForEvent('download')
    await page.locator('[data-test=export-docx]').click()
    const download = await downloadPromise
    const file = join(mkdtempSync(join(tmpdir(), 'dudao-dl-')), 'drafted.docx')
    await download.saveAs(file)
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string')
    const plain = xml.replace(/<[^>]+>/g, '')
    expect(plain).toContain('督导范围')
    expect(plain).toContain('校园安全。各责任督学')
    expect(xml).toContain('<w:tbl>')
    for (const cell of ['整改期限', '消防通道堵塞', '9月15日前']) expect(plain).toContain(cell)
  })
})
