import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/core/db/connection'
import { migrate, schemaVersion } from '../../electron/core/db/migrate'
import { MIGRATIONS, type Migration } from '../../electron/core/db/migrations'
import { UserError } from '../../electron/core/errors'
import { Workspace } from '../../electron/core/workspace'
import { SAMPLE_PROFILE, tempWorkspace } from '../helpers/tempWorkspace'

/** The schema as text: every table, index, trigger and view, in a stable order. */
function dumpSchema(db: Database.Database): string {
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string }[]
  return rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql.trim()};\n`).join('\n')
}

let cleanup: (() => void)[] = []
afterEach(() => {
  cleanup.forEach((f) => f())
  cleanup = []
})

function temp() {
  const t = tempWorkspace()
  cleanup.push(t.dispose)
  return t
}

describe('migrations', () => {
  it('migrates an empty database to the committed schema snapshot', async () => {
    const { ws } = temp()
    const db = ws.db()
    expect(schemaVersion(db)).toBe(MIGRATIONS.length)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    await expect(dumpSchema(db)).toMatchFileSnapshot('./schema/schema.sql')
  })

  it('records versions in order and is idempotent on reopen', () => {
    const { ws } = temp()
    ws.db()
    ws.close()
    const db = ws.db()
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })))
    expect(ws.lastMigration).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length })
  })

  it('upgrades an existing file, backing it up beside itself first and keeping the data', () => {
    const { ws, dir } = temp()
    const db = ws.db()
    db.prepare(`INSERT INTO office (id, full_name, short_name, masthead_text, county, updated_at) VALUES (1, ?, ?, ?, ?, ?)`).run(
      SAMPLE_PROFILE.fullName,
      SAMPLE_PROFILE.shortName,
      SAMPLE_PROFILE.mastheadText,
      SAMPLE_PROFILE.county,
      'x',
    )
    ws.close()

    const next: Migration = { version: MIGRATIONS.length + 1, name: '9999_test_extra', sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY);' }
    const reopened = openDatabase(ws.dbPath)
    const backup = join(dir, 'before-upgrade.bak')
    const report = migrate(reopened, [...MIGRATIONS, next], () => backup)
    expect(report).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length + 1, backupFile: backup })
    expect(schemaVersion(reopened)).toBe(MIGRATIONS.length + 1)
    expect((reopened.prepare('SELECT full_name FROM office').get() as { full_name: string }).full_name).toBe(SAMPLE_PROFILE.fullName)
    reopened.close()

    // The backup is the old schema with the data.
    const old = new Database(backup, { readonly: true })
    expect((old.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length)
    expect((old.prepare('SELECT full_name FROM office').get() as { full_name: string }).full_name).toBe(SAMPLE_PROFILE.fullName)
    expect(old.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeUndefined()
    old.close()
  })

  it('backs the file up beside itself before a workspace applies new migrations', () => {
    const { ws, dir, handlers } = temp()
    handlers['office.save'](SAMPLE_PROFILE)
    ws.close()
    const next: Migration = { version: MIGRATIONS.length + 1, name: '9999_test_extra', sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY);' }
    const upgraded = new Workspace(dir, [...MIGRATIONS, next])
    cleanup.push(() => upgraded.close())
    upgraded.db()
    expect(upgraded.lastMigration?.from).toBe(MIGRATIONS.length)
    const backups = readdirSync(dir).filter((f) => f.startsWith(`dudao.sqlite.v${MIGRATIONS.length}-`) && f.endsWith('.bak'))
    expect(backups).toHaveLength(1)
    const old = new Database(join(dir, backups[0]), { readonly: true })
    expect((old.prepare('SELECT full_name FROM office').get() as { full_name: string }).full_name).toBe(SAMPLE_PROFILE.fullName)
    old.close()
  })

  it('takes no backup when creating a new database', () => {
    const { ws, dir } = temp()
    ws.db()
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([])
  })

  it('refuses a database written by a newer version, leaving the file untouched', () => {
    const { ws } = temp()
    const db = ws.db()
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(MIGRATIONS.length + 1, '9999_future', 'x')
    ws.close()
    let error: unknown
    try {
      ws.db()
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(/更新版本/)
    const check = new Database(ws.dbPath, { readonly: true })
    expect((check.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length + 1)
    check.close()
    expect(existsSync(ws.dbPath)).toBe(true)
  })

  it('refuses a database whose history differs from the known migrations', () => {
    const { ws } = temp()
    const db = ws.db()
    db.prepare('UPDATE schema_migrations SET name = ? WHERE version = 1').run('0001_other_branch')
    ws.close()
    expect(() => ws.db()).toThrow(/更新版本/)
  })

  it('does not create the database file until something is written', () => {
    const { ws, handlers } = temp()
    void handlers['system.status']({})
    expect(existsSync(ws.dbPath)).toBe(false)
  })
})
