import type { BalanceImportPreview } from '../../../shared/contract/balance'
import { BALANCE_INDICATORS } from '../../../shared/balance/indicators'
import { CliError, yearOption } from '../cli/command'
import { saveWithEvidence } from '../evidence/evidenceInputs'
import { fileStore } from '../files/fileStore'
import { importCheck, importCheckJob, importCommit } from '../imports/importSession'
import { statisticsCommands } from '../imports/statisticsCommands'
import { getInstitution } from '../institutions/institutionRepository'
import { defineModule } from '../module'
import type { Workspace } from '../workspace'
import { balanceImporter } from './balanceImporter'
import { balanceYears, countyBalanceYear, schoolYears, stageYears } from './balanceRepository'
import * as service from './balanceService'
import { balanceWorkbook } from './templateWorkbook'
import { compareNames } from '../../../shared/institutions/names'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The stored figures as the template workbook (all years, or one): one row per school part, resources on the school's first row. */
async function exportWorkbook(ws: Workspace, year?: number): Promise<Buffer> {
  const db = ws.db()
  const years = year ? [year] : balanceYears(db).reverse()
  const order: Record<string, number> = { 小学: 0, 初中: 1, 高中: 2 }
  const parts = years.flatMap((y) => {
    const resources = new Map(schoolYears(db, y).map((r) => [r.institutionId, r.resources]))
    const seen = new Set<number>()
    return stageYears(db, y)
      .map((s) => ({ s, inst: getInstitution(db, s.institutionId) }))
      .sort((a, b) => compareNames(a.inst?.name ?? '', b.inst?.name ?? '') || order[a.s.figures.stage] - order[b.s.figures.stage])
      .map(({ s, inst }) => {
        const first = !seen.has(s.institutionId)
        seen.add(s.institutionId)
        return {
          statYear: y,
          institution: inst,
          name: inst?.name ?? '',
          figures: s.figures,
          resources: first ? (resources.get(s.institutionId) ?? null) : null,
        }
      })
  })
  const counties = years.map((y) => {
    const { source: _s, ...c } = countyBalanceYear(db, y)
    void _s
    return c
  })
  return balanceWorkbook({ parts, counties })
}

const STATUS: Record<string, string> = { met: '达标', notMet: '未达标', noData: '无数据', judged: '评定' }
const fmt = (x: number | null, d: number) => (x === null ? '无数据' : x.toFixed(d))

