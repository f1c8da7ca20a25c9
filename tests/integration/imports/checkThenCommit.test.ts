import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { fileStore } from '../../../electron/core/files/fileStore'
import { importCheck, importCommit, importSessions, IMPORT_TOKEN_TTL_MS } from '../../../electron/core/imports/importSession'
import { jobRunner } from '../../../electron/core/jobs/jobRunner'
import { createExampleTable, exampleImporter, writeExampleWorkbook } from '../../helpers/exampleImporter'
import { tempWorkspace } from '../../helpers/tempWorkspace'

let envs: ReturnType<typeof tempWorkspace>[] = []
afterEach(() => {
  envs.forEach((e) => e.dispose())
  envs = []
})

function setup() {
  const env = tempWorkspace()
  envs.push(env)
  createExampleTable(env.ws)
  return env
}

/** Every row of every table, to prove a refused or failed commit changed nothing. */
function snapshot(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true })
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]
  const dump = tables.map((t) => `${t.name}:${JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())}`).join('\n')
  db.close()
  return dump
}

const GOOD_ROWS = [
  ['第一小学', 1200, ''],
  ['第二小学', 860, '新建'],
  [null, null, null],
  ['第三中学', 1530, ''],
]

describe('imports: check, then commit', () => {
  it('check reads and maps without writing; commit writes every row and releases an uploaded file', async () => {
    const env = setup()
    const path = join(env.dir, 'schools.xlsx')
    await writeExampleWorkbook(path, GOOD_ROWS)
    // As the browser door does for an upload: a temporary file, deleted once used.
    const file = fileStore(env.ws).registerInput(path, { temporary: true, name: '学校.xlsx' })
    const before = snapshot(env.ws.dbPath)

    const preview = await importCheck(env.ws, exampleImporter(), { fileId: file.fileId })
    expect(preview).toMatchObject({ fileName: '学校.xlsx', rowsRead: 3, rowsAccepted: 3, problems: [], canCommit: true })
    expect(preview.columns).toEqual([
      { column: 'A', header: '学校名称', field: '学校名称' },
      { column: 'B', header: '在校生数', field: '在校生数' },
      { column: 'C', header: '备注', field: null },
    ])
    expect(preview.warnings).toEqual(['第 C 列「备注」不是可导入的项目，已忽略'])
    expect(preview.sample[0]).toEqual({ 学校名称: '第一小学', 在校生数: 1200 })
    expect(preview.token).toMatch(/^i_/)
    expect(snapshot(env.ws.dbPath)).toBe(before)

    expect(importCommit(env.ws, exampleImporter(), preview.token)).toEqual({ rowsWritten: 3 })
    expect(env.ws.db().prepare('SELECT name, pupils FROM example_schools ORDER BY rowid').all()).toEqual([
      { name: '第一小学', pupils: 1200 },
      { name: '第二小学', pupils: 860 },
      { name: '第三中学', pupils: 1530 },
    ])
    expect(existsSync(path)).toBe(false)
    // A token is spent by its commit.
    expect(() => importCommit(env.ws, exampleImporter(), preview.token)).toThrow('导入凭据无效或已被使用，请重新检查文件')
  })

  it('a deliberately failing commit leaves the database unchanged', async () => {
    const env = setup()
    const path = join(env.dir, 'schools.xlsx')
    await writeExampleWorkbook(path, GOOD_ROWS)
    env.ws.db().prepare("INSERT INTO example_schools VALUES ('原有学校', 10)").run()
    const file = fileStore(env.ws).registerInput(path)
    const failing = exampleImporter({ failAtRow: 2 })
    const preview = await importCheck(env.ws, failing, file)
    expect(preview.canCommit).toBe(true)
    const before = snapshot(env.ws.dbPath)

    expect(() => importCommit(env.ws, failing, preview.token)).toThrow('故意失败：写入中途出错')
    expect(snapshot(env.ws.dbPath)).toBe(before)
    expect(env.ws.db().prepare('SELECT count(*) AS n FROM example_schools').get()).toEqual({ n: 1 })
  })

  it('reports every problem with sheet, row, column, value and reason, and refuses the commit', async () => {
    const env = setup()
    const path = join(env.dir, 'bad.xlsx')
    await writeExampleWorkbook(path, [
      ['第一小学', 1200],
      ['', 300],
      ['第二小学', '约八百'],
    ])
    const before = snapshot(env.ws.dbPath)
    const preview = await importCheck(env.ws, exampleImporter(), fileStore(env.ws).registerInput(path))
    expect(preview.rowsRead).toBe(3)
    expect(preview.rowsAccepted).toBe(1)
    expect(preview.canCommit).toBe(false)
    expect(preview.problems).toEqual([
      { sheet: '学校', row: 4, column: 'A', value: '', reason: '「学校名称」不能为空' },
      { sheet: '学校', row: 5, column: 'B', value: '约八百', reason: '应为不超过 6 位的非负整数' },
    ])
    expect(() => importCommit(env.ws, exampleImporter(), preview.token)).toThrow(/检查发现问题/)
    expect(snapshot(env.ws.dbPath)).toBe(before)
  })

  it('refuses in Chinese an unknown, expired or foreign token, and a file changed after the check', async () => {
    const env = setup()
    let now = Date.parse('2026-03-01T08:00:00Z')
    importSessions(env.ws, () => now)
    const path = join(env.dir, 'schools.xlsx')
    await writeExampleWorkbook(path, GOOD_ROWS)
    const file = fileStore(env.ws).registerInput(path)
    const before = snapshot(env.ws.dbPath)

    expect(() => importCommit(env.ws, exampleImporter(), `i_${'x'.repeat(32)}`)).toThrow('导入凭据无效或已被使用，请重新检查文件')

    const foreign = await importCheck(env.ws, exampleImporter(), file)
    expect(() => importCommit(env.ws, exampleImporter({ key: 'other.import' }), foreign.token)).toThrow(
      '导入凭据不属于这项导入，请重新检查文件',
    )

    const expiring = await importCheck(env.ws, exampleImporter(), file)
    now += IMPORT_TOKEN_TTL_MS + 1
    expect(() => importCommit(env.ws, exampleImporter(), expiring.token)).toThrow('导入凭据已过期（检查后超过 30 分钟），请重新检查文件')

    const changed = await importCheck(env.ws, exampleImporter(), file)
    writeFileSync(path, 'changed')
    expect(() => importCommit(env.ws, exampleImporter(), changed.token)).toThrow('文件「schools.xlsx」在检查后被修改过，请重新检查后再导入')
    expect(snapshot(env.ws.dbPath)).toBe(before)
  })

  it('runs the check as a job with progress, and can cancel it', async () => {
    const env = setup()
    const path = join(env.dir, 'many.xlsx')
    await writeExampleWorkbook(
      path,
      Array.from({ length: 1000 }, (_, i) => [`学校${i + 1}`, i]),
    )
    const file = fileStore(env.ws).registerInput(path)
    const progress: string[] = []
    const ctx = {
      progress: (done: number, total: number, message?: string) => void progress.push(`${done}/${total} ${message}`),
      signal: new AbortController().signal,
      throwIfCancelled: () => {},
    }
    const preview = await importCheck(env.ws, exampleImporter(), file, ctx)
    expect(preview.rowsAccepted).toBe(1000)
    expect(progress).toEqual([
      '0/0 正在读取文件……',
      '202/1002 正在检查第 202 行……',
      '402/1002 正在检查第 402 行……',
      '602/1002 正在检查第 602 行……',
      '802/1002 正在检查第 802 行……',
      '1002/1002 正在检查第 1002 行……',
    ])

    const runner = jobRunner(env.ws)
    const started = runner.start({ kind: 'example.importCheck', title: '检查学校名单', cancellable: true }, (ctx) =>
      importCheck(env.ws, exampleImporter(), file, ctx),
    )
    runner.cancel(started.jobId)
    expect((await runner.wait(started.jobId)).state).toBe('cancelled')
  })

  it('refuses a file that is not a workbook, or lacks a required column, in Chinese', async () => {
    const env = setup()
    const text = join(env.dir, 'notes.xlsx')
    writeFileSync(text, 'not a zip')
    await expect(importCheck(env.ws, exampleImporter(), fileStore(env.ws).registerInput(text))).rejects.toThrow(
      /无法读取该文件：请选择 Excel 工作簿/,
    )
    const noCount = join(env.dir, 'nocount.xlsx')
    await writeExampleWorkbook(noCount, [['第一小学']], ['学校名称'])
    await expect(importCheck(env.ws, exampleImporter(), fileStore(env.ws).registerInput(noCount))).rejects.toThrow(
      '在「学校」的前 10 行中找不到这些列：在校生数（表头应写作 在校生数）',
    )
    expect(() => fileStore(env.ws).resolveInput({ fileId: `f_${'a'.repeat(32)}` })).toThrow(
      '文件已失效（超过时限或已使用），请重新选择文件',
    )
  })
})
