import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { DB_FILE_NAME } from './dataDir'
import { fileStamp, openDatabase } from './db/connection'
import { migrate, type MigrationReport } from './db/migrate'
import { MIGRATIONS, type Migration } from './db/migrations'

/**
 * The data folder and its database. The file is created only when something is written to it
 * (setup or demo), so a first start shows the setup page without leaving an empty database behind.
 */
export class Workspace {
  private connection: Database.Database | null = null
  lastMigration: MigrationReport | null = null

  constructor(
    readonly dataDir: string,
    private readonly migrations: Migration[] = MIGRATIONS,
  ) {}

  get dbPath(): string {
    return join(this.dataDir, DB_FILE_NAME)
  }

  dbExists(): boolean {
    return this.connection !== null || existsSync(this.dbPath)
  }

  /** The open, migrated connection; creates the folder and file when needed. */
  db(): Database.Database {
    if (this.connection) return this.connection
    mkdirSync(this.dataDir, { recursive: true })
    const db = openDatabase(this.dbPath)
    try {
      this.lastMigration = migrate(db, this.migrations, (from) => `${this.dbPath}.v${from}-${fileStamp()}.bak`)
    } catch (e) {
      db.close()
      throw e
    }
    this.connection = db
    return db
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
