import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ChannelName, InputOf, OutputOf } from '../../../shared/contract'
import type { ExportedFile } from '../../../shared/documents/records'
import { MAX_YEAR, MIN_YEAR } from '../../../shared/validation/fields'

/** Calls one channel through dispatch(); throws CliError with the Chinese message when it fails. */
export type Call = <K extends ChannelName>(channel: K, input: InputOf<K>) => Promise<OutputOf<K>>

export interface CommandContext {
  positionals: string[]
  values: Record<string, string | boolean | undefined>
  call: Call
}

/**
 * One command-line command (`info`, `numbers allocate`…): a module exports a table of these and the
 * command-line door (electron/doors/cli.ts) lists them; `run` returns the JSON data and the text to print.
 */
export interface CliCommand {
  usage: string
  summary: string
  options?: Record<string, { type: 'string' | 'boolean' }>
  run(ctx: CommandContext): Promise<{ data: unknown; text: string }>
}

/** A usage or operation error shown to the user as `错误：<message>`. */
export class CliError extends Error {}

/**
 * Parses a `--year` value: a plain four-digit year 1949–2100 (no `2e3`, no `0x7E8`).
 * @throws CliError with a Chinese message otherwise.
 */
export function yearOption(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined
  // Four ASCII digits only: Number() would also read 2e3, 0x7E8, ' 2024 ' and 2024.0 as years.
  const text = typeof value === 'string' ? value : ''
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) throw new CliError(`年份「${String(value)}」无效，应为 ${MIN_YEAR}–${MAX_YEAR} 之间的四位数年份，如 2024`)
  return year
}

/** The absolute `--out` path; @throws CliError when missing. */
export function requireOut(value: string | boolean | undefined, ext: string): string {
  if (typeof value !== 'string' || !value) throw new CliError(`请用 --out 指定输出文件，例如 --out 文件${ext}`)
  return resolve(value)
}

/** Writes an exported file to `out`; @throws CliError with the reason. */
export function writeExport(file: ExportedFile, out: string): string {
  try {
    writeFileSync(out, Buffer.from(file.base64, 'base64'))
  } catch (e) {
    throw new CliError(`无法写入 ${out}：${(e as Error).message}`)
  }
  return out
}

/**
 * The Chinese message for an error of node:util parseArgs (its own messages are English):
 * unknown option, missing or unexpected option value, unexpected argument. Other errors keep
 * their message.
 */
export function parseArgsMessage(e: unknown): string {
  const { code, message } = (e ?? {}) as { code?: string; message?: string }
  const quoted = /'([^']+)'/.exec(message ?? '')?.[1] ?? ''
  const option = quoted.split(' ')[0]
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项「${option}」`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message ?? '') ? `选项「${option}」不带取值` : `选项「${option}」缺少取值`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数「${quoted}」`
    default:
      return message && /[\u4e00-\u9fff]/.test(message) ? message : '参数格式不正确'
  }
}
