import type Database from 'better-sqlite3'
import { DEFAULT_SETTINGS } from '../../../shared/supervision/defaults'
import type {
  AnnualPlan,
  DocumentRole,
  Inspector,
  LedgerEntry,
  LinkedDocument,
  PlanMonth,
  SupervisionItem,
  SupervisionSettings,
  Visit,
  Zone,
} from '../../../shared/supervision/types'
import { localIsoDateOf } from '../../../shared/format/localTime'
import { nowIso } from '../clock'

/**
 * The supervision tables (migration 0009), owned by this folder. Every write runs inside the caller's
 * transaction when one is open; other domains (svdocs' documents) change them only through the
 * functions here, passing their open `db`.
 */

const json = <T>(s: string): T => JSON.parse(s) as T

// ---------------------------------------------------------------- settings and 督导事项

/** The office's settings (defaults merged under what was saved). */
export function readSettings(db: Database.Database): SupervisionSettings {
  const r = db.prepare('SELECT settings FROM supervision_settings WHERE id = 1').get() as { settings: string } | undefined
  return r ? { ...DEFAULT_SETTINGS, ...json<Partial<SupervisionSettings>>(r.settings) } : { ...DEFAULT_SETTINGS }
}

/** Saves the whole settings object (one row), inside the caller's transaction. */
export function writeSettings(db: Database.Database, s: SupervisionSettings): void {
  db.prepare(
    `INSERT INTO supervision_settings (id, settings, updated_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
  ).run(JSON.stringify(s), nowIso())
}

interface ItemRow {
  key: string
  title: string
  description: string
  sort_order: number
  active: number
}

/** The 督导事项 list in its order (retired ones included, `active` false). */
export function listItems(db: Database.Database): SupervisionItem[] {
  return (db.prepare('SELECT * FROM supervision_items ORDER BY sort_order, key').all() as ItemRow[]).map((r) => ({
    key: r.key,
    title: r.title,
    description: r.description,
    sortOrder: r.sort_order,
    active: r.active === 1,
  }))
}

/**
 * Replaces the list: given items are written in the given order; an item left out is kept retired
 * (`active` 0) when a visit or entry uses it, else removed.
 */
export function writeItems(db: Database.Database, items: Omit<SupervisionItem, 'sortOrder'>[]): void {
  const upsert = db.prepare(
    `INSERT INTO supervision_items (key, title, description, sort_order, active) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET title = excluded.title, description = excluded.description,
         sort_order = excluded.sort_order, active = excluded.active`,
  )
  items.forEach((it, i) => upsert.run(it.key, it.title, it.description, i + 1, it.active ? 1 : 0))
  const keep = new Set(items.map((i) => i.key))
  for (const old of listItems(db)) {
    if (keep.has(old.key)) continue
    const used =
      db.prepare('SELECT 1 FROM supervision_entries WHERE item_key = ? LIMIT 1').get(old.key) ||
      db.prepare('SELECT 1 FROM supervision_visits, json_each(item_keys) WHERE json_each.value = ? LIMIT 1').get(old.key)
    if (used) db.prepare('UPDATE supervision_items SET active = 0, sort_order = ? WHERE key = ?').run(1000 + old.sortOrder, old.key)
    else db.prepare('DELETE FROM supervision_items WHERE key = ?').run(old.key)
  }
}

// ---------------------------------------------------------------- 督学

interface InspectorRow {
  id: number
  name: string
  kind: Inspector['kind']
  unit: string
  phone: string
  active_from: number
  active_to: number | null
  note: string
  created_at: string
  updated_at: string
}

const toInspector = (r: InspectorRow): Inspector => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  unit: r.unit,
  phone: r.phone,
  activeFrom: r.active_from,
  activeTo: r.active_to,
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

/** Every 督学 (or those serving in `year`), by name. */
export function listInspectors(db: Database.Database, year?: number): Inspector[] {
  const rows = (
    year === undefined
      ? db.prepare('SELECT * FROM supervision_inspectors ORDER BY name').all()
      : db
          .prepare('SELECT * FROM supervision_inspectors WHERE active_from <= ? AND (active_to IS NULL OR active_to >= ?) ORDER BY name')
          .all(year, year)
  ) as InspectorRow[]
  return rows.map(toInspector)
}

/** One 督学 by id, or null. */
export function getInspector(db: Database.Database, id: number): Inspector | null {
  const r = db.prepare('SELECT * FROM supervision_inspectors WHERE id = ?').get(id) as InspectorRow | undefined
  return r ? toInspector(r) : null
}

/** One 督学 by exact name (names are unique), or null. */
export function findInspectorByName(db: Database.Database, name: string): Inspector | null {
  const r = db.prepare('SELECT * FROM supervision_inspectors WHERE name = ?').get(name) as InspectorRow | undefined
  return r ? toInspector(r) : null
}

/** Inserts (no id) or updates a 督学; returns the id. */
export function writeInspector(db: Database.Database, i: Omit<Inspector, 'id' | 'createdAt' | 'updatedAt'> & { id?: number }): number {
  const now = nowIso()
  if (i.id) {
    db.prepare(
      'UPDATE supervision_inspectors SET name = ?, kind = ?, unit = ?, phone = ?, active_from = ?, active_to = ?, note = ?, updated_at = ? WHERE id = ?',
    ).run(i.name, i.kind, i.unit, i.phone, i.activeFrom, i.activeTo, i.note, now, i.id)
    return i.id
  }
  const r = db
    .prepare(
      `INSERT INTO supervision_inspectors (name, kind, unit, phone, active_from, active_to, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(i.name, i.kind, i.unit, i.phone, i.activeFrom, i.activeTo, i.note, now, now)
  return Number(r.lastInsertRowid)
}

/** Deletes a 督学 row (the service first checks inspectorUse); true when one was deleted. */
export function deleteInspectorRow(db: Database.Database, id: number): boolean {
  return db.prepare('DELETE FROM supervision_inspectors WHERE id = ?').run(id).changes > 0
}

/** How many zones, visits and entries name this 督学 (a 督学 in use is not deleted). */
export function inspectorUse(db: Database.Database, id: number): number {
  const n = (sql: string) => (db.prepare(sql).get(id) as { n: number }).n
  return (
    n('SELECT count(*) AS n FROM supervision_zones WHERE inspector_id = ?') +
    n('SELECT count(*) AS n FROM supervision_visits WHERE inspector_id = ?') +
    n('SELECT count(*) AS n FROM supervision_entries WHERE inspector_id = ?')
  )
}

// ---------------------------------------------------------------- 责任区

interface ZoneRow {
  id: number
  year: number
  name: string
  inspector_id: number
  note: string
}

function zoneInstitutions(db: Database.Database, zoneId: number): number[] {
  return (
    db
      .prepare(
        `SELECT z.institution_id AS id FROM supervision_zone_institutions z JOIN institutions i ON i.id = z.institution_id
           WHERE z.zone_id = ? ORDER BY i.name`,
      )
      .all(zoneId) as { id: number }[]
  ).map((r) => r.id)
}

const toZone = (db: Database.Database, r: ZoneRow): Zone => ({
  id: r.id,
  year: r.year,
  name: r.name,
  inspectorId: r.inspector_id,
  institutionIds: zoneInstitutions(db, r.id),
  note: r.note,
})

/** The 责任区 of a year, in the order they were created (第一, 第二 … as the office entered them). */
export function listZones(db: Database.Database, year: number): Zone[] {
  return (db.prepare('SELECT * FROM supervision_zones WHERE year = ? ORDER BY id').all(year) as ZoneRow[]).map((r) => toZone(db, r))
}

/** Zones of every year (for figures over a term spanning two calendar years). */
export function listAllZones(db: Database.Database): Zone[] {
  return (db.prepare('SELECT * FROM supervision_zones ORDER BY year, id').all() as ZoneRow[]).map((r) => toZone(db, r))
}

/** One 责任区 with its institutions, or null. */
export function getZone(db: Database.Database, id: number): Zone | null {
  const r = db.prepare('SELECT * FROM supervision_zones WHERE id = ?').get(id) as ZoneRow | undefined
  return r ? toZone(db, r) : null
}

/** The zone an institution belongs to in a year, or null. */
export function zoneOfInstitution(db: Database.Database, year: number, institutionId: number): Zone | null {
  const r = db
    .prepare('SELECT zone_id FROM supervision_zone_institutions WHERE year = ? AND institution_id = ?')
    .get(year, institutionId) as { zone_id: number } | undefined
  return r ? getZone(db, r.zone_id) : null
}

/**
 * Inserts or updates a zone and replaces its institutions. The caller checks first that no
 * institution sits in another zone that year (the primary key would refuse it anyway).
 */
export function writeZone(db: Database.Database, z: Omit<Zone, 'id'> & { id?: number }): number {
  let id = z.id
  if (id) {
    db.prepare('UPDATE supervision_zones SET year = ?, name = ?, inspector_id = ?, note = ? WHERE id = ?').run(
      z.year,
      z.name,
      z.inspectorId,
      z.note,
      id,
    )
  } else {
    id = Number(
      db
        .prepare('INSERT INTO supervision_zones (year, name, inspector_id, note) VALUES (?, ?, ?, ?)')
        .run(z.year, z.name, z.inspectorId, z.note).lastInsertRowid,
    )
  }
  db.prepare('DELETE FROM supervision_zone_institutions WHERE zone_id = ?').run(id)
  const add = db.prepare('INSERT INTO supervision_zone_institutions (year, institution_id, zone_id) VALUES (?, ?, ?)')
  for (const inst of new Set(z.institutionIds)) add.run(z.year, inst, id)
  return id
}

/** Deletes a 责任区 and its institution rows; true when one was deleted. */
export function deleteZoneRow(db: Database.Database, id: number): boolean {
  db.prepare('DELETE FROM supervision_zone_institutions WHERE zone_id = ?').run(id)
  return db.prepare('DELETE FROM supervision_zones WHERE id = ?').run(id).changes > 0
}

// ---------------------------------------------------------------- 年度计划

/** The plan of a year; an empty plan (twelve months without theme) when none was saved. */
export function readPlan(db: Database.Database, year: number): AnnualPlan {
  const r = db.prepare('SELECT * FROM supervision_plans WHERE year = ?').get(year) as
    { standing_checklist: string; months: string; updated_at: string } | undefined
  const saved = r ? json<PlanMonth[]>(r.months) : []
  const months = Array.from(
    { length: 12 },
    (_, i) => saved.find((m) => m.month === i + 1) ?? { month: i + 1, theme: '', topics: [], note: '' },
  )
  return { year, standingChecklist: r ? json<string[]>(r.standing_checklist) : [], months, updatedAt: r?.updated_at ?? null }
}

/** Saves the 年度计划 of a year (months sorted), replacing what was saved. */
export function writePlan(db: Database.Database, plan: Pick<AnnualPlan, 'year' | 'standingChecklist' | 'months'>): void {
  db.prepare(
    `INSERT INTO supervision_plans (year, standing_checklist, months, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (year) DO UPDATE SET standing_checklist = excluded.standing_checklist, months = excluded.months, updated_at = excluded.updated_at`,
  ).run(plan.year, JSON.stringify(plan.standingChecklist), JSON.stringify([...plan.months].sort((a, b) => a.month - b.month)), nowIso())
}

// ---------------------------------------------------------------- 督导记录

interface VisitDbRow {
  id: number
  visit_date: string
  inspector_id: number
  companion_ids: string
  institution_id: number
  theme: string
  item_keys: string
  methods: string
  findings: string
  good_practice: string
  opinion: string
  attachments: string
  school_signed: number
  recorded_at: string
  source: string
  created_at: string
  updated_at: string
}

const toVisit = (r: VisitDbRow): Visit => ({
  id: r.id,
  date: r.visit_date,
  inspectorId: r.inspector_id,
  companionIds: json(r.companion_ids),
  institutionId: r.institution_id,
  theme: r.theme,
  itemKeys: json(r.item_keys),
  methods: json(r.methods),
  findings: json(r.findings),
  goodPractice: r.good_practice,
  opinion: r.opinion,
  attachments: json(r.attachments),
  schoolSigned: r.school_signed === 1,
  recordedAt: r.recorded_at,
  source: r.source,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

/** Filters of listVisits; dates inclusive. */
export interface VisitFilter {
  from?: string
  to?: string
  institutionId?: number
  inspectorId?: number
}

/** Visits by date (newest first). */
export function listVisits(db: Database.Database, f: VisitFilter = {}): Visit[] {
  const where: string[] = []
  const args: (string | number)[] = []
  if (f.from) (where.push('visit_date >= ?'), args.push(f.from))
  if (f.to) (where.push('visit_date <= ?'), args.push(f.to))
  if (f.institutionId) (where.push('institution_id = ?'), args.push(f.institutionId))
  if (f.inspectorId) (where.push('inspector_id = ?'), args.push(f.inspectorId))
  const sql = `SELECT * FROM supervision_visits ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY visit_date DESC, id DESC`
  return (db.prepare(sql).all(...args) as VisitDbRow[]).map(toVisit)
}

/** One visit by id, or null. */
export function getVisit(db: Database.Database, id: number): Visit | null {
  const r = db.prepare('SELECT * FROM supervision_visits WHERE id = ?').get(id) as VisitDbRow | undefined
  return r ? toVisit(r) : null
}

/** Inserts (no id) or updates a visit; `recordedAt` is kept on update. Returns the id. */
export function writeVisit(db: Database.Database, v: Omit<Visit, 'id' | 'createdAt' | 'updatedAt'> & { id?: number }): number {
  const now = nowIso()
  const cols = [
    v.date,
    v.inspectorId,
    JSON.stringify(v.companionIds),
    v.institutionId,
    v.theme,
    JSON.stringify(v.itemKeys),
    JSON.stringify(v.methods),
    JSON.stringify(v.findings),
    v.goodPractice,
    v.opinion,
    JSON.stringify(v.attachments),
    v.schoolSigned ? 1 : 0,
  ]
  if (v.id) {
    db.prepare(
      `UPDATE supervision_visits SET visit_date = ?, inspector_id = ?, companion_ids = ?, institution_id = ?, theme = ?, item_keys = ?, methods = ?,
         findings = ?, good_practice = ?, opinion = ?, attachments = ?, school_signed = ?, updated_at = ? WHERE id = ?`,
    ).run(...cols, now, v.id)
    return v.id
  }
  const r = db
    .prepare(
      `INSERT INTO supervision_visits (visit_date, inspector_id, companion_ids, institution_id, theme, item_keys, methods, findings, good_practice,
         opinion, attachments, school_signed, recorded_at, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(...cols, v.recordedAt, v.source, now, now)
  return Number(r.lastInsertRowid)
}

/** Sets one finding's ledger entry id on its visit. */
export function setFindingEntry(db: Database.Database, visitId: number, index: number, entryId: number | null): void {
  const v = getVisit(db, visitId)
  if (!v || !v.findings[index]) return
  const findings = v.findings.map((f, i) => (i === index ? { ...f, entryId } : f))
  db.prepare('UPDATE supervision_visits SET findings = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(findings), nowIso(), visitId)
}

/** Deletes a visit row (the service refuses a visit whose findings are in the ledger); true when deleted. */
export function deleteVisitRow(db: Database.Database, id: number): boolean {
  return db.prepare('DELETE FROM supervision_visits WHERE id = ?').run(id).changes > 0
}

// ---------------------------------------------------------------- 问题台账

interface EntryDbRow {
  id: number
  code: string
  source: LedgerEntry['source']
  found_date: string
  inspector_id: number | null
  institution_id: number
  item_key: string | null
  month_theme: string
  description: string
  level: LedgerEntry['level']
  responsible_unit: string
  responsible_person: string
  measures: string
  deadline: string | null
  visit_id: number | null
  finding_index: number | null
  progress: string
  report_date: string | null
  review_date: string | null
  reviewer: string
  review_result: LedgerEntry['reviewResult']
  review_note: string
  closed_date: string | null
  close_basis: string
  close_evidence: string
  status: LedgerEntry['status']
  history: string
  created_at: string
  updated_at: string
}

const toEntry = (r: EntryDbRow): LedgerEntry => ({
  id: r.id,
  code: r.code,
  source: r.source,
  foundDate: r.found_date,
  inspectorId: r.inspector_id,
  institutionId: r.institution_id,
  itemKey: r.item_key,
  monthTheme: r.month_theme,
  description: r.description,
  level: r.level,
  responsibleUnit: r.responsible_unit,
  responsiblePerson: r.responsible_person,
  measures: r.measures,
  deadline: r.deadline,
  visitId: r.visit_id,
  findingIndex: r.finding_index,
  progress: json(r.progress),
  reportDate: r.report_date,
  reviewDate: r.review_date,
  reviewer: r.reviewer,
  reviewResult: r.review_result,
  reviewNote: r.review_note,
  closedDate: r.closed_date,
  closeBasis: r.close_basis,
  closeEvidence: json(r.close_evidence),
  status: r.status,
  history: json(r.history),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

/** Every ledger entry (the service filters, sorts and pages; a county's ledger is thousands of rows at most). */
export function listEntries(db: Database.Database): LedgerEntry[] {
  return (db.prepare('SELECT * FROM supervision_entries ORDER BY found_date, id').all() as EntryDbRow[]).map(toEntry)
}

/** One ledger entry by id, or null. */
export function getEntry(db: Database.Database, id: number): LedgerEntry | null {
  const r = db.prepare('SELECT * FROM supervision_entries WHERE id = ?').get(id) as EntryDbRow | undefined
  return r ? toEntry(r) : null
}

/** Entries by ids, in the given order (unknown ids skipped). */
export function getEntries(db: Database.Database, ids: number[]): LedgerEntry[] {
  return ids.map((id) => getEntry(db, id)).filter((e): e is LedgerEntry => e !== null)
}

/** The next 编号 of a year: `2025-0001`, `2025-0002` … (gaps left by deleted entries are not reused). */
export function nextEntryCode(db: Database.Database, year: number): string {
  const r = db
    .prepare("SELECT max(CAST(substr(code, 6) AS INTEGER)) AS n FROM supervision_entries WHERE code LIKE ? || '-%'")
    .get(String(year)) as {
    n: number | null
  }
  return `${year}-${String((r.n ?? 0) + 1).padStart(4, '0')}`
}

/** The columns an entry writes on every save (not id, code or created_at), with their values. */
function entryColumns(e: Omit<LedgerEntry, 'id'>): Record<string, string | number | null> {
  return {
    source: e.source,
    found_date: e.foundDate,
    inspector_id: e.inspectorId,
    institution_id: e.institutionId,
    item_key: e.itemKey,
    month_theme: e.monthTheme,
    description: e.description,
    level: e.level,
    responsible_unit: e.responsibleUnit,
    responsible_person: e.responsiblePerson,
    measures: e.measures,
    deadline: e.deadline,
    visit_id: e.visitId,
    finding_index: e.findingIndex,
    progress: JSON.stringify(e.progress),
    report_date: e.reportDate,
    review_date: e.reviewDate,
    reviewer: e.reviewer,
    review_result: e.reviewResult,
    review_note: e.reviewNote,
    closed_date: e.closedDate,
    close_basis: e.closeBasis,
    close_evidence: JSON.stringify(e.closeEvidence),
    status: e.status,
    history: JSON.stringify(e.history),
    updated_at: e.updatedAt,
  }
}

/** Inserts a new entry (its code and history already set); returns the id. */
export function insertEntry(db: Database.Database, e: Omit<LedgerEntry, 'id'>): number {
  const values = { ...entryColumns(e), code: e.code, created_at: e.createdAt }
  const names = Object.keys(values)
  const r = db.prepare(`INSERT INTO supervision_entries (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(values)
  return Number(r.lastInsertRowid)
}

/** Writes back every column of an entry except its id, code and creation time. */
export function updateEntry(db: Database.Database, e: LedgerEntry): void {
  const values = entryColumns(e)
  const sets = Object.keys(values).map((n) => `${n} = @${n}`)
  db.prepare(`UPDATE supervision_entries SET ${sets.join(', ')} WHERE id = @id`).run({ ...values, id: e.id })
}

/** Deletes an entry and its document links (ON DELETE CASCADE); true when deleted. */
export function deleteEntryRow(db: Database.Database, id: number): boolean {
  return db.prepare('DELETE FROM supervision_entries WHERE id = ?').run(id).changes > 0
}

// ---------------------------------------------------------------- entries ↔ 公文

const DOC_STATUS_LABELS: Record<LinkedDocument['status'], string> = {
  draft: '草稿',
  signed: '已签发',
  printed: '已印发',
  voided: '已作废',
  deleted: '已删除',
}

/**
 * Links a 公文 to ledger entries in a role (整改通知书, 督办单, 督导通报, 月度通知, 协商意见书), inside the
 * caller's transaction (svdocs calls it right after creating the document). Linking twice is a no-op;
 * each new link also appends a `linkDocument` event (status unchanged) to the entry's history.
 * Throws Error when an entry id does not exist (the caller's transaction then rolls back).
 */
export function linkDocuments(db: Database.Database, entryIds: number[], documentId: number, role: DocumentRole, date?: string): void {
  const at = nowIso()
  const insert = db.prepare(
    'INSERT OR IGNORE INTO supervision_entry_documents (entry_id, document_id, role, linked_at) VALUES (?, ?, ?, ?)',
  )
  for (const id of new Set(entryIds)) {
    const entry = getEntry(db, id)
    if (!entry) throw new Error(`问题台账中没有编号为 ${id} 的问题`)
    if (insert.run(id, documentId, role, at).changes === 0) continue
    const day = date ?? localIsoDateOf(new Date(at))
    updateEntry(db, {
      ...entry,
      history: [
        ...entry.history,
        {
          action: 'linkDocument',
          date: day < entry.foundDate ? entry.foundDate : day,
          at,
          from: entry.status,
          to: entry.status,
          by: '',
          note: `${role}（文书 ${documentId}）`,
        },
      ],
      updatedAt: at,
    })
  }
}

/** Removes one link (an explicit user action only: voiding a document never calls this). */
export function unlinkDocument(db: Database.Database, entryId: number, documentId: number, role: DocumentRole): boolean {
  return (
    db.prepare('DELETE FROM supervision_entry_documents WHERE entry_id = ? AND document_id = ? AND role = ?').run(entryId, documentId, role)
      .changes > 0
  )
}

interface LinkRow {
  entry_id: number
  document_id: number
  role: DocumentRole
  linked_at: string
  title: string | null
  doc_number: string | null
  status: LinkedDocument['status'] | null
  content: string | null
  created_at: string | null
}

/**
 * The documents linked to each of the given entries (all entries when `entryIds` is absent), each
 * with its current status: a voided document shows as 已作废 and a deleted draft as 已删除; no link is
 * dropped. Ordered by link time.
 */
export function entryDocuments(db: Database.Database, entryIds?: number[]): Map<number, LinkedDocument[]> {
  const rows = db
    .prepare(
      `SELECT l.entry_id, l.document_id, l.role, l.linked_at, d.title, d.doc_number, d.status,
              json_extract(d.content, '$.signedDate') AS content, d.created_at
         FROM supervision_entry_documents l LEFT JOIN documents d ON d.id = l.document_id
         WHERE ? IS NULL OR l.entry_id IN (SELECT value FROM json_each(?))
         ORDER BY l.linked_at, l.document_id`,
    )
    .all(...(entryIds ? [1, JSON.stringify(entryIds)] : [null, '[]'])) as LinkRow[]
  const out = new Map<number, LinkedDocument[]>()
  for (const r of rows) {
    const status = r.status ?? 'deleted'
    const list = out.get(r.entry_id) ?? []
    list.push({
      documentId: r.document_id,
      role: r.role,
      title: r.title ?? '',
      docNumber: r.doc_number ?? '',
      status,
      statusLabel: DOC_STATUS_LABELS[status],
      date: r.content || (r.created_at ? localIsoDateOf(new Date(r.created_at)) : ''),
      linkedAt: r.linked_at,
    })
    out.set(r.entry_id, list)
  }
  return out
}

/** The entries a document is linked to (any role), by id. */
export function documentEntries(db: Database.Database, documentId: number): { entryId: number; role: DocumentRole }[] {
  return (
    db.prepare('SELECT entry_id, role FROM supervision_entry_documents WHERE document_id = ? ORDER BY entry_id').all(documentId) as {
      entry_id: number
      role: DocumentRole
    }[]
  ).map((r) => ({ entryId: r.entry_id, role: r.role }))
}

/** Every saved plan (for figures over periods spanning years). */
export function listPlans(db: Database.Database): AnnualPlan[] {
  return (db.prepare('SELECT year FROM supervision_plans ORDER BY year').all() as { year: number }[]).map((r) => readPlan(db, r.year))
}
