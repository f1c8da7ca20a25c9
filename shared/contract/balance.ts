import { z } from 'zod'
import type { CountyFigureKey } from '../balance/countyFigures'
import { COUNTY_FIGURES } from '../balance/importFields'
import type { BalanceCountyYear } from '../balance/types'
import type { BalanceSchoolPage, BalanceTrendPoint, BalanceYearView } from '../balance/dashboard'
import type { balanceIndicatorsJson } from '../balance/evaluateBalance'
import type { OutputFile } from '../files/types'
import { fileRef } from '../files/types'
import type { ImportCommitResult, ImportPreview } from '../imports/types'
import { IMPORT_TOKEN_PATTERN } from '../imports/types'
import type { PrintBlock } from '../print/blocks'
import type { Judgement } from '../rubrics/evaluate'
import { variantSpecInput } from '../rubrics/variants'
import type { JobStarted } from '../jobs/types'
import { channel } from './define'

const year = z.number().int().min(1949).max(2100).describe('统计年度')
const count = z.number().int('应为整数').min(0, '不能小于0').max(100_000_000, '数值过大')

/** The JSON `balance indicators --year Y --json` prints (issue 12; balanceIndicatorsJson). */
export type BalanceIndicatorsJson = ReturnType<typeof balanceIndicatorsJson>

/** The import preview plus the years the file covers. */
export type BalanceImportPreview = ImportPreview & { years: number[] }

/** 义务教育优质均衡: import, indicators, dashboard, judged items. */
export const balanceContract = {
  'balance.template': channel<OutputFile>()('下载义务教育优质均衡导入模板', z.object({}).strict()),
  'balance.export': channel<OutputFile>()('导出义务教育学校数据', z.object({ year: year.optional() }).strict()),
  'balance.importCheck': channel<BalanceImportPreview>()(
    '检查义务教育学校数据文件',
    z.object({ file: fileRef('导入文件'), year: year.optional() }).strict(),
  ),
  'balance.importCheckJob': channel<JobStarted>()(
    '后台检查义务教育学校数据文件',
    z.object({ file: fileRef('导入文件'), year: year.optional() }).strict(),
  ),
  'balance.importCommit': channel<ImportCommitResult>()(
    '导入义务教育学校数据',
    z.object({ token: z.string().regex(IMPORT_TOKEN_PATTERN, '导入凭据无效，请重新检查文件').describe('导入凭据') }).strict(),
  ),
  'balance.indicators': channel<BalanceIndicatorsJson>()('计算义务教育优质均衡指标', z.object({ year }).strict()),
  'balance.report': channel<OutputFile>()('生成义务教育优质均衡自评报告', z.object({ year }).strict()),
  'balance.reportBlocks': channel<{ title: string; blocks: PrintBlock[] }>()('预览义务教育优质均衡自评报告', z.object({ year }).strict()),
  'balance.view': channel<BalanceYearView | null>()('读取义务教育优质均衡年度情况', z.object({ year: year.optional() }).strict()),
  'balance.school': channel<BalanceSchoolPage>()(
    '读取义务教育学校历年指标',
    z.object({ institutionId: z.number().int().positive().describe('学校') }).strict(),
  ),
  'balance.trend': channel<BalanceTrendPoint[]>()('读取义务教育优质均衡历年差异系数', z.object({}).strict()),
  'balance.chooseRubric': channel<{ year: number; rubricId: string }>()(
    '选择优质均衡年度适用的指标体系',
    z.object({ year, rubricId: z.string().min(1).max(80).describe('指标体系') }).strict(),
  ),
  'balance.saveVariant': channel<{ id: string; name: string }>()('保存优质均衡地方标准', variantSpecInput),
  'balance.saveCounty': channel<BalanceCountyYear>()(
    '保存全县优质均衡数据',
    z
      .object({
        year,
        figures: z
          .object(
            Object.fromEntries(
              COUNTY_FIGURES.map((f) => [
                f.key,
                z
                  .object({
                    numerator: count.nullable().describe(f.numerator.label),
                    denominator: count.nullable().describe(f.denominator.label),
                  })
                  .strict()
                  .nullable()
                  .optional()
                  .describe(f.item),
              ]),
            ) as Record<
              CountyFigureKey,
              z.ZodOptional<
                z.ZodNullable<z.ZodObject<{ numerator: z.ZodNullable<typeof count>; denominator: z.ZodNullable<typeof count> }>>
              >
            >,
          )
          .strict()
          .describe('全县数据'),
      })
      .strict(),
  ),
  'balance.judge': channel<Judgement>()(
    '评定优质均衡指标',
    z
      .object({
        year,
        itemKey: z.string().min(1).max(60).describe('指标'),
        status: z.enum(['met', 'partlyMet', 'notMet']).describe('评定结果'),
        note: z.string().trim().max(2000).default('').describe('说明'),
        evidence: z.array(z.string().max(200)).max(50).default([]).describe('佐证材料'),
        addFiles: z.array(fileRef('佐证材料')).max(20).default([]),
      })
      .strict(),
  ),
}
