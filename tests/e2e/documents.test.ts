import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/core/dispatch'
import { createHandlers } from '../../electron/core/handlers'
import { Workspace } from '../../electron/core/workspace'
import { SAMPLE_PROFILE } from '../helpers/tempWorkspace'
import { ARTIFACTS, openApp, type E2eApp } from './harness'

let app: E2eApp | undefined
afterEach(async () => {
  // close() fails the test when the page threw or logged an error (harness.ts, ALLOWED_ERRORS).
  const closing = app
  app = undefined
  await closing?.close()
})

const hasLibreOffice = (() => {
  try {
    execFileSync('which', ['libreoffice'])
    return true
  } catch {
    return false
  }
})()

describe('公文管理 in the browser', () => {
  it('creates a 通知 from a template, signs it, sees it in the register, exports and reopens it, voids a number', async () => {
    app = await openApp()
    const { page } = app
    await page.locator('[data-test=load-demo]').click()
    await page.locator('[data-test=status-office]').filter({ hasText: '贺兰县' }).waitFor()

    await page.getByRole('menuitem', { name: '公文管理' }).click()
    await page.locator('[data-test=document-table]').getByText('贺政教督发〔2024〕4号').waitFor()
    await page.locator('[data-test=new-document]').click()
    await page.locator('[data-test=template-supervision-notice]').click()
    await page.locator('[data-test=doc-status]').filter({ hasText: '草稿' }).waitFor()

    // Fill it in: title, series, a pasted body with numbering detected.
    await page.locator('[data-test=title]').fill('关于开展2026年11月责任督学挂牌督导工作的通知')
    await page.locator('[data-test=series]').click()
    await page.getByRole('option', { name: /贺政教督发/ }).click()
    await page.locator('[data-test=body-paste]').click()
    await page
      .locator('[data-test=paste-text]')
      .fill('一、督导范围\n全县中小学、幼儿园。\n二、督导内容\n1.校园安全.重点检查消防通道 。\n2.课后服务')
    await page.getByText('替换全部').click() // the template's own paragraphs hold ×月 placeholders
    await page.locator('[data-test=paste-apply]').click()
    await page.getByText(/已识别 \d+ 段/).waitFor()
    // The 签发 checklist lists what is left of the template: the attachment's （评价标准和记录表内容）.
    await page
      .locator('[data-test=signing-checklist]')
      .filter({ hasText: '附件1第1段中还有待填写的「（评价标准和记录表内容）」' })
      .waitFor()
    await page.getByText('附件（1）').click()
    await page.locator('[data-test=attachment-0] textarea').first().fill('评价标准：校园安全、课后服务，逐项记录。')
    await page.locator('[data-test=signing-checklist]').filter({ hasText: '内容齐全，可以签发' }).waitFor()
    await page.locator('[data-test=save]').click()
    await page.getByText('已保存').waitFor()

    await page.locator('[data-test=sign]').click()
    await page.locator('[data-test=sign-confirm]').click()
    const year = new Date().getFullYear()
    const expectedNumber = `贺政教督发〔${year}〕1号`
    await page.locator('[data-test=doc-number]').filter({ hasText: expectedNumber }).waitFor()
    await page.locator('[data-test=doc-status]').filter({ hasText: '已签发' }).waitFor()
    // The A4 preview redraws with the number and the red masthead from the office profile.
    const preview = page.locator('[data-test=document-preview]')
    await preview.locator('[data-role=docNumber]', { hasText: expectedNumber }).first().waitFor()
    // The whole number, exactly: not 〔year〕99号, not a prefix.
    expect((await preview.locator('[data-role=docNumber]').allTextContents()).map((t) => t.trim())).toEqual([expectedNumber])
    expect((await page.locator('[data-test=doc-number]').textContent())?.trim()).toBe(expectedNumber)
    expect(await preview.locator('[data-test=preview-page]').count()).toBeGreaterThanOrEqual(2)
    expect(await preview.locator('[data-test=preview-page]').first().textContent()).toContain('贺兰县人民政府教育督导室文件')
    await app.screenshot('10-composer-signed')

    // Export to Word: a real download, unzipped and read.
    const downloadPromise = page.waitForEvent('download')
    await page.locator('[data-test=export-docx]').click()
    const download = await downloadPromise
    expect(download.suggestedFilename()).toBe(`${expectedNumber} 关于开展2026年11月责任督学挂牌督导工作的通知.docx`)
    const dir = mkdtempSync(join(tmpdir(), 'dudao-dl-'))
    const file = join(dir, 'exported.docx')
    await download.saveAs(file)
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string')
    // The number line of the .docx holds the whole number the flow allocated, and nothing else.
    const paragraphTexts = (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    )
    expect(paragraphTexts.filter((t) => t.includes('号') && t.includes('〔'))).toEqual([expectedNumber])
    expect(xml).toContain('督导范围')
    expect(xml).toContain('校园安全。重点检查消防通道。')
    // Rendered where LibreOffice is installed, and always in CI (where its absence fails here).
    if (hasLibreOffice || process.env.CI) {
      execFileSync(
        'libreoffice',
        ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', ARTIFACTS, file],
        { stdio: 'ignore', env: { ...process.env, FONTCONFIG_FILE: join(__dirname, '../fixtures/fontconfig/fonts.conf') } },
      )
      expect(existsSync(join(ARTIFACTS, 'exported.pdf'))).toBe(true)
      const printed = execFileSync('pdftotext', ['-layout', join(ARTIFACTS, 'exported.pdf'), '-'], { encoding: 'utf8' })
      expect(printed.split('\n').map((l) => l.replace(/\s/g, ''))).toContain(expectedNumber)
    }

    // The register lists it; reopening from the register shows the same document.
    await page.getByRole('menuitem', { name: '公文管理' }).click()
    await page.getByText('发文登记簿').click()
    await page.locator('[data-test=register-year]').click()
    await page.getByRole('option', { name: `${year}年` }).click()
    const row = page.locator('[data-test=register-table] tr', { hasText: expectedNumber })
    await row.getByText('关于开展2026年11月责任督学挂牌督导工作的通知').click()
    await page.locator('[data-test=doc-number]').filter({ hasText: expectedNumber }).waitFor()
    expect(await page.locator('[data-test=title]').inputValue()).toBe('关于开展2026年11月责任督学挂牌督导工作的通知')

    // Void a number in the 2024 register and see it marked as a break in the sequence.
    await page.getByRole('menuitem', { name: '公文管理' }).click()
    await page.getByText('发文登记簿').click()
    await page.locator('[data-test=register-year]').click()
    await page.getByRole('option', { name: '2024年' }).click()
    await page.locator('[data-test=void-7]').click()
    await page.locator('[data-test=void-reason]').fill('计划取消')
    await page.locator('[data-test=void-confirm]').click()
    await page.getByText('已作废 贺政教督发〔2024〕7号').waitFor()
    const voidedRow = page.locator('[data-test=register-table] tr', { hasText: '贺政教督发〔2024〕7号' })
    await voidedRow.getByText('断号').waitFor()
    expect(await voidedRow.textContent()).toContain('作废原因：计划取消')
    const gapRow = page.locator('[data-test=register-table] tr', { hasText: '贺政教督发〔2024〕5号' })
    expect(await gapRow.textContent()).toContain('断号')
    await app.screenshot('11-register-voided')
  })
})

