import type Database from 'better-sqlite3'
import type { Institution, InstitutionKind } from '../../../shared/institutions/types'
import { nowIso } from '../clock'
import { compareNames } from '../../../shared/institutions/names'

const STATEMENTS = new WeakMap<Database.Database, Map<string, Database.Statement>>()
/** A statement prepared once per connection: an import looks up and writes thousands of institutions. */
function prepared(db: Database.Database, sql: string): Database.Statement {
  let m = STATEMENTS.get(db)
  if (!m) STATEMENTS.set(db, (m = new Map()))
  let st = m.get(sql)
  if (!st) m.set(sql, (st = db.prepare(sql)))
  return st
}

interface InstitutionRow {
  id: number
  code: string | null
  name: string
  kind: InstitutionKind
  institution_type: string | null
  sponsor: string | null
  urban_rural: Institution['urbanRural']
  urban_rural_code: string | null
  township: string | null
  closed_year: number | null
  attributes: string
  updated_at: string
}

const toInstitution = (r: InstitutionRow): Institution => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  institutionType: r.institution_type,
  sponsor: r.sponsor,
  urbanRural: r.urban_rural,
  urbanRuralCode: r.urban_rural_code,
  township: r.township,
  closedYear: r.closed_year,
  attributes: JSON.parse(r.attributes) as Institution['attributes'],
  updatedAt: r.updated_at,
})

/** Every institution of a kind (closed ones too), by name. */
export function listInstitutions(db: Database.Database, kind?: InstitutionKind): Institution[] {
  const rows = (
    kind
      ? db.prepare('SELECT * FROM institutions WHERE kind = ? ORDER BY name').all(kind)
      : db.prepare('SELECT * FROM institutions ORDER BY kind, name').all()
  ) as InstitutionRow[]
  // names in the one name order (第2 before 第10), kinds kept together
  return rows.map(toInstitution).sort((a, b) => (kind ? 0 : a.kind.localeCompare(b.kind)) || compareNames(a.name, b.name))
}

/** One institution by id, or null. */
export function getInstitution(db: Database.Database, id: number): Institution | null {
  const r = db.prepare('SELECT * FROM institutions WHERE id = ?').get(id) as InstitutionRow | undefined
  return r ? toInstitution(r) : null
}

/**
 * Finds an institution the way the sheets name it: by 学校标识码 when given, else by name within the
 * kind (a coded one is also found by name when the sheet lacks the code). Returns null when new.
 */
export function findInstitution(db: Database.Database, kind: InstitutionKind, code: string | null, name: string): Institution | null {
  if (code) {
    const r = prepared(db, 'SELECT * FROM institutions WHERE code = ?').get(code) as InstitutionRow | undefined
    if (r) return toInstitution(r)
    // a row first imported without its code gets it now
    const byName = prepared(db, 'SELECT * FROM institutions WHERE kind = ? AND name = ? AND code IS NULL').get(kind, name) as
      InstitutionRow | undefined
    return byName ? toInstitution(byName) : null
  }
  const r = prepared(db, 'SELECT * FROM institutions WHERE kind = ? AND name = ? ORDER BY code IS NOT NULL, id LIMIT 1').get(kind, name) as
    InstitutionRow | undefined
  return r ? toInstitution(r) : null
}

/** What an import knows about an institution; absent fields keep their stored value. */
export type InstitutionInput = Pick<Institution, 'kind' | 'name'> &
  Partial<Omit<Institution, 'id' | 'kind' | 'name' | 'updatedAt' | 'closedYear'>>

/**
 * Creates or updates an institution inside the caller's transaction (never opens its own): found by
 * code, else by name (findInstitution); the given fields overwrite, attributes are merged; a closed
 * institution that reappears in a later year's sheet is reopened when `seenYear` ≥ its closedYear. An
 * institution the input does not change is not written (its updated_at stays the time of its last change).
 * @returns the institution's id
 */
export function upsertInstitution(db: Database.Database, input: InstitutionInput, seenYear?: number): number {
  return writeInstitution(db, findInstitution(db, input.kind, input.code ?? null, input.name), input, seenYear).id
}

/** Whether two attribute values are the same (attributes are JSON: primitives compared directly, others as JSON). */
const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b))

/**
 * Inserts (existing null) or updates an institution; returns it as now stored. `now` is the change's
 * time (an import writes all its rows with the time of its transaction).
 */
