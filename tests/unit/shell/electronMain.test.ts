import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DESKTOP_CHANNELS } from '../../../shared/contract/bridge'
import { CHANNEL_NAMES } from '../../../shared/contract'

const h = vi.hoisted(() => {
  const handled = new Map<string, (...args: unknown[]) => unknown>()
  const windows: { options: Record<string, any> }[] = []
  const appEvents = new Map<string, (...args: unknown[]) => void>()
  const contentsEvents = new Map<string, (...args: unknown[]) => void>()
  let windowOpenHandler: ((d: unknown) => unknown) | undefined
  let readyResolve!: () => void
  const ready = new Promise<void>((r) => (readyResolve = r))
  return {
    handled,
    windows,
    appEvents,
    contentsEvents,
    ready,
    readyResolve,
    get windowOpenHandler() {
      return windowOpenHandler
    },
    set windowOpenHandler(f) {
      windowOpenHandler = f
    },
  }
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

  it('creates the window with exactly the secure webPreferences (nothing added, nothing relaxed)', () => {
    expect(h.windows).toHaveLength(1)
    const prefs = h.windows[0].options.webPreferences
    // The whole object, so a relaxed flag (nodeIntegrationInSubFrames: true) or an added one fails.
    expect(prefs).toEqual({
      preload: expect.stringMatching(/[\\/]preload[\\/]index\.js$/),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    })
    expect(h.windows[0].options.title).toBe('教育督导工作台')
  })

  it('denies every permission request (camera, notifications, geolocation …)', async () => {
    const { session } = await import('electron')
    const install = vi.mocked(session.defaultSession.setPermissionRequestHandler)
    expect(install).toHaveBeenCalledTimes(1)
    const handler = install.mock.calls[0][0] as unknown as (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details?: unknown,
    ) => void
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const callback = vi.fn()
      handler({}, permission, callback, { requestingUrl: 'file:///app/index.html' })
      expect(callback, permission).toHaveBeenCalledTimes(1)
      expect(callback, permission).toHaveBeenCalledWith(false)
    }
  })

  it('cancels every http(s) request (nothing remote is loaded); file:// and devtools:// are not intercepted', async () => {
    const { session } = await import('electron')
    const install = vi.mocked(session.defaultSession.webRequest.onBeforeRequest)
    expect(install).toHaveBeenCalledTimes(1)
    const [filter, handler] = install.mock.calls[0] as unknown as [
      { urls: string[] },
      (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void,
    ]
    // The filter covers http and https only: the app's own file:// page and devtools:// pass untouched.
    expect(filter).toEqual({ urls: ['http://*/*', 'https://*/*'] })
    const matches = (url: string) =>
      filter.urls.some((p) => new RegExp('^' + p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$').test(url))
    expect(matches('file:///opt/dudao/resources/app.asar/out/renderer/index.html')).toBe(false)
    expect(matches('devtools://devtools/bundled/inspector.html')).toBe(false)
    // Without a dev server URL (a packaged app), every remote or loopback request is cancelled.
    expect(process.env.ELECTRON_RENDERER_URL).toBeUndefined()
    for (const url of [
      'https://example.com/tracker.js',
      'http://evil.example/x',
      'http://127.0.0.1:5173/',
      'https://cdn.jsdelivr.net/npm/vue',
    ]) {
      expect(matches(url), url).toBe(true)
      const callback = vi.fn()
      handler({ url }, callback)
      expect(callback, url).toHaveBeenCalledWith({ cancel: true })
    }
  })

  it('adds the exact Content-Security-Policy header to every response, keeping the others', async () => {
    const { session } = await import('electron')
    const install = vi.mocked(session.defaultSession.webRequest.onHeadersReceived)
    expect(install).toHaveBeenCalledTimes(1)
    const handler = install.mock.calls[0][0] as unknown as (
      details: { url: string; responseHeaders: Record<string, string[]> },
      callback: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void
    const callback = vi.fn()
    handler({ url: 'file:///app/index.html', responseHeaders: { 'Content-Type': ['text/html'] } }, callback)
    expect(callback).toHaveBeenCalledTimes(1)
    // Written out literally: a weakened policy in csp.ts must fail here, not be copied into the expectation.
    expect(callback.mock.calls[0][0]).toEqual({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    })
  })

  it('blocks navigation away from the app, new windows and webviews', () => {
    const created = h.appEvents.get('web-contents-created')!
    const handlers = new Map<string, (...args: any[]) => void>()
    let openHandler: ((d: unknown) => unknown) | undefined
    created(
      {},
      {
        on: (e: string, f: (...args: any[]) => void) => handlers.set(e, f),
        setWindowOpenHandler: (f: (d: unknown) => unknown) => (openHandler = f),
      },
    )
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
