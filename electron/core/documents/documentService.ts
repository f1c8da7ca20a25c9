import { formatDocNumber } from '../../../shared/documents/docNumber'
import { effectiveLayout } from '../../../shared/documents/effectiveLayout'
import { DOCUMENT_STATUS_LABELS, type DocumentRecord, type DocumentTemplate, type ExportedFile } from '../../../shared/documents/records'
import type { DocumentPage } from '../../../shared/documents/search'
import { signingProblems } from '../../../shared/documents/signing'
import { documentFileBase, safeFileName } from '../../../shared/format/fileName'
import type { DocumentContent, DocumentFormat, DocumentKind } from '../../../shared/documents/types'
import { localIsoDate, nowIso } from '../clock'
import { UserError } from '../errors'
import { exportDocumentDocx } from '../export/docx/officialDocument'
import * as numbersRepo from '../numbers/numberRepository'
import { resolveSeries, takeNextNumber } from '../numbers/numberService'
import { readOffice } from '../office/officeRepository'
import type { Workspace } from '../workspace'
import * as repo from './documentRepository'
import { instantiateTemplate, listTemplates } from './templates'

function requireDocument(ws: Workspace, id: number): DocumentRecord {
  const db = ws.dbIfExists()
  const doc = db ? repo.getDocument(db, id) : undefined
  if (!doc) throw new UserError(`公文（编号 ${id}）不存在或已被删除`, 'id')
  return doc
}

export function templates(): DocumentTemplate[] {
  return listTemplates()
}

/** One page of the filtered, sorted list with the total count; an empty page before the database exists. */
export function list(ws: Workspace, filter: repo.DocumentFilter): DocumentPage {
  const db = ws.dbIfExists()
  return db ? repo.listDocuments(db, filter) : { items: [], total: 0, page: 1, pageSize: filter.pageSize ?? 20, highlights: [] }
}

export function get(ws: Workspace, id: number): DocumentRecord {
  return requireDocument(ws, id)
}

export function create(ws: Workspace, templateKey: string): DocumentRecord {
  const db = ws.db()
  const office = readOffice(db)
  if (!office) throw new UserError('请先在「系统设置」中填写机关信息')
  const made = instantiateTemplate(templateKey, office, localIsoDate())
  if (!made) throw new UserError(`没有名为「${templateKey}」的公文模板`, 'templateKey')
  const at = nowIso()
  const id = db.transaction(() => {
    const newId = repo.insertDocument(db, { ...made, seriesId: defaultSeriesId(numbersRepo.listSeries(db), made.kind), templateKey, at })
    repo.addHistory(db, newId, at, '新建', `使用模板「${listTemplates().find((t) => t.key === templateKey)?.name}」`)
    return newId
  })()
  return repo.getDocument(db, id)!
}

/**
 * Saves a draft. Only drafts are editable: a signed (已签发) document holds the approved text and is
 * locked (「退回修改」 reopens it), a printed one is frozen (corrected by a new revision), a voided one
 * is closed. A draft that already holds a number (returned for editing, or a correction) keeps its
 * series and the number's year.
 * @throws UserError naming the state or the field at fault.
 */
export function save(
  ws: Workspace,
  input: { id: number; kind: DocumentKind; format: DocumentFormat; seriesId: number | null; content: DocumentContent },
): DocumentRecord {
  requireDocument(ws, input.id)
  const db = ws.db()
  // Read, check and write under the write lock: a 签发 from another window cannot slip in between.
  db.transaction(() => {
    const doc = requireDocument(ws, input.id)
    assertEditable(doc)
    if (input.seriesId !== null) resolveSeries(db, { seriesId: input.seriesId })
    const holdsNumber = doc.docNumber !== '' && doc.year !== null
    if (holdsNumber && input.seriesId !== doc.seriesId) throw new UserError(`本公文已有文号 ${doc.docNumber}，不能更换文号系列`, 'seriesId')
    if (holdsNumber && Number(input.content.signedDate.slice(0, 4)) !== doc.year) {
      throw new UserError(`本公文沿用文号 ${doc.docNumber}，成文日期应在${doc.year}年内`, 'signedDate')
    }
    // The number is the register's, never typed in: keep what signing gave.
    const content = { ...input.content, docNumber: doc.content.docNumber }
    const at = nowIso()
    repo.updateDocumentContent(db, input.id, { kind: input.kind, format: input.format, seriesId: input.seriesId, content, at })
    repo.addSaveHistory(db, input.id, at)
  }).immediate()
  return repo.getDocument(db, input.id)!
}