describe('the demo notice in the composer', () => {
  it('is frozen and previews on page 1 with its 署名, date and 附注', async () => {
    app = await openApp()
    const { page } = app
    await page.locator('[data-test=load-demo]').click()
    await page.locator('[data-test=status-office]').filter({ hasText: '贺兰县' }).waitFor()
    await page.getByRole('menuitem', { name: '公文管理' }).click()
    await page.locator('[data-test=document-table]').getByText('关于印发《贺兰县2024年教育督导工作要点》的通知').click()
    await page.locator('[data-test=doc-status]').filter({ hasText: '已印发' }).waitFor()
    expect(await page.locator('[data-test=save]').count()).toBe(0)
    const first = page.locator('[data-test=preview-page]').first()
    await first.waitFor()
    // It fits page 1 as it is (the 工作要点 is issued with it, not an attachment): no 7.3.5.4 adjustment,
    // at most the note that the 版记 has a page of its own (the last sheet's even side).
    for (const note of await page.locator('[data-test=fit-note]').allTextContents()) expect(note).toMatch(/^版记单独成页/)
    expect(await first.textContent()).not.toContain('附件')
    expect(await first.textContent()).toContain('2024年3月22日')
    expect(await first.textContent()).toContain('（此件公开发布）')
    await app.screenshot('12-demo-notice')
  })
})

