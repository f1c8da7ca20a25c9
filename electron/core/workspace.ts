import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { BACKUP_DIR_NAME, DB_FILE_NAME } from './dataDir'
import { fileStamp, openDatabase } from './db/connection'
import { describeProblem, inspectFile, type FileProblem } from './db/integrity'
import { migrate, type MigrationReport } from './db/migrate'
import { MIGRATIONS, type Migration } from './db/migrations'
import { UserError } from './errors'
import { ensureDirSync } from './system/fileOps'

/** Why the database file was not opened: what was found, in Chinese, and SQLite's own words (for the log). */
export interface DatabaseDamage {
  problem: FileProblem
  message: string
  details: string[]
  /** A non-empty -wal file lay beside the database when it was opened. */
  walPresent: boolean
}

/** The database file exists but is damaged or not this program's: nothing was opened or changed. */
export class DatabaseUnavailableError extends UserError {
  constructor(readonly damage: DatabaseDamage) {
    super(damage.message)
    this.name = 'DatabaseUnavailableError'
  }
}

/**
 * Called after each successful open, and at the first use of each new local day while the connection
 * stays open: `existed` is false when the file was just created.
 */
export type OpenHook = (ws: Workspace, info: { existed: boolean }) => void

/** Today's local date as YYYYMMDD. */
function localDay(): string {
  return fileStamp().slice(0, 8)
}

function nonEmpty(file: string): boolean {
  try {
    return statSync(file).size > 0
  } catch {
    return false
  }
}

/**
 * True when the file's header says rollback-journal mode (bytes 18/19 = 1), as every backup this
 * program writes is: SQLite never leaves a -wal file beside such a file, so one found there is stale.
 */
function isRollbackJournalFile(file: string): boolean {
  let fd: number | undefined
  try {
    fd = openSync(file, 'r')
    const header = Buffer.alloc(20)
    return readSync(fd, header, 0, 20, 0) === 20 && header[18] === 1 && header[19] === 1
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** SQLite could not open the file for writing (read-only file, folder or medium). */
function isReadOnlyOpenError(e: unknown): boolean {
  const code = String((e as { code?: string })?.code ?? '')
  return (
    code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code.startsWith('SQLITE_IOERR')
  )
}

/**
 * Opens the file without writing anything: first as SQLite's read-only connection; where that is
 * impossible (a WAL database in a read-only folder has no -shm file to use), from an in-memory copy.
 * Both refuse every write (`query_only`), so a write fails with 「只读」 instead of half-working.
 */
function openReadOnly(file: string): Database.Database {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true })
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    db.pragma('query_only = ON')
    return db
  } catch {
    const image = readFileSync(file)
    // A WAL-mode header (bytes 18/19 = 2) cannot be used in memory: mark it as a rollback-journal file.
    image[18] = 1
    image[19] = 1
    const db = new Database(image)
    db.pragma('query_only = ON')
    return db
  }
}

/**
 * The data folder and its database. The file is created only when something is written to it
 * (setup or demo), so a first start shows the setup page without leaving an empty database behind.
 *
 * Opening checks the file first on a read-only connection (`PRAGMA quick_check`, or the full
 * `integrity_check` when a -wal file lies beside it, as after a crash or a hand-copied backup), so a
 * damaged or foreign file is never written to, nor a stale WAL checkpointed into it: `db()` then
 * throws DatabaseUnavailableError and `damage` says why. A folder that cannot be written is opened
 * read-only (`readOnly`).
 */
export class Workspace {
  private connection: Database.Database | null = null
  private readonly openHooks: OpenHook[] = []
  private readonly background = new Set<Promise<unknown>>()
  private busyReason: string | null = null
  /** The local day (YYYYMMDD) the open hooks last ran. */
  private hookDay = ''
  lastMigration: MigrationReport | null = null
  /** Set when the last open attempt found the file damaged or foreign; cleared by a good open. */
  damage: DatabaseDamage | null = null
  /** True when the database had to be opened read-only. */
  readOnly = false
  /** Something the user should know about the last open (a stale -wal set aside), in Chinese. */
  notice: string | null = null
  /** Extra advice appended to a damage message (the system module names the latest good backup). */
  recoveryHint: (() => string) | null = null

  constructor(
    readonly dataDir: string,
    private readonly migrations: Migration[] = MIGRATIONS,
  ) {}

  get dbPath(): string {
    return join(this.dataDir, DB_FILE_NAME)
  }

  /** The schema versions this program knows. */
  get knownMigrations(): Migration[] {
    return this.migrations
  }

  dbExists(): boolean {
    return this.connection !== null || existsSync(this.dbPath)
  }

  /** True while a connection is open. */
  isOpen(): boolean {
    return this.connection !== null
  }

  /** Registers a hook run after every successful open (the system module's daily backup). */
  onOpen(hook: OpenHook): void {
    this.openHooks.push(hook)
  }