/** @throws UserError unless the document is a draft (the only editable state). */
function assertEditable(doc: DocumentRecord): void {
  if (doc.status === 'signed') throw new UserError('已签发的公文已锁定，内容即为签发时批准的文本；如需修改，请先「退回修改」')
  if (doc.status === 'printed') throw new UserError('已印发的公文不能修改；如需更正，请点击「创建更正版本」')
  if (doc.status === 'voided') throw new UserError('该公文的文号已作废，不能再修改')
}

/**
 * 退回修改: the only way from 已签发 back to editing. The document becomes a draft again and keeps
 * its number (signing it again reuses that number); who returned it and why go into the history.
 * @throws UserError when the document is not 已签发.
 */
export function returnForEdit(ws: Workspace, input: { id: number; reason: string; by: string }): DocumentRecord {
  const db = ws.db()
  return db
    .transaction(() => {
      const doc = requireDocument(ws, input.id)
      if (doc.status !== 'signed') throw new UserError(`只有已签发的公文可以退回修改（该公文${DOCUMENT_STATUS_LABELS[doc.status]}）`)
      const at = nowIso()
      repo.setStatus(db, doc.id, 'draft', at)
      repo.addHistory(db, doc.id, at, '退回修改', `${input.by}：${input.reason}（保留文号 ${doc.docNumber}）`)
      return repo.getDocument(db, doc.id)!
    })
    .immediate()
}

/**
 * The series a new document most likely uses: for 函 the series ending in 函 (贺政教督函), otherwise the
 * main 发文 series (ending in 发), else the first one; null when the office has none yet.
 */
export function defaultSeriesId(series: { id: number; prefix: string }[], kind: DocumentKind): number | null {
  const ending = (suffix: string) => series.find((s) => s.prefix.endsWith(suffix))
  return (kind === '函' ? ending('函') : undefined)?.id ?? ending('发')?.id ?? series[0]?.id ?? null
}

/**
 * 签发: gives the document its number in one IMMEDIATE transaction (the document is read, checked and
 * numbered under the write lock, so two windows or processes never sign the same draft twice nor
 * take the same number): the next of its series and the 成文日期's year, a reserved one, or the
 * number it already holds (a correction keeps the number of the version it corrects; a document
 * returned for editing keeps its own).
 * @throws UserError listing every signing problem (shared/documents/signing.ts), or naming the
 *   reserved number's problem.
 */
