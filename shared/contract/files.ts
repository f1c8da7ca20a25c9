import { z } from 'zod'
import { FILE_ID_PATTERN } from '../files/types'
import { channel } from './define'

/** Files brought in: letting go of one that will not be used (an upload's temp file is deleted). */
export const filesContract = {
  'files.release': channel<{ released: true }>()(
    '放弃已选文件',
    z.object({ fileId: z.string().regex(FILE_ID_PATTERN, '文件引用无效').describe('文件') }).strict(),
  ),
}
