import { constants } from 'node:fs'
import { access, mkdir, realpath, stat } from 'node:fs/promises'
import { mkdirSync, statSync } from 'node:fs'
import { basename, dirname, join, posix, resolve, win32 } from 'node:path'
import { UserError } from '../errors'

/** Default bound for one file operation (copy, backup, check), in milliseconds. */
export const FILE_OP_TIMEOUT_MS = 60_000

/**
 * Resolves `work` or rejects with a Chinese UserError after `ms` milliseconds. The operation itself
 * is not cancelled (Node cannot cancel a thread-pool call), but the request is answered and the
 * event loop stays free.
 * @param what  what is being done, in Chinese (「写入备份文件」), used in the message.
 */
export function withTimeout<T>(work: Promise<T>, what: string, ms = FILE_OP_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new UserError(`${what}超时（超过 ${Math.round(ms / 1000)} 秒没有完成）。磁盘、U 盘或网络位置可能没有响应，请检查后重试。`)),
      ms,
    )
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/** True on file systems that ignore case (Windows, macOS by default). */
export function caseInsensitive(platform = process.platform): boolean {
  return platform === 'win32' || platform === 'darwin'
}

/**
 * The real path of `p`: symlinks resolved for the longest existing ancestor, the rest appended.
 * Never throws for a missing path.
 */
export async function realPathOf(p: string): Promise<string> {
  const abs = resolve(p)
  const missing: string[] = []
  let cur = abs
  for (let i = 0; i < 64; i++) {
    try {
      const real = await realpath(cur)
      return missing.length ? join(real, ...missing.reverse()) : real
    } catch {
      const parent = dirname(cur)
      if (parent === cur) return abs
      missing.push(basename(cur))
      cur = parent
    }
  }
  return abs
}

/** True when `child` is `parent` itself or lies inside it (both absolute, already real paths). */
export function isSameOrInside(child: string, parent: string, platform = process.platform): boolean {
  const paths = platform === 'win32' ? win32 : posix
  const norm = (p: string) => {
    const r = paths.resolve(p).replace(/[\\/]+$/, '')
    return caseInsensitive(platform) ? r.toLowerCase() : r
  }
  const c = norm(child)
  const pa = norm(parent)
  return c === pa || c.startsWith(pa + paths.sep)
}

/**
 * Checks that `dir` is an existing folder this process can write to, without creating anything
 * (a recursive mkdir on a pseudo file system such as /proc never returns).
 * @throws UserError with a Chinese message naming the folder; `field` as given.
 */
export async function requireWritableDir(dir: string, field?: string): Promise<string> {
  const abs = resolve(dir)
  let info
  try {
    info = await withTimeout(stat(abs), '检查文件夹', 10_000)
  } catch (e) {
    if (e instanceof UserError) throw e
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new UserError(`文件夹不存在：${abs}。请先建好文件夹，或选择一个已有的文件夹。`, field)
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`没有权限访问文件夹：${abs}。请选择自己有权限的文件夹。`, field)
    throw new UserError(`无法访问文件夹：${abs}（${code ?? (e as Error).message}）`, field)
  }
  if (!info.isDirectory()) throw new UserError(`「${abs}」不是文件夹，请选择一个文件夹。`, field)
  try {
    await withTimeout(access(abs, constants.W_OK), '检查文件夹', 10_000)
  } catch (e) {
    if (e instanceof UserError) throw e
    throw new UserError(`文件夹是只读的或没有写入权限：${abs}。请选择可以写入的文件夹（例如本机磁盘或已插好的 U 盘）。`, field)
  }
  return abs
}

/**
 * Creates `dir` and missing parents one level at a time, bounded in depth, synchronously (used for
 * the data folder at start). Unlike `mkdir -p` it gives up when a parent exists but a child cannot be
 * made (pseudo file systems), instead of looping.
 * @throws UserError with a Chinese message.
 */
export function ensureDirSync(dir: string): void {
  const abs = resolve(dir)
  const chain: string[] = []
  let cur = abs
  for (let i = 0; i < 64; i++) {
    try {
      if (statSync(cur).isDirectory()) break
      throw new UserError(`「${cur}」不是文件夹，无法在其中存放数据。`)
    } catch (e) {
      if (e instanceof UserError) throw e
      chain.push(cur)
      const parent = dirname(cur)
      if (parent === cur) break
      cur = parent
    }
  }
  for (const d of chain.reverse()) {
    try {
      mkdirSync(d)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'EEXIST') continue
      throw new UserError(`无法创建文件夹：${d}（${describeFsCode(code)}）。请换一个数据文件夹。`)
    }
  }
}

/** Async, non-recursive mkdir of one folder whose parent exists; an existing folder is fine. */
export async function ensureChildDir(dir: string): Promise<void> {
  try {
    await withTimeout(mkdir(dir), '创建文件夹', 10_000)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return
    if (e instanceof UserError) throw e
    throw new UserError(`无法创建文件夹：${dir}（${describeFsCode((e as NodeJS.ErrnoException).code)}）`)
  }
}

/** A short Chinese name for a file-system error code. */
export function describeFsCode(code: string | undefined): string {
  switch (code) {
    case 'ENOSPC':
      return '磁盘空间不足'
    case 'EACCES':
    case 'EPERM':
      return '没有权限'
    case 'EROFS':
      return '磁盘或文件夹是只读的'
    case 'ENOENT':
      return '路径不存在'
    case 'EBUSY':
      return '文件正被其他程序使用'
    default:
      return code ?? '未知错误'
  }
}
