import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { sampleCounty } from '../helpers/balanceWorkbooks'
import { openApp, type E2eApp } from './harness'

let app: E2eApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

/** The sample county written as a hand-made sheet in the template's words (header row 1, no template needed). */
async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const s = wb.addWorksheet('学校')
  const cols: Array<[string, (p: ReturnType<typeof sampleCounty>[number]) => unknown]> = [
    ['统计年度', () => 2024],
    ['学校标识码', (p) => p.code],
    ['学校（机构）名称', (p) => p.name],
    ['学校（机构）办学类型', (p) => p.type],
    ['学段', (p) => p.stage],
    ['乡镇（街道）', (p) => p.township],
    ['在校生数：合计', (p) => p.students],
    ['班数：合计', (p) => p.classes],
    ['专任教师：合计', (p) => p.teachers],
    ['专任教师：研究生', (p) => p.postgraduate],
    ['专任教师：本科', (p) => p.bachelor],
    ['专任教师：专科', (p) => p.associate],
    ['县级及以上骨干教师', (p) => p.keyTeachers],
    ['体育专任教师', (p) => p.pe],
    ['音乐专任教师', (p) => p.music],
    ['美术专任教师', (p) => p.art],
    ['教学及辅助用房面积（㎡）', (p) => p.teachingArea],
    ['运动场地面积（㎡）', (p) => p.sportsGround],
    ['教学仪器设备资产值（元）', (p) => p.equipment],
    ['网络多媒体教室（间）', (p) => p.multimedia],
  ]
  s.addRow(cols.map((c) => c[0]))
  for (const p of sampleCounty()) s.addRow(cols.map((c) => c[1](p) ?? null))
  const file = join(mkdtempSync(join(tmpdir(), 'dudao-e2e-balance-')), '贺兰县义务教育学校2024.xlsx')
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()))
  return file
}

