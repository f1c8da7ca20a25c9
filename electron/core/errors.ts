import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** An error whose message is meant for the user (Chinese), optionally naming the field at fault. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'UserError'
  }
}

/** The log file inside the data folder: `logs/dudao.log`, rotated at LOG_MAX_BYTES (dudao.log.1 … .3). */
export const LOG_DIR = 'logs'
export const LOG_FILE = 'dudao.log'
export const LOG_MAX_BYTES = 1024 * 1024
const LOG_KEEP = 3

/**
 * Appends one entry (local time, context, the error's stack) to `<dataDir>/logs/dudao.log`, rotating
 * by size. Never throws: a read-only or full disk loses the entry, not the request.
 */
export function logError(dataDir: string, context: string, error: unknown): void {
  try {
    const dir = join(dataDir, LOG_DIR)
    mkdirSync(dir, { recursive: false })
  } catch {
    /* exists, or cannot be made (read-only): appendFileSync below fails quietly */
  }
  const file = join(dataDir, LOG_DIR, LOG_FILE)
  try {
    if (statSync(file).size > LOG_MAX_BYTES) {
      rmSync(`${file}.${LOG_KEEP}`, { force: true })
      for (let i = LOG_KEEP - 1; i >= 1; i--) {
        try {
          renameSync(`${file}.${i}`, `${file}.${i + 1}`)
        } catch {
          /* missing */
        }
      }
      renameSync(file, `${file}.1`)
    }
  } catch {
    /* no log yet */
  }
  try {
    const e = error as Error & { code?: string }
    const body = e instanceof Error ? `${e.code ? `[${e.code}] ` : ''}${e.stack ?? e.message}` : String(error)
    appendFileSync(file, `${new Date().toString().slice(0, 33)} ${context}\n${body}\n\n`, 'utf8')
  } catch {
    /* nowhere to log */
  }
}

/** Where each handler table logs: set by createHandlers, read by dispatch's catch. */
const logDirs = new WeakMap<object, string>()

/** Ties a handler table to the data folder whose log receives its unexpected errors. */
export function attachErrorLog<T extends object>(handlers: T, dataDir: string): T {
  logDirs.set(handlers, dataDir)
  return handlers
}

type CodedError = Error & { code?: string }

/**
 * Turns any error leaving the core into what the user sees: a UserError as it is; storage errors
 * (disk full, read-only, permission, damaged file) as a Chinese sentence saying what happened and
 * what to do; anything else as 「操作失败（…）」 without a stack trace. Every error that is not a
 * UserError is written with its stack to the data folder's log (see logError).
 * @param title  the channel's Chinese title, e.g. 「备份数据库」.
 */
export function userFacingError(e: unknown, title: string, handlers?: object): { message: string; field?: string } {
  if (e instanceof UserError) return { message: e.message, field: e.field }
  const dataDir = handlers ? logDirs.get(handlers) : undefined
  if (dataDir) logError(dataDir, title, e)
  else console.error(`[${title}]`, e)
  const logHint = dataDir ? `详细信息已记入日志（${join(dataDir, LOG_DIR, LOG_FILE)}）。` : ''
  const storage = storageErrorMessage(e as CodedError)
  if (storage) return { message: `${title}未完成：${storage}${logHint}` }
  const firstLine = String((e as Error)?.message ?? e)
    .split('\n')[0]
    .slice(0, 200)
  return { message: `操作失败（${title}）：${firstLine}。${logHint}` }
}

/** The Chinese sentence for a storage error, or null when `e` is not one. */
export function storageErrorMessage(e: CodedError): string | null {
  const code = String(e?.code ?? '')
  const text = String(e?.message ?? '')
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || /database or disk is full|no space left/i.test(text)) {
    return '磁盘已满，数据没有保存。请删除不需要的文件、清空回收站，腾出空间后再试一次。'
  }
  if (code.startsWith('SQLITE_IOERR') || /disk I\/O error/i.test(text)) {
    return '读写磁盘时出错（磁盘可能已满、已拔出或有故障），数据没有保存。请检查磁盘空间和连接后再试；如果反复出现，请先备份数据并检查磁盘。'
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || /readonly database|read-only file system/i.test(text)) {
    return '数据文件或数据文件夹是只读的，只能查看，不能保存。请取消数据库文件的「只读」属性，或把数据文件夹放到可以写入的位置（不要放在光盘或只读共享上）。'
  }
  if (
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'SQLITE_PERM' ||
    code === 'SQLITE_AUTH' ||
    /permission denied|operation not permitted/i.test(text)
  ) {
    return '没有权限读写数据文件或文件夹。请用自己的 Windows 账户打开本程序，或请管理员把数据文件夹的「修改」权限给当前用户。'
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || /malformed|not a database/i.test(text)) {
    return '数据库文件已损坏。请到「系统设置」→「从备份恢复」用最近的完好备份恢复（恢复前会保留当前文件的副本）。'
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY') || /database is locked/i.test(text)) {
    return '数据库正被另一个窗口或命令行占用，请稍后再试。'
  }
  if (code === 'SQLITE_CANTOPEN' || /unable to open database/i.test(text)) {
    return '无法打开数据库文件（文件夹可能不存在、没有权限或磁盘已拔出）。请检查数据文件夹后再试。'
  }
  return null
}
