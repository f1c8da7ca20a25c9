import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { isFinished, type JobEvent, type JobStarted } from '../../../shared/jobs/types'
import { ApiError, call } from '../api/client'
import { onJobEvent, ready } from '../api/jobEvents'

/** Thrown by `run` when the user cancelled the job. */
export class JobCancelledError extends Error {
  constructor() {
    super('已取消')
    this.name = 'JobCancelledError'
  }
}

/**
 * Long work of the core as the UI sees it: every job's latest event (by seq), the running ones shown by
 * the progress panel (components/JobProgress.vue), `run` to start one and wait for its result.
 */
export const useJobsStore = defineStore('jobs', () => {
  const jobs = ref<Record<string, JobEvent>>({})
  const waiters = new Map<string, (e: JobEvent) => void>()

  function accept(e: JobEvent): void {
    const known = jobs.value[e.jobId]
    if (known && known.seq >= e.seq) return
    // A job that had already ended before this page heard of it (replayed on connect) is not shown.
    if (!known && isFinished(e.state) && !waiters.has(e.jobId)) return
    jobs.value[e.jobId] = e
    if (isFinished(e.state)) {
      waiters.get(e.jobId)?.(e)
      waiters.delete(e.jobId)
      // Finished jobs leave the panel after a moment.
      setTimeout(() => delete jobs.value[e.jobId], e.state === 'failed' ? 0 : 1500)
    }
  }
  onJobEvent(accept)

  const visible = computed(() => Object.values(jobs.value).filter((j) => !isFinished(j.state) || j.state === 'done'))

  /**
   * Starts a job through `start` (a channel answering JobStarted) and waits for its end.
   * @returns the job's result
   * @throws ApiError with the Chinese message when it failed; JobCancelledError when cancelled
   */
  async function run<T>(start: () => Promise<JobStarted>): Promise<T> {
    await ready()
    const { jobId } = await start()
    const end = await new Promise<JobEvent>((resolve) => {
      const known = jobs.value[jobId]
      if (known && isFinished(known.state)) return resolve(known)
      waiters.set(jobId, resolve)
      // Covers an event sent before this page knew the id (the stream replays on reconnect as well).
      void call('jobs.get', { jobId }).then(accept, () => undefined)
    })
    if (end.state === 'cancelled') throw new JobCancelledError()
    if (end.state === 'failed') throw new ApiError(end.error ?? '任务失败')
    return end.result as T
  }

  async function cancel(jobId: string): Promise<void> {
    accept(await call('jobs.cancel', { jobId }))
  }

  return { jobs, visible, run, cancel }
})
