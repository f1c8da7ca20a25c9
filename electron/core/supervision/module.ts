import { CliError, FORCE_OPTION, requireOut, type CommandContext } from '../cli/command'
import { fileStore } from '../files/fileStore'
import { importCheck, importCommit } from '../imports/importSession'
import { defineModule } from '../module'
import type { Workspace } from '../workspace'
import { ledgerWorkbook } from './ledgerWorkbook'
import { recordFormDocx } from './recordForm'
import * as service from './supervisionService'
import * as views from './supervisionViews'
import { visitImporter, visitTemplateWorkbook } from './visitImport'

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The whole filtered ledger (no paging) as the .xlsx export. */
async function exportLedger(ws: Workspace, q: Parameters<typeof service.ledger>[1]) {
  const page = service.ledger(ws, { ...q, offset: 0, limit: 1_000_000 })
  return fileStore(ws).stash({
    fileName: `问题台账-${page.today}.xlsx`,
    mimeType: XLSX_MIME,
    data: await ledgerWorkbook(page.rows, page.today),
  })
}

/** `supervision visit template --out f.xlsx` */
async function visitTemplateCommand({ values, call, saveOutput }: CommandContext) {
  const out = requireOut(values.out, '.xlsx')
  const written = await saveOutput(await call('supervision.visitTemplate', {}), out, values.force === true)
  return { data: { file: written }, text: `已生成导入模板：${written}` }
}

/** `supervision visit form --out f.docx [--month 2025-03]` */
async function visitFormCommand({ values, call, saveOutput }: CommandContext) {
  const out = requireOut(values.out, '.docx')
  const month = typeof values.month === 'string' ? values.month : undefined
  const written = await saveOutput(await call('supervision.recordForm', { month }), out, values.force === true)
  return { data: { file: written }, text: `已生成督导记录表：${written}` }
}

/** `supervision visit import f.xlsx [--check]` */
async function visitImportCommand({ positionals, values, call, inputFile }: CommandContext) {
  const path = positionals[0]
  if (!path) throw new CliError('请给出要导入的文件，例如：supervision visit import 督导记录.xlsx')
  const file = inputFile(path)
  const preview = await call('supervision.visitImportCheck', { file: { fileId: file.fileId } })
  const lines = [
    `读取 ${preview.rowsRead} 条督导记录，可导入 ${preview.rowsAccepted} 条`,
    ...preview.problems.map(
      (p) =>
        `错误：${p.sheet}${p.row ? ` 第 ${p.row} 行` : ''}${p.column ? ` ${p.column} 列` : ''}${p.value ? `「${p.value}」` : ''}：${p.reason}`,
    ),
    ...preview.warnings.map((w) => `提示：${w}`),
  ]
  if (!preview.canCommit) throw new CliError([...lines, '未导入任何数据。'].join('\n'))
  if (values.check === true) return { data: preview, text: [...lines, '（仅检查，未写入）'].join('\n') }
  const result = await call('supervision.visitImportCommit', { token: preview.token })
  return {
    data: { ...result, problems: [], warnings: preview.warnings },
    text: [...lines, `已导入 ${result.rowsWritten} 条督导记录。`].join('\n'),
  }
}

const CLI_STATUS: Record<string, 'open' | 'overdue' | 'done'> = { open: 'open', overdue: 'overdue', closed: 'done' }

