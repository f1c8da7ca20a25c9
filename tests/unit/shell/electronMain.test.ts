import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DESKTOP_CHANNELS } from '../../../shared/contract/bridge'
import { CHANNEL_NAMES } from '../../../shared/contract/channels'

const h = vi.hoisted(() => {
  const handled = new Map<string, (...args: unknown[]) => unknown>()
  const windows: { options: Record<string, any> }[] = []
  const appEvents = new Map<string, (...args: unknown[]) => void>()
  const contentsEvents = new Map<string, (...args: unknown[]) => void>()
  let windowOpenHandler: ((d: unknown) => unknown) | undefined
  let readyResolve!: () => void
  const ready = new Promise<void>((r) => (readyResolve = r))
  return { handled, windows, appEvents, contentsEvents, ready, readyResolve, get windowOpenHandler() { return windowOpenHandler }, set windowOpenHandler(f) { windowOpenHandler = f } }
})

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => []
    static fromWebContents = () => null
    options: Record<string, any>
    constructor(options: Record<string, any>) {
      this.options = options
      h.windows.push(this)
    }
    once() {}
    on() {}
    loadFile = vi.fn(async () => undefined)
    loadURL = vi.fn(async () => undefined)
  }
  return {
    app: {
      getPath: (name: string) => `/fake/${name}`,
      setPath: vi.fn(),
      setAppUserModelId: vi.fn(),
      requestSingleInstanceLock: () => true,
      whenReady: () => h.ready,
      on: (event: string, fn: (...args: unknown[]) => void) => h.appEvents.set(event, fn),
      quit: vi.fn(),
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => h.handled.set(channel, fn) },
    dialog: { showOpenDialog: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn(() => ({})) },
    shell: { openPath: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn(), onBeforeRequest: vi.fn() },
      },
    },
  }
})

describe('Electron main process', () => {
  beforeEach(async () => {
    if (h.windows.length === 0) {
      await import('../../../electron/main/index')
      h.readyResolve()
      await h.ready
      await new Promise((r) => setTimeout(r, 0))
    }
  })

  it('registers one ipcMain.handle per contract channel, plus the desktop-only ones', () => {
    for (const name of CHANNEL_NAMES) expect(h.handled.has(name), name).toBe(true)
    for (const name of Object.values(DESKTOP_CHANNELS)) expect(h.handled.has(name), name).toBe(true)
    expect(h.handled.size).toBe(CHANNEL_NAMES.length + Object.keys(DESKTOP_CHANNELS).length)
  })

  it('refuses desktop calls (PDF, folder picker) from other frames', async () => {
    expect(await h.handled.get(DESKTOP_CHANNELS.printToPdf)!({ senderFrame: { url: 'https://evil.example/' } }, 'x')).toBeNull()
    expect(await h.handled.get(DESKTOP_CHANNELS.pickDirectory)!({ senderFrame: { url: 'https://evil.example/' } }, 'x')).toBeNull()
  })

  it('creates the window with the secure webPreferences', () => {
    expect(h.windows).toHaveLength(1)
    const prefs = h.windows[0].options.webPreferences
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
    expect(prefs.preload).toMatch(/preload[\\/]index\.js$/)
    expect(h.windows[0].options.title).toBe('教育督导工作台')
  })

  it('blocks navigation away from the app, new windows and webviews', () => {
    const created = h.appEvents.get('web-contents-created')!
    const handlers = new Map<string, (...args: any[]) => void>()
    let openHandler: ((d: unknown) => unknown) | undefined
    created({}, { on: (e: string, f: (...args: any[]) => void) => handlers.set(e, f), setWindowOpenHandler: (f: (d: unknown) => unknown) => (openHandler = f) })
    const nav = { preventDefault: vi.fn() }
    handlers.get('will-navigate')!(nav, 'https://example.com/')
    expect(nav.preventDefault).toHaveBeenCalled()
    const webview = { preventDefault: vi.fn() }
    handlers.get('will-attach-webview')!(webview)
    expect(webview.preventDefault).toHaveBeenCalled()
    expect(openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' })
  })

  it('refuses IPC calls from frames other than the app page', async () => {
    const handler = h.handled.get('system.status')!
    const result = await handler({ senderFrame: { url: 'https://evil.example/' } }, {})
    expect(result).toEqual({ ok: false, error: { message: '拒绝来自未知页面的请求' } })
  })

  it('validates payloads through the same dispatcher as the other doors', async () => {
    const handler = h.handled.get('office.save')!
    const { pathToFileURL } = await import('node:url')
    const { join } = await import('node:path')
    const url = pathToFileURL(join(__dirname, '../../../electron/renderer/index.html')).href
    const result = (await handler({ senderFrame: { url } }, { fullName: '' })) as { ok: boolean; error: { message: string } }
    expect(result.ok).toBe(false)
    expect(result.error.message).toContain('「机关全称」')
  })
})
