import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { dirname, join } from 'node:path'
import type Database from 'better-sqlite3'

/**
 * 0012: evidence files of judged items (学前教育, 优质均衡) stored in the database, content-addressed
 * (`evidence_blobs` by SHA-256, one copy of a file attached to several items), so the online backup
 * carries them and a restore brings them back. `evidence_files` names a blob per module, year and item.
 */
export const sql = /* sql */ `
CREATE TABLE evidence_blobs (
  sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size        INTEGER NOT NULL CHECK (size >= 0),
  data        BLOB NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE TABLE evidence_files (
  module      TEXT NOT NULL CHECK (module IN ('preschool', 'balance')),
  stat_year   INTEGER NOT NULL CHECK (stat_year BETWEEN 1949 AND 2100),
  item_key    TEXT NOT NULL,
  name        TEXT NOT NULL CHECK (name <> ''),
  sha256      TEXT NOT NULL REFERENCES evidence_blobs (sha256),
  added_at    TEXT NOT NULL,
  PRIMARY KEY (module, stat_year, item_key, name)
);
CREATE INDEX evidence_files_blob ON evidence_files (sha256);
`

/**
 * Moves the evidence files that earlier versions copied to `<data folder>/evidence/<module>/<year>/<item>/`
 * into the tables, for every name a judgement lists (a listed file missing on disk is left out; the
 * files stay on disk, untouched). Folder names as those versions made them (item key with other
 * characters than A–Z a–z 0–9 _ - replaced by _).
 */
export function run(db: Database.Database): void {
  const file = db.name
  if (!file || file === ':memory:') return
  const root = join(dirname(file), 'evidence')
  if (!existsSync(root)) return
  const now = new Date().toISOString()
  const blob = db.prepare('INSERT OR IGNORE INTO evidence_blobs (sha256, size, data, created_at) VALUES (?, ?, ?, ?)')
  const link = db.prepare(
    'INSERT OR REPLACE INTO evidence_files (module, stat_year, item_key, name, sha256, added_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
  for (const [module, table] of [
    ['preschool', 'preschool_judgements'],
    ['balance', 'balance_judgements'],
  ] as const) {
    const rows = db.prepare(`SELECT stat_year, item_key, evidence FROM ${table}`).all() as {
      stat_year: number
      item_key: string
      evidence: string
    }[]
    for (const r of rows) {
      const dir = join(root, module, String(r.stat_year), r.item_key.replace(/[^A-Za-z0-9_-]/g, '_'))
      if (!existsSync(dir)) continue
      const onDisk = new Set(readdirSync(dir))
      for (const name of JSON.parse(r.evidence) as string[]) {
        if (!onDisk.has(name)) continue
        const data = readFileSync(join(dir, name))
        const sha = createHash('sha256').update(data).digest('hex')
        blob.run(sha, data.length, data, now)
        link.run(module, r.stat_year, r.item_key, name, sha, now)
      }
    }
  }
}
