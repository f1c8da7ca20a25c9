import m0001 from './0001_init'
import m0002 from './0002_documents'
import m0003 from './0003_font_profile'
import m0004 from './0004_signed_lock'
import m0005 from './0005_institutions_preschool'
import m0006 from './0006_balance'
import m0007 from './0007_document_search'
import m0008 from './0008_preschool_report'
import m0009 from './0009_supervision'
import m0010 from './0010_supervision_documents'
import m0011 from './0011_search_grams'
import * as m0012 from './0012_evidence_files'
import m0013 from './0013_imprint_page_number'
import m0014 from './0014_rubric_choices'
import * as m0015 from './0015_evidence_supervision'

import type Database from 'better-sqlite3'

/**
 * One schema step: SQL, code, or both (SQL first), run in one transaction with its record in
 * schema_migrations — a failing step changes nothing. Code reshapes stored data the SQL cannot, e.g. a
 * document body when block kinds are added (shared/documents/contentVersion.ts upgradeContent).
 */
export interface Migration {
  version: number
  name: string
  sql?: string
  /** Runs after `sql` inside the migration's transaction; throws to abort the migration. */
  run?: (db: Database.Database) => void
}

/** Every migration, in order. Append only: a released migration is never edited. */
export const MIGRATIONS: Migration[] = [
  { version: 1, name: '0001_init', sql: m0001 },
  { version: 2, name: '0002_documents', sql: m0002 },
  { version: 3, name: '0003_font_profile', sql: m0003 },
  { version: 4, name: '0004_signed_lock', sql: m0004 },
  { version: 5, name: '0005_institutions_preschool', sql: m0005 },
  { version: 6, name: '0006_balance', sql: m0006 },
  { version: 7, name: '0007_document_search', sql: m0007 },
  { version: 8, name: '0008_preschool_report', sql: m0008 },
  { version: 9, name: '0009_supervision', sql: m0009 },
  { version: 10, name: '0010_supervision_documents', sql: m0010 },
  { version: 11, name: '0011_search_grams', sql: m0011 },
  { version: 12, name: '0012_evidence_files', sql: m0012.sql, run: m0012.run },
  { version: 13, name: '0013_imprint_page_number', sql: m0013 },
  { version: 14, name: '0014_rubric_choices', sql: m0014 },
  { version: 15, name: '0015_evidence_supervision', sql: m0015.sql, run: m0015.run },
]
