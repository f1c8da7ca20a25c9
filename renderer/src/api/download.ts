import type { OutputFile } from '../../../shared/files/types'
import type { Result } from '../../../shared/contract'
import { ApiError, authHeaders } from './client'

/**
 * Hands a file the core produced to the user: in Electron the native save dialog (the main process
 * writes the file; no bytes through IPC), in browser mode a download from the door.
 * @returns where it went (the path, or the file name for a download), null when the user cancelled
 * @throws ApiError with a Chinese message when the file cannot be fetched
 */
export async function deliverOutputFile(file: OutputFile): Promise<string | null> {
  if (window.desktop) return window.desktop.saveDownload(file.downloadId)
  const response = await fetch(`./api/files/download/${encodeURIComponent(file.downloadId)}`, { headers: authHeaders() })
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Result<unknown> | null
    throw new ApiError(body && !body.ok ? body.error.message : `下载失败（HTTP ${response.status}）`)
  }
  const url = URL.createObjectURL(await response.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return file.fileName
}
