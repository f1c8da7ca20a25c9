import { ElMessage } from 'element-plus'
import { call } from '../../api/client'
import { deliverOutputFile } from '../../api/download'

/**
 * Opens (downloads, or saves through the desktop dialog) one stored file of a 督导记录 (`owner` 'visit') or of a
 * problem's 销号 evidence (`owner` 'entry'), fetched from the database through `supervision.attachment`.
 * Failures are shown as the core's Chinese message; nothing is thrown.
 */
export async function openSupervisionFile(owner: 'visit' | 'entry', id: number, name: string): Promise<void> {
  try {
    await deliverOutputFile(await call('supervision.attachment', { owner, id, name }))
  } catch (e) {
    ElMessage.error(e instanceof Error ? e.message : String(e))
  }
}
