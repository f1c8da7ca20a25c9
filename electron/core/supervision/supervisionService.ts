import type Database from 'better-sqlite3'
import type { z } from 'zod'
import type {
  bulkInput,
  entryInput,
  inspectorInput,
  itemsInput,
  ledgerQuery,
  LedgerPage,
  planInput,
  settingsInput,
  transitionInput,
  visitInput,
  visitQuery,
  VisitRow,
  zoneInput,
  ZonesView,
} from '../../../shared/contract/supervision'
import { localIsoDateOf } from '../../../shared/format/localTime'
import type { Institution } from '../../../shared/institutions/types'
import {
  applyLedgerCommand,
  creationEvent,
  LedgerTransitionError,
  OPEN_STATUSES,
  RECTIFIED_STATUSES,
  type LedgerCommand,
} from '../../../shared/supervision/ledger'
import { addDays, daysBetween, isOverdue, overdueDays } from '../../../shared/supervision/overdue'
import type {
  Inspector,
  LedgerEntry,
  LedgerEvent,
  LedgerRow,
  SupervisionItem,
  SupervisionSettings,
  Visit,
} from '../../../shared/supervision/types'
import { LEDGER_STATUS_LABELS, PROBLEM_LEVELS } from '../../../shared/supervision/types'
import { localIsoDate, nowIso } from '../clock'
import { UserError } from '../errors'
import { getInstitution, listInstitutions } from '../institutions/institutionRepository'
import type { Workspace } from '../workspace'
import {
  attachmentData,
  attachmentMime,
  readAttachments,
  releaseInputs,
  syncAttachments,
  type AttachmentOwner,
  type ReadAttachment,
} from './attachments'
import * as repo from './supervisionRepository'
import { compareNames } from '../../../shared/institutions/names'

/**
 * 责任督学挂牌督导 services: settings, 督导事项, 督学, 责任区, 年度计划, visits and the 问题台账. Every
 * write runs in one transaction; refused requests throw UserError in Chinese naming the cause.
 */

type In<S extends z.ZodType> = z.output<S>

// ---------------------------------------------------------------- settings, items

/** The office's settings (defaults where nothing was saved). */
export function settings(ws: Workspace): SupervisionSettings {
  return repo.readSettings(ws.db())
}

/** Saves the settings; returns them as stored. */
export function saveSettings(ws: Workspace, s: In<typeof settingsInput>): SupervisionSettings {
  const db = ws.db()
  db.transaction(() => repo.writeSettings(db, s))()
  return repo.readSettings(db)
}

/** The 督导事项 list, retired items included. */
export function items(ws: Workspace): SupervisionItem[] {
  return repo.listItems(ws.db())
}

/**
 * Saves the 督导事项 list in its order.
 * @throws UserError for a repeated key or title
 */
export function saveItems(ws: Workspace, input: In<typeof itemsInput>): SupervisionItem[] {
  const keys = input.items.map((i) => i.key)
  const dup = keys.find((k, i) => keys.indexOf(k) !== i)
  if (dup) throw new UserError(`督导事项编码「${dup}」重复`, 'items')
  const titles = input.items.map((i) => i.title)
  const dupTitle = titles.find((t, i) => titles.indexOf(t) !== i)
  if (dupTitle) throw new UserError(`督导事项「${dupTitle}」重复`, 'items')
  const db = ws.db()
  db.transaction(() => repo.writeItems(db, input.items))()
  return repo.listItems(db)
}

// ---------------------------------------------------------------- 督学

/** Every 督学, or those serving in `year`. */
export function inspectors(ws: Workspace, year?: number): Inspector[] {
  return repo.listInspectors(ws.db(), year)
}

/**
 * Creates or updates a 督学.
 * @throws UserError for a repeated name, an end year before the start, an unknown id
 */
export function saveInspector(ws: Workspace, input: In<typeof inspectorInput>): Inspector {
  const db = ws.db()
  if (input.activeTo !== null && input.activeTo < input.activeFrom) throw new UserError('聘任截止年度不能早于起始年度', 'activeTo')
  const same = repo.findInspectorByName(db, input.name)
  if (same && same.id !== input.id) throw new UserError(`已有名为「${input.name}」的督学`, 'name')
  if (input.id && !repo.getInspector(db, input.id)) throw new UserError('没有找到这位督学，可能已被删除')
  const id = db.transaction(() => repo.writeInspector(db, { ...input, kind: input.kind as Inspector['kind'] }))()
  return repo.getInspector(db, id) as Inspector
}

