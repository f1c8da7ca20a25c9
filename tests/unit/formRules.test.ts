import { describe, expect, it } from 'vitest'
import { documentContentSchema } from '../../shared/documents/documentSchema'
import { officeProfileSchema } from '../../shared/office/office'
import { formRulesFrom, type DerivedRule } from '../../shared/validation/formRules'

/** Runs a field's derived rules as Element Plus would; resolves to the error message or ''. */
function check(rules: DerivedRule[], value: unknown): Promise<string> {
  return new Promise((resolve) => rules[0].validator({}, value, (e) => resolve(e?.message ?? '')))
}

describe('form rules derived from the contract schemas', () => {
  it('marks a 500-character title with the limit written in the schema', async () => {
    const rules = formRulesFrom(documentContentSchema)
    expect(await check(rules.title, '长'.repeat(500))).toBe('标题不能超过200个字')
    expect(await check(rules.title, '关于开展督导的通知')).toBe('')
    expect(await check(rules['attendance.present'], '人'.repeat(501))).toBe('出席不能超过500个字')
    expect(await check(rules.copyNumber, '12')).toBe('份号应为6位数字')
    expect(await check(rules.signedDate, '2024-02-30')).toMatch(/^成文日期应为有效的日期/)
    expect(rules.body).toBeUndefined() // lists are checked where they are edited
  })

  it('gives the office form its required marks and limits from the office schema', async () => {
    const rules = formRulesFrom(officeProfileSchema)
    expect(rules.fullName[0].required).toBe(true)
    expect(rules.superior[0].required).toBeUndefined()
    expect(await check(rules.fullName, '')).toBe('请填写机关全称')
    expect(await check(rules.fullName, '机'.repeat(61))).toBe('机关全称不能超过60个字')
    expect(await check(rules.contactPhone, 'abc')).toBe('电话只能包含数字、括号、短横线和“转”')
  })
})
