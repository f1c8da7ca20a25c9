import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { runCliIn } from '../../helpers/storage'

let dirs: string[] = []
afterEach(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }))
  dirs = []
})
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'dudao-cliout-'))
  dirs.push(d)
  return d
}

describe('command line: output files never touch the data folder, overwrite only with --force', () => {
  it('documents export --out <data dir>/dudao.sqlite is refused and the database stays intact', async () => {
    const dataDir = temp()
    const cli = (...args: string[]) => runCliIn(dataDir, args)
    expect((await cli('demo')).code).toBe(0)
    for (const name of ['dudao.sqlite', 'dudao.sqlite-wal', 'dudao.sqlite-shm', '通知.docx']) {
      const r = await cli('documents', 'export', '贺政教督发〔2024〕4号', '--out', join(dataDir, name), '--force')
      expect(r.code).toBe(1)
      expect(r.err).toContain('不能把文件保存到数据文件夹')
    }
    const register = await cli('numbers', 'register', '--year', '2024', '--out', join(dataDir, 'dudao.sqlite'))
    expect(register).toMatchObject({ code: 1, err: expect.stringContaining('不能把文件保存到数据文件夹') })
    const db = new Database(join(dataDir, 'dudao.sqlite'), { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.prepare('SELECT county FROM office').get()).toEqual({ county: '贺兰县' })
    db.close()
    expect((await cli('documents', 'list')).code).toBe(0)
  })

  it('an existing file is kept unless --force is given', async () => {
    const dataDir = temp()
    const outDir = temp()
    const cli = (...args: string[]) => runCliIn(dataDir, args)
    await cli('demo')
    const docx = join(outDir, '通知.docx')
    writeFileSync(docx, 'my own file')
    const refused = await cli('documents', 'export', '贺政教督发〔2024〕4号', '--out', docx)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('文件已存在')
    expect(refused.err).toContain('--force')
    expect(readFileSync(docx, 'utf8')).toBe('my own file')
    const forced = await cli('documents', 'export', '贺政教督发〔2024〕4号', '--out', docx, '--force')
    expect(forced.code).toBe(0)
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK')

    const xlsx = join(outDir, '登记簿.xlsx')
    expect((await cli('numbers', 'register', '--year', '2024', '--out', xlsx)).code).toBe(0)
    expect((await cli('numbers', 'register', '--year', '2024', '--out', xlsx)).err).toContain('文件已存在')
    expect((await cli('numbers', 'register', '--year', '2024', '--out', xlsx, '--force')).code).toBe(0)
  })
})
