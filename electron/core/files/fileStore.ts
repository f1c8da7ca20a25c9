import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { MAX_INPUT_FILE_BYTES, type FileInfo, type FileRef, type OutputFile } from '../../../shared/files/types'
import { formatBytes } from '../../../shared/format/bytes'
import { UserError } from '../errors'
import type { Workspace } from '../workspace'

/** How long a registered input file stays valid without use: 2 hours. */
const INPUT_TTL_MS = 2 * 60 * 60 * 1000
/** How long a produced file waits for its door to deliver it: 15 minutes. */
const DOWNLOAD_TTL_MS = 15 * 60 * 1000

interface InputEntry {
  path: string
  name: string
  bytes: number
  /** Uploaded into the temp folder: deleted when released. */
  temporary: boolean
  expiresAt: number
}

interface DownloadEntry {
  file: OutputFile
  data: Buffer
  expiresAt: number
}

/** A file registered for reading, as the core sees it. */
export interface ResolvedInput {
  path: string
  name: string
  bytes: number
}

/** A produced file with its bytes. */
export interface ProducedFile {
  fileName: string
  mimeType: string
  data: Buffer
}

const randomId = (prefix: string) => `${prefix}_${randomBytes(24).toString('base64url')}`

/**
 * The files of one workspace: inputs registered by the doors (picked, uploaded, named on the command
 * line) and outputs waiting to be delivered. Ids are random and only meaningful inside this process;
 * the renderer cannot name a path, only an id a door handed it.
 */
export class FileStore {
  private readonly inputs = new Map<string, InputEntry>()
  private readonly downloads = new Map<string, DownloadEntry>()

  constructor(
    private readonly dataDir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** `<data dir>/tmp/uploads`: where the browser door stores uploads (created on demand). */
  uploadDir(): string {
    const dir = join(this.dataDir, 'tmp', 'uploads')
    mkdirSync(dir, { recursive: true })
    return dir
  }

  /** A fresh path in the upload folder for one upload. */
  newUploadPath(): string {
    return join(this.uploadDir(), `${randomBytes(12).toString('hex')}.upload`)
  }

  /**
   * Registers a file for reading and returns its id.
   * @param path the file (absolute or relative to the working directory)
   * @param options.name the name shown to the user (default: the file's own name)
   * @param options.temporary delete the file when released (uploads)
   * @throws UserError (Chinese) when the path is not a readable file or is over MAX_INPUT_FILE_BYTES
   */
  registerInput(path: string, options: { name?: string; temporary?: boolean } = {}): FileInfo {
    this.sweep()
    const full = resolve(path)
    let size: number
    try {
      const st = statSync(full)
      if (!st.isFile()) throw new UserError(`「${basename(full)}」不是文件`, 'file')
      size = st.size
    } catch (e) {
      if (e instanceof UserError) throw e
      throw new UserError(`找不到文件或无法读取：${full}`, 'file')
    }
    if (size > MAX_INPUT_FILE_BYTES) {
      throw new UserError(`文件「${basename(full)}」有 ${formatBytes(size)}，超过上限 ${formatBytes(MAX_INPUT_FILE_BYTES)}`, 'file')
    }
    const fileId = randomId('f')
    const name = (options.name ?? basename(full)).slice(0, 255)
    this.inputs.set(fileId, { path: full, name, bytes: size, temporary: options.temporary ?? false, expiresAt: this.now() + INPUT_TTL_MS })
    return { fileId, name, bytes: size }
  }

  /**
   * The registered file behind a contract file reference.
   * @throws UserError when the id is unknown or expired (files are forgotten after 2 hours or when released)
   */
  resolveInput(ref: FileRef): ResolvedInput {
    this.sweep()
    const entry = this.inputs.get(ref.fileId)
    if (!entry) throw new UserError('文件已失效（超过时限或已使用），请重新选择文件', 'file')
    if (!existsSync(entry.path)) throw new UserError(`文件已不存在：${entry.name}`, 'file')
    entry.expiresAt = this.now() + INPUT_TTL_MS
    return { path: entry.path, name: entry.name, bytes: entry.bytes }
  }

  /** Forgets an input; an upload's temp file is deleted. Unknown ids are ignored. */
  release(fileId: string): void {
    const entry = this.inputs.get(fileId)
    if (!entry) return
    this.inputs.delete(fileId)
    if (entry.temporary) rmSync(entry.path, { force: true })
  }

  /** Keeps a produced file for its door to deliver; returns what the channel answers. */
  stash(file: ProducedFile): OutputFile {
    this.sweep()
    const out: OutputFile = { downloadId: randomId('d'), fileName: file.fileName, mimeType: file.mimeType, bytes: file.data.length }
    this.downloads.set(out.downloadId, { file: out, data: file.data, expiresAt: this.now() + DOWNLOAD_TTL_MS })
    return out
  }

  /** A produced file's description without taking it (e.g. the name for a save dialog); null when unknown or expired. */
  peek(downloadId: string): OutputFile | null {
    this.sweep()
    return this.downloads.get(downloadId)?.file ?? null
  }

  /**
   * Hands a produced file to its door and forgets it (each file is delivered once).
   * @throws UserError when the id is unknown or expired (15 minutes)
   */
  take(downloadId: string): ProducedFile & { file: OutputFile } {
    this.sweep()
    const entry = this.downloads.get(downloadId)
    if (!entry) throw new UserError('导出的文件已失效（超过 15 分钟或已保存），请重新导出')
    this.downloads.delete(downloadId)
    return { fileName: entry.file.fileName, mimeType: entry.file.mimeType, data: entry.data, file: entry.file }
  }

  /** Drops expired entries (deleting expired uploads). */
  sweep(): void {
    const t = this.now()
    for (const [id, e] of this.inputs) if (e.expiresAt < t) this.release(id)
    for (const [id, e] of this.downloads) if (e.expiresAt < t) this.downloads.delete(id)
  }

  /** Forgets everything and deletes the temp folder (at exit; also clears leftovers of a crash). */
  dispose(): void {
    for (const id of [...this.inputs.keys()]) this.release(id)
    this.downloads.clear()
    rmSync(join(this.dataDir, 'tmp', 'uploads'), { recursive: true, force: true })
  }
}

const stores = new WeakMap<Workspace, FileStore>()
const live = new Set<FileStore>()
let exitHooked = false

/** Deletes every live store's uploads when the process exits (browser mode's Ctrl+C, the CLI, Electron's quit). */
function hookExit(): void {
  if (exitHooked) return
  exitHooked = true
  process.once('exit', () => live.forEach((s) => s.dispose()))
}

/** The file store of a workspace (one per workspace, created on first use; leftovers of a crash removed then). */
export function fileStore(ws: Workspace): FileStore {
  let store = stores.get(ws)
  if (!store) {
    store = new FileStore(ws.dataDir)
    rmSync(join(ws.dataDir, 'tmp', 'uploads'), { recursive: true, force: true })
    stores.set(ws, store)
    live.add(store)
    hookExit()
  }
  return store
}
