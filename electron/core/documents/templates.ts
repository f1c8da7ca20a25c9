import distributionNotice from '../../../seeds/templates/distribution-notice.json'
import letter from '../../../seeds/templates/letter.json'
import minutes from '../../../seeds/templates/minutes.json'
import rectificationNotice from '../../../seeds/templates/rectification-notice.json'
import report from '../../../seeds/templates/report.json'
import request from '../../../seeds/templates/request.json'
import supervisionBulletin from '../../../seeds/templates/supervision-bulletin.json'
import supervisionNotice from '../../../seeds/templates/supervision-notice.json'
import urgingNotice from '../../../seeds/templates/urging-notice.json'
import { z } from 'zod'
import { attachmentSchema, bodyBlockSchema, documentFormatSchema, documentKindSchema } from '../../../shared/documents/documentSchema'
import type { DocumentTemplate } from '../../../shared/documents/records'
import type { BodyBlock, DocumentContent, DocumentFormat, DocumentKind } from '../../../shared/documents/types'
import type { Office } from '../../../shared/office/office'

/** A template file under seeds/templates/: content fields with {office} {county} {year} {superior} {contact} {phone} placeholders. */
const templateFileSchema = z.object({
  key: z.string(),
  name: z.string(),
  kind: documentKindSchema,
  format: documentFormatSchema,
  order: z.number(),
  description: z.string(),
  content: z.object({
    title: z.string(),
    recipients: z.string(),
    body: z.array(bodyBlockSchema),
    attachments: z.array(attachmentSchema.extend({ body: z.array(bodyBlockSchema) })),
    publicityNote: z.string(),
    mastheadSuffix: z.string().optional(),
    contactNote: z.string().optional(),
    attachmentsIssued: z.boolean().optional(),
    attendance: z.object({ present: z.string(), absent: z.string(), observers: z.string() }).optional(),
  }),
})
type TemplateFile = z.infer<typeof templateFileSchema>

const TEMPLATES: TemplateFile[] = [
  distributionNotice,
  supervisionNotice,
  supervisionBulletin,
  rectificationNotice,
  urgingNotice,
  letter,
  request,
  report,
  minutes,
]
  .map((t) => templateFileSchema.parse(t))
  .sort((a, b) => a.order - b.order)

export function listTemplates(): DocumentTemplate[] {
  return TEMPLATES.map(({ key, name, kind, format, description }) => ({ key, name, kind, format, description }))
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(office|county|year|superior|contact|phone)\}/g, (_, k: string) => values[k] ?? '')
}

/** A new document's kind, format and content from a template, with the office's data filled in. */
export function instantiateTemplate(
  key: string,
  office: Office,
  today: string,
): { kind: DocumentKind; format: DocumentFormat; content: DocumentContent } | null {
  const t = TEMPLATES.find((x) => x.key === key)
  if (!t) return null
  const values = {
    office: office.fullName,
    county: office.county,
    year: today.slice(0, 4),
    superior: office.superior,
    contact: office.contactName || '××',
    phone: office.contactPhone || '××',
  }
  // Paragraphs, and tables (a 问题清单 学校 | 问题 | 整改期限) with their caption and every cell filled in.
  const blocks = (list: TemplateFile['content']['body']): BodyBlock[] =>
    list.map((b): BodyBlock => {
      if (b.kind === 'table')
        return {
          ...b,
          text: fill(b.text, values),
          table: { ...b.table, rows: b.table.rows.map((r) => r.map((cell) => fill(cell, values))) },
        }
      if (b.kind === 'image') return { ...b, text: fill(b.text, values) }
      return { level: b.level, text: fill(b.text, values) }
    })
  const suffix = t.content.mastheadSuffix ?? '文件'
  // The office's own 发文机关标志 text when it is the ordinary "name + 文件" form.
  const mastheadOrg = suffix === '文件' && office.mastheadText.endsWith('文件') ? office.mastheadText.slice(0, -2) : office.fullName
  return {
    kind: t.kind,
    format: t.format,
    content: {
      copyNumber: '',
      secrecy: '',
      urgency: '',
      mastheadOrgs: [mastheadOrg],
      mastheadSuffix: suffix,
      docNumber: '',
      signers: [],
      title: fill(t.content.title, values),
      recipients: fill(t.content.recipients, values),
      body: blocks(t.content.body),
      attachments: t.content.attachments.map((a) => ({ title: fill(a.title, values), body: blocks(a.body) })),
      signatureOrgs: t.format === 'minutes' ? [] : [office.fullName],
      signedDate: today,
      publicityNote: t.content.publicityNote as DocumentContent['publicityNote'],
      ccRecipients: '',
      printingOrg: office.fullName,
      printedDate: today,
      attendance: t.content.attendance ?? { present: '', absent: '', observers: '' },
      itemNumbering: 'perSection',
      contactNote: fill(t.content.contactNote ?? '', values),
      attachmentsIssued: t.content.attachmentsIssued ?? false,
    },
  }
}
