import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../electron/core/db/migrations'
import { startHttpDoor, type HttpDoor } from '../../electron/doors/http'
import { SAMPLE_PROFILE, tempWorkspace } from '../helpers/tempWorkspace'

let door: HttpDoor
let env: ReturnType<typeof tempWorkspace>

beforeAll(async () => {
  env = tempWorkspace()
  const rendererDir = mkdtempSync(join(tmpdir(), 'dudao-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>')
  door = await startHttpDoor({ handlers: env.handlers, rendererDir })
})
afterAll(async () => {
  await door.close()
  env.dispose()
})

async function api(channel: string, payload: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${door.url}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Dudao-Token': door.token, ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  })
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: any; error?: { message: string; field?: string } } }
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

  it('serves the page with the per-run token and a strict CSP', async () => {
    const res = await fetch(door.url)
    const html = await res.text()
    expect(html).toContain(`<meta name="dudao-token" content="${door.token}">`)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
  })

  it('refuses API calls without the token, with a wrong token, or from another origin', async () => {
    const noToken = await fetch(`${door.url}api/system.status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(noToken.status).toBe(401)
    expect(((await noToken.json()) as { error: { message: string } }).error.message).toMatch(/令牌/)
    expect((await api('system.status', {}, { 'X-Dudao-Token': 'x'.repeat(48) })).status).toBe(401)
    const cross = await api('system.status', {}, { Origin: 'http://evil.example' })
    expect(cross.status).toBe(403)
    expect(cross.body.error?.message).toMatch(/其他网站/)
  })

  it('refuses a request naming another host (DNS rebinding)', async () => {
    const { request } = await import('node:http')
    const status = await new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port: door.port, path: '/', headers: { Host: 'attacker.example:80' } }, (res) => resolve(res.statusCode ?? 0))
      req.end()
    })
    expect(status).toBe(403)
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
