import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Handlers } from '../../../shared/contract'
import { dispatch } from '../../../electron/core/dispatch'
import { createHandlers } from '../../../electron/core/handlers'
import { backupFileName } from '../../../electron/core/system/backups'
import { Workspace } from '../../../electron/core/workspace'
import { loginCookie } from '../../helpers/httpSession'
import { startHttpDoor } from '../../../electron/doors/http'

let cleanup: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const f of cleanup) await f()
  cleanup = []
})
function temp(prefix = 'dudao-backups-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix))
  cleanup.push(() => rmSync(d, { recursive: true, force: true }))
  return d
}
function open(dir: string): { ws: Workspace; handlers: Handlers } {
  const ws = new Workspace(dir)
  cleanup.unshift(async () => {
    await ws.idle()
    ws.close()
  })
  return { ws, handlers: createHandlers(ws) }
}
async function demoDir(): Promise<string> {
  const dir = temp()
  const { ws, handlers } = open(dir)
  await handlers['system.loadDemo']({})
  await ws.idle()
  ws.close()
  return dir
}

describe('automatic backups', () => {
  it('one a day at the first open of an existing database, verified, listed with local time and size', async () => {
    const dir = await demoDir()
    // Creating the database is not a "use" worth a backup.
    expect(existsSync(join(dir, 'backups'))).toBe(false)

    const { ws, handlers } = open(dir)
    await handlers['system.status']({})
    const list = await handlers['system.backups']({})
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ kind: 'auto', fileName: expect.stringMatching(/^自动备份-\d{8}-\d{6}\.sqlite$/) })
    expect(list[0].bytes).toBeGreaterThan(10_000)
    const made = new Date(list[0].createdAt)
    expect(list[0].fileName).toContain(
      `${made.getFullYear()}${String(made.getMonth() + 1).padStart(2, '0')}${String(made.getDate()).padStart(2, '0')}-`,
    )
    const copy = new Database(list[0].file, { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    expect(copy.prepare('SELECT county FROM office').get()).toEqual({ county: '贺兰县' })
    copy.close()
    ws.close()

    // The second open the same day makes none.
    const again = open(dir)
    await again.handlers['system.status']({})
    expect(await again.handlers['system.backups']({})).toHaveLength(1)
  })

  it('an app left open overnight makes the next day’s backup at the first use of that day', async () => {
    const dir = await demoDir()
    const { ws, handlers } = open(dir)
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(new Date(2031, 4, 6, 23, 50))
      await handlers['system.status']({})
      expect((await handlers['system.backups']({})).map((b) => b.fileName)).toEqual(['自动备份-20310506-235000.sqlite'])
      vi.setSystemTime(new Date(2031, 4, 7, 8, 15))
      await handlers['documents.list']({ query: '' })
      await ws.idle()
      expect((await handlers['system.backups']({})).map((b) => b.fileName)).toEqual([
        '自动备份-20310507-081500.sqlite',
        '自动备份-20310506-235000.sqlite',
      ])
    } finally {
      vi.useRealTimers()
    }
  })

  it('rotation removes old automatic backups and leaves the copies kept before a restore', async () => {
    const dir = await demoDir()
    mkdirSync(join(dir, 'backups'))
    const today = new Date()
    const seed = join(dir, 'seed.sqlite')
    const src = new Database(join(dir, 'dudao.sqlite'), { readonly: true })
    await src.backup(seed)
    src.close()
    for (let i = 1; i <= 40; i++) {
      copyFileSync(
        seed,
        join(dir, 'backups', backupFileName('auto', new Date(today.getFullYear(), today.getMonth(), today.getDate() - i, 9))),
      )
    }
    copyFileSync(
      seed,
      join(dir, 'backups', backupFileName('safety', new Date(today.getFullYear(), today.getMonth(), today.getDate() - 90, 9))),
    )
    const { handlers } = open(dir)
    await handlers['system.status']({})
    const list = await handlers['system.backups']({})
    const autos = list.filter((b) => b.kind === 'auto')
    expect(autos.length).toBeGreaterThanOrEqual(7 + 3)
    expect(autos.length).toBeLessThanOrEqual(7 + 4)
    expect(list.filter((b) => b.kind === 'safety')).toHaveLength(1)
    expect(autos[0].createdAt > autos[1].createdAt).toBe(true)
  })
})

