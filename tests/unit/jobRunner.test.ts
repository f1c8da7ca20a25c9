import { describe, expect, it } from 'vitest'
import { UserError } from '../../electron/core/errors'
import { JobRunner } from '../../electron/core/jobs/jobRunner'
import type { JobEvent } from '../../shared/jobs/types'

function collect(runner: JobRunner) {
  const events: JobEvent[] = []
  runner.subscribe((e) => events.push(e))
  return events
}

describe('job runner', () => {
  it('answers with an id at once; events are numbered in order and end with the result', async () => {
    const runner = new JobRunner()
    const events = collect(runner)
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const { jobId } = runner.start({ kind: 'k', title: '任务', cancellable: false }, async (ctx) => {
      await gate
      ctx.progress(1, 2, '第一步')
      return { answer: 42 }
    })
    expect(runner.get(jobId)).toMatchObject({ state: 'running', seq: 1, message: '准备中……' })
    release()
    const end = await runner.wait(jobId)
    expect(end).toMatchObject({ state: 'done', done: 2, total: 2, result: { answer: 42 } })
    expect(events.map((e) => [e.seq, e.state, e.message])).toEqual([
      [1, 'running', '准备中……'],
      [2, 'running', '第一步'],
      [3, 'done', '完成'],
    ])
  })

  it('coalesces rapid progress but never reorders it, and always sends the end', async () => {
    const runner = new JobRunner()
    const events = collect(runner)
    const { jobId } = runner.start({ kind: 'k', title: '任务', cancellable: false }, async (ctx) => {
      for (let i = 1; i <= 1000; i++) ctx.progress(i, 1000, `第 ${i} 行`)
      return null
    })
    await runner.wait(jobId)
    const seqs = events.map((e) => e.seq)
    expect(seqs).toEqual(seqs.map((_, i) => i + 1))
    expect(events.length).toBeLessThan(10)
    expect(events.at(-1)).toMatchObject({ state: 'done', done: 1000, total: 1000 })
  })

  it('a UserError fails the job with its Chinese message; cancelling stops a cancellable job and is refused for others', async () => {
    const runner = new JobRunner()
    const failed = await runner.wait(
      runner.start({ kind: 'k', title: '任务', cancellable: false }, async () => {
        throw new UserError('磁盘已满，请清理后重试')
      }).jobId,
    )
    expect(failed).toMatchObject({ state: 'failed', error: '磁盘已满，请清理后重试' })

    const slow = runner.start(
      { kind: 'k', title: '导出', cancellable: true },
      (ctx) => new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted')))),
    )
    expect(runner.cancel(slow.jobId).message).toBe('正在取消……')
    expect(await runner.wait(slow.jobId)).toMatchObject({ state: 'cancelled', message: '已取消' })

    let release!: () => void
    const fixed = runner.start({ kind: 'k', title: '备份数据库', cancellable: false }, () => new Promise<void>((r) => (release = r)))
    expect(() => runner.cancel(fixed.jobId)).toThrow('「备份数据库」无法中途取消，请等待完成')
    release()
    expect((await runner.wait(fixed.jobId)).state).toBe('done')
    expect(() => runner.get('j_unknown')).toThrow(/没有这个后台任务/)
  })
})
