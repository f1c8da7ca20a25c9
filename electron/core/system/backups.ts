import { randomBytes } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { readdir, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import type { BackupEntry, BackupKind, BackupResult } from '../../../shared/contract/system'
import { BACKUP_DIR_NAME } from '../dataDir'
import { fileStamp } from '../db/connection'
import { checkIntegrity, inspectFile } from '../db/integrity'
import { UserError } from '../errors'
import type { Workspace } from '../workspace'
import { ensureChildDir, FILE_OP_TIMEOUT_MS, isSameOrInside, realPathOf, requireWritableDir, withTimeout } from './fileOps'

/** The automatic backups' folder inside the data folder. */
export const BACKUP_DIR = BACKUP_DIR_NAME
/** Rotation of automatic backups: the newest of each of the last 7 days, then of 4 more weeks. */
export const KEEP_DAILY = 7
export const KEEP_WEEKLY = 4

const NAME_PREFIX: Record<BackupKind, string> = { auto: '自动备份', safety: '恢复前' }
const NAME_PATTERN = /^(自动备份|恢复前)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.sqlite$/

/** `<data dir>/backups`. */
export function backupDir(ws: Workspace): string {
  return join(ws.dataDir, BACKUP_DIR)
}

/** The file name of a backup of `kind` made at `when` (local time): 自动备份-20241122-153045.sqlite. */
export function backupFileName(kind: BackupKind, when = new Date()): string {
  return `${NAME_PREFIX[kind]}-${fileStamp(when)}.sqlite`
}

/** Reads kind and local time back from a backup file name; null for other files. */
export function parseBackupFileName(name: string): { kind: BackupKind; createdAt: Date } | null {
  const m = NAME_PATTERN.exec(name)
  if (!m) return null
  const [, prefix, y, mo, d, h, mi, s] = m
  const createdAt = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
  return { kind: prefix === NAME_PREFIX.auto ? 'auto' : 'safety', createdAt }
}

/** The backups in `<data dir>/backups`, newest first (times as ISO instants; shown in local time). */
export async function listBackups(ws: Workspace): Promise<BackupEntry[]> {
  const dir = backupDir(ws)
  let names: string[]
  try {
    names = await withTimeout(readdir(dir), '读取备份文件夹', 10_000)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw e
  }
  const entries: BackupEntry[] = []
  for (const name of names) {
    const parsed = parseBackupFileName(name)
    if (!parsed) continue
    const info = await stat(join(dir, name)).catch(() => null)
    if (!info?.isFile()) continue
    entries.push({ file: join(dir, name), fileName: name, kind: parsed.kind, createdAt: parsed.createdAt.toISOString(), bytes: info.size })
  }
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName))
}

/**
 * Writes a verified copy of the open database to `target` (which must not exist): SQLite's online
 * backup API (asynchronous, consistent while in use) into a temporary file beside the target, then
 * the copy is made a single self-contained file (rollback journal), checked with
 * `PRAGMA integrity_check`, and only then renamed to `target`.
 * @throws UserError when the database is unavailable, the copy is damaged (nothing is left behind),
 *   writing fails or takes longer than `timeoutMs`.
 */
export async function writeVerifiedBackup(ws: Workspace, target: string, timeoutMs = FILE_OP_TIMEOUT_MS): Promise<BackupResult> {
  const db = ws.dbIfExists()
  if (!db) throw new UserError('还没有数据库，无需备份。请先完成机关信息设置。')
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await withTimeout(db.backup(temp), '备份数据库', timeoutMs)
    const copy = new Database(temp)
    let problems: string[]
    try {
      copy.pragma('journal_mode = DELETE')
      problems = checkIntegrity(copy, 'full')
    } finally {
      copy.close()
    }
    if (problems.length) {
      throw new UserError(
        '备份未完成：数据库的完整性检查没有通过，复制出来的文件已损坏，已删除该文件。请在「系统设置」中运行「完整性检查」，并用最近的完好备份恢复。',
      )
    }
    if (await stat(target).catch(() => null)) throw new UserError(`备份文件已存在：${target}`, 'file')
    await withTimeout(rename(temp, target), '保存备份文件', timeoutMs)
  } catch (e) {
    await unlink(temp).catch(() => undefined)
    await unlink(`${temp}-journal`).catch(() => undefined)
    if (e instanceof UserError) throw e
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOSPC' || code === 'SQLITE_FULL')
      throw new UserError('备份未完成：磁盘空间不足。请清理磁盘或换一个磁盘后重试。', 'targetDir')
    throw e
  }
  return { file: target, bytes: (await stat(target)).size }
}

