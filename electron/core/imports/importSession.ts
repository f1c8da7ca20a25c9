import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { ImportColumn, ImportCommitResult, ImportPreview, ImportProblem } from '../../../shared/imports/types'
import type { FileRef } from '../../../shared/files/types'
import type Database from 'better-sqlite3'
import { UserError } from '../errors'
import { fileStore, type ResolvedInput } from '../files/fileStore'
import { jobRunner, type JobContext } from '../jobs/jobRunner'
import type { JobStarted } from '../../../shared/jobs/types'
import type { Workspace } from '../workspace'

/** What an importer's reader found in a file. */
export interface ImportReading<Row> {
  /** Data rows read (header rows not counted). */
  rowsRead: number
  columns: ImportColumn[]
  /** The rows that passed every check, ready to write. */
  rows: Row[]
  problems: ImportProblem[]
  warnings: string[]
}

/**
 * One kind of import (e.g. the kindergarten list). The module's `importCheck` / `importCommit` channels
 * call `importCheck(ws, importer, file)` and `importCommit(ws, importer, token)` with it.
 */
export interface Importer<Row> {
  /** Binds tokens to this importer, e.g. `preschool.kindergartens`: a token from another importer is refused. */
  key: string
  /** Reads and checks the whole file; never writes. `ctx` (when run as a job) takes progress and cancellation. */
  read(file: ResolvedInput, ctx?: JobContext): Promise<ImportReading<Row>>
  /**
   * Writes every row inside the open transaction (never opens its own); throwing rolls everything back.
   * @returns rows written
   */
  write(db: Database.Database, rows: Row[]): number
  /** A row as shown in the preview (field label → value). */
  describe(row: Row): Record<string, string | number | null>
}

/** How long a checked import waits for its commit: 30 minutes. */
export const IMPORT_TOKEN_TTL_MS = 30 * 60 * 1000
const SAMPLE_ROWS = 20

interface PendingImport {
  importerKey: string
  fileId: string
  fileName: string
  sha256: string
  rows: unknown[]
  /** False when the check found problems (or nothing to write): the commit is refused. */
  canCommit: boolean
  expiresAt: number
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

/** The checked imports of one workspace, waiting for their commit (in memory only: a restart forgets them). */
export class ImportSessions {
  private readonly pending = new Map<string, PendingImport>()
  constructor(readonly now: () => number = Date.now) {}

  add(entry: PendingImport): string {
    this.sweep()
    const token = `i_${randomBytes(24).toString('base64url')}`
    this.pending.set(token, entry)
    return token
  }

  /** @throws UserError (Chinese) when the token is unknown, expired, or another importer's */
  get(token: string, importerKey: string): PendingImport {
    const entry = this.pending.get(token)
    if (!entry) throw new UserError('导入凭据无效或已被使用，请重新检查文件', 'token')
    if (entry.expiresAt < this.now()) {
      this.pending.delete(token)
      throw new UserError('导入凭据已过期（检查后超过 30 分钟），请重新检查文件', 'token')
    }
    if (entry.importerKey !== importerKey) throw new UserError('导入凭据不属于这项导入，请重新检查文件', 'token')
    return entry
  }

  delete(token: string): void {
    this.pending.delete(token)
  }

  private sweep(): void {
    const t = this.now()
    for (const [token, e] of this.pending) if (e.expiresAt < t) this.pending.delete(token)
  }
}

const sessions = new WeakMap<Workspace, ImportSessions>()

/** The import sessions of a workspace (created on first use; `now` only for tests). */
export function importSessions(ws: Workspace, now?: () => number): ImportSessions {
  let s = sessions.get(ws)
  if (!s) sessions.set(ws, (s = new ImportSessions(now)))
  return s
}

/**
 * Step one of an import: reads and checks the file behind `ref`, writes nothing, and keeps what would be
 * written under a token bound to this importer and to the file's content (SHA-256).
 * @returns the preview: rows read, columns mapped, every problem (sheet/row/column/value/reason), warnings, the token
 * @throws UserError when the file reference is unknown or the file unreadable
 */
export async function importCheck<Row>(ws: Workspace, importer: Importer<Row>, ref: FileRef, ctx?: JobContext): Promise<ImportPreview> {
  const file = fileStore(ws).resolveInput(ref)
  const digest = sha256(file.path)
  const reading = await importer.read(file, ctx)
  const canCommit = reading.problems.length === 0 && reading.rows.length > 0
  const store = importSessions(ws)
  const expiresAt = store.now() + IMPORT_TOKEN_TTL_MS
  const token = store.add({
    importerKey: importer.key,
    fileId: ref.fileId,
    fileName: file.name,
    sha256: digest,
    rows: reading.rows,
    canCommit,
    expiresAt,
  })
  return {
    token,
    fileName: file.name,
    rowsRead: reading.rowsRead,
    rowsAccepted: reading.rows.length,
    columns: reading.columns,
    problems: reading.problems,
    warnings:
      reading.rows.length === 0 && reading.problems.length === 0 ? [...reading.warnings, '文件中没有可导入的数据行'] : reading.warnings,
    sample: reading.rows.slice(0, SAMPLE_ROWS).map((r) => importer.describe(r)),
    canCommit,
    expiresAt: new Date(expiresAt).toISOString(),
  }
}

/**
 * Step one as a background job (`<module>.importCheckJob` channels): answers at once with the job id; the
 * reader reports rows checked of rows in the sheet and can be cancelled between rows (JobRunner events);
 * the job's result is the preview, passed through `finish` (a module adds what its importer learnt, e.g.
 * the years the file covers). A large workbook is checked without holding up the doors or the page.
 * @throws (as the job's failure) the UserError of importCheck
 */
export function importCheckJob<Row, P extends ImportPreview>(
  ws: Workspace,
  importer: Importer<Row>,
  ref: FileRef,
  options: { kind: string; title: string; finish: (preview: ImportPreview) => P },
): JobStarted {
  return jobRunner(ws).start({ kind: options.kind, title: options.title, cancellable: true }, async (ctx) =>
    options.finish(await importCheck(ws, importer, ref, ctx)),
  )
}

/**
 * Step two: writes what `importCheck` accepted, in one IMMEDIATE transaction, or nothing. Refused
 * (in Chinese) when the token is unknown, expired or another importer's, when the check found problems,
 * or when the file changed since the check. On success the token is spent and the file released (an
 * upload's temp file deleted).
 * @throws UserError for the refusals; the writer's error after a rollback
 */
export function importCommit<Row>(ws: Workspace, importer: Importer<Row>, token: string): ImportCommitResult {
  const store = importSessions(ws)
  const entry = store.get(token, importer.key)
  let current: ResolvedInput | null = null
  try {
    current = fileStore(ws).resolveInput({ fileId: entry.fileId })
  } catch {
    current = null // released or expired: what was checked is still what gets written
  }
  if (current && sha256(current.path) !== entry.sha256) {
    store.delete(token)
    throw new UserError(`文件「${entry.fileName}」在检查后被修改过，请重新检查后再导入`, 'token')
  }
  if (!entry.canCommit) throw new UserError('检查发现问题或没有可导入的数据，不能导入。请修改文件后重新检查。', 'token')
  const db = ws.db()
  const written = db.transaction(() => importer.write(db, entry.rows as Row[])).immediate()
  store.delete(token)
  fileStore(ws).release(entry.fileId)
  return { rowsWritten: written }
}
