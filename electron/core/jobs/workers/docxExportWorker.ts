/**
 * Worker thread: writes one official document as .docx (CPU-bound: pagination and the zip), so the
 * core's main thread keeps answering requests meanwhile. Input (workerData): { spec, layout };
 * posts a WorkerMessage: the result is the file's bytes (transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { LayoutProfile } from '../../../../shared/documents/layout'
import type { DocumentSpec } from '../../../../shared/documents/types'
import { UserError } from '../../errors'
import { exportDocumentDocx } from '../../export/docx/officialDocument'
import type { WorkerMessage } from '../workerThread'

const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer)
const { spec, layout } = workerData as { spec: DocumentSpec; layout: LayoutProfile }

exportDocumentDocx(spec, layout).then(
  (buffer) => {
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice()
    post({ type: 'result', data: bytes }, [bytes.buffer])
  },
  (e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e), userError: e instanceof UserError }),
)
