import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { dirname, join } from 'node:path'
import type Database from 'better-sqlite3'

/**
 * 0015: the evidence store also holds the files of 责任督学挂牌督导 — a visit's attachments and an entry's
 * 销号 evidence — under module 'supervision', stat_year 0 and item_key `visit:<id>` / `entry:<id>`
 * (evidence/evidenceRepository.ts supervisionKey), so the online backup carries them too. SQLite cannot
 * alter a CHECK: the table is renamed, created anew, copied and the old one dropped (data kept).
 */
export const sql = /* sql */ `
ALTER TABLE evidence_files RENAME TO evidence_files_0012;
CREATE TABLE evidence_files (
  module      TEXT NOT NULL CHECK (module IN ('preschool', 'balance', 'supervision')),
  stat_year   INTEGER NOT NULL CHECK (
                CASE module WHEN 'supervision' THEN stat_year = 0 ELSE stat_year BETWEEN 1949 AND 2100 END),
  item_key    TEXT NOT NULL CHECK (item_key <> ''),
  name        TEXT NOT NULL CHECK (name <> ''),
  sha256      TEXT NOT NULL REFERENCES evidence_blobs (sha256),
  added_at    TEXT NOT NULL,
  PRIMARY KEY (module, stat_year, item_key, name)
);
INSERT INTO evidence_files (module, stat_year, item_key, name, sha256, added_at)
  SELECT module, stat_year, item_key, name, sha256, added_at FROM evidence_files_0012;
DROP TABLE evidence_files_0012;
CREATE INDEX evidence_files_blob ON evidence_files (sha256);
`

/**
 * Moves the files earlier versions copied to `<data folder>/evidence/supervision/visits/<id>/` (attachments)
 * and `…/entries/<id>/` (销号 evidence) into the tables, for every name the record lists (a listed file
 * missing on disk is left out; the files stay on disk, untouched).
 */
export function run(db: Database.Database): void {
  const file = db.name
  if (!file || file === ':memory:') return
  const root = join(dirname(file), 'evidence', 'supervision')
  if (!existsSync(root)) return
  const now = new Date().toISOString()
  const blob = db.prepare('INSERT OR IGNORE INTO evidence_blobs (sha256, size, data, created_at) VALUES (?, ?, ?, ?)')
  const link = db.prepare(
    "INSERT OR REPLACE INTO evidence_files (module, stat_year, item_key, name, sha256, added_at) VALUES ('supervision', 0, ?, ?, ?, ?)",
  )
  for (const [folder, owner, query] of [
    ['visits', 'visit', 'SELECT id, attachments AS files FROM supervision_visits'],
    ['entries', 'entry', 'SELECT id, close_evidence AS files FROM supervision_entries'],
  ] as const) {
    for (const r of db.prepare(query).all() as { id: number; files: string }[]) {
      const dir = join(root, folder, String(r.id))
      if (!existsSync(dir)) continue
      const onDisk = new Set(readdirSync(dir))
      for (const { name } of JSON.parse(r.files) as { name: string }[]) {
        if (!onDisk.has(name)) continue
        const data = readFileSync(join(dir, name))
        const sha = createHash('sha256').update(data).digest('hex')
        blob.run(sha, data.length, data, now)
        link.run(`${owner}:${r.id}`, name, sha, now)
      }
    }
  }
}
