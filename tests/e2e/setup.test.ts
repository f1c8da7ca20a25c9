import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openApp, type E2eApp } from './harness'

let app: E2eApp | undefined
afterEach(async () => {
  // close() fails the test when the page threw or logged an error (harness.ts, ALLOWED_ERRORS).
  const closing = app
  app = undefined
  await closing?.close()
})

describe('first run and settings (browser mode, real Chromium)', () => {
  it('fresh data dir → setup page → office profile → reload → name in the status bar', async () => {
    app = await openApp()
    const { page } = app
    await page.getByText('欢迎使用教育督导工作台').waitFor()
    expect(existsSync(join(app.dataDir, 'dudao.sqlite'))).toBe(false)
    await app.screenshot('01-setup')

    // Saving with an empty form shows the field errors and writes nothing.
    await page.locator('[data-test=submit]').click()
    await page.getByText('请填写机关全称').waitFor()
    expect(existsSync(join(app.dataDir, 'dudao.sqlite'))).toBe(false)

    await page.locator('[data-test=fullName]').fill('固原市人民政府教育督导委员会办公室')
    // The masthead follows the full name by default.
    expect(await page.locator('[data-test=mastheadText]').inputValue()).toBe('固原市人民政府教育督导委员会办公室文件')
    await page.locator('[data-test=shortName]').fill('固原市教育督导办')
    await page.locator('[data-test=county]').fill('原州区')
    await page.locator('[data-test=contactPhone]').fill('0954-2031234')
    await page.locator('[data-test=submit]').click()
    await page.locator('[data-test=status-office]').filter({ hasText: '固原市人民政府教育督导委员会办公室' }).waitFor()

    await page.reload()
    await page.locator('[data-test=status-office]').waitFor()
    expect(await page.locator('[data-test=status-office]').textContent()).toBe('固原市人民政府教育督导委员会办公室')
    expect(await page.locator('[data-test=status-bar]').textContent()).toContain(join(app.dataDir, 'dudao.sqlite'))
    await app.screenshot('02-home')
  })

  it('载入示例数据 loads the demo county; settings edits the profile and backs up the database', async () => {
    app = await openApp()
    const { page } = app
    await page.locator('[data-test=load-demo]').click()
    await page.locator('[data-test=status-office]').filter({ hasText: '贺兰县人民政府教育督导室' }).waitFor()

    await page.getByRole('menuitem', { name: '系统设置' }).click()
    await page.getByRole('tab', { name: '数据与备份' }).click()
    await page.locator('[data-test=db-info]').waitFor()
    expect(await page.locator('[data-test=db-info]').textContent()).toContain('结构版本')
    await page.getByRole('tab', { name: '机关信息' }).click()

    // A bad value is refused with the field named; the stored profile is unchanged.
    await page.locator('[data-test=contactPhone]').fill('打电话')
    await page.locator('[data-test=submit]').click()
    await page.getByText('电话只能包含数字').waitFor()

    await page.locator('[data-test=contactPhone]').fill('0951-8069999')
    // 版记页页码 (issue 13 item 8): the standard by default; the habit of never numbering it, saved with the office.
    expect(await page.locator('[data-test=imprintPageNumber]').textContent()).toContain('按国家标准')
    await page.locator('[data-test=imprintPageNumber]').click()
    await page.getByRole('option', { name: '版记单独成页时一律不编页码' }).click()
    await app.screenshot('03-settings-imprint-page-number')
    await page.locator('[data-test=submit]').click()
    await page.getByText('机关信息已保存').waitFor()

    const backupDir = mkdtempSync(join(tmpdir(), 'dudao-e2e-backup-')) // an existing folder outside the data folder
    await page.getByRole('tab', { name: '数据与备份' }).click()
    await page.locator('[data-test=backup-dir]').fill(backupDir)
    await page.locator('[data-test=backup]').click()
    await page.locator('[data-test=last-backup]').waitFor()
    expect(readdirSync(backupDir).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1)
    await app.screenshot('03-settings')

    await page.reload()
    await page.getByRole('menuitem', { name: '系统设置' }).click()
    expect(await page.locator('[data-test=contactPhone]').inputValue()).toBe('0951-8069999')
    expect(await page.locator('[data-test=imprintPageNumber]').textContent()).toContain('一律不编页码')
  })
})
