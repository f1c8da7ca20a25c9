import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Handlers } from '../../../shared/contract'
import { dispatch } from '../../../electron/core/dispatch'
import { createHandlers } from '../../../electron/core/handlers'
import { MIGRATIONS } from '../../../electron/core/db/migrations'
import { Workspace } from '../../../electron/core/workspace'
import { runCliIn } from '../../helpers/storage'

let cleanup: (() => void)[] = []
afterEach(() => {
  cleanup.forEach((f) => f())
  cleanup = []
})
function temp(prefix = 'dudao-restore-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix))
  cleanup.push(() => rmSync(d, { recursive: true, force: true }))
  return d
}
function open(dir: string): { ws: Workspace; handlers: Handlers } {
  const ws = new Workspace(dir)
  cleanup.unshift(() => ws.close())
  return { ws, handlers: createHandlers(ws) }
}
async function call(handlers: Handlers, channel: string, input: unknown = {}) {
  return dispatch(handlers, channel, input)
}
const phone = (ws: Workspace) => (ws.db().prepare('SELECT contact_phone AS p FROM office').get() as { p: string }).p

/** A demo workspace and a verified backup of it in another folder. */
async function demoWithBackup() {
  const dir = temp()
  const { ws, handlers } = open(dir)
  await handlers['system.loadDemo']({})
  const outDir = temp('dudao-restore-out-')
  const backup = await handlers['system.backup']({ targetDir: outDir, fileName: '备份.sqlite' })
  return { dir, ws, handlers, backup: backup.file, outDir }
}

