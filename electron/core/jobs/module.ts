import { defineModule } from '../module'
import { backupToDir } from '../system/systemService'
import { jobRunner } from './jobRunner'

/** 后台任务: the state of long work, cancelling it; the database backup as a job. */
export const jobsModule = defineModule({
  name: 'jobs',
  handlers: (ws) => ({
    'jobs.get': ({ jobId }) => jobRunner(ws).get(jobId),
    'jobs.list': () => jobRunner(ws).list(),
    'jobs.cancel': ({ jobId }) => jobRunner(ws).cancel(jobId),
    // The backup itself is system/'s (backupToDir, called as it is); SQLite's online backup gives no
    // progress through that function, so the bar is indeterminate and the job cannot be cancelled.
    'jobs.backup': ({ targetDir, fileName }) =>
      jobRunner(ws).start({ kind: 'jobs.backup', title: '备份数据库', cancellable: false }, async (ctx) => {
        ctx.progress(0, 0, '正在备份数据库……')
        return backupToDir(ws, targetDir, fileName)
      }),
  }),
})
