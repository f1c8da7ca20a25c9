/**
 * Loading, validating and copying rubrics (评估指标体系). Pure: callers read the JSON file.
 */
import type { z } from 'zod'
import { rubricSchema, type Rubric, type RubricSetting } from './rubricSchema'

export type ParseRubricResult = { ok: true; rubric: Rubric } | { ok: false; errors: string[] }

function issuesText(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length > 0 ? `${i.path.join('.')}：` : ''}${i.message}`)
}

/**
 * Validates rubric data (a parsed seeds/rubrics/*.json or a stored variant) against `rubricSchema`.
 * Never throws: returns the rubric with defaults filled in, or every problem as `path：message`.
 * When `knownFormulas` is given, a computed item whose formula is not in it is an error too.
 */
export function parseRubric(data: unknown, knownFormulas?: readonly string[]): ParseRubricResult {
  const parsed = rubricSchema.safeParse(data)
  if (!parsed.success) return { ok: false, errors: issuesText(parsed.error) }
  if (knownFormulas) {
    const errors = parsed.data.items
      .map((item, i) =>
        item.kind === 'computed' && !knownFormulas.includes(item.formula) ? `items.${i}.formula：未知的计算公式“${item.formula}”` : null,
      )
      .filter((e): e is string => e !== null)
    if (errors.length > 0) return { ok: false, errors }
  }
  return { ok: true, rubric: parsed.data }
}

/** The changes an office makes when it copies a rubric into a provincial (or local) variant. */
export interface RubricVariantSpec {
  id: string
  name: string
  region: string
  version?: string
  /** item key → new threshold: a number, or a per-variant map that changes only the variants it names */
  thresholds?: Record<string, number | Record<string, number>>
  /** setting key → new value */
  settings?: Record<string, RubricSetting['value']>
  /** the document that sets the new values, recorded as the changed items' source note */
  sourceNote?: string
}

/**
 * Copies `base` into a variant (e.g. 河南省: 毛入园率 ≥ 90%) recording `derivedFrom: { id, version }`
 * of the base; changed items keep their source document and get the note. A per-variant map threshold is
 * merged over the base's map (a province raising only the 小学 value keeps 初中). The result is validated:
 * an unknown item or setting key, or a threshold the schema refuses, gives errors instead.
 */
export function deriveRubric(base: Rubric, spec: RubricVariantSpec): ParseRubricResult {
  const errors: string[] = []
  const copy = structuredClone(base) as Rubric
  copy.id = spec.id
  copy.name = spec.name
  copy.region = spec.region
  copy.version = spec.version ?? '1.0.0'
  copy.derivedFrom = { id: base.id, version: base.version }
  for (const [key, threshold] of Object.entries(spec.thresholds ?? {})) {
    const item = copy.items.find((it) => it.key === key)
    if (!item) errors.push(`未知的指标：${key}`)
    else if (item.kind !== 'computed') errors.push(`指标“${item.name}”为评定项，没有标准值`)
    else {
      // a partial map over a per-variant threshold (e.g. only 小学 raised) keeps the other variants' values
      item.threshold = typeof threshold === 'object' && typeof item.threshold === 'object' ? { ...item.threshold, ...threshold } : threshold
      if (spec.sourceNote) item.source = { ...item.source, note: spec.sourceNote }
    }
  }
  for (const [key, value] of Object.entries(spec.settings ?? {})) {
    const setting = copy.settings[key]
    if (!setting) errors.push(`未知的设置：${key}`)
    else {
      setting.value = value
      if (spec.sourceNote) setting.source = { ...setting.source, note: spec.sourceNote }
    }
  }
  if (errors.length > 0) return { ok: false, errors }
  return parseRubric(copy)
}

function setting(rubric: Rubric, key: string): RubricSetting['value'] {
  const s = rubric.settings[key]
  if (!s) throw new Error(`指标体系 ${rubric.id} 缺少设置 ${key}`)
  return s.value
}

/** A numeric setting; throws when absent or not a number (a rubric that passed the domain's check has it). */
export function numberSetting(rubric: Rubric, key: string): number {
  const v = setting(rubric, key)
  if (typeof v !== 'number') throw new Error(`设置 ${key} 应为数值`)
  return v
}

/** A boolean setting; throws when absent or not a boolean. */
export function booleanSetting(rubric: Rubric, key: string): boolean {
  const v = setting(rubric, key)
  if (typeof v !== 'boolean') throw new Error(`设置 ${key} 应为是/否`)
  return v
}

/** A list-of-text setting; throws when absent or not a list. */
export function listSetting(rubric: Rubric, key: string): string[] {
  const v = setting(rubric, key)
  if (!Array.isArray(v)) throw new Error(`设置 ${key} 应为列表`)
  return v
}

/** A text setting; throws when absent or not text. */
export function textSetting(rubric: Rubric, key: string): string {
  const v = setting(rubric, key)
  if (typeof v !== 'string') throw new Error(`设置 ${key} 应为文字`)
  return v
}

/** A map setting (text → number); throws when absent or not a map. */
export function mapSetting(rubric: Rubric, key: string): Record<string, number> {
  const v = setting(rubric, key)
  if (typeof v !== 'object' || Array.isArray(v)) throw new Error(`设置 ${key} 应为对照表`)
  return v
}
