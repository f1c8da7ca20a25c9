import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { fileStore } from '../../../electron/core/files/fileStore'
import { roundHalfUp } from '../../../shared/statistics/decimal'
import {
  countyStageExport,
  fiveSchoolExample,
  fillBalanceTemplate,
  handMadeDeclaration,
  type PartSpec,
} from '../../helpers/balanceWorkbooks'
import { tempWorkspace } from '../../helpers/tempWorkspace'

let envs: ReturnType<typeof tempWorkspace>[] = []
afterEach(() => {
  envs.forEach((e) => e.dispose())
  envs = []
})

function setup() {
  const env = tempWorkspace()
  envs.push(env)
  return env
}
type Env = ReturnType<typeof setup>

async function template(env: Env): Promise<Buffer> {
  const out = await env.handlers['balance.template']({})
  return fileStore(env.ws).take(out.downloadId).data
}

function register(env: Env, name: string, data: Buffer) {
  const path = join(env.dir, name)
  writeFileSync(path, data)
  return { fileId: fileStore(env.ws).registerInput(path, { name }).fileId }
}

async function importBuffer(env: Env, name: string, data: Buffer, year?: number) {
  const preview = await env.handlers['balance.importCheck']({ file: register(env, name, data), ...(year ? { year } : {}) })
  expect(preview.problems).toEqual([])
  const result = await env.handlers['balance.importCommit']({ token: preview.token })
  return { preview, result }
}

function snapshot(path: string): string {
  const db = new Database(path, { readonly: true })
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]
  const dump = tables.map((t) => `${t.name}:${JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())}`).join('\n')
  db.close()
  return dump
}

/** A 九年一贯制 school with 166 小学 and 210 初中 students sharing one resource (RULES.md §3). */
const nineYear = (stage: '小学' | '初中'): PartSpec => ({
  code: '2164000300',
  name: '贺兰县第三中学',
  type: '九年一贯制学校',
  stage,
  students: stage === '小学' ? 166 : 210,
  teachers: stage === '小学' ? 12 : 18,
  bachelor: stage === '小学' ? 8 : 14,
  associate: stage === '小学' ? 4 : 4,
  keyTeachers: 3,
  pe: 2,
  teachingArea: 3970,
  sportsGround: 7940,
  equipment: 1_985_000,
  multimedia: 20,
})

