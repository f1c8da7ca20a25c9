import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../../electron/core/dispatch'
import { cli } from '../../helpers/cliRunner'
import { exportedFile } from '../../helpers/exported'
import { tempWorkspace } from '../../helpers/tempWorkspace'
import { seedSchools } from './helpers'

let envs: ReturnType<typeof tempWorkspace>[] = []
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(2025, 3, 10, 9, 0)) // 2025-04-10 local
})
afterEach(() => {
  vi.useRealTimers()
  envs.forEach((e) => e.dispose())
  envs = []
})

async function world() {
  const env = tempWorkspace()
  envs.push(env)
  const call = async (channel: string, payload: unknown) => {
    const r = await dispatch(env.handlers, channel, payload)
    if (!r.ok) throw new Error(r.error.message)
    return r.data as any
  }
  seedSchools(env.ws)
  await call('supervision.saveInspector', { name: '李明', kind: '兼职', activeFrom: 2024 })
  await call('supervision.saveInspector', { name: '王红', kind: '专职', activeFrom: 2020 })
  return { env, call }
}

/** Fills the template's 督导记录 sheet from row 2 (the example row replaced). */
async function filled(template: string, rows: Record<string, string | number>[], out: string) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(template)
  const sheet = wb.getWorksheet('督导记录')!
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String)
  sheet.spliceRows(2, 1)
  rows.forEach((r, i) => {
    const row = sheet.getRow(i + 2)
    for (const [h, v] of Object.entries(r)) row.getCell(headers.indexOf(h) + 1).value = v
    row.commit()
  })
  await wb.xlsx.writeFile(out)
}

const GOOD: Record<string, string | number>[] = [
  {
    督导日期: '2025-03-18',
    责任督学: '李明',
    随同督学: '王红',
    学校: '城关一小',
    督导主题: '开学检查',
    督导事项: '校园及周边安全',
    '听课（节）': 2,
    发现的问题: '消防通道堆放杂物\n【小问题】课表张贴不规范',
    处理级别: '一般问题',
    学校已签字: '是',
    填报日期: '2025-03-19',
  },
  {
    督导日期: '2025-03-20',
    责任督学: '王红',
    学校: '城关中学',
    督导事项: '课程与教学、校园及周边安全',
    发现的问题: '',
    填报日期: '2025-03-25',
  },
]