export function sign(ws: Workspace, input: { id: number; reservedNumberId?: number }): DocumentRecord {
  const db = ws.db()
  const id = db
    .transaction(() => {
      const doc = requireDocument(ws, input.id)
      if (doc.status !== 'draft') throw new UserError(`该公文${DOCUMENT_STATUS_LABELS[doc.status]}，不能重复签发`)
      const content: DocumentContent = { ...doc.content, signedDate: doc.content.signedDate || localIsoDate() }
      const problems = signingProblems(doc.kind, doc.format, content, doc.seriesId)
      if (problems.length) throw new UserError(`还不能签发：${problems.join('；')}`)
      const year = Number(content.signedDate.slice(0, 4))
      const at = nowIso()
      const series = resolveSeries(db, { seriesId: doc.seriesId! })
      const ownNumber = doc.content.docNumber ? numbersRepo.findNumberOfDocument(db, doc.id) : undefined
      let note: string
      if (doc.content.docNumber && input.reservedNumberId !== undefined) {
        throw new UserError(`本公文沿用文号 ${doc.content.docNumber}，不能再使用预留文号`, 'reservedNumberId')
      }
      if (ownNumber) {
        // Returned for editing (退回修改): signed again under the number it already holds.
        if (ownNumber.year !== year)
          throw new UserError(`本公文沿用文号 ${doc.content.docNumber}，成文日期应在${ownNumber.year}年内`, 'signedDate')
        numbersRepo.setIssuedOn(db, ownNumber.id, content.signedDate)
        content.docNumber = doc.content.docNumber
        note = `重新签发，沿用文号 ${content.docNumber}`
      } else if (doc.revisionOf !== null && doc.content.docNumber) {
        if (doc.year !== null && year !== doc.year)
          throw new UserError(`更正版沿用文号 ${doc.content.docNumber}，成文日期应在${doc.year}年内`, 'signedDate')
        numbersRepo.moveNumberToRevision(db, doc.revisionOf, doc.id, content.signedDate)
        repo.setSupersededBy(db, doc.revisionOf, doc.id, at)
        repo.addHistory(db, doc.revisionOf, at, '被更正', `由第${doc.revision}版取代`)
        content.docNumber = doc.content.docNumber
        note = `更正版沿用原文号 ${content.docNumber}`
      } else if (input.reservedNumberId !== undefined) {
        const reserved = numbersRepo.getNumber(db, input.reservedNumberId)
        if (!reserved || reserved.status !== 'reserved') throw new UserError('所选文号不是预留状态，可能已被使用或作废', 'reservedNumberId')
        if (reserved.series_id !== series.id) throw new UserError(`所选预留文号不属于「${series.prefix}」`, 'reservedNumberId')
        if (reserved.year !== year) throw new UserError(`所选预留文号是${reserved.year}年的，而成文日期在${year}年`, 'reservedNumberId')
        numbersRepo.attachNumber(db, reserved.id, doc.id, content.signedDate)
        content.docNumber = formatDocNumber({ prefix: series.prefix, year, seq: reserved.seq })
        note = `使用预留文号 ${content.docNumber}`
      } else {
        const taken = takeNextNumber(db, series, year, { status: 'used', documentId: doc.id, issuedOn: content.signedDate })
        content.docNumber = taken.docNumber
        note = `取号 ${taken.docNumber}`
      }
      repo.updateDocumentContent(db, doc.id, { kind: doc.kind, format: doc.format, seriesId: doc.seriesId, content, at })
      repo.setStatus(db, doc.id, 'signed', at, { signedAt: at, year })
      repo.addHistory(db, doc.id, at, '签发', note)
      return doc.id
    })
    .immediate()
  return repo.getDocument(db, id)!
}

/**
 * 印发: the signed document is printed and frozen, with its 印发日期 (given, or the one in the
 * document, or today), which may not precede the 成文日期. Checked and written in one IMMEDIATE
 * transaction.
 * @throws UserError unless the document is 已签发, or when the 印发日期 is before the 成文日期.
 */
export function markPrinted(ws: Workspace, input: { id: number; printedDate?: string }): DocumentRecord {
  requireDocument(ws, input.id)
  const db = ws.db()
  db.transaction(() => {
    const doc = requireDocument(ws, input.id)
    if (doc.status !== 'signed')
      throw new UserError(doc.status === 'draft' ? '请先签发（取得文号）再印发' : `该公文${DOCUMENT_STATUS_LABELS[doc.status]}，不能印发`)
    const printedDate = input.printedDate ?? (doc.content.printedDate || localIsoDate())
    if (printedDate < doc.content.signedDate) throw new UserError('印发日期不能早于成文日期', 'printedDate')
    const at = nowIso()
    repo.updateDocumentContent(db, doc.id, {
      kind: doc.kind,
      format: doc.format,
      seriesId: doc.seriesId,
      content: { ...doc.content, printedDate },
      at,
    })
    repo.setStatus(db, doc.id, 'printed', at, { printedAt: at })
    repo.addHistory(db, doc.id, at, '印发', printedDate)
  }).immediate()
  return repo.getDocument(db, input.id)!
}

