import { copyFile, rename, stat, unlink } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import type { RestoreResult } from '../../../shared/contract/system'
import { fileStamp } from '../db/connection'
import { describeProblem, hasSqliteHeader, inspectConnection, isCorruptionError } from '../db/integrity'
import { schemaVersion } from '../db/migrate'
import { UserError } from '../errors'
import type { Workspace } from '../workspace'
import { backupDir, backupFileName } from './backups'
import { ensureChildDir, FILE_OP_TIMEOUT_MS, isSameOrInside, realPathOf, withTimeout } from './fileOps'

const SIDE_FILES = ['-wal', '-shm', '-journal']

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null)) !== null
}

/**
 * Copies the chosen backup beside the database and checks the copy: a real SQLite file, `PRAGMA
 * integrity_check` ok, this program's schema and not newer than it knows. A -wal file beside the
 * backup is taken along, so SQLite reads the backup as it was. The copy ends as one self-contained file.
 * @throws UserError (the copy is removed) naming what is wrong with the backup.
 */
async function stageBackup(ws: Workspace, source: string, stage: string, timeoutMs: number): Promise<void> {
  if (!hasSqliteHeader(source)) throw new UserError(`${describeProblem('not-sqlite', '所选文件')}。当前数据库没有被改动。`, 'file')
  await withTimeout(copyFile(source, stage), '复制备份文件', timeoutMs)
  if (await exists(`${source}-wal`)) await withTimeout(copyFile(`${source}-wal`, `${stage}-wal`), '复制备份文件', timeoutMs)
  let problem: string | null = null
  try {
    const db = new Database(stage, { fileMustExist: true })
    try {
      db.pragma('journal_mode = DELETE') // applies the backup's own WAL, leaves a single file
      const found = inspectConnection(db, ws.knownMigrations, 'full')
      if (found.problem) problem = describeProblem(found.problem, '所选备份文件')
      else if (found.schemaVersion === 0) problem = '所选备份文件是空的数据库，里面没有任何数据'
    } finally {
      db.close()
    }
  } catch (e) {
    if (!isCorruptionError(e)) throw e
    problem = describeProblem('damaged', '所选备份文件')
  }
  if (problem) throw new UserError(`${problem}，不能用它恢复。当前数据库没有被改动。`, 'file')
}

/**
 * Keeps the current database before it is replaced: a sound file through SQLite's backup API (which
 * also proves no other program is writing it: the exclusive lock must be free), a damaged one by
 * moving it with its -wal/-shm files. Both go to `<data dir>/backups/`.
 * @returns the safety copy's path, or null when there was no database.
 */
async function keepSafetyCopy(ws: Workspace, damaged: boolean, timeoutMs: number): Promise<string | null> {
  if (!(await exists(ws.dbPath))) return null
  await ensureChildDir(backupDir(ws))
  const stamp = fileStamp()
  if (damaged) {
    const target = join(backupDir(ws), `已损坏-${stamp}.sqlite`)
    for (const side of ['', ...SIDE_FILES]) {
      if (await exists(ws.dbPath + side)) await rename(ws.dbPath + side, target + side)
    }
    return target
  }
  const target = join(backupDir(ws), backupFileName('safety'))
  const temp = join(backupDir(ws), `.${basename(target)}.tmp`)
  const db = new Database(ws.dbPath, { fileMustExist: true, timeout: 0 })
  try {
    try {
      db.pragma('locking_mode = EXCLUSIVE')
      db.exec('BEGIN EXCLUSIVE; COMMIT')
    } catch (e) {
      if (String((e as { code?: string }).code).startsWith('SQLITE_BUSY')) {
        throw new UserError(
          '数据库正被另一个教育督导工作台窗口或命令行使用。请先关闭其他窗口（和正在运行的命令），再从备份恢复。当前数据库没有被改动。',
        )
      }
      throw e
    }
    await withTimeout(db.backup(temp), '保存恢复前的副本', timeoutMs)
  } catch (e) {
    await unlink(temp).catch(() => undefined)
    throw e
  } finally {
    db.close() // the last connection: checkpoints and removes the -wal file
  }
  const copy = new Database(temp)
  copy.pragma('journal_mode = DELETE')
  copy.close()
  await rename(temp, target) // only a complete copy gets a name that the backup list shows
  return target
}

/**
 * 「从备份恢复」: replaces the database with a backup, safely. Checks the backup (integrity, schema
 * version), keeps a safety copy of the current database in `backups/`, closes every connection of
 * this process (other processes must have closed theirs), removes stale -wal/-shm files, renames the
 * checked copy into place and reopens it (migrating an older backup, which keeps its own .bak).
 * The live file is never half-written: it is swapped by a rename.
 * @throws UserError with a Chinese message; the current database is then unchanged.
 */
export async function restoreFromFile(ws: Workspace, file: string, timeoutMs = FILE_OP_TIMEOUT_MS): Promise<RestoreResult> {
  const source = resolve(file)
  const info = await withTimeout(stat(source), '读取备份文件', 10_000).catch((e: unknown) => {
    if (e instanceof UserError) throw e
    throw new UserError(`找不到备份文件：${source}`, 'file')
  })
  if (!info.isFile()) throw new UserError(`「${source}」不是文件，请选择备份文件（.sqlite）。`, 'file')
  const realSource = await realPathOf(source)
  const realDb = await realPathOf(ws.dbPath)
  if ([realDb, ...SIDE_FILES.map((s) => realDb + s)].some((f) => isSameOrInside(realSource, f))) {
    throw new UserError('所选文件就是当前的数据库，请选择一个备份文件。', 'file')
  }
  // Whether the current file is usable decides how it is kept; a failed open leaves ws.damage set.
  let damaged = false
  try {
    ws.dbIfExists()
  } catch {
    damaged = ws.damage !== null
    if (!damaged && ws.dbExists()) damaged = !hasSqliteHeader(ws.dbPath)
  }
  const stage = join(ws.dataDir, `.restore-${fileStamp()}-${basename(source).replace(/[^\w.-]/g, '_')}.tmp`)
  let safetyCopy: string | null = null
  await ws.exclusive('正在从备份恢复数据库，请稍候再试。', async () => {
    try {
      await stageBackup(ws, source, stage, timeoutMs)
      safetyCopy = await keepSafetyCopy(ws, damaged, timeoutMs)
      for (const side of SIDE_FILES) await unlink(ws.dbPath + side).catch(() => undefined)
      await rename(stage, ws.dbPath)
    } finally {
      for (const f of [stage, ...SIDE_FILES.map((s) => stage + s)]) await unlink(f).catch(() => undefined)
    }
  })
  const db = ws.db()
  return { restoredFrom: source, safetyCopy, schemaVersion: schemaVersion(db) }
}
