import { createWriteStream, rmSync } from 'node:fs'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { basename } from 'node:path'
import { MAX_INPUT_FILE_BYTES, DOWNLOAD_ID_PATTERN } from '../../shared/files/types'
import { formatBytes } from '../../shared/format/bytes'
import { formatJobEvent } from '../../shared/jobs/eventStream'
import type { JobEvent } from '../../shared/jobs/types'
import { UserError } from '../core/errors'
import { fileStore } from '../core/files/fileStore'
import { jobRunner } from '../core/jobs/jobRunner'
import type { Workspace } from '../core/workspace'
import { CONTENT_SECURITY_POLICY } from './csp'

/**
 * The browser door's file and event routes, reached only after http.ts has checked the request like
 * any API call (host, origin, credential):
 *
 * - `POST /api/files/upload?name=<文件名>`, body = the file's bytes (`application/octet-stream`):
 *   stored in `<data dir>/tmp/uploads`, registered for reading; answers `{ ok, data: FileInfo }`.
 *   Over MAX_INPUT_FILE_BYTES: 413 with a Chinese message (the body is drained, not reset).
 * - `GET /api/files/download/<downloadId>`: a file the core produced, once, as an attachment.
 * - `GET /api/events`: server-sent events, one `job` event per JobEvent, in order.
 */
export const UPLOAD_PATH = '/api/files/upload'
export const DOWNLOAD_PREFIX = '/api/files/download/'
export const EVENTS_PATH = '/api/events'

/** Upper bound of a refused body that is still read (so the client sees the 413) before the connection is cut: 256 MiB. */
const MAX_DRAIN_BYTES = 256 * 1024 * 1024
/** Comment line keeping idle event streams open through proxies and timeouts: every 25 s. */
const KEEPALIVE_MS = 25_000

const headers = (type: string, extra: Record<string, string> = {}) => ({
  'Content-Type': type,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  ...extra,
})

function json(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  res.writeHead(status, headers('application/json; charset=utf-8', extra))
  res.end(JSON.stringify(value))
}

const fail = (res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}) =>
  json(res, status, { ok: false, error: { message } }, extra)

/** Reads the rest of a refused body (bounded), so the client gets the answer instead of a reset. */
function drain(req: IncomingMessage): void {
  let seen = 0
  req.on('data', (c: Buffer) => {
    seen += c.length
    if (seen > MAX_DRAIN_BYTES) req.destroy()
  })
  req.resume()
}

const tooLarge = () => `文件超过上限 ${formatBytes(MAX_INPUT_FILE_BYTES)}，无法上传。请拆分文件或删去无关的工作表后再试。`

