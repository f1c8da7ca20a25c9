import { formatDocNumber } from '../../../shared/documents/docNumber'
import { effectiveLayout } from '../../../shared/documents/effectiveLayout'
import { DOCUMENT_STATUS_LABELS, type DocumentRecord, type DocumentSummary, type DocumentTemplate, type ExportedFile } from '../../../shared/documents/records'
import { UPWARD_KINDS, type DocumentContent, type DocumentFormat, type DocumentKind } from '../../../shared/documents/types'
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

export function list(ws: Workspace, filter: repo.DocumentFilter): DocumentSummary[] {
  const db = ws.dbIfExists()
  return db ? repo.listDocuments(db, filter) : []
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

export function save(ws: Workspace, input: { id: number; kind: DocumentKind; format: DocumentFormat; seriesId: number | null; content: DocumentContent }): DocumentRecord {
  const doc = requireDocument(ws, input.id)
  if (doc.status === 'printed') throw new UserError('已印发的公文不能修改；如需更正，请点击「创建更正版本」')
  if (doc.status === 'voided') throw new UserError('该公文的文号已作废，不能再修改')
  const db = ws.db()
  if (input.seriesId !== null) resolveSeries(db, { seriesId: input.seriesId })
  if (doc.status === 'signed' && input.seriesId !== doc.seriesId) throw new UserError('已签发的公文不能更换文号系列', 'seriesId')
  if (doc.status === 'signed' && doc.year !== null && Number(input.content.signedDate.slice(0, 4)) !== doc.year) {
    throw new UserError(`已签发公文的成文日期应在文号所属的${doc.year}年内`, 'signedDate')
  }
  // The number is the register's, never typed in: keep what signing gave.
  const content = { ...input.content, docNumber: doc.content.docNumber }
  const at = nowIso()
  db.transaction(() => {
    repo.updateDocumentContent(db, input.id, { kind: input.kind, format: input.format, seriesId: input.seriesId, content, at })
    repo.addHistory(db, input.id, at, '保存')
  })()
  return repo.getDocument(db, input.id)!
}

/**
 * The series a new document most likely uses: for 函 the series ending in 函 (贺政教督函), otherwise the
 * main 发文 series (ending in 发), else the first one; null when the office has none yet.
 */
export function defaultSeriesId(series: { id: number; prefix: string }[], kind: DocumentKind): number | null {
  const ending = (suffix: string) => series.find((s) => s.prefix.endsWith(suffix))
  return (kind === '函' ? ending('函') : undefined)?.id ?? ending('发')?.id ?? series[0]?.id ?? null
}

/** What must be filled in before a document can be signed, as Chinese messages. */
export function signingProblems(kind: DocumentKind, format: DocumentFormat, c: DocumentContent, seriesId: number | null): string[] {
  const problems: string[] = []
  if (seriesId === null) problems.push('请选择文号系列（机关代字）')
  if (!c.title.trim()) problems.push('请填写标题')
  if (!c.body.some((b) => b.text.trim())) problems.push('正文不能为空')
  if (format !== 'minutes' && !c.recipients.trim()) problems.push('请填写主送机关')
  if (format !== 'minutes' && c.signatureOrgs.length === 0) problems.push('请填写发文机关署名')
  if (c.mastheadOrgs.length === 0) problems.push('请填写发文机关标志')
  if (UPWARD_KINDS.includes(kind) && c.signers.length === 0) problems.push(`${kind}是上行文，请填写签发人`)
  if (kind === '请示' && !c.contactNote?.trim()) problems.push('请示应在附注中注明联系人和电话')
  c.attachments.forEach((a, i) => {
    if (!a.title.trim()) problems.push(`附件${i + 1}缺少标题`)
  })
  return problems
}

/**
 * 签发: gives the document its number (the next of its series and year, a reserved one, or, for a
 * correction, the number of the version it corrects) in one IMMEDIATE transaction.
 */
export function sign(ws: Workspace, input: { id: number; reservedNumberId?: number }): DocumentRecord {
  const doc = requireDocument(ws, input.id)
  if (doc.status !== 'draft') throw new UserError(`该公文${DOCUMENT_STATUS_LABELS[doc.status]}，不能重复签发`)
  const content: DocumentContent = { ...doc.content, signedDate: doc.content.signedDate || localIsoDate() }
  const problems = signingProblems(doc.kind, doc.format, content, doc.seriesId)
  if (problems.length) throw new UserError(`还不能签发：${problems.join('；')}`)
  const year = Number(content.signedDate.slice(0, 4))
  const db = ws.db()
  const at = nowIso()
  db.transaction(() => {
    const series = resolveSeries(db, { seriesId: doc.seriesId! })
    let note: string
    if (doc.revisionOf !== null && doc.content.docNumber) {
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
  }).immediate()
  return repo.getDocument(db, doc.id)!
}

export function markPrinted(ws: Workspace, input: { id: number; printedDate?: string }): DocumentRecord {
  const doc = requireDocument(ws, input.id)
  if (doc.status !== 'signed') throw new UserError(doc.status === 'draft' ? '请先签发（取得文号）再印发' : `该公文${DOCUMENT_STATUS_LABELS[doc.status]}，不能印发`)
  const printedDate = input.printedDate ?? (doc.content.printedDate || localIsoDate())
  if (printedDate < doc.content.signedDate) throw new UserError('印发日期不能早于成文日期', 'printedDate')
  const db = ws.db()
  const at = nowIso()
  db.transaction(() => {
    repo.updateDocumentContent(db, doc.id, { kind: doc.kind, format: doc.format, seriesId: doc.seriesId, content: { ...doc.content, printedDate }, at })
    repo.setStatus(db, doc.id, 'printed', at, { printedAt: at })
    repo.addHistory(db, doc.id, at, '印发', printedDate)
  })()
  return repo.getDocument(db, doc.id)!
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
  db.transaction(() => {
    db.prepare('DELETE FROM document_history WHERE document_id = ?').run(id)
    db.prepare('DELETE FROM documents WHERE id = ?').run(id)
  })()
  return { id }
}

/** A file name Windows accepts: 贺政教督发〔2024〕4号 关于….docx */
export function exportFileName(doc: Pick<DocumentRecord, 'docNumber' | 'title' | 'status'>): string {
  const base = `${doc.docNumber || '草稿'} ${doc.title || '未命名公文'}`.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 120)
  return `${base}.docx`
}

export async function exportDocx(ws: Workspace, id: number): Promise<ExportedFile> {
  const doc = requireDocument(ws, id)
  const buffer = await exportDocumentDocx({ kind: doc.kind, format: doc.format, content: doc.content }, effectiveLayout(readOffice(ws.db())))
  return {
    fileName: exportFileName(doc),
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    base64: buffer.toString('base64'),
  }
}
