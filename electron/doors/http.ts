import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { Handlers } from '../../shared/contract'
import { dispatch } from '../core/dispatch'
import { CONTENT_SECURITY_POLICY } from './csp'
import type { Workspace } from '../core/workspace'
import { closeEventStreams, handleFileRoutes } from './httpFiles'

export const TOKEN_HEADER = 'x-dudao-token'
const MAX_BODY_BYTES = 20 * 1024 * 1024


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

export interface HttpDoorOptions {
  handlers: Handlers
  /** Built renderer folder (out/renderer); without it only the API is served. */
  rendererDir?: string
  port?: number
  token?: string
  /** The workspace behind `handlers`: enables uploads, downloads and job events (httpFiles.ts). */
  workspace?: Workspace
}

export interface HttpDoor {
  server: Server
  url: string
  port: number
  token: string
  close(): Promise<void>
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
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

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8')
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * The browser door: the contract's handler table over HTTP on 127.0.0.1 only. The page it serves
 * carries a per-run token; API calls must present it, come from this origin and name this host.
 */
export function startHttpDoor(options: HttpDoorOptions): Promise<HttpDoor> {
  const token = options.token ?? randomBytes(24).toString('hex')
  const rendererDir = options.rendererDir ? resolve(options.rendererDir) : undefined
  let port = 0
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])

  const serveFile = (res: ServerResponse, urlPath: string) => {
    if (!rendererDir) return send(res, 404, '未找到', 'text/plain; charset=utf-8')
    let rel = decodeURIComponent(urlPath.split('?')[0])
    if (rel === '/' || rel === '') rel = '/index.html'
    const file = normalize(join(rendererDir, rel))
    if (!file.startsWith(rendererDir + sep)) return send(res, 403, '禁止访问', 'text/plain; charset=utf-8')
    const target = existsSync(file) && statSync(file).isFile() ? file : join(rendererDir, 'index.html')
    if (!existsSync(target)) return send(res, 404, '界面尚未构建：请先运行 npm run build', 'text/plain; charset=utf-8')
    if (target.endsWith('index.html')) {
      const html = readFileSync(target, 'utf8').replace('</head>', `  <meta name="dudao-token" content="${token}">\n  </head>`)
      return send(res, 200, html, MIME['.html'])
    }
    send(res, 200, readFileSync(target), MIME[extname(target)] ?? 'application/octet-stream', {
      'Cache-Control': 'no-cache',
    })
  }

  const server = createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? ''
      if (!allowedHosts().has(host)) return send(res, 403, '禁止访问', 'text/plain; charset=utf-8')
      const url = req.url ?? '/'
      if (!url.startsWith('/api/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '不支持的请求', 'text/plain; charset=utf-8')
        return serveFile(res, url)
      }
      const origin = req.headers.origin
      if (origin !== undefined && !allowedOrigins().has(origin)) {
        return json(res, 403, { ok: false, error: { message: '拒绝来自其他网站的请求' } })
      }
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
        return json(res, 401, { ok: false, error: { message: '缺少或错误的访问令牌，请从本程序打开的页面访问' } })
      }
      if (await handleFileRoutes(req, res, server, options.workspace)) return
      if (req.method !== 'POST') return json(res, 405, { ok: false, error: { message: '只接受 POST 请求' } })
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return json(res, 415, { ok: false, error: { message: '请求内容必须是 JSON' } })
      }
      let payload: unknown
      try {
        const body = await readBody(req)
        payload = body ? JSON.parse(body) : {}
      } catch {
        return json(res, 400, { ok: false, error: { message: '请求内容不是有效的 JSON，或超过 20 MB' } })
      }
      const channelName = decodeURIComponent(url.slice('/api/'.length).split('?')[0])
      const result = await dispatch(options.handlers, channelName, payload)
      json(res, result.ok ? 200 : 400, result)
    } catch (e) {
      console.error(e)
      if (!res.headersSent) json(res, 500, { ok: false, error: { message: '服务器内部错误' } })
    }
  })

  return new Promise((resolveDoor, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port
      resolveDoor({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((r) => (closeEventStreams(server), server.close(() => r()))),
      })
    })
  })
}
