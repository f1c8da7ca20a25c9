import type { FormRules } from 'element-plus'
import { contract } from '../../../../shared/contract'
import { formRulesFrom } from '../../../../shared/validation/formRules'

/**
 * Field marks of the 公文管理 forms, derived from the channels' input schemas (shared/contract/):
 * limits and messages are written once there, and the core checks them again.
 */
export const seriesRules = formRulesFrom(contract['numbers.saveSeries'].input, ['blur']) as FormRules
export const reserveRules = formRulesFrom(contract['numbers.reserve'].input, ['blur']) as FormRules
export const recordRules = formRulesFrom(contract['numbers.record'].input, ['blur', 'change']) as FormRules
export const voidRules = formRulesFrom(contract['numbers.void'].input, ['blur']) as FormRules
export const returnRules = formRulesFrom(contract['documents.returnForEdit'].input, ['blur']) as FormRules

/** Validates an Element Plus form; resolves false (fields marked) instead of rejecting. */
export function formValid(form: { validate: () => Promise<unknown> } | undefined): Promise<boolean> {
  return form
    ? form.validate().then(
        () => true,
        () => false,
      )
    : Promise.resolve(true)
}