/** 责任督学挂牌督导: 督学 and 责任区, the 年度计划, visits and the 问题台账 (issue 14). */
export const supervisionModule = defineModule({
  name: 'supervision',
  handlers: (ws) => ({
    'supervision.settings': () => service.settings(ws),
    'supervision.saveSettings': (input) => service.saveSettings(ws, input),
    'supervision.items': () => service.items(ws),
    'supervision.saveItems': (input) => service.saveItems(ws, input),
    'supervision.inspectors': ({ year }) => service.inspectors(ws, year),
    'supervision.saveInspector': (input) => service.saveInspector(ws, input),
    'supervision.deleteInspector': ({ id }) => service.deleteInspector(ws, id),
    'supervision.zones': ({ year }) => service.zones(ws, year),
    'supervision.saveZone': (input) => service.saveZone(ws, input),
    'supervision.deleteZone': ({ id }) => service.deleteZone(ws, id),
    'supervision.plan': ({ year }) => service.plan(ws, year),
    'supervision.savePlan': (input) => service.savePlan(ws, input),
    'supervision.visits': (q) => service.visits(ws, q),
    'supervision.visit': ({ id }) => service.visit(ws, id),
    'supervision.saveVisit': (input) => service.saveVisit(ws, input),
    'supervision.deleteVisit': ({ id }) => service.deleteVisit(ws, id),
    'supervision.attachment': ({ owner, id, name }) => fileStore(ws).stash(service.attachment(ws, owner, id, name)),
    'supervision.findingsToLedger': (input) => service.findingsToLedger(ws, input),
    'supervision.ledger': (q) => service.ledger(ws, q),
    'supervision.entry': ({ id }) => service.entry(ws, id),
    'supervision.saveEntry': (input) => service.saveEntry(ws, input),
    'supervision.transition': (input) => service.transition(ws, input),
    'supervision.bulkUpdate': (input) => service.bulkUpdate(ws, input),
    'supervision.deleteEntry': ({ id }) => service.deleteEntry(ws, id),
    'supervision.exportLedger': (q) => exportLedger(ws, { ...q, offset: 0, limit: 1 }),
    'supervision.figures': (p) => views.figures(ws, p),
    'supervision.monthBoard': ({ month }) => views.monthBoard(ws, month),
    'supervision.institution': ({ institutionId, year }) => views.institutionSummary(ws, institutionId, year),
    'supervision.inspector': ({ inspectorId, year }) => views.inspectorSummary(ws, inspectorId, year),
    'supervision.charts': ({ year }) => views.charts(ws, year),
    'supervision.recordForm': async ({ month }) => {
      const { fileName, data } = await recordFormDocx(ws, month)
      return fileStore(ws).stash({ fileName, mimeType: DOCX_MIME, data })
    },
    'supervision.visitTemplate': async () =>
      fileStore(ws).stash({ fileName: '督导记录导入模板.xlsx', mimeType: XLSX_MIME, data: await visitTemplateWorkbook() }),
    'supervision.visitImportCheck': ({ file }) => importCheck(ws, visitImporter(ws), file),
    'supervision.visitImportCommit': ({ token }) => importCommit(ws, visitImporter(ws), token),
  }),
  commands: {
    'supervision ledger': {
      usage: 'supervision ledger [--status open|overdue|closed] [--json]',
      summary: '列出问题台账（open 未整改完成，overdue 已逾期，closed 已整改完成或销号）',
      options: { status: { type: 'string' } },
      async run({ values, call }) {
        const s = values.status
        if (s !== undefined && (typeof s !== 'string' || !CLI_STATUS[s])) throw new CliError('--status 只能是 open、overdue 或 closed')
        const page = await call('supervision.ledger', {
          status: s ? CLI_STATUS[s as string] : undefined,
          sort: 'code',
          order: 'asc',
          limit: 5000,
        })
        const lines = [`问题台账（截至 ${page.today}）：共 ${page.total} 条`]
        for (const r of page.rows) {
          const due = r.deadline ? `时限 ${r.deadline}${r.overdue ? `，逾期 ${r.overdueDays} 天` : ''}` : '未定时限'
          lines.push(
            `${r.code}\t${r.foundDate}\t${r.institutionName}\t${r.itemTitle || '未归类'}\t${r.level}\t${r.statusLabel}\t${due}\t${r.description}`,
          )
        }
        return { data: page, text: lines.join('\n') }
      },
    },
    'supervision visit': {
      usage:
        'supervision visit template --out 文件.xlsx [--force] | supervision visit import <文件.xlsx> [--check] | supervision visit form --out 文件.docx [--month 2025-03] [--force]',
      summary:
        '督导记录：template 生成导入模板（每行一次入校督导）；import 检查并导入（有错误时不写入任何数据；--check 只检查）；form 生成空白督导记录表（Word）',
      options: { out: { type: 'string' }, check: { type: 'boolean' }, month: { type: 'string' }, ...FORCE_OPTION },
      async run(ctx) {
        const [sub, ...rest] = ctx.positionals
        if (sub === 'template') return visitTemplateCommand(ctx)
        if (sub === 'form') return visitFormCommand(ctx)
        if (sub === 'import') return visitImportCommand({ ...ctx, positionals: rest })
        throw new CliError(
          '用法：supervision visit template --out 文件.xlsx，supervision visit import 文件.xlsx，或 supervision visit form --out 文件.docx',
        )
      },
    },
  },
})
