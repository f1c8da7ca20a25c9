import { basename, dirname } from 'node:path'
import { parseArgs } from 'node:util'
import type { ChannelName, Handlers, InputOf, OutputOf, Result } from '../../shared/contract'
import { dispatch } from '../core/dispatch'

type Call = <K extends ChannelName>(channel: K, input: InputOf<K>) => Promise<OutputOf<K>>

interface CommandContext {
  positionals: string[]
  values: Record<string, string | boolean | undefined>
  call: Call
}

interface CliCommand {
  usage: string
  summary: string
  options?: Record<string, { type: 'string' | 'boolean' }>
  run(ctx: CommandContext): Promise<{ data: unknown; text: string }>
}

class CliError extends Error {}

const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

/** The command table; later modules add their commands here. */
export const COMMANDS: Record<string, CliCommand> = {
  info: {
    usage: 'info',
    summary: '显示机关信息、数据库位置、结构版本和各表行数',
    async run({ call }) {
      const info = await call('system.info', {})
      const lines = [
        `机关：${info.office?.fullName ?? '（尚未设置）'}`,
        `数据库：${info.dbExists ? info.dbPath : `${info.dbPath}（尚未创建）`}`,
        `大小：${formatBytes(info.dbSizeBytes)}`,
        `结构版本：${info.schemaVersion} / ${info.latestSchemaVersion}`,
        `程序版本：${info.appVersion}`,
        ...info.tables.map((t) => `  ${t.table.padEnd(24)} ${t.rows} 行`),
      ]
      return { data: info, text: lines.join('\n') }
    },
  },
  demo: {
    usage: 'demo',
    summary: '把示例县（贺兰县）的数据载入数据目录',
    async run({ call }) {
      const office = await call('system.loadDemo', {})
      return { data: office, text: `已载入示例数据：${office.fullName}` }
    },
  },
  backup: {
    usage: 'backup <文件>',
    summary: '把数据库备份到指定文件（SQLite 在线备份，使用中也一致）',
    async run({ positionals, call }) {
      const file = positionals[0]
      if (!file) throw new CliError('请给出备份文件路径，例如：backup D:\\备份\\督导.sqlite')
      const result = await call('system.backup', { targetDir: dirname(file), fileName: basename(file) })
      return { data: result, text: `已备份到 ${result.file}（${formatBytes(result.bytes)}）` }
    },
  },
}

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
  const name = argv[0]
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
      args: argv.slice(1),
      options: { ...COMMON_OPTIONS, ...(command.options ?? {}) },
      allowPositionals: true,
      strict: true,
    })
  } catch (e) {
    return fail(`参数有误：${(e as Error).message}\n用法：dudao ${command.usage}`, 2)
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
