import { z } from 'zod'
import type { Institution } from '../institutions/types'
import type { OutputFile } from '../files/types'
import type { ImportCommitResult, ImportPreview } from '../imports/types'
import { IMPORT_TOKEN_PATTERN } from '../imports/types'
import type { AnnualPlan, Inspector, LedgerRow, PeriodFigures, SupervisionItem, SupervisionSettings, Zone } from '../supervision/types'
import { DOCUMENT_ROLES, INSPECTOR_KINDS, LEDGER_SOURCES, PROBLEM_LEVELS, VISIT_METHODS } from '../supervision/types'
import { calendarDateField, textField, yearField } from '../validation/fields'
import { fileRef } from '../files/types'
import type { InspectorSummary, InstitutionSummary, MonthBoard, SupervisionCharts, VisitRow } from '../supervision/views'
import { channel } from './define'

export type { VisitRow } from '../supervision/views'

const id = (label: string) => z.number().int().positive().describe(label)
const date = (label: string) => calendarDateField(label)
const optionalDate = (label: string) => calendarDateField(label, { optional: true })
const month = z
  .string()
  .regex(/^(19[5-9]\d|20\d\d|2100)-(0[1-9]|1[0-2])$/, '月份应写成 年-月，如 2025-03')
  .describe('月份')
const itemKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, '督导事项编码只能用字母、数字、下划线')
  .describe('督导事项')
const level = z.enum(PROBLEM_LEVELS as [string, ...string[]]).describe('处理级别')
const ledgerStatus = z.enum(['pending', 'notified', 'reported', 'verified', 'closed']).describe('状态')

/** Input of `supervision.saveInspector` (no id = new). */
export const inspectorInput = z
  .object({
    id: id('督学').optional(),
    name: textField('姓名', { min: 1, max: 40 }),
    kind: z.enum(INSPECTOR_KINDS as [string, ...string[]]).describe('专兼职'),
    unit: textField('工作单位', { max: 100 }).default(''),
    phone: textField('联系电话', { max: 40 }).default(''),
    activeFrom: yearField('聘任起始年度'),
    activeTo: yearField('聘任截止年度').nullable().default(null),
    note: textField('备注', { max: 500 }).default(''),
  })
  .strict()

/** Input of `supervision.saveZone` (no id = new): a 责任区 of a year with its 责任督学 and institutions. */
export const zoneInput = z
  .object({
    id: id('责任区').optional(),
    year: yearField('年度'),
    name: textField('责任区名称', { min: 1, max: 40 }),
    inspectorId: id('责任督学'),
    institutionIds: z.array(id('学校')).max(200).default([]),
    note: textField('备注', { max: 500 }).default(''),
  })
  .strict()

const planMonth = z
  .object({
    month: z.number().int().min(1).max(12).describe('月份'),
    theme: textField('月主题', { max: 60 }).default(''),
    topics: z
      .array(textField('督导要点', { min: 1, max: 200 }))
      .max(30)
      .default([]),
    note: textField('备注', { max: 500 }).default(''),
  })
  .strict()

/** Input of `supervision.savePlan`: the whole 年度计划 of a year. */
export const planInput = z
  .object({
    year: yearField('年度'),
    standingChecklist: z
      .array(textField('常规检查项', { min: 1, max: 200 }))
      .max(50)
      .default([]),
    months: z.array(planMonth).max(12).default([]),
  })
  .strict()

/** Input of `supervision.saveSettings` (all fields; the screen sends the whole object back). */
export const settingsInput = z
  .object({
    noticeDay: z.number().int().min(1).max(28).describe('月度督导通知日'),
    bulletinDay: z.number().int().min(1).max(28).describe('督导通报日'),
    requirement: z
      .object({ per: z.enum(['month', 'term']).describe('入校要求周期'), count: z.number().int().min(0).max(20).describe('入校次数') })
      .strict(),
    recordDays: z.number().int().min(0).max(30).describe('督导记录填报时限（天）'),
    rectifyDays: z.number().int().min(1).max(365).describe('默认整改时限（天）'),
    autumnTermStartMonth: z.number().int().min(1).max(12).describe('秋季学期开始月份'),
    springTermStartMonth: z.number().int().min(1).max(12).describe('春季学期开始月份'),
  })
  .strict()