describe('manual backup target and integrity', () => {
  it('a backup to /proc/nonexistent/备份 is refused at once in Chinese while other requests are answered', async () => {
    const dir = await demoDir()
    const { handlers, ws } = open(dir)
    const door = await startHttpDoor({ handlers })
    cleanup.unshift(() => door.close())
    const cookie = await loginCookie(door)
    const api = (channel: string, payload: unknown) =>
      fetch(`${door.url}api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: JSON.stringify(payload),
      }).then((r) => r.json() as Promise<{ ok: boolean; error?: { message: string; field?: string } }>)
    const [backup, status] = await Promise.all([api('system.backup', { targetDir: '/proc/nonexistent/备份' }), api('system.status', {})])
    expect(backup).toEqual({
      ok: false,
      error: { message: expect.stringContaining('文件夹不存在：/proc/nonexistent/备份'), field: 'targetDir' },
    })
    expect(status.ok).toBe(true)
    expect(existsSync('/proc/nonexistent')).toBe(false)
    expect(ws.isOpen()).toBe(true)
  })

  it('refuses the data folder, a folder inside it, a file, and never creates folders', async () => {
    const dir = await demoDir()
    const { handlers } = open(dir)
    const out = temp('dudao-backup-out-')
    writeFileSync(join(out, 'a-file'), 'x')
    const cases: [string, RegExp][] = [
      [dir, /数据文件夹之外/],
      [join(dir, 'backups'), /数据文件夹之外/],
      [join(out, 'a-file'), /不是文件夹/],
      [join(out, 'new', 'deeper'), /文件夹不存在/],
    ]
    for (const [targetDir, message] of cases) {
      const r = await dispatch(handlers, 'system.backup', { targetDir })
      expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(message), field: 'targetDir' } })
    }
    expect(existsSync(join(out, 'new'))).toBe(false)
    const ok = await dispatch(handlers, 'system.backup', { targetDir: out })
    expect(ok.ok).toBe(true)
  })

  it('a backup of a damaged database does not report success and leaves no file; 完整性检查 reports the damage', async () => {
    const dir = await demoDir()
    damageIndex(join(dir, 'dudao.sqlite'))
    const { handlers } = open(dir)
    // quick_check at open does not see this kind of damage, so the database opens …
    expect((await handlers['system.status']({})).storage.state).toBe('ok')
    // … but the full check after the backup does.
    const out = temp('dudao-backup-out-')
    const r = await dispatch(handlers, 'system.backup', { targetDir: out })
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('备份未完成：数据库的完整性检查没有通过') } })
    expect(readdirSync(out)).toEqual([])
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'))).toEqual([])
    const check = await handlers['system.checkIntegrity']({})
    expect(check.ok).toBe(false)
    expect(check.problems.join('\n')).toMatch(/probe_v/)
  })
})

/**
 * Damages a database in a way only `integrity_check` sees: an index whose entries no longer match
 * its table (the index definition is hidden while the table changes, then put back).
 */
function damageIndex(file: string): void {
  const a = new Database(file)
  a.unsafeMode(true)
  a.exec("CREATE TABLE probe (v TEXT); CREATE INDEX probe_v ON probe (v); INSERT INTO probe VALUES ('a'), ('b'), ('c');")
  const row = a.prepare("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master WHERE name = 'probe_v'").get() as Record<
    string,
    unknown
  >
  a.pragma('writable_schema = ON')
  a.prepare("DELETE FROM sqlite_master WHERE name = 'probe_v'").run()
  a.close()
  const b = new Database(file)
  b.unsafeMode(true)
  b.exec("UPDATE probe SET v = 'z' WHERE v = 'a'")
  b.pragma('writable_schema = ON')
  b.prepare('INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES (?, ?, ?, ?, ?)').run(
    row.type,
    row.name,
    row.tbl_name,
    row.rootpage,
    row.sql,
  )
  b.close()
  const c = new Database(file, { readonly: true })
  const quick = c.pragma('quick_check', { simple: true })
  const full = c.pragma('integrity_check', { simple: true })
  c.close()
  if (quick !== 'ok' || full === 'ok') throw new Error(`damageIndex: quick=${String(quick)} full=${String(full)}`)
}

describe('the data folder itself', () => {
  it('a data folder on a pseudo file system is refused in Chinese instead of looping in mkdir', async () => {
    const ws = new Workspace('/proc/nonexistent/数据')
    const handlers = createHandlers(ws)
    const r = await dispatch(handlers, 'system.loadDemo', {})
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('无法创建文件夹：/proc/nonexistent') } })
    expect((await dispatch(handlers, 'system.status', {})).ok).toBe(true)
  })
})
