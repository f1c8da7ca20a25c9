/**
 * What a 督导通报 prints, read from the ledger: the figures of periodFigures as every screen shows them (never typed),
 * the problems found in the period (无意见 excluded, as the figures count them) and the good practice written on the
 * period's visits.
 */
import type { BulletinData } from '../../../../shared/contract/supervisionDocuments'
import { UserError } from '../../errors'
import { getInstitution } from '../../institutions/institutionRepository'
import type { Workspace } from '../../workspace'
import * as supervisionRepo from '../supervisionRepository'
import * as views from '../supervisionViews'

/**
 * The 通报 data of `{ month: 'YYYY-MM' }` or `{ term: 'YYYY-autumn' | 'YYYY-spring' }` as of `today` (local date);
 * `noticeTitleOf(month)` gives the title of that month's 月度督导通知 ('' when none was generated).
 * @throws UserError when neither or both are given.
 */
export function bulletinData(
  ws: Workspace,
  input: { month?: string; term?: string },
  today: string,
  noticeTitleOf: (month: string) => string,
): BulletinData {
  if ((input.month === undefined) === (input.term === undefined)) throw new UserError('请指定月份或学期（二选一）', 'month')
  const db = ws.db()
  // The same figures as the month board and the screens (supervisionViews.figures → periodFigures).
  const figures = views.figures(
    ws,
    input.month !== undefined ? { kind: 'month', key: input.month } : { kind: 'term', key: input.term! },
    today,
  )
  const period = figures.period
  const visits = supervisionRepo.listVisits(db, { from: period.from, to: period.to })
  const entries = supervisionRepo.listEntries(db)
  const items = supervisionRepo.listItems(db)

  const names = new Map<number, string>()
  const nameOf = (id: number) => {
    if (!names.has(id)) names.set(id, getInstitution(db, id)?.name ?? '')
    return names.get(id)!
  }
  const titles = new Map(items.map((i) => [i.key, i.title]))
  const order = new Map(items.map((i, n) => [i.key, n]))
  const found = entries
    .filter((e) => e.level !== '无意见' && e.foundDate >= period.from && e.foundDate <= period.to)
    .sort(
      (a, b) =>
        (order.get(a.itemKey ?? '') ?? 999) - (order.get(b.itemKey ?? '') ?? 999) || a.foundDate.localeCompare(b.foundDate) || a.id - b.id,
    )
  const inPeriod = [...visits].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)

  const monthKey = period.kind === 'month' ? period.key : ''
  const planned = monthKey
    ? supervisionRepo.readPlan(db, Number(monthKey.slice(0, 4))).months.find((m) => m.month === Number(monthKey.slice(5, 7)))
    : undefined
  return {
    figures,
    theme: planned ? [planned.theme, ...planned.topics].filter((t) => t.trim()).join('、') : '',
    noticeTitle: monthKey ? noticeTitleOf(monthKey) : '',
    problems: found.map((e) => ({
      institution: nameOf(e.institutionId),
      matter: e.itemKey ? (titles.get(e.itemKey) ?? '') : '',
      description: e.description,
      deadline: e.deadline ?? '',
    })),
    practices: inPeriod
      .filter((v) => v.goodPractice.trim())
      .map((v) => ({ institution: nameOf(v.institutionId), text: v.goodPractice.trim() })),
    entryIds: found.map((e) => e.id),
  }
}
