/**
 * The documents the supervision ledger writes itself (issue 14): 月度督导通知, 整改通知书, 督办单 and 督导通报. Each
 * is composed by the pure builders of shared/supervision/documents/ and stored as an ordinary 公文 draft through the
 * documents domain's repository (so it is edited, exported, 签发, 印发 like any other), linked to its ledger entries
 * with the supervision repository's linkDocuments, and numbered by the office's rule for its kind: a 发文字号 of a
 * register series (given by documents.sign) or a serial 编号 of its own (given by `sign` here, IMMEDIATE
 * transaction, UNIQUE per kind and year, never reused). Voiding a document changes its status only: its links stay
 * and the entries show it as 已作废.
 */
import type Database from 'better-sqlite3'
import type { BulletinData, DocumentNumbering, UrgingProposal } from '../../../../shared/contract/supervisionDocuments'
import { DOCUMENT_STATUS_LABELS, type DocumentRecord } from '../../../../shared/documents/records'
import { signingProblems } from '../../../../shared/documents/signing'
import type { DocumentSpec } from '../../../../shared/documents/types'
import { buildBulletin } from '../../../../shared/supervision/documents/bulletin'
import { addDays, type IssuingOffice } from '../../../../shared/supervision/documents/common'
import { buildMonthlyNotice, defaultMonthWindows } from '../../../../shared/supervision/documents/monthlyNotice'
import {
  DEFAULT_RULES,
  NUMBERED_KINDS,
  SUPERVISION_DOCUMENT_LABELS,
  formatSerialNumber,
  validateSerialPattern,
  type NumberedKind,
  type NumberingRule,
  type SupervisionDocumentKind,
} from '../../../../shared/supervision/documents/numbering'
import { buildRectificationNotice } from '../../../../shared/supervision/documents/rectificationNotice'
import { buildUrgingNotice } from '../../../../shared/supervision/documents/urgingNotice'
import { canApply } from '../../../../shared/supervision/ledger'
import { isOverdue, overdueDays } from '../../../../shared/supervision/overdue'
import type { DocumentRole, LedgerEntry } from '../../../../shared/supervision/types'
import { localIsoDate, nowIso } from '../../clock'
import * as documentsRepo from '../../documents/documentRepository'
import { defaultSeriesId } from '../../documents/documentService'
import { UserError } from '../../errors'
import { getInstitution } from '../../institutions/institutionRepository'
import { findSeriesById, listSeries } from '../../numbers/numberRepository'
import { readOffice } from '../../office/officeRepository'
import type { Workspace } from '../../workspace'
import * as supervisionRepo from '../supervisionRepository'
import * as supervisionService from '../supervisionService'
import { bulletinData as computeBulletinData } from './bulletinData'
import * as repo from './generatedRepository'

/** The seeds template each kind corresponds to (the composer shows its name). */
const TEMPLATE_KEYS: Record<SupervisionDocumentKind, string> = {
  monthlyNotice: 'supervision-notice',
  rectificationNotice: 'rectification-notice',
  urgingNotice: 'urging-notice',
  bulletin: 'supervision-bulletin',
}

function issuingOffice(db: Database.Database): IssuingOffice {
  const office = readOffice(db)
  if (!office) throw new UserError('请先在「系统设置」中填写机关信息')
  return { fullName: office.fullName, mastheadText: office.mastheadText }
}

/** The numbering rules of both kinds (the default where the office saved none). */
export function rules(ws: Workspace): NumberingRule[] {
  const db = ws.dbIfExists()
  return NUMBERED_KINDS.map((k) => (db ? repo.readRule(db, k) : DEFAULT_RULES[k]))
}

/**
 * Saves the rule of one kind. @throws UserError for a serial format that validateSerialPattern refuses, or a
 * series that does not exist.
 */
