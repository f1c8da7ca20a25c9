import { defineModule } from '../module'
import { fileStore } from './fileStore'

/** 文件: files brought in through the doors (registered by them, see fileStore.ts). */
export const filesModule = defineModule({
  name: 'files',
  handlers: (ws) => ({
    'files.release': ({ fileId }) => {
      fileStore(ws).release(fileId)
      return { released: true as const }
    },
  }),
})
