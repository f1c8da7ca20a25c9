import { z } from 'zod'
import type { OutputFile } from '../files/types'
import { fileRef } from '../files/types'
import type { ImportCommitResult, ImportPreview } from '../imports/types'
import { IMPORT_TOKEN_PATTERN } from '../imports/types'
import type { Institution } from '../institutions/types'
import type { KindergartenPage, PreschoolTrendPoint, PreschoolYearView } from '../preschool/dashboard'
import type { TraceLine } from '../preschool/trace'
import type { PrintBlock } from '../print/blocks'
import type { ReportSections } from '../preschool/report'
import type { Judgement } from '../rubrics/evaluate'
import { variantSpecInput } from '../rubrics/variants'
import type { JobStarted } from '../jobs/types'
import { channel } from './define'

const year = z.number().int().min(1949).max(2100).describe('统计年度')

/** The JSON `preschool indicators --json` prints (issue 11). */
export interface PreschoolIndicatorsJson {
  year: number
  rubric: { id: string; version: string }
  indicators: {
    key: string
    name: string
    numerator: number | null
    denominator: number | null
    value: number | null
    display: string
    threshold: number | null
    comparator: string | null
    status: 'met' | 'notMet' | 'noData' | 'judged'
  }[]
}

/** The import preview plus the years the file covers and the kindergartens it drops. */
export type PreschoolImportPreview = ImportPreview & {
  years: number[]
  dropped: { institutionId: number; name: string; statYear: number }[]
}

/** 学前教育: import, indicators, dashboard, judged items, rubric choice. */
export const preschoolContract = {
  'preschool.template': channel<OutputFile>()('下载学前教育导入模板', z.object({}).strict()),
  'preschool.export': channel<OutputFile>()('导出学前教育数据', z.object({ year: year.optional() }).strict()),
  'preschool.importCheck': channel<PreschoolImportPreview>()(
    '检查学前教育数据文件',
    z.object({ file: fileRef('导入文件'), year: year.optional() }).strict(),
  ),
  'preschool.importCheckJob': channel<JobStarted>()(
    '后台检查学前教育数据文件',
    z.object({ file: fileRef('导入文件'), year: year.optional() }).strict(),
  ),
  'preschool.importCommit': channel<ImportCommitResult>()(
    '导入学前教育数据',
    z
      .object({
        token: z.string().regex(IMPORT_TOKEN_PATTERN, '导入凭据无效，请重新检查文件').describe('导入凭据'),
        closeIds: z.array(z.number().int().positive()).max(5000).default([]).describe('标为停办的幼儿园'),
      })
      .strict(),
  ),
  'preschool.indicators': channel<PreschoolIndicatorsJson>()('计算学前教育指标', z.object({ year }).strict()),
  'preschool.report': channel<{ title: string; blocks: PrintBlock[]; sections: ReportSections; generatedProblems: string[] }>()(
    '预览自评报告',
    z.object({ year }).strict(),
  ),
  'preschool.saveReport': channel<ReportSections>()(
    '保存自评报告文字',
    z
      .object({
        year,
        sections: z
          .object({
            basic: z.string().max(20000).default('').describe('基本情况（补充）'),
            practices: z.string().max(50000).default('').describe('主要做法和成效'),
            problems: z.string().max(20000).default('').describe('存在的问题'),
            nextSteps: z.string().max(20000).default('').describe('下一步工作'),
          })
          .strict(),
      })
      .strict(),
  ),
  'preschool.reportDocx': channel<OutputFile>()('生成自评报告（Word）', z.object({ year }).strict()),
  'preschool.trace': channel<TraceLine[]>()('查看指标计算明细', z.object({ year }).strict()),
  'preschool.population': channel<{ year: number; agePopulation: number | null }>()(
    '设置3–5周岁常住人口',
    z
      .object({
        year,
        count: z.number().int().min(1).max(10_000_000).nullable().describe('3–5周岁常住人口'),
        byTownship: z.record(z.string().trim().min(1).max(40), z.number().int().min(0).max(10_000_000)).optional().describe('分乡镇人口'),
      })
      .strict(),
  ),
  'preschool.view': channel<PreschoolYearView | null>()('读取学前教育年度情况', z.object({ year: year.optional() }).strict()),
  'preschool.trend': channel<PreschoolTrendPoint[]>()('读取学前教育历年指标', z.object({}).strict()),
  'preschool.kindergarten': channel<KindergartenPage>()(
    '读取幼儿园历年数据',
    z.object({ institutionId: z.number().int().positive().describe('幼儿园') }).strict(),
  ),
  'preschool.kindergartens': channel<Institution[]>()('读取幼儿园名录', z.object({}).strict()),
  'preschool.judge': channel<Judgement>()(
    '评定指标',
    z
      .object({
        year,
        itemKey: z.string().min(1).max(60).describe('指标'),
        status: z.enum(['met', 'partlyMet', 'notMet']).describe('评定结果'),
        note: z.string().trim().max(2000).default('').describe('说明'),
        /** evidence already stored (names) to keep */
        evidence: z.array(z.string().max(200)).max(50).default([]).describe('佐证材料'),
        /** new evidence files to store in the database (with the judgement; backups carry them) */
        addFiles: z.array(fileRef('佐证材料')).max(20).default([]),
      })
      .strict(),
  ),
  'preschool.chooseRubric': channel<{ year: number; rubricId: string }>()(
    '选择年度适用的指标体系',
    z.object({ year, rubricId: z.string().min(1).max(80).describe('指标体系') }).strict(),
  ),
  'preschool.saveVariant': channel<{ id: string; name: string }>()('保存指标体系变体', variantSpecInput),
}
