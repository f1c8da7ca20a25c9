import { fileStore } from '../../electron/core/files/fileStore'
import { jobRunner } from '../../electron/core/jobs/jobRunner'
import type { Workspace } from '../../electron/core/workspace'
import type { OutputFile } from '../../shared/files/types'
import type { JobStarted } from '../../shared/jobs/types'

/**
 * The bytes of a file the core produced: waits for the job when given one (`documents.exportDocx`),
 * then takes the file from the store as a door would.
 * @throws Error with the job's message when it failed
 */
export async function exportedFile(
  ws: Workspace,
  answer: JobStarted | OutputFile,
): Promise<{ fileName: string; mimeType: string; data: Buffer }> {
  let file = answer as OutputFile
  if ('jobId' in answer) {
    const end = await jobRunner(ws).wait(answer.jobId)
    if (end.state !== 'done') throw new Error(`job ${end.state}: ${end.error ?? ''}`)
    file = end.result as OutputFile
  }
  const { fileName, mimeType, data } = fileStore(ws).take(file.downloadId)
  return { fileName, mimeType, data }
}
