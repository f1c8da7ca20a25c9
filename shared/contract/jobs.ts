import { z } from 'zod'
import type { JobEvent, JobStarted } from '../jobs/types'
import { channel } from './define'
import { systemContract } from './system'

const jobId = z
  .string()
  .regex(/^j_[A-Za-z0-9_-]{16}$/, '任务编号无效')
  .describe('任务')

/** Long work: the state of a job, cancelling it, and the jobs that are not channels of another domain. */
export const jobsContract = {
  'jobs.get': channel<JobEvent>()('读取后台任务', z.object({ jobId }).strict()),
  'jobs.list': channel<JobEvent[]>()('列出后台任务', z.object({}).strict()),
  'jobs.cancel': channel<JobEvent>()('取消后台任务', z.object({ jobId }).strict()),
  /** The database backup as a job (same input as `system.backup`; the result is a BackupResult). */
  'jobs.backup': channel<JobStarted>()('后台备份数据库', systemContract['system.backup'].input),
}
