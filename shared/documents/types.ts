/**
 * The official-document model (公文) shared by the composer, the preview and the .docx exporter.
 * Terms follow docs/GLOSSARY.md: document, documentKind, docNumber, masthead, recipients, ccRecipients,
 * signedDate, printedDate, publicityNote, imprint.
 */

export const DOCUMENT_KINDS = ['通知', '通报', '意见', '报告', '请示', '函', '纪要'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

/** 上行文: 请示 and 报告 carry a 签发人 line and put the number flush left. */
export const UPWARD_KINDS: readonly DocumentKind[] = ['请示', '报告']

/** 文件格式 (red masthead + 文件), 信函格式 (函), 纪要格式. */
export const DOCUMENT_FORMATS = ['file', 'letter', 'minutes'] as const
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number]
export const DOCUMENT_FORMAT_LABELS: Record<DocumentFormat, string> = { file: '文件格式', letter: '信函格式', minutes: '纪要格式' }

export const URGENCIES = ['', '特急', '加急'] as const
export type Urgency = (typeof URGENCIES)[number]

export const PUBLICITY_NOTES = ['', '此件公开发布', '此件不予公开', '此件依申请公开'] as const
export type PublicityNote = (typeof PUBLICITY_NOTES)[number]

import type { ImageSpec, TableSpec } from '../print/blocks'

/**
 * One paragraph of 正文 or of an attachment body. level 0 = ordinary paragraph;
 * 1–4 = headings numbered 一、 / （一） / 1. / （1） (the number is generated, never stored in text).
 * A level-3/4 heading usually runs on into its paragraph text ("1.强化领导，统一思想。每月召开……"),
 * so a heading's `text` may hold a whole paragraph. `kind` is absent in content stored before tables and
 * images (content version 1) and in what the editor writes.
 */
export interface ParagraphBlock {
  kind?: 'paragraph'
  level: 0 | 1 | 2 | 3 | 4
  text: string
}

/** A table in 正文 (shared/print/blocks.ts TableSpec); `text` is its caption (表题, above it; '' = none). */
export interface TableBlock {
  kind: 'table'
  level: 0
  text: string
  table: TableSpec
}

/** An image in 正文, e.g. a chart (shared/print/blocks.ts ImageSpec); `text` is its caption (图题, below it). */
export interface ImageBlock {
  kind: 'image'
  level: 0
  text: string
  image: ImageSpec
}

/**
 * A block of 正文: a paragraph, a table or an image. Every kind has `level` (0 for tables and images) and
 * `text` (a table's or image's caption), so numbering, search and the 正文-not-empty check read any block.
 */
export type BodyBlock = ParagraphBlock | TableBlock | ImageBlock

/** Is this block a paragraph (or heading), not a table or an image? */
export function isParagraphBlock(b: BodyBlock): b is ParagraphBlock {
  return b.kind === undefined || b.kind === 'paragraph'
}

/** The version of the content JSON this code writes: 1 = paragraphs only (no `version` field), 2 = tables and images. */
export const CONTENT_VERSION = 2

export interface Attachment {
  /** 附件标题 (also listed in 附件说明). */
  title: string
  body: BodyBlock[]
}

/** 纪要格式 only: 出席 / 请假 / 列席 name lists (empty string = line omitted). */
export interface MinutesAttendance {
  present: string
  absent: string
  observers: string
}

/** How 1. items are numbered: restarting under each 一、/（一） (perSection) or straight through (continuous). */
export const ITEM_NUMBERINGS = ['perSection', 'continuous'] as const
export type ItemNumbering = (typeof ITEM_NUMBERINGS)[number]

export interface DocumentContent {
  /** Shape of this JSON (CONTENT_VERSION); absent = 1, read as is (a version-1 body is a version-2 body of paragraphs). */
  version?: number
  /** 份号, 6 digits when used, '' when not. */
  copyNumber: string
  /** 密级和保密期限, e.g. 机密★3年; '' when not classified. */
  secrecy: string
  urgency: Urgency
  /** Issuing organisations for the masthead; the first is the host, several = joint issuance. */
  mastheadOrgs: string[]
  /** Text after the organisation name(s): usually 文件 (文件格式), '' for 信函格式; 纪要 for 纪要格式. */
  mastheadSuffix: string
  /** Formatted 发文字号 (贺政教督发〔2024〕4号); '' while drafting. */
  docNumber: string
  /** 签发人 names (上行文 only). */
  signers: string[]
  title: string
  /** 主送机关, without the trailing colon, e.g. 各中小学、幼儿园. */
  recipients: string
  body: BodyBlock[]
  attachments: Attachment[]
  /** 发文机关署名: one or more organisation names. */
  signatureOrgs: string[]
  /** 成文日期 as ISO date YYYY-MM-DD ('' while drafting). */
  signedDate: string
  publicityNote: PublicityNote
  /** 抄送机关, names separated by ，(without 抄送： and the final 。); '' for none. */
  ccRecipients: string
  /** 印发机关 (usually the office's full name or its 办公室). */
  printingOrg: string
  /** 印发日期 as ISO date YYYY-MM-DD. */
  printedDate: string
  attendance: MinutesAttendance
  /** Numbering of level-3 items in 正文 and attachments; absent in older documents = perSection. */
  itemNumbering?: ItemNumbering
  /**
   * A second 附注 line, e.g. 联系人：李明，联系电话：0951-8061234 (GB/T 9704 7.3.7: a 请示 must name its
   * contact in the 附注). Printed in full-width parentheses under the 公开 note; '' or absent = none.
   */
  contactNote?: string
  /**
   * 印发/转发 notices: the documents listed under `attachments` are the issued text itself, printed after
   * the notice on new pages with their own titles, without 附件说明 and without the "附件N" label (as the
   * reference notices do). Absent = false: ordinary attachments.
   */
  attachmentsIssued?: boolean
}

export interface DocumentSpec {
  kind: DocumentKind
  format: DocumentFormat
  content: DocumentContent
}
