import { renameSync, rmSync } from 'node:fs'
import type Database from 'better-sqlite3'
import { UserError } from '../errors'
import type { Migration } from './migrations'

export interface MigrationReport {
  from: number
  to: number
  /** Copy taken beside the file before migrating an existing database, if any. */
  backupFile?: string
}

interface AppliedRow {
  version: number
  name: string
}

function applied(db: Database.Database): AppliedRow[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`)
  return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as AppliedRow[]
}

/** Applied migrations must be a prefix of the known list; otherwise the file is from another (newer) version. */
export function checkPrefix(done: AppliedRow[], known: Migration[]): void {
  const mismatch = done.findIndex((row, i) => known[i]?.version !== row.version || known[i]?.name !== row.name)
  if (mismatch >= 0) {
    const last = done[done.length - 1]
    throw new UserError(
      `该数据库由更新版本的教育督导工作台创建（数据库结构版本 ${last.version}「${last.name}」，本程序只认识到版本 ${known.length}），` +
        '为避免损坏数据，本程序不会打开它。请安装最新版本后再打开。',
    )
  }
}

/**
 * Brings the database up to the newest schema. An existing database is first copied beside itself
 * (`VACUUM INTO`, a consistent snapshot even in WAL mode); each migration (SQL and/or code) runs in its own
 * transaction, so one that throws leaves the database as it was before it.
 */
export function migrate(db: Database.Database, known: Migration[], backupPath: (fromVersion: number) => string | null): MigrationReport {
  const done = applied(db)
  checkPrefix(done, known)
  const pending = known.slice(done.length)
  const report: MigrationReport = { from: done.length, to: known.length }
  if (pending.length === 0) return report
  if (done.length > 0) {
    const target = backupPath(done.length)
    if (target) {
      // Into a temporary name first: a full disk must not leave a half copy under the backup's name.
      const temp = `${target}.tmp`
      rmSync(temp, { force: true })
      db.prepare('VACUUM INTO ?').run(temp)
      renameSync(temp, target)
      report.backupFile = target
    }
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  for (const m of pending) {
    db.transaction(() => {
      if (m.sql) db.exec(m.sql)
      m.run?.(db)
      record.run(m.version, m.name, new Date().toISOString())
    })()
  }
  return report
}

export function schemaVersion(db: Database.Database): number {
  return applied(db).length
}
