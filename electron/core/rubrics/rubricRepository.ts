/**
 * The rubric variants and the rubric chosen per year, for every module (tables rubric_variants and
 * rubric_choices, migration 0014). A module passes its bundled rubric's id (`baseId`).
 */
import type Database from 'better-sqlite3'
import type { RubricVariantSpec } from '../../../shared/rubrics/rubric'
import type { StoredRubricVariant } from '../../../shared/rubrics/variants'
import { nowIso } from '../clock'
import { prepared } from '../institutions/statements'

/** The stored variants over the bundled rubric `baseId`, oldest first. */
export function rubricVariants(db: Database.Database, baseId: string): StoredRubricVariant[] {
  const rows = prepared(db, 'SELECT * FROM rubric_variants WHERE base_id = ? ORDER BY created_at, id').all(baseId) as {
    id: string
    base_id: string
    spec: string
  }[]
  return rows.map((r) => ({ id: r.id, baseId: r.base_id, spec: JSON.parse(r.spec) as RubricVariantSpec }))
}

/** The base rubric of a stored variant id (null when no variant has the id). */
export function variantBaseId(db: Database.Database, id: string): string | null {
  const r = prepared(db, 'SELECT base_id FROM rubric_variants WHERE id = ?').get(id) as { base_id: string } | undefined
  return r?.base_id ?? null
}

/** Saves a variant over `baseId` (replacing one with the same id). */
export function saveRubricVariant(db: Database.Database, baseId: string, spec: RubricVariantSpec): void {
  prepared(
    db,
    'INSERT INTO rubric_variants (id, base_id, spec, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET base_id = excluded.base_id, spec = excluded.spec',
  ).run(spec.id, baseId, JSON.stringify(spec), nowIso())
}

/** The rubric id chosen for a year over `baseId` (null = the bundled one). */
export function chosenRubricId(db: Database.Database, baseId: string, statYear: number): string | null {
  const r = prepared(db, 'SELECT rubric_id FROM rubric_choices WHERE base_id = ? AND stat_year = ?').get(baseId, statYear) as
    { rubric_id: string } | undefined
  return r?.rubric_id ?? null
}

/** Records the rubric of a year over `baseId` (the base id itself means the bundled one). */
export function saveRubricChoice(db: Database.Database, baseId: string, statYear: number, rubricId: string): void {
  prepared(
    db,
    `INSERT INTO rubric_choices (base_id, stat_year, rubric_id, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (base_id, stat_year) DO UPDATE SET rubric_id = excluded.rubric_id, updated_at = excluded.updated_at`,
  ).run(baseId, statYear, rubricId, nowIso())
}