describe('drafts save themselves', () => {
  it('saves a few seconds after typing stops, says so, and a reload loses nothing', async () => {
    app = await openApp()
    const { page } = app
    await page.locator('[data-test=load-demo]').click()
    await page.locator('[data-test=status-office]').filter({ hasText: '贺兰县' }).waitFor()
    await page.getByRole('menuitem', { name: '公文管理' }).click()
    await page.locator('[data-test=new-document]').click()
    await page.locator('[data-test=template-letter]').click()
    await page.locator('[data-test=doc-status]').filter({ hasText: '草稿' }).waitFor()
    // Typing into a paragraph of 正文 (no click on 保存).
    await page.locator('[data-test=body] textarea').nth(1).fill('请贵局选派两名督学参加实地核查。')
    await page
      .locator('[data-test=autosave-status]')
      .filter({ hasText: /^已自动保存 \d{2}:\d{2}$/ })
      .waitFor()
    await page.reload()
    await page.locator('[data-test=doc-status]').filter({ hasText: '草稿' }).waitFor()
    expect(await page.locator('[data-test=body] textarea').nth(1).inputValue()).toBe('请贵局选派两名督学参加实地核查。')
  })
})

describe('签发 in an office without a number series', () => {
  it('leads to creating one, then back to the document, where the checklist and the dialog name the number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dudao-e2e-noseries-'))
    const ws = new Workspace(dir)
    await dispatch(createHandlers(ws), 'office.save', SAMPLE_PROFILE)
    ws.close()
    app = await openApp({ dataDir: dir })
    const { page } = app
    await page.getByRole('menuitem', { name: '公文管理' }).click()
    await page.locator('[data-test=new-document]').click()
    await page.locator('[data-test=template-letter]').click()
    await page.locator('[data-test=doc-status]').filter({ hasText: '草稿' }).waitFor()
    await page.locator('[data-test=signing-checklist]').filter({ hasText: '请选择文号系列' }).waitFor()
    await page.locator('[data-test=sign]').click()
    await page.locator('[data-test=create-series]').click()
    await page.locator('[data-test=series-back-hint]').waitFor()
    await page.locator('[data-test=series-prefix]').fill('固政教督函')
    await page.locator('[data-test=series-name]').fill('函')
    await page.locator('[data-test=series-add]').click()
    // Back in the composer: fill what the template left, choose the series in the 签发 dialog, sign.
    await page.locator('[data-test=doc-status]').filter({ hasText: '草稿' }).waitFor()
    await page.locator('[data-test=title]').fill('关于商请协助开展督导工作的函')
    await page.locator('[data-test=recipients]').fill('银川市教育局')
    await page.locator('[data-test=body] textarea').nth(0).fill('为做好督导工作，现就有关事项函商如下：')
    await page.locator('[data-test=body] textarea').nth(1).fill('请贵局选派两名督学参加实地核查。')
    await page.locator('[data-test=sign]').click()
    await page.locator('[data-test=sign-series]').click()
    await page.getByRole('option', { name: /固政教督函/ }).click()
    const year = new Date().getFullYear()
    await page
      .locator('[data-test=sign-number]')
      .filter({ hasText: `固政教督函〔${year}〕1号` })
      .waitFor()
    await page.locator('[data-test=sign-confirm]').click()
    await page
      .locator('[data-test=doc-number]')
      .filter({ hasText: `固政教督函〔${year}〕1号` })
      .waitFor()
    await page.locator('[data-test=signed-locked]').waitFor()
    // After 签发 the composer is read-only; 退回修改 is the way back.
    expect(await page.locator('[data-test=save]').count()).toBe(0)
    expect(await page.locator('[data-test=title] textarea, textarea[data-test=title]').first().isDisabled()).toBe(true)
    await page.locator('[data-test=return-for-edit]').click()
    await page.locator('[data-test=return-reason]').fill('主送机关写错')
    await page.locator('[data-test=return-confirm]').click()
    await page.locator('[data-test=doc-status]').filter({ hasText: '草稿' }).waitFor()
    await page
      .locator('[data-test=doc-number]')
      .filter({ hasText: `固政教督函〔${year}〕1号` })
      .waitFor()
    expect(await page.locator('[data-test=title] textarea, textarea[data-test=title]').first().isDisabled()).toBe(false)
  })
})
