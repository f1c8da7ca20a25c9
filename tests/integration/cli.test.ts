import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cliRunner'
import { tempWorkspace } from '../helpers/tempWorkspace'

let envs: ReturnType<typeof tempWorkspace>[] = []
afterEach(() => {
  envs.forEach((e) => e.dispose())
  envs = []
})

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
    // --json prints the data itself (a failure prints { ok: false, error } and exits non-zero)
    const parsed = JSON.parse(info.out)
    expect(parsed.office.fullName).toBe('贺兰县人民政府教育督导室')
    expect(parsed.schemaVersion).toBeGreaterThan(0)
    expect(parsed.tables).toContainEqual({ table: 'office', rows: 1 })

    const again = await cli(['demo', '--data-dir', env.dir])
    expect(again.code).toBe(1)
    expect(again.err).toMatch(/^错误：当前数据库已有机关信息/)
  })

  it('backup writes a consistent copy to the given file and refuses to overwrite', async () => {
    const env = tempWorkspace()
    envs.push(env)
    await cli(['demo', '--data-dir', env.dir])
    const copies = tempWorkspace('dudao-cli-copies-')
    envs.push(copies)
    const file = join(copies.dir, '备份.sqlite')
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
    expect(badOption.err).toContain('参数有误：未知选项「--colour」')
    expect(badOption.err).not.toMatch(/Unknown option/)
    const missing = await cli(['backup', '--data-dir', '/tmp'])
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('请给出备份文件路径')
    const json = await cli(['frobnicate', '--json'])
    expect(JSON.parse(json.out)).toEqual({ ok: false, error: { message: expect.stringContaining('未知命令') } })
  })

  it("lists a command group's commands: dudao preschool --help (was 「未知命令「preschool」」), a missing or wrong subcommand", async () => {
    const help = await cli(['preschool', '--help'])
    expect(help.code).toBe(0)
    expect(help.out).toContain('「preschool」的命令：')
    expect(help.out).toMatch(/dudao preschool import .*\n\s+\S/)
    expect(help.out).toContain('dudao preschool indicators')
    const bare = await cli(['preschool'])
    expect(bare.code).toBe(2)
    expect(bare.err).toContain('「preschool」后面还要写命令')
    const wrong = await cli(['preschool', 'frob'])
    expect(wrong.code).toBe(2)
    expect(wrong.err).toContain('没有命令「preschool frob」')
    expect(wrong.err).toContain('dudao preschool template')
  })
})

describe('command-line door: documents and numbers', () => {
  it('allocates, reserves, voids, lists and exports through the same services', async () => {
    const env = tempWorkspace()
    envs.push(env)
    await cli(['demo', '--data-dir', env.dir])
    const d = ['--data-dir', env.dir]

    const allocated = await cli(['numbers', 'allocate', '贺政教督发', '--year', '2024', ...d])
    expect(allocated).toMatchObject({ code: 0, out: '贺政教督发〔2024〕8号' })
    const reserved = await cli(['numbers', 'reserve', '贺政教督函', '--purpose', '复函', '--year', '2024', ...d])
    expect(reserved.out).toBe('已预留 贺政教督函〔2024〕1号')
    const voided = await cli(['numbers', 'void', '贺政教督函[2024]01号', '--reason', '不再需要', '--by', '李明', ...d])
    expect(voided.out).toBe('已作废 贺政教督函〔2024〕1号')

    const register = await cli(['numbers', 'register', '--year', '2024', '--json', ...d])
    const entries = JSON.parse(register.out) as { docNumber: string; status: string }[]
    expect(entries.find((e) => e.docNumber === '贺政教督发〔2024〕5号')?.status).toBe('gap')
    expect(entries.find((e) => e.docNumber === '贺政教督函〔2024〕1号')?.status).toBe('voided')

    const outDir = tempWorkspace('dudao-cli-out-')
    envs.push(outDir)
    const xlsx = join(outDir.dir, '登记簿.xlsx')
    expect((await cli(['numbers', 'register', '--year', '2024', '--out', xlsx, ...d])).code).toBe(0)
    expect(existsSync(xlsx)).toBe(true)

    const list = await cli(['documents', 'list', '--year', '2024', ...d])
    expect(list.out).toContain('贺政教督发〔2024〕4号')
    const docx = join(outDir.dir, '通知.docx')
    const exported = await cli(['documents', 'export', '贺政教督发〔2024〕4号', '--out', docx, ...d])
    expect(exported.code).toBe(0)
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK')

    const missing = await cli(['documents', 'export', '贺政教督发〔2024〕99号', '--out', docx, ...d])
    expect(missing).toMatchObject({ code: 1, err: '错误：没有文号为「贺政教督发〔2024〕99号」的公文' })
    const badYear = await cli(['numbers', 'allocate', '贺政教督发', '--year', '24', ...d])
    expect(badYear.err).toContain('年份「24」无效')
    // Number() would read these as 2000 and 2024: refused, and nothing is allocated.
    for (const year of ['2e3', '0x7E8']) {
      expect(await cli(['numbers', 'allocate', '贺政教督发', '--year', year, ...d])).toMatchObject({
        code: 1,
        err: `错误：年份「${year}」无效，应为 1949–2100 之间的四位数年份，如 2024`,
      })
    }
    expect(JSON.parse((await cli(['numbers', 'register', '--year', '2000', '--json', ...d])).out)).toEqual([])
  })
})
