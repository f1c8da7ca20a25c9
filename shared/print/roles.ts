/**
 * The ONE role table of everything the product prints: each paragraph role (a GB/T 9704-2012 element, or a
 * part of a report: table cells, captions, figures) with its font slot, size, alignment, indent in
 * characters, colour, keep rule and the named paragraph style a Word user sees when editing the .docx.
 * The paginator (paginate.ts) and the preview take font, size and colour from here; the .docx writers (the
 * 公文's and the block writer, electron/core/export/docx/) define one named paragraph style per role in
 * styles.xml (styles.ts roleStylesXml: 公文标题, 主送机关, 公文正文, 一级标题 … 版记, 页码, 表格文字) and every
 * paragraph with text names its role's style.
 * Sizes are the layout profile's (3号 body text, 2号 title, 4号 版记 and page numbers, the masthead fitted).
 */
import type { FontSlot, LayoutProfile } from '../documents/layout'

/** The text roles: what a line shows (tests, accessibility, styling hooks, .docx styles). */
export const TEXT_ROLES = [
  // 版头 (7.2) and 信函格式 (10.1)
  'copyNumber',
  'secrecy',
  'urgency',
  'masthead',
  'docNumber',
  'signer',
  // 主体 (7.3)
  'title',
  'recipients',
  'body',
  /** 正文 headings of levels 1–4 (7.3.3: 一、 （一） 1. （1）), in the profile's heading slots. */
  'heading1',
  'heading2',
  'heading3',
  'heading4',
  'attachmentNote',
  'attendance',
  'signature',
  'date',
  /** 附注 (annotation, 7.3.6/7.3.7): the 公开 note line … */
  'publicityNote',
  /** … and the contact line (联系人/电话). */
  'contactNote',
  'attachmentLabel',
  'attachmentTitle',
  // 版记 (7.4) and page numbers (7.5)
  'imprint',
  'pageNumber',
  // Block model: tables and figures
  'tableCaption',
  'tableHeader',
  'tableCell',
  'figureCaption',
] as const
export type PrintTextRole = (typeof TEXT_ROLES)[number]

/** Rules: the red separator under the 版头, the red double lines of 信函格式, the black 版记 lines, table borders. */
export type PrintRuleRole = 'separator' | 'letterLine' | 'imprintLine' | 'tableBorder'

/** The size a role takes from the layout profile. */
export type RoleSize = 'body' | 'title' | 'imprint' | 'pageNumber' | 'masthead'

export interface RoleStyle {
  font: FontSlot
  size: RoleSize
  align: 'left' | 'center' | 'right' | 'justify'
  /** First-line indent in characters of the role's size (negative: hanging). */
  indentChars: number
  color: 'text' | 'red'
  /** Kept on the page with the next paragraph (captions above tables, the part after 正文). */
  keepNext: boolean
  /** Digits and letters in the slot's face too (page numbers: 半角宋体; 黑体 labels). */
  latinInSlot?: boolean
  /** The .docx paragraph style: id and the name Word shows. */
  docxStyle: { id: string; name: string }
  /**
   * In a 公文 .docx the role's paragraphs sit on the document's line grid (style based on Normal); false: they
   * are positioned (style based on GwFixed, w:snapToGrid off: the 版头, titles, page numbers, tables and figures).
   */
  onGrid: boolean
}

const r = (
  font: FontSlot,
  size: RoleSize,
  align: RoleStyle['align'],
  indentChars: number,
  docxId: string,
  name: string,
  extra: Partial<RoleStyle> = {},
): RoleStyle => ({
  font,
  size,
  align,
  indentChars,
  color: 'text',
  keepNext: false,
  docxStyle: { id: docxId, name },
  onGrid: true,
  ...extra,
})

/** GB/T 9704-2012 clause or practice for each role is in the comment of the element that sets it (shared/documents/composeText.ts, elements.ts). */
export const ROLE_TABLE: Record<PrintTextRole, RoleStyle> = {
  copyNumber: r('fangsong', 'body', 'left', 0, 'GwCopyNumber', '份号'),
  secrecy: r('heiti', 'body', 'left', 0, 'GwSecrecy', '密级和保密期限', { latinInSlot: true }),
  urgency: r('heiti', 'body', 'left', 0, 'GwUrgency', '紧急程度', { latinInSlot: true }),
  masthead: r('title', 'masthead', 'center', 0, 'GwMasthead', '发文机关标志', { color: 'red', onGrid: false }),
  docNumber: r('fangsong', 'body', 'center', 0, 'GwDocNumber', '发文字号', { onGrid: false }),
  signer: r('kaiti', 'body', 'left', 0, 'GwSigner', '签发人', { onGrid: false }),
  title: r('title', 'title', 'center', 0, 'GwTitle', '公文标题', { onGrid: false }),
  recipients: r('fangsong', 'body', 'left', 0, 'GwRecipients', '主送机关'),
  body: r('fangsong', 'body', 'justify', 2, 'GwBody', '公文正文'),
  heading1: r('heiti', 'body', 'justify', 2, 'GwHeading1', '一级标题'),
  heading2: r('kaiti', 'body', 'justify', 2, 'GwHeading2', '二级标题'),
  heading3: r('fangsong', 'body', 'justify', 2, 'GwHeading3', '三级标题'),
  heading4: r('fangsong', 'body', 'justify', 2, 'GwHeading4', '四级标题'),
  attachmentNote: r('fangsong', 'body', 'left', 2, 'GwAttachmentNote', '附件说明', { keepNext: true }),
  attendance: r('fangsong', 'body', 'left', 0, 'GwAttendance', '出席人员', { keepNext: true }),
  signature: r('fangsong', 'body', 'right', 0, 'GwSignature', '发文机关署名', { keepNext: true }),
  date: r('fangsong', 'body', 'right', 0, 'GwDate', '成文日期'),
  publicityNote: r('fangsong', 'body', 'left', 2, 'GwAnnotation', '附注'),
  contactNote: r('fangsong', 'body', 'left', 2, 'GwAnnotation', '附注'),
  attachmentLabel: r('heiti', 'body', 'left', 0, 'GwAttachmentLabel', '附件标识', { latinInSlot: true }),
  attachmentTitle: r('title', 'title', 'center', 0, 'GwTitle', '公文标题', { onGrid: false }),
  imprint: r('fangsong', 'imprint', 'left', 0, 'GwImprint', '版记'),
  pageNumber: r('songti', 'pageNumber', 'right', 0, 'GwPageNumber', '页码', { latinInSlot: true, onGrid: false }),
  tableCaption: r('heiti', 'body', 'center', 0, 'GwTableCaption', '表格标题', { keepNext: true, onGrid: false }),
  tableHeader: r('heiti', 'body', 'center', 0, 'GwTableHeader', '表格表头', { latinInSlot: false, onGrid: false }),
  tableCell: r('fangsong', 'body', 'left', 0, 'GwTableCell', '表格文字', { onGrid: false }),
  figureCaption: r('heiti', 'body', 'center', 0, 'GwFigureCaption', '图片标题', { onGrid: false }),
}

/** Font size in points of a role under `layout` (the masthead's is fitted per document: its maximum). */
export function roleSizePt(layout: LayoutProfile, role: PrintTextRole): number {
  switch (ROLE_TABLE[role].size) {
    case 'title':
      return layout.text.titleSizePt
    case 'imprint':
      return layout.text.imprintSizePt
    case 'pageNumber':
      return layout.text.pageNumberSizePt
    case 'masthead':
      return layout.masthead.maxSizePt
    default:
      return layout.text.bodySizePt
  }
}