  /** Keeps track of background work (an automatic backup) so `idle()` can wait for it. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    )
    this.background.add(settled)
    void settled.then(() => this.background.delete(settled))
    return work
  }

  /** Resolves when all tracked background work has finished. */
  async idle(): Promise<void> {
    while (this.background.size) await Promise.all([...this.background])
  }

  /**
   * Runs `work` with the database closed and every open refused with `reason` (Chinese), for
   * replacing the file (restore). The connection is reopened by the next `db()` call.
   */
  async exclusive<T>(reason: string, work: () => Promise<T>): Promise<T> {
    if (this.busyReason) throw new UserError(this.busyReason)
    this.busyReason = reason
    try {
      await this.idle()
      this.close()
      return await work()
    } finally {
      this.busyReason = null
    }
  }

  /**
   * The open, checked and migrated connection; creates the folder and file when needed.
   * @throws DatabaseUnavailableError for a damaged or foreign file; UserError while a restore runs,
   *   for a folder that cannot be made, or for a newer version's file; SQLite errors otherwise.
   */
  db(): Database.Database {
    if (this.connection) {
      // The first use of a new day in a long-running app counts as an open for the hooks (daily backup).
      if (this.hookDay !== localDay()) this.runOpenHooks(true)
      return this.connection
    }
    if (this.busyReason) throw new UserError(this.busyReason)
    ensureDirSync(this.dataDir)
    const existed = existsSync(this.dbPath)
    if (existed) this.checkBeforeOpen()
    this.damage = null
    let db: Database.Database
    let readOnly = false
    try {
      db = openDatabase(this.dbPath)
    } catch (e) {
      if (!existed || !isReadOnlyOpenError(e)) throw e
      db = openReadOnly(this.dbPath)
      readOnly = true
    }
    try {
      this.lastMigration = readOnly
        ? { from: this.migrations.length, to: this.migrations.length }
        : migrate(db, this.migrations, (from) => `${this.dbPath}.v${from}-${fileStamp()}.bak`)
    } catch (e) {
      db.close()
      throw e
    }
    this.readOnly = readOnly
    this.connection = db
    this.runOpenHooks(existed)
    return db
  }

  /**
   * A backup written by this program (rollback-journal header) copied by hand over the database while
   * a -wal file was left beside it: SQLite would replay that foreign log over the backup. The stale
   * -wal/-shm are moved to backups/ (kept, not deleted) and `notice` says so.
   */
  private setAsideStaleWal(): void {
    const dir = join(this.dataDir, BACKUP_DIR_NAME)
    try {
      mkdirSync(dir)
    } catch {
      /* exists */
    }
    const target = join(dir, `残留日志-${fileStamp()}.sqlite`)
    for (const side of ['-wal', '-shm']) {
      if (existsSync(this.dbPath + side)) renameSync(this.dbPath + side, target + side)
    }
    this.notice =
      `数据库文件旁有一个不属于它的日志文件（dudao.sqlite-wal），通常是手工把备份复制到数据文件夹时留下的。` +
      `为避免把它混进数据，已把它移到 ${target}-wal，数据库按复制进来的文件打开。以后请用「从备份恢复」。`
  }

  private runOpenHooks(existed: boolean): void {
    this.hookDay = localDay()
    for (const hook of this.openHooks) hook(this, { existed })
  }

  private checkBeforeOpen(): void {
    if (nonEmpty(`${this.dbPath}-wal`) && isRollbackJournalFile(this.dbPath)) this.setAsideStaleWal()
    const walPresent = nonEmpty(`${this.dbPath}-wal`)
    let inspection
    try {
      inspection = inspectFile(this.dbPath, this.migrations, walPresent ? 'full' : 'quick')
    } catch {
      return // not about the content (permissions, locks): the real open below reports it
    }
    if (!inspection.problem || inspection.problem === 'newer') return // migrate() explains a newer file
    const parts = [`${describeProblem(inspection.problem, `数据库文件（${this.dbPath}）`)}。为避免弄乱数据，本程序没有打开也没有改动它。`]
    if (walPresent) {
      parts.push(
        '它旁边有一个残留的日志文件（dudao.sqlite-wal）：如果刚才是手工把备份文件复制到了这里，请改用「从备份恢复」，它会正确处理日志文件。',
      )
    }
    parts.push(this.recoveryHint?.() ?? '请用最近的完好备份恢复（恢复前会保留当前文件的副本）。')
    this.damage = { problem: inspection.problem, message: parts.join(''), details: inspection.details, walPresent }
    throw new DatabaseUnavailableError(this.damage)
  }

  /** The connection if the file exists, else null (never creates the file). */
  dbIfExists(): Database.Database | null {
    return this.dbExists() ? this.db() : null
  }

  close(): void {
    this.connection?.close()
    this.connection = null
  }
}
