import type Database from 'better-sqlite3'
import type { DocumentHistoryEntry, DocumentRecord, DocumentStatus, DocumentSummary } from '../../../shared/documents/records'
import type { DocumentContent, DocumentFormat, DocumentKind } from '../../../shared/documents/types'
import { searchTerms, snippetOf, type DocumentListItem, type DocumentPage, type DocumentSort } from '../../../shared/documents/search'
import { upgradeContent } from '../../../shared/documents/contentVersion'
import { UserError } from '../errors'

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

/** Keys whose string values no user reads: block kinds, image formats and bytes (migration 0011). */
const UNSEARCHED_KEYS = new Set(['kind', 'format', 'data', 'fallbackPng'])

/**
 * Text the full-text indexes hold for a document's body (migration 0011 builds the same from SQL with
 * json_tree): every string value of the content in order, one per line, except the number and the title
 * (indexed as their own columns), the item-numbering switch, block kinds, image formats and bytes, and
 * table column alignments. Table captions and cells are included, in 正文 and attachments.
 */
export function searchTextOf(c: DocumentContent): string {
  const out: string[] = []
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'string') {
      if (!UNSEARCHED_KEYS.has(key)) out.push(v)
    } else if (Array.isArray(v)) {
      if (key !== 'align') v.forEach((x) => walk(x, ''))
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k)
  }
  for (const [k, v] of Object.entries(c)) if (k !== 'docNumber' && k !== 'title' && k !== 'itemNumbering') walk(v, k)
  return out.join('\n')
}

function summary(row: DocumentRow): DocumentSummary {
  const content = row.content ? (JSON.parse(row.content) as DocumentContent) : undefined
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
    signedDate: content?.signedDate ?? '',
    updatedAt: row.updated_at,
  }
}

export function getDocument(db: Database.Database, id: number): DocumentRecord | undefined {
  const row = db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined
  if (!row) return undefined
  const history = db
    .prepare('SELECT at, action, note FROM document_history WHERE document_id = ? ORDER BY id')
    .all(id) as DocumentHistoryEntry[]
  return { ...summary(row), templateKey: row.template_key, content: readContent(row.content), history }
}

/**
 * Stored content JSON as this version of the program reads it: older shapes upgraded (contentVersion.ts).
 * @throws UserError when the content was saved by a newer program version
 */
