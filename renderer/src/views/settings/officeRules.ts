import type { FormRules } from 'element-plus'
import { officeProfileSchema } from '../../../../shared/office/office'
import { formRulesFrom } from '../../../../shared/validation/formRules'

/**
 * Client-side marks on the 机关信息 form, derived from the contract's schema (limits and messages
 * written once, in shared/office/office.ts); the core validates again and has the last word.
 */
export const officeRules: FormRules = formRulesFrom(officeProfileSchema, ['blur']) as FormRules
