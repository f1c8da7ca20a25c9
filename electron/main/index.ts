import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type IpcMainInvokeEvent } from 'electron'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { DESKTOP_CHANNELS } from '../../shared/contract/bridge'
import { CONTENT_SECURITY_POLICY } from '../doors/csp'
import { APP_FOLDER } from '../core/dataDir'
import { writeOutputFile } from '../core/files/outputFile'
import { createHandlers } from '../core/handlers'
import { Workspace } from '../core/workspace'
import { registerIpc } from '../doors/ipc'
import { forwardJobEvents, registerDesktopFiles } from './desktopFiles'
import { mainWindowOptions } from './window'

// Same data folder as browser mode and the CLI: <appData>/dudao-workbench, or --data-dir DIR.
function dataDirArgument(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--data-dir' || a.startsWith('--data-dir='))
  if (i < 0) return undefined
  return argv[i].includes('=') ? argv[i].slice('--data-dir='.length) : argv[i + 1]
}
const dataDirOverride = dataDirArgument(process.argv)
app.setPath('userData', join(app.getPath('appData'), APP_FOLDER))
app.setAppUserModelId('cn.dudao.workbench')

const rendererUrl = process.env.ELECTRON_RENDERER_URL
const rendererFile = join(__dirname, '../renderer/index.html')
const appOrigin = rendererUrl ? new URL(rendererUrl).origin : pathToFileURL(rendererFile).href

/** Whether `url` is on the dev server's origin (compared as parsed origins, not as string prefixes). */
function isDevServerUrl(url: string): boolean {
  try {
    return new URL(url).origin === appOrigin
  } catch {
    return false
  }
}

function isAppUrl(url: string): boolean {
  return rendererUrl ? isDevServerUrl(url) : url.split('#')[0].split('?')[0] === appOrigin
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url
  return typeof url === 'string' && isAppUrl(url)
}

let mainWindow: BrowserWindow | null = null

function createWindow(): void {
  mainWindow = new BrowserWindow(mainWindowOptions(__dirname))
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  if (rendererUrl) void mainWindow.loadURL(rendererUrl)
  else void mainWindow.loadFile(rendererFile)
  mainWindow.on('closed', () => (mainWindow = null))
}

// Every web contents: no navigation away from the app, no new windows, no <webview>.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault()
  })
  contents.on('will-attach-webview', (e) => e.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
})

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
    })
    // Nothing remote is ever loaded.
    session.defaultSession.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*'] }, (details, callback) => {
      callback({ cancel: !(rendererUrl && isDevServerUrl(details.url)) })
    })

    const workspace = new Workspace(dataDirOverride ? resolve(dataDirOverride) : app.getPath('userData'))
    registerIpc(ipcMain, createHandlers(workspace), isTrustedSender)
    registerDesktopFiles({ ipcMain, dialog, workspace, isTrustedSender, ownerOf: (event) => BrowserWindow.fromWebContents(event.sender) })
    forwardJobEvents(workspace, () => mainWindow?.webContents)
    ipcMain.handle(DESKTOP_CHANNELS.pickDirectory, async (event, title: unknown) => {
      if (!isTrustedSender(event)) return null
      const owner = BrowserWindow.fromWebContents(event.sender)
      const options = {
        title: typeof title === 'string' ? title.slice(0, 100) : '选择文件夹',
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
      }
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    })

    ipcMain.handle(DESKTOP_CHANNELS.printToPdf, async (event, suggestedName: unknown) => {
      if (!isTrustedSender(event)) return null
      const owner = BrowserWindow.fromWebContents(event.sender)
      const name = typeof suggestedName === 'string' ? suggestedName.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 120) : '公文'
      const options = {
        title: '保存为 PDF',
        defaultPath: `${name}.pdf`,
        filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
        properties: ['showOverwriteConfirmation' as const],
      }
      const target = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
      if (target.canceled || !target.filePath) return null
      const pdf = await event.sender.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
      })
      try {
        // The save dialog asked before replacing; never into the data folder, temp name + rename.
        return (await writeOutputFile(target.filePath, pdf, { overwrite: true, dataDir: workspace.dataDir })).path
      } catch (e) {
        dialog.showErrorBox('保存失败', e instanceof Error ? e.message : String(e))
        return null
      }
    })

    Menu.setApplicationMenu(
      Menu.buildFromTemplate([
        {
          label: '文件',
          submenu: [
            { label: '打开数据文件夹', click: () => void shell.openPath(workspace.dataDir) },
            { type: 'separator' },
            { label: '退出', role: 'quit' },
          ],
        },
        {
          label: '编辑',
          submenu: [
            { label: '撤销', role: 'undo' },
            { label: '重做', role: 'redo' },
            { type: 'separator' },
            { label: '剪切', role: 'cut' },
            { label: '复制', role: 'copy' },
            { label: '粘贴', role: 'paste' },
            { label: '全选', role: 'selectAll' },
          ],
        },
        {
          label: '视图',
          submenu: [
            { label: '重新加载', role: 'reload' },
            { label: '放大', role: 'zoomIn' },
            { label: '缩小', role: 'zoomOut' },
            { label: '实际大小', role: 'resetZoom' },
            { type: 'separator' },
            { label: '全屏', role: 'togglefullscreen' },
          ],
        },
      ]),
    )
    app.on('will-quit', () => workspace.close())
    createWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
