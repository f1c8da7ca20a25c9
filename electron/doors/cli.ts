import { parseArgs } from 'node:util'
import type { Handlers, OutputOf, Result } from '../../shared/contract'
import type { JobEvent } from '../../shared/jobs/types'
import { CliError, parseArgsMessage, type Call, type CliCommand, type CommandContext } from '../core/cli/command'
import { dispatch } from '../core/dispatch'
import { UserError } from '../core/errors'
import { fileStore } from '../core/files/fileStore'
import { OutputFileError, writeOutputFile } from '../core/files/outputFile'
import { jobRunner } from '../core/jobs/jobRunner'
import { CORE_MODULES } from '../core/modules'
import type { Workspace } from '../core/workspace'

const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

/** The command table: every module's commands (`info`, `numbers allocate`…). */
export const COMMANDS: Record<string, CliCommand> = Object.assign({}, ...CORE_MODULES.map((m) => m.commands ?? {}))

export function usage(): string {
  const rows = Object.values(COMMANDS).map((c) => `  ${`${c.usage}  `.padEnd(36)}${c.summary}`)
  return [
    '用法：dudao <命令> [参数] [--data-dir 目录] [--json]',
    '',
    '命令：',
    ...rows,
    '',
    '选项：',
    '  --data-dir 目录                   使用指定的数据目录（默认为本机用户数据目录）',
    '  --json                            以 JSON 输出，便于脚本处理',
  ].join('\n')
}

export interface CliIo {
  out(text: string): void
  err(text: string): void
  /**
   * Redraws the progress line of a running job (only given on a terminal: cliMain passes it when
   * stderr is a TTY); `null` ends the line.
   */
  progress?(line: string | null): void
}

/** What the command line runs against: the workspace of the data folder and its handler table. */
export interface CliCore {
  workspace: Workspace
  handlers: Handlers
}

/** One progress line: `备份数据库  [██████░░░░]  60%  正在…` (or without a bar when the total is unknown). */
export function progressLine(e: JobEvent, width = 20): string {
  if (e.total <= 0) return `${e.title}  ${e.message}`
  const ratio = Math.min(1, e.done / e.total)
  const filled = Math.round(ratio * width)
  return `${e.title}  [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%  ${e.message}`
}

/** Cuts a line to a terminal's width, counting CJK and full-width characters as two columns (so it never wraps). */
export function fitToColumns(line: string, columns: number): string {
  let width = 0
  let out = ''
  for (const ch of line) {
    const w = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
    if (width + w > columns) break
    width += w
    out += ch
  }
  return out
}

/** The file and job helpers of a command, bound to one workspace (see CommandContext). */
function commandHelpers(ws: Workspace, io: CliIo): Pick<CommandContext, 'inputFile' | 'waitJob' | 'saveOutput'> {
  const asCliError = (e: unknown) => (e instanceof UserError ? new CliError(e.message) : e)
  return {
    inputFile(path) {
      try {
        return fileStore(ws).registerInput(path)
      } catch (e) {
        throw asCliError(e)
      }
    },
    async waitJob<T>({ jobId }: { jobId: string }) {
      const runner = jobRunner(ws)
      const show = (e: JobEvent) => io.progress?.(e.state === 'running' ? progressLine(e) : null)
      const off = io.progress ? runner.subscribe((e) => e.jobId === jobId && show(e)) : () => {}
      // Where the job stands now (its first events went out before this subscription).
      if (io.progress) show(runner.get(jobId))
      try {
        const end = await runner.wait(jobId)
        if (end.state === 'failed') throw new CliError(end.error ?? '任务失败')
        if (end.state === 'cancelled') throw new CliError('任务已取消')
        return end.result as T
      } finally {
        off()
      }
    },
    async saveOutput(file, out, overwrite) {
      try {
        const produced = fileStore(ws).take(file.downloadId)
        return (await writeOutputFile(out, produced.data, { overwrite, dataDir: ws.dataDir })).path
      } catch (e) {
        if (e instanceof OutputFileError && e.problem === 'exists') throw new CliError(`${e.message}。如要覆盖，请加 --force`)
        throw asCliError(e)
      }
    },
  }
}

/**
 * Runs one command line against the handler table. Returns the exit code: 0 on success,
 * 1 when the operation failed, 2 for a usage error.
 */
export async function runCli(
  argv: string[],
  makeCore: (dataDir: string | undefined) => CliCore,
  io: CliIo,
  commands: Record<string, CliCommand> = COMMANDS,
): Promise<number> {
  // Commands are one word (info) or two (numbers allocate).
  const twoWords = argv.length > 1 && commands[`${argv[0]} ${argv[1]}`] ? 2 : 1
  const name = twoWords === 2 ? `${argv[0]} ${argv[1]}` : argv[0]
  const command = name && !name.startsWith('-') ? commands[name] : undefined
  const wantsJson = argv.includes('--json')
  const fail = (message: string, code: number) => {
    if (wantsJson) io.out(JSON.stringify({ ok: false, error: { message } }))
    else io.err(`错误：${message}`)
    return code
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage())
    return name ? 0 : 2
  }
  if (!command) {
    // A command group alone (dudao preschool, dudao preschool --help): its commands.
    const group = Object.entries(commands).filter(([n]) => n.startsWith(`${argv[0]} `))
    if (group.length > 0) {
      const help = argv.slice(1).some((a) => a === '--help' || a === '-h')
      const lines = [`「${argv[0]}」的命令：`, ...group.map(([, c]) => `  dudao ${c.usage}\n      ${c.summary}`)].join('\n')
      if (help) {
        io.out(lines)
        return 0
      }
      const sub = argv[1] && !argv[1].startsWith('-') ? argv[1] : ''
      return fail(`${sub ? `没有命令「${argv[0]} ${sub}」` : `「${argv[0]}」后面还要写命令`}。${lines}`, 2)
    }
    return fail(`未知命令「${name}」。运行 dudao --help 查看可用命令。`, 2)
  }

  let parsed
  try {
    parsed = parseArgs({
      args: argv.slice(twoWords),
      options: { ...COMMON_OPTIONS, ...(command.options ?? {}) },
      allowPositionals: true,
      strict: true,
    })
  } catch (e) {
    return fail(`参数有误：${parseArgsMessage(e)}\n用法：dudao ${command.usage}`, 2)
  }
  if (parsed.values.help) {
    io.out(`用法：dudao ${command.usage}\n${command.summary}`)
    return 0
  }
  const { handlers, workspace } = makeCore(parsed.values['data-dir'] as string | undefined)
  const call: Call = async (channel, input) => {
    const result = (await dispatch(handlers, channel, input)) as Result<OutputOf<typeof channel>>
    if (!result.ok) throw new CliError(result.error.message)
    return result.data
  }
  try {
    const { data, text } = await command.run({
      positionals: parsed.positionals,
      values: parsed.values,
      call,
      ...commandHelpers(workspace, io),
    })
    // --json: the data itself (e.g. preschool indicators → { year, rubric, indicators }, as the issues specify);
    // a failure prints { ok: false, error } and exits non-zero.
    io.out(parsed.values.json ? JSON.stringify(data, null, 2) : text)
    return 0
  } catch (e) {
    if (e instanceof CliError) return fail(e.message, 1)
    return fail(`操作失败：${(e as Error).message}`, 1)
  }
}
