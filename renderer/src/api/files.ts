import type { PickFileOptions } from '../../../shared/contract/bridge'
import type { Result } from '../../../shared/contract'
import { MAX_INPUT_FILE_BYTES, type FileInfo } from '../../../shared/files/types'
import { formatBytes } from '../../../shared/format/bytes'
import { ApiError, authHeaders } from './client'

/**
 * Uploads a file to the browser door (`POST ./api/files/upload`); the core keeps it in a temp folder
 * until it is used or released.
 * @throws ApiError with the door's Chinese message (e.g. over the size limit)
 */
export async function uploadFile(file: File): Promise<FileInfo> {
  if (file.size > MAX_INPUT_FILE_BYTES)
    throw new ApiError(`文件「${file.name}」有 ${formatBytes(file.size)}，超过上限 ${formatBytes(MAX_INPUT_FILE_BYTES)}`)
  let response: Response
  try {
    response = await fetch(`./api/files/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', ...authHeaders() },
      body: file,
    })
  } catch {
    throw new ApiError('无法连接本机服务，请确认教育督导工作台仍在运行')
  }
  const result = (await response.json().catch(() => null)) as Result<FileInfo> | null
  if (!result) throw new ApiError(`上传失败（HTTP ${response.status}）`)
  if (!result.ok) throw new ApiError(result.error.message)
  return result.data
}

/** Lets the user choose a file in the browser (a hidden `<input type=file>`); null when cancelled. */
function chooseInBrowser(options: PickFileOptions): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = options.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',')
    input.style.display = 'none'
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    })
    input.addEventListener('cancel', () => {
      resolve(null)
      input.remove()
    })
    document.body.appendChild(input)
    input.click()
  })
}

/**
 * Brings a file in for the core to read, through whichever door this page uses: the native open
 * dialog in Electron (the main process registers the path), an upload in browser mode. Pass the
 * returned `{ fileId }` in a channel's file field.
 * @returns the file's id, name and size; null when the user cancelled
 * @throws ApiError when the upload is refused
 */
export async function pickInputFile(options: PickFileOptions): Promise<FileInfo | null> {
  if (window.desktop) return window.desktop.pickFile(options)
  const file = await chooseInBrowser(options)
  return file ? uploadFile(file) : null
}
