import type { ImportPreview } from '../../../shared/imports/types'
import type { OutputFile } from '../../../shared/files/types'
import { CliError, FORCE_OPTION, requireOut, yearOption, type CliCommand, type CommandContext } from '../cli/command'

/** What a statistics module (学前教育, 优质均衡) says on its import command beyond the common lines. */
export interface StatisticsImportExtra<Preview extends ImportPreview> {
  /** Usage after `<文件.xlsx> [--year 年度] [--check]`, e.g. ` [--close 停办园编号,…]` */
  usage?: string
  options?: CliCommand['options']
  /** Lines printed after the problems and warnings (e.g. the kindergartens the file drops). */
  lines?(preview: Preview): string[]
  /** The commit channel's input beyond the token (e.g. `closeIds` from `--close`). */
  commitInput?(values: CommandContext['values']): Record<string, unknown>
}

/**
 * The command-line commands every statistics module has, built from one table: `<module> template --out`,
 * `<module> export [--year] --out`, `<module> import <file> [--year] [--check]` (check-then-commit: every
 * problem printed with sheet, row, column and value, nothing written on an error) and `<module> report --year
 * --out`. Each calls the module's channels `<module>.template`, `.export`, `.importCheck`, `.importCommit`
 * and the report channel named in `channels.report`; words (summaries, example file) are the module's.
 * @returns the commands keyed by their name, to spread into the module's `commands`
 */
export function statisticsCommands<Preview extends ImportPreview & { years: number[] }>(spec: {
  module: 'preschool' | 'balance'
  /** the report channel (it returns an OutputFile .docx) */
  reportChannel: 'preschool.reportDocx' | 'balance.report'
  summaries: { template: string; export: string; import: string; report: string }
  /** the example file name in the usage message, e.g. 幼儿园.xlsx */
  exampleFile: string
  importExtra?: StatisticsImportExtra<Preview>
}): Record<string, CliCommand> {
  const m = spec.module
  const extra = spec.importExtra ?? {}
  // The channels are named by the module: one untyped door into call() for this table of commands.
  const callAny = (ctx: CommandContext, channel: string, input: unknown) =>
    (ctx.call as unknown as (channel: string, input: unknown) => Promise<unknown>)(channel, input)
  return {
    [`${m} template`]: {
      usage: `${m} template --out 文件.xlsx [--force]`,
      summary: spec.summaries.template,
      options: { out: { type: 'string' }, ...FORCE_OPTION },
      async run(ctx) {
        const out = requireOut(ctx.values.out, '.xlsx')
        const written = await ctx.saveOutput((await callAny(ctx, `${m}.template`, {})) as OutputFile, out, ctx.values.force === true)
        return { data: { file: written }, text: `已生成导入模板：${written}` }
      },
    },
    [`${m} export`]: {
      usage: `${m} export [--year 年度] --out 文件.xlsx [--force]`,
      summary: spec.summaries.export,
      options: { year: { type: 'string' }, out: { type: 'string' }, ...FORCE_OPTION },
      async run(ctx) {
        const out = requireOut(ctx.values.out, '.xlsx')
        const file = (await callAny(ctx, `${m}.export`, { year: yearOption(ctx.values.year) })) as OutputFile
        const written = await ctx.saveOutput(file, out, ctx.values.force === true)
        return { data: { file: written }, text: `已导出：${written}` }
      },
    },
    [`${m} import`]: {
      usage: `${m} import <文件.xlsx> [--year 年度] [--check]${extra.usage ?? ''}`,
      summary: spec.summaries.import,
      options: { year: { type: 'string' }, check: { type: 'boolean' }, ...extra.options },
      async run(ctx) {
        const path = ctx.positionals[0]
        if (!path) throw new CliError(`请给出要导入的文件，例如：${m} import ${spec.exampleFile}`)
        const file = ctx.inputFile(path)
        const preview = (await callAny(ctx, `${m}.importCheck`, {
          file: { fileId: file.fileId },
          year: yearOption(ctx.values.year),
        })) as Preview
        const lines = [
          `读取 ${preview.rowsRead} 行，可导入 ${preview.rowsAccepted} 行；年度：${preview.years.join('、') || '无'}`,
          ...preview.problems.map(
            (p) =>
              `错误：${p.sheet}${p.row ? ` 第 ${p.row} 行` : ''}${p.column ? ` ${p.column} 列` : ''}${p.value ? `「${p.value}」` : ''}：${p.reason}`,
          ),
          ...preview.warnings.map((w) => `提示：${w}`),
          ...(extra.lines?.(preview) ?? []),
        ]
        if (!preview.canCommit) throw new CliError([...lines, '未导入任何数据。'].join('\n'))
        if (ctx.values.check === true) return { data: preview, text: [...lines, '（仅检查，未写入）'].join('\n') }
        const result = (await callAny(ctx, `${m}.importCommit`, { token: preview.token, ...extra.commitInput?.(ctx.values) })) as {
          rowsWritten: number
        }
        return {
          data: { ...result, years: preview.years, problems: [], warnings: preview.warnings },
          text: [...lines, `已导入 ${result.rowsWritten} 行。`].join('\n'),
        }
      },
    },
    [`${m} report`]: {
      usage: `${m} report --year 年度 --out 文件.docx [--force]`,
      summary: spec.summaries.report,
      options: { year: { type: 'string' }, out: { type: 'string' }, ...FORCE_OPTION },
      async run(ctx) {
        const year = yearOption(ctx.values.year)
        if (year === undefined) throw new CliError('请用 --year 指定统计年度')
        const out = requireOut(ctx.values.out, '.docx')
        const written = await ctx.saveOutput(
          (await callAny(ctx, spec.reportChannel, { year })) as OutputFile,
          out,
          ctx.values.force === true,
        )
        return { data: { file: written }, text: `已生成自评报告：${written}` }
      },
    },
  }
}
