import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNEL_NAMES, type Handlers } from '../../shared/contract'
import { dispatch } from '../core/dispatch'

/**
 * The Electron door: one `ipcMain.handle` per contract channel. Calls from any frame other than
 * the app's own page are refused.
 */
export function registerIpc(ipcMain: IpcMain, handlers: Handlers, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(name, (event, payload: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, error: { message: '拒绝来自未知页面的请求' } }
      return dispatch(handlers, name, payload)
    })
  }
}
