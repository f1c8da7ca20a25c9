import { writeFileSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { ChannelName, Handlers, InputOf, OutputOf, Result } from '../../shared/contract'
import { DOCUMENT_STATUS_LABELS, NUMBER_STATUS_LABELS, type ExportedFile } from '../../shared/documents/records'
import { parseDocNumber } from '../../shared/documents/docNumber'
import { formatBytes } from '../../shared/format/bytes'
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


function yearOption(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined
  const year = Number(value)
  if (!Number.isInteger(year) || year < 1949 || year > 2100) throw new CliError(`年份「${String(value)}」无效，应为 1949–2100 的整数`)
  return year
}

function requireOut(value: string | boolean | undefined, ext: string): string {
  if (typeof value !== 'string' || !value) throw new CliError(`请用 --out 指定输出文件，例如 --out 文件${ext}`)
  return resolve(value)
}

function writeExport(file: ExportedFile, out: string): string {
  try {
    writeFileSync(out, Buffer.from(file.base64, 'base64'))
  } catch (e) {
    throw new CliError(`无法写入 ${out}：${(e as Error).message}`)
  }
  return out
}

const DOCUMENT_COMMANDS: Record<string, CliCommand> = {
  'documents list': {
    usage: 'documents list [--year 年份] [--query 搜索词]',
    summary: '列出公文（按年份筛选、全文搜索）',
    options: { year: { type: 'string' }, query: { type: 'string' } },
    async run({ values, call }) {
      const list = await call('documents.list', { year: yearOption(values.year), query: (values.query as string) ?? '' })
      const lines = list.map((d) => `${String(d.id).padStart(4)}  ${(d.docNumber || '（未编号）').padEnd(20)}  ${DOCUMENT_STATUS_LABELS[d.status]}  ${d.title}`)
      return { data: list, text: lines.length ? lines.join('\n') : '没有符合条件的公文' }
    },
  },
  'documents export': {
    usage: 'documents export <文号或编号> --out 文件.docx',
    summary: '把公文导出为符合 GB/T 9704 的 Word 文件',
    options: { out: { type: 'string' } },
    async run({ positionals, values, call }) {
      const ref = positionals[0]
      if (!ref) throw new CliError('请给出公文的文号或编号')
      const out = requireOut(values.out, '.docx')
      let id = /^\d+$/.test(ref) ? Number(ref) : undefined
      if (id === undefined) {
        const parts = parseDocNumber(ref)
        if (!parts) throw new CliError(`无法识别文号「${ref}」`)
        const found = (await call('documents.list', { query: '', year: parts.year })).find((d) => parseDocNumber(d.docNumber)?.seq === parts.seq && parseDocNumber(d.docNumber)?.prefix === parts.prefix && d.supersededBy === null)
        if (!found) throw new CliError(`没有文号为「${ref}」的公文`)
        id = found.id
      }
      const file = await call('documents.exportDocx', { id })
      return { data: { file: writeExport(file, out) }, text: `已导出：${out}` }
    },
  },
  'numbers allocate': {
    usage: 'numbers allocate <机关代字> [--year 年份] [--title 标题]',
    summary: '取下一个文号（用于本程序之外制作的文件）',
    options: { year: { type: 'string' }, title: { type: 'string' } },
    async run({ positionals, values, call }) {
      const prefix = positionals[0]
      if (!prefix) throw new CliError('请给出机关代字，例如：numbers allocate 贺政教督发')
      const n = await call('numbers.allocate', { prefix, year: yearOption(values.year), title: (values.title as string) ?? '' })
      return { data: n, text: n.docNumber }
    },
  },
  'numbers reserve': {
    usage: 'numbers reserve <机关代字> --purpose 用途 [--year 年份]',
    summary: '预留一个文号',
    options: { year: { type: 'string' }, purpose: { type: 'string' } },
    async run({ positionals, values, call }) {
      const prefix = positionals[0]
      if (!prefix) throw new CliError('请给出机关代字')
      const n = await call('numbers.reserve', { prefix, year: yearOption(values.year), purpose: (values.purpose as string) ?? '' })
      return { data: n, text: `已预留 ${n.docNumber}` }
    },
  },
  'numbers void': {
    usage: 'numbers void <文号> --reason 原因 [--by 经办人]',
    summary: '作废一个文号（永不再用）',
    options: { reason: { type: 'string' }, by: { type: 'string' } },
    async run({ positionals, values, call }) {
      const docNumber = positionals[0]
      if (!docNumber) throw new CliError('请给出要作废的文号')
      const entry = await call('numbers.void', { docNumber, reason: (values.reason as string) ?? '', by: (values.by as string) ?? '命令行' })
      return { data: entry, text: `已作废 ${entry.docNumber}` }
    },
  },
  'numbers register': {
    usage: 'numbers register --year 年份 [--out 文件.xlsx]',
    summary: '显示或导出发文登记簿（含断号）',
    options: { year: { type: 'string' }, out: { type: 'string' } },
    async run({ values, call }) {
      const year = yearOption(values.year) ?? new Date().getFullYear()
      if (values.out !== undefined) {
        const out = requireOut(values.out, '.xlsx')
        const file = await call('numbers.exportRegister', { year })
        return { data: { file: writeExport(file, out) }, text: `已导出登记簿：${out}` }
      }
      const entries = await call('numbers.register', { year })
      const note = (e: (typeof entries)[number]) =>
        e.status === 'voided' ? `作废原因：${e.voidReason}（${e.voidedBy}）` : e.status === 'reserved' ? `预留：${e.purpose}` : e.status === 'gap' ? '未登记使用' : e.title
      const lines = entries.map((e) => `${e.docNumber.padEnd(20)}  ${NUMBER_STATUS_LABELS[e.status]}  ${note(e)}`)
      return { data: entries, text: lines.length ? lines.join('\n') : `${year}年没有文号记录` }
    },
  },
}
Object.assign(COMMANDS, DOCUMENT_COMMANDS)

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
