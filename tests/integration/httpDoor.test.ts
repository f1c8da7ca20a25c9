import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { MIGRATIONS } from '../../electron/core/db/migrations'
import { MAX_BODY_BYTES, sendJson, startHttpDoor, type HttpDoor } from '../../electron/doors/http'
import { loginCookie } from '../helpers/httpSession'
import { SAMPLE_PROFILE, tempWorkspace } from '../helpers/tempWorkspace'

const SECRET = 'SECRET-OUTSIDE-THE-RENDERER-FOLDER'
const APP_PAGE =
  '<!doctype html><html><head><title>t</title></head><body><div id="app"></div><script type="module" src="./assets/app.js"></script></body></html>'

let door: HttpDoor
let env: ReturnType<typeof tempWorkspace>
let site: string
let secretFile: string
let cookie: string
const routeCalls: string[] = []

beforeAll(async () => {
  env = tempWorkspace()
  // <site>/secret.txt lies beside the renderer folder: the traversal tests try to reach it.
  site = mkdtempSync(join(tmpdir(), 'dudao-site-'))
  const rendererDir = join(site, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), APP_PAGE)
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")')
  secretFile = join(site, 'secret.txt')
  writeFileSync(secretFile, SECRET)
  door = await startHttpDoor({
    handlers: env.handlers,
    rendererDir,
    routes: [
      (_req, res, path) => {
        routeCalls.push(path)
        if (path === '/api/test/throw') throw new Error(`boom at ${secretFile}`)
        if (path === '/api/test/echo') {
          sendJson(res, 200, { ok: true, data: 'echo' })
          return true
        }
        return false
      },
    ],
  })
  cookie = await loginCookie(door, door.loginUrl)
})
afterAll(async () => {
  await door.close()
  env.dispose()
  rmSync(site, { recursive: true, force: true })
})

async function api(channel: string, payload: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${door.url}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  })
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: any; error?: { message: string; field?: string } } }
}

/** A request with the path exactly as given (fetch would normalise `/../` and backslashes away). */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: door.port,
        path,
        method: options.method ?? 'GET',
        headers: {
          Cookie: cookie,
          ...(options.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(options.body)) } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** No stack frames, no source paths, no raw exception text. */
function expectNoStack(body: string) {
  expect(body).not.toMatch(/\n\s+at |at .*\.(ts|js):\d+|URIError|TypeError|Error:/)
  expect(body).not.toContain(site)
}

/** Every row of every table, to prove a refused request changed nothing. */
function snapshot(): string {
  if (!env.ws.dbExists()) return 'no database'
  const db = new Database(env.ws.dbPath, { readonly: true })
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]
  const dump = tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())).join('\n')
  db.close()
  return dump
}

