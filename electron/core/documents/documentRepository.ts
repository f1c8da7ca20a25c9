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
 * A spelling the bigram index (documents_grams, migration 0011) answers exactly: one or two characters, each a
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

/** FTS5 query of a term: its one spelling, or its spellings OR-ed; `column` restricts it to one column. */
const termQuery = (variants: string[], column?: string, spell: (v: string) => string = phrase) => {
  const q = variants.length > 1 ? `(${variants.map(spell).join(' OR ')})` : spell(variants[0])
  return column ? `${column} : ${q}` : q
}

/** Weights of a term's best column in the relevance order (a term found in the 正文 only counts 1). */
const RELEVANCE_WEIGHTS = { doc_number: 10, title: 5 } as const

/**
 * One page of the filtered list and the number of all matches.
 *
 * Without terms the order's index is walked and stops after the page (the filters counted apart when
 * the page is full). With terms one statement answers page and total; the matching ids M are gathered once
 * (materialised; the cheap bigram index is simply asked twice): terms of 3+ characters through the FTS5 trigram index as one
 * MATCH (each term's spellings OR-ed, terms AND-ed), terms of 1–2 characters (均衡, 督), which trigrams
 * cannot serve, as one MATCH on the bigram index documents_grams (migration 0011; LIKE only for a term
 * with a character that index does not keep), the filters as id sets from their covering indexes. The
 * total is M's size; the page walks the order's index testing membership in M.
 *
 * Relevance (the default with a term of 3+ characters) ranks by where the terms are found: each term
 * scores 10 when found in the 文号, else 5 in the 标题, else 1 in the 正文; higher sums first, newest
 * change first among equals. Only the few documents with a term in the 文号 or 标题 (found by
 * column-restricted MATCHes on the small index documents_heads) are scored and sorted; the rest, matched in the body only, follow in the
 * order of the last-change index, read only as far as the page. Ascending relevance is the exact
 * reverse. Only the page's rows are read in full, for their snippet.
 */
