import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileStore } from '../../electron/core/files/fileStore'
import { importCheck, importCommit } from '../../electron/core/imports/importSession'
import { loginCookie } from '../helpers/httpSession'
import { startHttpDoor, type HttpDoor } from '../../electron/doors/http'
import { MAX_INPUT_FILE_BYTES, type OutputFile } from '../../shared/files/types'
import type { JobEvent } from '../../shared/jobs/types'
import { createExampleTable, exampleImporter, writeExampleWorkbook } from '../helpers/exampleImporter'
import { SAMPLE_PROFILE, tempWorkspace } from '../helpers/tempWorkspace'

let door: HttpDoor
let env: ReturnType<typeof tempWorkspace>

beforeAll(async () => {
  env = tempWorkspace()
  door = await startHttpDoor({ handlers: env.handlers, workspace: env.ws })
  cookie = await loginCookie(door)
})
afterAll(async () => {
  await door.close()
  env.dispose()
})

let cookie = ''
const auth = (): Record<string, string> => ({ Cookie: cookie })
const uploadsDir = () => join(env.dir, 'tmp', 'uploads')
const uploads = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()) : [])

async function api<T = any>(channel: string, payload: unknown): Promise<T> {
  const res = await fetch(`${door.url}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...auth() },
    body: JSON.stringify(payload),
  })
  const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } }
  if (!body.ok) throw new Error(body.error!.message)
  return body.data
}

function upload(bytes: Uint8Array | ReadableStream<Uint8Array>, name: string, headers: Record<string, string> = auth()) {
  return fetch(`${door.url}api/files/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', ...headers },
    body: bytes,
    duplex: 'half',
  } as RequestInit)
}

/** Reads the door's event stream; `events` fills as they arrive. */
async function openEvents() {
  const controller = new AbortController()
  const res = await fetch(`${door.url}api/events`, { headers: auth(), signal: controller.signal })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const events: JobEvent[] = []
  const waiters: (() => void)[] = []
  void (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += value
        let at: number
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at)
          buffer = buffer.slice(at + 2)
          const data = block.split('\n').find((l) => l.startsWith('data: '))
          if (block.includes('event: job') && data) events.push(JSON.parse(data.slice(6)))
          waiters.splice(0).forEach((w) => w())
        }
      }
    } catch {
      // aborted
    }
  })()
  const until = async (done: (e: JobEvent) => boolean) => {
    while (!events.some(done)) await new Promise<void>((r) => waiters.push(r))
    return events.find(done)!
  }
  return { events, until, close: () => controller.abort() }
}

/** A signed-off draft with a long body: ~`paragraphs` × 490 characters. */
async function bigDocument(paragraphs: number): Promise<number> {
  const text = '各乡镇人民政府、县直各学校：为贯彻落实国家督学责任区制度，推动学校规范办学，现将有关事项通知如下。'.repeat(10)
  const doc = await api('documents.create', { templateKey: 'supervision-notice' })
  await api('documents.save', {
    id: doc.id,
    kind: doc.kind,
    format: doc.format,
    seriesId: null,
    content: { ...doc.content, body: Array.from({ length: paragraphs }, (_, i) => ({ level: 0, text: `${i + 1}．${text}` })) },
  })
  return doc.id
}

describe('browser door: files in', () => {
  it('refuses an upload without the credential, and stores nothing', async () => {
    const res = await upload(new Uint8Array([1, 2, 3]), 'a.xlsx', {})
    expect(res.status).toBe(401)
    expect(uploads()).toEqual([])
  })

  it('refuses an oversize upload with a Chinese 413 (declared or streamed) and keeps no part of it', async () => {
    const big = new Uint8Array(MAX_INPUT_FILE_BYTES + 1)
    const declared = await upload(big, '大文件.xlsx')
    expect(declared.status).toBe(413)
    expect(((await declared.json()) as { error: { message: string } }).error.message).toBe(
      '文件超过上限 50.0 MB，无法上传。请拆分文件或删去无关的工作表后再试。',
    )

    // Without a Content-Length (chunked): refused while streaming, the part written deleted.
    const chunk = new Uint8Array(1024 * 1024)
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent > MAX_INPUT_FILE_BYTES + chunk.length) return c.close()
        sent += chunk.length
        c.enqueue(chunk)
      },
    })
    const streamed = await upload(stream, '大文件.xlsx')
    expect(streamed.status).toBe(413)
    expect(((await streamed.json()) as { error: { message: string } }).error.message).toMatch(/^文件超过上限/)
    expect(uploads()).toEqual([])
  })

  it('stores an upload in the data folder, reads it through a file reference, and removes it after use', async () => {
    await api('office.save', SAMPLE_PROFILE)
    createExampleTable(env.ws)
    const source = join(env.dir, 'source.xlsx')
    await writeExampleWorkbook(source, [['第一小学', 1200]])
    const { readFileSync } = await import('node:fs')
    const res = await upload(readFileSync(source), '../../学校名单.xlsx')
    expect(res.status).toBe(200)
    const { data: info } = (await res.json()) as { data: { fileId: string; name: string; bytes: number } }
    expect(info).toMatchObject({ name: '学校名单.xlsx', bytes: readFileSync(source).length })
    expect(uploads()).toHaveLength(1)

    const preview = await importCheck(env.ws, exampleImporter(), { fileId: info.fileId })
    expect(preview.rowsAccepted).toBe(1)
    expect(importCommit(env.ws, exampleImporter(), preview.token)).toEqual({ rowsWritten: 1 })
    expect(uploads()).toEqual([])
  })

  it('deletes an upload released unused, and every upload when the store is disposed (exit)', async () => {
    const a = (await (await upload(new Uint8Array([1]), 'a.xlsx')).json()) as { data: { fileId: string } }
    await upload(new Uint8Array([2]), 'b.xlsx')
    expect(uploads()).toHaveLength(2)
    await api('files.release', { fileId: a.data.fileId })
    expect(uploads()).toHaveLength(1)
    fileStore(env.ws).dispose()
    expect(existsSync(uploadsDir())).toBe(false)
  })
})

