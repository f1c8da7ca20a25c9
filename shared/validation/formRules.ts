import type { z } from 'zod'
import { toFieldErrors } from './zhMessages'

/**
 * Form rules derived from the contract's zod schemas, so that a limit is written once (in the
 * schema) and the form marks the field with the message the core would give, worded for the
 * field (`标题不能超过200个字`, `请填写机关全称`), before anything is sent.
 *
 * The rule objects have the shape Element Plus (async-validator) expects — `required`, `validator`,
 * `trigger` — without importing it: shared/ stays free of UI libraries.
 */
export interface DerivedRule {
  required?: boolean
  trigger: string[]
  validator: (rule: unknown, value: unknown, callback: (error?: Error) => void) => void
}

type Def = { type?: string; innerType?: unknown; in?: unknown; shape?: Record<string, unknown>; element?: unknown }
const defOf = (s: unknown): Def => ((s as { def?: Def })?.def ?? {}) as Def

/** The schema without optional/default/nullable/pipe wrappers. */
function unwrap(schema: unknown): unknown {
  let s = schema
  for (let i = 0; i < 10; i++) {
    const d = defOf(s)
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'prefault' || d.type === 'readonly')
      s = d.innerType
    else if (d.type === 'pipe') s = d.in
    else break
  }
  return s
}

/** One field's rule list: the field's own schema decides; `required` shows the asterisk when '' is refused. */
export function fieldRules(schema: z.ZodType, trigger: string[] = ['blur', 'change']): DerivedRule[] {
  const required = defOf(unwrap(schema)).type === 'string' && !schema.safeParse('').success
  return [
    {
      required: required || undefined,
      trigger,
      validator(_rule, value, callback) {
        const result = schema.safeParse(value)
        if (result.success) return callback()
        const label = (schema as { description?: string }).description ?? ''
        // Beside the field the label reads without quotes: 请填写机关全称, 标题不能超过200个字.
        if (required && (value === '' || value === undefined || value === null) && label) return callback(new Error(`请填写${label}`))
        const message = toFieldErrors(schema, result.error)[0]?.message ?? '内容不正确'
        callback(new Error(message.replace(/^「([^」]*)」/, '$1')))
      },
    },
  ]
}

/**
 * Rules for every field of an object schema, keyed by dotted path (`title`, `attendance.present`):
 * strings, enums and other scalars get a rule; nested objects are walked; arrays are left to their
 * own editors (a list is checked item by item where it is edited).
 */
export function formRulesFrom(schema: z.ZodType, trigger?: string[]): Record<string, DerivedRule[]> {
  const rules: Record<string, DerivedRule[]> = {}
  const walk = (s: unknown, prefix: string) => {
    const inner = unwrap(s)
    const d = defOf(inner)
    if (d.type === 'object' && d.shape) {
      for (const [key, child] of Object.entries(d.shape)) walk(child, prefix ? `${prefix}.${key}` : key)
    } else if (d.type !== 'array' && prefix) {
      rules[prefix] = fieldRules(s as z.ZodType, trigger)
    }
  }
  walk(schema, '')
  return rules
}