/**
 * Deletes a 督学 nobody refers to.
 * @throws UserError when a zone, visit or entry names them
 */
export function deleteInspector(ws: Workspace, id: number): { deleted: boolean } {
  const db = ws.db()
  const who = repo.getInspector(db, id)
  if (!who) return { deleted: false }
  if (repo.inspectorUse(db, id) > 0) {
    throw new UserError(`督学「${who.name}」已有责任区、督导记录或台账问题，不能删除；不再任职时请填写聘任截止年度。`)
  }
  return { deleted: db.transaction(() => repo.deleteInspectorRow(db, id))() }
}

// ---------------------------------------------------------------- 责任区

/** True when the institution is open in `year` (not closed in or before it). */
const openIn = (inst: Institution, year: number) => inst.closedYear === null || inst.closedYear > year
/** The institutions a 责任区 can hold: schools and kindergartens (not the registry's zone rows). */
const supervisable = (inst: Institution) => inst.kind === 'school' || inst.kind === 'kindergarten'

/** The 责任区 of a year with names resolved, and the coverage gaps (open schools and kindergartens in no zone). */
export function zones(ws: Workspace, year: number): ZonesView {
  const db = ws.db()
  const insts = new Map(listInstitutions(db).map((i) => [i.id, i]))
  const names = new Map(repo.listInspectors(db).map((i) => [i.id, i.name]))
  const list = repo.listZones(db, year)
  const assigned = new Set(list.flatMap((z) => z.institutionIds))
  return {
    year,
    zones: list.map((z) => ({
      ...z,
      inspectorName: names.get(z.inspectorId) ?? '',
      institutionNames: z.institutionIds.map((id) => insts.get(id)?.name ?? ''),
    })),
    gaps: [...insts.values()].filter((i) => supervisable(i) && openIn(i, year) && !assigned.has(i.id)),
  }
}

/**
 * Creates or updates a 责任区 of a year.
 * @throws UserError when the 督学 does not serve that year, a name repeats, an institution is closed, unknown, or already in another zone that year
 */
export function saveZone(ws: Workspace, input: In<typeof zoneInput>): ZonesView {
  const db = ws.db()
  const inspector = repo.getInspector(db, input.inspectorId)
  if (!inspector) throw new UserError('没有找到这位责任督学', 'inspectorId')
  if (inspector.activeFrom > input.year || (inspector.activeTo !== null && inspector.activeTo < input.year)) {
    throw new UserError(`督学「${inspector.name}」${input.year}年不在聘任期内`, 'inspectorId')
  }
  if (input.id) {
    const old = repo.getZone(db, input.id)
    if (!old) throw new UserError('没有找到这个责任区，可能已被删除')
    if (old.year !== input.year) throw new UserError('责任区的年度不能修改；请在新年度另建责任区', 'year')
  }
  const sameName = repo.listZones(db, input.year).find((z) => z.name === input.name && z.id !== input.id)
  if (sameName) throw new UserError(`${input.year}年已有名为「${input.name}」的责任区`, 'name')
  for (const instId of input.institutionIds) {
    const inst = getInstitution(db, instId)
    if (!inst || !supervisable(inst)) throw new UserError('所选学校不在学校名录中', 'institutionIds')
    if (!openIn(inst, input.year)) throw new UserError(`「${inst.name}」${input.year}年已撤销，不能划入责任区`, 'institutionIds')
    const other = repo.zoneOfInstitution(db, input.year, instId)
    if (other && other.id !== input.id) {
      throw new UserError(`「${inst.name}」${input.year}年已在「${other.name}」，每所学校一年只有一位责任督学`, 'institutionIds')
    }
  }
  db.transaction(() => repo.writeZone(db, input))()
  return zones(ws, input.year)
}

/**
 * Deletes a 责任区; its institutions become coverage gaps.
 * @throws UserError when unknown
 */
export function deleteZone(ws: Workspace, id: number): ZonesView {
  const db = ws.db()
  const z = repo.getZone(db, id)
  if (!z) throw new UserError('没有找到这个责任区，可能已被删除')
  db.transaction(() => repo.deleteZoneRow(db, id))()
  return zones(ws, z.year)
}

// ---------------------------------------------------------------- 年度计划

/** The 年度计划 of a year (twelve months, empty ones included). */
export const plan = (ws: Workspace, year: number) => repo.readPlan(ws.db(), year)

