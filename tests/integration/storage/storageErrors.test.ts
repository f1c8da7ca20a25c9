import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Handlers } from '../../../shared/contract'
import { dispatch } from '../../../electron/core/dispatch'
import { LOG_MAX_BYTES, logError } from '../../../electron/core/errors'
import { createHandlers } from '../../../electron/core/handlers'
import { Workspace } from '../../../electron/core/workspace'
import { SAMPLE_PROFILE } from '../../helpers/tempWorkspace'

let cleanup: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const f of cleanup) await f()
  cleanup = []
})
function temp(prefix = 'dudao-errors-'): string {
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
async function demoIn(dir: string): Promise<void> {
  const { ws, handlers } = open(dir)
  await handlers['system.loadDemo']({})
  ws.close()
}
const message = (r: unknown) => (r as { error?: { message: string } }).error?.message ?? ''

/** A small tmpfs for real disk-full and read-only tests; null where mounting is not allowed. */
function mountTmpfs(sizeKb: number): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null
  const dir = mkdtempSync(join(tmpdir(), 'dudao-tmpfs-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' })
  } catch {
    rmSync(dir, { recursive: true, force: true })
    return null
  }
  cleanup.push(() => {
    execFileSync('umount', ['-l', dir], { stdio: 'ignore' })
    rmSync(dir, { recursive: true, force: true })
  })
  return dir
}
const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false
  const dir = mkdtempSync(join(tmpdir(), 'dudao-tmpfs-probe-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' })
    execFileSync('umount', [dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})()

