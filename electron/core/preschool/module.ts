import type { ChannelName, Handlers } from '../../../shared/contract'
import type { PreschoolImportPreview } from '../../../shared/contract/preschool'
import { CliError, yearOption } from '../cli/command'
import { saveWithEvidence } from '../evidence/evidenceInputs'
import { fileStore } from '../files/fileStore'
import { importCheck, importCheckJob, importCommit } from '../imports/importSession'
import { statisticsCommands } from '../imports/statisticsCommands'
import { getInstitution, listInstitutions } from '../institutions/institutionRepository'
import { defineModule } from '../module'
import type { Workspace } from '../workspace'
import { preschoolImporter } from './preschoolImporter'
import { countyYear, kindergartenYears, preschoolYears } from './preschoolRepository'
import * as service from './preschoolService'
import { preschoolWorkbook } from './templateWorkbook'

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The stored figures as the template workbook (all years, or one). */
async function exportWorkbook(ws: Workspace, year?: number): Promise<Buffer> {
  const db = ws.db()
  const years = year ? [year] : preschoolYears(db).reverse()
  const kindergartens = years.flatMap((y) =>
    kindergartenYears(db, y).map((k) => ({ statYear: y, figures: k.figures, institution: getInstitution(db, k.institutionId) })),
  )
  const counties = years.map((y) => countyYear(db, y))
  return preschoolWorkbook({ kindergartens, counties })
}

let firstUseSeen = false
let inFlight = 0
/**
 * The handlers with `first` run before the first call of any of them, once per process (the module's
 * first use, whichever channel or door it comes through), and the calls counted while they run
 * (`moduleIdle`: none running).
 */
function onFirstUse<H extends object>(handlers: H, first: () => void): H {
  const wrapped: Record<string, unknown> = {}
  for (const [name, handler] of Object.entries(handlers) as [string, (...args: unknown[]) => unknown][])
    wrapped[name] = (...args: unknown[]) => {
      if (!firstUseSeen) {
        firstUseSeen = true
        first()
      }
      inFlight++
      let result: unknown
      try {
        result = handler(...args)
      } catch (e) {
        inFlight--
        throw e
      }
      if (result instanceof Promise) return result.finally(() => inFlight--)
      inFlight--
      return result
    }
  return wrapped as H
}
/** No call of the module is running (a background warm-up steps aside while one is). */
const moduleIdle = () => inFlight === 0

/** 学前教育: the kindergarten registry and yearly figures, import, indicators, dashboard data. */
export const preschoolModule = defineModule({
  name: 'preschool',
  // the module's first use warms the 自评报告's renderer in the background (service.warmReportRenderer)
  handlers: (ws) => onFirstUse(preschoolHandlers(ws), () => void service.warmReportRenderer(moduleIdle)),
  commands: {
    ...statisticsCommands<PreschoolImportPreview>({
      module: 'preschool',
      reportChannel: 'preschool.reportDocx',
      summaries: {
        template: '生成学前教育数据导入模板',
        export: '把已导入的学前教育数据导出为导入模板格式',
        import: '检查并导入幼儿园统计数据（有错误时不写入任何数据；--check 只检查）',
        report: '生成学前教育普及普惠督导评估自评报告（Word）',
      },
      exampleFile: '幼儿园.xlsx',
      importExtra: {
        usage: ' [--close 停办园编号,…]',
        options: { close: { type: 'string' } },
        lines: (preview) =>
          preview.dropped.length
            ? [
                `本次文件中没有出现、可能已停办的幼儿园：${preview.dropped.map((d) => `${d.name}（编号 ${d.institutionId}）`).join('、')}；如确已停办，请加 --close ${preview.dropped.map((d) => d.institutionId).join(',')} 导入`,
              ]
            : [],
        commitInput: (values) => ({
          closeIds:
            typeof values.close === 'string'
              ? values.close
                  .split(/[,，]/)
                  .map(Number)
                  .filter((n) => Number.isInteger(n) && n > 0)
              : [],
        }),
      },
    }),
    'preschool indicators': {
      usage: 'preschool indicators --year 年度 [--json]',
      summary: '计算学前教育普及普惠指标',
      options: { year: { type: 'string' } },
      async run({ values, call }) {
        const year = yearOption(values.year)
        if (year === undefined) throw new CliError('请用 --year 指定统计年度')
        const data = await call('preschool.indicators', { year })
        const STATUS: Record<string, string> = { met: '达标', notMet: '未达标', noData: '无数据', judged: '评定' }
        const lines = data.indicators.map((i) => `${i.name.padEnd(18, '　')}  ${i.display.padStart(10)}  ${STATUS[i.status]}`)
        return { data, text: [`${year}年 学前教育普及普惠指标（${data.rubric.id} ${data.rubric.version}）`, ...lines].join('\n') }
      },
    },
    'preschool trace': {
      usage: 'preschool trace --year 年度 [--json]',
      summary: '逐园列出三项普及普惠指标的计算明细（含数据来源行）',
      options: { year: { type: 'string' } },
      async run({ values, call }) {
        const year = yearOption(values.year)
        if (year === undefined) throw new CliError('请用 --year 指定统计年度')
        const lines = await call('preschool.trace', { year })
        const sum = (f: (l: (typeof lines)[number]) => number) => lines.reduce((a, l) => a + f(l), 0)
        const text = [
          '幼儿园\t类别\t在园幼儿\t普惠园幼儿\t公办园幼儿\t专任教师\t数据来源',
          ...lines.map((l) =>
            [l.name, l.ownership, l.enrolledChildren, l.affordableChildren, l.publicChildren, l.teachers ?? '—', l.source].join('\t'),
          ),
          [
            '合计',
            '',
            sum((l) => l.enrolledChildren),
            sum((l) => l.affordableChildren),
            sum((l) => l.publicChildren),
            sum((l) => l.teachers ?? 0),
            '',
          ].join('\t'),
        ]
        return { data: lines, text: text.join('\n') }
      },
    },
    'preschool population': {
      usage: 'preschool population --year 年度 --count 人数',
      summary: '设置全县3–5周岁常住人口（学前三年毛入园率的分母）',
      options: { year: { type: 'string' }, count: { type: 'string' } },
      async run({ values, call }) {
        const year = yearOption(values.year)
        if (year === undefined) throw new CliError('请用 --year 指定统计年度')
        const count = Number(values.count)
        if (typeof values.count !== 'string' || !/^\d{1,8}$/.test(values.count) || !Number.isInteger(count))
          throw new CliError('请用 --count 给出人数（正整数）')
        const r = await call('preschool.population', { year, count })
        return { data: r, text: `已设置 ${year} 年 3–5周岁常住人口：${count} 人` }
      },
    },
  },
})

