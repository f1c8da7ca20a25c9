import { existsSync, mkdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { version } from '../../../package.json'
import type { BackupResult, SystemInfo, SystemStatus, TableCount } from '../../../shared/contract/system'
import { fileStamp } from '../db/connection'
import { schemaVersion } from '../db/migrate'
import { MIGRATIONS } from '../db/migrations'
import { UserError } from '../errors'
import { readOffice } from '../office/officeRepository'
import type { Workspace } from '../workspace'

function fileSize(file: string): number {
  let total = 0
  for (const f of [file, `${file}-wal`]) if (existsSync(f)) total += statSync(f).size
  return total
}

export function getStatus(ws: Workspace): SystemStatus {
  const db = ws.dbIfExists()
  const office = db ? readOffice(db) : null
  return {
    appVersion: version,
    dataDir: ws.dataDir,
    dbPath: ws.dbPath,
    dbExists: db !== null,
    initialized: office !== null,
    office,
    schemaVersion: db ? schemaVersion(db) : 0,
    latestSchemaVersion: MIGRATIONS.length,
    dbSizeBytes: db ? fileSize(ws.dbPath) : 0,
  }
}

export function getInfo(ws: Workspace): SystemInfo {
  const status = getStatus(ws)
  const db = ws.dbIfExists()
  const tables: TableCount[] = []
  if (db) {
    const names = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE '%\\_fts\\_%' ESCAPE '\\' ORDER BY name`,
      )
      .all() as { name: string }[]
    for (const { name } of names) {
      const { n } = db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }
      tables.push({ table: name, rows: n })
    }
  }
  return { ...status, tables }
}

/** Writes a consistent copy with SQLite's online backup API (safe while the database is in use). */
export async function backupToFile(ws: Workspace, file: string): Promise<BackupResult> {
  const db = ws.dbIfExists()
  if (!db) throw new UserError('还没有数据库，无需备份。请先完成机关信息设置。')
  const target = resolve(file)
  if (target === resolve(ws.dbPath)) throw new UserError('备份文件不能与数据库文件相同。', 'file')
  if (existsSync(target)) throw new UserError(`备份文件已存在：${target}`, 'file')
  try {
    await db.backup(target)
  } catch (e) {
    throw new UserError(`无法写入备份文件 ${target}：${(e as Error).message}`, 'file')
  }
  return { file: target, bytes: statSync(target).size }
}

/** Backs up into a folder; the file is named with the date and time unless a name is given. */
export async function backupToDir(ws: Workspace, dir: string, fileName?: string): Promise<BackupResult> {
  const target = resolve(dir)
  try {
    mkdirSync(target, { recursive: true })
  } catch (e) {
    throw new UserError(`无法使用备份文件夹 ${target}：${(e as Error).message}`, 'targetDir')
  }
  return backupToFile(ws, join(target, fileName ?? `教育督导工作台-备份-${fileStamp()}.sqlite`))
}
