import { randomBytes } from 'node:crypto'
import type { JobEvent, JobStarted } from '../../../shared/jobs/types'
import { UserError } from '../errors'
import type { Workspace } from '../workspace'

/** What a job's work function gets: progress reporting and cancellation. */
export interface JobContext {
  /** Reports progress: `done` of `total` units (total 0 = unknown), with the current step in Chinese. */
  progress(done: number, total: number, message?: string): void
  /** Aborted when the user cancels (only for jobs started as cancellable). */
  signal: AbortSignal
  /** @throws JobCancelled when the job was cancelled (call between steps). */
  throwIfCancelled(): void
}

/** Thrown inside a job's work to end it as cancelled. */
export class JobCancelled extends Error {
  constructor() {
    super('已取消')
    this.name = 'JobCancelled'
  }
}

export interface StartJobOptions {
  /** The channel or kind of work, e.g. `documents.exportDocx`. */
  kind: string
  /** What the job does, in Chinese. */
  title: string
  /** Whether `cancel` can stop it (the work must watch `ctx.signal`). */
  cancellable: boolean
}

type Listener = (event: JobEvent) => void

interface Job {
  state: JobEvent
  controller: AbortController
  finished: Promise<JobEvent>
}

/** How long a finished job's last event is kept for `get` (late subscribers, reloaded pages): 15 minutes. */
const KEEP_FINISHED_MS = 15 * 60 * 1000
/** Progress events closer together than this are coalesced (the last one is always sent): 100 ms. */
const PROGRESS_INTERVAL_MS = 100

/**
 * Runs long work in the background of one core. `start` answers at once with a job id; the work's
 * progress, end and result go to every subscriber as `JobEvent`s, in order (`seq` increases by one per
 * event of a job). Doors subscribe once and forward events (IPC send, server-sent events, a TTY line).
 */
export class JobRunner {
  private readonly jobs = new Map<string, Job>()
  private readonly listeners = new Set<Listener>()

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Starts `work` and returns its id at once. The work's return value becomes the `result` of the
   * final `done` event; a UserError's message (or any error's) that of a `failed` event; JobCancelled
   * (or an abort after `cancel`) gives `cancelled`.
   */
  start<T>(options: StartJobOptions, work: (ctx: JobContext) => Promise<T>): JobStarted {
    this.sweep()
    const jobId = `j_${randomBytes(12).toString('base64url')}`
    const controller = new AbortController()
    const state: JobEvent = {
      jobId,
      kind: options.kind,
      title: options.title,
      state: 'running',
      done: 0,
      total: 0,
      message: '准备中……',
      cancellable: options.cancellable,
      seq: 0,
    }
    let lastSent = 0
    let pending: ReturnType<typeof setTimeout> | null = null
    const flush = () => {
      pending = null
      lastSent = this.now()
      this.emit(state)
    }
    const ctx: JobContext = {
      signal: controller.signal,
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw new JobCancelled()
      },
      progress: (done, total, message) => {
        if (state.state !== 'running') return
        state.done = Math.max(0, done)
        state.total = Math.max(0, total)
        if (message !== undefined) state.message = message
        if (pending) return
        const wait = PROGRESS_INTERVAL_MS - (this.now() - lastSent)
        if (wait <= 0) flush()
        else pending = setTimeout(flush, wait)
      },
    }
    const job: Job = { state, controller, finished: Promise.resolve(state) }
    this.jobs.set(jobId, job)
    const end = (patch: Partial<JobEvent>) => {
      if (pending) clearTimeout(pending)
      pending = null
      Object.assign(state, patch)
      this.finishedAt.set(jobId, this.now())
      this.emit(state)
      return { ...state }
    }
    this.emit(state)
    // The work starts at once (synchronously, up to its first await); a job cancelled before it ran never runs.
    job.finished = (async () => {
      ctx.throwIfCancelled()
      return work(ctx)
    })().then(
      (result) =>
        controller.signal.aborted
          ? end({ state: 'cancelled', message: '已取消' })
          : end({ state: 'done', done: state.total || 1, total: state.total || 1, message: '完成', result }),
      (e: unknown) => {
        if (e instanceof JobCancelled || controller.signal.aborted) return end({ state: 'cancelled', message: '已取消' })
        if (!(e instanceof UserError)) console.error(`[job ${options.kind}]`, e)
        const message = e instanceof Error ? e.message : String(e)
        return end({ state: 'failed', message: '失败', error: message })
      },
    )
    return { jobId }
  }

  private readonly finishedAt = new Map<string, number>()

  private emit(state: JobEvent): void {
    state.seq += 1
    const event = { ...state }
    for (const l of this.listeners) {
      try {
        l(event)
      } catch (e) {
        console.error('[jobs] listener failed', e)
      }
    }
  }

  /** Receives every event of every job from now on; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * The latest event of a job.
   * @throws UserError when the id is unknown (or the job ended more than 15 minutes ago)
   */
  get(jobId: string): JobEvent {
    this.sweep()
    const job = this.jobs.get(jobId)
    if (!job) throw new UserError('没有这个后台任务（可能已结束多时），请重新操作', 'jobId')
    return { ...job.state }
  }

  /** Every running job and those finished recently, newest last. */
  list(): JobEvent[] {
    this.sweep()
    return [...this.jobs.values()].map((j) => ({ ...j.state }))
  }

  /** Resolves with the final event of a job. */
  wait(jobId: string): Promise<JobEvent> {
    const job = this.jobs.get(jobId)
    if (!job) return Promise.reject(new UserError('没有这个后台任务，请重新操作', 'jobId'))
    return job.finished
  }

  /**
   * Asks a running job to stop. Returns its state afterwards (still `running` until the work notices).
   * @throws UserError when the job cannot be cancelled
   */
  cancel(jobId: string): JobEvent {
    const job = this.jobs.get(jobId)
    if (!job) throw new UserError('没有这个后台任务，请重新操作', 'jobId')
    if (job.state.state !== 'running') return { ...job.state }
    if (!job.state.cancellable) throw new UserError(`「${job.state.title}」无法中途取消，请等待完成`, 'jobId')
    job.state.message = '正在取消……'
    job.controller.abort()
    return { ...job.state }
  }

  private sweep(): void {
    const t = this.now()
    for (const [id, at] of this.finishedAt) {
      if (t - at > KEEP_FINISHED_MS) {
        this.finishedAt.delete(id)
        this.jobs.delete(id)
      }
    }
  }
}

const runners = new WeakMap<Workspace, JobRunner>()

/** The job runner of a workspace (one per workspace, created on first use). */
export function jobRunner(ws: Workspace): JobRunner {
  let runner = runners.get(ws)
  if (!runner) {
    runner = new JobRunner()
    runners.set(ws, runner)
  }
  return runner
}
