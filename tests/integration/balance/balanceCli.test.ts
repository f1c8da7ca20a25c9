import { join } from 'node:path'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import JSZip from 'jszip'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { cli } from '../../helpers/cliRunner'
import { fiveSchoolExample, fillBalanceTemplate, sampleCounty } from '../../helpers/balanceWorkbooks'
import { tempWorkspace } from '../../helpers/tempWorkspace'

let envs: ReturnType<typeof tempWorkspace>[] = []
afterEach(() => {
  envs.forEach((e) => e.dispose())
  envs = []
})

describe('balance on the command line', () => {
  it('template → fill → import → indicators (text and --json in the issue shape)', async () => {
    const env = tempWorkspace()
    envs.push(env)
    const data = join(env.dir, 'data')
    const tpl = join(env.dir, '模板.xlsx')
    const t = await cli(['balance', 'template', '--out', tpl, '--data-dir', data])
    expect(t.err).toBe('')
    expect(t.code).toBe(0)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(tpl)
    const sheet = wb.getWorksheet('学校')!
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const headers = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(headers).toEqual(
      expect.arrayContaining([
        '学校（机构）名称',
        '学段',
        '在校生数：合计',
        '专任教师：本科',
        '县级及以上骨干教师',
        '教学仪器设备资产值（元）',
        '室内体育用房面积（㎡）',
        '音乐专用教室（间）',
      ]),
    )
    expect(String(sheet.getRow(1).getCell(headers.indexOf('音乐专用教室（间）') + 1).note)).toContain('非统计口径')
    expect(wb.getWorksheet('全县')).toBeTruthy()

    const file = join(env.dir, '学校.xlsx')
    const parts = fiveSchoolExample()
    parts[3] = { ...parts[3], keyTeachers: 0, multimedia: 1 } // 示例小学4 fails two indicators
    writeFileSync(file, await fillBalanceTemplate(readFileSync(tpl), 2024, parts))
    const imp = await cli(['balance', 'import', file, '--data-dir', data])
    expect(imp.err).toBe('')
    expect(imp.out).toContain('已导入 5 行')

    const text = await cli(['balance', 'indicators', '--year', '2024', '--data-dir', data])
    expect(text.code).toBe(0)
    expect(text.out).toContain('【小学】')
    expect(text.out).toMatch(/生均教学仪器设备值[^\n]*：0\.515 未达标/)
    expect(text.out).toMatch(/示例小学4 需补足：县级以上骨干教师 1人[^\n]*网络多媒体教室/)

    const json = await cli(['balance', 'indicators', '--year', '2024', '--json', '--data-dir', data])
    // the shape itself, not wrapped
    const d = JSON.parse(json.out)
    expect(Object.keys(d)).toEqual(['year', 'rubric', 'schools', 'cv', 'stages', 'checklist', 'verdict'])
    expect(d.rubric).toEqual({ id: 'balanced-development-2017', version: '1.0.0' })
    expect(d.schools).toHaveLength(5)
    const s4 = d.schools.find((s: any) => s.name === '示例小学4')
    expect(Object.keys(s4.indicators)).toEqual([
      'qualifiedTeachersPer100',
      'keyTeachersPer100',
      'peArtTeachersPer100',
      'teachingSpacePerStudent',
      'sportsSpacePerStudent',
      'equipmentValuePerStudent',
      'multimediaRoomsPer100',
    ])
    expect(s4).toMatchObject({ stage: '小学', students: 76, excluded: false, verdict: 'notMet', metCount: 4 })
    expect(s4.indicators.keyTeachersPer100).toEqual({ value: 0, standard: 1, met: false })
    expect(d.cv).toHaveLength(7)
    expect(d.cv.find((c: any) => c.indicator === 'equipmentValuePerStudent')).toMatchObject({ stage: '小学', limit: 0.5, met: false })
    expect(d.stages).toEqual([{ stage: '小学', verdict: 'notMet' }])
    expect(d.checklist.length).toBeGreaterThan(30)
  })
})

describe('the 自评报告 on the command line', () => {
  it('balance report --year Y --out f.docx: title, the 学段 table with 全县平均值 / 标准差 / 差异系数 rows, the charts (SVG + PNG), 存在的问题', async () => {
    const env = tempWorkspace()
    envs.push(env)
    const data = join(env.dir, 'data')
    const tpl = join(env.dir, '模板.xlsx')
    await cli(['balance', 'template', '--out', tpl, '--data-dir', data])
    const file = join(env.dir, '学校.xlsx')
    writeFileSync(file, await fillBalanceTemplate(readFileSync(tpl), 2024, sampleCounty()))
    expect((await cli(['balance', 'import', file, '--data-dir', data])).code).toBe(0)
    const out = join(env.dir, '自评报告.docx')
    const r = await cli(['balance', 'report', '--year', '2024', '--out', out, '--data-dir', data])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const zip = await JSZip.loadAsync(readFileSync(out))
    const doc = await zip.file('word/document.xml')!.async('string')
    const text = doc.replace(/<[^>]+>/g, '')
    expect(text).toContain('本县县域义务教育优质均衡发展督导评估自评报告')
    for (const s of [
      '一、基本情况',
      '二、资源配置',
      '三、政府保障程度',
      '四、教育质量',
      '五、社会认可度',
      '七、存在的问题',
      '八、下一步工作',
      '表1 小学学校资源配置指标（教师配置',
      '表2 小学学校资源配置指标（办学条件',
      '表3 初中学校资源配置指标（教师配置',
      '全县平均值',
      '标准差',
      '差异系数',
      '图1 小学各项指标校际差异系数',
      '贺兰县第三中学（小学部）',
    ])
      expect(text).toContain(s)
    // 初中 生均教学仪器设备值 差异系数 0.513 > 0.45 goes to 存在的问题 with the plan in 元
    expect(text).toMatch(/初中每?[^。]*生均教学仪器设备值校际差异系数为0\.513，超过0\.45；需为贺兰县回民中学增加教学仪器设备值\d+元/)
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))
    expect(media.filter((f) => f.endsWith('.svg'))).toHaveLength(2)
    expect(media.filter((f) => f.endsWith('.png'))).toHaveLength(2)
    expect(doc).toContain('svgBlip')
    if (process.env.BALANCE_REPORT_OUT) copyFileSync(out, process.env.BALANCE_REPORT_OUT)
  })
})
