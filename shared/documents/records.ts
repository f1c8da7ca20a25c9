import type { DocumentContent, DocumentFormat, DocumentKind } from './types'

export const DOCUMENT_STATUSES = ['draft', 'signed', 'printed', 'voided'] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]
/** Lifecycle 草稿 → 已签发 (numbered) → 已印发 (frozen); 已作废 when its number is voided. */
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  draft: '草稿',
  signed: '已签发',
  printed: '已印发',
  voided: '已作废',
}

export interface NumberSeries {
  id: number
  /** 机关代字, e.g. 贺政教督发 */
  prefix: string
  /** What the series is for, e.g. 发文 / 办公室文件 / 函 */
  name: string
}

export interface DocumentSummary {
  id: number
  kind: DocumentKind
  format: DocumentFormat
  status: DocumentStatus
  title: string
  docNumber: string
  year: number | null
  seriesId: number | null
  revision: number
  revisionOf: number | null
  supersededBy: number | null
  signedDate: string
  updatedAt: string
}

export interface DocumentHistoryEntry {
  at: string
  action: string
  note: string
}

export interface DocumentRecord extends DocumentSummary {
  templateKey: string
  content: DocumentContent
  history: DocumentHistoryEntry[]
}

export const NUMBER_STATUSES = ['used', 'reserved', 'voided'] as const
export type NumberStatus = (typeof NUMBER_STATUSES)[number]
export const NUMBER_STATUS_LABELS: Record<NumberStatus | 'gap', string> = {
  used: '已用',
  reserved: '预留',
  voided: '作废',
  gap: '断号',
}

/** One line of 发文登记簿: a number in use, reserved, voided, or a gap (断号) in the sequence. */
export interface RegisterEntry {
  id: number | null
  prefix: string
  year: number
  seq: number
  docNumber: string
  status: NumberStatus | 'gap'
  title: string
  documentId: number | null
  documentStatus: DocumentStatus | null
  /** Date the number was issued (成文日期 or allocation date), ISO. */
  issuedOn: string
  purpose: string
  voidReason: string
  voidedBy: string
  voidedAt: string
}

export interface DocumentTemplate {
  key: string
  name: string
  kind: DocumentKind
  format: DocumentFormat
  description: string
}

/** A file produced by the core for the user to save (browser download or native save). */
export interface ExportedFile {
  fileName: string
  mimeType: string
  base64: string
}
