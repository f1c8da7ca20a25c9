import { effectiveLayout } from '../../../shared/documents/effectiveLayout'
import type { OutputFile } from '../../../shared/files/types'
import type { JobStarted } from '../../../shared/jobs/types'
import { fileStore } from '../files/fileStore'
import { jobRunner } from '../jobs/jobRunner'
import { runWorker } from '../jobs/workerThread'
import { readOffice } from '../office/officeRepository'
import type { Workspace } from '../workspace'
import { exportFileName, get } from './documentService'

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/**
 * Starts the Word export of document `id` as a cancellable job. The document is read at once (an
 * unknown id is refused before any job starts); the .docx is written in a worker thread, so the core
 * keeps answering other requests; the job's result is an OutputFile waiting in the file store.
 * @throws UserError when the document does not exist
 */
export function startDocxExport(ws: Workspace, id: number): JobStarted {
  const doc = get(ws, id)
  const spec = { kind: doc.kind, format: doc.format, content: doc.content }
  // The office's layout choices (font profile, 版记 page number), as the composer's preview takes them.
  const layout = effectiveLayout(readOffice(ws.db()))
  const fileName = exportFileName(doc)
  return jobRunner(ws).start(
    { kind: 'documents.exportDocx', title: `导出 Word：${doc.title || '未命名公文'}`, cancellable: true },
    async (ctx): Promise<OutputFile> => {
      // The writer gives no progress of its own: an indeterminate bar (total 0) while it works.
      ctx.progress(0, 0, '正在排版并生成 Word 文件……')
      const bytes = await runWorker<Uint8Array>('docxExportWorker', { spec, layout }, { signal: ctx.signal })
      ctx.throwIfCancelled()
      return fileStore(ws).stash({ fileName, mimeType: DOCX_MIME, data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
    },
  )
}
