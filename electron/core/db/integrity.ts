import { closeSync, openSync, readSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { Migration } from './migrations'

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_MAGIC = 'SQLite format 3\0'

/** What is wrong with a database file, if anything. */
export type FileProblem =
  /** Not an SQLite file at all (a .docx written over it, a truncated or empty file). */
  | 'not-sqlite'
  /** An SQLite file, but not this program's (no schema_migrations). */
  | 'foreign'
  /** PRAGMA quick_check / integrity_check found damage, or SQLite reported corruption. */
  | 'damaged'
  /** Made by a newer version of this program (applied migrations beyond the known list). */
  | 'newer'

export interface FileInspection {
  problem: FileProblem | null
  /** The first lines SQLite reported (for the log; never shown raw). */
  details: string[]
  /** Applied migrations, when readable. */
  schemaVersion: number | null
}

/** True when the file starts with the SQLite header (false for missing, empty or other files). */
export function hasSqliteHeader(file: string): boolean {
  let fd: number | undefined
  try {
    fd = openSync(file, 'r')
    const buf = Buffer.alloc(16)
    return readSync(fd, buf, 0, 16, 0) === 16 && buf.toString('latin1') === SQLITE_MAGIC
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** True for SQLite's "this file is damaged / not a database" errors. */
export function isCorruptionError(e: unknown): boolean {
  const code = String((e as { code?: string })?.code ?? '')
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || /malformed|not a database/i.test(String((e as Error)?.message))
}

/**
 * Runs `PRAGMA quick_check` (fast: page structure) or `integrity_check` (also indexes against tables)
 * on an open connection; returns the problems found, [] when the file is sound. Corruption errors
 * thrown by SQLite are returned as a problem too.
 */
export function checkIntegrity(db: Database.Database, mode: 'quick' | 'full'): string[] {
  try {
    const rows = db.pragma(mode === 'quick' ? 'quick_check(20)' : 'integrity_check(20)') as Record<string, string>[]
    const lines = rows.map((r) => String(Object.values(r)[0]))
    return lines.length === 1 && lines[0] === 'ok' ? [] : lines
  } catch (e) {
    if (isCorruptionError(e)) return [(e as Error).message]
    throw e
  }
}

/**
 * Inspects an open connection: integrity (`mode`), then whether it is this program's database and
 * of a schema version it knows. An empty file (no tables) counts as sound with version 0.
 */
export function inspectConnection(db: Database.Database, known: Migration[], mode: 'quick' | 'full'): FileInspection {
  const problems = checkIntegrity(db, mode)
  if (problems.length) return { problem: 'damaged', details: problems, schemaVersion: null }
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    if (tables.length === 0) return { problem: null, details: [], schemaVersion: 0 }
    if (!tables.some((t) => t.name === 'schema_migrations'))
      return { problem: 'foreign', details: tables.map((t) => t.name).slice(0, 10), schemaVersion: null }
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[]
    const prefix = applied.every((row, i) => known[i]?.version === row.version && known[i]?.name === row.name)
    if (!prefix) return { problem: 'newer', details: applied.map((r) => `${r.version} ${r.name}`), schemaVersion: applied.length }
    return { problem: null, details: [], schemaVersion: applied.length }
  } catch (e) {
    if (isCorruptionError(e)) return { problem: 'damaged', details: [(e as Error).message], schemaVersion: null }
    throw e
  }
}

/**
 * Opens `file` read-only (never checkpointing a WAL into it, never writing) and inspects it.
 * @throws only for errors that are not about the file's content (permissions, missing file).
 */
export function inspectFile(file: string, known: Migration[], mode: 'quick' | 'full'): FileInspection {
  if (!hasSqliteHeader(file)) {
    // A 0-byte file is SQLite's empty database (created, never written): nothing to protect.
    if (statSync(file).size === 0) return { problem: null, details: [], schemaVersion: 0 }
    return { problem: 'not-sqlite', details: [], schemaVersion: null }
  }
  let db: Database.Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    return inspectConnection(db, known, mode)
  } catch (e) {
    if (isCorruptionError(e)) return { problem: 'damaged', details: [(e as Error).message], schemaVersion: null }
    throw e
  } finally {
    db?.close()
  }
}

/** A Chinese sentence saying what is wrong with a file; `what` names it (「数据库文件」「备份文件」). */
export function describeProblem(problem: FileProblem, what: string): string {
  switch (problem) {
    case 'not-sqlite':
      return `${what}不是数据库文件（可能被其他文件覆盖，或只复制了一部分）`
    case 'foreign':
      return `${what}是其他程序的数据库，不是教育督导工作台的数据`
    case 'damaged':
      return `${what}已损坏（完整性检查未通过）`
    case 'newer':
      return `${what}由更新版本的教育督导工作台创建，本程序无法使用`
  }
}