/** A display name from the `name` query parameter: no folders, no control characters, at most 255 characters. */
function uploadName(url: URL): string {
  const raw = basename((url.searchParams.get('name') ?? '').replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
  return raw.slice(0, 255) || '上传的文件'
}

async function upload(req: IncomingMessage, res: ServerResponse, url: URL, ws: Workspace): Promise<void> {
  if (req.method !== 'POST') return fail(res, 405, '上传只接受 POST 请求')
  if (!(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
    drain(req)
    return fail(res, 415, '上传内容必须是文件本身（application/octet-stream）')
  }
  const declared = Number(req.headers['content-length'] ?? NaN)
  if (Number.isFinite(declared) && declared > MAX_INPUT_FILE_BYTES) {
    drain(req)
    return fail(res, 413, tooLarge(), { Connection: 'close' })
  }
  const store = fileStore(ws)
  const path = store.newUploadPath()
  const out = createWriteStream(path, { flags: 'wx' })
  // Over the limit: stop writing, delete the part written, read (bounded) the rest and answer 413.
  const outcome = await new Promise<'ok' | 'over' | 'broken'>((settle) => {
    let size = 0
    let over = false
    req.on('data', (c: Buffer) => {
      size += c.length
      if (over) {
        if (size > MAX_DRAIN_BYTES) {
          settle('over')
          req.destroy()
        }
        return
      }
      if (size > MAX_INPUT_FILE_BYTES) {
        over = true
        out.destroy()
        return
      }
      if (!out.write(c)) {
        req.pause()
        out.once('drain', () => req.resume())
      }
    })
    req.on('end', () => {
      if (over) return settle('over')
      out.end(() => settle('ok'))
    })
    req.on('error', () => settle('broken'))
    req.on('aborted', () => settle('broken'))
    out.on('error', () => {
      if (!over) settle('broken')
    })
  })
  if (outcome !== 'ok') {
    out.destroy()
    rmSync(path, { force: true })
    if (outcome === 'over') return fail(res, 413, tooLarge(), { Connection: 'close' })
    if (!res.headersSent && !res.destroyed) fail(res, 400, '上传中断，请重试')
    return
  }
  try {
    const info = store.registerInput(path, { name: uploadName(url), temporary: true })
    json(res, 200, { ok: true, data: info })
  } catch (e) {
    rmSync(path, { force: true })
    fail(res, 400, e instanceof UserError ? e.message : '无法保存上传的文件')
  }
}

/** `filename` (ASCII fallback) and `filename*` (UTF-8) for a Content-Disposition header. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

function download(req: IncomingMessage, res: ServerResponse, id: string, ws: Workspace): void {
  if (req.method !== 'GET') return fail(res, 405, '下载只接受 GET 请求')
  if (!DOWNLOAD_ID_PATTERN.test(id)) return fail(res, 404, '没有这个文件')
  try {
    const file = fileStore(ws).take(id)
    res.writeHead(
      200,
      headers(file.mimeType, { 'Content-Disposition': attachmentDisposition(file.fileName), 'Content-Length': String(file.data.length) }),
    )
    res.end(file.data)
  } catch (e) {
    fail(res, 404, e instanceof UserError ? e.message : '没有这个文件')
  }
}

const streams = new WeakMap<Server, Set<ServerResponse>>()

function events(req: IncomingMessage, res: ServerResponse, ws: Workspace, server: Server): void {
  if (req.method !== 'GET') return fail(res, 405, '事件流只接受 GET 请求')
  res.writeHead(200, headers('text/event-stream; charset=utf-8', { Connection: 'keep-alive', 'X-Accel-Buffering': 'no' }))
  res.flushHeaders()
  const write = (e: JobEvent) => res.write(formatJobEvent(e))
  res.write('retry: 2000\n\n')
  const runner = jobRunner(ws)
  // A page that (re)connects first learns where every known job stands.
  for (const e of runner.list()) write(e)
  const off = runner.subscribe(write)
  const keepalive = setInterval(() => res.write(': ping\n\n'), KEEPALIVE_MS)
  let set = streams.get(server)
  if (!set) streams.set(server, (set = new Set()))
  set.add(res)
  const end = () => {
    off()
    clearInterval(keepalive)
    set!.delete(res)
  }
  req.on('close', end)
  res.on('close', end)
}

/** Ends the open event streams of a server (they would otherwise keep `server.close()` waiting). */
export function closeEventStreams(server: Server): void {
  for (const res of streams.get(server) ?? []) res.end()
  streams.delete(server)
}

/**
 * Serves the request when it is one of the routes above; returns false (doing nothing) otherwise.
 * Call only after the request passed the API's checks.
 */
export async function handleFileRoutes(
  req: IncomingMessage,
  res: ServerResponse,
  server: Server,
  ws: Workspace | undefined,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const path = url.pathname
  if (path !== UPLOAD_PATH && path !== EVENTS_PATH && !path.startsWith(DOWNLOAD_PREFIX)) return false
  if (!ws) {
    fail(res, 404, '此服务不提供文件功能')
    return true
  }
  if (path === UPLOAD_PATH) await upload(req, res, url, ws)
  else if (path === EVENTS_PATH) events(req, res, ws, server)
  else download(req, res, path.slice(DOWNLOAD_PREFIX.length), ws)
  return true
}
