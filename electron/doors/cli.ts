import { parseArgs } from 'node:util'
import type { Handlers, OutputOf, Result } from '../../shared/contract'
import { CliError, parseArgsMessage, type Call, type CliCommand } from '../core/cli/command'
import { dispatch } from '../core/dispatch'
import { CORE_MODULES } from '../core/modules'

const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

/** The command table: every module's commands (`info`, `numbers allocate`…). */
export const COMMANDS: Record<string, CliCommand> = Object.assign({}, ...CORE_MODULES.map((m) => m.commands ?? {}))

export function usage(): string {
  const rows = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(34)}${c.summary}`)
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
}

/**
 * Runs one command line against the handler table. Returns the exit code: 0 on success,
 * 1 when the operation failed, 2 for a usage error.
 */
export async function runCli(argv: string[], makeHandlers: (dataDir: string | undefined) => Handlers, io: CliIo): Promise<number> {
  // Commands are one word (info) or two (numbers allocate).
  const twoWords = argv.length > 1 && COMMANDS[`${argv[0]} ${argv[1]}`] ? 2 : 1
  const name = twoWords === 2 ? `${argv[0]} ${argv[1]}` : argv[0]
  const command = name && !name.startsWith('-') ? COMMANDS[name] : undefined
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
  if (!command) return fail(`未知命令「${name}」。运行 dudao --help 查看可用命令。`, 2)

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
  const handlers = makeHandlers(parsed.values['data-dir'] as string | undefined)
  const call: Call = async (channel, input) => {
    const result = (await dispatch(handlers, channel, input)) as Result<OutputOf<typeof channel>>
    if (!result.ok) throw new CliError(result.error.message)
    return result.data
  }
  try {
    const { data, text } = await command.run({ positionals: parsed.positionals, values: parsed.values, call })
    io.out(parsed.values.json ? JSON.stringify({ ok: true, data }, null, 2) : text)
    return 0
  } catch (e) {
    if (e instanceof CliError) return fail(e.message, 1)
    return fail(`操作失败：${(e as Error).message}`, 1)
  }
}
