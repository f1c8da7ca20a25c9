import { describe, expect, it, vi } from 'vitest'

const exposed = vi.hoisted(() => new Map<string, any>())
const invoke = vi.hoisted(() => vi.fn(async (channel: string) => ({ ok: true, data: channel })))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: { invoke },
}))

describe('preload', () => {
  it('exposes only a typed api and desktop object, forwarding known channels', async () => {
    await import('../../../electron/preload/index')
    expect([...exposed.keys()].sort()).toEqual(['api', 'desktop'])
    await expect(exposed.get('api').invoke('office.get', {})).resolves.toEqual({ ok: true, data: 'office.get' })
    expect(invoke).toHaveBeenCalledWith('office.get', {})
  })

  it('refuses channels outside the contract without touching IPC', async () => {
    invoke.mockClear()
    const result = await exposed.get('api').invoke('fs.readFile', { path: '/etc/passwd' })
    expect(result.ok).toBe(false)
    expect(invoke).not.toHaveBeenCalled()
    for (const name of ['documents', 'documents.', 'Documents.list', 'documents.list.x', 'preschool.__proto__', 'shell.openExternal'])
      expect((await exposed.get('api').invoke(name, {})).ok, name).toBe(false)
    expect(invoke).not.toHaveBeenCalled()
  })

  it('forwards every channel of the contract (no list kept by hand) and turns the main process refusal into a Result', async () => {
    const { CHANNEL_NAMES } = await import('../../../shared/contract')
    invoke.mockClear()
    for (const name of CHANNEL_NAMES) await exposed.get('api').invoke(name, {})
    expect(invoke.mock.calls.map((c) => c[0])).toEqual(CHANNEL_NAMES)
    invoke.mockRejectedValueOnce(
      new Error("Error invoking remote method 'documents.nothing': Error: No handler registered for 'documents.nothing'"),
    )
    await expect(exposed.get('api').invoke('documents.nothing', {})).resolves.toEqual({
      ok: false,
      error: { message: '未知的操作：documents.nothing' },
    })
  })
})

describe('preload desktop bridge', () => {
  it('exposes exactly the four desktop calls, each forwarding to its own channel', async () => {
    await import('../../../electron/preload/index')
    const desktop = exposed.get('desktop')
    expect(Object.keys(desktop).sort()).toEqual(['pickDirectory', 'pickFile', 'printToPdf', 'saveDownload'])
    expect(Object.keys(exposed.get('api')).sort()).toEqual(['invoke', 'onJobEvent'])
    invoke.mockClear()
    await desktop.pickDirectory('选择备份文件夹')
    await desktop.printToPdf('公文')
    await desktop.pickFile({ title: '选择工作簿', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] })
    await desktop.saveDownload('d_1')
    expect(invoke.mock.calls).toEqual([
      ['desktop.pickDirectory', '选择备份文件夹'],
      ['desktop.printToPdf', '公文'],
      ['desktop.pickFile', { title: '选择工作簿', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] }],
      ['desktop.saveDownload', 'd_1'],
    ])
  })
})