/**
 * Saves the 年度计划 of a year.
 * @throws UserError for a month given twice
 */
export function savePlan(ws: Workspace, input: In<typeof planInput>) {
  const months = input.months.map((m) => m.month)
  const dup = months.find((m, i) => months.indexOf(m) !== i)
  if (dup) throw new UserError(`${dup}月重复`, 'months')
  const db = ws.db()
  db.transaction(() => repo.writePlan(db, input))()
  return repo.readPlan(db, input.year)
}

// ---------------------------------------------------------------- 督导记录

/** Names, the record delay and its timeliness for a visit. */
export function visitRow(
  v: Visit,
  names: { institutions: Map<number, string>; inspectors: Map<number, string> },
  recordDays: number,
): VisitRow {
  const delay = Math.max(0, daysBetween(v.date, localIsoDateOf(new Date(v.recordedAt))))
  return {
    ...v,
    institutionName: names.institutions.get(v.institutionId) ?? '',
    inspectorName: names.inspectors.get(v.inspectorId) ?? '',
    companionNames: v.companionIds.map((id) => names.inspectors.get(id) ?? ''),
    recordDelayDays: delay,
    recordedInTime: delay <= recordDays,
  }
}

function nameMaps(ws: Workspace) {
  const db = ws.db()
  return {
    institutions: new Map(listInstitutions(db).map((i) => [i.id, i.name])),
    inspectors: new Map(repo.listInspectors(db).map((i) => [i.id, i.name])),
  }
}

/** The local first and last day of a month `YYYY-MM`. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number)
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}

/** Visits filtered by year / month / date range / institution / 督学, newest first, with names and timeliness. */
export function visits(ws: Workspace, q: In<typeof visitQuery>): VisitRow[] {
  const range: { from?: string; to?: string } = q.month
    ? monthRange(q.month)
    : q.year
      ? { from: `${q.year}-01-01`, to: `${q.year}-12-31` }
      : {}
  const from = [range.from, q.from].filter(Boolean).sort().pop()
  const to = [range.to, q.to].filter(Boolean).sort()[0]
  const names = nameMaps(ws)
  const days = repo.readSettings(ws.db()).recordDays
  return repo
    .listVisits(ws.db(), { from, to, institutionId: q.institutionId, inspectorId: q.inspectorId })
    .map((v) => visitRow(v, names, days))
}

/**
 * One visit with names and timeliness.
 * @throws UserError when unknown
 */
export function visit(ws: Workspace, id: number): VisitRow {
  const v = repo.getVisit(ws.db(), id)
  if (!v) throw new UserError('没有找到这条督导记录，可能已被删除')
  return visitRow(v, nameMaps(ws), repo.readSettings(ws.db()).recordDays)
}

/** Checks the people, institution and 督导事项 a visit names; throws UserError naming the first fault. */
export function checkVisitRefs(
  ws: Workspace,
  v: {
    date: string
    inspectorId: number
    companionIds: number[]
    institutionId: number
    itemKeys: string[]
    findings: { itemKey: string | null }[]
  },
): void {
  const db = ws.db()
  if (v.date > localIsoDate()) throw new UserError(`督导日期 ${v.date} 晚于今天：督导记录只记已经进行的督导`, 'date')
  if (!repo.getInspector(db, v.inspectorId)) throw new UserError('没有找到这位责任督学', 'inspectorId')
  if (v.companionIds.includes(v.inspectorId)) throw new UserError('随同督学不能与责任督学是同一人', 'companionIds')
  for (const c of v.companionIds) if (!repo.getInspector(db, c)) throw new UserError('没有找到随同督学', 'companionIds')
  const inst = getInstitution(db, v.institutionId)
  if (!inst || !supervisable(inst)) throw new UserError('所选学校不在学校名录中', 'institutionId')
  const known = new Set(repo.listItems(db).map((i) => i.key))
  for (const k of [...v.itemKeys, ...v.findings.map((f) => f.itemKey).filter((k): k is string => k !== null)]) {
    if (!known.has(k)) throw new UserError(`没有编码为「${k}」的督导事项`, 'itemKeys')
  }
}

/**
 * Creates or updates a visit; new files are stored in the database with the record (one transaction), dropped ones deleted. A finding already in the ledger keeps its entry (entryId travels with it) and cannot be removed.
 * @throws UserError (checkVisitRefs, unknown id, a ledger finding dropped)
 */