export function saveRule(
  ws: Workspace,
  input: { kind: NumberedKind; mode: 'serial' | 'series'; pattern: string; seriesId?: number },
): NumberingRule {
  const db = ws.db()
  let rule: NumberingRule
  if (input.mode === 'serial') {
    const problem = validateSerialPattern(input.pattern)
    if (problem) throw new UserError(problem, 'pattern')
    rule = { kind: input.kind, mode: 'serial', pattern: input.pattern.trim() }
  } else {
    if (input.seriesId === undefined || !findSeriesById(db, input.seriesId)) throw new UserError('请选择一个已有的文号系列', 'seriesId')
    rule = { kind: input.kind, mode: 'series', seriesId: input.seriesId }
  }
  db.transaction(() => repo.writeRule(db, rule, nowIso()))()
  return repo.readRule(db, input.kind)
}

/**
 * Stores a built spec as a 公文 draft with its origin, and links it to `entryIds` in `role`, in the caller's
 * transaction. Returns the new document's id.
 */
function storeDraft(
  db: Database.Database,
  spec: DocumentSpec,
  origin: { kind: SupervisionDocumentKind; period: string; institutionId: number | null; entryIds: number[]; role: DocumentRole },
): number {
  const at = nowIso()
  const rule = origin.kind === 'rectificationNotice' || origin.kind === 'urgingNotice' ? repo.readRule(db, origin.kind) : null
  const seriesId = rule ? (rule.mode === 'series' ? rule.seriesId : null) : defaultSeriesId(listSeries(db), spec.kind)
  const id = documentsRepo.insertDocument(db, {
    kind: spec.kind,
    format: spec.format,
    seriesId,
    templateKey: TEMPLATE_KEYS[origin.kind],
    content: spec.content,
    at,
  })
  documentsRepo.addHistory(db, id, at, '新建', `由问题台账生成（${SUPERVISION_DOCUMENT_LABELS[origin.kind]}）`)
  repo.insertGenerated(db, {
    documentId: id,
    kind: origin.kind,
    numbering: rule?.mode === 'serial' ? 'serial' : 'series',
    period: origin.period,
    institutionId: origin.institutionId,
    at,
  })
  if (origin.entryIds.length) supervisionRepo.linkDocuments(db, origin.entryIds, id, origin.role, spec.content.signedDate || undefined)
  return id
}

function entriesOrThrow(db: Database.Database, ids: number[]): LedgerEntry[] {
  const found = supervisionRepo.getEntries(db, ids)
  const missing = ids.filter((id) => !found.some((e) => e.id === id))
  if (missing.length) throw new UserError(`问题台账中没有这些问题：${missing.join('、')}`, 'entryIds')
  return ids.map((id) => found.find((e) => e.id === id)!)
}

function itemTitles(db: Database.Database): Map<string, string> {
  return new Map(supervisionRepo.listItems(db).map((i) => [i.key, i.title]))
}

/** `2025-03` → [2025, 3]. */
function monthParts(month: string): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))]
}

/**
 * 月度督导通知 of `month` (YYYY-MM) from the year's plan (theme and topics of the month, the standing checklist)
 * and the settings (notice day); 成文日期 the notice day unless given.
 * @throws UserError when the plan gives the month no theme and no checklist.
 */
export function monthlyNotice(ws: Workspace, input: { month: string; signedDate?: string }): DocumentRecord {
  const db = ws.db()
  const [year, month] = monthParts(input.month)
  const plan = supervisionRepo.readPlan(db, year)
  const planned = plan.months.find((m) => m.month === month)
  const theme = [planned?.theme ?? '', ...(planned?.topics ?? [])].filter((t) => t.trim()).join('、')
  if (!theme && plan.standingChecklist.length === 0)
    throw new UserError(`${year}年度计划中${month}月没有督导主题，也没有常规事项，请先在「年度计划」中填写`, 'month')
  const settings = supervisionRepo.readSettings(db)
  const windows = defaultMonthWindows(year, month, settings.noticeDay)
  if (input.signedDate) windows.noticeDate = input.signedDate
  const spec = buildMonthlyNotice({
    office: issuingOffice(db),
    year,
    month,
    theme,
    checklist: plan.standingChecklist,
    matters: supervisionRepo
      .listItems(db)
      .filter((i) => i.active)
      .map((i) => i.title),
    windows,
  })
  const id = db.transaction(() =>
    storeDraft(db, spec, { kind: 'monthlyNotice', period: input.month, institutionId: null, entryIds: [], role: '月度通知' }),
  )()
  return documentsRepo.getDocument(db, id)!
}

