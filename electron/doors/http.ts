import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'
import type { Handlers } from '../../shared/contract'
import { dispatch } from '../core/dispatch'
import { CONTENT_SECURITY_POLICY } from './csp'
import { readStaticFile } from './staticFiles'
import type { Workspace } from '../core/workspace'
import { closeEventStreams, handleFileRoutes } from './httpFiles'
import { AUTH_MESSAGES, AUTH_STATUS, createDoorAuth, LOGIN_KEY_PARAM, type DoorAuth } from './httpAuth'

/** Largest request body the API accepts. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024
/** Beyond this many bytes an oversized body is no longer drained: the connection is closed after the 413. */
const MAX_DRAIN_BYTES = 4 * MAX_BODY_BYTES

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json; charset=utf-8',
}

/** Chinese messages of the door's own refusals (exported for route files and tests). */
export const DOOR_MESSAGES = {
  tooLarge: `请求内容超过 ${MAX_BODY_BYTES / 1024 / 1024} MB 的上限，未做任何修改。请缩短内容后重试`,
  badJson: '请求内容不是有效的 JSON',
  badPath: '请求的地址无效（含有无法识别的字符或编码）',
  forbiddenPath: '禁止访问该路径',
  onlyPost: '只接受 POST 请求',
  onlyGet: '不支持的请求方法',
  notJson: '请求内容必须是 JSON（Content-Type: application/json）',
  internal: '服务器内部错误，请重试；如反复出现，请查看启动本程序的命令行窗口中的记录',
  notBuilt: '界面尚未构建：请先运行 npm run build',
  notFound: '未找到',
} as const

/**
 * A route of another module (uploads, downloads, events) under `/api/`. The door calls it only for
 * requests that passed {@link DoorAuth.check}; it returns true when it answered the request.
 */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse, path: string, door: HttpDoor) => boolean | Promise<boolean>

export interface HttpDoorOptions {
  handlers: Handlers
  /** Built renderer folder (out/renderer); without it only the API is served. */
  rendererDir?: string
  port?: number
  /** Extra `/api/` routes, tried in order after authorization and before the channel dispatch. */
  routes?: HttpRoute[]
  /** The workspace behind `handlers`: enables uploads, downloads and job events (httpFiles.ts). */
  workspace?: Workspace
}

export interface HttpDoor {
  server: Server
  /** Base URL (`http://127.0.0.1:<port>/`); opening it without a session gives the login message. */
  url: string
  port: number
  /** The first one-time login URL, minted at start. */
  loginUrl: string
  /** Mints another one-time login URL (for a user who closed the browser). */
  newLoginUrl(): string
  /** This door's authority: route files use `auth.check(req)` / `auth.isAuthorized(req)`. */
  auth: DoorAuth
  /** Host, Origin and session cookie all fine. */
  isAuthorized(req: IncomingMessage): boolean
  close(): Promise<void>
}

/** Writes a complete response with the door's security headers. */
export function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  })
  res.end(body)
}

/** A JSON response. */
export function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', extra)
}

/** A `{ ok: false, error: { message } }` JSON response, the shape the renderer's client reads. */
export function sendError(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error: { message } }, extra)
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** A small Chinese message page (no script, nothing of the app). */
export function messagePage(title: string, message: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)} - 教育督导工作台</title>
<style>body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;background:#f5f7fa;color:#303133;margin:0}
main{max-width:560px;margin:12vh auto;background:#fff;border-radius:8px;padding:32px 40px;box-shadow:0 2px 12px rgba(0,0,0,.08)}
h1{font-size:20px;color:#c0392b;margin:0 0 16px}p{line-height:1.8;margin:0}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`
}

/** decodeURIComponent that answers null instead of throwing on a malformed escape. */
export function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s)
  } catch {
    return null
  }
}

export type StaticPath = { ok: true; file: string } | { ok: false; status: 400 | 403 }

/**
 * Maps a URL path (without query) to a file inside `rendererDir`, or refuses it: malformed
 * escapes, NUL, backslashes and drive letters (Windows separators) → 400; anything resolving
 * outside the folder (`/../`, `%2e%2e`) → 403.
 */
export function resolveStaticPath(rendererDir: string, urlPath: string): StaticPath {
  const decoded = safeDecode(urlPath)
  if (decoded === null || /[\\:\0]/.test(decoded)) return { ok: false, status: 400 }
  const rel = decoded === '/' || decoded === '' ? '/index.html' : decoded
  const root = resolve(rendererDir)
  const file = resolve(root, '.' + (rel.startsWith('/') ? rel : '/' + rel))
  if (!file.startsWith(root + sep)) return { ok: false, status: 403 }
  return { ok: true, file }
}