export function saveVisit(ws: Workspace, input: In<typeof visitInput>): VisitRow {
  const db = ws.db()
  checkVisitRefs(ws, input)
  const old = input.id ? repo.getVisit(db, input.id) : null
  if (input.id && !old) throw new UserError('没有找到这条督导记录，可能已被删除')
  // a finding already in the ledger keeps its entry; it cannot be dropped from the record
  const oldEntries = new Set((old?.findings ?? []).map((f) => f.entryId).filter((e): e is number => e !== null))
  for (const f of input.findings) {
    if (f.entryId !== null && !oldEntries.has(f.entryId))
      throw new UserError('问题与台账的对应关系有误，请重新打开这条记录后再保存', 'findings')
  }
  const kept = new Set(input.findings.map((f) => f.entryId))
  const dropped = [...oldEntries].filter((e) => !kept.has(e))
  if (dropped.length) {
    const codes = repo.getEntries(db, dropped).map((e) => e.code)
    throw new UserError(`问题 ${codes.join('、')} 已列入问题台账，不能从督导记录中删去；请在台账中处理`, 'findings')
  }
  const keepNames = input.keepAttachments ?? old?.attachments.map((a) => a.name) ?? []
  const keptAtt = (old?.attachments ?? []).filter((a) => keepNames.includes(a.name))
  const added = readAttachments(ws, input.addFiles, keptAtt)
  const attachments = [...keptAtt, ...added.map(({ name, size }) => ({ name, size }))]
  const id = db.transaction(() => {
    const base = {
      date: input.date,
      inspectorId: input.inspectorId,
      companionIds: [...new Set(input.companionIds)],
      institutionId: input.institutionId,
      theme: input.theme,
      itemKeys: [...new Set(input.itemKeys)],
      methods: Object.fromEntries(Object.entries(input.methods).filter(([, n]) => (n ?? 0) > 0)),
      findings: input.findings.map((f) => ({ ...f, level: f.level as Visit['findings'][number]['level'] })),
      goodPractice: input.goodPractice,
      opinion: input.opinion,
      attachments,
      schoolSigned: input.schoolSigned,
      recordedAt: old?.recordedAt ?? nowIso(),
      source: old?.source ?? 'app',
    }
    const vid = repo.writeVisit(db, { ...base, id: input.id })
    // entry ids point at positions: keep each entry's finding index in step with the record
    input.findings.forEach((f, i) => {
      if (f.entryId === null) return
      const e = repo.getEntry(db, f.entryId)
      if (e && e.findingIndex !== i) repo.updateEntry(db, { ...e, findingIndex: i })
    })
    syncAttachments(
      db,
      'visit',
      vid,
      added,
      attachments.map((a) => a.name),
    )
    return vid
  })()
  releaseInputs(ws, input.addFiles)
  return visit(ws, id)
}

/**
 * Deletes a visit and its files.
 * @throws UserError when any of its findings is in the ledger
 */
export function deleteVisit(ws: Workspace, id: number): { deleted: boolean } {
  const db = ws.db()
  const v = repo.getVisit(db, id)
  if (!v) return { deleted: false }
  const inLedger = listEntriesOfVisit(ws, id)
  if (inLedger.length) {
    throw new UserError(
      `这条督导记录的问题已列入问题台账（${inLedger.map((e) => e.code).join('、')}），不能删除：每个问题都要能追溯到发现它的督导记录`,
    )
  }
  const deleted = db.transaction(() => {
    syncAttachments(db, 'visit', id, [], [])
    return repo.deleteVisitRow(db, id)
  })()
  return { deleted }
}

const listEntriesOfVisit = (ws: Workspace, visitId: number) => repo.listEntries(ws.db()).filter((e) => e.visitId === visitId)

// ---------------------------------------------------------------- 问题台账

/** A new entry, not yet stored (code and history set). */
export function newEntry(
  db: Database.Database,
  fields: Omit<
    LedgerEntry,
    | 'id'
    | 'code'
    | 'progress'
    | 'reportDate'
    | 'reviewDate'
    | 'reviewer'
    | 'reviewResult'
    | 'reviewNote'
    | 'closedDate'
    | 'closeBasis'
    | 'closeEvidence'
    | 'status'
    | 'history'
    | 'createdAt'
    | 'updatedAt'
  >,
  by = '',
): Omit<LedgerEntry, 'id'> {
  const at = nowIso()
  return {
    ...fields,
    code: repo.nextEntryCode(db, Number(fields.foundDate.slice(0, 4))),
    progress: [],
    reportDate: null,
    reviewDate: null,
    reviewer: '',
    reviewResult: null,
    reviewNote: '',
    closedDate: null,
    closeBasis: '',
    closeEvidence: [],
    status: 'pending',
    history: [creationEvent(fields.foundDate, at, by)],
    createdAt: at,
    updatedAt: at,
  }
}