describe('supervision visit template / import on the command line', () => {
  it('template → fill → import: visits written, findings in the ledger, records timely or not', async () => {
    const { env, call } = await world()
    const tpl = join(env.dir, '..', `${env.dir.split('/').pop()}-模板.xlsx`)
    const t = await cli(['supervision', 'visit', 'template', '--out', tpl, '--data-dir', env.dir])
    expect(t.err).toBe('')
    const file = tpl.replace('模板', '记录')
    await filled(tpl, GOOD, file)
    const r = await cli(['supervision', 'visit', 'import', file, '--data-dir', env.dir])
    expect(r.err).toBe('')
    expect(r.out).toContain('已导入 2 条督导记录。')
    const visits = await call('supervision.visits', { year: 2025 })
    expect(visits.map((v: any) => [v.date, v.inspectorName, v.institutionName, v.recordedInTime])).toEqual([
      ['2025-03-20', '王红', '城关中学', false],
      ['2025-03-18', '李明', '城关一小', true],
    ])
    const first = visits[1]
    expect(first).toMatchObject({ companionNames: ['王红'], methods: { 听课: 2 }, schoolSigned: true, itemKeys: ['safety'] })
    expect(first.findings.map((f: any) => [f.description, f.level, f.itemKey])).toEqual([
      ['消防通道堆放杂物', '一般问题', 'safety'],
      ['课表张贴不规范', '小问题', 'safety'],
    ])
    const ledger = await cli(['supervision', 'ledger', '--status', 'open', '--json', '--data-dir', env.dir])
    const page = JSON.parse(ledger.out)
    expect(page.rows.map((e: any) => [e.code, e.description, e.visitId, e.deadline])).toEqual([
      ['2025-0001', '消防通道堆放杂物', first.id, '2025-04-17'],
      ['2025-0002', '课表张贴不规范', first.id, '2025-04-17'],
    ])
    const text = await cli(['supervision', 'ledger', '--data-dir', env.dir])
    expect(text.out).toContain('2025-0001\t2025-03-18\t城关一小\t校园及周边安全\t一般问题\t待整改\t时限 2025-04-17\t消防通道堆放杂物')
  })

  it('a bad workbook writes nothing and names every problem (unknown 督学 and school in Chinese)', async () => {
    const { env, call } = await world()
    const tpl = join(env.dir, '..', `${env.dir.split('/').pop()}-模板.xlsx`)
    await cli(['supervision', 'visit', 'template', '--out', tpl, '--data-dir', env.dir])
    const file = tpl.replace('模板', '错误')
    await filled(
      tpl,
      [
        GOOD[0],
        { ...GOOD[1], 责任督学: '赵六' },
        { 督导日期: '2025-03-21', 责任督学: '李明', 学校: '不存在小学' },
        { 督导日期: '2099-01-01', 责任督学: '李明', 学校: '城关二小', 处理级别: '很严重' },
        { ...GOOD[0], 随同督学: '' }, // the same visit twice
        { 督导日期: '三月十八日', 责任督学: '李明', 学校: '城关二小' }, // text in the date column
      ],
      file,
    )
    const r = await cli(['supervision', 'visit', 'import', file, '--data-dir', env.dir])
    expect(r.code).not.toBe(0)
    expect(r.err).toContain('督导记录 第 3 行 B 列「赵六」：督学名单中没有「赵六」，请先在督学名单中添加')
    expect(r.err).toContain('督导记录 第 4 行 D 列「不存在小学」：学校名录中没有「不存在小学」，请先在学校名录中添加或检查名称')
    expect(r.err).toContain('第 5 行 A 列「2099-01-01」：「督导日期」晚于今天')
    expect(r.err).toContain('第 7 行 A 列「三月十八日」：「督导日期」应写作 2021-09-01')
    expect(r.err).toContain('第 5 行')
    expect(r.err).toContain('处理级别应为 无意见、小问题、一般问题、严重问题、复杂问题 之一')
    expect(r.err).toContain('第 6 行 A 列「2025-03-18」：与第 2 行重复（同一天、同一督学、同一学校）')
    expect(r.err).toContain('未导入任何数据。')
    expect(await call('supervision.visits', {})).toEqual([])
    expect((await call('supervision.ledger', {})).total).toBe(0)
  })

  it('importing the same file twice is refused as duplicates', async () => {
    const { env } = await world()
    const tpl = join(env.dir, '..', `${env.dir.split('/').pop()}-模板.xlsx`)
    await cli(['supervision', 'visit', 'template', '--out', tpl, '--data-dir', env.dir])
    const file = tpl.replace('模板', '两次')
    await filled(tpl, GOOD, file)
    expect((await cli(['supervision', 'visit', 'import', file, '--data-dir', env.dir])).code).toBe(0)
    const again = await cli(['supervision', 'visit', 'import', file, '--data-dir', env.dir])
    expect(again.err).toContain('已有同一天、同一督学、同一学校的督导记录（可能已导入过）')
  })

  it('the ledger exports as .xlsx with the SUPERVISION.md columns', async () => {
    const { env, call } = await world()
    const ids = (await call('supervision.visits', {})).length
    expect(ids).toBe(0)
    const inst = env.ws.db().prepare("SELECT id FROM institutions WHERE name = '城关一小'").get() as { id: number }
    await call('supervision.saveEntry', {
      foundDate: '2025-03-01',
      institutionId: inst.id,
      description: '围墙破损',
      deadline: '2025-03-31',
    })
    const out = await call('supervision.exportLedger', {})
    const file = await exportedFile(env.ws, out)
    expect(file.fileName).toBe('问题台账-2025-04-10.xlsx')
    const path = join(env.dir, 'ledger.xlsx')
    writeFileSync(path, file.data)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(path)
    const sheet = wb.getWorksheet('问题台账')!
    expect(String(sheet.getCell('A1').value)).toBe('问题台账（截至 2025-04-10，共 1 条）')
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      '编号',
      '来源',
      '发现日期',
      '督学',
      '学校',
      '督导事项',
      '月主题',
      '问题描述',
      '处理级别',
      '责任单位',
      '责任人',
      '整改措施',
      '整改时限',
      '关联文书',
      '整改进展',
      '整改报告日期',
      '复查日期',
      '复查人',
      '复查结果',
      '销号日期',
      '销号依据',
      '是否逾期',
      '状态',
    ])
    const row = (sheet.getRow(3).values as unknown[]).slice(1)
    expect(row[0]).toBe('2025-0001')
    expect(row[7]).toBe('围墙破损')
    expect(row[21]).toBe('逾期10天')
  })
})
