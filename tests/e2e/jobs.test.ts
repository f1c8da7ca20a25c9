import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openApp, type E2eApp } from './harness'

let app: E2eApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('long jobs and files in the browser', () => {
  it('shows a running Word export as a progress bar and cancels it', async () => {
    app = await openApp()
    const { page } = app
    await page.locator('[data-test=load-demo]').click()
    await page.locator('[data-test=status-office]').filter({ hasText: '贺兰县' }).waitFor()

    // A document of about a million characters, made and exported through the API as the page would
    // (the composer's preview of it is not what this test is about).
    const jobId = await page.evaluate(async () => {
      const api = async (channel: string, payload: unknown) => {
        const res = await fetch(`./api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(payload),
        })
        const body = (await res.json()) as any
        if (!body.ok) throw new Error(body.error.message)
        return body.data
      }
      const doc = await api('documents.create', { templateKey: 'supervision-notice' })
      const text = '各乡镇人民政府、县直各学校：为贯彻落实国家督学责任区制度，推动学校规范办学，现将有关事项通知如下。'.repeat(10)
      const body = Array.from({ length: 600 }, () => ({ level: 0, text }))
      await api('documents.save', { id: doc.id, kind: doc.kind, format: doc.format, seriesId: null, content: { ...doc.content, body } })
      return (await api('documents.exportDocx', { id: doc.id })).jobId as string
    })
    expect(jobId).toMatch(/^j_/)

    const panel = page.locator('[data-test=job-progress]')
    await panel.locator('[data-job="documents.exportDocx"]').waitFor()
    await expect(panel.textContent()).resolves.toContain('导出 Word：')
    expect(await panel.locator('.el-progress').count()).toBe(1)
    await app.screenshot('30-job-progress')

    await panel.locator('[data-test=job-cancel]').click()
    await panel.waitFor({ state: 'detached' })
    const state = await page.evaluate(async (id) => {
      const res = await fetch('./api/jobs.get', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ jobId: id }),
      })
      return ((await res.json()) as any).data.state
    }, jobId)
    expect(state).toBe('cancelled')
  })

  it('uploads from the page: a file is stored in the data folder; an oversize one gets the Chinese 413, not a reset', async () => {
    app = await openApp({
      allowErrors: [
        {
          pattern: /status of 413 .*\/api\/files\/upload\?name=big\.xlsx/,
          reason: 'this test uploads an oversize file on purpose; Chromium logs the 413 answer',
        },
      ],
    })
    const { page } = app
    const result = await page.evaluate(async () => {
      const headers = { 'Content-Type': 'application/octet-stream' }
      const small = await fetch(`./api/files/upload?name=${encodeURIComponent('幼儿园名单.xlsx')}`, {
        method: 'POST',
        headers,
        body: new Blob(['PK small file']),
      })
      const big = await fetch('./api/files/upload?name=big.xlsx', {
        method: 'POST',
        headers,
        body: new Blob([new Uint8Array(50 * 1024 * 1024 + 1)]),
      })
      return {
        small: { status: small.status, body: (await small.json()) as any },
        big: { status: big.status, body: (await big.json()) as any },
      }
    })
    expect(result.small.status).toBe(200)
    expect(result.small.body.data).toMatchObject({ name: '幼儿园名单.xlsx', bytes: 13 })
    expect(result.big).toEqual({
      status: 413,
      body: { ok: false, error: { message: '文件超过上限 50.0 MB，无法上传。请拆分文件或删去无关的工作表后再试。' } },
    })
    const uploads = join(app.dataDir, 'tmp', 'uploads')
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toHaveLength(1)
  })
})