/** The rows of the ledger for `today`: names, labels, overdue and documents. */
export function ledgerRows(ws: Workspace, entries: LedgerEntry[], today = localIsoDate()): LedgerRow[] {
  const db = ws.db()
  const names = nameMaps(ws)
  const itemTitles = new Map(repo.listItems(db).map((i) => [i.key, i.title]))
  const docs = repo.entryDocuments(
    db,
    entries.map((e) => e.id),
  )
  return entries.map((e) => ({
    ...e,
    institutionName: names.institutions.get(e.institutionId) ?? '',
    inspectorName: e.inspectorId ? (names.inspectors.get(e.inspectorId) ?? '') : '',
    itemTitle: e.itemKey ? (itemTitles.get(e.itemKey) ?? e.itemKey) : '',
    statusLabel: LEDGER_STATUS_LABELS[e.status],
    overdue: isOverdue(e, today),
    overdueDays: overdueDays(e, today),
    documents: docs.get(e.id) ?? [],
  }))
}

const LEVEL_ORDER = new Map(PROBLEM_LEVELS.map((l, i) => [l, i]))
const STATUS_ORDER = new Map(Object.keys(LEDGER_STATUS_LABELS).map((s, i) => [s, i]))

/** The ledger filtered, sorted and paged (filters combine with AND). */
export function ledger(ws: Workspace, q: In<typeof ledgerQuery>, today = localIsoDate()): LedgerPage {
  // filter and sort the stored entries; names, labels and documents are resolved for the page only
  const instNames = nameMaps(ws).institutions
  const late = (e: LedgerEntry) => isOverdue(e, today)
  let rows = repo.listEntries(ws.db())
  const st = q.status
  if (st === 'open') rows = rows.filter((r) => OPEN_STATUSES.includes(r.status))
  else if (st === 'done') rows = rows.filter((r) => RECTIFIED_STATUSES.includes(r.status))
  else if (st === 'overdue') rows = rows.filter(late)
  else if (st) rows = rows.filter((r) => r.status === st)
  if (q.overdue !== undefined) rows = rows.filter((r) => late(r) === q.overdue)
  if (q.institutionId) rows = rows.filter((r) => r.institutionId === q.institutionId)
  if (q.inspectorId) rows = rows.filter((r) => r.inspectorId === q.inspectorId)
  if (q.itemKey) rows = rows.filter((r) => r.itemKey === q.itemKey)
  if (q.month) rows = rows.filter((r) => r.foundDate.startsWith(`${q.month}-`))
  if (q.year) rows = rows.filter((r) => r.foundDate.startsWith(`${q.year}-`))
  if (q.level) rows = rows.filter((r) => r.level === q.level)
  if (q.visitId) rows = rows.filter((r) => r.visitId === q.visitId)
  if (q.search) {
    const s = q.search
    rows = rows.filter((r) =>
      [r.code, r.description, instNames.get(r.institutionId) ?? '', r.responsibleUnit, r.measures].some((t) => t.includes(s)),
    )
  }
  const plain = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
  const compare: Record<typeof q.sort, (a: LedgerEntry, b: LedgerEntry) => number> = {
    code: (a, b) => plain(a.code, b.code),
    foundDate: (a, b) => plain(a.foundDate, b.foundDate),
    deadline: (a, b) => plain(a.deadline ?? '9999', b.deadline ?? '9999'),
    institution: (a, b) => compareNames(instNames.get(a.institutionId) ?? '', instNames.get(b.institutionId) ?? ''),
    status: (a, b) => (STATUS_ORDER.get(a.status) ?? 0) - (STATUS_ORDER.get(b.status) ?? 0),
    level: (a, b) => (LEVEL_ORDER.get(a.level) ?? 0) - (LEVEL_ORDER.get(b.level) ?? 0),
  }
  const c = compare[q.sort]
  const dir = q.order === 'asc' ? 1 : -1
  rows.sort((a, b) => (c(a, b) || plain(a.code, b.code)) * dir)
  return { rows: ledgerRows(ws, rows.slice(q.offset, q.offset + q.limit), today), total: rows.length, today }
}

/**
 * One ledger row (names, overdue today, documents, history).
 * @throws UserError when unknown
 */
