import { copyFileSync, mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { PreschoolImportPreview } from '../../../shared/contract/preschool'
import { CliError, FORCE_OPTION, requireOut, yearOption } from '../cli/command'
import { fileStore } from '../files/fileStore'
import { importCheck, importCheckJob, importCommit } from '../imports/importSession'
import { getInstitution, listInstitutions } from '../institutions/institutionRepository'
import { defineModule } from '../module'
import type { Workspace } from '../workspace'
import { preschoolImporter } from './preschoolImporter'
import { countyYear, kindergartenYears, preschoolYears } from './preschoolRepository'
import * as service from './preschoolService'
import { preschoolWorkbook } from './templateWorkbook'

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Where a judged item's evidence files live inside the data folder. */
export function evidenceDir(ws: Workspace, year: number, itemKey: string): string {
  return join(ws.dataDir, 'evidence', 'preschool', String(year), itemKey.replace(/[^A-Za-z0-9_-]/g, '_'))
}

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

/** 学前教育: the kindergarten registry and yearly figures, import, indicators, dashboard data. */
export const preschoolModule = defineModule({
  name: 'preschool',
  handlers: (ws) => ({
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
      return y === undefined ? null : service.yearView(ws, y)
    },
    'preschool.trend': () => (ws.dbIfExists() ? service.trend(ws) : []),
    'preschool.kindergarten': ({ institutionId }) => service.kindergartenPage(ws, institutionId),
    'preschool.kindergartens': () => listInstitutions(ws.db(), 'kindergarten'),
    'preschool.judge': ({ year, itemKey, status, note, evidence, addFiles }) => {
      const dir = evidenceDir(ws, year, itemKey)
      const added: string[] = []
      for (const ref of addFiles) {
        const input = fileStore(ws).resolveInput(ref)
        mkdirSync(dir, { recursive: true })
        const name = basename(input.name).replace(/[\\/:*?"<>|]/g, '_')
        copyFileSync(input.path, join(dir, name))
        fileStore(ws).release(ref.fileId)
        added.push(name)
      }
      return service.judge(ws, year, itemKey, { status, note, evidence: [...new Set([...evidence, ...added])] })
    },
    'preschool.chooseRubric': ({ year, rubricId }) => service.chooseRubric(ws, year, rubricId),
    'preschool.saveVariant': (spec) => service.saveVariant(ws, spec),
  }),
  commands: {
    'preschool template': {
      usage: 'preschool template --out 文件.xlsx [--force]',
      summary: '生成学前教育数据导入模板',
      options: { out: { type: 'string' }, ...FORCE_OPTION },
      async run({ values, call, saveOutput }) {
        const out = requireOut(values.out, '.xlsx')
        const written = await saveOutput(await call('preschool.template', {}), out, values.force === true)
        return { data: { file: written }, text: `已生成导入模板：${written}` }
      },
    },
    'preschool export': {
      usage: 'preschool export [--year 年度] --out 文件.xlsx [--force]',
      summary: '把已导入的学前教育数据导出为导入模板格式',
      options: { year: { type: 'string' }, out: { type: 'string' }, ...FORCE_OPTION },
      async run({ values, call, saveOutput }) {
        const out = requireOut(values.out, '.xlsx')
        const written = await saveOutput(await call('preschool.export', { year: yearOption(values.year) }), out, values.force === true)
        return { data: { file: written }, text: `已导出：${written}` }
      },
    },
    'preschool import': {
      usage: 'preschool import <文件.xlsx> [--year 年度] [--check] [--close 停办园编号,…]',
      summary: '检查并导入幼儿园统计数据（有错误时不写入任何数据；--check 只检查）',
      options: { year: { type: 'string' }, check: { type: 'boolean' }, close: { type: 'string' } },
      async run({ positionals, values, call, inputFile }) {
        const path = positionals[0]
        if (!path) throw new CliError('请给出要导入的文件，例如：preschool import 幼儿园.xlsx')
        const file = inputFile(path)
        const preview = await call('preschool.importCheck', { file: { fileId: file.fileId }, year: yearOption(values.year) })
        const lines = [
          `读取 ${preview.rowsRead} 行，可导入 ${preview.rowsAccepted} 行；年度：${preview.years.join('、') || '无'}`,
          ...preview.problems.map(
            (p) =>
              `错误：${p.sheet}${p.row ? ` 第 ${p.row} 行` : ''}${p.column ? ` ${p.column} 列` : ''}${p.value ? `「${p.value}」` : ''}：${p.reason}`,
          ),
          ...preview.warnings.map((w) => `提示：${w}`),
          ...(preview.dropped.length
            ? [
                `本次文件中没有出现、可能已停办的幼儿园：${preview.dropped.map((d) => `${d.name}（编号 ${d.institutionId}）`).join('、')}；如确已停办，请加 --close ${preview.dropped.map((d) => d.institutionId).join(',')} 导入`,
              ]
            : []),
        ]
        if (!preview.canCommit) throw new CliError([...lines, '未导入任何数据。'].join('\n'))
        if (values.check === true) return { data: preview, text: [...lines, '（仅检查，未写入）'].join('\n') }
        const closeIds =
          typeof values.close === 'string'
            ? values.close
                .split(/[,，]/)
                .map(Number)
                .filter((n) => Number.isInteger(n) && n > 0)
            : []
        const result = await call('preschool.importCommit', { token: preview.token, closeIds })
        return {
          data: { ...result, years: preview.years, problems: [], warnings: preview.warnings },
          text: [...lines, `已导入 ${result.rowsWritten} 行。`].join('\n'),
        }
      },
    },
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
    'preschool report': {
      usage: 'preschool report --year 年度 --out 文件.docx [--force]',
      summary: '生成学前教育普及普惠督导评估自评报告（Word）',
      options: { year: { type: 'string' }, out: { type: 'string' }, ...FORCE_OPTION },
      async run({ values, call, saveOutput }) {
        const year = yearOption(values.year)
        if (year === undefined) throw new CliError('请用 --year 指定统计年度')
        const out = requireOut(values.out, '.docx')
        const written = await saveOutput(await call('preschool.reportDocx', { year }), out, values.force === true)
        return { data: { file: written }, text: `已生成自评报告：${written}` }
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
          throw new CliError('请用 --count 给出人数（非负整数）')
        const r = await call('preschool.population', { year, count })
        return { data: r, text: `已设置 ${year} 年 3–5周岁常住人口：${count} 人` }
      },
    },
  },
})