/** 义务教育优质均衡: school figures per 学段, import, the seven indicators, 差异系数, plans, checklist. */
export const balanceModule = defineModule({
  name: 'balance',
  handlers: (ws) => ({
    'balance.template': async () =>
      fileStore(ws).stash({ fileName: '义务教育优质均衡数据导入模板.xlsx', mimeType: XLSX_MIME, data: await balanceWorkbook() }),
    'balance.export': async ({ year }) =>
      fileStore(ws).stash({
        fileName: year ? `义务教育学校数据-${year}年.xlsx` : '义务教育学校数据.xlsx',
        mimeType: XLSX_MIME,
        data: await exportWorkbook(ws, year),
      }),
    'balance.importCheck': async ({ file, year }): Promise<BalanceImportPreview> => {
      const importer = balanceImporter({ fallbackYear: year })
      const preview = await importCheck(ws, importer, file)
      return { ...preview, years: importer.state.years }
    },
    'balance.importCheckJob': ({ file, year }) => {
      const importer = balanceImporter({ fallbackYear: year })
      return importCheckJob(ws, importer, file, {
        kind: 'balance.importCheckJob',
        title: '检查义务教育学校数据文件',
        finish: (preview): BalanceImportPreview => ({ ...preview, years: importer.state.years }),
      })
    },
    'balance.importCommit': ({ token }) => importCommit(ws, balanceImporter(), token),
    'balance.indicators': ({ year }) => service.indicatorsJson(ws, year),
    'balance.report': async ({ year }) => {
      const { bytes, fileName } = await service.reportDocx(ws, year)
      return fileStore(ws).stash({ fileName, mimeType: DOCX_MIME, data: bytes })
    },
    'balance.reportBlocks': ({ year }) => service.reportBlocks(ws, year),
    'balance.view': ({ year }) => {
      const db = ws.dbIfExists()
      if (!db) return null
      const y = year ?? balanceYears(db)[0]
      if (y === undefined) return null
      const view = service.yearView(ws, y)
      service.prerenderReportCharts(ws, y) // the report's charts drawn while the user looks at the page
      return view
    },
    'balance.school': ({ institutionId }) => service.schoolPage(ws, institutionId),
    'balance.trend': () => (ws.dbIfExists() ? service.trend(ws) : []),
    'balance.chooseRubric': ({ year, rubricId }) => service.chooseRubric(ws, year, rubricId),
    'balance.saveVariant': (spec) => service.saveVariant(ws, spec),
    'balance.saveCounty': ({ year, figures }) => service.saveCounty(ws, year, figures),
    'balance.judge': ({ year, itemKey, status, note, evidence, addFiles }) =>
      // the files' bytes go into the database with the verdict (one transaction): backups carry them
      saveWithEvidence(ws, addFiles, evidence, (names, added) =>
        service.judge(ws, year, itemKey, { status, note, evidence: names }, added),
      ),
  }),
  commands: {
    ...statisticsCommands<BalanceImportPreview>({
      module: 'balance',
      reportChannel: 'balance.report',
      summaries: {
        template: '生成义务教育优质均衡数据导入模板',
        export: '把已导入的义务教育学校数据导出为导入模板格式',
        import: '检查并导入义务教育学校数据（每个学段一行；有错误时不写入任何数据；--check 只检查）',
        report: '生成县域义务教育优质均衡发展督导评估自评报告（Word）',
      },
      exampleFile: '学校.xlsx',
    }),
    'balance rubric': {
      usage: 'balance rubric --year 年度 [--use 指标体系编号]',
      summary: '列出某年度可选的优质均衡指标体系（国家标准与地方标准），或用 --use 选定',
      options: { year: { type: 'string' }, use: { type: 'string' } },
      async run({ values, call }) {
        const year = yearOption(values.year)
        if (year === undefined) throw new CliError('请用 --year 指定统计年度')
        if (typeof values.use === 'string') await call('balance.chooseRubric', { year, rubricId: values.use })
        const view = await call('balance.view', { year })
        if (!view || view.year !== year) throw new CliError(`${year}年还没有义务教育学校数据，请先导入`)
        const lines = view.rubricChoices.map(
          (r) =>
            `${r.id === view.rubric.id ? '* ' : '  '}${r.id}\t${r.name}${r.derivedFrom ? `（${r.region}，基于 ${r.derivedFrom.id}）` : ''}`,
        )
        return {
          data: { year, rubric: view.rubric, choices: view.rubricChoices },
          text: [`${year}年适用：${view.rubric.name}`, ...lines].join('\n'),
        }
      },
    },
    'balance indicators': {
      usage: 'balance indicators --year 年度 [--json]',
      summary: '计算义务教育优质均衡：每校七项指标、各学段差异系数、未达标学校需补足的数量',
      options: { year: { type: 'string' } },
      async run({ values, call }) {
        const year = yearOption(values.year)
        if (year === undefined) throw new CliError('请用 --year 指定统计年度')
        const data = await call('balance.indicators', { year })
        const view = await call('balance.view', { year })
        const ev = view!.evaluation
        const names: Record<string, string> = Object.fromEntries(view!.tables.flatMap((t) => t.columns.map((c) => [c.key, c.name])))
        const short = ['高学历教师', '骨干教师', '体艺教师', '教学用房', '体育场馆', '仪器设备', '多媒体教室']
        const lines: string[] = [`${year}年 义务教育优质均衡（${data.rubric.id} ${data.rubric.version}）：${STATUS[data.verdict]}`]
        for (const stage of ['小学', '初中'] as const) {
          const parts = ev.schools.filter((s) => s.stage === stage)
          if (parts.length === 0) continue
          const st = ev.stages.find((s) => s.stage === stage)
          lines.push('', `【${stage}】${st ? `${STATUS[st.verdict]}，${st.schoolsMet}/${st.schools} 所学校资源配置达标` : ''}`)
          lines.push(`学校\t在校生\t${short.join('\t')}\t达标项\t结论`)
          for (const s of parts) {
            if (s.excluded) {
              lines.push(`${s.name}\t${s.students}\t（${s.excluded}）`)
              continue
            }
            const cells = BALANCE_INDICATORS.map((k) => {
              const i = s.indicators[k]
              return `${i.display}${i.met === true ? '✓' : i.met === false ? '✗' : ''}`
            })
            lines.push(`${s.name}\t${s.students}\t${cells.join('\t')}\t${s.metCount}/7\t${STATUS[s.verdict]}`)
          }
          lines.push(`差异系数（上限 ${stage === '小学' ? '0.50' : '0.45'}，按在校生加权）：`)
          for (const c of ev.cv.filter((x) => x.stage === stage)) {
            const left = c.detail.excluded.length ? `（${c.detail.excluded.length}所缺数未计入）` : ''
            lines.push(`  ${names[c.indicator] ?? c.indicator}：${c.display} ${STATUS[c.status]}${left}`)
            if (c.plan && c.plan.steps.length)
              lines.push(
                `    改进：${c.plan.steps.map((p) => `${p.name} +${p.add}${c.plan!.unit}`).join('；')} → ${fmt(c.plan.after, 3)}${c.plan.reached ? '' : `（${c.plan.reason ?? '仍未达到'}）`}`,
              )
          }
          for (const s of parts.filter((p) => p.verdict === 'notMet' && p.plan)) {
            lines.push(
              `  ${s.name} 需补足：${s.plan!.steps.map((p) => `${p.amountName} ${p.add}${p.unit}${p.target === 'floor' ? '（达到标准的85%）' : ''}`).join('；')}`,
            )
          }
        }
        lines.push('', '县级指标：')
        for (const i of data.checklist) lines.push(`  ${i.name}：${i.display} ${i.status === 'judged' ? '' : STATUS[i.status]}`)
        return { data, text: lines.join('\n') }
      },
    },
  },
})