export function entry(ws: Workspace, id: number): LedgerRow {
  const e = repo.getEntry(ws.db(), id)
  if (!e) throw new UserError('没有找到这个问题，可能已被删除')
  return ledgerRows(ws, [e])[0]
}

function checkEntryRefs(ws: Workspace, e: { institutionId: number; inspectorId: number | null; itemKey: string | null }): void {
  const db = ws.db()
  const inst = getInstitution(db, e.institutionId)
  if (!inst || !supervisable(inst)) throw new UserError('所选学校不在学校名录中', 'institutionId')
  if (e.inspectorId !== null && !repo.getInspector(db, e.inspectorId)) throw new UserError('没有找到这位督学', 'inspectorId')
  if (e.itemKey !== null && !repo.listItems(db).some((i) => i.key === e.itemKey))
    throw new UserError(`没有编码为「${e.itemKey}」的督导事项`, 'itemKey')
}

const EDIT_LABELS: Partial<Record<keyof LedgerEntry, string>> = {
  source: '来源',
  foundDate: '发现日期',
  inspectorId: '督学',
  institutionId: '学校',
  itemKey: '督导事项',
  monthTheme: '月主题',
  description: '问题描述',
  level: '处理级别',
  responsibleUnit: '责任单位',
  responsiblePerson: '责任人',
  measures: '整改措施',
  deadline: '整改时限',
}

/** Applies edited columns to an entry with one `edit` event naming what changed; unchanged = same entry. */
export function editEntry(e: LedgerEntry, patch: Partial<LedgerEntry>, at: string, today: string): LedgerEntry {
  const changed = (Object.keys(EDIT_LABELS) as (keyof LedgerEntry)[]).filter((k) => k in patch && patch[k] !== e[k])
  if (!changed.length) return e
  const next = { ...e, ...patch }
  const firstEvent = e.history.filter((h) => h.action !== 'create').reduce((d, h) => (h.date < d ? h.date : d), '9999-12-31')
  if (next.foundDate > firstEvent) throw new UserError(`问题 ${e.code} 的发现日期不能晚于它的办理记录（${firstEvent}）`, 'foundDate')
  const history = e.history.map((h) => (h.action === 'create' ? { ...h, date: next.foundDate } : h))
  const ev: LedgerEvent = {
    action: 'edit',
    date: today < next.foundDate ? next.foundDate : today,
    at,
    from: e.status,
    to: e.status,
    by: '',
    note: `修改了${changed.map((k) => EDIT_LABELS[k]).join('、')}`,
  }
  return { ...next, history: [...history, ev], updatedAt: at }
}

/**
 * Creates a ledger entry by hand (no id) or edits its columns with an `edit` event.
 * @throws UserError for unknown references, a deadline before the 发现日期, a 发现日期 after today or after its first handling
 */
export function saveEntry(ws: Workspace, input: In<typeof entryInput>): LedgerRow {
  const db = ws.db()
  if (input.foundDate > localIsoDate()) throw new UserError(`发现日期 ${input.foundDate} 晚于今天`, 'foundDate')
  checkEntryRefs(ws, input)
  const fields = {
    source: input.source as LedgerEntry['source'],
    foundDate: input.foundDate,
    inspectorId: input.inspectorId,
    institutionId: input.institutionId,
    itemKey: input.itemKey,
    monthTheme: input.monthTheme,
    description: input.description,
    level: input.level as LedgerEntry['level'],
    responsibleUnit: input.responsibleUnit,
    responsiblePerson: input.responsiblePerson,
    measures: input.measures,
    deadline: input.deadline || null,
  }
  if (fields.deadline && fields.deadline < fields.foundDate) throw new UserError('整改时限不能早于发现日期', 'deadline')
  if (fields.foundDate > localIsoDate()) throw new UserError('发现日期不能晚于今天', 'foundDate')
  if (input.id) {
    const old = repo.getEntry(db, input.id)
    if (!old) throw new UserError('没有找到这个问题，可能已被删除')
    const next = editEntry(old, fields, nowIso(), localIsoDate())
    db.transaction(() => repo.updateEntry(db, next))()
    return entry(ws, old.id)
  }
  const id = db.transaction(() => repo.insertEntry(db, newEntry(db, { ...fields, visitId: null, findingIndex: null })))()
  return entry(ws, id)
}

