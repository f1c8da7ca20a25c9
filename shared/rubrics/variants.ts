/**
 * Provincial (or local) rubric variants, one mechanism for every module (学前教育普及普惠, 义务教育优质均衡):
 * an office copies a bundled rubric and changes thresholds or settings (e.g. 河南省 毛入园率 ≥ 90%, a province
 * raising 生均教学仪器设备值 for 小学), stores the change as a spec over the bundled rubric's id, and chooses per
 * year which rubric applies. Pure: the stored specs come from electron/core/rubrics/rubricRepository.ts.
 */
import { z } from 'zod'
import { deriveRubric, type RubricVariantSpec } from './rubric'
import type { Rubric } from './rubricSchema'

/** A variant as stored: its spec over the bundled rubric `baseId`. */
export interface StoredRubricVariant {
  id: string
  baseId: string
  spec: RubricVariantSpec
}

/** A rubric the user can choose, as the screens list them. */
export interface RubricChoice {
  id: string
  name: string
  region: string
  /** null for the bundled rubric */
  derivedFrom: { id: string; version: string } | null
}

/**
 * The input of every `<domain>.saveVariant` channel: a threshold is a number, or a map from the rubric's
 * variant keys (小学 / 初中, 全日制 / 半日制) to numbers; a map changes only the keys it names.
 */
export const variantSpecInput = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]{3,60}$/, '编号只能用小写字母、数字和连字符')
      .describe('编号'),
    name: z.string().trim().min(2).max(60).describe('名称'),
    region: z.string().trim().min(1).max(30).describe('适用地区'),
    thresholds: z
      .record(z.string(), z.union([z.number().finite(), z.record(z.string(), z.number().finite())]))
      .default({})
      .describe('标准值'),
    sourceNote: z.string().trim().max(200).optional().describe('依据文件'),
  })
  .strict()

/**
 * The rubrics that can be chosen over `base`: the base first, then every stored variant of it (others'
 * variants and specs that no longer apply to the base, e.g. after an item was renamed, are left out).
 */
export function rubricChoicesOf(base: Rubric, stored: readonly StoredRubricVariant[]): Rubric[] {
  const out = [base]
  for (const v of stored) {
    if (v.baseId !== base.id) continue
    const r = deriveRubric(base, v.spec)
    if (r.ok) out.push(r.rubric)
  }
  return out
}

/** The chosen rubric among `choices` (the first, i.e. the bundled one, when `chosenId` is null or gone). */
export function chosenRubric(choices: readonly Rubric[], chosenId: string | null | undefined): Rubric {
  return choices.find((r) => r.id === chosenId) ?? choices[0]
}

/** A rubric as a choice for the screens. */
export function rubricChoice(r: Rubric): RubricChoice {
  return { id: r.id, name: r.name, region: r.region, derivedFrom: r.derivedFrom ?? null }
}
