import { z } from 'zod'
import { channel } from './define'
import { officeProfileSchema, type Office } from '../office/office'

export const officeContract = {
  'office.get': channel<Office | null>()('读取机关信息', z.object({}).strict()),
  'office.save': channel<Office>()('保存机关信息', officeProfileSchema),
}
