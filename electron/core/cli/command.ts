import { resolve } from 'node:path'
import type { ChannelName, InputOf, OutputOf } from '../../../shared/contract'
import type { FileInfo, OutputFile } from '../../../shared/files/types'
import type { JobStarted } from '../../../shared/jobs/types'
import { MAX_YEAR, MIN_YEAR } from '../../../shared/validation/fields'

/** Calls one channel through dispatch(); throws CliError with the Chinese message when it fails. */
export type Call = <K extends ChannelName>(channel: K, input: InputOf<K>) => Promise<OutputOf<K>>

export interface CommandContext {
  positionals: string[]
  values: Record<string, string | boolean | undefined>
  call: Call
  /**
   * Registers a file named on the command line for reading; the returned `{ fileId }` is what a
   * channel's file field takes (the CLI's way of bringing a file in).
   * @throws CliError when it is not a readable file within the size limit
   */
  inputFile(path: string): FileInfo
  /**
   * Waits for a job to end, drawing a progress line on a terminal.
   * @returns the job's result
   * @throws CliError with the job's Chinese message when it failed or was cancelled
   */
  waitJob<T>(started: JobStarted): Promise<T>
  /**
   * Writes a file the core produced to `out` through writeOutputFile: never into the data folder, an
   * existing file only with `overwrite` (--force), a temporary name and a rename.
   * @returns the absolute path written
   * @throws CliError with the Chinese reason
   */
  saveOutput(file: OutputFile, out: string, overwrite: boolean): Promise<string>
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
  if (!(year >= MIN_YEAR && year <= MAX_YEAR))
    throw new CliError(`年份「${String(value)}」无效，应为 ${MIN_YEAR}–${MAX_YEAR} 之间的四位数年份，如 2024`)
  return year
}

/** The absolute `--out` path; @throws CliError when missing. */
export function requireOut(value: string | boolean | undefined, ext: string): string {
  if (typeof value !== 'string' || !value) throw new CliError(`请用 --out 指定输出文件，例如 --out 文件${ext}`)
  return resolve(value)
}

/** The `--force` option every command writing a file offers. */
export const FORCE_OPTION = { force: { type: 'boolean' } } as const

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
