import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../electron/core/handlers'
import { Workspace } from '../../electron/core/workspace'
import { localDateTime as formatDateTime } from '../../shared/format/localTime'
import { ARTIFACTS, openApp, type E2eApp } from './harness'

let app: E2eApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

/** A data folder holding the demo county, created the way a first run does (no backup yet). */
async function demoDataDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dudao-e2e-storage-'))
  const ws = new Workspace(dir)
  await createHandlers(ws)['system.loadDemo']({})
  await ws.idle()
  ws.close()
  return dir
}

describe('backups and restore in 系统设置 (browser mode, real Chromium)', () => {
  it('the automatic backup of the day is listed; restoring it brings back the data as it was', async () => {
    const dataDir = await demoDataDir()
    app = await openApp({ dataDir })
    const { page } = app
    await page.locator('[data-test=status-office]').filter({ hasText: '贺兰县人民政府教育督导室' }).waitFor()

    await page.getByRole('menuitem', { name: '系统设置' }).click()
    const dataTab = page.getByRole('tab', { name: '数据与备份' })
    const officeTab = page.getByRole('tab', { name: '机关信息' })
    await dataTab.click()
    // Opening the app was the first use of the day: one automatic backup, shown in local time.
    const rows = page.locator('[data-test=backup-list] .el-table__body tr')
    await rows.first().waitFor()
    expect(await rows.count()).toBe(1)
    const backupFile = readdirSync(join(dataDir, 'backups')).find((f) => f.startsWith('自动备份-'))!
    const m = /(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(backupFile)!
    const made = new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])
    expect(await rows.first().textContent()).toContain(formatDateTime(made.toISOString()))
    expect(await rows.first().textContent()).toContain('自动备份')
    expect(await rows.first().textContent()).toMatch(/\d+(\.\d)? KB/)

    // A change after the backup.
    await officeTab.click()
    const before = await page.locator('[data-test=contactPhone]').inputValue()
    await page.locator('[data-test=contactPhone]').fill('0951-1234567')
    await page.locator('[data-test=submit]').click()
    await page.getByText('机关信息已保存').waitFor()

    await dataTab.click()
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.screenshot({ path: join(ARTIFACTS, 'storage-01-settings-1366x768.png') })

    // Restore from the list.
    await rows.first().locator('[data-test=restore-entry]').click()
    await page.getByRole('dialog').getByText('将用').waitFor()
    await page.getByRole('dialog').getByRole('button', { name: '恢复' }).click()
    await page.getByText('已恢复。恢复前的数据库已另存为').waitFor()
    // The database as it was before the restore is listed too.
    await page.locator('[data-test=backup-list]').getByText('恢复前的副本').waitFor()
    await page.locator('[data-test=check-integrity]').click()
    await page.locator('[data-test=integrity-result]').filter({ hasText: '检查通过' }).waitFor()
    await page.screenshot({ path: join(ARTIFACTS, 'storage-02-restored-1366x768.png') })
    await officeTab.click()
    await expect.poll(() => page.locator('[data-test=contactPhone]').inputValue()).toBe(before)

    // And it survives a reload: the restored file is the database now.
    await page.reload()
    await page.getByRole('menuitem', { name: '系统设置' }).click()
    await expect.poll(() => page.locator('[data-test=contactPhone]').inputValue()).toBe(before)
  })

  it('a damaged database shows what happened on the start page and restores the latest good backup', async () => {
    const dataDir = await demoDataDir()
    // A later open makes the day's automatic backup; then the file gets damaged.
    const ws = new Workspace(dataDir)
    await createHandlers(ws)['system.status']({})
    await ws.idle()
    ws.close()
    const file = join(dataDir, 'dudao.sqlite')
    const bytes = readFileSync(file)
    bytes.fill(0x42, 4096 * 2, 4096 * 5)
    writeFileSync(file, bytes)

    app = await openApp({ dataDir })
    const { page } = app
    await page.locator('[data-test=db-unavailable]').waitFor()
    expect(await page.locator('[data-test=db-unavailable-message]').textContent()).toContain('已损坏')
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.screenshot({ path: join(ARTIFACTS, 'storage-04-damaged-start-page.png') })

    await page.locator('[data-test=restore-latest]').click()
    await page.getByRole('dialog').getByRole('button', { name: '恢复' }).click()
    await page.locator('[data-test=status-office]').filter({ hasText: '贺兰县人民政府教育督导室' }).waitFor()
    expect(readdirSync(join(dataDir, 'backups')).some((f) => f.startsWith('已损坏-'))).toBe(true)
  })
})
