/**
 * Who may use the browser door.
 *
 * The door listens on 127.0.0.1, which every account on the computer can reach, so being local
 * proves nothing. The credential never appears in a page: the launcher hands the user's browser a
 * one-time login URL (`/?k=<key>`); the first request carrying that key gets an HttpOnly,
 * SameSite=Strict session cookie (a browser-session cookie: no Expires) and the key is spent.
 * Every later request must carry the cookie, name this door's host (DNS rebinding) and, when it
 * says where it comes from, come from this origin.
 *
 * Route files (uploads, downloads, server-sent events) call {@link DoorAuth.check} /
 * {@link DoorAuth.isAuthorized} with the incoming request; the door's own API path already does.
 *
 * Residual risk, by design of browsers: cookies are not port-scoped, so a page the same browser
 * opens on another 127.0.0.1 port would be sent the cookie. SameSite=Strict keeps it from being
 * sent on navigations started by other sites.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** Query parameter of the one-time login URL. */
export const LOGIN_KEY_PARAM = 'k'

/** Why a request was refused; `null` from {@link DoorAuth.check} means it may proceed. */
export type AuthFailure = 'host' | 'origin' | 'session'

/** The Chinese message for each refusal, shown by the door and by any route file. */
export const AUTH_MESSAGES: Record<AuthFailure, string> = {
  host: '禁止访问：请求的主机名不是本机服务',
  origin: '拒绝来自其他网站的请求',
  session: '未登录或登录已失效：请回到启动本程序的命令行窗口，按回车键获取新的一次性登录网址后在浏览器中打开',
}

/** HTTP status for each refusal. */
export const AUTH_STATUS: Record<AuthFailure, number> = { host: 403, origin: 403, session: 401 }

export interface DoorAuth {
  /** Name of this door's session cookie (includes the port: cookies are shared across ports). */
  readonly cookieName: string
  /** Mints a new one-time login key (valid until first used). */
  issueLoginKey(): string
  /**
   * Spends a login key: returns a new session id, or null when the key is unknown or already used.
   * A key works exactly once.
   */
  redeem(key: string): string | null
  /** The Set-Cookie header value for a session id. */
  sessionCookie(sessionId: string): string
  /** True when the request carries a live session cookie of this door. */
  hasSession(req: IncomingMessage): boolean
  /** Host is this door's. */
  hostAllowed(req: IncomingMessage): boolean
  /** Origin, when given, is this door's. */
  originAllowed(req: IncomingMessage): boolean
  /** Host, then Origin, then session: the first failing check, or null when all pass. */
  check(req: IncomingMessage): AuthFailure | null
  /** Shorthand for `check(req) === null`: what every API-like route must require. */
  isAuthorized(req: IncomingMessage): boolean
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

/** Parses a Cookie header into name → value (first occurrence wins). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>()
  if (!header) return out
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const name = part.slice(0, eq).trim()
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim())
  }
  return out
}

/**
 * Creates the authority of one door. `port` is read lazily because the port is known only once
 * the server listens.
 */
export function createDoorAuth(port: () => number): DoorAuth {
  // Only digests are kept, so lookups do not compare secrets character by character.
  const loginKeys = new Set<string>()
  const sessions = new Set<string>()
  const cookieName = () => `dudao_session_${port()}`
  const hosts = () => new Set([`127.0.0.1:${port()}`, `localhost:${port()}`])
  const origins = () => new Set([`http://127.0.0.1:${port()}`, `http://localhost:${port()}`])

  const auth: DoorAuth = {
    get cookieName() {
      return cookieName()
    },
    issueLoginKey() {
      const key = randomBytes(32).toString('base64url')
      loginKeys.add(digest(key))
      return key
    },
    redeem(key) {
      if (typeof key !== 'string' || key.length === 0 || key.length > 200) return null
      const d = digest(key)
      if (!loginKeys.delete(d)) return null
      const sessionId = randomBytes(32).toString('base64url')
      sessions.add(digest(sessionId))
      return sessionId
    },
    sessionCookie(sessionId) {
      return `${cookieName()}=${sessionId}; Path=/; HttpOnly; SameSite=Strict`
    },
    hasSession(req) {
      const value = parseCookies(req.headers.cookie).get(cookieName())
      return value !== undefined && value.length <= 200 && sessions.has(digest(value))
    },
    hostAllowed(req) {
      return hosts().has(req.headers.host ?? '')
    },
    originAllowed(req) {
      const origin = req.headers.origin
      return origin === undefined || origins().has(origin)
    },
    check(req) {
      if (!auth.hostAllowed(req)) return 'host'
      if (!auth.originAllowed(req)) return 'origin'
      if (!auth.hasSession(req)) return 'session'
      return null
    },
    isAuthorized(req) {
      return auth.check(req) === null
    },
  }
  return auth
}
