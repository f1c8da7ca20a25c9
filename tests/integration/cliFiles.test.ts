import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CliCommand } from '../../electron/core/cli/command'
import { createHandlers } from '../../electron/core/handlers'
import { importCheck, importCommit } from '../../electron/core/imports/importSession'
import { Workspace } from '../../electron/core/workspace'
import { COMMANDS, fitToColumns, progressLine, runCli } from '../../electron/doors/cli'
import { createExampleTable, exampleImporter, writeExampleWorkbook } from '../helpers/exampleImporter'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dudao-clifiles-'))
  dirs.push(dir)
  return dir
}

/** Runs a command line (with an optional extra command table) and collects output and progress lines. */
async function cli(args: string[], extra: Record<string, CliCommand> = {}) {
  const out: string[] = []
  const err: string[] = []
  const progress: (string | null)[] = []
  let workspace: Workspace | undefined
  const code = await runCli(
    args,
    (dataDir) => {
      workspace = new Workspace(dataDir!)
      createExampleTable(workspace)
      return { workspace, handlers: createHandlers(workspace) }
    },
    { out: (t) => out.push(t), err: (t) => err.push(t), progress: (l) => progress.push(l) },
    { ...COMMANDS, ...extra },
  )
  const rows = workspace?.db().prepare('SELECT name, pupils FROM example_schools').all()
  workspace?.close()
  return { code, out: out.join('\n'), err: err.join('\n'), progress, rows }
}

/** What a module's import command looks like: a path argument, brought in with inputFile, checked, then committed. */
function importCommand(ws: () => Workspace): CliCommand {
  return {
    usage: 'example import <文件.xlsx>',
    summary: '测试用：导入学校名单',
    async run({ positionals, inputFile }) {
      const file = inputFile(positionals[0] ?? '')
      // A module would call its channels here (`<module>.importCheck { file }`); the test calls the core directly.
      const preview = await importCheck(ws(), exampleImporter(), file)
      if (!preview.canCommit)
        return { data: preview, text: preview.problems.map((p) => `第 ${p.row} 行 ${p.column} 列：${p.reason}`).join('\n') }
      const done = importCommit(ws(), exampleImporter(), preview.token)
      return { data: done, text: `已导入 ${done.rowsWritten} 行` }
    },
  }
}

describe('command-line door: files in and out', () => {
  it('draws a progress line with a bar when the total is known', () => {
    const e = {
      jobId: 'j',
      kind: 'k',
      title: '导入学校',
      state: 'running',
      done: 3,
      total: 10,
      message: '第 3 行',
      cancellable: false,
      seq: 2,
    } as const
    expect(progressLine(e, 10)).toBe('导入学校  [███░░░░░░░]  30%  第 3 行')
    // Cut to the terminal's width, CJK counted as two columns.
    expect(fitToColumns('导入学校 ab', 7)).toBe('导入学')
    expect(fitToColumns('导入学校 ab', 11)).toBe('导入学校 ab')
  })

  it('brings a file in by its path: checked, then committed', async () => {
    const dir = folder()
    const data = join(dir, 'data')
    const path = join(dir, '学校.xlsx')
    await writeExampleWorkbook(path, [
      ['第一小学', 1200],
      ['第二小学', 860],
    ])
    let currentWs: Workspace | undefined
    const r = await runCli(
      ['example', 'import', path, '--data-dir', data],
      (d) => {
        currentWs = new Workspace(d!)
        createExampleTable(currentWs)
        return { workspace: currentWs, handlers: createHandlers(currentWs) }
      },
      { out: () => {}, err: () => {} },
      { 'example import': importCommand(() => currentWs!) },
    )
    expect(r).toBe(0)
    expect(currentWs!.db().prepare('SELECT name, pupils FROM example_schools').all()).toEqual([
      { name: '第一小学', pupils: 1200 },
      { name: '第二小学', pupils: 860 },
    ])
    // The user's own file is read, never deleted.
    expect(existsSync(path)).toBe(true)
    currentWs!.close()
  })

  it('refuses a missing path in Chinese with exit code 1', async () => {
    const dir = folder()
    const r = await cli(['example', 'import', join(dir, '没有.xlsx'), '--data-dir', join(dir, 'data')], {
      'example import': importCommand(() => {
        throw new Error('not reached')
      }),
    })
    expect(r.code).toBe(1)
    expect(r.err).toBe(`错误：找不到文件或无法读取：${join(dir, '没有.xlsx')}`)
  })

  it('writes --out through a job with a progress line; an existing file only with --force', async () => {
    const dir = folder()
    const d = ['--data-dir', join(dir, 'data')]
    expect((await cli(['demo', ...d])).code).toBe(0)
    const out = join(dir, '通知.docx')
    writeFileSync(out, 'keep me')
    const refused = await cli(['documents', 'export', '1', '--out', out, ...d])
    expect(refused.code).toBe(1)
    expect(refused.err).toBe(`错误：文件已存在：${out}。如要覆盖，请加 --force`)
    expect(readFileSync(out, 'utf8')).toBe('keep me')

    const forced = await cli(['documents', 'export', '1', '--out', out, '--force', ...d])
    expect(forced).toMatchObject({ code: 0, out: `已导出：${out}` })
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK')
    expect(forced.progress[0]).toBe('导出 Word：关于开展2024年春季开学工作专项督导的通知  正在排版并生成 Word 文件……')
    expect(forced.progress.at(-1)).toBeNull()
  })
})
