import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions, WebContents } from 'electron'
import { extname } from 'node:path'
import { DESKTOP_CHANNELS, JOB_EVENT_CHANNEL } from '../../shared/contract/bridge'
import { DOWNLOAD_ID_PATTERN, type FileFilter, type FileInfo } from '../../shared/files/types'
import { UserError } from '../core/errors'
import { fileStore } from '../core/files/fileStore'
import { writeOutputFile } from '../core/files/outputFile'
import { jobRunner } from '../core/jobs/jobRunner'
import type { Workspace } from '../core/workspace'

export interface DesktopFilesDeps {
  ipcMain: Pick<IpcMain, 'handle'>
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showErrorBox'>
  workspace: Workspace
  isTrustedSender(event: IpcMainInvokeEvent): boolean
  /** The window owning a dialog opened for this sender (modal), if any. */
  ownerOf(event: IpcMainInvokeEvent): BrowserWindow | null
}

/** Dialog filters from the renderer, kept to sane shapes (names ≤ 40 characters, extensions alphanumeric, ≤ 10 of each). */
export function cleanFilters(value: unknown): FileFilter[] {
  if (!Array.isArray(value)) return []
  return value
    .slice(0, 10)
    .filter((f): f is { name: unknown; extensions: unknown } => typeof f === 'object' && f !== null)
    .map((f) => ({
      name: typeof f.name === 'string' ? f.name.slice(0, 40) : '文件',
      extensions: Array.isArray(f.extensions)
        ? f.extensions.filter((e): e is string => typeof e === 'string' && /^[A-Za-z0-9]{1,10}$/.test(e)).slice(0, 10)
        : [],
    }))
    .filter((f) => f.extensions.length > 0)
}

/**
 * Files in and out of the desktop window. `desktop.pickFile` shows the native open dialog and registers
 * the chosen file with the core's file store, answering its id: the renderer can only read what the
 * user picked, never name a path. `desktop.saveDownload` shows the native save dialog for a file the
 * core produced and writes it through writeOutputFile (overwrite: the dialog has already asked).
 * Calls from any frame other than the app's own page get null.
 */
export function registerDesktopFiles(deps: DesktopFilesDeps): void {
  const { ipcMain, dialog, workspace } = deps
  ipcMain.handle(DESKTOP_CHANNELS.pickFile, async (event, options: unknown): Promise<FileInfo | null> => {
    if (!deps.isTrustedSender(event)) return null
    const o = (typeof options === 'object' && options !== null ? options : {}) as { title?: unknown; filters?: unknown }
    const dialogOptions: OpenDialogOptions = {
      title: typeof o.title === 'string' ? o.title.slice(0, 100) : '选择文件',
      filters: cleanFilters(o.filters),
      properties: ['openFile'],
    }
    const owner = deps.ownerOf(event)
    const result = owner ? await dialog.showOpenDialog(owner, dialogOptions) : await dialog.showOpenDialog(dialogOptions)
    const path = result.canceled ? undefined : result.filePaths[0]
    if (!path) return null
    try {
      return fileStore(workspace).registerInput(path)
    } catch (e) {
      if (e instanceof UserError) dialog.showErrorBox('无法使用该文件', e.message)
      else throw e
      return null
    }
  })

  ipcMain.handle(DESKTOP_CHANNELS.saveDownload, async (event, downloadId: unknown): Promise<string | null> => {
    if (!deps.isTrustedSender(event)) return null
    if (typeof downloadId !== 'string' || !DOWNLOAD_ID_PATTERN.test(downloadId)) return null
    const store = fileStore(workspace)
    const file = store.peek(downloadId)
    if (!file) {
      dialog.showErrorBox('无法保存', '导出的文件已失效（超过 15 分钟或已保存），请重新导出。')
      return null
    }
    const ext = extname(file.fileName).slice(1)
    const dialogOptions: SaveDialogOptions = {
      title: '保存文件',
      defaultPath: file.fileName,
      filters: ext ? [{ name: `${ext.toUpperCase()} 文件`, extensions: [ext] }] : [],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    }
    const owner = deps.ownerOf(event)
    const target = owner ? await dialog.showSaveDialog(owner, dialogOptions) : await dialog.showSaveDialog(dialogOptions)
    if (target.canceled || !target.filePath) return null
    const produced = store.take(downloadId)
    try {
      return (await writeOutputFile(target.filePath, produced.data, { overwrite: true, dataDir: deps.workspace.dataDir })).path
    } catch (e) {
      dialog.showErrorBox('保存失败', e instanceof Error ? e.message : String(e))
      return null
    }
  })
}

/**
 * Sends every job event of the workspace to the window (`JOB_EVENT_CHANNEL`), while it exists.
 * @returns the unsubscribe function
 */
export function forwardJobEvents(workspace: Workspace, contents: () => WebContents | null | undefined): () => void {
  return jobRunner(workspace).subscribe((e) => {
    const wc = contents()
    if (wc && !wc.isDestroyed()) wc.send(JOB_EVENT_CHANNEL, e)
  })
}