/**
 * 整改通知书 to one institution from ledger entries: the problems as a table, the deadline wording, the 整改报告 to
 * the institution's 责任督学 of the year within `reportWithinDays`.
 * @throws UserError when the entries belong to several institutions, one has no 整改时限, or one is closed.
 */
export function rectificationNotice(
  ws: Workspace,
  input: { entryIds: number[]; reportWithinDays: number; signedDate?: string; institution?: string },
): DocumentRecord {
  const db = ws.db()
  const entries = entriesOrThrow(db, input.entryIds)
  const institutions = [...new Set(entries.map((e) => e.institutionId))]
  if (institutions.length > 1) throw new UserError('一份整改通知书只发给一所学校，请只选择同一学校的问题', 'entryIds')
  const noDeadline = entries.filter((e) => !e.deadline)
  if (noDeadline.length) throw new UserError(`这些问题还没有整改时限：${noDeadline.map((e) => e.code).join('、')}`, 'entryIds')
  const done = entries.filter((e) => e.status === 'verified' || e.status === 'closed')
  if (done.length) throw new UserError(`这些问题已整改完成，不需要再发整改通知书：${done.map((e) => e.code).join('、')}`, 'entryIds')
  const institution = getInstitution(db, institutions[0])
  if (!institution) throw new UserError('该问题所属的学校不在学校名录中', 'entryIds')
  if (input.institution !== undefined && input.institution !== institution.name)
    throw new UserError(`所选问题属于「${institution.name}」，不是「${input.institution}」`, 'institution')
  const signedDate = input.signedDate ?? localIsoDate()
  const zone = supervisionRepo.zoneOfInstitution(db, Number(signedDate.slice(0, 4)), institution.id)
  const inspectorId = zone?.inspectorId ?? entries.find((e) => e.inspectorId !== null)?.inspectorId ?? null
  const inspector = inspectorId ? supervisionRepo.getInspector(db, inspectorId) : null
  if (!inspector) throw new UserError(`${institution.name}还没有责任督学，整改报告无处报送，请先在「责任区」中指定`, 'entryIds')
  const titles = itemTitles(db)
  const spec = buildRectificationNotice({
    office: issuingOffice(db),
    institution: institution.name,
    foundOn: entries.map((e) => e.foundDate).sort()[0],
    inspector: inspector.name,
    inspectorPhone: inspector.phone,
    problems: entries.map((e) => ({
      description: e.description,
      requirement: e.measures,
      deadline: e.deadline!,
      matter: e.itemKey ? (titles.get(e.itemKey) ?? '') : '',
    })),
    reportWithinDays: input.reportWithinDays,
    signedDate,
    number: '',
  })
  const id = db.transaction(() =>
    storeDraft(db, spec, {
      kind: 'rectificationNotice',
      period: '',
      institutionId: institution.id,
      entryIds: input.entryIds,
      role: '整改通知书',
    }),
  )()
  return documentsRepo.getDocument(db, id)!
}

/** A linked document is live while it exists and is not voided. */
const live = (status: string) => status !== 'voided' && status !== 'deleted'

/**
 * The 督办单 to propose on `today` (local date): every overdue entry (shared/supervision/overdue.ts) without a live
 * 督办单, each naming its latest live 整改通知书. Sorted by days overdue, most first.
 */
export function urgingProposals(ws: Workspace, today = localIsoDate()): UrgingProposal[] {
  const db = ws.dbIfExists()
  if (!db) return []
  const overdue = supervisionRepo.listEntries(db).filter((e) => isOverdue(e, today))
  const docs = supervisionRepo.entryDocuments(
    db,
    overdue.map((e) => e.id),
  )
  const out: UrgingProposal[] = []
  for (const e of overdue) {
    const linked = docs.get(e.id) ?? []
    if (linked.some((d) => d.role === '督办单' && live(d.status))) continue
    const notice = linked.filter((d) => d.role === '整改通知书' && live(d.status)).at(-1)
    out.push({
      entryId: e.id,
      code: e.code,
      institutionId: e.institutionId,
      institution: getInstitution(db, e.institutionId)?.name ?? '',
      description: e.description,
      deadline: e.deadline!,
      overdueDays: overdueDays(e, today),
      notice: notice ? { documentId: notice.documentId, title: notice.title, number: notice.docNumber, date: notice.date } : null,
    })
  }
  return out.sort((a, b) => b.overdueDays - a.overdueDays || a.entryId - b.entryId)
}

