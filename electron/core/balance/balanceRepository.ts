import type Database from 'better-sqlite3'
import type { BalanceCountyYear, PartStage, SchoolResources, SchoolStageFigures } from '../../../shared/balance/types'
import type { Judgement } from '../../../shared/rubrics/evaluate'
import { nowIso } from '../clock'

/**
 * The 优质均衡 tables (migration 0006): per (school, year, 学段) the stage figures, per (school, year)
 * the whole-school resources, per year the county figures and the judged checklist items. Writers run
 * inside the caller's transaction. `source` = `文件 / 工作表 第 N 行`: every figure traceable to its row.
 */

const STATEMENTS = new WeakMap<Database.Database, Map<string, Database.Statement>>()
/** A prepared statement, prepared once per connection (an import writes thousands of rows). */
function stmt(db: Database.Database, sql: string): Database.Statement {
  let m = STATEMENTS.get(db)
  if (!m) STATEMENTS.set(db, (m = new Map()))
  let st = m.get(sql)
  if (!st) m.set(sql, (st = db.prepare(sql)))
  return st
}

/** One 学段 of one school in one year as stored. */
export interface StoredStageYear {
  institutionId: number
  statYear: number
  figures: SchoolStageFigures
  source: string
}

/** The whole-school resources of one school in one year as stored. */
export interface StoredSchoolYear {
  institutionId: number
  statYear: number
  resources: SchoolResources
  source: string
}

/** Writes (or replaces) one 学段 of a school for a year: a re-import updates, never duplicates. */
export function saveStageYear(
  db: Database.Database,
  institutionId: number,
  statYear: number,
  figures: SchoolStageFigures,
  source: string,
): void {
  stmt(
    db,
    `INSERT INTO school_stage_years (institution_id, stat_year, stage, students, figures, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (institution_id, stat_year, stage) DO UPDATE SET students = excluded.students, figures = excluded.figures, source = excluded.source, updated_at = excluded.updated_at`,
  ).run(institutionId, statYear, figures.stage, figures.students, JSON.stringify(figures), source, nowIso())
}

/**
 * Merges whole-school resources of a year: the fields given (numbers, including 0) replace the stored
 * ones, absent fields keep theirs — so a 一贯制 school's 小学 file and 初中 file both add to one record.
 */
export function mergeSchoolYear(
  db: Database.Database,
  institutionId: number,
  statYear: number,
  resources: SchoolResources,
  source: string,
): void {
  const old = stmt(db, 'SELECT resources, source FROM school_years WHERE institution_id = ? AND stat_year = ?').get(
    institutionId,
    statYear,
  ) as { resources: string; source: string } | undefined
  const merged: SchoolResources = { ...(old ? (JSON.parse(old.resources) as SchoolResources) : {}) }
  for (const [k, v] of Object.entries(resources)) if (typeof v === 'number') (merged as Record<string, number>)[k] = v
  const given = Object.values(resources).some((v) => typeof v === 'number')
  const src = given ? source : (old?.source ?? '')
  stmt(
    db,
    `INSERT INTO school_years (institution_id, stat_year, resources, source, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (institution_id, stat_year) DO UPDATE SET resources = excluded.resources, source = excluded.source, updated_at = excluded.updated_at`,
  ).run(institutionId, statYear, JSON.stringify(merged), src, nowIso())
}

/** Every 学段 record of a year. */
export function stageYears(db: Database.Database, statYear: number): StoredStageYear[] {
  const rows = stmt(db, 'SELECT institution_id, stat_year, figures, source FROM school_stage_years WHERE stat_year = ?').all(statYear) as {
    institution_id: number
    stat_year: number
    figures: string
    source: string
  }[]
  return rows.map((r) => ({
    institutionId: r.institution_id,
    statYear: r.stat_year,
    figures: JSON.parse(r.figures) as SchoolStageFigures,
    source: r.source,
  }))
}

/** Every school's resources of a year. */
export function schoolYears(db: Database.Database, statYear: number): StoredSchoolYear[] {
  const rows = stmt(db, 'SELECT institution_id, stat_year, resources, source FROM school_years WHERE stat_year = ?').all(statYear) as {
    institution_id: number
    stat_year: number
    resources: string
    source: string
  }[]
  return rows.map((r) => ({
    institutionId: r.institution_id,
    statYear: r.stat_year,
    resources: JSON.parse(r.resources) as SchoolResources,
    source: r.source,
  }))
}

/** The 学段 a school has records for in a year. */
export function stagesOf(db: Database.Database, institutionId: number, statYear: number): PartStage[] {
  return (
    stmt(db, 'SELECT stage FROM school_stage_years WHERE institution_id = ? AND stat_year = ?').all(institutionId, statYear) as {
      stage: PartStage
    }[]
  ).map((r) => r.stage)
}

/** Years with school or county figures, newest first. */
export function balanceYears(db: Database.Database): number[] {
  return (
    stmt(db, 'SELECT stat_year FROM school_stage_years UNION SELECT stat_year FROM county_balance_years ORDER BY stat_year DESC').all() as {
      stat_year: number
    }[]
  ).map((r) => r.stat_year)
}

/** The county's figures of a year (every figure null when none were imported). */
export function countyBalanceYear(db: Database.Database, statYear: number): BalanceCountyYear & { source: string } {
  const r = stmt(db, 'SELECT figures, source FROM county_balance_years WHERE stat_year = ?').get(statYear) as
    { figures: string; source: string } | undefined
  return { ...(r ? (JSON.parse(r.figures) as Omit<BalanceCountyYear, 'statYear'>) : {}), statYear, source: r?.source ?? '' }
}

/** Merges county figures of a year (given pairs replace stored ones). */
export function saveCountyBalanceYear(
  db: Database.Database,
  statYear: number,
  figures: Omit<BalanceCountyYear, 'statYear'>,
  source: string,
): void {
  const { statYear: _y, source: _s, ...old } = countyBalanceYear(db, statYear)
  void _y
  void _s
  const merged = { ...old, ...Object.fromEntries(Object.entries(figures).filter(([, v]) => v !== undefined)) }
  stmt(
    db,
    `INSERT INTO county_balance_years (stat_year, figures, source, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (stat_year) DO UPDATE SET figures = excluded.figures, source = excluded.source, updated_at = excluded.updated_at`,
  ).run(statYear, JSON.stringify(merged), source, nowIso())
}

/** The judged items of a year: item key → Judgement. */
export function balanceJudgements(db: Database.Database, statYear: number): Record<string, Judgement> {
  const rows = stmt(db, 'SELECT * FROM balance_judgements WHERE stat_year = ?').all(statYear) as {
    item_key: string
    status: Judgement['status']
    note: string
    evidence: string
  }[]
  return Object.fromEntries(rows.map((r) => [r.item_key, { status: r.status, note: r.note, evidence: JSON.parse(r.evidence) as string[] }]))
}

/** Saves (or replaces) the verdict on one judged item of a year. */
export function saveBalanceJudgement(db: Database.Database, statYear: number, itemKey: string, j: Judgement): void {
  stmt(
    db,
    `INSERT INTO balance_judgements (stat_year, item_key, status, note, evidence, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (stat_year, item_key) DO UPDATE SET status = excluded.status, note = excluded.note, evidence = excluded.evidence, updated_at = excluded.updated_at`,
  ).run(statYear, itemKey, j.status, j.note ?? '', JSON.stringify(j.evidence ?? []), nowIso())
}
