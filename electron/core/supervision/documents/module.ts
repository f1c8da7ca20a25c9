import { statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { DocumentRecord } from '../../../../shared/documents/records'
import type { OutputFile } from '../../../../shared/files/types'
import { documentFileBase, safeFileName } from '../../../../shared/format/fileName'
import { percent } from '../../../../shared/supervision/documents/common'
import { SUPERVISION_DOCUMENT_LABELS, type NumberedKind } from '../../../../shared/supervision/documents/numbering'
import { CliError, FORCE_OPTION, requireOut, type CommandContext } from '../../cli/command'
import { defineModule } from '../../module'
import * as service from './documentsService'

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/
const DATE_OPTION = { date: { type: 'string' } } as const

/** A whole number option within [min, max], or undefined when absent. @throws CliError otherwise. */
function intOption(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d{1,3}$/.test(String(value)) || Number(value) < min || Number(value) > max)
    throw new CliError(`${name}应为${min}至${max}之间的整数`)
  return Number(value)
}

/** `--date` as given (the channel checks it is a real date). */
const dateOption = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** Exports a generated document to `out` through documents.exportDocx (the same Word export as every 公文). */
async function exportTo(ctx: CommandContext, doc: DocumentRecord, out: string): Promise<string> {
  const file = await ctx.waitJob<OutputFile>(await ctx.call('documents.exportDocx', { id: doc.id }))
  return ctx.saveOutput(file, out, ctx.values.force === true)
}

/**
 * The documents the supervision ledger writes (issue 14): 月度督导通知, 整改通知书, 督办单, 督导通报, the numbering
 * rule of 整改通知书 and 督办单, and the 签发 / 作废 of serial-numbered ones.
 */
