import type { ChannelName, InputOf, OutputOf, Result } from '../../../shared/contract'
import type { DesktopApi, DudaoApi } from '../../../shared/contract/bridge'

declare global {
  interface Window {
    api?: DudaoApi
    desktop?: DesktopApi
  }
}

/** An error answered by the core, carrying its Chinese message and the field at fault. */
export class ApiError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message)
    this.name = 'ApiError'
  }
}

type Transport = (channel: ChannelName, payload: unknown) => Promise<Result<unknown>>

/**
 * The credential headers of browser mode, for the API calls and the door's other routes (upload,
 * download, events: renderer/src/api/files.ts, jobEvents.ts).
 */
export function authHeaders(): Record<string, string> {
  const token = document.querySelector<HTMLMetaElement>('meta[name="dudao-token"]')?.content ?? ''
  return token ? { 'X-Dudao-Token': token } : {}
}

function httpTransport(): Transport {
  return async (channel, payload) => {
    let response: Response
    try {
      response = await fetch(`./api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...authHeaders() },
        body: JSON.stringify(payload ?? {}),
      })
    } catch {
      return { ok: false, error: { message: '无法连接本机服务，请确认教育督导工作台仍在运行' } }
    }
    try {
      return (await response.json()) as Result<unknown>
    } catch {
      return { ok: false, error: { message: `本机服务返回了无法识别的内容（HTTP ${response.status}）` } }
    }
  }
}

/** Desktop (preload present) → IPC; otherwise browser mode → HTTP with the page's token. */
const transport: Transport = window.api ? (channel, payload) => window.api!.invoke(channel, payload) : httpTransport()

export const isDesktop = Boolean(window.api)

/** The typed client: every call is checked against the contract at compile time. */
export async function call<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await transport(channel, input)
  if (!result.ok) throw new ApiError(result.error.message, result.error.field)
  return result.data as OutputOf<K>
}
