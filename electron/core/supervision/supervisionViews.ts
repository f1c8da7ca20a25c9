import { monthPeriod, periodFigures, periodMonths, requiredVisits, termPeriod } from '../../../shared/supervision/figures'
import { OPEN_STATUSES, RECTIFIED_STATUSES, statusOn } from '../../../shared/supervision/ledger'
import { isOverdue } from '../../../shared/supervision/overdue'
import type { LedgerEntry, Period, PeriodFigures } from '../../../shared/supervision/types'
import type {
  BoardInstitution,
  InspectorSummary,
  InstitutionDocument,
  InstitutionSummary,
  MonthBoard,
  SupervisionCharts,
} from '../../../shared/supervision/views'
import { localIsoDate } from '../clock'
import { UserError } from '../errors'
import { getInstitution, listInstitutions } from '../institutions/institutionRepository'
import type { Workspace } from '../workspace'
import * as repo from './supervisionRepository'
import { ledgerRows, visits as visitRows } from './supervisionService'
import { compareNames } from '../../../shared/institutions/names'

/**
 * The read-only views of the module: period figures (for the 通报), the month board, the institution
 * and 督学 pages and the chart data. All figures come from shared/supervision/figures.ts.
 */

/** The period a `{ kind, key }` names. */
export function periodOf(ws: Workspace, p: { kind: 'month' | 'term'; key: string }): Period {
  return p.kind === 'month' ? monthPeriod(p.key) : termPeriod(p.key, repo.readSettings(ws.db()))
}

/** The figures of a month or a term as of today (periodFigures). */
export function figures(ws: Workspace, p: { kind: 'month' | 'term'; key: string }, today = localIsoDate()): PeriodFigures {
  const db = ws.db()
  return periodFigures({
    period: periodOf(ws, p),
    visits: repo.listVisits(db),
    entries: repo.listEntries(db),
    zones: repo.listAllZones(db),
    inspectors: repo.listInspectors(db),
    items: repo.listItems(db),
    settings: repo.readSettings(db),
    plans: repo.listPlans(db),
    today,
  })
}

