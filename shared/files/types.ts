import { z } from 'zod'

/**
 * Files in and out of the core, the same through every door.
 *
 * In: the core never takes a path from the renderer. A door turns its own way of choosing a file into
 * an opaque file id the core has registered: the Electron main process after a native open dialog,
 * the browser door after an upload, the command line from a path argument. Contract fields hold
 * `{ fileId }` (see `fileRef`).
 *
 * Out: the core produces an `OutputFile` kept in memory for a short while; each door delivers it its
 * own way (browser download, Electron native save dialog, `--out` on the command line).
 */

/** The shape of a file id: `f_` + 32 url-safe random characters. */
export const FILE_ID_PATTERN = /^f_[A-Za-z0-9_-]{32}$/
/** The shape of a download id: `d_` + 32 url-safe random characters. */
export const DOWNLOAD_ID_PATTERN = /^d_[A-Za-z0-9_-]{32}$/

/** A contract field naming a file brought in through a door (`{ fileId }`). */
export function fileRef(label: string) {
  return z
    .object({ fileId: z.string().regex(FILE_ID_PATTERN, '文件引用无效，请重新选择文件') })
    .strict()
    .describe(label)
}
export type FileRef = z.infer<ReturnType<typeof fileRef>>

/** A file the core has registered for reading. */
export interface FileInfo {
  fileId: string
  /** The file's own name (no folder), for display. */
  name: string
  /** Size in bytes. */
  bytes: number
}

/** Which files an open or save dialog offers, e.g. `{ name: 'Excel 工作簿', extensions: ['xlsx'] }`. */
export interface FileFilter {
  name: string
  extensions: string[]
}

/** A file produced by the core, waiting to be delivered by a door (download, save dialog, `--out`). */
export interface OutputFile {
  downloadId: string
  fileName: string
  mimeType: string
  /** Size in bytes. */
  bytes: number
}

/** Largest file a door accepts for reading (uploads, picked files, command-line paths): 50 MiB. */
export const MAX_INPUT_FILE_BYTES = 50 * 1024 * 1024