type PreschoolChannel = Extract<ChannelName, `preschool.${string}`>

/** The module's channel handlers bound to a workspace. */
function preschoolHandlers(ws: Workspace): Pick<Handlers, PreschoolChannel> {
  return {
    'preschool.template': async () =>
      fileStore(ws).stash({ fileName: '学前教育数据导入模板.xlsx', mimeType: XLSX_MIME, data: await preschoolWorkbook() }),
    'preschool.export': async ({ year }) =>
      fileStore(ws).stash({
        fileName: year ? `学前教育数据-${year}年.xlsx` : '学前教育数据.xlsx',
        mimeType: XLSX_MIME,
        data: await exportWorkbook(ws, year),
      }),
    'preschool.importCheck': async ({ file, year }): Promise<PreschoolImportPreview> => {
      const importer = preschoolImporter(() => ws.db(), { fallbackYear: year })
      const preview = await importCheck(ws, importer, file)
      return { ...preview, years: importer.state.years, dropped: importer.state.dropped }
    },
    'preschool.importCheckJob': ({ file, year }) => {
      const importer = preschoolImporter(() => ws.db(), { fallbackYear: year })
      return importCheckJob(ws, importer, file, {
        kind: 'preschool.importCheckJob',
        title: '检查学前教育数据文件',
        finish: (preview): PreschoolImportPreview => ({ ...preview, years: importer.state.years, dropped: importer.state.dropped }),
      })
    },
    'preschool.importCommit': ({ token, closeIds }) =>
      importCommit(
        ws,
        preschoolImporter(() => ws.db(), { closeIds }),
        token,
      ),
    'preschool.indicators': ({ year }) => service.indicatorsJson(ws, year),
    'preschool.trace': ({ year }) => service.trace(ws, year),
    'preschool.report': ({ year }) => service.reportView(ws, year),
    'preschool.saveReport': ({ year, sections }) => service.saveReport(ws, year, sections),
    'preschool.reportDocx': async ({ year }) => {
      const { fileName, data } = await service.reportDocx(ws, year)
      return fileStore(ws).stash({ fileName, mimeType: DOCX_MIME, data })
    },
    'preschool.population': ({ year, count, byTownship }) => service.setPopulation(ws, year, count, byTownship),
    'preschool.view': ({ year }) => {
      const db = ws.dbIfExists()
      if (!db) return null
      const y = year ?? preschoolYears(db)[0]
      if (y === undefined) return null
      const view = service.yearView(ws, y)
      service.prerenderReportCharts(ws, y) // the report's charts drawn while the user looks at the dashboard
      return view
    },
    'preschool.trend': () => (ws.dbIfExists() ? service.trend(ws) : []),
    'preschool.kindergarten': ({ institutionId }) => service.kindergartenPage(ws, institutionId),
    'preschool.kindergartens': () => listInstitutions(ws.db(), 'kindergarten'),
    'preschool.judge': ({ year, itemKey, status, note, evidence, addFiles }) =>
      // the files' bytes go into the database with the verdict (one transaction): backups carry them
      saveWithEvidence(ws, addFiles, evidence, (names, added) =>
        service.judge(ws, year, itemKey, { status, note, evidence: names }, added),
      ),
    'preschool.chooseRubric': ({ year, rubricId }) => service.chooseRubric(ws, year, rubricId),
    'preschool.saveVariant': (spec) => service.saveVariant(ws, spec),
  }
}
