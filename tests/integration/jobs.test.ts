import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { jobRunner } from '../../electron/core/jobs/jobRunner'
import type { JobEvent } from '../../shared/jobs/types'
import { useOfficeFixture } from '../helpers/officeFixture'

const setup = useOfficeFixture()
/** Backups go to an existing folder outside the data folder (the backup refuses anything else). */
const outside = () => mkdtempSync(join(tmpdir(), 'dudao-jobs-backup-'))

describe('jobs through the contract', () => {
  it('runs the backup as a job (indeterminate, not cancellable) with the BackupResult as its result', async () => {
    const { env, call, fail } = await setup()
    const backupDir = outside()
    const events: JobEvent[] = []
    jobRunner(env.ws).subscribe((e) => events.push(e))
    const { jobId } = await call('jobs.backup', { targetDir: backupDir, fileName: '手动.sqlite' })
    expect(await fail('jobs.cancel', { jobId })).toBe('「备份数据库」无法中途取消，请等待完成')
    const end = await jobRunner(env.ws).wait(jobId)
    expect(end).toMatchObject({ state: 'done', kind: 'jobs.backup', cancellable: false, result: { file: join(backupDir, '手动.sqlite') } })
    expect(existsSync(join(backupDir, '手动.sqlite'))).toBe(true)
    expect(events.filter((e) => e.jobId === jobId).map((e) => [e.state, e.total])).toEqual([
      ['running', 0],
      ['running', 0],
      ['done', 1],
    ])
    expect(await call('jobs.get', { jobId })).toMatchObject({ state: 'done' })
    expect((await call('jobs.list', {})).map((j: JobEvent) => j.jobId)).toContain(jobId)
  })

  it('a failed backup ends the job with the reason the backup gives', async () => {
    const { env, call, fail } = await setup()
    const target = { targetDir: outside(), fileName: '同名.sqlite' }
    await jobRunner(env.ws).wait((await call('jobs.backup', target)).jobId)
    const again = await jobRunner(env.ws).wait((await call('jobs.backup', target)).jobId)
    expect(again.state).toBe('failed')
    expect(again.error).toBe(await fail('system.backup', target))
  })

  it('runs more exports than worker slots: they queue and all finish; one cancelled while queued ends cancelled', async () => {
    const { env, call } = await setup()
    const doc = await call('documents.create', { templateKey: 'supervision-notice' })
    const started = await Promise.all([1, 2, 3, 4].map(() => call('documents.exportDocx', { id: doc.id })))
    await call('jobs.cancel', { jobId: started[3].jobId })
    const ends = await Promise.all(started.map((s: { jobId: string }) => jobRunner(env.ws).wait(s.jobId)))
    expect(ends.map((e) => e.state)).toEqual(['done', 'done', 'done', 'cancelled'])
  })

  it('refuses an unknown document before starting an export job, and malformed job ids', async () => {
    const { fail } = await setup()
    expect(await fail('documents.exportDocx', { id: 999 })).toBe('公文（编号 999）不存在或已被删除')
    expect(await fail('jobs.get', { jobId: '../x' })).toMatch(/任务编号无效/)
    expect(await fail('jobs.get', { jobId: 'j_AAAAAAAAAAAAAAAA' })).toMatch(/没有这个后台任务/)
  })
})
