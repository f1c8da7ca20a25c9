import { contextBridge, ipcRenderer } from 'electron'
import { CHANNEL_NAMES } from '../../shared/contract/channels'
import { DESKTOP_CHANNELS, type DesktopApi, type DudaoApi } from '../../shared/contract/bridge'

const allowed = new Set<string>(CHANNEL_NAMES)

const api: DudaoApi = {
  invoke(channel, payload) {
    if (!allowed.has(channel)) return Promise.resolve({ ok: false, error: { message: `未知的操作：${String(channel)}` } })
    return ipcRenderer.invoke(channel, payload)
  },
}

const desktop: DesktopApi = {
  pickDirectory: (title) => ipcRenderer.invoke(DESKTOP_CHANNELS.pickDirectory, title),
  printToPdf: (suggestedName) => ipcRenderer.invoke(DESKTOP_CHANNELS.printToPdf, suggestedName),
}

contextBridge.exposeInMainWorld('api', api)
contextBridge.exposeInMainWorld('desktop', desktop)
