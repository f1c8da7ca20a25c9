import type Database from 'better-sqlite3'
import type { DocumentStatus, NumberSeries, NumberStatus } from '../../../shared/documents/records'

export interface NumberRow {
  id: number
  series_id: number
  prefix: string
  year: number
  seq: number
  status: NumberStatus
  document_id: number | null
  document_status: DocumentStatus | null
  document_title: string | null
  document_signed_date: string | null
  title: string
  purpose: string
  void_reason: string
  voided_by: string
  voided_at: string | null
  issued_on: string | null
  created_at: string
}

const NUMBER_SELECT = `
  SELECT n.*, s.prefix, d.status AS document_status, d.title AS document_title,
         json_extract(d.content, '$.signedDate') AS document_signed_date
  FROM doc_numbers n
  JOIN number_series s ON s.id = n.series_id
  LEFT JOIN documents d ON d.id = n.document_id`

export function listSeries(db: Database.Database): NumberSeries[] {
  return db.prepare('SELECT id, prefix, name FROM number_series ORDER BY sort_order, id').all() as NumberSeries[]
}

export function findSeriesById(db: Database.Database, id: number): NumberSeries | undefined {
  return db.prepare('SELECT id, prefix, name FROM number_series WHERE id = ?').get(id) as NumberSeries | undefined
}

export function findSeriesByPrefix(db: Database.Database, prefix: string): NumberSeries | undefined {
  return db.prepare('SELECT id, prefix, name FROM number_series WHERE prefix = ?').get(prefix) as NumberSeries | undefined
}

export function insertSeries(db: Database.Database, prefix: string, name: string, createdAt: string): number {
  const order = (db.prepare('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM number_series').get() as { n: number }).n
  return Number(
    db.prepare('INSERT INTO number_series (prefix, name, sort_order, created_at) VALUES (?, ?, ?, ?)').run(prefix, name, order, createdAt)
      .lastInsertRowid,
  )
}

export function updateSeries(db: Database.Database, id: number, prefix: string, name: string): void {
  db.prepare('UPDATE number_series SET prefix = ?, name = ? WHERE id = ?').run(prefix, name, id)
}

export function seriesHasNumbers(db: Database.Database, id: number): boolean {
  return db.prepare('SELECT 1 FROM doc_numbers WHERE series_id = ? LIMIT 1').get(id) !== undefined
}

/** The next sequence number: one past the highest ever taken, so voided numbers are never reused. */
export function nextSeq(db: Database.Database, seriesId: number, year: number): number {
  return (
    db.prepare('SELECT coalesce(max(seq), 0) + 1 AS n FROM doc_numbers WHERE series_id = ? AND year = ?').get(seriesId, year) as {
      n: number
    }
  ).n
}

export interface NewNumber {
  seriesId: number
  year: number
  seq: number
  status: NumberStatus
  documentId?: number | null
  title?: string
  purpose?: string
  voidReason?: string
  voidedBy?: string
  voidedAt?: string | null
  issuedOn?: string | null
  createdAt: string
}

export function insertNumber(db: Database.Database, n: NewNumber): number {
  return Number(
    db
      .prepare(
        `INSERT INTO doc_numbers (series_id, year, seq, status, document_id, title, purpose, void_reason, voided_by, voided_at, issued_on, created_at)
         VALUES (@seriesId, @year, @seq, @status, @documentId, @title, @purpose, @voidReason, @voidedBy, @voidedAt, @issuedOn, @createdAt)`,
      )
      .run({ documentId: null, title: '', purpose: '', voidReason: '', voidedBy: '', voidedAt: null, issuedOn: null, ...n })
      .lastInsertRowid,
  )
}

export function getNumber(db: Database.Database, id: number): NumberRow | undefined {
  return db.prepare(`${NUMBER_SELECT} WHERE n.id = ?`).get(id) as NumberRow | undefined
}

export function findNumber(db: Database.Database, seriesId: number, year: number, seq: number): NumberRow | undefined {
  return db.prepare(`${NUMBER_SELECT} WHERE n.series_id = ? AND n.year = ? AND n.seq = ?`).get(seriesId, year, seq) as NumberRow | undefined
}

export function numbersOfYear(db: Database.Database, year: number, seriesId?: number): NumberRow[] {
  return (
    seriesId === undefined
      ? db.prepare(`${NUMBER_SELECT} WHERE n.year = ? ORDER BY s.sort_order, s.id, n.seq`).all(year)
      : db.prepare(`${NUMBER_SELECT} WHERE n.year = ? AND n.series_id = ? ORDER BY n.seq`).all(year, seriesId)
  ) as NumberRow[]
}

export function markVoided(db: Database.Database, id: number, reason: string, by: string, at: string): void {
  db.prepare(`UPDATE doc_numbers SET status = 'voided', void_reason = ?, voided_by = ?, voided_at = ? WHERE id = ?`).run(reason, by, at, id)
}

export function attachNumber(db: Database.Database, id: number, documentId: number, issuedOn: string): void {
  db.prepare(`UPDATE doc_numbers SET status = 'used', document_id = ?, issued_on = ? WHERE id = ?`).run(documentId, issuedOn, id)
}

/**
 * A correction (更正) keeps its number: the number held by document `fromDocumentId` is moved to the
 * new revision `toDocumentId`, issued on `issuedOn` (YYYY-MM-DD). Called inside the caller's transaction.
 */
export function moveNumberToRevision(db: Database.Database, fromDocumentId: number, toDocumentId: number, issuedOn: string): void {
  db.prepare('UPDATE doc_numbers SET document_id = ?, issued_on = ? WHERE document_id = ?').run(toDocumentId, issuedOn, fromDocumentId)
}

/** The number a document holds (its row in the register), if any. */
export function findNumberOfDocument(db: Database.Database, documentId: number): NumberRow | undefined {
  return db.prepare(`${NUMBER_SELECT} WHERE n.document_id = ?`).get(documentId) as NumberRow | undefined
}

/** Sets the 成文日期 (YYYY-MM-DD) recorded for a number, when its document is signed again. */
export function setIssuedOn(db: Database.Database, id: number, issuedOn: string): void {
  db.prepare('UPDATE doc_numbers SET issued_on = ? WHERE id = ?').run(issuedOn, id)
}
