import { z } from 'zod'
import { documentContentSchema, documentFormatSchema, documentKindSchema } from '../documents/documentSchema'
import { DOCUMENT_STATUSES, type DocumentRecord, type DocumentTemplate } from '../documents/records'
import { DOCUMENT_SORTS, type DocumentPage } from '../documents/search'
import type { JobStarted } from '../jobs/types'
import { calendarDateField, textField, yearField } from '../validation/fields'
import { channel } from './define'

const id = z.number().int().positive().describe('公文编号')

export const documentsContract = {
  'documents.templates': channel<DocumentTemplate[]>()('读取公文模板', z.object({}).strict()),
  /** One page of the list: filters, full-text query (ranked, with snippets), order, total count. */
  'documents.list': channel<DocumentPage>()(
    '查询公文',
    z
      .object({
        query: textField('搜索词', { max: 100 }).default(''),
        year: yearField().optional(),
        seriesId: z.number().int().positive().optional().describe('文号系列'),
        kind: documentKindSchema.optional(),
        status: z.enum(DOCUMENT_STATUSES).optional().describe('状态'),
        page: z.number().int().min(1).max(100000).optional().describe('页码'),
        pageSize: z.number().int().min(1).max(100).optional().describe('每页条数'),
        sort: z.enum(DOCUMENT_SORTS).optional().describe('排序'),
        order: z.enum(['asc', 'desc']).optional().describe('排序方向'),
      })
      .strict(),
  ),
  'documents.get': channel<DocumentRecord>()('读取公文', z.object({ id }).strict()),
  'documents.create': channel<DocumentRecord>()('新建公文', z.object({ templateKey: textField('模板', { min: 1, max: 40 }) }).strict()),
  'documents.save': channel<DocumentRecord>()(
    '保存公文',
    z
      .object({
        id,
        kind: documentKindSchema,
        format: documentFormatSchema,
        seriesId: z.number().int().positive().nullable().describe('文号系列'),
        content: documentContentSchema,
      })
      .strict(),
  ),
  'documents.sign': channel<DocumentRecord>()(
    '签发公文',
    z
      .object({
        id,
        /** Use this reserved number instead of the next one. */
        reservedNumberId: z.number().int().positive().optional().describe('预留文号'),
      })
      .strict(),
  ),
  'documents.markPrinted': channel<DocumentRecord>()(
    '印发公文',
    z.object({ id, printedDate: calendarDateField('印发日期').optional() }).strict(),
  ),
  'documents.returnForEdit': channel<DocumentRecord>()(
    '退回修改',
    z
      .object({
        id,
        reason: textField('退回原因', { min: 2, max: 200 }),
        by: textField('经办人', { min: 1, max: 20 }),
      })
      .strict(),
  ),
  'documents.revise': channel<DocumentRecord>()('创建更正版本', z.object({ id }).strict()),
  'documents.duplicate': channel<DocumentRecord>()('复制为新公文', z.object({ id }).strict()),
  'documents.delete': channel<{ id: number }>()('删除草稿', z.object({ id }).strict()),
  /** A job; its result is an OutputFile (shared/files/types.ts) for the door to deliver. */
  'documents.exportDocx': channel<JobStarted>()('导出 Word 文件', z.object({ id }).strict()),
}