const dayOf = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`

/** The month board of `YYYY-MM`. */
export function monthBoard(ws: Workspace, month: string, today = localIsoDate()): MonthBoard {
  const db = ws.db()
  const year = Number(month.slice(0, 4))
  const settings = repo.readSettings(db)
  const plan = repo.readPlan(db, year)
  const pm = plan.months.find((m) => m.month === Number(month.slice(5, 7)))
  const period = monthPeriod(month)
  const fig = figures(ws, { kind: 'month', key: month }, today)
  const required = requiredVisits(period, settings, repo.listPlans(db))
  const all = repo.listVisits(db)
  const monthVisits = visitRows(ws, { month })
  const entries = repo.listEntries(db)
  const names = new Map(repo.listInspectors(db).map((i) => [i.id, i.name]))
  const insts = new Map(listInstitutions(db).map((i) => [i.id, i.name]))
  const row = (id: number, zoneName: string, inspectorId: number | null): BoardInstitution => ({
    institutionId: id,
    name: insts.get(id) ?? '',
    zoneName,
    inspectorId,
    inspectorName: inspectorId ? (names.get(inspectorId) ?? '') : '',
    done: monthVisits.filter((v) => v.institutionId === id).length,
    required: inspectorId ? required : 0,
    lastVisit: all.filter((v) => v.institutionId === id && v.date <= period.to).reduce((d, v) => (v.date > d ? v.date : d), ''),
    openProblems: entries.filter((e) => e.institutionId === id && OPEN_STATUSES.includes(e.status)).length,
  })
  const rows: BoardInstitution[] = []
  for (const z of repo.listZones(db, year)) for (const id of z.institutionIds) rows.push(row(id, z.name, z.inspectorId))
  rows.sort((a, b) => compareNames(a.zoneName, b.zoneName) || compareNames(a.name, b.name))
  const seen = new Set(rows.map((r) => r.institutionId))
  for (const v of monthVisits) {
    if (seen.has(v.institutionId)) continue
    seen.add(v.institutionId)
    rows.push(row(v.institutionId, '', null))
  }
  return {
    month,
    theme: pm?.theme ?? '',
    topics: pm?.topics ?? [],
    standingChecklist: plan.standingChecklist,
    noticeDate: dayOf(month, settings.noticeDay),
    bulletinDate: dayOf(month, settings.bulletinDay),
    figures: fig,
    institutions: rows,
    visits: monthVisits,
  }
}

/** The institution page for a year (default: this year). */
export function institutionSummary(ws: Workspace, institutionId: number, year = Number(localIsoDate().slice(0, 4))): InstitutionSummary {
  const db = ws.db()
  const institution = getInstitution(db, institutionId)
  if (!institution) throw new UserError('学校名录中没有这所学校')
  const zone = repo.zoneOfInstitution(db, year, institutionId)
  const today = localIsoDate()
  const mine = repo.listEntries(db).filter((e) => e.institutionId === institutionId)
  const rows = ledgerRows(ws, mine, today)
  const docs = new Map<string, InstitutionDocument>()
  for (const r of rows) {
    for (const d of r.documents) {
      const k = `${d.documentId}/${d.role}`
      const had = docs.get(k)
      if (had) had.entryCodes.push(r.code)
      else docs.set(k, { ...d, entryCodes: [r.code] })
    }
  }
  return {
    institution,
    year,
    zoneName: zone?.name ?? '',
    inspectorName: zone ? (repo.getInspector(db, zone.inspectorId)?.name ?? '') : '',
    visits: visitRows(ws, { institutionId, year }),
    openEntries: rows.filter((r) => OPEN_STATUSES.includes(r.status)),
    entries: rows.filter((r) => r.foundDate.startsWith(`${year}-`)),
    documents: [...docs.values()].sort((a, b) => a.linkedAt.localeCompare(b.linkedAt)),
    overdue: rows.filter((r) => r.overdue).length,
  }
}

/** The 督学 page (责任督学考核 figures) for a year (default: this year). */
export function inspectorSummary(ws: Workspace, inspectorId: number, year = Number(localIsoDate().slice(0, 4))): InspectorSummary {
  const db = ws.db()
  const inspector = repo.getInspector(db, inspectorId)
  if (!inspector) throw new UserError('没有找到这位督学')
  const today = localIsoDate()
  const settings = repo.readSettings(db)
  const zones = repo.listZones(db, year).filter((z) => z.inspectorId === inspectorId)
  const visits = visitRows(ws, { inspectorId, year })
  const instIds = [...new Set(zones.flatMap((z) => z.institutionIds))]
  const names = new Map(listInstitutions(db).map((i) => [i.id, i.name]))
  // required over the year's months (to this month when the year is under way)
  const lastMonth = today.startsWith(`${year}-`) ? today.slice(0, 7) : `${year}-12`
  const plans = repo.listPlans(db)
  const perInstitution = periodMonths({ kind: 'term', key: '', from: `${year}-01-01`, to: `${lastMonth}-01`, label: '' })
    .map((m) => requiredVisits(monthPeriod(m), settings, plans))
    .reduce((a, b) => a + b, 0)
  const found = repo
    .listEntries(db)
    .filter((e) => e.inspectorId === inspectorId && e.foundDate.startsWith(`${year}-`) && e.level !== '无意见')
  const inTime = visits.filter((v) => v.recordedInTime).length
  return {
    inspector,
    year,
    zoneNames: zones.map((z) => z.name),
    institutions: instIds
      .map((id) => {
        const own = visits.filter((v) => v.institutionId === id)
        return {
          institutionId: id,
          name: names.get(id) ?? '',
          visits: own.length,
          lastVisit: own.reduce((d, v) => (v.date > d ? v.date : d), ''),
        }
      })
      .sort((a, b) => compareNames(a.name, b.name)),
    visits,
    visitsDone: visits.length,
    visitsRequired: perInstitution * instIds.length,
    recordsInTime: inTime,
    recordsTotal: visits.length,
    timeliness: visits.length ? inTime / visits.length : null,
    problemsFound: found.length,
    problemsReviewed: found.filter((e) => e.history.some((h) => h.action === 'reviewPassed' || h.action === 'reviewFailed')).length,
    problemsRectified: found.filter((e) => RECTIFIED_STATUSES.includes(e.status)).length,
    problemsOverdue: found.filter((e) => isOverdue(e, today)).length,
  }
}

/** Chart data of a year. */
export function charts(ws: Workspace, year: number, today = localIsoDate()): SupervisionCharts {
  const db = ws.db()
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
  const items = repo.listItems(db)
  const entries = repo.listEntries(db).filter((e) => e.level !== '无意见')
  const ofYear = entries.filter((e) => e.foundDate.startsWith(`${year}-`))
  const known = new Set(items.map((i) => i.key))
  const rowsFor = [
    ...items
      .filter((i) => i.active || ofYear.some((e) => e.itemKey === i.key))
      .map((i) => ({ itemKey: i.key as string | null, title: i.title })),
    ...(ofYear.some((e) => e.itemKey === null || !known.has(e.itemKey)) ? [{ itemKey: null, title: '未归类' }] : []),
  ]
  const counts = rowsFor.map((it) =>
    months.map(
      (m) =>
        ofYear.filter(
          (e) =>
            e.foundDate.startsWith(`${m}-`) &&
            (it.itemKey === null ? e.itemKey === null || !known.has(e.itemKey) : e.itemKey === it.itemKey),
        ).length,
    ),
  )
  const trend = months
    .filter((m) => `${m}-01` <= today)
    .map((m) => {
      const end = monthPeriod(nextMonth(m)).to
      return { month: m, ...rateOf(entries, m, end < today ? end : today) }
    })
  const overdue = new Map<number, number>()
  for (const e of entries) if (isOverdue(e, today)) overdue.set(e.institutionId, (overdue.get(e.institutionId) ?? 0) + 1)
  const names = new Map(listInstitutions(db).map((i) => [i.id, i.name]))
  return {
    year,
    months,
    byItemMonth: { items: rowsFor, counts },
    rectificationTrend: trend,
    overdueByInstitution: [...overdue]
      .map(([institutionId, count]) => ({ institutionId, name: names.get(institutionId) ?? '', count }))
      .sort((a, b) => b.count - a.count || compareNames(a.name, b.name)),
  }
}

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number)
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`
}

/** The 整改率 of the problems found in month `m`, read on `day`. */
function rateOf(entries: LedgerEntry[], m: string, day: string) {
  const found = entries.filter((e) => e.foundDate.startsWith(`${m}-`))
  const rectified = found.filter((e) => {
    const s = statusOn(e, day)
    return s !== null && RECTIFIED_STATUSES.includes(s)
  }).length
  return { found: found.length, rectified, rate: found.length ? rectified / found.length : null }
}
