import { z } from 'zod'
import { calendarDateField, textField } from '../validation/fields'
import {
  CONTENT_VERSION,
  DOCUMENT_FORMATS,
  DOCUMENT_KINDS,
  ITEM_NUMBERINGS,
  PUBLICITY_NOTES,
  URGENCIES,
  type DocumentContent,
} from './types'

const line = (label: string, max: number) => textField(label, { max })
const orgList = (label: string) =>
  z
    .array(textField(label, { min: 1, max: 60 }))
    .max(10)
    .describe(label)

/** Longest paragraph (one block of 正文 or of an attachment), in characters. */
export const MAX_PARAGRAPH_CHARS = 10_000
/** Most paragraphs in 正文 or in one attachment. */
export const MAX_PARAGRAPHS = 2_000
/**
 * Longest whole document (every text field, 正文 and attachments together), in characters: about
 * 300 printed pages, far beyond any 公文, and small enough to save and export without stalling.
 */
export const MAX_DOCUMENT_CHARS = 300_000

export const paragraphBlockSchema = z.object({
  kind: z.literal('paragraph').optional(),
  level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).describe('段落层级'),
  text: textField('段落', { max: MAX_PARAGRAPH_CHARS }),
})

const columnWidthSchema = z.union([
  z.object({ chars: z.number().positive().max(28) }),
  z.object({ mm: z.number().positive().max(156) }),
  z.object({ auto: z.literal(true) }),
])

export const tableBlockSchema = z.object({
  kind: z.literal('table'),
  level: z.literal(0),
  text: z.string().max(200).describe('表题'),
  table: z
    .object({
      columns: z.array(columnWidthSchema).min(1).max(12).describe('表格列'),
      headerRows: z.number().int().min(0).max(5).describe('表头行数'),
      rows: z
        .array(z.array(z.string().max(2_000).describe('单元格')).max(12))
        .min(1)
        .max(2_000)
        .describe('表格行'),
      align: z
        .array(z.enum(['left', 'center', 'right']))
        .max(12)
        .optional(),
    })
    .refine((t) => t.rows.every((r) => r.length === t.columns.length), '每行的单元格数应与列数相同')
    .refine((t) => t.headerRows < t.rows.length, '表头行数应少于总行数'),
})

export const imageBlockSchema = z.object({
  kind: z.literal('image'),
  level: z.literal(0),
  text: z.string().max(200).describe('图题'),
  image: z.object({
    format: z.enum(['png', 'svg']).describe('图片格式'),
    // About 3 MB of image bytes.
    data: z
      .string()
      .max(4_000_000, '图片不能超过 3 MB')
      .regex(/^[A-Za-z0-9+/=\s]*$/, '应为 Base64 编码')
      .describe('图片'),
    widthMm: z.number().positive().max(156).describe('图片宽度'),
    heightMm: z.number().positive().max(225).describe('图片高度'),
    fallbackPng: z
      .string()
      .max(4_000_000, '图片不能超过 3 MB')
      .regex(/^[A-Za-z0-9+/=\s]*$/, '应为 Base64 编码')
      .optional()
      .describe('SVG 的 PNG 替代图'),
  }),
})

/** A block of 正文: a paragraph (old content: no `kind`), a table or an image. */
export const bodyBlockSchema = z.discriminatedUnion('kind', [paragraphBlockSchema, tableBlockSchema, imageBlockSchema])

export const attachmentSchema = z.object({
  title: textField('附件标题', { min: 1, max: 200 }),
  body: z.array(bodyBlockSchema).max(MAX_PARAGRAPHS).describe('附件正文'),
})

/** Every character the document holds, counted once (for the whole-document limit). */
export function documentCharCount(c: DocumentContent): number {
  const cells = (b: { table?: { rows: string[][] } }) =>
    b.table ? b.table.rows.reduce((n, r) => n + r.reduce((m, cell) => m + cell.length, 0), 0) : 0
  const blocks = (list: { text: string; table?: { rows: string[][] } }[]) => list.reduce((n, b) => n + b.text.length + cells(b), 0)
  return (
    c.title.length +
    c.recipients.length +
    c.ccRecipients.length +
    blocks(c.body) +
    c.attachments.reduce((n, a) => n + a.title.length + blocks(a.body), 0) +
    c.attendance.present.length +
    c.attendance.absent.length +
    c.attendance.observers.length
  )
}

/** The document content as the composer saves it; limits keep a runaway paste out of the database. */
export const documentContentSchema = z
  .object({
    version: z.number().int().min(1).max(CONTENT_VERSION).default(CONTENT_VERSION).describe('内容版本'),
    copyNumber: z
      .string()
      .overwrite((v) => v.trim())
      .regex(/^(\d{6})?$/, '应为6位数字')
      .describe('份号'),
    secrecy: line('密级和保密期限', 20),
    urgency: z.enum(URGENCIES).describe('紧急程度'),
    mastheadOrgs: orgList('发文机关'),
    mastheadSuffix: line('发文机关标志后缀', 10),
    docNumber: line('发文字号', 40),
    signers: z
      .array(textField('签发人', { min: 1, max: 20 }))
      .max(6)
      .describe('签发人'),
    title: line('标题', 200),
    recipients: line('主送机关', 500),
    body: z.array(bodyBlockSchema).max(MAX_PARAGRAPHS).describe('正文'),
    attachments: z.array(attachmentSchema).max(30).describe('附件'),
    signatureOrgs: orgList('发文机关署名'),
    signedDate: calendarDateField('成文日期', { optional: true }),
    publicityNote: z.enum(PUBLICITY_NOTES).describe('附注'),
    ccRecipients: line('抄送机关', 500),
    printingOrg: line('印发机关', 60),
    printedDate: calendarDateField('印发日期', { optional: true }),
    attendance: z
      .object({
        present: line('出席', 500),
        absent: line('请假', 500),
        observers: line('列席', 500),
      })
      .describe('出席人员'),
    itemNumbering: z.enum(ITEM_NUMBERINGS).default('perSection').describe('条目编号方式'),
    contactNote: line('附注（联系人）', 100).default(''),
    attachmentsIssued: z.boolean().default(false).describe('随文印发'),
  })
  .check((ctx) => {
    const chars = documentCharCount(ctx.value as DocumentContent)
    if (chars > MAX_DOCUMENT_CHARS) {
      ctx.issues.push({
        code: 'custom',
        input: chars,
        message: `全文不能超过${MAX_DOCUMENT_CHARS / 10_000}万字（现有约${Math.round(chars / 10_000)}万字），请删减或分成几份公文`,
      })
    }
  })
  .describe('公文内容') satisfies z.ZodType<DocumentContent>

export const documentKindSchema = z.enum(DOCUMENT_KINDS).describe('文种')
export const documentFormatSchema = z.enum(DOCUMENT_FORMATS).describe('版式')
