import { contextBridge, ipcRenderer } from 'electron'
import { isContractChannelName } from '../../shared/contract/channels'
import { DESKTOP_CHANNELS, JOB_EVENT_CHANNEL, type DesktopApi, type DudaoApi } from '../../shared/contract/bridge'

const api: DudaoApi = {
  invoke(channel, payload) {
    if (!isContractChannelName(channel)) return Promise.resolve({ ok: false, error: { message: `未知的操作：${String(channel)}` } })
    // The main process handles exactly the contract's channels: an operation it does not know is refused there.
    return ipcRenderer.invoke(channel, payload).catch((e: unknown) => ({
      ok: false,
      error: { message: /No handler registered/.test(String(e)) ? `未知的操作：${String(channel)}` : `操作未完成：${String(e)}` },
    }))
  },
  onJobEvent(listener) {
    const forward = (_event: unknown, jobEvent: Parameters<typeof listener>[0]) => listener(jobEvent)
    ipcRenderer.on(JOB_EVENT_CHANNEL, forward)
    return () => void ipcRenderer.removeListener(JOB_EVENT_CHANNEL, forward)
  },
}

const desktop: DesktopApi = {
  pickDirectory: (title) => ipcRenderer.invoke(DESKTOP_CHANNELS.pickDirectory, title),
  printToPdf: (suggestedName) => ipcRenderer.invoke(DESKTOP_CHANNELS.printToPdf, suggestedName),
  pickFile: (options) => ipcRenderer.invoke(DESKTOP_CHANNELS.pickFile, options),
  saveDownload: (downloadId) => ipcRenderer.invoke(DESKTOP_CHANNELS.saveDownload, downloadId),
}

contextBridge.exposeInMainWorld('api', api)
contextBridge.exposeInMainWorld('desktop', desktop)
