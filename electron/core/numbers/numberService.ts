import type Database from 'better-sqlite3'
import type { AllocatedNumber } from '../../../shared/contract/numbers'
import { DOC_NUMBER_MAX_SEQ, formatDocNumber, parseDocNumber, validatePrefix } from '../../../shared/documents/docNumber'
import type { NumberSeries, RegisterEntry } from '../../../shared/documents/records'
import { localDateTime } from '../../../shared/format/localTime'
import { currentYear, localIsoDate, nowIso } from '../clock'
import { UserError } from '../errors'
import type { Workspace } from '../workspace'
import * as repo from './numberRepository'
import * as documentsRepo from '../documents/documentRepository'

export interface SeriesRef {
  seriesId?: number
  prefix?: string
}

export function listSeries(ws: Workspace): NumberSeries[] {
  const db = ws.dbIfExists()
  return db ? repo.listSeries(db) : []
}

export function saveSeries(ws: Workspace, input: { id?: number; prefix: string; name: string }): NumberSeries {
  const problem = validatePrefix(input.prefix)
  if (problem) throw new UserError(problem, 'prefix')
  const db = ws.db()
  return db.transaction(() => {
    const clash = repo.findSeriesByPrefix(db, input.prefix)
    if (clash && clash.id !== input.id) throw new UserError(`机关代字「${input.prefix}」已存在`, 'prefix')
    if (input.id === undefined) {
      const id = repo.insertSeries(db, input.prefix, input.name, nowIso())
      return repo.findSeriesById(db, id)!
    }
    const existing = repo.findSeriesById(db, input.id)
    if (!existing) throw new UserError('该文号系列不存在', 'id')
    if (existing.prefix !== input.prefix && repo.seriesHasNumbers(db, input.id)) {
      throw new UserError(`机关代字「${existing.prefix}」已经发过文号，不能再改名；如需新代字请另建一个系列`, 'prefix')
    }
    repo.updateSeries(db, input.id, input.prefix, input.name)
    return repo.findSeriesById(db, input.id)!
  })()
}

export function resolveSeries(db: Database.Database, ref: SeriesRef): NumberSeries {
  const series =
    ref.seriesId !== undefined ? repo.findSeriesById(db, ref.seriesId) : ref.prefix ? repo.findSeriesByPrefix(db, ref.prefix) : undefined
  if (!series) {
    if (ref.prefix) throw new UserError(`没有机关代字为「${ref.prefix}」的文号系列，请先在「文号系列」中添加`, 'prefix')
    throw new UserError('请选择文号系列', 'seriesId')
  }
  return series
}

/**
 * Takes the next number of a series and year inside an IMMEDIATE transaction (the write lock is
 * held from the read of the highest number to the insert), so concurrent windows or processes
 * serialise; the UNIQUE (series, year, seq) constraint is the final guarantee.
 */
export function takeNextNumber(
  db: Database.Database,
  series: NumberSeries,
  year: number,
  fields: Omit<repo.NewNumber, 'seriesId' | 'year' | 'seq' | 'createdAt'>,
): AllocatedNumber {
  const seq = repo.nextSeq(db, series.id, year)
  if (seq > DOC_NUMBER_MAX_SEQ) throw new UserError(`「${series.prefix}」${year}年的文号已用尽（最大为${DOC_NUMBER_MAX_SEQ}号）`)
  const id = repo.insertNumber(db, { ...fields, seriesId: series.id, year, seq, createdAt: nowIso() })
  return { id, seq, year, docNumber: formatDocNumber({ prefix: series.prefix, year, seq }) }
}

export function allocate(ws: Workspace, input: SeriesRef & { year?: number; title: string }): AllocatedNumber {
  const db = ws.db()
  return db
    .transaction(() => {
      const series = resolveSeries(db, input)
      return takeNextNumber(db, series, input.year ?? currentYear(), { status: 'used', title: input.title, issuedOn: localIsoDate() })
    })
    .immediate()
}

export function reserve(ws: Workspace, input: SeriesRef & { year?: number; purpose: string }): AllocatedNumber {
  const db = ws.db()
  return db
    .transaction(() => {
      const series = resolveSeries(db, input)
      return takeNextNumber(db, series, input.year ?? currentYear(), { status: 'reserved', purpose: input.purpose })
    })
    .immediate()
}

/**
 * 补登: records a number issued outside the app (before the office adopted it, or by hand).
 * Numbers skipped below it show as gaps (断号) until they too are recorded or voided.
 */
