/**
 * The Electron main process in development (ELECTRON_RENDERER_URL points at the Vite dev server): the
 * dev server is the only remote address let through; every other http(s) request is still cancelled,
 * and navigation stays on the dev server.
 */
import { describe, expect, it, vi } from 'vitest'

const h = vi.hoisted(() => {
  process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173'
  const appEvents = new Map<string, (...args: unknown[]) => void>()
  let readyResolve!: () => void
  const ready = new Promise<void>((r) => (readyResolve = r))
  return { appEvents, ready, readyResolve, loaded: [] as string[] }
})

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => []
    static fromWebContents = () => null
    constructor(readonly options: Record<string, unknown>) {}
    once() {}
    on() {}
    loadFile = vi.fn(async () => undefined)
    loadURL = vi.fn(async (url: string) => void h.loaded.push(url))
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
    ipcMain: { handle: vi.fn() },
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

vi.mock('../../../electron/core/workspace', () => ({
  Workspace: class {
    dataDir = '/fake'
    close() {}
    onOpen() {}
  },
}))

describe('Electron main process with the dev server', () => {
  it('lets only the dev server through, cancels every other http(s) request, and keeps navigation on it', async () => {
    await import('../../../electron/main/index')
    h.readyResolve()
    await h.ready
    await new Promise((r) => setTimeout(r, 0))
    expect(h.loaded).toEqual(['http://localhost:5173'])
    const { session } = await import('electron')
    const [, handler] = vi.mocked(session.defaultSession.webRequest.onBeforeRequest).mock.calls[0] as unknown as [
      unknown,
      (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void,
    ]
    const decide = (url: string) => {
      const cb = vi.fn()
      handler({ url }, cb)
      return cb.mock.calls[0][0]
    }
    expect(decide('http://localhost:5173/src/main.ts')).toEqual({ cancel: false })
    expect(decide('http://localhost:5173/@vite/client')).toEqual({ cancel: false })
    expect(decide('https://example.com/x.js')).toEqual({ cancel: true })
    expect(decide('http://localhost:8080/')).toEqual({ cancel: true })
    expect(decide('http://127.0.0.1:5173/')).toEqual({ cancel: true })
    // Same prefix, other origin: another port, or the dev server's address as user info of another host.
    expect(decide('http://localhost:51730/x.js')).toEqual({ cancel: true })
    expect(decide('http://localhost:5173@evil.example/x.js')).toEqual({ cancel: true })

    const contentsEvents = new Map<string, (...args: any[]) => void>()
    h.appEvents.get('web-contents-created')!(
      {},
      { on: (e: string, f: (...args: any[]) => void) => contentsEvents.set(e, f), setWindowOpenHandler: vi.fn() },
    )
    const stay = { preventDefault: vi.fn() }
    contentsEvents.get('will-navigate')!(stay, 'http://localhost:5173/#/documents')
    expect(stay.preventDefault).not.toHaveBeenCalled()
    const away = { preventDefault: vi.fn() }
    contentsEvents.get('will-navigate')!(away, 'https://example.com/')
    expect(away.preventDefault).toHaveBeenCalled()
    const lookalike = { preventDefault: vi.fn() }
    contentsEvents.get('will-navigate')!(lookalike, 'http://localhost:5173@evil.example/')
    expect(lookalike.preventDefault).toHaveBeenCalled()
  })
})
