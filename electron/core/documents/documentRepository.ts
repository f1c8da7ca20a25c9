import type Database from 'better-sqlite3'
import type { DocumentHistoryEntry, DocumentRecord, DocumentStatus, DocumentSummary } from '../../../shared/documents/records'
import type { DocumentContent, DocumentFormat, DocumentKind } from '../../../shared/documents/types'

interface DocumentRow {
  id: number
  kind: DocumentKind
  format: DocumentFormat
  status: DocumentStatus
  series_id: number | null
  template_key: string
  title: string
  doc_number: string
  year: number | null
  content: string
  revision: number
  revision_of: number | null
  superseded_by: number | null
  updated_at: string
}

/** Text the full-text index searches: number, title, addressees, body and attachments. */
export function searchTextOf(c: DocumentContent): string {
  return [c.docNumber, c.title, c.recipients, ...c.body.map((b) => b.text), ...c.attachments.flatMap((a) => [a.title, ...a.body.map((b) => b.text)]), c.ccRecipients].join('\n')
}

function summary(row: DocumentRow): DocumentSummary {
  const content = JSON.parse(row.content) as DocumentContent
  return {
    id: row.id,
    kind: row.kind,
    format: row.format,
    status: row.status,
    title: row.title,
    docNumber: row.doc_number,
    year: row.year,
    seriesId: row.series_id,
    revision: row.revision,
    revisionOf: row.revision_of,
    supersededBy: row.superseded_by,
    signedDate: content.signedDate,
    updatedAt: row.updated_at,
  }
}

export function getDocument(db: Database.Database, id: number): DocumentRecord | undefined {
  const row = db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined
  if (!row) return undefined
  const history = db.prepare('SELECT at, action, note FROM document_history WHERE document_id = ? ORDER BY id').all(id) as DocumentHistoryEntry[]
  return { ...summary(row), templateKey: row.template_key, content: JSON.parse(row.content) as DocumentContent, history }
}

export interface NewDocument {
  kind: DocumentKind
  format: DocumentFormat
  seriesId: number | null
  templateKey: string
  content: DocumentContent
  revision?: number
  revisionOf?: number | null
  docNumber?: string
  year?: number | null
  at: string
}

export function insertDocument(db: Database.Database, d: NewDocument): number {
  return Number(
    db
      .prepare(
        `INSERT INTO documents (kind, format, status, series_id, template_key, title, doc_number, year, content, search_text, revision, revision_of, created_at, updated_at)
         VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(d.kind, d.format, d.seriesId, d.templateKey, d.content.title, d.docNumber ?? '', d.year ?? null, JSON.stringify(d.content), searchTextOf(d.content), d.revision ?? 1, d.revisionOf ?? null, d.at, d.at).lastInsertRowid,
  )
}

export function updateDocumentContent(db: Database.Database, id: number, fields: { kind: DocumentKind; format: DocumentFormat; seriesId: number | null; content: DocumentContent; at: string }): void {
  db.prepare(
    `UPDATE documents SET kind = ?, format = ?, series_id = ?, title = ?, doc_number = ?, content = ?, search_text = ?, updated_at = ? WHERE id = ?`,
  ).run(fields.kind, fields.format, fields.seriesId, fields.content.title, fields.content.docNumber, JSON.stringify(fields.content), searchTextOf(fields.content), fields.at, id)
}

export function setStatus(db: Database.Database, id: number, status: DocumentStatus, at: string, extra: { signedAt?: string; printedAt?: string; year?: number } = {}): void {
  db.prepare(
    `UPDATE documents SET status = ?, updated_at = ?, signed_at = coalesce(?, signed_at), printed_at = coalesce(?, printed_at), year = coalesce(?, year) WHERE id = ?`,
  ).run(status, at, extra.signedAt ?? null, extra.printedAt ?? null, extra.year ?? null, id)
}

export function addHistory(db: Database.Database, id: number, at: string, action: string, note = ''): void {
  db.prepare('INSERT INTO document_history (document_id, at, action, note) VALUES (?, ?, ?, ?)').run(id, at, action, note)
}

/**
 * Records a save. Consecutive saves (drafts save themselves every few seconds) are one history entry
 * whose time is the latest save; any other action in between starts a new one.
 */
export function addSaveHistory(db: Database.Database, id: number, at: string): void {
  const last = db.prepare('SELECT id, action FROM document_history WHERE document_id = ? ORDER BY id DESC LIMIT 1').get(id) as { id: number; action: string } | undefined
  if (last?.action === '保存') db.prepare('UPDATE document_history SET at = ? WHERE id = ?').run(at, last.id)
  else addHistory(db, id, at, '保存')
}

export interface DocumentFilter {
  query: string
  year?: number
  seriesId?: number
  kind?: DocumentKind
  status?: DocumentStatus
}

/**
 * Filtered list, newest first. Search terms of 3+ characters use the FTS5 trigram index; shorter
 * ones (均衡, 督) fall back to LIKE, which the trigram tokenizer cannot serve.
 */
export function listDocuments(db: Database.Database, f: DocumentFilter): DocumentSummary[] {
  const where: string[] = []
  const params: unknown[] = []
  const terms = f.query.split(/\s+/).filter(Boolean)
  for (const term of terms) {
    if ([...term].length >= 3) {
      where.push('d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)')
      params.push(`"${term.replace(/"/g, '""')}"`)
    } else {
      where.push(`(d.search_text LIKE ? ESCAPE '\\' OR d.doc_number LIKE ? ESCAPE '\\')`)
      const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      params.push(like, like)
    }
  }
  if (f.year !== undefined) {
    where.push("(d.year = ? OR (d.year IS NULL AND substr(json_extract(d.content, '$.signedDate'), 1, 4) = ?))")
    params.push(f.year, String(f.year))
  }
  if (f.seriesId !== undefined) (where.push('d.series_id = ?'), params.push(f.seriesId))
  if (f.kind) (where.push('d.kind = ?'), params.push(f.kind))
  if (f.status) (where.push('d.status = ?'), params.push(f.status))
  const sql = `SELECT d.* FROM documents d ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.updated_at DESC, d.id DESC LIMIT 500`
  return (db.prepare(sql).all(...params) as DocumentRow[]).map(summary)
}

/** Marks a document superseded by its correction `byId`. Called inside the caller's transaction. */
export function setSupersededBy(db: Database.Database, id: number, byId: number, at: string): void {
  db.prepare('UPDATE documents SET superseded_by = ?, updated_at = ? WHERE id = ?').run(byId, at, id)
}

/**
 * The document's number was voided (文号作废): the document becomes 已作废 and its history says who
 * voided it and why (`note`). Called by the numbers domain inside its transaction.
 */
export function markNumberVoided(db: Database.Database, id: number, at: string, note: string): void {
  db.prepare(`UPDATE documents SET status = 'voided', updated_at = ? WHERE id = ?`).run(at, id)
  addHistory(db, id, at, '文号作废', note)
}