describe('义务教育优质均衡 in the browser', () => {
  it('imports a workbook, shows the school × indicator table, the 差异系数 per 学段, a failing school and the plan', async () => {
    app = await openApp()
    const { page } = app
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.locator('[data-test=load-demo]').click()
    await page.locator('[data-test=status-office]').filter({ hasText: '贺兰县' }).waitFor()
    await page.locator('.el-menu-item', { hasText: '优质均衡' }).click()
    await page.locator('[data-test=balance]').waitFor()
    await page.getByText('还没有义务教育学校数据').waitFor()

    await page.locator('[data-test=balance-import]').click()
    const file = await workbook()
    const chooser = page.waitForEvent('filechooser')
    await page.locator('[data-test=import-choose]').click()
    await (await chooser).setFiles(file)
    await page.locator('[data-test=import-summary]').filter({ hasText: '全部可以导入' }).waitFor()
    await app.screenshot('40-balance-import-check')
    await page.locator('[data-test=import-commit]').click()
    await page.locator('[data-test=import-done]').filter({ hasText: '已导入 16 行' }).waitFor()
    await page.keyboard.press('Escape')

    const table = page.locator('[data-test=school-table]')
    await table.waitFor()
    expect(await table.locator('tbody tr[data-school]').count()).toBe(11) // 10 小学 + the 九年一贯制 小学部
    await expect(table.locator('tr[data-school="贺兰县第三中学（小学部）"]').textContent()).resolves.toContain('166')
    await expect(table.locator('tr[data-school="贺兰县洪广小学"] [data-test=school-verdict]').textContent()).resolves.toBe('未达标')
    const cvRow = await table.locator('[data-test=cv-row]').textContent()
    expect(cvRow).toMatch(/差异系数/)
    expect(await page.locator('[data-test=stage-verdict]').count()).toBe(2)
    // one header row at 1366 with data (the template link lives in the import dialog then)
    await app.screenshot('41a-balance-header')
    const top = async (sel: string) => (await page.locator(sel).first().boundingBox())!.y
    expect(Math.abs((await top('[data-test=balance-import]')) - (await top('[data-test=balance-year]')))).toBeLessThan(8)
    await app.screenshot('41-balance-schools')

    // a school's page: opened from its name, the seven indicators per year and what it needs to pass
    await table.locator('tr[data-school="贺兰县洪广小学"] [data-test=school-link]').click()
    const school = page.locator('[data-test=balance-school-page]')
    await school.locator('[data-test=school-year][data-year="2024"]').waitFor()
    await expect(school.locator('.el-page-header').textContent()).resolves.toContain('贺兰县洪广小学')
    const part = school.locator('[data-test=school-part][data-stage="小学"]')
    await expect(part.locator('[data-test=part-verdict]').textContent()).resolves.toBe('未达标')
    expect(await part.locator('tr[data-indicator]').count()).toBe(7)
    await expect(part.locator('tr[data-indicator="equipmentValuePerStudent"]').textContent()).resolves.toContain('未达标')
    await expect(part.locator('[data-test=part-need]').textContent()).resolves.toMatch(/教学仪器设备值 594,080 元/)
    await app.screenshot('41b-balance-school-page')
    await school.locator('.el-page-header__back').click()
    await table.waitFor()

    await page.locator('.el-tabs__item', { hasText: '差异系数' }).click()
    await page.locator('.echart svg').first().waitFor()
    await page.locator('[data-test=cv-selected]').filter({ hasText: '上限 0.50' }).waitFor()
    expect(await page.locator('[data-test=contributions] tbody tr').count()).toBe(11)
    await app.screenshot('42-balance-cv')

    await page.locator('.el-tabs__item', { hasText: '达标所需' }).click()
    const failing = page.locator('[data-test=failing-school]').filter({ hasText: '贺兰县洪广小学' })
    await failing.waitFor()
    await expect(failing.textContent()).resolves.toMatch(/需补足：.*教学仪器设备值 594,080 元/)
    await app.screenshot('43-balance-plan-schools')
    // 初中: 生均教学仪器设备值 差异系数 0.513 > 0.45, and the plan lifts 回民中学 to the county value
    await page.locator('[data-test=stage-初中]').click()
    await page.locator('.stage-pick .is-active', { hasText: '初中' }).waitFor()
    const plan = page.locator('[data-test=cv-plan]').first()
    await plan.waitFor()
    await expect(plan.textContent()).resolves.toMatch(/生均教学仪器设备值 差异系数 0\.513（上限 0\.45）.*贺兰县回民中学/)
    await app.screenshot('44-balance-plan-cv')

    await page.locator('.el-tabs__item', { hasText: '县级指标' }).click()
    await page.locator('[data-test=checklist-group]').first().waitFor()
    await page.locator('[data-test=judge]').first().click()
    const evidenceChooser = page.waitForEvent('filechooser')
    await page.locator('.el-dialog button', { hasText: '添加文件' }).click()
    const evidence = join(mkdtempSync(join(tmpdir(), 'dudao-e2e-ev-')), '布局规划.pdf')
    writeFileSync(evidence, '%PDF-1.4 县域义务教育学校布局规划')
    await (await evidenceChooser).setFiles(evidence)
    await page.locator('.el-dialog', { hasText: '保存后存入数据库，随备份保存' }).waitFor()
    await page.locator('[data-test=judge-save]').click()
    await page.getByText('已保存评定').waitFor()
    await app.screenshot('45-balance-checklist')
    // the stored file is a link that downloads it again
    const evidenceDownload = page.waitForEvent('download')
    await page.locator('[data-test=checklist-group] [data-test=evidence-download]', { hasText: '布局规划.pdf' }).click()
    const got = await evidenceDownload
    expect(got.suggestedFilename()).toBe('布局规划.pdf')
    const saved = `${evidence}.got`
    await got.saveAs(saved)
    expect(readFileSync(saved, 'utf8')).toBe('%PDF-1.4 县域义务教育学校布局规划')

    await page.locator('.el-tabs__item', { hasText: '历年趋势' }).click()
    await page.locator('[data-test=trend] .echart svg').waitFor()
    await expect(page.locator('[data-test=trend]').textContent()).resolves.toContain('2024年')

    // the 自评报告: previewed from the same blocks as the Word file, then downloaded
    await page.locator('[data-test=balance-preview]').click()
    const sheets = page.locator('[data-test=report-preview] [data-test=preview-page]')
    await sheets.first().waitFor()
    expect(await sheets.count()).toBeGreaterThan(5)
    const previewText = (await page.locator('[data-test=report-preview] [data-test=document-preview]').textContent())!.replace(/\s/g, '')
    for (const t of [
      '贺兰县县域义务教育优质均衡发展督导评估自评报告',
      '一、基本情况',
      '全县平均值',
      '标准差',
      '差异系数',
      '图1小学各项指标校际差异系数',
      '七、存在的问题',
    ])
      expect(previewText).toContain(t)
    expect(await page.locator('[data-test=report-preview] img').count()).toBe(2)
    await app.screenshot('46-balance-report-preview')
    await sheets.nth(3).scrollIntoViewIfNeeded()
    await app.screenshot('47-balance-report-preview-table')

    // the Word file from the preview (the header has one 生成自评报告 button: it opens the preview)
    const download = page.waitForEvent('download')
    await page.locator('[data-test=balance-report]').click()
    expect((await download).suggestedFilename()).toMatch(/^贺兰县县域义务教育优质均衡发展督导评估自评报告（2024年）\.docx$/)
    await page.keyboard.press('Escape')
    await page.locator('[data-test=report-preview]').waitFor({ state: 'hidden' })
  })

  it('a provincial variant chosen for the year changes the verdicts; the county figures form refuses a bad pair by name', async () => {
    app = await openApp({
      allowErrors: [
        { pattern: /status of 400 .*\/api\/balance\.saveCounty/, reason: 'the form is sent a refused pair on purpose (120 of 100)' },
      ],
    })
    const { page } = app
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.locator('[data-test=load-demo]').click()
    await page.locator('[data-test=status-office]').filter({ hasText: '贺兰县' }).waitFor()
    await page.locator('.el-menu-item', { hasText: '优质均衡' }).click()
    await page.locator('[data-test=balance-import]').click()
    const file = await workbook()
    const chooser = page.waitForEvent('filechooser')
    await page.locator('[data-test=import-choose]').click()
    await (await chooser).setFiles(file)
    await page.locator('[data-test=import-summary]').filter({ hasText: '全部可以导入' }).waitFor()
    await page.locator('[data-test=import-commit]').click()
    await page.locator('[data-test=import-done]').waitFor()
    await page.keyboard.press('Escape')
    const table = page.locator('[data-test=school-table]')
    await table.waitFor()
    const failingCount = async () =>
      (await table.locator('[data-test=school-verdict]').allTextContents()).filter((t) => t === '未达标').length
    const before = await failingCount()
    // an el-input carries data-test on its <input>, an el-input-number on its wrapper
    const field = (scope: typeof table, t: string) => scope.locator(`input[data-test="${t}"], [data-test="${t}"] input`)

    // 新建地方标准: 小学 生均教学仪器设备值 raised to 5000 元, saved and chosen for 2024
    await page.locator('[data-test=balance-new-variant]').click()
    const dialog = page.locator('[data-test=balance-variant-dialog]')
    await field(dialog, 'variant-name').fill('某省优质均衡实施细则')
    await field(dialog, 'variant-region').fill('某省')
    const eq = field(dialog, 'variant-equipmentValuePerStudent-小学')
    await expect(eq.inputValue()).resolves.toBe('2000.00')
    await eq.fill('5000')
    await eq.press('Tab')
    await app.screenshot('48-balance-variant-dialog')
    await dialog.locator('[data-test=variant-save]').click()
    await page.locator('[data-test=balance-rubric] .el-select__selected-item').filter({ hasText: '某省优质均衡实施细则' }).waitFor()
    await expect.poll(failingCount).toBeGreaterThan(before)
    await app.screenshot('49-balance-variant-chosen')

    // 全县数据 form: 交流轮岗 120 of 100 is refused naming both fields, 12 of 100 is saved
    await page.locator('.el-tabs__item', { hasText: '县级指标' }).click()
    await page.locator('[data-test=county-edit]').click()
    const form = page.locator('[data-test=county-figures-dialog]')
    await field(form, 'county-rotation-numerator').fill('120')
    await field(form, 'county-rotation-denominator').fill('100')
    await field(form, 'county-rotation-denominator').press('Tab')
    await form.locator('[data-test=county-save]').click()
    await form.locator('[data-test=county-problem]').filter({ hasText: '「交流轮岗教师数」120 大于「符合交流条件教师数」100' }).waitFor()
    await app.screenshot('50-balance-county-form-problem')
    await field(form, 'county-rotation-numerator').fill('12')
    await field(form, 'county-rotation-numerator').press('Tab')
    await form.locator('[data-test=county-save]').click()
    await page.locator('[data-test=county-source]').filter({ hasText: '在工作台中填写' }).waitFor()
    const rotation = page.locator('[data-test=checklist-group] tr').filter({ hasText: '交流轮岗教师比例' }).first()
    const rotationText = (await rotation.textContent())!
    expect(rotationText).toContain('达标')
    expect(rotationText).not.toContain('未达标')
    await app.screenshot('51-balance-county-saved')
  })
})
