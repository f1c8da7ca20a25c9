import { UserError } from '../errors'
import { fileStore } from '../files/fileStore'
import { defineModule } from '../module'
import { attachmentMime } from '../supervision/attachments'
import { evidenceData } from './evidenceRepository'

/**
 * 佐证材料: hands a judged item's stored evidence file (学前教育, 优质均衡) back to the user as a produced
 * file — its name on the item, a MIME type by extension, the bytes exactly as uploaded.
 */
export const evidenceModule = defineModule({
  name: 'evidence',
  handlers: (ws) => ({
    'evidence.download': ({ module, statYear, itemKey, name }) => {
      const data = evidenceData(ws.db(), module, statYear, itemKey, name)
      if (!data) throw new UserError(`没有找到佐证材料「${name}」，可能已被删除`)
      return fileStore(ws).stash({ fileName: name, mimeType: attachmentMime(name), data })
    },
  }),
})
