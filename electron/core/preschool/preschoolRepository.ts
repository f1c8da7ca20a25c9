import type Database from 'better-sqlite3'
import type { CountyPreschoolYear, KindergartenYear } from '../../../shared/preschool/types'
import type { Judgement } from '../../../shared/rubrics/evaluate'
import { nowIso } from '../clock'
import { EMPTY_SECTIONS, type ReportSections } from '../../../shared/preschool/report'
import { prepared } from '../institutions/statements'
import { compareNames } from '../../../shared/institutions/names'

/** A kindergarten's stored year: the figures as imported plus where they came from (file, sheet, row). */
export interface StoredKindergartenYear {
  institutionId: number
  statYear: number
  figures: KindergartenYear
  /** `文件名 / 工作表 第 N 行`: every figure traceable to its row */
  source: string
}

const SAVE_YEAR = `INSERT INTO kindergarten_years (institution_id, stat_year, children_total, figures, source, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (institution_id, stat_year) DO UPDATE SET children_total = excluded.children_total, figures = excluded.figures, source = excluded.source, updated_at = excluded.updated_at`

/**
 * Writes one kindergarten's figures of one year (re-import of the same year updates, never duplicates),
 * inside the caller's transaction. `figures.id` is stored as the institution id. `now`: the change's time
 * (an import passes its transaction's).
 */
export function saveKindergartenYear(
  db: Database.Database,
  institutionId: number,
  statYear: number,
  figures: KindergartenYear,
  source: string,
  now: string = nowIso(),
): void {
  // stored with the institution id (the figures' own id put back after: no copy of every row's figures)
  const own = figures.id
  let json: string
  try {
    figures.id = String(institutionId)
    json = JSON.stringify(figures)
  } finally {
    figures.id = own
  }
  prepared(db, SAVE_YEAR).run(institutionId, statYear, figures.enrolledChildren.total, json, source, now)
}

/** Removes one kindergarten's figures of one year (a kindergarten confirmed closed in that year). */
export function deleteKindergartenYear(db: Database.Database, institutionId: number, statYear: number): void {
  prepared(db, 'DELETE FROM kindergarten_years WHERE institution_id = ? AND stat_year = ?').run(institutionId, statYear)
}

interface YearRow {
  institution_id: number
  stat_year: number
  figures: string
  source: string
}

const toStored = (r: YearRow): StoredKindergartenYear => {
  const figures = JSON.parse(r.figures) as KindergartenYear
  figures.id = String(r.institution_id)
  return { institutionId: r.institution_id, statYear: r.stat_year, figures, source: r.source }
}

/** The kindergartens' figures of one year, by name. */
export function kindergartenYears(db: Database.Database, statYear: number): StoredKindergartenYear[] {
  const rows = prepared(db, 'SELECT * FROM kindergarten_years WHERE stat_year = ?').all(statYear) as YearRow[]
  return rows.map(toStored).sort((a, b) => compareNames(a.figures.name, b.figures.name))
}

/** Which kindergartens have figures in a year (id and registry name), without reading the figures. */
export function kindergartenNamesOfYear(db: Database.Database, statYear: number): { institutionId: number; name: string }[] {
  return prepared(
    db,
    'SELECT k.institution_id AS institutionId, i.name AS name FROM kindergarten_years k JOIN institutions i ON i.id = k.institution_id WHERE k.stat_year = ?',
  ).all(statYear) as {
    institutionId: number
    name: string
  }[]
}

/** The ids of the kindergartens with figures in a year (nothing else read). */
export function kindergartenIdsOfYear(db: Database.Database, statYear: number): number[] {
  return prepared(db, 'SELECT institution_id FROM kindergarten_years WHERE stat_year = ?').pluck().all(statYear) as number[]
}

/** One kindergarten's figures of every year, oldest first. */
export function kindergartenHistory(db: Database.Database, institutionId: number): StoredKindergartenYear[] {
  const rows = prepared(db, 'SELECT * FROM kindergarten_years WHERE institution_id = ? ORDER BY stat_year').all(institutionId) as YearRow[]
  return rows.map(toStored)
}

/** The statistical years with kindergarten figures or county figures, newest first. */
export function preschoolYears(db: Database.Database): number[] {
  const rows = prepared(
    db,
    'SELECT stat_year FROM kindergarten_years UNION SELECT stat_year FROM county_preschool_years ORDER BY stat_year DESC',
  ).all() as { stat_year: number }[]
  return rows.map((r) => r.stat_year)
}

