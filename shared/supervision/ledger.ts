import type { LedgerAction, LedgerEntry, LedgerEvent, LedgerStatus, ReviewResult, StoredAttachment } from './types'
import { LEDGER_STATUS_LABELS } from './types'

/**
 * The 问题台账 state machine (SUPERVISION.md "Problem handling"), pure: a command applied to an entry
 * returns the new entry, or throws a LedgerTransitionError whose Chinese message names why not.
 *
 *   待整改 ──notify (整改通知书 已发出)──▶ 已发整改通知
 *   待整改 / 已发整改通知 ──report (整改报告 received)──▶ 已报整改结果
 *   已报整改结果 ──review passed (督学已核查)──▶ 复查通过 ──close (销号, with 依据)──▶ 已销号
 *   已报整改结果 ──review failed (复查不通过)──▶ back to the school: 已发整改通知 when a notice went out, else 待整改
 *   复查通过 / 已销号 ──reopen (with a reason)──▶ back to the school, the earlier 复查 and 销号 kept in the history
 *
 * There is no 销号 without an accepted 复查, and no 复查 before a 整改报告. Every command appends one
 * event to `history`; nothing in the history is ever rewritten. Progress notes and 督办 are recorded in
 * any open status without changing it.
 */

/** A refused transition; the message is the Chinese reason shown to the user. */
export class LedgerTransitionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LedgerTransitionError'
  }
}

/** What a user can do to an entry. `date` is the business date (YYYY-MM-DD, local). */
export type LedgerCommand =
  | { action: 'notify'; date: string; by?: string; note?: string }
  | { action: 'progress'; date: string; text: string; by?: string }
  | { action: 'report'; date: string; by?: string; note?: string }
  | { action: 'review'; date: string; result: ReviewResult; reviewer: string; note?: string }
  | { action: 'close'; date: string; basis: string; evidence?: StoredAttachment[]; by?: string }
  | { action: 'reopen'; date: string; reason: string; by?: string }
  | { action: 'urge'; date: string; by?: string; note?: string }

/** Statuses in which the school still owes its 整改 (the entry is 未整改完成). */
export const OPEN_STATUSES: readonly LedgerStatus[] = ['pending', 'notified', 'reported']
/** Statuses that count as 整改完成 for the 整改率. */
export const RECTIFIED_STATUSES: readonly LedgerStatus[] = ['verified', 'closed']

const label = (s: LedgerStatus) => LEDGER_STATUS_LABELS[s]

/** Where an entry goes when the school must work on it again: 已发整改通知 if a notice ever went out. */
function backToSchool(entry: LedgerEntry): LedgerStatus {
  return entry.history.some((e) => e.action === 'notify') ? 'notified' : 'pending'
}

/** The business date of the entry's last change of status (or its 发现日期); a status change may not predate it. */
function lastChangeDate(entry: LedgerEntry): string {
  return entry.history.reduce((d, e) => (e.from !== e.to && e.date > d ? e.date : d), entry.foundDate)
}

/**
 * Applies `cmd` to `entry` and returns the new entry (the input is not changed). `at` is the instant
 * recorded in the event. Throws LedgerTransitionError when the command is not allowed in the entry's
 * status or misses what it needs (a 复查人, a 销号依据, a reason to reopen) or predates the 发现日期.
 */
