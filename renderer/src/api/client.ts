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
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

type Transport = (channel: ChannelName, payload: unknown) => Promise<Result<unknown>>

/**
 * The credential headers of browser mode, for the API calls and the door's other routes (upload,
 * download, events). None: the page was opened on a one-time login URL (`/?k=…`) and the server
 * answered with an HttpOnly session cookie, which the browser sends with every same-origin request
 * by itself. The page never sees a credential.
 */
export function authHeaders(): Record<string, string> {
  return {}
}

/** Removes the spent one-time login key from the address bar (it cannot be used again anyway). */
function forgetLoginKey(): void {
  const url = new URL(window.location.href)
  if (!url.searchParams.has('k')) return
  url.searchParams.delete('k')
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
}

function httpTransport(): Transport {
  forgetLoginKey()
  return async (channel, payload) => {
    let response: Response
    try {
      response = await fetch(`./api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        credentials: 'same-origin',
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

/** Desktop (preload present) → IPC; otherwise browser mode → HTTP with the session cookie. */
const transport: Transport = window.api ? (channel, payload) => window.api!.invoke(channel, payload) : httpTransport()

export const isDesktop = Boolean(window.api)

/** The typed client: every call is checked against the contract at compile time. */
export async function call<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await transport(channel, input)
  if (!result.ok) throw new ApiError(result.error.message, result.error.field)
  return result.data as OutputOf<K>
}