describe('storage errors reach the user in Chinese, details go to the log', () => {
  it.each([
    ['SQLITE_FULL', 'database or disk is full', /磁盘已满.*腾出空间/],
    ['SQLITE_IOERR_WRITE', 'disk I/O error', /读写磁盘时出错.*检查磁盘空间/],
    ['SQLITE_READONLY', 'attempt to write a readonly database', /只读.*取消数据库文件的「只读」属性/],
    ['EACCES', "EACCES: permission denied, open 'D:\\\\x'", /没有权限.*修改」权限/],
    ['EPERM', 'EPERM: operation not permitted', /没有权限/],
    ['SQLITE_CORRUPT', 'database disk image is malformed', /已损坏.*从备份恢复/],
  ])('%s → a sentence that says what to do, no stack on screen, the stack in logs/dudao.log', async (code, text, expected) => {
    const dir = temp()
    const { handlers } = open(dir)
    ;(handlers as Record<string, unknown>)['documents.list'] = () => {
      throw Object.assign(new Error(text), { code })
    }
    const r = await dispatch(handlers, 'documents.list', { query: '' })
    expect(r.ok).toBe(false)
    expect(message(r)).toMatch(expected)
    expect(message(r)).not.toMatch(/\n|    at |Error:/)
    expect(message(r)).toContain(join(dir, 'logs', 'dudao.log'))
    const log = readFileSync(join(dir, 'logs', 'dudao.log'), 'utf8')
    expect(log).toContain(`[${code}]`)
    expect(log).toMatch(/at .*storageErrors\.test\.ts/)
  })

  it('the log is rotated by size', () => {
    const dir = temp()
    const big = new Error('x'.repeat(200_000))
    for (let i = 0; i < 8; i++) logError(dir, '测试', big)
    const files = readdirSync(join(dir, 'logs')).sort()
    expect(files).toContain('dudao.log.1')
    expect(statSync(join(dir, 'logs', 'dudao.log')).size).toBeLessThanOrEqual(LOG_MAX_BYTES + 250_000)
  })

  it('a damaged database is not opened: a Chinese message offers the latest good backup, the file is left as it was', async () => {
    const dir = temp()
    await demoIn(dir)
    // Today's automatic backup exists from a later open.
    const first = open(dir)
    await first.handlers['system.status']({})
    await first.ws.idle()
    first.ws.close()
    const file = join(dir, 'dudao.sqlite')
    const bytes = readFileSync(file)
    bytes.fill(0x42, 4096 * 2, 4096 * 5)
    writeFileSync(file, bytes)

    const { handlers } = open(dir)
    const status = await handlers['system.status']({})
    expect(status.storage.state).toBe('unavailable')
    expect(status.storage.message).toMatch(/数据库文件（.*）已损坏/)
    expect(status.storage.message).toContain('本程序没有打开也没有改动它')
    expect(status.storage.message).toContain('自动备份-')
    expect(status.storage.latestGoodBackup?.kind).toBe('auto')
    const write = await dispatch(handlers, 'office.save', SAMPLE_PROFILE)
    expect(message(write)).toContain('已损坏')
    expect(readFileSync(file).equals(bytes)).toBe(true)

    // The offered backup restores it.
    const restored = await dispatch(handlers, 'system.restore', { file: status.storage.latestGoodBackup!.file })
    expect(restored.ok).toBe(true)
    expect((await handlers['system.status']({})).storage.state).toBe('ok')
    expect(readdirSync(join(dir, 'backups')).some((f) => f.startsWith('已损坏-'))).toBe(true)
  })

  it('a foreign file (a .docx written over the database) gets a Chinese message and is not touched', async () => {
    const dir = temp()
    const file = join(dir, 'dudao.sqlite')
    writeFileSync(file, Buffer.from('PK\u0003\u0004 word document'))
    const { handlers } = open(dir)
    const status = await handlers['system.status']({})
    expect(status.storage).toMatchObject({ state: 'unavailable', latestGoodBackup: null })
    expect(status.storage.message).toContain('不是数据库文件（可能被其他文件覆盖')
    expect(message(await dispatch(handlers, 'documents.list', { query: '' }))).toContain('不是数据库文件')
    expect(readFileSync(file, 'utf8')).toBe('PK\u0003\u0004 word document')
    expect(existsSync(`${file}-wal`)).toBe(false)
  })

  it('a 0-byte database file (created, never written) is an empty database, not a damaged one', async () => {
    const dir = temp()
    writeFileSync(join(dir, 'dudao.sqlite'), '')
    const { handlers } = open(dir)
    expect((await handlers['system.status']({})).storage.state).toBe('ok')
    expect((await dispatch(handlers, 'office.save', SAMPLE_PROFILE)).ok).toBe(true)
  })

  it.skipIf(!canMount)('a full disk: the write fails with 磁盘已满, nothing is lost, and works again once space is freed', async () => {
    // room for the demo database (≈ 0.7 MB with the 挂牌督导 year) and its WAL
    const disk = mountTmpfs(3072)!
    await demoIn(disk)
    const { handlers, ws } = open(disk)
    await handlers['system.status']({})
    await ws.idle()
    rmSync(join(disk, 'backups'), { recursive: true, force: true })
    const before = (await handlers['numbers.register']({ year: 2024 })).length
    // Fill the disk.
    const filler = join(disk, 'filler')
    try {
      writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024))
    } catch {
      /* ENOSPC: the disk is now full */
    }
    let failure = ''
    for (let i = 0; i < 200 && !failure; i++) {
      const r = await dispatch(handlers, 'numbers.reserve', { prefix: '贺政教督发', year: 2024, purpose: '预留'.repeat(90) })
      if (!r.ok) failure = message(r)
    }
    expect(failure).toMatch(/磁盘已满|读写磁盘时出错/)
    rmSync(filler)
    const after = await dispatch(handlers, 'numbers.reserve', { prefix: '贺政教督发', year: 2024, purpose: '空间恢复后' })
    expect(after.ok ? '' : message(after)).toBe('')
    expect((await handlers['numbers.register']({ year: 2024 })).length).toBeGreaterThan(before)
    expect(ws.db().pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it.skipIf(!canMount && process.getuid?.() === 0)('a read-only data folder opens for reading; a write says it is read-only', async () => {
    let dir: string
    if (canMount) {
      dir = mountTmpfs(4096)!
      await demoIn(dir)
      execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' })
    } else {
      dir = temp()
      const data = join(dir, 'data')
      mkdirSync(data)
      await demoIn(data)
      chmodSync(join(data, 'dudao.sqlite'), 0o444)
      chmodSync(data, 0o555)
      cleanup.unshift(() => chmodSync(data, 0o755))
      dir = data
    }
    const { handlers } = open(dir)
    const status = await handlers['system.status']({})
    expect(status.storage.state).toBe('readOnly')
    expect(status.storage.message).toContain('只读')
    expect(status.office?.county).toBe('贺兰县')
    const list = await dispatch(handlers, 'documents.list', { query: '' })
    expect(list.ok).toBe(true)
    const write = await dispatch(handlers, 'office.save', { ...SAMPLE_PROFILE })
    expect(write.ok).toBe(false)
    expect(message(write)).toMatch(/只读/)
  })
})
