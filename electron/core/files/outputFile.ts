import { randomBytes } from 'node:crypto'
import { lstat, open, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { UserError } from '../errors'
import { DB_FILE_NAME } from '../dataDir'
import { describeFsCode, FILE_OP_TIMEOUT_MS, isSameOrInside, realPathOf, requireWritableDir, withTimeout } from '../system/fileOps'

/** Why an output path was refused: the UI asks to confirm on `exists`, everything else is final. */
export type OutputFileProblem = 'inside-data-dir' | 'exists' | 'is-directory' | 'write-failed'

/** A refused or failed output file; `problem` lets a caller offer "overwrite?" for `exists`. */
export class OutputFileError extends UserError {
  constructor(
    message: string,
    readonly problem: OutputFileProblem,
    readonly path: string,
  ) {
    super(message, 'out')
    this.name = 'OutputFileError'
  }
}

export interface OutputFileOptions {
  /** Replace an existing file (CLI `--force`, or the user confirmed in the save dialog). */
  overwrite: boolean
  /** The data folder: nothing inside it may be written (database, its -wal/-shm, backups, logs). */
  dataDir: string
  /** Upper bound for the whole write, ms (default 60 s). */
  timeoutMs?: number
}

/**
 * Checks an output path without writing: absolute path returned, or OutputFileError when it is the
 * database, its -wal/-shm, anything inside the data folder (symlinks resolved, case ignored where the
 * file system ignores it), an existing folder, or an existing file while `overwrite` is false.
 * The parent folder must exist and be writable (UserError otherwise; it is never created).
 */
export async function checkOutputPath(path: string, opts: Pick<OutputFileOptions, 'overwrite' | 'dataDir'>): Promise<string> {
  const target = resolve(path)
  const realTarget = await realPathOf(target)
  const realData = await realPathOf(opts.dataDir)
  const db = join(realData, DB_FILE_NAME)
  const dbFiles = [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]
  if (isSameOrInside(realTarget, realData) || dbFiles.some((f) => isSameOrInside(realTarget, f))) {
    throw new OutputFileError(
      `不能把文件保存到数据文件夹（${opts.dataDir}）里：那里存放着数据库和备份，覆盖会毁掉数据。请另选一个位置，例如「文档」或桌面。`,
      'inside-data-dir',
      target,
    )
  }
  await requireWritableDir(dirname(target), 'out')
  let existing
  try {
    existing = await lstat(target)
  } catch {
    existing = null
  }
  if (existing) {
    if (existing.isDirectory()) throw new OutputFileError(`「${target}」是一个文件夹，请给出文件名。`, 'is-directory', target)
    // A hard link to the live database is the database.
    const live = await stat(db).catch(() => null)
    const same = await stat(target).catch(() => null)
    if (live && same && live.ino === same.ino && live.dev === same.dev && live.ino !== 0) {
      throw new OutputFileError('不能覆盖数据库文件，请另选一个位置。', 'inside-data-dir', target)
    }
    if (!opts.overwrite) throw new OutputFileError(`文件已存在：${target}`, 'exists', target)
  }
  return target
}

/**
 * Writes `bytes` to `path` safely: checks the path (see checkOutputPath), writes to a temporary file
 * beside it, flushes it to disk and renames it over the target, so a full disk or a crash leaves
 * either the old file or the complete new one — never a 0-byte or half file.
 * @returns the absolute path and the number of bytes written.
 * @throws OutputFileError (refused path, or `write-failed` with a Chinese reason); UserError on timeout.
 */
export async function writeOutputFile(path: string, bytes: Uint8Array, opts: OutputFileOptions): Promise<{ path: string; bytes: number }> {
  const work = async () => {
    const target = await checkOutputPath(path, opts)
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`)
    try {
      const handle = await open(temp, 'wx')
      try {
        await handle.writeFile(bytes)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temp, target)
    } catch (e) {
      await unlink(temp).catch(() => undefined)
      if (e instanceof UserError) throw e
      const code = (e as NodeJS.ErrnoException).code
      const hint =
        code === 'ENOSPC'
          ? '请清理磁盘空间或换一个磁盘后重试。'
          : code === 'EBUSY' || code === 'EPERM'
            ? '如果该文件已在 Word/WPS 中打开，请先关闭它。'
            : ''
      throw new OutputFileError(`无法写入 ${target}：${describeFsCode(code)}。${hint}原有文件（如有）未被改动。`, 'write-failed', target)
    }
    return { path: target, bytes: bytes.byteLength }
  }
  return withTimeout(work(), `写入文件 ${resolve(path)} `, opts.timeoutMs ?? FILE_OP_TIMEOUT_MS)
}