/** Input of `supervision.saveItems`: the whole 督导事项 list, in order. */
export const itemsInput = z
  .object({
    items: z
      .array(
        z
          .object({
            key: itemKey,
            title: textField('督导事项', { min: 1, max: 60 }),
            description: textField('说明', { max: 500 }).default(''),
            active: z.boolean().default(true),
          })
          .strict(),
      )
      .min(1, '至少保留一项督导事项')
      .max(30),
  })
  .strict()

const findingInput = z
  .object({
    description: textField('发现的问题', { min: 1, max: 1000 }),
    itemKey: itemKey.nullable().default(null),
    level: level.default('一般问题'),
    suggestion: textField('整改意见', { max: 1000 }).default(''),
    /** the ledger entry this finding became, as read; kept when the visit is saved again */
    entryId: id('问题').nullable().default(null),
  })
  .strict()

/** Input of `supervision.saveVisit` (no id = new). Attachments kept are named; new ones come as files. */
export const visitInput = z
  .object({
    id: id('督导记录').optional(),
    date: date('督导日期'),
    inspectorId: id('责任督学'),
    companionIds: z.array(id('随同督学')).max(10).default([]),
    institutionId: id('学校'),
    theme: textField('督导主题', { max: 60 }).default(''),
    itemKeys: z.array(itemKey).max(30).default([]),
    methods: z
      .partialRecord(z.enum(VISIT_METHODS as [string, ...string[]]), z.number().int().min(0).max(999))
      .default({})
      .describe('督导方式'),
    findings: z.array(findingInput).max(50).default([]),
    goodPractice: textField('好的做法', { max: 4000 }).default(''),
    opinion: textField('整改意见', { max: 4000 }).default(''),
    schoolSigned: z.boolean().default(false),
    keepAttachments: z.array(z.string().max(200)).max(50).optional(),
    addFiles: z.array(fileRef('附件')).max(20).default([]),
  })
  .strict()

/** Filters of `supervision.visits`. */
export const visitQuery = z
  .object({
    year: yearField('年度').optional(),
    month: month.optional(),
    from: date('起始日期').optional(),
    to: date('截止日期').optional(),
    institutionId: id('学校').optional(),
    inspectorId: id('督学').optional(),
  })
  .strict()

/** Filters, paging and sorting of `supervision.ledger`. `status`: a status, or open / overdue / done. */
export const ledgerQuery = z
  .object({
    status: z.enum(['pending', 'notified', 'reported', 'verified', 'closed', 'open', 'overdue', 'done']).optional().describe('状态'),
    overdue: z.boolean().optional(),
    institutionId: id('学校').optional(),
    inspectorId: id('督学').optional(),
    itemKey: itemKey.optional(),
    month: month.optional().describe('发现月份'),
    year: yearField('年度').optional(),
    level: level.optional(),
    visitId: id('督导记录').optional(),
    search: textField('关键词', { max: 60 }).optional(),
    sort: z.enum(['code', 'foundDate', 'deadline', 'institution', 'status', 'level']).default('foundDate'),
    order: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(50),
  })
  .strict()

/** Input of `supervision.saveEntry`: a problem entered by hand (no id) or its editable columns. */
export const entryInput = z
  .object({
    id: id('问题').optional(),
    source: z
      .enum(LEDGER_SOURCES as [string, ...string[]])
      .default('经常性督导')
      .describe('来源'),
    foundDate: date('发现日期'),
    inspectorId: id('督学').nullable().default(null),
    institutionId: id('学校'),
    itemKey: itemKey.nullable().default(null),
    monthTheme: textField('月主题', { max: 60 }).default(''),
    description: textField('问题描述', { min: 1, max: 2000 }),
    level: level.default('一般问题'),
    responsibleUnit: textField('责任单位', { max: 100 }).default(''),
    responsiblePerson: textField('责任人', { max: 40 }).default(''),
    measures: textField('整改措施', { max: 2000 }).default(''),
    deadline: optionalDate('整改时限').default(''),
  })
  .strict()

