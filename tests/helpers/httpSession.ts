import type { HttpDoor } from '../../electron/doors/http'

/**
 * Logs in to a browser door as its user does (opens a fresh one-time login URL) and returns the
 * `Cookie` header value (`name=value`) to send with later requests.
 */
export async function loginCookie(door: HttpDoor, loginUrl = door.newLoginUrl()): Promise<string> {
  const res = await fetch(loginUrl)
  const setCookie = res.headers.get('set-cookie')
  // A door without a built renderer (API-only tests) answers 404 for the page but still sets the session.
  if (!setCookie) throw new Error(`登录失败：HTTP ${res.status}`)
  await res.arrayBuffer()
  return setCookie.split(';')[0]
}