export type BodyResult =
  { ok: true; body: Buffer } | { ok: false; reason: 'too-large'; drained: boolean } | { ok: false; reason: 'aborted' }

/**
 * Reads a request body of at most `limit` bytes. An oversized body is read to its end and
 * discarded (so the client, still sending, receives the 413 instead of a reset connection), up to
 * a drain cap beyond which `drained` is false and the caller closes the connection after answering.
 */
export function readRequestBody(req: IncomingMessage, limit = MAX_BODY_BYTES, drainCap = MAX_DRAIN_BYTES): Promise<BodyResult> {
  return new Promise((done) => {
    const declared = Number(req.headers['content-length'])
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (r: BodyResult) => {
      if (settled) return
      settled = true
      req.removeAllListeners('data')
      done(r)
    }
    if (Number.isFinite(declared) && declared > drainCap) {
      req.pause()
      return finish({ ok: false, reason: 'too-large', drained: false })
    }
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= limit) chunks.push(c)
      else if (size > drainCap) {
        req.pause()
        finish({ ok: false, reason: 'too-large', drained: false })
      }
    })
    req.on('end', () =>
      finish(size > limit ? { ok: false, reason: 'too-large', drained: true } : { ok: true, body: Buffer.concat(chunks) }),
    )
    req.on('aborted', () => finish({ ok: false, reason: 'aborted' }))
    req.on('error', () => finish({ ok: false, reason: 'aborted' }))
  })
}

/** Answers 413 in Chinese; when the body was not drained, closes the connection once the answer is out. */
function sendTooLarge(res: ServerResponse, drained: boolean): void {
  if (!drained) res.on('finish', () => res.socket?.destroySoon())
  sendError(res, 413, DOOR_MESSAGES.tooLarge, { Connection: 'close' })
}

/**
 * Reads and discards what is left of a request body before a refusal is sent, so a client still
 * sending gets the answer rather than a reset, and a kept-alive connection stays in step. Returns
 * the headers to add: `Connection: close` when the body was too big to drain (the socket is then
 * closed once the answer is out).
 */
export async function drainBeforeAnswer(req: IncomingMessage, res: ServerResponse): Promise<Record<string, string>> {
  if (req.complete) return {}
  const r = await readRequestBody(req, 0)
  if (!r.ok && r.reason === 'too-large' && !r.drained) {
    res.on('finish', () => res.socket?.destroySoon())
    return { Connection: 'close' }
  }
  return {}
}

/**
 * The browser door: the contract's handler table over HTTP on 127.0.0.1 only. Nothing is served
 * without a session, which only the one-time login URL gives (see ./httpAuth). API calls must also
 * come from this origin and name this host. Errors never show a stack trace: they are logged here.
 */
