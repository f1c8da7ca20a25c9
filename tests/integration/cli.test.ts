import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../electron/core/handlers'
import { Workspace } from '../../electron/core/workspace'
import { runCli } from '../../electron/doors/cli'
import { tempWorkspace } from '../helpers/tempWorkspace'

let envs: ReturnType<typeof tempWorkspace>[] = []
afterEach(() => {
  envs.forEach((e) => e.dispose())
  envs = []
})

async function cli(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const opened: Workspace[] = []
  const code = await runCli(
    args,
    (dataDir) => {
      const ws = new Workspace(dataDir!)
      opened.push(ws)
      return createHandlers(ws)
    },
    { out: (t) => out.push(t), err: (t) => err.push(t) },
  )
  opened.forEach((w) => w.close())
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('command-line door', () => {
  it('info on an empty data dir says nothing is set up and creates no file', async () => {
    const env = tempWorkspace()
    envs.push(env)
    const r = await cli(['info', '--data-dir', env.dir])
    expect(r.code).toBe(0)
    expect(r.out).toContain('机关：（尚未设置）')
    expect(existsSync(env.ws.dbPath)).toBe(false)
  })

  it('demo loads the demo county; info --json reports it with row counts; a second demo is refused', async () => {
    const env = tempWorkspace()
    envs.push(env)
    const demo = await cli(['demo', '--data-dir', env.dir])
    expect(demo.code).toBe(0)
    expect(demo.out).toContain('贺兰县人民政府教育督导室')

    const info = await cli(['info', '--data-dir', env.dir, '--json'])
    const parsed = JSON.parse(info.out)
    expect(parsed.ok).toBe(true)
    expect(parsed.data.office.fullName).toBe('贺兰县人民政府教育督导室')
    expect(parsed.data.schemaVersion).toBeGreaterThan(0)
    expect(parsed.data.tables).toContainEqual({ table: 'office', rows: 1 })

    const again = await cli(['demo', '--data-dir', env.dir])
    expect(again.code).toBe(1)
    expect(again.err).toMatch(/^错误：当前数据库已有机关信息/)
  })

  it('backup writes a consistent copy to the given file and refuses to overwrite', async () => {
    const env = tempWorkspace()
    envs.push(env)
    await cli(['demo', '--data-dir', env.dir])
    const file = join(env.dir, 'copies', '备份.sqlite')
    const r = await cli(['backup', file, '--data-dir', env.dir])
    expect(r.code).toBe(0)
    const copy = new Database(file, { readonly: true })
    expect(copy.prepare('SELECT county FROM office').get()).toEqual({ county: '贺兰县' })
    copy.close()
    const again = await cli(['backup', file, '--data-dir', env.dir])
    expect(again.code).toBe(1)
    expect(again.err).toContain('备份文件已存在')
  })

  it('exits non-zero with a Chinese message on usage errors', async () => {
    const unknown = await cli(['frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('未知命令「frobnicate」')
    const badOption = await cli(['info', '--colour'])
    expect(badOption.code).toBe(2)
    expect(badOption.err).toContain('参数有误')
    const missing = await cli(['backup', '--data-dir', '/tmp'])
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('请给出备份文件路径')
    const json = await cli(['frobnicate', '--json'])
    expect(JSON.parse(json.out)).toEqual({ ok: false, error: { message: expect.stringContaining('未知命令') } })
  })
})