/**
 * Turns a visit's findings into ledger entries in one transaction: the chosen ones (all not yet in the
 * ledger when `indexes` is absent; 无意见 never). 整改时限 = the given one, else 发现日期 + the
 * settings' rectifyDays; 责任单位 = the given one, else the institution itself; 整改措施 = the suggestion.
 */
export function findingsToLedger(
  ws: Workspace,
  input: { visitId: number; indexes?: number[]; deadline?: string; responsibleUnit?: string },
): LedgerRow[] {
  const db = ws.db()
  const v = repo.getVisit(db, input.visitId)
  if (!v) throw new UserError('没有找到这条督导记录，可能已被删除')
  const chosen =
    input.indexes ?? v.findings.map((_, i) => i).filter((i) => v.findings[i].entryId === null && v.findings[i].level !== '无意见')
  if (!chosen.length) throw new UserError('这条督导记录没有尚未列入台账的问题')
  for (const i of chosen) {
    const f = v.findings[i]
    if (!f) throw new UserError(`督导记录中没有第 ${i + 1} 个问题`, 'indexes')
    if (f.entryId !== null) throw new UserError(`第 ${i + 1} 个问题已列入问题台账`, 'indexes')
    if (f.level === '无意见') throw new UserError(`第 ${i + 1} 条的处理级别是「无意见」，不列入问题台账`, 'indexes')
  }
  if (input.deadline && input.deadline < v.date) throw new UserError('整改时限不能早于督导日期', 'deadline')
  const ids = db.transaction(() => entriesFromFindings(db, v, chosen, input))()
  return ledgerRows(ws, repo.getEntries(db, ids))
}

/**
 * Writes ledger entries for findings `indexes` of a stored visit and marks them on the visit, inside
 * the caller's transaction (the rules of findingsToLedger; also used by the visits import). Returns the new ids.
 */
export function entriesFromFindings(
  db: Database.Database,
  v: Visit,
  indexes: number[],
  opts: { deadline?: string; responsibleUnit?: string } = {},
): number[] {
  const inst = getInstitution(db, v.institutionId)
  const days = repo.readSettings(db).rectifyDays
  return indexes.map((i) => {
    const f = v.findings[i]
    const id = repo.insertEntry(
      db,
      newEntry(db, {
        source: '经常性督导',
        foundDate: v.date,
        inspectorId: v.inspectorId,
        institutionId: v.institutionId,
        itemKey: f.itemKey,
        monthTheme: v.theme,
        description: f.description,
        level: f.level,
        responsibleUnit: opts.responsibleUnit || inst?.name || '',
        responsiblePerson: '',
        measures: f.suggestion,
        deadline: opts.deadline || addDays(v.date, days),
        visitId: v.id,
        findingIndex: i,
      }),
    )
    repo.setFindingEntry(db, v.id, i, id)
    return id
  })
}

/**
 * One step of the state machine on an entry (files of a 销号 copied in first).
 * @throws UserError with the state machine's Chinese reason, or for a date after today
 */
export function transition(ws: Workspace, input: In<typeof transitionInput>): LedgerRow {
  const db = ws.db()
  const e = repo.getEntry(db, input.id)
  if (!e) throw new UserError('没有找到这个问题，可能已被删除')
  if (input.date > localIsoDate()) throw new UserError(`日期 ${input.date} 晚于今天`, 'date')
  let cmd: LedgerCommand
  let added: ReadAttachment[] = []
  if (input.action === 'close') {
    cmd = { action: 'close', date: input.date, basis: input.basis, by: input.by, evidence: [] }
    // check before reading files, then store them with the entry and apply with their names
    apply(e, { ...cmd, evidence: input.addFiles.map(() => ({ name: '', size: 0 })) })
    added = readAttachments(ws, input.addFiles, e.closeEvidence)
    cmd = { ...cmd, evidence: added.map(({ name, size }) => ({ name, size })) }
  } else {
    cmd = input as LedgerCommand
  }
  const next = apply(e, cmd)
  db.transaction(() => {
    repo.updateEntry(db, next)
    if (added.length)
      syncAttachments(
        db,
        'entry',
        e.id,
        added,
        next.closeEvidence.map((a) => a.name),
      )
  })()
  if (input.action === 'close') releaseInputs(ws, input.addFiles)
  return entry(ws, e.id)
}

/**
 * Applies one state-machine command to several entries inside the caller's transaction (svdocs: a
 * 整改通知书 sent → `notify`, a 督办单 issued → `urge`) and writes them. Entries the command does not
 * fit are refused as a whole: throws UserError naming the first, and the caller's transaction rolls back.
 * @returns the updated entries
 */
