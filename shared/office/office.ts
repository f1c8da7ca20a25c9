import { z } from 'zod'
import { FONT_PROFILES, type FontProfileId, type LayoutProfile } from '../documents/layout'
import { textField } from '../validation/fields'

const FONT_PROFILE_IDS = Object.keys(FONT_PROFILES) as [FontProfileId, ...FontProfileId[]]
const IMPRINT_PAGE_NUMBER_IDS = ['standard', 'unnumbered'] as const satisfies readonly LayoutProfile['imprint']['ownPageNumber'][]

const text = (label: string, max: number) => textField(label, { min: 1, max })
const optionalText = (label: string, max: number) => textField(label, { max }).default('')

/** The office profile (机关信息) entered at first run and edited in 系统设置. */
export const officeProfileSchema = z
  .object({
    fullName: text('机关全称', 60),
    shortName: text('规范简称', 30),
    mastheadText: text('发文机关标志', 60),
    county: text('所属县（区）', 30),
    superior: optionalText('上级机关', 60),
    contactName: optionalText('联系人', 20),
    contactPhone: textField('电话', { max: 30 })
      .regex(/^[0-9０-９()（）\-－—\s,，/转]*$/, '只能包含数字、括号、短横线和“转”')
      .default('')
      .describe('电话'),
    fontProfile: z.enum(FONT_PROFILE_IDS).default('gb2312').describe('公文字体'),
    /** LayoutProfile imprint.ownPageNumber: the 版记 page of its own numbered as GB/T 9704 7.5 says, or never. */
    imprintPageNumber: z.enum(IMPRINT_PAGE_NUMBER_IDS).default('standard').describe('版记页页码'),
  })
  .strict()

export type OfficeProfileInput = z.input<typeof officeProfileSchema>
export type OfficeProfile = z.output<typeof officeProfileSchema>

export interface Office extends OfficeProfile {
  updatedAt: string
}

/** 发文机关标志 defaults to the full name followed by 文件 (GB/T 9704-2012 7.2.4). */
export function defaultMastheadText(fullName: string): string {
  const name = fullName.trim()
  return name ? `${name}文件` : ''
}
