import { z } from 'zod'
import type { OutputFile } from '../files/types'
import { channel } from './define'

/**
 * 佐证材料 of the judged items (学前教育, 优质均衡): the files stored in the database with a judgement,
 * taken out again (files out as every export: a browser download or the desktop save dialog).
 */
export const evidenceContract = {
  'evidence.download': channel<OutputFile>()(
    '取回评定项的佐证材料',
    z
      .object({
        module: z.enum(['preschool', 'balance']).describe('模块（preschool 学前教育，balance 优质均衡）'),
        statYear: z.number().int().min(1949).max(2100).describe('统计年度'),
        itemKey: z.string().min(1).max(60).describe('评定项'),
        name: z.string().min(1).max(200).describe('文件名'),
      })
      .strict(),
  ),
}
