import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { upsertInstitution } from '../../electron/core/institutions/institutionRepository'
import { writeOffice } from '../../electron/core/office/officeRepository'
import { Workspace } from '../../electron/core/workspace'
import { officeProfileSchema } from '../../shared/office/office'
import { saveInspector, saveZone } from '../../electron/core/supervision/supervisionService'
import { inspectorInput, zoneInput } from '../../shared/contract/supervision'
import { SAMPLE_PROFILE } from '../helpers/tempWorkspace'
import { addDays, todayLocal } from '../../shared/supervision/overdue'
import { openApp, type E2eApp } from './harness'

let app: E2eApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

/**
 * A data folder with an office (not the demo county: its supervision data would change the figures) and four
 * schools in the institution registry (as the 学前教育 / 优质均衡 imports leave it).
 */
function seededDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dudao-e2e-sv-'))
  const ws = new Workspace(dir)
  const db = ws.db()
  writeOffice(db, officeProfileSchema.parse(SAMPLE_PROFILE))
  for (const name of ['城关第一小学', '城关第二小学', '城关中学', '新集小学'])
    upsertInstitution(db, { kind: 'school', name, institutionType: name.endsWith('中学') ? '311' : '211' })
  ws.close()
  return dir
}

/** Picks `option` in the Element Plus select inside `scope` (the dropdown is teleported to the body). */
async function choose(page: Page, scope: string, option: string): Promise<void> {
  await page.locator(scope).locator('.el-select__wrapper').first().click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

/** Types a date into an Element Plus date picker and confirms it. */
async function typeDate(page: Page, scope: string, date: string): Promise<void> {
  const input = page.locator(scope).locator('xpath=self::input | .//input').first()
  await input.fill(date)
  await input.press('Enter')
}

/** Writes one visit into the downloaded template's 督导记录 sheet (its example row replaced). */
async function fillVisitTemplate(template: string, row: Record<string, string>, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(template)
  const sheet = wb.getWorksheet('督导记录')!
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String)
  sheet.spliceRows(2, 1)
  const r = sheet.getRow(2)
  for (const [h, v] of Object.entries(row)) r.getCell(headers.indexOf(h) + 1).value = v
  r.commit()
  await wb.xlsx.writeFile(out)
}

/** The title of the 公文 open in the editor. */
async function docTitle(page: Page): Promise<string> {
  return page.locator('[data-test=title]').locator('xpath=self::textarea | .//textarea').first().inputValue()
}

