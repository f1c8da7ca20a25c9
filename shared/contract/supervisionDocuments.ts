import { z } from 'zod'
import type { DocumentRecord } from '../documents/records'
import type { BulletinFigures, BulletinPractice, BulletinProblem } from '../supervision/documents/bulletin'
import { NUMBERED_KINDS, type NumberingRule } from '../supervision/documents/numbering'
import { calendarDateField, textField } from '../validation/fields'
import { channel } from './define'

const id = (label: string) => z.number().int().positive().describe(label)
const month = z
  .string()
  .regex(/^(19[5-9]\d|20\d\d|2100)-(0[1-9]|1[0-2])$/, '月份应写成 年-月，如 2025-03')
  .describe('月份')
const term = z
  .string()
  .regex(/^(19[5-9]\d|20\d\d|2100)-(autumn|spring)$/, '学期应写成 年-autumn（秋季学期）或 年-spring（春季学期），如 2025-spring')
  .describe('学期')
const signedDate = calendarDateField('成文日期').optional()
const days = (label: string, fallback: number) => z.number().int().min(1).max(90).default(fallback).describe(label)

/** The period of a 督导通报: a month or a term (exactly one). */
const periodInput = z
  .object({ month: month.optional(), term: term.optional() })
  .refine((p) => (p.month === undefined) !== (p.term === undefined), { message: '请指定月份或学期（二选一）', path: ['month'] })

/** A 督办单 proposal: an overdue ledger entry that has no live 督办单 yet. */
/**
 * How a document generated from the 问题台账 is numbered at 签发: `serial` — the office's own 编号 for its kind
 * (taken by supervisionDocuments.sign; `next` is the 编号 it would get now, or the one it keeps after 退回修改);
 * `series` — a 发文字号 of the register (documents.sign), after which supervisionDocuments.issued moves its entries.
 */
export interface DocumentNumbering {
  mode: 'serial' | 'series'
  /** 整改通知书 / 督办单 / 督导通报 / 月度督导通知 */
  kindLabel: string
  next: string | null
}

export interface UrgingProposal {
  entryId: number
  code: string
  institutionId: number
  institution: string
  description: string
  /** The passed 整改时限, ISO. */
  deadline: string
  overdueDays: number
  /** The entry's latest live 整改通知书, named on the 督办单; null when it was never sent one. */
  notice: { documentId: number; title: string; number: string; date: string } | null
}

/** What a 督导通报 is drafted from: the computed figures, the problems and the good practice of the period. */
export interface BulletinData {
  figures: BulletinFigures
  theme: string
  noticeTitle: string
  problems: BulletinProblem[]
  practices: BulletinPractice[]
  /** The ledger entries the 通报 lists (linked to it as 督导通报). */
  entryIds: number[]
}

export const supervisionDocumentsContract = {
  'supervisionDocuments.rules': channel<NumberingRule[]>()('读取整改通知书和督办单的编号规则', z.object({}).strict()),
  'supervisionDocuments.saveRule': channel<NumberingRule>()(
    '保存编号规则',
    z
      .object({
        kind: z.enum(NUMBERED_KINDS).describe('文书种类'),
        mode: z.enum(['serial', 'series']).describe('编号方式'),
        pattern: textField('编号格式', { max: 30 }).default(''),
        seriesId: id('文号系列').optional(),
      })
      .strict(),
  ),
  'supervisionDocuments.monthlyNotice': channel<DocumentRecord>()('生成月度督导通知', z.object({ month, signedDate }).strict()),
  'supervisionDocuments.rectificationNotice': channel<DocumentRecord>()(
    '生成整改通知书',
    z
      .object({
        entryIds: z.array(id('台账条目')).min(1, '请至少选择一个问题').max(50),
        /** When given (the command line's --institution), every entry must belong to the institution of this name. */
        institution: textField('学校名称', { min: 1, max: 100 }).optional(),
        reportWithinDays: days('整改报告报送期限（日）', 7),
        signedDate,
      })
      .strict(),
  ),
  'supervisionDocuments.urgingProposals': channel<UrgingProposal[]>()(
    '列出应发督办单的逾期问题',
    z.object({ today: calendarDateField('日期').optional() }).strict(),
  ),
  'supervisionDocuments.urgingNotice': channel<DocumentRecord>()(
    '生成督办单',
    z.object({ entryId: id('台账条目'), replyDays: days('办理期限（日）', 10), signedDate }).strict(),
  ),
  'supervisionDocuments.urgeAll': channel<DocumentRecord[]>()(
    '为每个逾期问题生成督办单',
    z.object({ replyDays: days('办理期限（日）', 10), signedDate }).strict(),
  ),
  'supervisionDocuments.bulletinData': channel<BulletinData>()('计算督导通报的数据', periodInput),
  'supervisionDocuments.bulletin': channel<DocumentRecord>()(
    '生成督导通报',
    z
      .object({
        month: month.optional(),
        term: term.optional(),
        groupBy: z.enum(['matter', 'institution']).default('matter').describe('存在问题的归类方式'),
        nameInstitutions: z.boolean().default(false).describe('是否点名学校'),
        reportWithinDays: days('整改报告报送期限（日）', 10),
        signedDate,
      })
      .strict()
      .refine((p) => (p.month === undefined) !== (p.term === undefined), { message: '请指定月份或学期（二选一）', path: ['month'] }),
  ),
  'supervisionDocuments.numberingOf': channel<DocumentNumbering | null>()(
    '一份公文是否由问题台账生成、按何种规则编号（公文编辑页签发前询问）',
    z.object({ id: id('公文') }).strict(),
  ),
  'supervisionDocuments.sign': channel<DocumentRecord>()('签发（按本室编号规则取编号）', z.object({ id: id('公文') }).strict()),
  'supervisionDocuments.issued': channel<{ changed: number }>()(
    '登记整改通知书或督办单已发出（问题台账记为已发整改通知 / 已督办）',
    z.object({ id: id('公文') }).strict(),
  ),
  'supervisionDocuments.void': channel<DocumentRecord>()(
    '作废编号',
    z
      .object({
        id: id('公文'),
        reason: textField('作废原因', { min: 2, max: 200 }),
        by: textField('经办人', { min: 1, max: 20 }),
      })
      .strict(),
  ),
}
