import { z } from 'zod'
import { parseChineseDate } from './chineseDate'
import { DOCUMENT_FORMATS, DOCUMENT_KINDS, ITEM_NUMBERINGS, PUBLICITY_NOTES, URGENCIES, type DocumentContent } from './types'

// A real calendar date or '': the preview and the .docx refuse to print any other (chineseDateOrBlank).
const isoDate = (label: string) =>
  z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, '应为日期（年-月-日）')
    .refine((v) => v === '' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || parseChineseDate(v) === v, '不是有效的日期')
    .describe(label)

const line = (label: string, max: number) => z.string().trim().max(max).describe(label)
const orgList = (label: string) => z.array(z.string().trim().min(1).max(60).describe(label)).max(10).describe(label)

export const bodyBlockSchema = z.object({
  level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).describe('段落层级'),
  text: z.string().max(20_000).describe('段落'),
})

export const attachmentSchema = z.object({
  title: line('附件标题', 200).min(1),
  body: z.array(bodyBlockSchema).max(5_000).describe('附件正文'),
})

/** The document content as the composer saves it; limits keep a runaway paste out of the database. */
export const documentContentSchema = z.object({
  copyNumber: z.string().regex(/^(\d{6})?$/, '应为6位数字').describe('份号'),
  secrecy: line('密级和保密期限', 20),
  urgency: z.enum(URGENCIES).describe('紧急程度'),
  mastheadOrgs: orgList('发文机关'),
  mastheadSuffix: line('发文机关标志后缀', 10),
  docNumber: line('发文字号', 40),
  signers: z.array(z.string().trim().min(1).max(20).describe('签发人')).max(6).describe('签发人'),
  title: line('标题', 200),
  recipients: line('主送机关', 500),
  body: z.array(bodyBlockSchema).max(5_000).describe('正文'),
  attachments: z.array(attachmentSchema).max(30).describe('附件'),
  signatureOrgs: orgList('发文机关署名'),
  signedDate: isoDate('成文日期'),
  publicityNote: z.enum(PUBLICITY_NOTES).describe('附注'),
  ccRecipients: line('抄送机关', 500),
  printingOrg: line('印发机关', 60),
  printedDate: isoDate('印发日期'),
  attendance: z.object({
    present: line('出席', 500),
    absent: line('请假', 500),
    observers: line('列席', 500),
  }),
  itemNumbering: z.enum(ITEM_NUMBERINGS).default('perSection').describe('条目编号方式'),
  contactNote: line('附注（联系人）', 100).default(''),
  attachmentsIssued: z.boolean().default(false).describe('随文印发'),
}) satisfies z.ZodType<DocumentContent>

export const documentKindSchema = z.enum(DOCUMENT_KINDS).describe('文种')
export const documentFormatSchema = z.enum(DOCUMENT_FORMATS).describe('版式')