export function commandEntries(db: Database.Database, entryIds: number[], cmd: LedgerCommand): LedgerEntry[] {
  return [...new Set(entryIds)].map((id) => {
    const e = repo.getEntry(db, id)
    if (!e) throw new UserError(`问题台账中没有编号为 ${id} 的问题`)
    const next = apply(e, cmd)
    repo.updateEntry(db, next)
    return next
  })
}

function apply(e: LedgerEntry, cmd: LedgerCommand): LedgerEntry {
  try {
    return applyLedgerCommand(e, cmd, nowIso())
  } catch (err) {
    if (err instanceof LedgerTransitionError) throw new UserError(err.message)
    throw err
  }
}

/**
 * Sets the given columns on several entries, one `edit` event each where something changed.
 * @throws UserError when an entry is gone, nothing is given, or a deadline precedes a 发现日期
 */
export function bulkUpdate(ws: Workspace, input: In<typeof bulkInput>): { updated: number } {
  const db = ws.db()
  const entries = repo.getEntries(db, input.ids)
  if (entries.length !== new Set(input.ids).size) throw new UserError('所选问题中有的已被删除，请刷新后再试')
  const patch: Partial<LedgerEntry> = {}
  if (input.deadline !== undefined) patch.deadline = input.deadline || null
  if (input.responsibleUnit !== undefined) patch.responsibleUnit = input.responsibleUnit
  if (input.responsiblePerson !== undefined) patch.responsiblePerson = input.responsiblePerson
  if (input.level !== undefined) patch.level = input.level as LedgerEntry['level']
  if (input.itemKey !== undefined) {
    checkEntryRefs(ws, { institutionId: entries[0].institutionId, inspectorId: null, itemKey: input.itemKey })
    patch.itemKey = input.itemKey
  }
  if (!Object.keys(patch).length) throw new UserError('请选择要修改的内容')
  if (patch.deadline) {
    const early = entries.find((e) => (patch.deadline as string) < e.foundDate)
    if (early) throw new UserError(`整改时限不能早于问题 ${early.code} 的发现日期（${early.foundDate}）`, 'deadline')
  }
  const at = nowIso()
  const today = localIsoDate()
  let updated = 0
  db.transaction(() => {
    for (const e of entries) {
      const next = editEntry(e, patch, at, today)
      if (next === e) continue
      repo.updateEntry(db, next)
      updated++
    }
  })()
  return { updated }
}

/**
 * Deletes an entry entered by mistake (only create/edit events, no documents).
 * @throws UserError otherwise
 */
export function deleteEntry(ws: Workspace, id: number): { deleted: boolean } {
  const db = ws.db()
  const e = repo.getEntry(db, id)
  if (!e) return { deleted: false }
  if (e.history.some((h) => h.action !== 'create' && h.action !== 'edit') || (repo.entryDocuments(db, [id]).get(id)?.length ?? 0) > 0) {
    throw new UserError(`问题 ${e.code} 已经办理或已有关联文书，不能删除；如属误录，请在说明中注明后复查销号`)
  }
  const deleted = db.transaction(() => {
    if (e.visitId !== null && e.findingIndex !== null) repo.setFindingEntry(db, e.visitId, e.findingIndex, null)
    syncAttachments(db, 'entry', id, [], [])
    return repo.deleteEntryRow(db, id)
  })()
  return { deleted }
}

/**
 * One stored file of a visit (附件) or of an entry's 销号 (佐证材料), by its name on the record: name, MIME
 * type by extension and bytes, for the files-out path.
 * @throws UserError when the record or the file does not exist
 */
export function attachment(
  ws: Workspace,
  owner: AttachmentOwner,
  id: number,
  name: string,
): { fileName: string; mimeType: string; data: Buffer } {
  const db = ws.db()
  const listed = owner === 'visit' ? repo.getVisit(db, id)?.attachments : repo.getEntry(db, id)?.closeEvidence
  if (!listed) throw new UserError(owner === 'visit' ? '没有找到这条督导记录，可能已被删除' : '没有找到这个问题，可能已被删除')
  const data = listed.some((a) => a.name === name) ? attachmentData(db, owner, id, name) : null
  if (!data) throw new UserError(`没有找到${owner === 'visit' ? '附件' : '销号佐证材料'}「${name}」，可能已被删除`)
  return { fileName: name, mimeType: attachmentMime(name), data }
}