/**
 * 督办单 for one overdue entry: 办理期限 `replyDays` after the 成文日期.
 * @throws UserError when the entry is not overdue on the 成文日期 or already has a live 督办单.
 */
export function urgingNotice(ws: Workspace, input: { entryId: number; replyDays: number; signedDate?: string }): DocumentRecord {
  const db = ws.db()
  const signedDate = input.signedDate ?? localIsoDate()
  const [entry] = entriesOrThrow(db, [input.entryId])
  const proposal = urgingProposals(ws, signedDate).find((p) => p.entryId === entry.id)
  if (!proposal) {
    const hasOne = (supervisionRepo.entryDocuments(db, [entry.id]).get(entry.id) ?? []).some((d) => d.role === '督办单' && live(d.status))
    throw new UserError(
      hasOne
        ? `问题 ${entry.code} 已有督办单`
        : `问题 ${entry.code} 在${signedDate}未逾期（整改时限 ${entry.deadline ?? '未定'}），不需要督办`,
      'entryId',
    )
  }
  return db.transaction(() => storeUrging(db, proposal, entry, input.replyDays, signedDate))()
}

function storeUrging(db: Database.Database, p: UrgingProposal, entry: LedgerEntry, replyDays: number, signedDate: string): DocumentRecord {
  const spec = buildUrgingNotice({
    office: issuingOffice(db),
    number: '',
    entryCode: entry.code,
    institution: p.institution,
    description: entry.description,
    deadline: p.deadline,
    notice: p.notice,
    responsibleUnit: entry.responsibleUnit,
    responsiblePerson: entry.responsiblePerson,
    replyBy: addDays(signedDate, replyDays),
    signedDate,
  })
  const id = storeDraft(db, spec, {
    kind: 'urgingNotice',
    period: '',
    institutionId: entry.institutionId,
    entryIds: [entry.id],
    role: '督办单',
  })
  return documentsRepo.getDocument(db, id)!
}

/** One 督办单 per proposal (every overdue entry without one), in one transaction. */
export function urgeAll(ws: Workspace, input: { replyDays: number; signedDate?: string }): DocumentRecord[] {
  const db = ws.db()
  const signedDate = input.signedDate ?? localIsoDate()
  const proposals = urgingProposals(ws, signedDate)
  return db.transaction(() =>
    proposals.map((p) => storeUrging(db, p, supervisionRepo.getEntry(db, p.entryId)!, input.replyDays, signedDate)),
  )()
}

/** What the 督导通报 of a month or term prints (figures computed, never typed). */
export function bulletinData(ws: Workspace, input: { month?: string; term?: string }, today = localIsoDate()): BulletinData {
  const db = ws.db()
  return computeBulletinData(ws, input, today, (month) => {
    const notice = repo
      .generatedOf(db, 'monthlyNotice', month)
      .map((g) => documentsRepo.getDocument(db, g.document_id))
      .find((d) => d && d.status !== 'voided')
    return notice?.title ?? ''
  })
}

/**
 * 督导通报 of a month or term; 成文日期 the settings' 通报 day of the next month for a month, today for a term,
 * unless given. Linked to every entry it lists (role 督导通报).
 */
