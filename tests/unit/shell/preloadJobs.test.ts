import { describe, expect, it, vi } from 'vitest'
import { DESKTOP_CHANNELS, JOB_EVENT_CHANNEL } from '../../../shared/contract/bridge'

const exposed = vi.hoisted(() => new Map<string, any>())
const ipc = vi.hoisted(() => ({ invoke: vi.fn(async () => null), on: vi.fn(), removeListener: vi.fn() }))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: ipc,
}))

describe('preload: files and job events', () => {
  it('forwards job events without exposing the IPC event, and unsubscribes', async () => {
    await import('../../../electron/preload/index')
    const listener = vi.fn()
    const off = exposed.get('api').onJobEvent(listener)
    const [channel, forward] = ipc.on.mock.calls[0] as unknown as [string, (...a: unknown[]) => void]
    expect(channel).toBe(JOB_EVENT_CHANNEL)
    forward({ sender: 'secret' }, { jobId: 'j_1', seq: 1 })
    expect(listener).toHaveBeenCalledWith({ jobId: 'j_1', seq: 1 })
    off()
    expect(ipc.removeListener).toHaveBeenCalledWith(JOB_EVENT_CHANNEL, forward)
  })

  it('pickFile and saveDownload go to their desktop channels', async () => {
    await import('../../../electron/preload/index')
    await exposed.get('desktop').pickFile({ title: 't', filters: [] })
    await exposed.get('desktop').saveDownload('d_x')
    expect(ipc.invoke).toHaveBeenCalledWith(DESKTOP_CHANNELS.pickFile, { title: 't', filters: [] })
    expect(ipc.invoke).toHaveBeenCalledWith(DESKTOP_CHANNELS.saveDownload, 'd_x')
  })
})
