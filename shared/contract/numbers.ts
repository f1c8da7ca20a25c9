import { z } from 'zod'
import type { NumberSeries, RegisterEntry } from '../documents/records'
import type { OutputFile } from '../files/types'
import { calendarDateField, textField, yearField } from '../validation/fields'
import { channel } from './define'

const year = yearField()
const prefix = textField('机关代字', { min: 2, max: 20 })
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
    z
      .object({
        id: z.number().int().positive().optional(),
        prefix,
        name: textField('用途', { max: 30 }).default(''),
      })
      .strict(),
  ),
  'numbers.allocate': channel<AllocatedNumber>()(
    '取号',
    seriesRef.extend({ year: year.optional(), title: textField('文件标题', { max: 200 }).default('') }).strict(),
  ),
  'numbers.reserve': channel<AllocatedNumber>()(
    '预留文号',
    seriesRef.extend({ year: year.optional(), purpose: textField('预留用途', { min: 1, max: 200 }) }).strict(),
  ),
  'numbers.record': channel<AllocatedNumber>()(
    '补登文号',
    z
      .object({
        docNumber: textField('文号', { min: 1, max: 40 }),
        title: textField('文件标题', { min: 1, max: 200 }),
        issuedOn: calendarDateField('成文日期'),
      })
      .strict(),
  ),
  'numbers.void': channel<RegisterEntry>()(
    '作废文号',
    z
      .object({
        docNumber: textField('文号', { min: 1, max: 40 }),
        reason: textField('作废原因', { min: 2, max: 200 }),
        by: textField('经办人', { min: 1, max: 20 }),
      })
      .strict(),
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