describe('browser door: files out and jobs', () => {
  it('downloads a produced file once, with its Chinese name', async () => {
    const file = await api<OutputFile>('numbers.exportRegister', { year: 2024 })
    const res = await fetch(`${door.url}api/files/download/${file.downloadId}`, { headers: auth() })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="_____-2024_.xlsx"; filename*=UTF-8''${encodeURIComponent('发文登记簿-2024年.xlsx')}`,
    )
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK')
    const again = await fetch(`${door.url}api/files/download/${file.downloadId}`, { headers: auth() })
    expect(again.status).toBe(404)
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/已失效/)
    expect((await fetch(`${door.url}api/files/download/${file.downloadId}`)).status).toBe(401)
  })

  it('streams a Word export job as ordered progress events ending with the file', async () => {
    const stream = await openEvents()
    const id = await bigDocument(20)
    const { jobId } = await api<{ jobId: string }>('documents.exportDocx', { id })
    const end = await stream.until((e) => e.jobId === jobId && e.state !== 'running')
    stream.close()
    const mine = stream.events.filter((e) => e.jobId === jobId)
    expect(mine.map((e) => e.seq)).toEqual(mine.map((_, i) => i + 1))
    expect(mine[0]).toMatchObject({ state: 'running', kind: 'documents.exportDocx', cancellable: true })
    expect(mine.map((e) => e.done)).toEqual([...mine.map((e) => e.done)].sort((a, b) => a - b))
    expect(end).toMatchObject({ state: 'done', done: 1, total: 1, message: '完成' })
    const file = end.result as OutputFile
    expect(file.fileName).toMatch(/\.docx$/)
    const res = await fetch(`${door.url}api/files/download/${file.downloadId}`, { headers: auth() })
    expect(Buffer.from(await res.arrayBuffer()).length).toBe(file.bytes)
  })

  it('cancels an export', async () => {
    const stream = await openEvents()
    const id = await bigDocument(600)
    const { jobId } = await api<{ jobId: string }>('documents.exportDocx', { id })
    const asked = await api<JobEvent>('jobs.cancel', { jobId })
    expect(asked.message).toBe('正在取消……')
    const end = await stream.until((e) => e.jobId === jobId && e.state !== 'running')
    stream.close()
    expect(end).toMatchObject({ state: 'cancelled', message: '已取消' })
    expect((await api<JobEvent>('jobs.get', { jobId })).state).toBe('cancelled')
  })

  it('answers system.status while a large document exports', async () => {
    const stream = await openEvents()
    const id = await bigDocument(600)
    const { jobId } = await api<{ jobId: string }>('documents.exportDocx', { id })
    // Status answered three times in a row, and the export still had not ended: the export does not block requests.
    for (let i = 0; i < 3; i++) expect((await api('system.status', {})).initialized).toBe(true)
    expect(stream.events.some((e) => e.jobId === jobId && e.state !== 'running')).toBe(false)
    const end = await stream.until((e) => e.jobId === jobId && e.state !== 'running')
    stream.close()
    expect(end.state).toBe('done')
  })

  it('refuses the event stream and downloads without the credential', async () => {
    expect((await fetch(`${door.url}api/events`)).status).toBe(401)
    expect((await fetch(`${door.url}api/files/upload`, { method: 'GET', headers: auth() })).status).toBe(405)
  })
})