export function bulletin(
  ws: Workspace,
  input: {
    month?: string
    term?: string
    groupBy: 'matter' | 'institution'
    nameInstitutions: boolean
    reportWithinDays: number
    signedDate?: string
  },
): DocumentRecord {
  const db = ws.db()
  const data = bulletinData(ws, input)
  let signedDate = input.signedDate
  if (!signedDate && input.month) {
    const [y, m] = monthParts(input.month)
    const next = m === 12 ? [y + 1, 1] : [y, m + 1]
    const day = supervisionRepo.readSettings(db).bulletinDay
    signedDate = `${next[0]}-${String(next[1]).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  }
  const spec = buildBulletin({
    office: issuingOffice(db),
    figures: data.figures,
    theme: data.theme,
    noticeTitle: data.noticeTitle,
    practices: data.practices,
    problems: data.problems,
    groupBy: input.groupBy,
    nameInstitutions: input.nameInstitutions,
    reportWithinDays: input.reportWithinDays,
    signedDate: signedDate ?? localIsoDate(),
  })
  const id = db.transaction(() =>
    storeDraft(db, spec, {
      kind: 'bulletin',
      period: input.month ?? input.term ?? '',
      institutionId: null,
      entryIds: data.entryIds,
      role: '督导通报',
    }),
  )()
  return documentsRepo.getDocument(db, id)!
}

/**
 * Records in the ledger that a generated document went out: a 整改通知书 applies `notify` (待整改 → 已发整改通知) and
 * a 督办单 applies `urge` to each entry it is linked to in that role, dated with its 成文日期, through the ledger's
 * state machine (shared/supervision/ledger.ts). Entries where the step does not apply (already rectified, or a later
 * status change) and entries that already record this document are left as they are. Inside the caller's
 * transaction. Returns how many entries changed.
 */
function recordIssued(db: Database.Database, doc: DocumentRecord): number {
  const generated = repo.getGenerated(db, doc.id)
  const step =
    generated?.kind === 'rectificationNotice'
      ? ({ action: 'notify', role: '整改通知书' } as const)
      : generated?.kind === 'urgingNotice'
        ? ({ action: 'urge', role: '督办单' } as const)
        : null
  if (!step) return 0
  const mark = `（文书 ${doc.id}）`
  let changed = 0
  for (const link of supervisionRepo.documentEntries(db, doc.id).filter((l) => l.role === step.role)) {
    const entry = supervisionRepo.getEntry(db, link.entryId)
    if (!entry || entry.history.some((h) => h.action === step.action && h.note.endsWith(mark))) continue
    const command = { action: step.action, date: doc.content.signedDate, note: `${step.role} ${doc.docNumber}${mark}` }
    if (!canApply(entry, command)) continue
    supervisionService.commandEntries(db, [entry.id], command)
    changed++
  }
  return changed
}

/**
 * After a generated 整改通知书 or 督办单 is 签发 (by `sign` here, or by documents.sign for one numbered by a register
 * series): records it in the ledger (recordIssued). Idempotent. @throws UserError unless the document is signed or
 * printed.
 */
export function issued(ws: Workspace, id: number): { changed: number } {
  const db = ws.db()
  return db
    .transaction(() => {
      const doc = documentsRepo.getDocument(db, id)
      if (!doc) throw new UserError(`公文（编号 ${id}）不存在或已被删除`, 'id')
      if (doc.status !== 'signed' && doc.status !== 'printed') throw new UserError('该公文尚未签发，不能登记为已发出', 'id')
      return { changed: recordIssued(db, doc) }
    })
    .immediate()
}

/**
 * How a document is numbered at 签发 when the 问题台账 generated it (null for any other 公文): the 公文 editor
 * asks before its 签发 dialog. `next` is the serial 编号 it would take now (the one it keeps after 退回修改),
 * null in series mode.
 */
export function numberingOf(ws: Workspace, id: number): DocumentNumbering | null {
  const db = ws.dbIfExists()
  if (!db) return null
  const generated = repo.getGenerated(db, id)
  if (!generated) return null
  const kindLabel = SUPERVISION_DOCUMENT_LABELS[generated.kind]
  const kind = generated.kind
  if (generated.numbering !== 'serial' || (kind !== 'rectificationNotice' && kind !== 'urgingNotice'))
    return { mode: 'series', kindLabel, next: null }
  const held = repo.serialOfDocument(db, id)
  if (held && held.status === 'used') return { mode: 'serial', kindLabel, next: held.number }
  const doc = documentsRepo.getDocument(db, id)
  const year = Number((doc?.content.signedDate || localIsoDate()).slice(0, 4))
  const rule = repo.readRule(db, kind)
  const pattern = rule.mode === 'serial' ? rule.pattern : DEFAULT_RULES[kind].mode === 'serial' ? DEFAULT_RULES[kind].pattern : ''
  return { mode: 'serial', kindLabel, next: formatSerialNumber(pattern, year, repo.nextSerial(db, kind, year)) }
}

function requireSerialDocument(db: Database.Database, id: number): { doc: DocumentRecord; kind: NumberedKind } {
  const doc = documentsRepo.getDocument(db, id)
  if (!doc) throw new UserError(`公文（编号 ${id}）不存在或已被删除`, 'id')
  const generated = repo.getGenerated(db, id)
  if (!generated || generated.numbering !== 'serial' || (generated.kind !== 'rectificationNotice' && generated.kind !== 'urgingNotice'))
    throw new UserError('该公文使用发文字号，请在「公文管理」中签发或在发文登记簿中作废其文号', 'id')
  return { doc, kind: generated.kind }
}

/**
 * 签发 of a serial-numbered 整改通知书 or 督办单: checks the document as documents.sign does (every signing problem
 * but the series) and gives it the next serial 编号 of its kind and the 成文日期's year in the office's format, in
 * one IMMEDIATE transaction; a document returned for editing (退回修改) keeps the 编号 it had.
 * @throws UserError listing what is left to do, or when the document is not a serial-numbered draft.
 */
export function sign(ws: Workspace, id: number): DocumentRecord {
  const db = ws.db()
  db.transaction(() => {
    const { doc, kind } = requireSerialDocument(db, id)
    if (doc.status !== 'draft') throw new UserError(`该公文${DOCUMENT_STATUS_LABELS[doc.status]}，不能重复签发`)
    const content = { ...doc.content, signedDate: doc.content.signedDate || localIsoDate() }
    // The series check does not apply: the number is this office's serial, not a 发文字号.
    const problems = signingProblems(doc.kind, doc.format, content, 0)
    if (problems.length) throw new UserError(`还不能签发：${problems.join('；')}`)
    const year = Number(content.signedDate.slice(0, 4))
    const at = nowIso()
    const held = repo.serialOfDocument(db, id)
    let note: string
    if (held && held.status === 'used') {
      if (held.year !== year) throw new UserError(`本公文沿用编号 ${held.number}，成文日期应在${held.year}年内`, 'signedDate')
      content.docNumber = held.number
      note = `重新签发，沿用编号 ${held.number}`
    } else {
      const rule = repo.readRule(db, kind)
      const pattern = rule.mode === 'serial' ? rule.pattern : DEFAULT_RULES[kind].mode === 'serial' ? DEFAULT_RULES[kind].pattern : ''
      const seq = repo.nextSerial(db, kind, year)
      content.docNumber = formatSerialNumber(pattern, year, seq)
      repo.insertSerial(db, { kind, year, seq, number: content.docNumber, documentId: id, at })
      note = `取编号 ${content.docNumber}`
    }
    documentsRepo.updateDocumentContent(db, id, { kind: doc.kind, format: doc.format, seriesId: null, content, at })
    documentsRepo.setStatus(db, id, 'signed', at, { signedAt: at, year })
    documentsRepo.addHistory(db, id, at, '签发', note)
    recordIssued(db, documentsRepo.getDocument(db, id)!)
  }).immediate()
  return documentsRepo.getDocument(db, id)!
}

/**
 * 作废 of a serial-numbered document: the 编号 is kept as voided (never given again) and the document becomes
 * 已作废; its links to ledger entries stay (the entries show it as 已作废). A draft without a number is voided too.
 * @throws UserError when the document is already voided or uses a 发文字号.
 */
export function voidDocument(ws: Workspace, input: { id: number; reason: string; by: string }): DocumentRecord {
  const db = ws.db()
  db.transaction(() => {
    const { doc } = requireSerialDocument(db, input.id)
    if (doc.status === 'voided') throw new UserError('该公文已作废')
    const held = repo.serialOfDocument(db, input.id)
    if (held) repo.voidSerial(db, held.id, `${input.by}：${input.reason}`)
    documentsRepo.markNumberVoided(db, input.id, nowIso(), `${input.by}：${input.reason}${held ? `（编号 ${held.number}）` : ''}`)
  }).immediate()
  return documentsRepo.getDocument(db, input.id)!
}