const by = textField('经办人', { max: 40 }).default('')
const note = textField('说明', { max: 2000 }).default('')

/** A month (`{ kind: 'month', key: '2025-03' }`) or a term (`{ kind: 'term', key: '2025-autumn' }`). */
export const periodInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), key: month }).strict(),
  z
    .object({
      kind: z.literal('term'),
      key: z.string().regex(/^(19[5-9]\d|20\d\d|2100)-(autumn|spring)$/, '学期应写成 2025-autumn（秋季）或 2025-spring（春季）'),
    })
    .strict(),
])

/** Input of `supervision.transition`: one step of the state machine (shared/supervision/ledger.ts). */
export const transitionInput = z.discriminatedUnion('action', [
  z.object({ id: id('问题'), action: z.literal('notify'), date: date('发出日期'), by, note }).strict(),
  z
    .object({ id: id('问题'), action: z.literal('progress'), date: date('日期'), text: textField('整改进展', { min: 1, max: 2000 }), by })
    .strict(),
  z.object({ id: id('问题'), action: z.literal('report'), date: date('整改报告日期'), by, note }).strict(),
  z
    .object({
      id: id('问题'),
      action: z.literal('review'),
      date: date('复查日期'),
      result: z.enum(['passed', 'failed']).describe('复查结果'),
      reviewer: textField('复查人', { min: 1, max: 40 }),
      note,
    })
    .strict(),
  z
    .object({
      id: id('问题'),
      action: z.literal('close'),
      date: date('销号日期'),
      basis: textField('销号依据', { max: 2000 }).default(''),
      addFiles: z.array(fileRef('销号佐证材料')).max(20).default([]),
      by,
    })
    .strict(),
  z
    .object({
      id: id('问题'),
      action: z.literal('reopen'),
      date: date('日期'),
      reason: textField('重新打开原因', { min: 1, max: 2000 }),
      by,
    })
    .strict(),
  z.object({ id: id('问题'), action: z.literal('urge'), date: date('督办日期'), by, note }).strict(),
])

/** Input of `supervision.bulkUpdate`: the same columns set on several entries (only the given ones change). */
export const bulkInput = z
  .object({
    ids: z.array(id('问题')).min(1, '请先选择问题').max(1000),
    deadline: optionalDate('整改时限').optional(),
    responsibleUnit: textField('责任单位', { max: 100 }).optional(),
    responsiblePerson: textField('责任人', { max: 40 }).optional(),
    level: level.optional(),
    itemKey: itemKey.nullable().optional(),
  })
  .strict()

/** The 责任区 of a year and the coverage gaps (institutions open that year in no zone). */
export interface ZonesView {
  year: number
  zones: (Zone & { inspectorName: string; institutionNames: string[] })[]
  gaps: Institution[]
}

/** One page of the ledger. `today` is the local date overdue was computed for. */
export interface LedgerPage {
  rows: LedgerRow[]
  total: number
  today: string
}