describe('restore from a backup', () => {
  it('round trip: backup → change → restore → the change is gone, integrity ok, the changed file kept aside', async () => {
    const { ws, handlers, backup } = await demoWithBackup()
    const before = phone(ws)
    const office = ws.db().prepare('SELECT * FROM office').get()
    expect(office).toBeTruthy()
    ws.db().prepare("UPDATE office SET contact_phone = '0000-9999999'").run()
    const numbersBefore = (ws.db().prepare('SELECT count(*) AS n FROM doc_numbers').get() as { n: number }).n
    await handlers['numbers.allocate']({ prefix: '贺政教督发', year: 2024, title: '恢复前分配的文号' })

    const result = await call(handlers, 'system.restore', { file: backup })
    expect(result.ok).toBe(true)
    const data = (result as { data: { safetyCopy: string; schemaVersion: number } }).data
    expect(phone(ws)).toBe(before)
    expect((ws.db().prepare('SELECT count(*) AS n FROM doc_numbers').get() as { n: number }).n).toBe(numbersBefore)
    expect(ws.db().pragma('integrity_check', { simple: true })).toBe('ok')
    expect(data.schemaVersion).toBe(MIGRATIONS.length)
    expect(existsSync(`${ws.dbPath}-journal`)).toBe(false)

    // The database as it was before the restore is kept, with the change.
    const safety = new Database(data.safetyCopy, { readonly: true })
    expect((safety.prepare('SELECT contact_phone AS p FROM office').get() as { p: string }).p).toBe('0000-9999999')
    safety.close()
    const list = await handlers['system.backups']({})
    expect(list.map((b) => b.kind)).toContain('safety')
  })

  it('restore on the command line, and the restored data is what the next command sees', async () => {
    const dataDir = temp()
    const outDir = temp('dudao-restore-out-')
    await runCliIn(dataDir, ['demo'])
    const file = join(outDir, 'b.sqlite')
    expect((await runCliIn(dataDir, ['backup', file])).code).toBe(0)
    expect((await runCliIn(dataDir, ['numbers', 'allocate', '贺政教督发', '--year', '2024'])).out).toBe('贺政教督发〔2024〕8号')
    const restored = await runCliIn(dataDir, ['restore', file])
    expect(restored.code).toBe(0)
    expect(restored.out).toContain('已从')
    expect(restored.out).toContain('恢复前的数据库已另存为')
    expect((await runCliIn(dataDir, ['numbers', 'allocate', '贺政教督发', '--year', '2024'])).out).toBe('贺政教督发〔2024〕8号')
    expect((await runCliIn(dataDir, ['check'])).out).toBe('数据库完整性检查通过')
    expect((await runCliIn(dataDir, ['restore'])).err).toContain('请给出备份文件路径')
  })

  it('refuses a damaged, foreign, non-database or newer backup and leaves the database unchanged', async () => {
    const { ws, handlers, backup, outDir } = await demoWithBackup()
    ws.db().prepare("UPDATE office SET contact_phone = '0000-1111111'").run()

    const damaged = join(outDir, 'damaged.sqlite')
    copyFileSync(backup, damaged)
    const bytes = new Database(damaged, { readonly: true })
    const pages = bytes.pragma('page_count', { simple: true }) as number
    bytes.close()
    const fd = openSync(damaged, 'r+')
    writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, 4096 * Math.floor(pages / 2))
    closeSync(fd)

    const foreign = join(outDir, 'foreign.sqlite')
    const f = new Database(foreign)
    f.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'x')")
    f.close()

    const docx = join(outDir, '通知.docx')
    writeFileSync(docx, 'PK\u0003\u0004 not a database')

    const newer = join(outDir, 'newer.sqlite')
    copyFileSync(backup, newer)
    const n = new Database(newer)
    n.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(MIGRATIONS.length + 1, '9999_future', 'x')
    n.close()

    const cases: [string, RegExp][] = [
      [damaged, /已损坏/],
      [foreign, /其他程序的数据库/],
      [docx, /不是数据库文件/],
      [newer, /更新版本/],
      [join(outDir, 'missing.sqlite'), /找不到备份文件/],
      [ws.dbPath, /就是当前的数据库/],
    ]
    for (const [file, message] of cases) {
      const r = await call(handlers, 'system.restore', { file })
      expect(r.ok, file).toBe(false)
      expect((r as { error: { message: string } }).error.message).toMatch(message)
      expect(phone(ws)).toBe('0000-1111111')
    }
    expect(readdirSync(join(ws.dataDir)).filter((f) => f.startsWith('.restore'))).toEqual([])
  })

  it('refuses while another connection (another window or a running command) has the database open', async () => {
    const { ws, handlers, backup } = await demoWithBackup()
    ws.db().prepare("UPDATE office SET contact_phone = '0000-2222222'").run()
    const other = new Database(ws.dbPath)
    other.prepare('SELECT count(*) FROM office').get()
    const r = await call(handlers, 'system.restore', { file: backup })
    other.close()
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('正被另一个') } })
    expect(phone(ws)).toBe('0000-2222222')
  })

  it('a backup copied by hand over dudao.sqlite with a stale -wal beside it is detected, not opened, and restore repairs it', async () => {
    const { ws, handlers, backup } = await demoWithBackup()
    // After the backup: work that reaches the file by a checkpoint, then more work that stays in the -wal
    // (as in a running or crashed app).
    const db = ws.db()
    db.pragma('wal_autocheckpoint = 0')
    for (let i = 0; i < 40; i++) await handlers['numbers.allocate']({ prefix: '贺政教督发', year: 2024, title: `发文${i}`.repeat(40) })
    db.pragma('wal_checkpoint(TRUNCATE)')
    for (let i = 0; i < 40; i++) await handlers['numbers.allocate']({ prefix: '贺政教督发', year: 2025, title: `发文${i}`.repeat(40) })
    db.prepare("UPDATE office SET contact_phone = '0000-3333333'").run()
    // The state on disk at that moment, then the backup copied over the database file by hand.
    const crashed = temp('dudao-crashed-')
    copyFileSync(ws.dbPath, join(crashed, 'dudao.sqlite'))
    copyFileSync(`${ws.dbPath}-wal`, join(crashed, 'dudao.sqlite-wal'))
    // A raw copy of a live database file (WAL mode, not made by 「备份」) copied over it by hand.
    const raw = temp('dudao-raw-')
    const live = new Database(backup)
    live.pragma('journal_mode = WAL')
    live.close()
    copyFileSync(backup, join(raw, 'dudao.sqlite'))
    copyFileSync(join(raw, 'dudao.sqlite'), join(crashed, 'dudao.sqlite'))
    const fileBefore = readFileSync(join(crashed, 'dudao.sqlite'))

    const { ws: ws2, handlers: h2 } = open(crashed)
    const status = await h2['system.status']({})
    expect(status.storage.state).toBe('unavailable')
    expect(status.storage.message).toContain('已损坏')
    expect(status.storage.message).toContain('dudao.sqlite-wal')
    const write = await call(h2, 'numbers.allocate', { prefix: '贺政教督发', year: 2025, title: 'x' })
    expect(write).toMatchObject({ ok: false, error: { message: expect.stringContaining('已损坏') } })
    // Nothing was checkpointed into the copied file.
    expect(readFileSync(join(crashed, 'dudao.sqlite')).equals(fileBefore)).toBe(true)

    const r = await call(h2, 'system.restore', { file: backup })
    expect(r.ok).toBe(true)
    expect(ws2.db().pragma('integrity_check', { simple: true })).toBe('ok')
    expect(existsSync(join(crashed, 'dudao.sqlite-wal')) && statSync(join(crashed, 'dudao.sqlite-wal')).size > 0).toBe(false)
    expect((await h2['system.status']({})).storage.state).toBe('ok')
    expect(readdirSync(join(crashed, 'backups')).some((f) => f.startsWith('已损坏-') && f.endsWith('.sqlite-wal'))).toBe(true)
  })

  it('a backup made by 「备份」 copied by hand over dudao.sqlite with the live -wal beside it opens as the backup; the stale -wal is set aside', async () => {
    const { ws, handlers, backup } = await demoWithBackup()
    const db = ws.db()
    db.pragma('wal_autocheckpoint = 0')
    db.prepare("UPDATE office SET contact_phone = '0000-4444444'").run()
    for (let i = 0; i < 5; i++) await handlers['numbers.allocate']({ prefix: '贺政教督发', year: 2025, title: `发文${i}` })
    const copied = temp('dudao-copied-')
    copyFileSync(ws.dbPath, join(copied, 'dudao.sqlite'))
    copyFileSync(`${ws.dbPath}-wal`, join(copied, 'dudao.sqlite-wal'))
    copyFileSync(backup, join(copied, 'dudao.sqlite'))

    const { ws: ws2, handlers: h2 } = open(copied)
    const status = await h2['system.status']({})
    expect(status.storage.state).toBe('ok')
    expect(status.storage.notice).toContain('不属于它的日志文件')
    expect(phone(ws2)).not.toBe('0000-4444444')
    expect((ws2.db().prepare('SELECT count(*) AS n FROM doc_numbers WHERE year = 2025').get() as { n: number }).n).toBe(0)
    expect(ws2.db().pragma('integrity_check', { simple: true })).toBe('ok')
    expect(readdirSync(join(copied, 'backups')).some((f) => f.startsWith('残留日志-') && f.endsWith('-wal'))).toBe(true)
  })
})
