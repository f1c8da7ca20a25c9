import type Database from 'better-sqlite3'

const CACHE = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/** A prepared statement of this connection, prepared once (imports run the same few statements thousands of times). */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let map = CACHE.get(db)
  if (!map) CACHE.set(db, (map = new Map()))
  let s = map.get(sql)
  if (!s) map.set(sql, (s = db.prepare(sql)))
  return s
}
