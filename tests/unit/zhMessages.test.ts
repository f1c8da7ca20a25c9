import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { officeProfileSchema } from '../../shared/office/office'
import { toFieldErrors } from '../../shared/validation/zhMessages'

function messages(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value, { reportInput: true })
  if (r.success) return []
  return toFieldErrors(schema, r.error).map((e) => e.message)
}

const valid = {
  fullName: '贺兰县人民政府教育督导室',
  shortName: '贺兰县教育督导室',
  mastheadText: '贺兰县人民政府教育督导室文件',
  county: '贺兰县',
}

describe('Chinese validation messages', () => {
  it('names the field by its Chinese label', () => {
    expect(messages(officeProfileSchema, { ...valid, fullName: '' })).toEqual(['「机关全称」不能为空'])
    expect(messages(officeProfileSchema, { ...valid, county: undefined })).toEqual(['「所属县（区）」不能为空'])
    expect(messages(officeProfileSchema, { ...valid, county: 3 })).toEqual(['「所属县（区）」应为文字'])
    expect(messages(officeProfileSchema, { ...valid, superior: '督'.repeat(61) })).toEqual(['「上级机关」不能超过60个字'])
  })

  it('keeps a custom Chinese message and trims whitespace-only text to empty', () => {
    expect(messages(officeProfileSchema, { ...valid, contactPhone: 'abc' })[0]).toContain('「电话」只能包含数字')
    expect(messages(officeProfileSchema, { ...valid, shortName: '   ' })).toEqual(['「规范简称」不能为空'])
  })

  it('labels nested fields and list items', () => {
    const schema = z.object({
      items: z.array(z.object({ title: z.string().min(1).describe('标题') })).describe('附件'),
      year: z.number().int().min(1949).describe('年份'),
    })
    expect(messages(schema, { items: [{ title: '' }], year: 1900 })).toEqual(['「标题」不能为空', '「年份」不能小于1949'])
  })

  it('fills defaults for optional fields', () => {
    expect(officeProfileSchema.parse(valid)).toMatchObject({ superior: '', contactName: '', contactPhone: '' })
  })
})