export const supervisionDocumentsModule = defineModule({
  name: 'supervisionDocuments',
  handlers: (ws) => ({
    'supervisionDocuments.rules': () => service.rules(ws),
    'supervisionDocuments.saveRule': (input) => service.saveRule(ws, input),
    'supervisionDocuments.monthlyNotice': (input) => service.monthlyNotice(ws, input),
    'supervisionDocuments.rectificationNotice': (input) => service.rectificationNotice(ws, input),
    'supervisionDocuments.urgingProposals': ({ today }) => service.urgingProposals(ws, today),
    'supervisionDocuments.urgingNotice': (input) => service.urgingNotice(ws, input),
    'supervisionDocuments.urgeAll': (input) => service.urgeAll(ws, input),
    'supervisionDocuments.bulletinData': (input) => service.bulletinData(ws, input),
    'supervisionDocuments.bulletin': (input) => service.bulletin(ws, input),
    'supervisionDocuments.numberingOf': ({ id }) => service.numberingOf(ws, id),
    'supervisionDocuments.sign': ({ id }) => service.sign(ws, id),
    'supervisionDocuments.issued': ({ id }) => service.issued(ws, id),
    'supervisionDocuments.void': (input) => service.voidDocument(ws, input),
  }),
  commands: {
    'supervision monthly-notice': {
      usage: 'supervision monthly-notice --month 2025-03 --out 文件.docx [--date 成文日期] [--force]',
      summary: '按年度计划生成某月的责任督学挂牌督导通知（公文草稿，并导出 Word）',
      options: { month: { type: 'string' }, out: { type: 'string' }, ...DATE_OPTION, ...FORCE_OPTION },
      async run(ctx) {
        const month = ctx.values.month
        if (typeof month !== 'string' || !MONTH_RE.test(month)) throw new CliError('请用 --month 指定月份，如 --month 2025-03')
        const out = requireOut(ctx.values.out, '.docx')
        const doc = await ctx.call('supervisionDocuments.monthlyNotice', { month, signedDate: dateOption(ctx.values.date) })
        const written = await exportTo(ctx, doc, out)
        return {
          data: { documentId: doc.id, title: doc.title, file: written },
          text: `已生成「${doc.title}」（草稿，编号 ${doc.id}）：${written}`,
        }
      },
    },
    'supervision notice': {
      usage:
        'supervision notice --institution 学校名称 --entries 台账条目id[,id…] --out 文件.docx [--days 整改报告报送天数] [--date 成文日期] [--force]',
      summary: '按问题台账条目给一所学校生成整改通知书（公文草稿，并导出 Word）',
      options: {
        institution: { type: 'string' },
        entries: { type: 'string' },
        days: { type: 'string' },
        out: { type: 'string' },
        ...DATE_OPTION,
        ...FORCE_OPTION,
      },
      async run(ctx) {
        const institution = ctx.values.institution
        if (typeof institution !== 'string' || !institution.trim()) throw new CliError('请用 --institution 指定学校名称')
        const list = typeof ctx.values.entries === 'string' ? ctx.values.entries.split(/[,，\s]+/).filter(Boolean) : []
        if (!list.length || list.some((x) => !/^(\d{1,9}|\d{4}-\d{1,6})$/.test(x)))
          throw new CliError('请用 --entries 给出问题台账中的问题编号（如 2025-0012，见 supervision ledger）或 id，多个用逗号分隔')
        // 编号 as the ledger prints them (2025-0012), or bare ids.
        const codes = list.filter((x) => x.includes('-'))
        const byCode = new Map<string, number>()
        if (codes.length) {
          const page = await ctx.call('supervision.ledger', { limit: 5000 })
          for (const r of page.rows) byCode.set(r.code, r.id)
          const unknown = codes.filter((c) => !byCode.has(c))
          if (unknown.length) throw new CliError(`问题台账中没有这些编号：${unknown.join('、')}`)
        }
        const entryIds = list.map((x) => (x.includes('-') ? byCode.get(x)! : Number(x)))
        const out = requireOut(ctx.values.out, '.docx')
        const doc = await ctx.call('supervisionDocuments.rectificationNotice', {
          institution: institution.trim(),
          entryIds,
          reportWithinDays: intOption(ctx.values.days, '整改报告报送天数', 1, 90),
          signedDate: dateOption(ctx.values.date),
        })
        const written = await exportTo(ctx, doc, out)
        return {
          data: { documentId: doc.id, title: doc.title, file: written },
          text: `已生成「${doc.title}」（草稿，编号 ${doc.id}）：${written}`,
        }
      },
    },
    'supervision urging': {
      usage: 'supervision urging --out-dir 目录 [--days 办理天数] [--date 成文日期] [--force] | supervision urging --list [--date 日期]',
      summary: '为每个逾期未整改、尚无督办单的问题生成一份督办单（公文草稿），逐份导出 Word 到目录；--list 只列出应发督办单的问题',
      options: { 'out-dir': { type: 'string' }, days: { type: 'string' }, list: { type: 'boolean' }, ...DATE_OPTION, ...FORCE_OPTION },
      async run(ctx) {
        if (ctx.values.list === true) {
          const proposals = await ctx.call('supervisionDocuments.urgingProposals', { today: dateOption(ctx.values.date) })
          const lines = proposals.map(
            (p) =>
              `${p.code}\t${p.institution}\t时限 ${p.deadline}，逾期 ${p.overdueDays} 天\t${p.notice ? `${p.notice.number || '（未编号）'} ${p.notice.title}` : '未发整改通知书'}\t${p.description}`,
          )
          return {
            data: proposals,
            text: lines.length ? [`应发督办单 ${lines.length} 份：`, ...lines].join('\n') : '没有需要督办的逾期问题',
          }
        }
        const dir = ctx.values['out-dir']
        if (typeof dir !== 'string' || !dir) throw new CliError('请用 --out-dir 指定保存督办单的目录')
        // Checked before any draft is made: a run that cannot write its files must not use up the proposals.
        if (!statSync(resolve(dir), { throwIfNoEntry: false })?.isDirectory())
          throw new CliError(`文件夹不存在：${resolve(dir)}。请先建好文件夹，或选择一个已有的文件夹。`)
        const docs = await ctx.call('supervisionDocuments.urgeAll', {
          replyDays: intOption(ctx.values.days, '办理天数', 1, 90),
          signedDate: dateOption(ctx.values.date),
        })
        const files: string[] = []
        for (const doc of docs) {
          const name = safeFileName(
            `督办单 ${doc.id} ${documentFileBase({ docNumber: doc.docNumber, title: doc.title })}`,
            '.docx',
            '督办单',
          )
          files.push(await exportTo(ctx, doc, join(resolve(dir), name)))
        }
        const text = docs.length ? [`已生成督办单 ${docs.length} 份：`, ...files.map((f) => `  ${f}`)].join('\n') : '没有需要督办的逾期问题'
        return { data: { documents: docs.map((d) => ({ documentId: d.id, title: d.title })), files }, text }
      },
    },
    'supervision numbering': {
      usage: 'supervision numbering [--kind rectification|urging (--serial 编号格式 | --series 机关代字)]',
      summary: '查看或设置整改通知书、督办单的编号规则：本室编号（如 督改〔{year}〕{seq}号）或发文字号系列',
      options: { kind: { type: 'string' }, serial: { type: 'string' }, series: { type: 'string' } },
      async run(ctx) {
        const { kind, serial, series } = ctx.values
        const label = (k: NumberedKind) => SUPERVISION_DOCUMENT_LABELS[k]
        if (kind !== undefined) {
          const key = ({ rectification: 'rectificationNotice', urging: 'urgingNotice' } as const)[
            String(kind) as 'rectification' | 'urging'
          ]
          if (!key) throw new CliError('--kind 只能是 rectification（整改通知书）或 urging（督办单）')
          if ((serial === undefined) === (series === undefined))
            throw new CliError('请给出 --serial 编号格式 或 --series 机关代字（二选一）')
          let seriesId: number | undefined
          if (typeof series === 'string') {
            seriesId = (await ctx.call('numbers.listSeries', {})).find((x) => x.prefix === series)?.id
            if (seriesId === undefined) throw new CliError(`没有机关代字为「${series}」的文号系列`)
          }
          await ctx.call('supervisionDocuments.saveRule', {
            kind: key,
            mode: serial !== undefined ? 'serial' : 'series',
            pattern: typeof serial === 'string' ? serial : '',
            seriesId,
          })
        }
        const rules = await ctx.call('supervisionDocuments.rules', {})
        const prefixes = new Map((await ctx.call('numbers.listSeries', {})).map((x) => [x.id, x.prefix]))
        const lines = rules.map((r) =>
          r.mode === 'serial'
            ? `${label(r.kind)}：本室编号 ${r.pattern}`
            : `${label(r.kind)}：发文字号（${prefixes.get(r.seriesId) ?? r.seriesId}）`,
        )
        return { data: rules, text: lines.join('\n') }
      },
    },
    'supervision bulletin': {
      usage:
        'supervision bulletin (--month 2025-03 | --term 2025-spring) [--out 文件.docx] [--by matter|institution] [--name] [--days 整改报告报送天数] [--date 成文日期] [--force] [--json]',
      summary: '生成某月或某学期的督导通报（数据全部由台账计算；不给 --out 时只列出通报所用的数据）',
      options: {
        month: { type: 'string' },
        term: { type: 'string' },
        out: { type: 'string' },
        by: { type: 'string' },
        name: { type: 'boolean' },
        days: { type: 'string' },
        ...DATE_OPTION,
        ...FORCE_OPTION,
      },
      async run(ctx) {
        const { month, term, by } = ctx.values
        if ((month === undefined) === (term === undefined))
          throw new CliError('请用 --month 2025-03 或 --term 2025-spring 指定通报的月份或学期（二选一）')
        if (by !== undefined && by !== 'matter' && by !== 'institution')
          throw new CliError('--by 只能是 matter（按督导事项）或 institution（按学校）')
        const period = { month: month as string | undefined, term: term as string | undefined }
        const data = await ctx.call('supervisionDocuments.bulletinData', period)
        const f = data.figures
        const lines = [
          `${f.period.label} 督导通报数据`,
          `入校督导：${f.visits} 所次；覆盖学校 ${f.institutionsVisited}/${f.institutionsTotal}（覆盖率 ${percent(f.coverage)}）`,
          `发现问题：${f.problemsFound} 个${
            f.problemsByItem.filter((i) => i.count).length
              ? `（${f.problemsByItem
                  .filter((i) => i.count)
                  .map((i) => `${i.title} ${i.count}`)
                  .join('，')}）`
              : ''
          }`,
          `${f.previousRectification.period.label}问题整改率：${percent(f.previousRectification.rate)}（${f.previousRectification.rectified}/${f.previousRectification.found}）`,
          `逾期未整改：${f.overdue} 个`,
        ]
        if (ctx.values.out === undefined) return { data, text: lines.join('\n') }
        const out = requireOut(ctx.values.out, '.docx')
        const doc = await ctx.call('supervisionDocuments.bulletin', {
          ...period,
          groupBy: (by as 'matter' | 'institution' | undefined) ?? 'matter',
          nameInstitutions: ctx.values.name === true,
          reportWithinDays: intOption(ctx.values.days, '整改报告报送天数', 1, 90),
          signedDate: dateOption(ctx.values.date),
        })
        const written = await exportTo(ctx, doc, out)
        return {
          data: { ...data, documentId: doc.id, title: doc.title, file: written },
          text: [...lines, `已生成「${doc.title}」（草稿，编号 ${doc.id}）：${written}`].join('\n'),
        }
      },
    },
  },
})
