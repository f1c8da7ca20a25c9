import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpDoor, type HttpDoor } from '../../electron/doors/http'
import { loginCookie } from '../helpers/httpSession'
import { tempWorkspace } from '../helpers/tempWorkspace'

// The browser door sends the build's precompressed assets (electron/doors/staticFiles.ts) and lets
// the browser keep hashed ones; index.html is never cached.
let door: HttpDoor
let env: ReturnType<typeof tempWorkspace>
let cookie: string
const SCRIPT = `console.log(${JSON.stringify('督导'.repeat(800))})`

beforeAll(async () => {
  env = tempWorkspace()
  const rendererDir = join(mkdtempSync(join(tmpdir(), 'dudao-static-')), 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(join(rendererDir, 'assets', 'app-AbCdEf12.js'), SCRIPT)
  writeFileSync(join(rendererDir, 'assets', 'app-AbCdEf12.js.br'), brotliCompressSync(SCRIPT))
  door = await startHttpDoor({ handlers: env.handlers, rendererDir })
  cookie = await loginCookie(door)
})
afterAll(async () => {
  await door.close()
  env.dispose()
})

describe('browser door: static files', () => {
  it('sends the brotli file to a browser that accepts it, cached for a year', async () => {
    const res = await fetch(`${door.url}assets/app-AbCdEf12.js`, { headers: { Cookie: cookie, 'Accept-Encoding': 'br' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('vary')).toBe('Accept-Encoding')
    expect(res.headers.get('cache-control')).toContain('max-age=31536000')
    // fetch decodes the body itself: the text is the original script
    expect(await res.text()).toBe(SCRIPT)
    expect(brotliDecompressSync(brotliCompressSync(SCRIPT)).toString()).toBe(SCRIPT)
  })

  it('sends the plain file when no encoding is accepted, and never caches index.html', async () => {
    const plain = await fetch(`${door.url}assets/app-AbCdEf12.js`, { headers: { Cookie: cookie, 'Accept-Encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.text()).toBe(SCRIPT)
    const page = await fetch(door.url, { headers: { Cookie: cookie } })
    expect(page.headers.get('cache-control')).toBe('no-store')
  })

  it('sends nothing without the session', async () => {
    expect((await fetch(`${door.url}assets/app-AbCdEf12.js`)).status).toBe(401)
  })
})