describe('责任督学挂牌督导 in the browser', () => {
  it('runs a problem from the visit that found it to its 销号, with the board and the ledger following', async () => {
    app = await openApp({ dataDir: seededDataDir() })
    const { page } = app
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.locator('[data-test=status-office]').filter({ hasText: SAMPLE_PROFILE.fullName }).waitFor()
    await page.locator('.el-menu-item', { hasText: '挂牌督导' }).click()
    await page.locator('[data-test=sv-board]').waitFor()

    // 督学 and a 责任区 of this year; the school left out shows as a coverage gap.
    await page.locator('.el-tabs__item', { hasText: '督学与责任区' }).click()
    await page.locator('[data-test=sv-gaps]').filter({ hasText: '4 所学校尚未划入' }).waitFor()
    await page.locator('[data-test=sv-inspector-new]').click()
    const personForm = page.locator('[data-test=sv-inspector-form]')
    await personForm.locator('.el-form-item', { hasText: '姓名' }).locator('input').fill('李明')
    await personForm.locator('.el-radio-button', { hasText: '专职' }).click()
    await personForm.locator('.el-form-item', { hasText: '工作单位' }).locator('input').fill('县教育督导室')
    await page.locator('[data-test=sv-inspector-save]').click()
    await page.locator('[data-test=sv-inspectors]').filter({ hasText: '李明' }).waitFor()
    await page.locator('[data-test=sv-zone-new]').click()
    await choose(page, '[data-test=sv-zone-inspector]', '李明')
    for (const school of ['城关第一小学', '城关第二小学', '城关中学']) await choose(page, '[data-test=sv-zone-institutions]', school)
    await page.locator('.el-dialog__title', { hasText: '责任区' }).click() // closes the multi-select's dropdown
    await page.locator('[data-test=sv-zone-save]').click()
    await page.locator('[data-test=sv-zones]').filter({ hasText: '第一责任区' }).waitFor()
    await page.locator('[data-test=sv-gaps]').filter({ hasText: '1 所学校尚未划入' }).waitFor()
    await expect(page.locator('[data-test=sv-gaps]').textContent()).resolves.toContain('新集小学')
    await app.screenshot('80-supervision-zones')

    // A visit 20 days ago with a finding that goes to the ledger with a 整改时限 already passed.
    const today = todayLocal()
    const visitDate = addDays(today, -20)
    const deadline = addDays(visitDate, 10)

    // The year's plan: the visit month's theme (and this month's) and the standing checklist.
    await page.locator('.el-tabs__item', { hasText: '年度计划与设置' }).click()
    if (visitDate.slice(0, 4) === today.slice(0, 4)) {
      await page
        .locator('[data-test=sv-plan-standing]')
        .locator('xpath=self::textarea | .//textarea')
        .fill('安全制度与责任落实\n食堂食品安全')
      for (const m of new Set([visitDate, today].map((d) => Number(d.slice(5, 7)))))
        await page.locator(`[data-test=sv-plan-theme-${m}]`).locator('xpath=self::input | .//input').fill('校园安全')
      await page.locator('[data-test=sv-plan-save]').click()
      await page.locator('.el-message', { hasText: '督导计划已保存' }).waitFor()
      await app.screenshot('89-supervision-plan')
    }
    await page.locator('.el-tabs__item', { hasText: '督导记录' }).click()
    // the printable blank record form and the import template come down as files
    const files: Record<string, string> = {}
    for (const [button, ext] of [
      ['sv-record-form', '.docx'],
      ['sv-visit-template', '.xlsx'],
    ]) {
      const download = page.waitForEvent('download')
      await page.locator(`[data-test=${button}]`).click()
      expect((await download).suggestedFilename()).toMatch(new RegExp(`\\${ext}$`))
      files[ext] = join(app.dataDir, '..', `sv-${Date.now()}${ext}`)
      await (await download).saveAs(files[ext])
    }
    // a visit collected from an inspector comes in through the template and the import wizard
    const imported = join(app.dataDir, '..', `督导记录-${Date.now()}.xlsx`)
    await fillVisitTemplate(files['.xlsx'], { 督导日期: visitDate, 责任督学: '李明', 学校: '城关第二小学', 督导主题: '校园安全' }, imported)
    await page.locator('[data-test=sv-visit-import]').click()
    const chooser = page.waitForEvent('filechooser')
    await page.locator('[data-test=import-choose]').first().click()
    await (await chooser).setFiles(imported)
    await page.locator('[data-test=import-commit]').click()
    await page.locator('[data-test=import-done]').waitFor()
    await page.keyboard.press('Escape')
    await page.locator('[data-test=sv-visits]').filter({ hasText: '城关第二小学' }).waitFor()
    await page.locator('[data-test=sv-visit-new]').click()
    await page.locator('[data-test=sv-visit-form]').waitFor()
    await typeDate(page, '[data-test=sv-visit-date]', visitDate)
    await choose(page, '[data-test=sv-visit-institution]', '城关第一小学')
    await page.locator('[data-test=sv-visit-inspector]').filter({ hasText: '李明（专职）' }).waitFor() // the school's 责任督学, filled in
    await page.locator('[data-test=sv-visit-form] .el-checkbox', { hasText: '校园及周边安全' }).first().click()
    await page.locator('[data-test=sv-add-finding]').click()
    await page.locator('[data-test=sv-finding-0] textarea').first().fill('学校消防通道堆放杂物，灭火器过期未更换')
    await page.locator('[data-test=sv-finding-0] textarea').nth(1).fill('立即清理消防通道，更换过期灭火器')
    await typeDate(page, '.batch', deadline)
    if (visitDate.slice(0, 4) === today.slice(0, 4))
      await expect(page.locator('[data-test=sv-visit-theme] input').inputValue()).resolves.toBe('校园安全')
    await app.screenshot('81-supervision-visit-form')
    await page.locator('[data-test=sv-visit-save]').click()
    await page.locator('.el-message', { hasText: '1 个问题已列入问题台账' }).waitFor()
    await page.locator('[data-test=sv-finding-0]').filter({ hasText: '已列入台账' }).waitFor()

    // The entry: overdue since the 整改时限 passed; its history starts at the visit.
    await page.locator('[data-test=sv-finding-0] .el-link').click()
    await page.locator('[data-test=sv-entry-status]').filter({ hasText: '待整改' }).waitFor()
    await page.locator('.el-tag', { hasText: '逾期 10 天' }).waitFor()
    const entryUrl = page.url()
    // 销号 before any 复查 is refused, in the machine's words
    await expect(page.locator('[data-test=sv-action-close]').isDisabled()).resolves.toBe(true)
    await page.locator('[data-test=sv-action-close]').hover({ force: true })
    await page.locator('.el-popper', { hasText: '复查通过之后才能销号' }).waitFor()

    // The 整改通知书: the entry selected in the ledger, drafted as a 公文 and recorded as sent.
    await page.locator('.el-menu-item', { hasText: '挂牌督导' }).click()
    await page.locator('.el-tabs__item', { hasText: '问题台账' }).click()
    await page.locator('[data-test=sv-ledger] .el-table__body tr').first().locator('.el-checkbox').click()
    await page.locator('[data-test=sv-make-notice]').click()
    await page.locator('[data-test=sv-notice-dialog]').filter({ hasText: '城关第一小学' }).waitFor()
    await page.locator('[data-test=sv-notice-generate]').click()
    await page.locator('[data-test=doc-status]').waitFor()
    await expect(docTitle(page)).resolves.toBe('关于城关第一小学督导发现问题限期整改的通知')
    await app.screenshot('85-supervision-notice-draft')
    await page.goto(entryUrl)
    await page.locator('[data-test=sv-entry-documents]').filter({ hasText: '整改通知书' }).waitFor()
    await expect(page.locator('[data-test=sv-entry-status]').textContent()).resolves.toBe('待整改') // a draft is not sent
    // signed on the entry with the office's own serial 编号 of the year: the ledger records it as sent
    await page.locator('[data-test=sv-entry-documents] button', { hasText: '签发取号' }).click()
    await page
      .locator('[data-test=sv-entry-documents]')
      .filter({ hasText: `督改〔${today.slice(0, 4)}〕1号` })
      .waitFor()
    await page.locator('[data-test=sv-entry-documents]').filter({ hasText: '已签发' }).waitFor()
    await page.locator('[data-test=sv-entry-status]').filter({ hasText: '已发整改通知' }).waitFor()

    // The board: the month's visit and the overdue problem proposed for a 督办单, which names the notice.
    await page.locator('.el-menu-item', { hasText: '挂牌督导' }).click()
    await page.locator('[data-test=sv-board]').waitFor()
    const proposal = page.locator('[data-test=sv-urging] .el-table__body tr', { hasText: '学校消防通道堆放杂物' })
    await proposal.filter({ hasText: '已发' }).waitFor()
    await expect(page.locator('[data-test=sv-overdue] .num').textContent()).resolves.toBe('1')
    await page.locator('.echart svg').first().waitFor()
    await page.waitForTimeout(300)
    await app.screenshot('82-supervision-board')
    await page.locator('[data-test=sv-overdue]').click()
    await page.locator('[data-test=sv-ledger]').filter({ hasText: '逾期 10 天' }).waitFor()
    await expect(page.locator('[data-test=sv-ledger] .el-table__body tr').count()).resolves.toBe(1)
    await app.screenshot('83-supervision-ledger-overdue')
    await page.locator('.el-tabs__item', { hasText: '月度看板' }).click()
    await proposal.locator('button', { hasText: '生成督办单' }).click()
    await page.locator('[data-test=doc-status]').waitFor()
    await expect(docTitle(page)).resolves.toBe('关于督促城关第一小学限期完成督导整改的通知')
    await app.screenshot('86-supervision-urging-draft')
    // signed in the 公文 editor itself: its 签发 takes the office's serial 编号 for a 督办单
    await page.locator('[data-test=sign]').click()
    await page.locator('.el-message-box', { hasText: `督办〔${today.slice(0, 4)}〕1号` }).waitFor()
    await page.locator('.el-message-box button', { hasText: '签发' }).click()
    await page.locator('[data-test=doc-status]').filter({ hasText: '已签发' }).waitFor()

    await page.goto(entryUrl)
    await page.locator('[data-test=sv-entry-documents]').filter({ hasText: '督办单' }).waitFor()
    await page
      .locator('[data-test=sv-entry-documents]')
      .filter({ hasText: `督办〔${today.slice(0, 4)}〕1号` })
      .waitFor()
    await page.locator('[data-test=sv-entry-history]').filter({ hasText: '督办' }).waitFor()

    // 整改报告 → 复查 通过 → 销号 with an evidence file.
    await page.locator('[data-test=sv-action-report]').click()
    await page.locator('[data-test=sv-action-submit]').click()
    await page.locator('[data-test=sv-entry-status]').filter({ hasText: '已报整改结果' }).waitFor()
    await page.locator('.el-tag', { hasText: '逾期' }).waitFor({ state: 'detached' })
    await page.locator('[data-test=sv-action-review]').click()
    await page.locator('[data-test=sv-action-text]').fill('现场核查：通道已清理，灭火器已更换')
    await page.locator('[data-test=sv-action-submit]').click()
    await page.locator('[data-test=sv-entry-status]').filter({ hasText: '复查通过' }).waitFor()
    await page.locator('[data-test=sv-action-close]').click()
    await page.locator('[data-test=sv-action-text]').fill('复查通过，附整改前后照片')
    const evidenceChooser = page.waitForEvent('filechooser')
    await page.locator('[data-test=sv-close-evidence]').click()
    const photo = join(app.dataDir, '..', `整改后照片-${Date.now()}.png`)
    writeFileSync(photo, Buffer.from('89504e470d0a1a0a', 'hex'))
    await (await evidenceChooser).setFiles(photo)
    await page.locator('[data-test=sv-action-dialog] .el-tag', { hasText: '整改后照片' }).waitFor()
    await page.locator('[data-test=sv-action-submit]').click()
    await page.locator('[data-test=sv-entry-status]').filter({ hasText: '已销号' }).waitFor()
    const history = await page.locator('[data-test=sv-entry-history]').textContent()
    for (const step of ['列入台账', '发出整改通知', '督办', '收到整改报告', '复查通过', '销号']) expect(history).toContain(step)
    await expect(page.locator('[data-test=sv-entry-documents]').textContent()).resolves.toMatch(
      /整改通知书[\s\S]*督办单|督办单[\s\S]*整改通知书/,
    )
    await page.locator('.el-descriptions', { hasText: '整改后照片' }).waitFor()
    await app.screenshot('84-supervision-entry-closed')
    // the evidence opens again from the database, byte for byte
    const evidenceDownload = page.waitForEvent('download')
    await page.locator('[data-test=sv-evidence-file]', { hasText: '整改后照片' }).click()
    const evidencePath = join(app.dataDir, '..', 'evidence-back.png')
    await (await evidenceDownload).saveAs(evidencePath)
    expect(readFileSync(evidencePath).toString('hex')).toBe('89504e470d0a1a0a')

    // The board's overdue count is back to 0; the month's 通报 is drafted with its figures, naming the schools.
    await page.locator('.el-menu-item', { hasText: '挂牌督导' }).click()
    await page.locator('[data-test=sv-board]').waitFor()
    await expect(page.locator('[data-test=sv-overdue] .num').textContent()).resolves.toBe('0')
    await page.locator('[data-test=sv-bulletin]').click()
    const figures = page.locator('[data-test=sv-bulletin-figures]')
    await figures.waitFor()
    if (visitDate.slice(0, 7) === today.slice(0, 7)) {
      await figures.filter({ hasText: '入校 2 所次，覆盖学校 2/3' }).waitFor()
      await figures.filter({ hasText: '发现问题 1 个：校园及周边安全 1 个' }).waitFor()
    }
    await page.locator('[data-test=sv-bulletin-name]').click()
    await app.screenshot('87-supervision-bulletin-dialog')
    await page.locator('[data-test=sv-bulletin-generate]').click()
    await page.locator('[data-test=doc-status]').waitFor()
    await expect(docTitle(page)).resolves.toBe(`关于${Number(today.slice(0, 4))}年${Number(today.slice(5, 7))}月责任督学挂牌督导情况的通报`)
    await app.screenshot('88-supervision-bulletin-draft')

    // The school's page and the 督学's page follow the problem too.
    await page.locator('.el-menu-item', { hasText: '挂牌督导' }).click()
    await page.locator('[data-test=sv-per-institution] .el-link', { hasText: '城关第一小学' }).click()
    await page.locator('[data-test=sv-inst-visits]').filter({ hasText: visitDate }).waitFor()
    await app.screenshot('90-supervision-institution')
    await page.locator('.el-menu-item', { hasText: '挂牌督导' }).click()
    await page.locator('[data-test=sv-per-inspector] .el-link', { hasText: '李明' }).click()
    const stats = page.locator('[data-test=sv-inspector-stats]')
    await stats.waitFor()
    if (visitDate.slice(0, 4) === today.slice(0, 4)) {
      // entered today for a visit 20 days ago: late (the 办法 asks two days)
      await stats.filter({ hasText: '0/2按时填报记录（0.0%）' }).waitFor()
      await stats.filter({ hasText: '1已整改完成' }).waitFor()
    }
    await app.screenshot('91-supervision-inspector')
  })

  it("registers a 投诉 problem by hand in the 问题台账, its 督学 the school's 责任督学, and refuses it without a 问题描述", async () => {
    // the seeded schools, with 城关中学 in a 责任区 of this year under 王芳
    const dir = seededDataDir()
    const ws = new Workspace(dir)
    const year = Number(todayLocal().slice(0, 4))
    const wang = saveInspector(ws, inspectorInput.parse({ name: '王芳', kind: '兼职', activeFrom: year }))
    const schoolId = ws.db().prepare<[string], { id: number }>('SELECT id FROM institutions WHERE name = ?').get('城关中学')!.id
    saveZone(ws, zoneInput.parse({ year, name: '第二责任区', inspectorId: wang.id, institutionIds: [schoolId] }))
    ws.close()

    app = await openApp({ dataDir: dir })
    const { page } = app
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.locator('[data-test=status-office]').filter({ hasText: SAMPLE_PROFILE.fullName }).waitFor()
    await page.locator('.el-menu-item', { hasText: '挂牌督导' }).click()
    await page.locator('.el-tabs__item', { hasText: '问题台账' }).click()
    await page.locator('[data-test=sv-ledger]').filter({ hasText: '没有符合条件的问题' }).waitFor()

    await page.locator('[data-test=sv-new-entry]').click()
    const dialog = page.locator('[data-test=sv-new-entry-dialog]')
    await dialog.waitFor()
    await page.locator('[data-test=sv-new-entry-source]').filter({ hasText: '投诉' }).waitFor() // not from a visit: 投诉 by default
    await expect(page.locator('[data-test=sv-new-entry-date]').locator('xpath=self::input | .//input').first().inputValue()).resolves.toBe(
      todayLocal(),
    )
    // refused without a school or a 问题描述, each field named beside it; nothing saved
    await page.locator('[data-test=sv-new-entry-save]').click()
    await page.locator('[data-test=sv-new-entry-institution-item] .el-form-item__error').filter({ hasText: '学校不能为空' }).waitFor()
    await choose(page, '[data-test=sv-new-entry-institution]', '城关中学')
    await page.locator('[data-test=sv-new-entry-institution-item] .el-form-item__error').waitFor({ state: 'detached' })
    await page.locator('[data-test=sv-new-entry-inspector]').filter({ hasText: '王芳' }).waitFor() // the school's 责任督学
    await dialog.locator('.el-form-item', { hasText: '责任单位' }).locator('input').fill('城关中学')

    await page.locator('[data-test=sv-new-entry-save]').click()
    await page.locator('[data-test=sv-new-entry-description] .el-form-item__error').filter({ hasText: '请填写问题描述' }).waitFor()
    await app.screenshot('92-supervision-new-entry-refused')

    await page.locator('[data-test=sv-new-entry-description] textarea').fill('家长投诉学校食堂饭菜分量不足')
    await page.locator('[data-test=sv-new-entry-save]').click()
    await dialog.waitFor({ state: 'hidden' })
    const row = page.locator('[data-test=sv-ledger] .el-table__body tr', { hasText: '家长投诉学校食堂饭菜分量不足' })
    await row.waitFor()
    await expect(row.textContent()).resolves.toContain(`${year}-0001`)
    await expect(row.textContent()).resolves.toContain('投诉')
    await expect(row.textContent()).resolves.toContain('王芳')
    await expect(row.textContent()).resolves.toContain('城关中学')
    await expect(page.locator('[data-test=sv-ledger] .el-table__body tr').count()).resolves.toBe(1)
    await app.screenshot('93-supervision-new-entry-ledger')
  })
})
