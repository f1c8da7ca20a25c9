/**
 * The tables of migration 0010 (owner: supervision): numbering rules per kind, the serial 编号 given, and what each
 * generated 公文 was made from. Every function takes the caller's open `db`; writes run inside its transaction.
 */
import type Database from 'better-sqlite3'
import {
  DEFAULT_RULES,
  type NumberedKind,
  type NumberingRule,
  type SupervisionDocumentKind,
} from '../../../../shared/supervision/documents/numbering'

interface RuleRow {
  kind: NumberedKind
  mode: 'serial' | 'series'
  pattern: string
  series_id: number | null
}

/** The office's rule for `kind`, or the default (a serial 编号) when it has saved none. */
export function readRule(db: Database.Database, kind: NumberedKind): NumberingRule {
  const row = db.prepare('SELECT kind, mode, pattern, series_id FROM supervision_numbering_rules WHERE kind = ?').get(kind) as
    RuleRow | undefined
  if (!row) return DEFAULT_RULES[kind]
  return row.mode === 'series' ? { kind, mode: 'series', seriesId: row.series_id! } : { kind, mode: 'serial', pattern: row.pattern }
}

export function writeRule(db: Database.Database, rule: NumberingRule, at: string): void {
  db.prepare(
    `INSERT INTO supervision_numbering_rules (kind, mode, pattern, series_id, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind) DO UPDATE SET mode = excluded.mode, pattern = excluded.pattern, series_id = excluded.series_id, updated_at = excluded.updated_at`,
  ).run(rule.kind, rule.mode, rule.mode === 'serial' ? rule.pattern : '', rule.mode === 'series' ? rule.seriesId : null, at)
}

export interface SerialRow {
  id: number
  kind: NumberedKind
  year: number
  seq: number
  number: string
  document_id: number | null
  status: 'used' | 'voided'
  void_reason: string
  created_at: string
}

/** One past the highest serial ever given for `kind` in `year` (voided ones included: never reused). */
export function nextSerial(db: Database.Database, kind: NumberedKind, year: number): number {
  return (
    db.prepare('SELECT coalesce(max(seq), 0) + 1 AS n FROM supervision_serial_numbers WHERE kind = ? AND year = ?').get(kind, year) as {
      n: number
    }
  ).n
}

export function insertSerial(
  db: Database.Database,
  s: { kind: NumberedKind; year: number; seq: number; number: string; documentId: number; at: string },
): number {
  return Number(
    db
      .prepare('INSERT INTO supervision_serial_numbers (kind, year, seq, number, document_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(s.kind, s.year, s.seq, s.number, s.documentId, s.at).lastInsertRowid,
  )
}

export function serialOfDocument(db: Database.Database, documentId: number): SerialRow | undefined {
  return db.prepare('SELECT * FROM supervision_serial_numbers WHERE document_id = ?').get(documentId) as SerialRow | undefined
}

export function serialsOfYear(db: Database.Database, kind: NumberedKind, year: number): SerialRow[] {
  return db.prepare('SELECT * FROM supervision_serial_numbers WHERE kind = ? AND year = ? ORDER BY seq').all(kind, year) as SerialRow[]
}

export function voidSerial(db: Database.Database, id: number, reason: string): void {
  db.prepare(`UPDATE supervision_serial_numbers SET status = 'voided', void_reason = ? WHERE id = ?`).run(reason, id)
}

export interface GeneratedRow {
  document_id: number
  kind: SupervisionDocumentKind
  numbering: 'serial' | 'series'
  period: string
  institution_id: number | null
  created_at: string
}

export function insertGenerated(
  db: Database.Database,
  g: {
    documentId: number
    kind: SupervisionDocumentKind
    numbering: 'serial' | 'series'
    period: string
    institutionId: number | null
    at: string
  },
): void {
  db.prepare(
    'INSERT INTO supervision_generated_documents (document_id, kind, numbering, period, institution_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(g.documentId, g.kind, g.numbering, g.period, g.institutionId, g.at)
}

export function getGenerated(db: Database.Database, documentId: number): GeneratedRow | undefined {
  return db.prepare('SELECT * FROM supervision_generated_documents WHERE document_id = ?').get(documentId) as GeneratedRow | undefined
}

/** Generated documents of a kind (and period), newest first. */
export function generatedOf(db: Database.Database, kind: SupervisionDocumentKind, period?: string): GeneratedRow[] {
  return (
    period === undefined
      ? db.prepare('SELECT * FROM supervision_generated_documents WHERE kind = ? ORDER BY document_id DESC').all(kind)
      : db
          .prepare('SELECT * FROM supervision_generated_documents WHERE kind = ? AND period = ? ORDER BY document_id DESC')
          .all(kind, period)
  ) as GeneratedRow[]
}