export function listDocuments(db: Database.Database, f: DocumentFilter): DocumentPage {
  const terms = searchTerms(f.query)
  const page = Math.max(1, f.page ?? 1)
  const pageSize = Math.max(1, Math.min(100, f.pageSize ?? 20))
  const offset = (page - 1) * pageSize
  const ftsTerms = terms.filter((t) => t.variants.every((v) => [...v].length >= 3))
  const gramTerms = terms.filter((t) => !ftsTerms.includes(t) && t.variants.every((v) => GRAM_CHARS.test(v)))
  const match = ftsTerms.map((t) => termQuery(t.variants)).join(' AND ')
  const gramMatch = gramTerms.map((t) => termQuery(t.variants, undefined, gramQuery)).join(' AND ')
  /** Conditions on a row `d`: the filters (each served by an index) and the short terms LIKE must check. */
  const filters: Condition[] = []
  for (const t of terms.filter((x) => !ftsTerms.includes(x) && !gramTerms.includes(x))) {
    const alts = t.variants.map(likePattern)
    filters.push({
      sql: `(${alts.map(() => `EXISTS (SELECT 1 FROM json_tree(d.content) WHERE type = 'text' AND ${INDEXED_VALUE} AND value LIKE ? ESCAPE '\\')`).join(' OR ')})`,
      params: alts,
    })
  }
  if (f.year !== undefined) filters.push({ sql: `${EFFECTIVE_YEAR} = ?`, params: [f.year] })
  if (f.seriesId !== undefined) filters.push({ sql: 'd.series_id = ?', params: [f.seriesId] })
  if (f.kind) filters.push({ sql: 'd.kind = ?', params: [f.kind] })
  if (f.status) filters.push({ sql: 'd.status = ?', params: [f.status] })
  const sort = f.sort === 'relevance' && !match ? 'updated' : (f.sort ?? (match ? 'relevance' : 'updated'))
  const dir = f.order === 'asc' ? 'ASC' : 'DESC'
  const where = (cs: Condition[]) => (cs.length ? `WHERE ${cs.map((c) => c.sql).join(' AND ')}` : '')
  const params = (cs: Condition[]) => cs.flatMap((c) => c.params)

  let rows: [number | null, number | null][]
  if (!match && !gramMatch) {
    // No terms: the order's index, stopped after the page, each filter checked as a set of ids read from
    // its own covering index (`+` keeps SQLite from driving the query by the set instead of the order's
    // index); the count from the filters' indexes.
    const sets = filters.map((c) => ({ sql: `+d.id IN (SELECT d.id FROM documents d WHERE ${c.sql})`, params: c.params }))
    const ids = db
      .prepare(
        `SELECT d.id, NULL FROM documents d ${where(sets)} ORDER BY ${ORDERS[sort as 'updated'].replace(/%/g, dir)} LIMIT ? OFFSET ?`,
      )
      .raw()
      .all(...params(sets), pageSize, offset) as [number, null][]
    const total =
      ids.length < pageSize && (ids.length > 0 || page === 1)
        ? offset + ids.length
        : (db
            .prepare(`SELECT count(*) FROM documents d ${where(filters)}`)
            .pluck()
            .get(...params(filters)) as number)
    rows = [[null, total], ...ids]
  } else {
    // M: the first index drives, the other sets and filters are checked on its ids. `+` keeps SQLite
    // from pushing a set into an FTS table (one MATCH per id).
    const [driver, driverParam, other] = match
      ? [
          'SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ?',
          match,
          gramMatch ? [{ sql: `+rowid IN (${GRAM_MATCHES})`, params: [gramMatch] }] : [],
        ]
      : ['SELECT rowid AS id FROM documents_grams WHERE documents_grams MATCH ?', gramMatch, []]
    const sets = [...other, ...filters.map((c) => ({ sql: `+rowid IN (SELECT d.id FROM documents d WHERE ${c.sql})`, params: c.params }))]
    const mSql = `${driver}${sets.map((c) => ` AND ${c.sql}`).join('')}`
    const m = `m AS MATERIALIZED (${mSql})`
    const mParams = [driverParam, ...params(sets)]
    const inM = '+d.id IN (SELECT id FROM m)'
    const order = (o: Exclude<DocumentSort, 'relevance'>) => ORDERS[o].replace(/%/g, dir)
    if (sort !== 'relevance' && !match) {
      // Asking the bigram index twice (count, page) costs less than storing M once.
      rows = db
        .prepare(
          `SELECT NULL, (SELECT count(*) FROM (${mSql})) UNION ALL SELECT * FROM (SELECT d.id, NULL FROM documents d WHERE +d.id IN (${mSql}) ORDER BY ${order(sort)} LIMIT ? OFFSET ?)`,
        )
        .raw()
        .all(...mParams, ...mParams, pageSize, offset) as [number | null, number | null][]
    } else if (sort !== 'relevance') {
      rows = db
        .prepare(
          `WITH ${m} SELECT NULL, (SELECT count(*) FROM m) UNION ALL SELECT * FROM (SELECT d.id, NULL FROM documents d WHERE ${inM} ORDER BY ${order(sort)} LIMIT ? OFFSET ?)`,
        )
        .raw()
        .all(...mParams, pageSize, offset) as [number | null, number | null][]
    } else {
      // H: documents of M with a term in the 文号 or 标题, scored; the rest of M follows by last change.
      const columnSets: { name: string; sql: string; param: string }[] = []
      ftsTerms.forEach((t, i) =>
        (Object.keys(RELEVANCE_WEIGHTS) as (keyof typeof RELEVANCE_WEIGHTS)[]).forEach((column) =>
          columnSets.push({
            name: `${column}${i}`,
            sql: `${column}${i} AS MATERIALIZED (SELECT rowid AS hid FROM documents_heads WHERE documents_heads MATCH ?)`,
            param: termQuery(t.variants, column),
          }),
        ),
      )
      const score = ftsTerms
        .map(
          (_t, i) =>
            `(CASE ${(Object.keys(RELEVANCE_WEIGHTS) as (keyof typeof RELEVANCE_WEIGHTS)[])
              .map((column) => `WHEN m.id IN (SELECT hid FROM ${column}${i}) THEN ${RELEVANCE_WEIGHTS[column]}`)
              .join(' ')} ELSE 1 END)`,
        )
        .join(' + ')
      const h = `h AS MATERIALIZED (SELECT m.id, ${score} AS score FROM m WHERE m.id IN (${columnSets.map((c) => `SELECT hid FROM ${c.name}`).join(' UNION ALL ')}))`
      const counts = 'c AS MATERIALIZED (SELECT (SELECT count(*) FROM m) AS total, (SELECT count(*) FROM h) AS ranked)'
      const ranked = `SELECT h.id, NULL FROM h JOIN documents d ON d.id = h.id ORDER BY h.score ${dir === 'ASC' ? 'ASC' : 'DESC'}, d.updated_at ${dir}, d.id ${dir}`
      const rest = `SELECT d.id, NULL FROM documents d WHERE ${inM} AND +d.id NOT IN (SELECT id FROM h) ORDER BY d.updated_at ${dir}, d.id ${dir}`
      // Descending: H first, then the rest; ascending: the rest first, then H.
      const [first, second, firstCount] = dir === 'DESC' ? [ranked, rest, 'ranked'] : [rest, ranked, 'total - ranked']
      const n = `(SELECT ${firstCount} FROM c)`
      rows = db
        .prepare(
          `WITH ${m}, ${columnSets.map((c) => c.sql).join(', ')}, ${h}, ${counts} ` +
            `SELECT NULL, total FROM c ` +
            `UNION ALL SELECT * FROM (${first} LIMIT ? OFFSET ?) ` +
            `UNION ALL SELECT * FROM (${second} LIMIT max(0, ? - max(0, ${n} - ?)) OFFSET max(0, ? - ${n}))`,
        )
        .raw()
        .all(...mParams, ...columnSets.map((c) => c.param), pageSize, offset, pageSize, offset, offset) as [number | null, number | null][]
    }
  }
  const total = rows[0][1] as number
  const ids = rows.slice(1).map((r) => r[0] as number)
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