export function readContent(json: string): DocumentContent {
  try {
    return upgradeContent(JSON.parse(json))
  } catch (e) {
    if (e instanceof RangeError) throw new UserError(e.message)
    throw e
  }
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
        `INSERT INTO documents (kind, format, status, series_id, template_key, title, doc_number, year, content, revision, revision_of, created_at, updated_at)
         VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        d.kind,
        d.format,
        d.seriesId,
        d.templateKey,
        d.content.title,
        d.docNumber ?? '',
        d.year ?? null,
        JSON.stringify(d.content),
        d.revision ?? 1,
        d.revisionOf ?? null,
        d.at,
        d.at,
      ).lastInsertRowid,
  )
}

export function updateDocumentContent(
  db: Database.Database,
  id: number,
  fields: { kind: DocumentKind; format: DocumentFormat; seriesId: number | null; content: DocumentContent; at: string },
): void {
  db.prepare(
    `UPDATE documents SET kind = ?, format = ?, series_id = ?, title = ?, doc_number = ?, content = ?, updated_at = ? WHERE id = ?`,
  ).run(
    fields.kind,
    fields.format,
    fields.seriesId,
    fields.content.title,
    fields.content.docNumber,
    JSON.stringify(fields.content),
    fields.at,
    id,
  )
}

export function setStatus(
  db: Database.Database,
  id: number,
  status: DocumentStatus,
  at: string,
  extra: { signedAt?: string; printedAt?: string; year?: number } = {},
): void {
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
  const last = db.prepare('SELECT id, action FROM document_history WHERE document_id = ? ORDER BY id DESC LIMIT 1').get(id) as
    { id: number; action: string } | undefined
  if (last?.action === '保存') db.prepare('UPDATE document_history SET at = ? WHERE id = ?').run(at, last.id)
  else addHistory(db, id, at, '保存')
}

export interface DocumentFilter {
  query: string
  year?: number
  seriesId?: number
  kind?: DocumentKind
  status?: DocumentStatus
  /** 1-based page; 1 by default. */
  page?: number
  /** Rows per page; 20 by default. */
  pageSize?: number
  /** relevance (the default with a query of 3+ characters) or updated (the default otherwise). */
  sort?: DocumentSort
  order?: 'asc' | 'desc'
}

/** The year a document belongs to: its number's year, else its 成文日期's (same expression as index documents_effective_year). */
const EFFECTIVE_YEAR = "coalesce(d.year, CAST(substr(json_extract(d.content, '$.signedDate'), 1, 4) AS INTEGER))"
/** Orders, each served by an index of migration 0006; `%` is ASC or DESC. */
const ORDERS: Record<Exclude<DocumentSort, 'relevance'>, string> = {
  updated: 'd.updated_at %, d.id %',
  date: "json_extract(d.content, '$.signedDate') %, d.id %",
  docNumber: "d.year %, d.series_id %, CAST(substr(d.doc_number, instr(d.doc_number, '〕') + 1) AS INTEGER) %, d.id %",
  status: "(CASE d.status WHEN 'draft' THEN 0 WHEN 'signed' THEN 1 WHEN 'printed' THEN 2 ELSE 3 END) %, d.updated_at %, d.id %",
}
const SUMMARY_COLUMNS =
  "d.id, d.kind, d.format, d.status, d.series_id, d.title, d.doc_number, d.year, d.revision, d.revision_of, d.superseded_by, d.updated_at, json_extract(d.content, '$.signedDate') AS signed_date"

/**
 * A term the bigram index (documents_grams, migration 0011) answers exactly: one or two characters, each a
 * letter, mark, digit, punctuation or symbol (the tokenizer's token characters).
 */
const GRAM_CHARS = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]{1,2}$/u
const GRAM_MATCHES = 'SELECT rowid FROM documents_grams WHERE documents_grams MATCH ?'
/** The bigram index query of a 1–2-character term: the token itself, or for one character every token it begins. */
const gramQuery = (term: string) => ([...term].length === 1 ? `${phrase(term)}*` : phrase(term))
/** json_tree rows of the indexed text (the rule of migration 0011 and searchTextOf). */
const INDEXED_VALUE = `fullkey <> '$.itemNumbering' AND key NOT IN ('kind', 'format', 'data', 'fallbackPng') AND path NOT LIKE '%.align'`

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
/** FTS5 phrase: the term in double quotes, inner quotes doubled. */
const phrase = (term: string) => `"${term.replace(/"/g, '""')}"`

interface Condition {
  sql: string
  params: unknown[]
}

type ListRow = Omit<DocumentRow, 'content' | 'template_key'> & { signed_date: string | null; content?: string }

/**
 * One page of the filtered list and the number of all matches. Terms of 3+ characters go through the
 * FTS5 trigram index as one MATCH (each term's spellings OR-ed, terms AND-ed), ranked by bm25 with the
 * number and title weighing more than the body; terms of 1–2 characters (均衡, 督), which trigrams
 * cannot serve, through the bigram index documents_grams (migration 0011; LIKE only for a term with a
 * character that index does not keep). Only the page's rows are read in full, for their snippet.
 */
