import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { version } from '../../../package.json'
import type { IntegrityReport, StorageStatus, SystemInfo, SystemStatus, TableCount } from '../../../shared/contract/system'
import { checkIntegrity } from '../db/integrity'
import { schemaVersion } from '../db/migrate'
import { MIGRATIONS } from '../db/migrations'
import { LOG_DIR, LOG_FILE, logError, UserError } from '../errors'
import { readOffice } from '../office/officeRepository'
import { DatabaseUnavailableError, type Workspace } from '../workspace'
import { latestGoodBackup } from './backups'

export { backupToDir } from './backups'

function fileSize(file: string): number {
  let total = 0
  for (const f of [file, `${file}-wal`]) if (existsSync(f)) total += statSync(f).size
  return total
}

/** The log file of a workspace: `<data dir>/logs/dudao.log`. */
export function logFileOf(ws: Workspace): string {
  return join(ws.dataDir, LOG_DIR, LOG_FILE)
}

const READ_ONLY_MESSAGE =
  '数据文件夹或数据库文件是只读的：可以查看，但不能保存任何修改。请取消数据库文件的「只读」属性，或把数据文件夹放到可以写入的位置。'

/**
 * The running state: office, database location and version, and whether the database could be
 * opened (`storage`). Never throws for a damaged or foreign file: that is reported in `storage`
 * together with the latest good backup, so the start page can offer to restore it.
 */
export async function getStatus(ws: Workspace): Promise<SystemStatus> {
  let db: Database.Database | null = null
  let storage: StorageStatus = { state: 'ok', message: null, notice: null, latestGoodBackup: null, logFile: logFileOf(ws) }
  try {
    db = ws.dbIfExists()
  } catch (e) {
    if (!(e instanceof DatabaseUnavailableError)) throw e
    logError(ws.dataDir, '打开数据库', new Error(`${e.damage.problem}: ${e.damage.details.join('; ')}`))
    storage = { ...storage, state: 'unavailable', message: e.message, latestGoodBackup: await latestGoodBackup(ws) }
  }
  storage.notice = ws.notice
  if (db && ws.readOnly) storage = { ...storage, state: 'readOnly', message: READ_ONLY_MESSAGE }
  const office = db ? readOffice(db) : null
  return {
    appVersion: version,
    dataDir: ws.dataDir,
    dbPath: ws.dbPath,
    dbExists: ws.dbExists(),
    initialized: office !== null,
    office,
    schemaVersion: db ? schemaVersion(db) : 0,
    latestSchemaVersion: MIGRATIONS.length,
    dbSizeBytes: ws.dbExists() ? fileSize(ws.dbPath) : 0,
    storage,
  }
}

/** getStatus plus the row count of every table (none when the database is unavailable). */
export async function getInfo(ws: Workspace): Promise<SystemInfo> {
  const status = await getStatus(ws)
  const tables: TableCount[] = []
  const db = status.storage.state === 'unavailable' ? null : ws.dbIfExists()
  if (db) {
    const names = db
      .prepare(
        // Neither the full-text indexes (virtual tables) nor the shadow tables holding them (`<index>_data` …).
        `SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
           AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%'
           AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' AND m.name LIKE replace(v.name, '_', '\\_') || '\\_%' ESCAPE '\\')
           ORDER BY m.name`,
      )
      .all() as { name: string }[]
    for (const { name } of names) {
      const { n } = db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }
      tables.push({ table: name, rows: n })
    }
  }
  return { ...status, tables }
}

/**
 * 「完整性检查」: `PRAGMA integrity_check` on the open database (pages, indexes against tables).
 * @throws UserError when there is no database yet; DatabaseUnavailableError when it cannot be opened.
 */
export function checkDatabase(ws: Workspace): IntegrityReport {
  const db = ws.dbIfExists()
  if (!db) throw new UserError('还没有数据库，无需检查。')
  const problems = checkIntegrity(db, 'full')
  if (problems.length) logError(ws.dataDir, '完整性检查', new Error(problems.join('\n')))
  return { ok: problems.length === 0, problems, checkedAt: new Date().toISOString() }
}