describe('browser door', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(door.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(door.server.address()).toMatchObject({ address: '127.0.0.1' })
  })

  it('refuses a request naming another host (DNS rebinding), even with the session cookie', async () => {
    const res = await raw('/', { headers: { Host: 'attacker.example:80' } })
    expect(res.status).toBe(403)
    expect(
      (
        await raw(`/api/system.status`, {
          method: 'POST',
          headers: { Host: `attacker.example:${door.port}`, 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(403)
  })

  it('reports first run before setup, then round-trips the office profile', async () => {
    const before = await api('system.status', {})
    expect(before.body.data).toMatchObject({ initialized: false, dbExists: false, office: null })

    const saved = await api('office.save', SAMPLE_PROFILE)
    expect(saved.status).toBe(200)
    expect(saved.body.data).toMatchObject(SAMPLE_PROFILE)

    const got = await api('office.get', {})
    expect(got.body.data).toMatchObject(SAMPLE_PROFILE)
    const status = await api('system.status', {})
    expect(status.body.data).toMatchObject({ initialized: true, dbExists: true, schemaVersion: MIGRATIONS.length })
    expect(status.body.data.office.fullName).toBe(SAMPLE_PROFILE.fullName)
  })

  it('answers bad payloads with a Chinese message naming the field and changes nothing', async () => {
    await api('office.save', SAMPLE_PROFILE)
    const before = snapshot()

    const missing = await api('office.save', { ...SAMPLE_PROFILE, fullName: undefined })
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatchObject({ field: 'fullName' })
    expect(missing.body.error?.message).toContain('「机关全称」不能为空')

    const wrongType = await api('office.save', { ...SAMPLE_PROFILE, county: 12 })
    expect(wrongType.body.error?.message).toContain('「所属县（区）」应为文字')

    const long = await api('office.save', { ...SAMPLE_PROFILE, shortName: '督'.repeat(10_000) })
    expect(long.body.error?.message).toContain('「规范简称」不能超过30个字')

    const phone = await api('office.save', { ...SAMPLE_PROFILE, contactPhone: "1'; DROP TABLE office; --" })
    expect(phone.body.error?.field).toBe('contactPhone')

    const extra = await api('office.save', { ...SAMPLE_PROFILE, isAdmin: true })
    expect(extra.body.error?.message).toMatch(/未知字段：isAdmin/)

    const notJson = await api('office.save', '{not json')
    expect(notJson.status).toBe(400)
    expect(notJson.body.error?.message).toMatch(/JSON/)

    const unknown = await api('office.drop', {})
    expect(unknown.body.error?.message).toMatch(/未知的操作/)

    expect(snapshot()).toBe(before)
  })

  it('stores SQL-looking text as plain text', async () => {
    const sqlish = "督导室'); DELETE FROM office; --"
    const saved = await api('office.save', { ...SAMPLE_PROFILE, superior: sqlish })
    expect(saved.body.data.superior).toBe(sqlish)
    expect((await api('office.get', {})).body.data.fullName).toBe(SAMPLE_PROFILE.fullName)
  })

  it('backs up to a folder with a dated file name', async () => {
    await api('office.save', SAMPLE_PROFILE)
    const target = mkdtempSync(join(tmpdir(), 'dudao-http-backup-')) // an existing folder outside the data folder
    const res = await api('system.backup', { targetDir: target })
    expect(res.status).toBe(200)
    expect(res.body.data.file).toMatch(/教育督导工作台-备份-\d{8}-\d{6}\.sqlite$/)
    const copy = new Database(res.body.data.file, { readonly: true })
    expect((copy.prepare('SELECT full_name FROM office').get() as { full_name: string }).full_name).toBe(SAMPLE_PROFILE.fullName)
    copy.close()
  })
})

describe('browser door: only the user who was handed the login URL gets in', () => {
  it('the page it serves carries no credential, and the login sets a strict session cookie', async () => {
    const url = door.newLoginUrl()
    expect(url).toMatch(new RegExp(`^${door.url.replace(/[.]/g, '\\.')}\\?k=[A-Za-z0-9_-]{40,}$`))
    const res = await fetch(url)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toBe(APP_PAGE)
    const setCookie = res.headers.get('set-cookie')!
    const [pair, ...attributes] = setCookie.split(';').map((s) => s.trim())
    const sessionId = pair.slice(pair.indexOf('=') + 1)
    expect(pair.startsWith(`dudao_session_${door.port}=`)).toBe(true)
    expect(sessionId.length).toBeGreaterThanOrEqual(40)
    expect(attributes.sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict'])
    expect(setCookie).not.toMatch(/Expires|Max-Age/i)
    // Neither the key nor the session id nor any token appears in what the page can read.
    expect(html).not.toContain(sessionId)
    expect(html).not.toContain(new URL(url).searchParams.get('k')!)
    expect(html).not.toMatch(/token/i)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(res.headers.get('cache-control')).toBe('no-store')

    // The cookie opens the API.
    const status = await api('system.status', {}, { Cookie: pair })
    expect(status.status).toBe(200)
    expect(status.body.ok).toBe(true)
  })

  it('a visitor without the cookie gets only a Chinese message: no app, no assets, no API', async () => {
    const page = await fetch(door.url)
    expect(page.status).toBe(401)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(page.headers.get('set-cookie')).toBeNull()
    const html = await page.text()
    expect(html).toContain('一次性登录网址')
    expect(html).not.toContain('id="app"')
    expect(html).not.toContain('<script')

    const asset = await fetch(`${door.url}assets/app.js`)
    expect(asset.status).toBe(401)
    expect(await asset.text()).not.toContain('console.log')

    const call = await fetch(`${door.url}api/system.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(call.status).toBe(401)
    const body = (await call.json()) as { ok: boolean; error: { message: string } }
    expect(body.ok).toBe(false)
    expect(body.error.message).toMatch(/未登录或登录已失效/)
  })

  it('a login URL works once: the second visitor gets the message page and no cookie', async () => {
    const url = door.newLoginUrl()
    expect((await fetch(url)).status).toBe(200)
    const again = await fetch(url)
    expect(again.status).toBe(401)
    expect(again.headers.get('set-cookie')).toBeNull()
    expect(await again.text()).toContain('只能使用一次')
    // A made-up key, an empty key, and a key sent with HEAD (not spent) get nothing either.
    expect((await fetch(`${door.url}?k=${'A'.repeat(43)}`)).status).toBe(401)
    expect((await fetch(`${door.url}?k=`)).status).toBe(401)
    const headKey = door.newLoginUrl()
    expect((await fetch(headKey, { method: 'HEAD' })).status).toBe(401)
    expect((await fetch(headKey)).status).toBe(200)
  })

  it('a forged or foreign cookie, or the old token header, does not open the API', async () => {
    const forged = await api('system.status', {}, { Cookie: `dudao_session_${door.port}=${'x'.repeat(43)}` })
    expect(forged.status).toBe(401)
    const otherPort = await api('system.status', {}, { Cookie: cookie.replace(`dudao_session_${door.port}`, 'dudao_session_1') })
    expect(otherPort.status).toBe(401)
    const oldToken = await api('system.status', {}, { Cookie: '', 'X-Dudao-Token': 'x'.repeat(48) })
    expect(oldToken.status).toBe(401)
  })

  it('refuses another origin even with the session cookie', async () => {
    const cross = await api('system.status', {}, { Origin: 'http://evil.example' })
    expect(cross.status).toBe(403)
    expect(cross.body.error?.message).toMatch(/其他网站/)
    expect((await api('system.status', {}, { Origin: door.url.slice(0, -1) })).status).toBe(200)
  })

  it('extra routes run only after authorization, and share the check', async () => {
    routeCalls.length = 0
    const anonymous = await fetch(`${door.url}api/test/echo`, { headers: { Cookie: '' } })
    expect(anonymous.status).toBe(401)
    const foreign = await raw('/api/test/echo', { headers: { Origin: 'http://evil.example' } })
    expect(foreign.status).toBe(403)
    expect(routeCalls).toEqual([])
    const ok = await raw('/api/test/echo')
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toEqual({ ok: true, data: 'echo' })
    expect(routeCalls).toEqual(['/api/test/echo'])
  })
})

describe('browser door: methods, content types, sizes, paths', () => {
  it('API: GET, PUT and DELETE are refused with 405; only POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const res = await raw('/api/system.status', {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: method === 'GET' ? undefined : '{}',
      })
      expect(res.status, method).toBe(405)
      expect(res.headers.allow).toBe('POST')
      expect(JSON.parse(res.body).error.message).toBe('只接受 POST 请求')
    }
  })

  it('pages: anything but GET/HEAD is refused with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await raw('/', { method, headers: { 'Content-Type': 'application/json' }, body: '{}' })
      expect(res.status, method).toBe(405)
      expect(res.body).not.toContain('id="app"')
    }
  })

  it('API: a body that is not declared JSON is refused with 415, even when it parses as JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const res = await raw('/api/system.status', { method: 'POST', headers: type ? { 'Content-Type': type } : {}, body: '{}' })
      expect(res.status, type).toBe(415)
      expect(JSON.parse(res.body).error.message).toMatch(/必须是 JSON/)
    }
  })

  it('a body over the limit gets the Chinese 413 answer (not a reset connection), and nothing changes', async () => {
    await api('office.save', SAMPLE_PROFILE)
    const before = snapshot()
    const huge = JSON.stringify({ ...SAMPLE_PROFILE, superior: 'x'.repeat(MAX_BODY_BYTES) })
    const res = await fetch(`${door.url}api/office.save`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: huge,
    })
    expect(res.status).toBe(413)
    const body = (await res.json()) as { ok: boolean; error: { message: string } }
    expect(body.error.message).toMatch(/超过 20 MB 的上限/)
    expect(snapshot()).toBe(before)
    // The door still answers afterwards.
    expect((await api('system.status', {})).status).toBe(200)
  })

  it('a chunked body over the limit (no Content-Length) also gets 413', async () => {
    const piece = new TextEncoder().encode('x'.repeat(1024 * 1024))
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ > MAX_BODY_BYTES / piece.length) controller.close()
        else controller.enqueue(piece)
      },
    })
    const res = await fetch(`${door.url}api/system.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/上限/)
  })

  it('a body declared far over the limit is answered 413 at once, without waiting for it, and the connection closed', async () => {
    const answer = await new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: door.port,
        path: '/api/system.status',
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json', 'Content-Length': String(10 * MAX_BODY_BYTES) },
      })
      req.on('response', (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString('utf8')))
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body })
          req.destroy()
        })
      })
      req.on('error', reject)
      req.write('{"x":"') // and never the rest
    })
    expect(answer.status).toBe(413)
    expect(answer.connection).toBe('close')
    expect(JSON.parse(answer.body).error.message).toMatch(/超过 20 MB 的上限/)
  })

  it('bad percent-encoding in a path gets 400 in Chinese, never a 500 or a stack', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      for (const path of ['/%E0%A4%A', '/assets/%zz.js', '/%']) {
        const res = await raw(path)
        expect(res.status, path).toBe(400)
        expect(res.body).toContain('请求的地址无效')
        expectNoStack(res.body)
      }
      const api400 = await raw('/api/%E0%A4%A', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
      expect(api400.status).toBe(400)
      expect(JSON.parse(api400.body).error.message).toContain('请求的地址无效')
      expectNoStack(api400.body)
      expect(spy).not.toHaveBeenCalled()
    } finally {
      spy.mockRestore()
    }
  })

  it('never serves a file outside the renderer folder (/../, %2e%2e, backslashes, absolute paths)', async () => {
    // The plain request works, so a refusal below is the guard's doing.
    expect((await raw('/assets/app.js')).body).toContain('console.log')
    const traversals = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
    ]
    for (const path of traversals) {
      const res = await raw(path)
      expect(res.status, path).toBe(403)
      expect(res.body, path).not.toContain(SECRET)
    }
    // Windows separators and drive letters are refused outright (on Windows they would traverse).
    for (const path of ['/..\\secret.txt', '/%5c..%5csecret.txt', '/assets\\..\\..\\secret.txt', '/C:/Windows/win.ini', '/%00index.html']) {
      const res = await raw(path)
      expect(res.status, path).toBe(400)
      expect(res.body, path).not.toContain(SECRET)
    }
    // An absolute path stays inside the folder: /<abs> and /%2F<abs> are (missing) files below it → the app page.
    for (const path of [`/${encodeURIComponent(secretFile)}`, `/${secretFile}`]) {
      const absolute = await raw(path)
      expect(absolute.body, path).not.toContain(SECRET)
      expect(absolute.status, path).toBe(200)
      expect(absolute.body, path).toBe(APP_PAGE)
    }
  })

  it('an unexpected error answers 500 with a plain Chinese sentence, never a stack or a path', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const res = await raw('/api/test/throw', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
      expect(res.status).toBe(500)
      expect(JSON.parse(res.body)).toEqual({ ok: false, error: { message: expect.stringMatching(/^服务器内部错误/) } })
      expect(res.body).not.toContain('boom')
      expectNoStack(res.body)
      expect(spy).toHaveBeenCalledOnce()
    } finally {
      spy.mockRestore()
    }
  })
})