export function listDocuments(db: Database.Database, f: DocumentFilter): DocumentPage {
  const terms = searchTerms(f.query)
  const page = Math.max(1, f.page ?? 1)
  const pageSize = Math.max(1, Math.min(100, f.pageSize ?? 20))
  const offset = (page - 1) * pageSize
  const ftsTerms = terms.filter((t) => t.variants.every((v) => [...v].length >= 3))
  const match = ftsTerms
    .map((t) => (t.variants.length > 1 ? `(${t.variants.map(phrase).join(' OR ')})` : phrase(t.variants[0])))
    .join(' AND ')
  /** Conditions on a row `d`: the filters (each served by an index) and the short terms (bigram index). */
  const filters: Condition[] = []
  const shortTerms: Condition[] = []
  for (const t of terms.filter((x) => !ftsTerms.includes(x))) {
    const alts = t.variants.map((v): Condition => {
      if (GRAM_CHARS.test(v)) return { sql: `+d.id IN (${GRAM_MATCHES})`, params: [gramQuery(v)] }
      // A character the bigram index does not keep in tokens (controls, format characters, private use):
      // LIKE on the indexed text values.
      return {
        sql: `EXISTS (SELECT 1 FROM json_tree(d.content) WHERE type = 'text' AND ${INDEXED_VALUE} AND value LIKE ? ESCAPE '\\')`,
        params: [likePattern(v)],
      }
    })
    shortTerms.push({ sql: `(${alts.map((a) => a.sql).join(' OR ')})`, params: alts.flatMap((a) => a.params) })
  }
  if (f.year !== undefined) filters.push({ sql: `${EFFECTIVE_YEAR} = ?`, params: [f.year] })
  if (f.seriesId !== undefined) filters.push({ sql: 'd.series_id = ?', params: [f.seriesId] })
  if (f.kind) filters.push({ sql: 'd.kind = ?', params: [f.kind] })
  if (f.status) filters.push({ sql: 'd.status = ?', params: [f.status] })
  const sort = f.sort === 'relevance' && !match ? 'updated' : (f.sort ?? (match ? 'relevance' : 'updated'))
  const dir = f.order === 'asc' ? 'ASC' : 'DESC'

  // Each filter as a set of ids read from its own covering index; `+` keeps SQLite from pushing the set
  // into the FTS table (one MATCH per id) or from driving the query by it instead of the order's index.
  const asSet = (column: string, c: Condition): Condition => ({
    sql: `+${column} IN (SELECT d.id FROM documents d WHERE ${c.sql})`,
    params: c.params,
  })
  const where = (cs: Condition[]) => (cs.length ? `WHERE ${cs.map((c) => c.sql).join(' AND ')}` : '')
  const params = (cs: Condition[]) => cs.flatMap((c) => c.params)
  const matches = 'SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ?'
  let idSql: string
  let idParams: unknown[]
  if (sort === 'relevance') {
    // Ranked: bm25 over the index's matches, the number and title weighing more than the body; the
    // documents table is not read.
    const cs = [...filters, ...shortTerms].map((c) => asSet('m.id', c))
    idSql = `SELECT m.id FROM (SELECT rowid AS id, bm25(documents_fts, 10.0, 5.0, 1.0) AS score FROM documents_fts WHERE documents_fts MATCH ?) m ${where(cs)} ORDER BY m.score ${f.order === 'asc' ? 'DESC' : 'ASC'}, m.id DESC`
    idParams = [match, ...params(cs)]
  } else {
    // Any other order walks its index and stops after the page; the short terms are checked on the
    // rows walked (a common term is found early, a rare one reads every row).
    const cs = [
      ...(match ? [{ sql: `+d.id IN (${matches})`, params: [match] }] : []),
      ...filters.map((c) => asSet('d.id', c)),
      ...shortTerms,
    ]
    idSql = `SELECT d.id FROM documents d ${where(cs)} ORDER BY ${ORDERS[sort].replace(/%/g, dir)}`
    idParams = params(cs)
  }
  // Ids first: a sorter holding whole rows would read every match's content.
  const ids = (db.prepare(`${idSql} LIMIT ${pageSize} OFFSET ${offset}`).all(...idParams) as { id: number }[]).map((r) => r.id)
  const count = (): number => {
    if (match) {
      const cs = [...filters, ...shortTerms].map((c) => asSet('m.id', c))
      return (db.prepare(`SELECT count(*) AS n FROM (${matches}) m ${where(cs)}`).get(match, ...params(cs)) as { n: number }).n
    }
    const cs = [...filters, ...shortTerms]
    return (db.prepare(`SELECT count(*) AS n FROM documents d ${where(cs)}`).get(...params(cs)) as { n: number }).n
  }
  const total = ids.length < pageSize && (ids.length > 0 || page === 1) ? offset + ids.length : count()
  const byId = new Map(
    ids.length
      ? (
          db
            .prepare(
              `SELECT ${SUMMARY_COLUMNS}${terms.length ? ', d.content' : ''} FROM documents d WHERE d.id IN (${ids.map(() => '?').join(', ')})`,
            )
            .all(...ids) as ListRow[]
        ).map((r) => [r.id, r])
      : [],
  )
  const highlights = terms.flatMap((t) => t.variants)
  const items = ids.map((id): DocumentListItem => {
    const row = byId.get(id)!
    return {
      ...summary({ ...row, template_key: '', content: '' }),
      signedDate: row.signed_date ?? '',
      snippet: row.content ? snippetOf(searchTextOf(JSON.parse(row.content) as DocumentContent), highlights) : null,
    }
  })
  return { items, total, page, pageSize, highlights }
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
