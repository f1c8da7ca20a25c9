import { randomBytes } from 'node:crypto'
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { UserError } from '../errors'

export interface WriteOutputOptions {
  /** Replace an existing file (only when the user asked: `--force`, or confirmed in a save dialog). */
  overwrite: boolean
}

/**
 * The one function that writes a file the user asked for (exports through the Electron save dialog
 * and the command line's `--out`). The bytes go to a temporary name beside the target and are renamed
 * over it, so a full disk never leaves a half-written file.
 *
 * MINIMAL VERSION: the path-safety helper's version (never into the data folder, …) replaces this body;
 * the signature is the meeting point.
 *
 * @param path target file (absolute, or relative to the working directory)
 * @param bytes the whole content
 * @returns the absolute path written
 * @throws UserError (Chinese) when the file exists and overwrite is false, or the write fails
 */
export function writeOutputFile(path: string, bytes: Uint8Array, options: WriteOutputOptions): string {
  const target = resolve(path)
  if (!options.overwrite && existsSync(target)) throw new UserError(`文件已存在：${target}。如需覆盖，请确认覆盖（命令行加 --force）。`, 'out')
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    writeFileSync(temp, bytes, { flag: 'wx' })
    renameSync(temp, target)
  } catch (e) {
    rmSync(temp, { force: true })
    throw new UserError(`无法写入 ${target}：${(e as Error).message}`, 'out')
  }
  return target
}
