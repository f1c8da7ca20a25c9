import Database from 'better-sqlite3'

/**
 * Opens a database file with the settings every connection uses (WAL, foreign keys, 5 s busy timeout).
 * @throws SQLite's error (the connection is closed again) when the file cannot be opened or set up.
 */
export function openDatabase(file: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Database.Database {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false })
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    db.pragma('synchronous = NORMAL')
  } catch (e) {
    db.close()
    throw e
  }
  return db
}

/** Local timestamp for file names: 20241122-153045. */
export function fileStamp(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`
}
