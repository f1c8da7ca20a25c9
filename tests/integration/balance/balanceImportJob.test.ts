import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { balanceImporter } from '../../../electron/core/balance/balanceImporter'
import { fileStore } from '../../../electron/core/files/fileStore'
import { importCheck } from '../../../electron/core/imports/importSession'
import { jobRunner, type JobContext } from '../../../electron/core/jobs/jobRunner'
import type { JobEvent } from '../../../shared/jobs/types'
import { fillBalanceTemplate, sampleCounty, type PartSpec } from '../../helpers/balanceWorkbooks'
import { tempWorkspace } from '../../helpers/tempWorkspace'

let envs: ReturnType<typeof tempWorkspace>[] = []
afterEach(() => {
  envs.forEach((e) => e.dispose())
  envs = []
})

/** A county of `n` 小学 (the sample's first school repeated under new names and codes). */
async function bigWorkbook(env: ReturnType<typeof tempWorkspace>, n: number): Promise<string> {
  const base = sampleCounty()[0]
  const parts: PartSpec[] = Array.from({ length: n }, (_, i) => ({
    ...base,
    code: `2164${String(i).padStart(6, '0')}`,
    name: `测试小学${i + 1}`,
  }))
  const tpl = fileStore(env.ws).take((await env.handlers['balance.template']({})).downloadId).data
  const path = join(env.dir, '大文件.xlsx')
  writeFileSync(path, await fillBalanceTemplate(tpl, 2024, parts))
  return path
}

describe('the import check as a background job (both importers share importSession.importCheckJob)', () => {
  it('reports rows checked of rows in the sheet, and ends with the same preview as the plain check', async () => {
    const env = tempWorkspace()
    envs.push(env)
    const path = await bigWorkbook(env, 900)
    // the reader's progress, recorded through a job context
    const calls: Array<[number, number, string | undefined]> = []
    const ctx: JobContext = {
      progress: (done, total, message) => void calls.push([done, total, message]),
      signal: new AbortController().signal,
      throwIfCancelled: () => undefined,
    }
    const plain = await importCheck(
      env.ws,
      balanceImporter(),
      { fileId: fileStore(env.ws).registerInput(path, { name: '大文件.xlsx' }).fileId },
      ctx,
    )
    expect(plain.problems).toEqual([])
    expect(calls[0]).toEqual([0, 0, '正在读取文件……'])
    const rowsSteps = calls.filter(([, total]) => total > 0)
    expect(rowsSteps.length).toBeGreaterThanOrEqual(4) // every 200 rows of 900
    expect(rowsSteps.every(([done, total], i) => done <= total && (i === 0 || done > rowsSteps[i - 1][0]))).toBe(true)
    expect(rowsSteps[0][2]).toMatch(/^正在检查第 \d+ 行……$/)

    // the same check through the channel, as a job
    const events: JobEvent[] = []
    const off = jobRunner(env.ws).subscribe((e) => events.push(e))
    const { jobId } = await env.handlers['balance.importCheckJob']({
      file: { fileId: fileStore(env.ws).registerInput(path, { name: '大文件.xlsx' }).fileId },
    })
    const end = await jobRunner(env.ws).wait(jobId)
    off()
    expect(end.state).toBe('done')
    expect(end.kind).toBe('balance.importCheckJob')
    const preview = end.result as typeof plain & { years: number[] }
    expect(preview.years).toEqual([2024])
    expect(preview.rowsAccepted).toBe(900)
    expect(preview.canCommit).toBe(true)
    expect(events.filter((e) => e.jobId === jobId).map((e) => e.seq)).toEqual(events.filter((e) => e.jobId === jobId).map((_, i) => i + 1))
    // the token of the job's preview commits like any other
    expect((await env.handlers['balance.importCommit']({ token: preview.token })).rowsWritten).toBe(900)
  })

  it('can be cancelled (both modules)', async () => {
    const env = tempWorkspace()
    envs.push(env)
    const path = await bigWorkbook(env, 300)
    for (const channel of ['balance.importCheckJob', 'preschool.importCheckJob'] as const) {
      const { jobId } = await env.handlers[channel]({
        file: { fileId: fileStore(env.ws).registerInput(path, { name: '大文件.xlsx' }).fileId },
      })
      jobRunner(env.ws).cancel(jobId)
      const end = await jobRunner(env.ws).wait(jobId)
      expect(end.state).toBe('cancelled')
      expect(end.result).toBeUndefined()
    }
  })
})
