import { z } from 'zod'
import type { NumberSeries, RegisterEntry } from '../documents/records'
import type { OutputFile } from '../files/types'
import { channel } from './define'

const year = z.number().int().min(1949).max(2100).describe('年份')
const prefix = z.string().trim().min(2).max(20).describe('机关代字')
const seriesRef = z.object({ seriesId: z.number().int().positive().describe('文号系列').optional(), prefix: prefix.optional() })

export interface AllocatedNumber {
  id: number
  docNumber: string
  seq: number
  year: number
}

export const numbersContract = {
  'numbers.listSeries': channel<NumberSeries[]>()('读取文号系列', z.object({}).strict()),
  'numbers.saveSeries': channel<NumberSeries>()(
    '保存文号系列',
    z.object({
      id: z.number().int().positive().optional(),
      prefix,
      name: z.string().trim().max(30).default('').describe('用途'),
    }).strict(),
  ),
  'numbers.allocate': channel<AllocatedNumber>()(
    '取号',
    seriesRef.extend({ year: year.optional(), title: z.string().trim().max(200).default('').describe('文件标题') }).strict(),
  ),
  'numbers.reserve': channel<AllocatedNumber>()(
    '预留文号',
    seriesRef.extend({ year: year.optional(), purpose: z.string().trim().min(1).max(200).describe('预留用途') }).strict(),
  ),
  'numbers.record': channel<AllocatedNumber>()(
    '补登文号',
    z.object({
      docNumber: z.string().trim().min(1).max(40).describe('文号'),
      title: z.string().trim().min(1).max(200).describe('文件标题'),
      issuedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期（年-月-日）').describe('成文日期'),
    }).strict(),
  ),
  'numbers.void': channel<RegisterEntry>()(
    '作废文号',
    z.object({
      docNumber: z.string().trim().min(1).max(40).describe('文号'),
      reason: z.string().trim().min(2).max(200).describe('作废原因'),
      by: z.string().trim().min(1).max(20).describe('经办人'),
    }).strict(),
  ),
  'numbers.register': channel<RegisterEntry[]>()(
    '读取发文登记簿',
    z.object({ year, seriesId: z.number().int().positive().optional().describe('文号系列') }).strict(),
  ),
  'numbers.exportRegister': channel<OutputFile>()(
    '导出发文登记簿',
    z.object({ year, seriesId: z.number().int().positive().optional().describe('文号系列') }).strict(),
  ),
}