export function startHttpDoor(options: HttpDoorOptions): Promise<HttpDoor> {
  const rendererDir = options.rendererDir ? resolve(options.rendererDir) : undefined
  let port = 0
  const auth = createDoorAuth(() => port)
  const routes = options.routes ?? []
  let door: HttpDoor

  const serveApp = (req: IncomingMessage, res: ServerResponse, extra: Record<string, string> = {}) => serveFile(req, res, '/', extra)

  const serveFile = (req: IncomingMessage, res: ServerResponse, urlPath: string, extra: Record<string, string> = {}) => {
    if (!rendererDir) return send(res, 404, DOOR_MESSAGES.notFound, 'text/plain; charset=utf-8', extra)
    const resolved = resolveStaticPath(rendererDir, urlPath)
    if (!resolved.ok) {
      const message = resolved.status === 400 ? DOOR_MESSAGES.badPath : DOOR_MESSAGES.forbiddenPath
      return send(res, resolved.status, message, 'text/plain; charset=utf-8', extra)
    }
    const file = resolved.file
    // Unknown paths get the app (hash routing), so a reload anywhere works.
    const target = existsSync(file) && statSync(file).isFile() ? file : join(rendererDir, 'index.html')
    if (!existsSync(target)) return send(res, 404, DOOR_MESSAGES.notBuilt, 'text/plain; charset=utf-8', extra)
    const type = MIME[extname(target)] ?? 'application/octet-stream'
    if (target.endsWith('index.html')) return send(res, 200, readFileSync(target), type, { 'Cache-Control': 'no-store', ...extra })
    // Precompressed .br/.gz beside the file when the browser accepts them; hashed assets cached for a year.
    const { body, headers } = readStaticFile(target, req.headers['accept-encoding'])
    send(res, 200, body, type, { ...headers, ...extra })
  }

  const refuse = async (req: IncomingMessage, res: ServerResponse, failure: 'host' | 'origin' | 'session', asPage: boolean) => {
    const extra = await drainBeforeAnswer(req, res)
    if (!asPage) return sendError(res, AUTH_STATUS[failure], AUTH_MESSAGES[failure], extra)
    if (failure === 'session')
      return send(res, 401, messagePage('需要从本机程序打开', AUTH_MESSAGES.session + '。每个登录网址只能使用一次。'), MIME['.html'], extra)
    return send(res, AUTH_STATUS[failure], AUTH_MESSAGES[failure], 'text/plain; charset=utf-8', extra)
  }

  const handlePage = async (req: IncomingMessage, res: ServerResponse, path: string, query: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const extra = await drainBeforeAnswer(req, res)
      return send(res, 405, DOOR_MESSAGES.onlyGet, 'text/plain; charset=utf-8', { Allow: 'GET, HEAD', ...extra })
    }
    const failure = auth.check(req)
    if (failure === 'session' && path === '/' && req.method === 'GET') {
      // The one-time login: spend the key, set the session cookie, serve the app.
      const key = new URLSearchParams(query).get(LOGIN_KEY_PARAM)
      const sessionId = key ? auth.redeem(key) : null
      if (sessionId) return serveApp(req, res, { 'Set-Cookie': auth.sessionCookie(sessionId) })
    }
    if (failure) return refuse(req, res, failure, true)
    serveFile(req, res, path)
  }

  const handleApi = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const failure = auth.check(req)
    if (failure) return refuse(req, res, failure, false)
    for (const route of routes) if (await route(req, res, path, door)) return
    if (await handleFileRoutes(req, res, server, options.workspace)) return
    if (req.method !== 'POST') return sendError(res, 405, DOOR_MESSAGES.onlyPost, { Allow: 'POST', ...(await drainBeforeAnswer(req, res)) })
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return sendError(res, 415, DOOR_MESSAGES.notJson, await drainBeforeAnswer(req, res))
    }
    const channelName = safeDecode(path.slice('/api/'.length))
    const body = await readRequestBody(req)
    if (!body.ok) return body.reason === 'too-large' ? sendTooLarge(res, body.drained) : undefined
    if (channelName === null) return sendError(res, 400, DOOR_MESSAGES.badPath)
    let payload: unknown
    try {
      const text = body.body.toString('utf8')
      payload = text ? JSON.parse(text) : {}
    } catch {
      return sendError(res, 400, DOOR_MESSAGES.badJson)
    }
    const result = await dispatch(options.handlers, channelName, payload)
    sendJson(res, result.ok ? 200 : 400, result)
  }

  const server = createServer(async (req, res) => {
    try {
      const raw = req.url ?? '/'
      const q = raw.indexOf('?')
      const path = q < 0 ? raw : raw.slice(0, q)
      const query = q < 0 ? '' : raw.slice(q + 1)
      if (!auth.hostAllowed(req)) return await refuse(req, res, 'host', true)
      if (path === '/api' || path.startsWith('/api/')) await handleApi(req, res, path)
      else await handlePage(req, res, path, query)
    } catch (e) {
      // Logged for the developer; the client gets a plain Chinese sentence, never a stack.
      console.error('[http]', e)
      if (!res.headersSent) sendError(res, 500, DOOR_MESSAGES.internal, { Connection: 'close' })
      else res.destroy()
    }
  })

  return new Promise((resolveDoor, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port
      const url = `http://127.0.0.1:${port}/`
      const newLoginUrl = () => `${url}?${LOGIN_KEY_PARAM}=${auth.issueLoginKey()}`
      door = {
        server,
        port,
        url,
        loginUrl: newLoginUrl(),
        newLoginUrl,
        auth,
        isAuthorized: (req) => auth.isAuthorized(req),
        close: () =>
          new Promise((r) => {
            closeEventStreams(server)
            server.close(() => r())
            server.closeIdleConnections?.()
          }),
      }
      resolveDoor(door)
    })
  })
}
