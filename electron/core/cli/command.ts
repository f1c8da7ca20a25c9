import { resolve } from 'node:path'
import type { ChannelName, InputOf, OutputOf } from '../../../shared/contract'
import type { ExportedFile } from '../../../shared/documents/records'
import { OutputFileError, writeOutputFile } from '../files/outputFile'

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
  const year = Number(value)
  if (!Number.isInteger(year) || year < 1949 || year > 2100) throw new CliError(`年份「${String(value)}」无效，应为 1949–2100 的整数`)
  return year
}

/** The absolute `--out` path; @throws CliError when missing. */
export function requireOut(value: string | boolean | undefined, ext: string): string {
  if (typeof value !== 'string' || !value) throw new CliError(`请用 --out 指定输出文件，例如 --out 文件${ext}`)
  return resolve(value)
}

/** The `--force` option of commands that write a file: overwrite an existing output file. */
export const FORCE_OPTION = { force: { type: 'boolean' } } as const

/**
 * Writes an exported file to `out` through writeOutputFile: never into the data folder, an existing
 * file only with `--force`, through a temporary file and a rename.
 * @returns the absolute path written. @throws CliError with the Chinese reason.
 */
export async function writeExport(call: Call, file: ExportedFile, out: string, force: boolean): Promise<string> {
  const { dataDir } = await call('system.status', {})
  try {
    return (await writeOutputFile(out, Buffer.from(file.base64, 'base64'), { overwrite: force, dataDir })).path
  } catch (e) {
    if (e instanceof OutputFileError && e.problem === 'exists') throw new CliError(`${e.message}。如要覆盖，请加 --force`)
    throw new CliError((e as Error).message)
  }
}