describe('优质均衡 import', () => {
  it('the published five-school example through a real county export (万元 → 元): 生均仪器设备值 差异系数 0.515 → 0.52, over 0.50', async () => {
    const env = setup()
    const { preview } = await importBuffer(env, '教基3112_小学.xlsx', await countyStageExport(2024, '小学', fiveSchoolExample()))
    expect(preview.years).toEqual([2024])
    expect(preview.rowsAccepted).toBe(5)
    expect(preview.columns.find((c) => c.header.includes('教学仪器设备资产值'))?.field).toContain('万元→元，×10000')
    expect(preview.warnings.some((w) => w.includes('不计校数'))).toBe(true)
    expect(preview.warnings.some((w) => w.includes('合计'))).toBe(true)
    const json = await env.handlers['balance.indicators']({ year: 2024 })
    const cv = json.cv.find((c) => c.stage === '小学' && c.indicator === 'equipmentValuePerStudent')!
    expect(roundHalfUp(cv.value!, 2)).toBe(0.52)
    expect(cv.value!).toBeCloseTo(0.515257, 6)
    expect(cv).toMatchObject({ limit: 0.5, met: false })
    // 小学1: 279 books × 400 元 / 45 students = 2480 元
    const s1 = json.schools.find((s) => s.name === '示例小学1')!
    expect(s1.indicators.equipmentValuePerStudent.value).toBeCloseTo(2480, 6)
    expect(s1.stage).toBe('小学')
    expect(json.stages).toEqual([{ stage: '小学', verdict: 'notMet' }])
  })

  it('a 九年一贯制 school in the 小学 file and the 初中 file merges into one institution with two parts, shared resources split 166 : 231 of 397', async () => {
    const env = setup()
    await importBuffer(env, '教基3112_小学.xlsx', await countyStageExport(2024, '小学', [nineYear('小学')]))
    const second = await importBuffer(env, '教基3115_初中.xlsx', await countyStageExport(2024, '初中', [nineYear('初中')]))
    expect(second.preview.warnings.join()).toContain('本表各行按「初中」学段读取')
    const schools = env.ws.db().prepare("SELECT * FROM institutions WHERE kind = 'school'").all() as {
      name: string
      institution_type: string
    }[]
    expect(schools).toEqual([expect.objectContaining({ name: '贺兰县第三中学', institution_type: '312' })])
    const json = await env.handlers['balance.indicators']({ year: 2024 })
    const p = json.schools.find((s) => s.stage === '小学')!
    const j = json.schools.find((s) => s.stage === '初中')!
    expect(p.name).toBe('贺兰县第三中学（小学部）')
    expect(j.name).toBe('贺兰县第三中学（初中部）')
    // 3970 ㎡ × 166/397 = 1660 ㎡ → 10 ㎡ per 小学 student; 初中: 3970 × 231/397 = 2310 ㎡ → 11 per student (= 1.1 × 10)
    expect(p.indicators.teachingSpacePerStudent.value).toBeCloseTo(10, 9)
    expect(j.indicators.teachingSpacePerStudent.value).toBeCloseTo(11, 9)
    expect(p.indicators.equipmentValuePerStudent.value).toBeCloseTo(5000, 6)
    expect(j.indicators.equipmentValuePerStudent.value).toBeCloseTo(5500, 6)
    // teachers are per 学段, never split: 初中 本科 14 per 210 students
    expect(j.indicators.qualifiedTeachersPer100.value).toBeCloseTo(1400 / 210, 9)
    const view = (await env.handlers['balance.view']({ year: 2024 }))!
    expect(view.schools[0].sources.join('\n')).toMatch(/小学：教基3112_小学\.xlsx \/ 教基3112_小学 第 4 行/)
  })

  it('the app template with a 一贯制 school on two rows (resources once), the county sheet, re-import updates, export round-trips', async () => {
    const env = setup()
    const tpl = await template(env)
    const parts: PartSpec[] = [
      { ...nineYear('小学') },
      { ...nineYear('初中'), teachingArea: undefined, sportsGround: undefined, equipment: undefined, multimedia: undefined },
      ...fiveSchoolExample(),
    ]
    const county = { 交流轮岗教师数: 60, 符合交流条件教师数: 500, 初中毕业年级在校生数: 980, 该年级初一入学人数: 1000 }
    const { preview, result } = await importBuffer(env, '学校2024.xlsx', await fillBalanceTemplate(tpl, 2024, parts, county))
    expect(result.rowsWritten).toBe(8)
    expect(preview.warnings.some((w) => w.includes('示例'))).toBe(false)
    let json = await env.handlers['balance.indicators']({ year: 2024 })
    expect(json.schools).toHaveLength(7)
    const rotation = json.checklist.find((c) => c.key === 'rotation')!
    expect(rotation).toMatchObject({ status: 'met', display: '12.00%' })
    expect(json.checklist.find((c) => c.key === 'retention')).toMatchObject({ status: 'met', display: '98.00%' })

    // re-import: same year updates, never duplicates
    await importBuffer(
      env,
      '学校2024.xlsx',
      await fillBalanceTemplate(
        tpl,
        2024,
        parts.map((p) => ({ ...p, students: p.students + 1 })),
        county,
      ),
    )
    const n = env.ws.db().prepare('SELECT COUNT(*) AS n FROM school_stage_years').get() as { n: number }
    expect(n.n).toBe(7)
    json = await env.handlers['balance.indicators']({ year: 2024 })
    expect(json.schools.find((s) => s.name === '示例小学1')!.students).toBe(46)

    // export → import into a fresh workspace → the same indicators
    const exported = fileStore(env.ws).take((await env.handlers['balance.export']({ year: 2024 })).downloadId).data
    const env2 = setup()
    await importBuffer(env2, '导出.xlsx', exported)
    const json2 = await env2.handlers['balance.indicators']({ year: 2024 })
    expect(json2.schools.map((s) => [s.name, s.indicators])).toEqual(json.schools.map((s) => [s.name, s.indicators]))
    expect(json2.cv).toEqual(json.cv)
    expect(json2.checklist).toEqual(json.checklist)
  })

  it('a hand-made 申报表: （小学部）/（初中部） rows, whole-school figures on both rows, 体育馆 as 室内体育用房, statistic rows skipped', async () => {
    const env = setup()
    const parts = [
      { ...nineYear('小学'), indoorSports: 397 },
      { ...nineYear('初中'), indoorSports: 397 },
      ...fiveSchoolExample()
        .slice(0, 2)
        .map((p, i) => ({ ...p, type: undefined, name: `示例第${i + 1}小学` })),
    ]
    const { preview } = await importBuffer(env, '申报表.xlsx', await handMadeDeclaration(2024, parts), 2024)
    expect(preview.rowsAccepted).toBe(4)
    expect(preview.warnings.filter((w) => w.includes('合计/统计行'))).toHaveLength(3)
    expect(preview.columns.find((c) => c.header.includes('体育馆'))?.field).toBe('室内体育用房面积（㎡）')
    const json = await env.handlers['balance.indicators']({ year: 2024 })
    const p = json.schools.find((s) => s.name === '贺兰县第三中学（小学部）')!
    // (7940 ㎡ ground + 397 ㎡ 体育馆) × 166/397 ÷ 166 students = 8337 / 397 ≈ 21.0 ㎡
    expect(p.indicators.sportsSpacePerStudent.value).toBeCloseTo(8337 / 397, 9)
    expect(json.schools.find((s) => s.name === '贺兰县第三中学（初中部）')!.indicators.sportsSpacePerStudent.value).toBeCloseTo(
      (1.1 * 8337) / 397,
      9,
    )
    expect(json.schools.filter((s) => s.stage === '小学').map((s) => s.name)).toEqual([
      '贺兰县第三中学（小学部）',
      '示例第1小学',
      '示例第2小学',
    ])
  })

  it('a workbook with bad rows: every problem located (sheet, row, column, value), nothing written', async () => {
    const env = setup()
    const tpl = await template(env)
    await importBuffer(env, 'ok.xlsx', await fillBalanceTemplate(tpl, 2024, fiveSchoolExample().slice(0, 2)))
    const before = snapshot(join(env.dir, 'dudao.sqlite'))
    const bad: PartSpec[] = [
      { name: '坏数据小学', type: '小学', students: 300, teachers: 10, bachelor: 9, associate: 5 }, // education sum 14 > 10
      { name: '九年一贯制学校甲', type: '九年一贯制学校', students: 200 }, // no 学段
      { name: '错学段小学', type: '小学', stage: '初中', students: 100 },
      { name: '', type: '小学', students: 100 },
      { name: '示例小学1', type: '小学', students: 45, equipment: 1 },
      { name: '示例小学1', type: '小学', students: 45 }, // duplicate part
      { name: '面积小学', type: '小学', students: 80, teachingArea: 100, indoorSports: 200 },
    ]
    const data = await fillBalanceTemplate(tpl, 2024, bad)
    // a text in a number cell and a missing 在校生数
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer)
    const s = wb.getWorksheet('学校')!
    const col = new Map<string, number>()
    s.getRow(1).eachCell((c, i) => col.set(String(c.value), i))
    s.getRow(9).getCell(col.get('学校（机构）名称')!).value = '无学生小学'
    s.getRow(9).getCell(col.get('学校（机构）办学类型')!).value = '小学'
    s.getRow(9).getCell(col.get('统计年度')!).value = 2024
    s.getRow(10).getCell(col.get('学校（机构）名称')!).value = '文字小学'
    s.getRow(10).getCell(col.get('学校（机构）办学类型')!).value = '小学'
    s.getRow(10).getCell(col.get('统计年度')!).value = 2024
    s.getRow(10).getCell(col.get('在校生数：合计')!).value = '三百'
    const letter = (h: string) => s.getColumn(col.get(h)!).letter
    const preview = await env.handlers['balance.importCheck']({ file: register(env, 'bad.xlsx', Buffer.from(await wb.xlsx.writeBuffer())) })
    expect(preview.canCommit).toBe(false)
    const problems = preview.problems.map((p) => [p.sheet, p.row, p.column, p.value, p.reason])
    expect(problems).toEqual([
      ['学校', 2, letter('专任教师：合计'), '10', '按学历分的专任教师之和 14 人多于专任教师合计 10 人'],
      ['学校', 3, letter('学段'), '', '九年一贯制学校有多个学段：请在“学段”列填写 小学 或 初中（每个学段一行）'],
      ['学校', 4, letter('学段'), '初中', '办学类型为小学，不应有初中学段'],
      ['学校', 5, letter('学校（机构）名称'), '', '「学校（机构）名称」不能为空'],
      ['学校', 7, letter('学校（机构）名称'), '示例小学1', '「示例小学1」的小学学段与第 6 行重复'],
      ['学校', 8, letter('室内体育用房面积（㎡）'), '200', '室内体育用房 200 ㎡ 大于教学及辅助用房 100 ㎡（室内体育用房是其中的一部分）'],
      ['学校', 9, letter('在校生数：合计'), '', '「在校生数」不能为空'],
      ['学校', 10, letter('在校生数：合计'), '三百', '「在校生数：合计」应为数字（不能含文字）'],
    ])
    expect(() => env.handlers['balance.importCommit']({ token: preview.token })).toThrow('检查发现问题')
    expect(snapshot(join(env.dir, 'dudao.sqlite'))).toBe(before)
  })
})