/**
 * 「备份数据库」 into a folder the user chose: it must already exist, be writable and lie outside the
 * data folder (backups there go down with the disk); the file is named with the date and time
 * unless a name is given. Nothing is created but the backup file.
 */
export async function backupToDir(ws: Workspace, dir: string, fileName?: string): Promise<BackupResult> {
  const target = resolve(dir)
  if (isSameOrInside(await realPathOf(target), await realPathOf(ws.dataDir))) {
    throw new UserError(
      `请把备份存到数据文件夹之外（例如 U 盘或另一个磁盘）：数据文件夹（${ws.dataDir}）里已经有每天的自动备份，放在同一处无法防止磁盘损坏或误删。`,
      'targetDir',
    )
  }
  await requireWritableDir(target, 'targetDir')
  return writeVerifiedBackup(ws, join(target, fileName ?? `教育督导工作台-备份-${fileStamp()}.sqlite`))
}

/** Local calendar day of a date as YYYYMMDD. */
function dayKey(d: Date): string {
  return fileStamp(d).slice(0, 8)
}

/** Monday (local) of the week containing `d`, as YYYYMMDD. */
function weekKey(d: Date): string {
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7))
  return dayKey(monday)
}

/**
 * The rotation of automatic backups (pure): keeps the newest backup of each of the `daily` most recent
 * days that have one, then the newest of each of the `weekly` most recent older weeks; returns the
 * files to delete.
 */
export function backupsToPrune(entries: { file: string; createdAt: Date }[], daily = KEEP_DAILY, weekly = KEEP_WEEKLY): string[] {
  const sorted = [...entries].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
  const days = new Set<string>()
  const weeks = new Set<string>()
  const remove: string[] = []
  for (const e of sorted) {
    const day = dayKey(e.createdAt)
    if (days.has(day)) {
      remove.push(e.file) // an older backup of a day already kept
      continue
    }
    if (days.size < daily) {
      days.add(day)
      continue
    }
    const week = weekKey(e.createdAt)
    if (!weeks.has(week) && weeks.size < weekly) {
      weeks.add(week)
      continue
    }
    remove.push(e.file)
  }
  return remove
}

/**
 * The daily automatic backup: when no automatic backup of today (local date) exists in
 * `<data dir>/backups`, writes one (verified, see writeVerifiedBackup) and prunes old ones
 * (backupsToPrune). Returns the new entry, or null when today's backup already exists.
 */
export async function autoBackupIfDue(ws: Workspace, now = new Date()): Promise<BackupEntry | null> {
  const existing = await listBackups(ws)
  const autos = existing.filter((b) => b.kind === 'auto')
  if (autos.some((b) => dayKey(new Date(b.createdAt)) === dayKey(now))) return null
  await ensureChildDir(backupDir(ws))
  const file = join(backupDir(ws), backupFileName('auto', now))
  const result = await writeVerifiedBackup(ws, file)
  const created: BackupEntry = { file, fileName: basename(file), kind: 'auto', createdAt: now.toISOString(), bytes: result.bytes }
  const prune = backupsToPrune([...autos, created].map((b) => ({ file: b.file, createdAt: new Date(b.createdAt) })))
  for (const f of prune) await unlink(f).catch(() => undefined)
  return created
}

/** The newest backup file in `backups/` by its name (no check, synchronous): for messages. */
export function newestBackupSync(ws: Workspace): { file: string; createdAt: Date } | null {
  let names: string[]
  try {
    names = readdirSync(backupDir(ws))
  } catch {
    return null
  }
  const found = names
    .map((name) => ({ name, parsed: parseBackupFileName(name) }))
    .filter((x) => x.parsed)
    .sort((a, b) => b.parsed!.createdAt.getTime() - a.parsed!.createdAt.getTime())[0]
  return found ? { file: join(backupDir(ws), found.name), createdAt: found.parsed!.createdAt } : null
}

/** The newest backup in `backups/` that passes `PRAGMA quick_check` and is this program's, or null. */
export async function latestGoodBackup(ws: Workspace): Promise<BackupEntry | null> {
  for (const entry of await listBackups(ws)) {
    try {
      if (!inspectFile(entry.file, ws.knownMigrations, 'quick').problem) return entry
    } catch {
      /* unreadable: try the next */
    }
  }
  return null
}