function writeInstitution(
  db: Database.Database,
  existing: Institution | null,
  input: InstitutionInput,
  seenYear?: number,
  now: string = nowIso(),
): Institution {
  if (!existing) {
    const row = {
      code: input.code || null,
      name: input.name,
      kind: input.kind,
      institutionType: input.institutionType ?? null,
      sponsor: input.sponsor ?? null,
      urbanRural: input.urbanRural ?? null,
      urbanRuralCode: input.urbanRuralCode ?? null,
      township: input.township ?? null,
      attributes: input.attributes ?? {},
    }
    const r = prepared(
      db,
      `INSERT INTO institutions (code, name, kind, institution_type, sponsor, urban_rural, urban_rural_code, township, attributes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.code,
      row.name,
      row.kind,
      row.institutionType,
      row.sponsor,
      row.urbanRural,
      row.urbanRuralCode,
      row.township,
      JSON.stringify(row.attributes),
      now,
      now,
    )
    return { id: Number(r.lastInsertRowid), ...row, closedYear: null, updatedAt: now }
  }
  const pick = <T>(v: T | undefined, old: T) => (v === undefined || v === null ? old : v)
  const reopen = existing.closedYear !== null && seenYear !== undefined && seenYear >= existing.closedYear
  // attributes merged: the given ones (not null) over the stored ones; a change is a new key or another value
  let attributesChanged = false
  const merged: Record<string, unknown> = { ...existing.attributes }
  const given = (input.attributes ?? {}) as Record<string, unknown>
  for (const k in given) {
    const v = given[k]
    if (v === undefined || v === null) continue
    if (!(k in merged) || !sameValue(merged[k], v)) attributesChanged = true
    merged[k] = v
  }
  const next: Institution = {
    ...existing,
    code: pick(input.code, existing.code) || null,
    name: input.name,
    institutionType: pick(input.institutionType, existing.institutionType),
    sponsor: pick(input.sponsor, existing.sponsor),
    urbanRural: pick(input.urbanRural, existing.urbanRural),
    urbanRuralCode: pick(input.urbanRuralCode, existing.urbanRuralCode),
    township: pick(input.township, existing.township),
    attributes: merged as Institution['attributes'],
    closedYear: reopen ? null : existing.closedYear,
    updatedAt: now,
  }
  const same =
    !attributesChanged &&
    next.code === existing.code &&
    next.name === existing.name &&
    next.institutionType === existing.institutionType &&
    next.sponsor === existing.sponsor &&
    next.urbanRural === existing.urbanRural &&
    next.urbanRuralCode === existing.urbanRuralCode &&
    next.township === existing.township &&
    next.closedYear === existing.closedYear
  if (same) return existing // unchanged: no write (a re-import of the same year)
  const attributes = JSON.stringify(next.attributes)
  prepared(
    db,
    `UPDATE institutions SET code = ?, name = ?, institution_type = ?, sponsor = ?, urban_rural = ?, urban_rural_code = ?, township = ?,
       attributes = ?, closed_year = ?, updated_at = ? WHERE id = ?`,
  ).run(
    next.code,
    next.name,
    next.institutionType,
    next.sponsor,
    next.urbanRural,
    next.urbanRuralCode,
    next.township,
    attributes,
    next.closedYear,
    now,
    existing.id,
  )
  return next
}

/**
 * The registry of one kind loaded once into maps, for an import that writes thousands of rows in one
 * transaction: `upsert` finds as `findInstitution` does (by code among every kind, else by name within
 * the kind, an uncoded one first, then the lowest id) without a query per row, writes as
 * `upsertInstitution` does, and keeps the maps current. Use it inside the caller's transaction only
 * (another writer would make the maps stale). Every change it writes carries `now` (default: when created).
 */
export function institutionRegistry(
  db: Database.Database,
  kind: InstitutionKind,
  now: string = nowIso(),
): { upsert(input: InstitutionInput, seenYear?: number): number } {
  const byCode = new Map<string, Institution>()
  const byName = new Map<string, Institution[]>()
  const addName = (i: Institution) => {
    const list = byName.get(i.name)
    if (!list) byName.set(i.name, [i])
    else {
      list.push(i)
      list.sort((a, b) => Number(a.code !== null) - Number(b.code !== null) || a.id - b.id)
    }
  }
  for (const r of prepared(db, 'SELECT * FROM institutions WHERE kind = ? OR code IS NOT NULL ORDER BY id').all(kind) as InstitutionRow[]) {
    const i = toInstitution(r)
    if (i.code !== null && !byCode.has(i.code)) byCode.set(i.code, i)
    if (i.kind === kind) addName(i)
  }
  const find = (code: string | null, name: string): Institution | null => {
    if (code) return byCode.get(code) ?? byName.get(name)?.find((i) => i.code === null) ?? null
    return byName.get(name)?.[0] ?? null
  }
  return {
    upsert(input, seenYear) {
      if (input.kind !== kind) throw new Error(`institutionRegistry(${kind}) cannot write a ${input.kind}`)
      const existing = find(input.code ?? null, input.name)
      const next = writeInstitution(db, existing, input, seenYear, now)
      if (existing) {
        if (existing.code !== null && byCode.get(existing.code) === existing) byCode.delete(existing.code)
        const list = byName.get(existing.name)
        if (list?.includes(existing)) list.splice(list.indexOf(existing), 1)
        if (list && !list.length) byName.delete(existing.name)
      }
      if (next.code !== null && !byCode.has(next.code)) byCode.set(next.code, next)
      if (next.kind === kind) addName(next)
      return next.id
    },
  }
}

/** Marks an institution closed from `year` on (its history stays), inside the caller's transaction. */
export function closeInstitution(db: Database.Database, id: number, year: number): void {
  prepared(db, 'UPDATE institutions SET closed_year = ?, updated_at = ? WHERE id = ?').run(year, nowIso(), id)
}