/** What a correction or a copy takes over from the document it starts from. */
function copiedFields(doc: DocumentRecord): Pick<repo.NewDocument, 'kind' | 'format' | 'seriesId' | 'templateKey'> {
  return { kind: doc.kind, format: doc.format, seriesId: doc.seriesId, templateKey: doc.templateKey }
}

/** 更正: a printed document stays frozen; its correction is a new draft revision keeping the number. */
export function revise(ws: Workspace, id: number): DocumentRecord {
  const doc = requireDocument(ws, id)
  if (doc.status !== 'printed') throw new UserError('只有已印发的公文需要创建更正版本；草稿和已签发的公文可直接修改')
  if (doc.supersededBy !== null) throw new UserError(`该公文已被更正（见第${doc.revision + 1}版），请在最新版本上更正`)
  const db = ws.db()
  const open = db.prepare(`SELECT id FROM documents WHERE revision_of = ? AND status = 'draft'`).get(id) as { id: number } | undefined
  if (open) return repo.getDocument(db, open.id)!
  const at = nowIso()
  const newId = db.transaction(() => {
    const created = repo.insertDocument(db, {
      ...copiedFields(doc),
      content: doc.content,
      revision: doc.revision + 1,
      revisionOf: doc.id,
      docNumber: doc.docNumber,
      year: doc.year,
      at,
    })
    repo.addHistory(db, created, at, '创建更正版本', `更正第${doc.revision}版（${doc.docNumber}）`)
    repo.addHistory(db, doc.id, at, '开始更正', `第${doc.revision + 1}版草稿`)
    return created
  })()
  return repo.getDocument(db, newId)!
}

/** 复制为新公文: last month's 督导通知 as the start of this month's — a new draft without number or history. */
export function duplicate(ws: Workspace, id: number): DocumentRecord {
  const doc = requireDocument(ws, id)
  const db = ws.db()
  const today = localIsoDate()
  const at = nowIso()
  const newId = db.transaction(() => {
    const created = repo.insertDocument(db, {
      ...copiedFields(doc),
      content: { ...doc.content, docNumber: '', signedDate: today, printedDate: today },
      at,
    })
    repo.addHistory(db, created, at, '新建', `复制自${doc.docNumber || `草稿（编号 ${doc.id}）`}`)
    return created
  })()
  return repo.getDocument(db, newId)!
}

export function remove(ws: Workspace, id: number): { id: number } {
  const doc = requireDocument(ws, id)
  if (doc.status !== 'draft') throw new UserError('只能删除草稿；已签发的公文请作废其文号')
  const db = ws.db()
  // A draft returned for editing (退回修改) still holds its number: the register must keep explaining it.
  if (numbersRepo.findNumberOfDocument(db, id))
    throw new UserError(`该草稿已有文号 ${doc.docNumber}（退回修改），不能删除；如不再需要，请在发文登记簿中作废该文号`)
  db.transaction(() => {
    db.prepare('DELETE FROM document_history WHERE document_id = ?').run(id)
    db.prepare('DELETE FROM documents WHERE id = ?').run(id)
  })()
  return { id }
}

/** The .docx name of a document: 贺政教督发〔2024〕4号 关于….docx, or 草稿 … while unnumbered. */
export function exportFileName(doc: Pick<DocumentRecord, 'docNumber' | 'title' | 'status'>): string {
  return safeFileName(documentFileBase(doc), '.docx', '公文')
}

export { safeFileName }

export async function exportDocx(ws: Workspace, id: number): Promise<ExportedFile> {
  const doc = requireDocument(ws, id)
  const buffer = await exportDocumentDocx(
    { kind: doc.kind, format: doc.format, content: doc.content },
    effectiveLayout(readOffice(ws.db())),
  )
  return {
    fileName: exportFileName(doc),
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    base64: buffer.toString('base64'),
  }
}