interface CountyRow {
  stat_year: number
  age_population: number | null
  population_by_township: string
  satisfied_responses: number | null
  survey_responses: number | null
  rubric_id: string | null
}

/** The county's figures of a year plus the rubric chosen for it (null = the bundled one). */
export function countyYear(db: Database.Database, statYear: number): CountyPreschoolYear & { rubricId: string | null } {
  const r = prepared(db, 'SELECT * FROM county_preschool_years WHERE stat_year = ?').get(statYear) as CountyRow | undefined
  if (!r) return { statYear, agePopulation: null, agePopulationByTownship: null, rubricId: null }
  const byTownship = JSON.parse(r.population_by_township) as Record<string, number>
  return {
    statYear,
    agePopulation: r.age_population,
    agePopulationByTownship: Object.keys(byTownship).length ? byTownship : null,
    satisfiedResponses: r.satisfied_responses,
    surveyResponses: r.survey_responses,
    rubricId: r.rubric_id,
  }
}

/**
 * Saves the county's figures of a year inside the caller's transaction; fields left undefined keep
 * their stored value (null clears).
 */
export function saveCountyYear(
  db: Database.Database,
  statYear: number,
  change: {
    agePopulation?: number | null
    agePopulationByTownship?: Record<string, number> | null
    satisfiedResponses?: number | null
    surveyResponses?: number | null
    rubricId?: string | null
    source?: string
  },
): void {
  const old = countyYear(db, statYear)
  const keep = <T>(v: T | undefined, o: T) => (v === undefined ? o : v)
  prepared(
    db,
    `INSERT INTO county_preschool_years (stat_year, age_population, population_by_township, satisfied_responses, survey_responses, rubric_id, source, updated_at)
     VALUES (@y, @pop, @byT, @sat, @surv, @rub, @src, @now)
     ON CONFLICT (stat_year) DO UPDATE SET age_population = @pop, population_by_township = @byT, satisfied_responses = @sat, survey_responses = @surv,
       rubric_id = @rub, source = CASE WHEN @src = '' THEN source ELSE @src END, updated_at = @now`,
  ).run({
    y: statYear,
    pop: keep(change.agePopulation, old.agePopulation ?? null),
    byT: JSON.stringify(keep(change.agePopulationByTownship, old.agePopulationByTownship ?? null) ?? {}),
    sat: keep(change.satisfiedResponses, old.satisfiedResponses ?? null),
    surv: keep(change.surveyResponses, old.surveyResponses ?? null),
    rub: keep(change.rubricId, old.rubricId),
    src: change.source ?? '',
    now: nowIso(),
  })
}

/** The judged items of a year: item key → Judgement. */
export function judgements(db: Database.Database, statYear: number): Record<string, Judgement> {
  const rows = prepared(db, 'SELECT * FROM preschool_judgements WHERE stat_year = ?').all(statYear) as {
    item_key: string
    status: Judgement['status']
    note: string
    evidence: string
  }[]
  return Object.fromEntries(rows.map((r) => [r.item_key, { status: r.status, note: r.note, evidence: JSON.parse(r.evidence) as string[] }]))
}

/** Saves (or replaces) the verdict on one judged item of a year. */
export function saveJudgement(db: Database.Database, statYear: number, itemKey: string, j: Judgement): void {
  prepared(
    db,
    `INSERT INTO preschool_judgements (stat_year, item_key, status, note, evidence, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (stat_year, item_key) DO UPDATE SET status = excluded.status, note = excluded.note, evidence = excluded.evidence, updated_at = excluded.updated_at`,
  ).run(statYear, itemKey, j.status, j.note ?? '', JSON.stringify(j.evidence ?? []), nowIso())
}

/** The 自评报告's narrative sections of a year (empty strings when never saved). */
export function reportSections(db: Database.Database, statYear: number): ReportSections {
  const r = prepared(db, 'SELECT sections FROM preschool_reports WHERE stat_year = ?').get(statYear) as { sections: string } | undefined
  return { ...EMPTY_SECTIONS, ...(r ? (JSON.parse(r.sections) as Partial<ReportSections>) : {}) }
}

/** Saves the narrative sections of a year (replacing them). */
export function saveReportSections(db: Database.Database, statYear: number, sections: ReportSections): void {
  prepared(
    db,
    `INSERT INTO preschool_reports (stat_year, sections, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (stat_year) DO UPDATE SET sections = excluded.sections, updated_at = excluded.updated_at`,
  ).run(statYear, JSON.stringify(sections), nowIso())
}