/** 责任督学挂牌督导: 督学, 责任区, plan, settings, visits and the 问题台账. */
export const supervisionContract = {
  'supervision.settings': channel<SupervisionSettings>()('读取挂牌督导设置', z.object({}).strict()),
  'supervision.saveSettings': channel<SupervisionSettings>()('保存挂牌督导设置', settingsInput),
  'supervision.items': channel<SupervisionItem[]>()('读取督导事项', z.object({}).strict()),
  'supervision.saveItems': channel<SupervisionItem[]>()('保存督导事项', itemsInput),
  'supervision.inspectors': channel<Inspector[]>()('读取督学名单', z.object({ year: yearField('年度').optional() }).strict()),
  'supervision.saveInspector': channel<Inspector>()('保存督学', inspectorInput),
  'supervision.deleteInspector': channel<{ deleted: boolean }>()('删除督学', z.object({ id: id('督学') }).strict()),
  'supervision.zones': channel<ZonesView>()('读取责任区', z.object({ year: yearField('年度') }).strict()),
  'supervision.saveZone': channel<ZonesView>()('保存责任区', zoneInput),
  'supervision.deleteZone': channel<ZonesView>()('删除责任区', z.object({ id: id('责任区') }).strict()),
  'supervision.plan': channel<AnnualPlan>()('读取年度督导计划', z.object({ year: yearField('年度') }).strict()),
  'supervision.savePlan': channel<AnnualPlan>()('保存年度督导计划', planInput),
  'supervision.visits': channel<VisitRow[]>()('读取督导记录', visitQuery),
  'supervision.visit': channel<VisitRow>()('读取一条督导记录', z.object({ id: id('督导记录') }).strict()),
  'supervision.saveVisit': channel<VisitRow>()('保存督导记录', visitInput),
  'supervision.deleteVisit': channel<{ deleted: boolean }>()('删除督导记录', z.object({ id: id('督导记录') }).strict()),
  'supervision.attachment': channel<OutputFile>()(
    '取回督导记录附件或销号佐证材料',
    z
      .object({
        owner: z.enum(['visit', 'entry']).describe('附件所属（visit 督导记录，entry 问题台账的销号）'),
        id: id('督导记录或问题'),
        name: z.string().min(1).max(200).describe('文件名'),
      })
      .strict(),
  ),
  'supervision.findingsToLedger': channel<LedgerRow[]>()(
    '把督导发现的问题列入问题台账',
    z
      .object({
        visitId: id('督导记录'),
        /** which findings (index on the visit); all not yet in the ledger when absent */
        indexes: z.array(z.number().int().min(0)).max(50).optional(),
        deadline: optionalDate('整改时限').optional(),
        responsibleUnit: textField('责任单位', { max: 100 }).optional(),
      })
      .strict(),
  ),
  'supervision.ledger': channel<LedgerPage>()('读取问题台账', ledgerQuery),
  'supervision.entry': channel<LedgerRow>()('读取问题详情', z.object({ id: id('问题') }).strict()),
  'supervision.saveEntry': channel<LedgerRow>()('保存问题', entryInput),
  'supervision.transition': channel<LedgerRow>()('办理问题', transitionInput),
  'supervision.bulkUpdate': channel<{ updated: number }>()('批量修改问题', bulkInput),
  'supervision.deleteEntry': channel<{ deleted: boolean }>()('删除问题', z.object({ id: id('问题') }).strict()),
  'supervision.exportLedger': channel<OutputFile>()('导出问题台账', ledgerQuery.omit({ offset: true, limit: true })),
  'supervision.figures': channel<PeriodFigures>()('计算督导统计数据', periodInput),
  'supervision.monthBoard': channel<MonthBoard>()('读取月度督导看板', z.object({ month }).strict()),
  'supervision.institution': channel<InstitutionSummary>()(
    '读取学校督导情况',
    z.object({ institutionId: id('学校'), year: yearField('年度').optional() }).strict(),
  ),
  'supervision.inspector': channel<InspectorSummary>()(
    '读取督学履职情况',
    z.object({ inspectorId: id('督学'), year: yearField('年度').optional() }).strict(),
  ),
  'supervision.charts': channel<SupervisionCharts>()('读取督导统计图', z.object({ year: yearField('年度') }).strict()),
  'supervision.recordForm': channel<OutputFile>()(
    '生成督导记录表（空白，可打印）',
    z.object({ month: month.optional().describe('月份（填入本月主题和常规检查项）') }).strict(),
  ),
  'supervision.visitTemplate': channel<OutputFile>()('下载督导记录导入模板', z.object({}).strict()),
  'supervision.visitImportCheck': channel<ImportPreview>()('检查督导记录文件', z.object({ file: fileRef('导入文件') }).strict()),
  'supervision.visitImportCommit': channel<ImportCommitResult>()(
    '导入督导记录',
    z.object({ token: z.string().regex(IMPORT_TOKEN_PATTERN, '导入凭据无效，请重新检查文件').describe('导入凭据') }).strict(),
  ),
}

/** The roles a document can play for an entry (for svdocs' inputs). */
export const documentRole = z.enum(DOCUMENT_ROLES as [string, ...string[]]).describe('文书类别')
export const ledgerStatusSchema = ledgerStatus
