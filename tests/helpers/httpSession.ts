import type { HttpDoor } from '../../electron/doors/http'

/**
 * Logs in to a browser door as its user does (opens a fresh one-time login URL) and returns the
 * `Cookie` header value (`name=value`) to send with later requests.
 */
export async function loginCookie(door: HttpDoor, loginUrl = door.newLoginUrl()): Promise<string> {
  const res = await fetch(loginUrl)
  const setCookie = res.headers.get('set-cookie')
  if (res.status !== 200 || !setCookie) throw new Error(`登录失败：HTTP ${res.status}`)
  await res.arrayBuffer()
  return setCookie.split(';')[0]
}