export function record(ws: Workspace, input: { docNumber: string; title: string; issuedOn: string }): AllocatedNumber {
  const parts = parseDocNumber(input.docNumber)
  if (!parts) throw new UserError(`无法识别文号「${input.docNumber}」，应形如 贺政教督发〔2024〕4号`, 'docNumber')
  if (Number(input.issuedOn.slice(0, 4)) !== parts.year) throw new UserError(`成文日期应在${parts.year}年内`, 'issuedOn')
  const db = ws.db()
  return db
    .transaction(() => {
      const series = resolveSeries(db, { prefix: parts.prefix })
      const existing = repo.findNumber(db, series.id, parts.year, parts.seq)
      if (existing)
        throw new UserError(
          `文号「${formatDocNumber(parts)}」已在登记簿中（${existing.status === 'used' ? '已用' : existing.status === 'reserved' ? '预留' : '作废'}），不能重复登记`,
          'docNumber',
        )
      const id = repo.insertNumber(db, {
        seriesId: series.id,
        year: parts.year,
        seq: parts.seq,
        status: 'used',
        title: input.title,
        issuedOn: input.issuedOn,
        createdAt: nowIso(),
      })
      return { id, seq: parts.seq, year: parts.year, docNumber: formatDocNumber(parts) }
    })
    .immediate()
}

/**
 * Voids a number (作废). A reserved or used number keeps its row, marked voided with reason, who and
 * when; a document that carried it becomes 已作废. A number never taken (a gap) is recorded as voided
 * so the register explains it. A voided number is never issued again.
 */
export function voidNumber(ws: Workspace, input: { docNumber: string; reason: string; by: string }): RegisterEntry {
  const parts = parseDocNumber(input.docNumber)
  if (!parts) throw new UserError(`无法识别文号「${input.docNumber}」，应形如 贺政教督发〔2024〕4号`, 'docNumber')
  const db = ws.db()
  const id = db
    .transaction(() => {
      const series = resolveSeries(db, { prefix: parts.prefix })
      const at = nowIso()
      const row = repo.findNumber(db, series.id, parts.year, parts.seq)
      if (!row) {
        const next = repo.nextSeq(db, series.id, parts.year)
        if (parts.seq >= next)
          throw new UserError(`文号「${formatDocNumber(parts)}」尚未使用，不能作废（当前最大号为 ${next - 1}）`, 'docNumber')
        return repo.insertNumber(db, {
          seriesId: series.id,
          year: parts.year,
          seq: parts.seq,
          status: 'voided',
          voidReason: input.reason,
          voidedBy: input.by,
          voidedAt: at,
          createdAt: at,
        })
      }
      if (row.status === 'voided')
        throw new UserError(`文号「${formatDocNumber(parts)}」已于 ${localDateTime(row.voided_at ?? '')} 作废`, 'docNumber')
      repo.markVoided(db, row.id, input.reason, input.by, at)
      if (row.document_id !== null) {
        documentsRepo.markNumberVoided(db, row.document_id, at, `${input.by}：${input.reason}`)
      }
      return row.id
    })
    .immediate()
  return toEntry(repo.getNumber(db, id)!)
}

function toEntry(row: repo.NumberRow): RegisterEntry {
  return {
    id: row.id,
    prefix: row.prefix,
    year: row.year,
    seq: row.seq,
    docNumber: formatDocNumber({ prefix: row.prefix, year: row.year, seq: row.seq }),
    status: row.status,
    title: row.document_title ?? row.title,
    documentId: row.document_id,
    documentStatus: row.document_status,
    issuedOn: row.document_signed_date || row.issued_on || '',
    purpose: row.purpose,
    voidReason: row.void_reason,
    voidedBy: row.voided_by,
    voidedAt: row.voided_at ?? '',
  }
}

function gapEntry(prefix: string, year: number, seq: number): RegisterEntry {
  return {
    id: null,
    prefix,
    year,
    seq,
    docNumber: formatDocNumber({ prefix, year, seq }),
    status: 'gap',
    title: '',
    documentId: null,
    documentStatus: null,
    issuedOn: '',
    purpose: '',
    voidReason: '',
    voidedBy: '',
    voidedAt: '',
  }
}

/** 发文登记簿 of a year: every number of each series from 1 to the highest, gaps (断号) included. */
export function register(ws: Workspace, input: { year: number; seriesId?: number }): RegisterEntry[] {
  const db = ws.dbIfExists()
  if (!db) return []
  const rows = repo.numbersOfYear(db, input.year, input.seriesId)
  const out: RegisterEntry[] = []
  let last: { prefix: string; seq: number } | null = null
  for (const row of rows) {
    const from = last && last.prefix === row.prefix ? last.seq + 1 : 1
    for (let seq = from; seq < row.seq; seq++) out.push(gapEntry(row.prefix, row.year, seq))
    out.push(toEntry(row))
    last = { prefix: row.prefix, seq: row.seq }
  }
  return out
}
