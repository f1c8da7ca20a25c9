/**
 * Long work in the core (Word export, backup, imports, report generation) runs as a job: starting it
 * answers at once with a job id; progress, the end and the result arrive as `JobEvent`s on one event
 * channel (IPC in Electron, server-sent events in browser mode, a progress line on the command line).
 */

export const JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const
export type JobState = (typeof JOB_STATES)[number]

/** What starting a job answers. */
export interface JobStarted {
  jobId: string
}

/** The state of a job at one moment; every event carries the whole state. */
export interface JobEvent {
  jobId: string
  /** The channel or kind of work, e.g. `documents.exportDocx`. */
  kind: string
  /** What the job does, in Chinese, for the progress panel (`导出 Word：关于……的通知`). */
  title: string
  state: JobState
  /** Units done and the total; `total` 0 means the amount is unknown (indeterminate bar). */
  done: number
  total: number
  /** The current step, in Chinese. */
  message: string
  /** Whether `jobs.cancel` can stop this job. */
  cancellable: boolean
  /** Event number within the job, from 1, strictly increasing: events can be put in order. */
  seq: number
  /** Set when state is `done`. */
  result?: unknown
  /** The Chinese message when state is `failed`. */
  error?: string
}

/** Whether the job has ended (no further events). */
export function isFinished(state: JobState): boolean {
  return state !== 'running'
}