export function applyLedgerCommand(entry: LedgerEntry, cmd: LedgerCommand, at: string): LedgerEntry {
  const s = entry.status
  const refuse = (why: string): never => {
    throw new LedgerTransitionError(`问题 ${entry.code}（${label(s)}）${why}`)
  }
  if (cmd.date < entry.foundDate) refuse(`：日期 ${cmd.date} 早于发现日期 ${entry.foundDate}。`)
  const changes = cmd.action !== 'progress' && cmd.action !== 'urge'
  if (changes && cmd.date < lastChangeDate(entry)) refuse(`：日期 ${cmd.date} 早于上一次状态变化（${lastChangeDate(entry)}）。`)
  const event = (action: LedgerAction, to: LedgerStatus, note = '', by = ''): LedgerEvent => ({
    action,
    date: cmd.date,
    at,
    from: s,
    to,
    by,
    note,
  })
  const next = (patch: Partial<LedgerEntry>, ev: LedgerEvent): LedgerEntry => ({
    ...entry,
    ...patch,
    status: ev.to,
    history: [...entry.history, ev],
    updatedAt: at,
  })
  switch (cmd.action) {
    case 'notify':
      if (s !== 'pending' && s !== 'notified') refuse('不能再发整改通知：只有待整改或已发整改通知的问题可以发整改通知书。')
      return next({}, event('notify', 'notified', cmd.note ?? '', cmd.by ?? ''))
    case 'progress':
      if (!OPEN_STATUSES.includes(s)) refuse('已整改完成，不能再记整改进展；如需继续整改，请先重新打开。')
      if (!cmd.text.trim()) refuse('：请填写整改进展的内容。')
      return next(
        { progress: [...entry.progress, { date: cmd.date, text: cmd.text.trim(), by: cmd.by ?? '', at }] },
        event('progress', s, cmd.text.trim(), cmd.by ?? ''),
      )
    case 'report':
      if (s !== 'pending' && s !== 'notified') {
        refuse(s === 'reported' ? '已经收到整改报告，请先复查。' : '已整改完成，不能再报整改结果；如需继续整改，请先重新打开。')
      }
      return next({ reportDate: cmd.date }, event('report', 'reported', cmd.note ?? '', cmd.by ?? ''))
    case 'review': {
      if (s !== 'reported') refuse('不能复查：学校报来整改结果（整改报告）之后才能复查。')
      if (!cmd.reviewer.trim()) refuse('：请填写复查人。')
      if (entry.reportDate && cmd.date < entry.reportDate) refuse(`：复查日期 ${cmd.date} 早于整改报告日期 ${entry.reportDate}。`)
      const passed = cmd.result === 'passed'
      const to = passed ? 'verified' : backToSchool(entry)
      return next(
        { reviewDate: cmd.date, reviewer: cmd.reviewer.trim(), reviewResult: cmd.result, reviewNote: cmd.note ?? '' },
        event(passed ? 'reviewPassed' : 'reviewFailed', to, cmd.note ?? '', cmd.reviewer.trim()),
      )
    }
    case 'close':
      if (s !== 'verified' || entry.reviewResult !== 'passed') refuse('不能销号：复查通过之后才能销号。')
      if (!cmd.basis.trim() && !(cmd.evidence?.length ?? 0)) refuse('：销号需要写明销号依据或附上佐证材料。')
      if (entry.reviewDate && cmd.date < entry.reviewDate) refuse(`：销号日期 ${cmd.date} 早于复查日期 ${entry.reviewDate}。`)
      return next(
        { closedDate: cmd.date, closeBasis: cmd.basis.trim(), closeEvidence: [...entry.closeEvidence, ...(cmd.evidence ?? [])] },
        event('close', 'closed', cmd.basis.trim(), cmd.by ?? ''),
      )
    case 'reopen': {
      if (s !== 'verified' && s !== 'closed') refuse('不需要重新打开：问题仍在整改中。')
      if (!cmd.reason.trim()) refuse('：重新打开需要写明原因。')
      const to = backToSchool(entry)
      // the current 复查 / 销号 fields clear; the earlier ones stay in the history
      return next(
        { reportDate: null, reviewDate: null, reviewer: '', reviewResult: null, reviewNote: '', closedDate: null, closeBasis: '' },
        event('reopen', to, cmd.reason.trim(), cmd.by ?? ''),
      )
    }
    case 'urge':
      if (!OPEN_STATUSES.includes(s)) refuse('已整改完成，不需要督办。')
      return next({}, event('urge', s, cmd.note ?? '', cmd.by ?? ''))
  }
}

/** True when the command is allowed now (for enabling buttons); never throws. */
export function canApply(entry: LedgerEntry, cmd: LedgerCommand): boolean {
  try {
    applyLedgerCommand(entry, cmd, entry.updatedAt)
    return true
  } catch {
    return false
  }
}

/**
 * The entry's status at the end of local day `date`, read from its dated history (events with a
 * business date after `date` are ignored); null when the entry was not yet found on that day.
 */
export function statusOn(entry: Pick<LedgerEntry, 'foundDate' | 'history'>, date: string): LedgerStatus | null {
  if (entry.foundDate > date) return null
  let status: LedgerStatus = 'pending'
  for (const e of entry.history) if (e.date <= date) status = e.to
  return status
}

/** The first event of a new entry. */
export function creationEvent(foundDate: string, at: string, by = '', note = ''): LedgerEvent {
  return { action: 'create', date: foundDate, at, from: null, to: 'pending', by, note }
}
