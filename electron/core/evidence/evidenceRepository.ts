import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { nowIso } from '../clock'
import { prepared } from '../institutions/statements'

/**
 * The modules whose records carry evidence files: the judged items of 学前教育 / 优质均衡 (by year and item
 * key), and 责任督学挂牌督导 (year 0, key from supervisionKey: a visit's attachments, an entry's 销号 evidence).
 */
export type EvidenceModule = 'preschool' | 'balance' | 'supervision'

/** The stat_year of every supervision file (its records are keyed by id, not by year; migration 0014). */
export const SUPERVISION_YEAR = 0

/** The item key of a supervision record's files: `visit:<id>` (attachments) or `entry:<id>` (销号 evidence). */
export function supervisionKey(owner: 'visit' | 'entry', id: number): string {
  return `${owner}:${id}`
}

/** An evidence file as listed: its name on the item, size in bytes, SHA-256 of its content. */
export interface EvidenceFile {
  name: string
  size: number
  sha256: string
}

/**
 * Stores an evidence file of a judged item inside the caller's transaction: the bytes once per content
 * (SHA-256), the name on the item (a file of the same name on the item is replaced). The database is the
 * only store: the online backup carries the evidence and a restore brings it back.
 */
export function putEvidence(
  db: Database.Database,
  module: EvidenceModule,
  statYear: number,
  itemKey: string,
  name: string,
  data: Buffer,
): void {
  const sha = createHash('sha256').update(data).digest('hex')
  const now = nowIso()
  prepared(db, 'INSERT OR IGNORE INTO evidence_blobs (sha256, size, data, created_at) VALUES (?, ?, ?, ?)').run(sha, data.length, data, now)
  prepared(db, 'INSERT OR REPLACE INTO evidence_files (module, stat_year, item_key, name, sha256, added_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    module,
    statYear,
    itemKey,
    name,
    sha,
    now,
  )
}

/**
 * Keeps only the named evidence files of an item (the ones the user removed are dropped) and deletes the
 * contents no item names any more, inside the caller's transaction.
 */
export function keepEvidence(
  db: Database.Database,
  module: EvidenceModule,
  statYear: number,
  itemKey: string,
  names: readonly string[],
): void {
  const keep = new Set(names)
  for (const f of evidenceFiles(db, module, statYear, itemKey))
    if (!keep.has(f.name))
      prepared(db, 'DELETE FROM evidence_files WHERE module = ? AND stat_year = ? AND item_key = ? AND name = ?').run(
        module,
        statYear,
        itemKey,
        f.name,
      )
  prepared(db, 'DELETE FROM evidence_blobs WHERE sha256 NOT IN (SELECT sha256 FROM evidence_files)').run()
}

/** The evidence files of an item, by name. */
export function evidenceFiles(db: Database.Database, module: EvidenceModule, statYear: number, itemKey: string): EvidenceFile[] {
  return prepared(
    db,
    `SELECT f.name, b.size, f.sha256 FROM evidence_files f JOIN evidence_blobs b ON b.sha256 = f.sha256
      WHERE f.module = ? AND f.stat_year = ? AND f.item_key = ? ORDER BY f.name`,
  ).all(module, statYear, itemKey) as EvidenceFile[]
}

/** The bytes of one evidence file, or null when the item has no file of that name. */
export function evidenceData(
  db: Database.Database,
  module: EvidenceModule,
  statYear: number,
  itemKey: string,
  name: string,
): Buffer | null {
  const r = prepared(
    db,
    `SELECT b.data FROM evidence_files f JOIN evidence_blobs b ON b.sha256 = f.sha256
      WHERE f.module = ? AND f.stat_year = ? AND f.item_key = ? AND f.name = ?`,
  ).get(module, statYear, itemKey, name) as { data: Buffer } | undefined
  return r ? r.data : null
}
