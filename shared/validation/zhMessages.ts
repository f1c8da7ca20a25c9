import type { z } from 'zod'

/** A validation failure as every door reports it: one Chinese sentence naming the field. */
export interface FieldError {
  field: string
  label: string
  message: string
}

/**
 * Looks up the Chinese label (`.describe('机关全称')`) of the schema at `path`: the label of the
 * deepest labelled schema on the way, so a field without its own label is named by its parent,
 * never by its raw path (`content.attendance`).
 */
function labelAt(schema: z.ZodType, path: PropertyKey[]): string | undefined {
  let current: unknown = schema
  let label: string | undefined =
    (schema as { description?: string }).description ?? (unwrap(schema) as { description?: string })?.description
  for (const key of path) {
    current = unwrap(current)
    let def = (current as { def?: Record<string, unknown> }).def
    if (!def) return label
    // A union of objects (a body block: paragraph, table or image): the first option that has the field.
    if (def.type === 'union' && typeof key === 'string') {
      const option = (def.options as { def?: Record<string, unknown> }[]).map(unwrap).find((o) => {
        const d = (o as { def?: Record<string, unknown> }).def
        return d?.type === 'object' && key in (d.shape as Record<string, unknown>)
      })
      def = (option as { def?: Record<string, unknown> } | undefined)?.def
      if (!def) return label
    }
    if (def.type === 'object' && typeof key === 'string') {
      current = (def.shape as Record<string, unknown>)[key]
    } else if (def.type === 'array') {
      current = def.element
    } else {
      return label
    }
    const described = (unwrap(current) as { description?: string })?.description ?? (current as { description?: string })?.description
    if (described) label = described
  }
  return label
}

function unwrap(schema: unknown): unknown {
  let s = schema as { def?: Record<string, unknown> } | undefined
  for (let i = 0; i < 10 && s?.def; i++) {
    const t = s.def.type
    if (t === 'optional' || t === 'nullable' || t === 'default' || t === 'prefault' || t === 'readonly' || t === 'catch') {
      s = s.def.innerType as typeof s
    } else if (t === 'pipe') {
      s = s.def.in as typeof s
    } else break
  }
  return s
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  object: '对象',
  array: '列表',
  date: '日期',
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return '不能为空'
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少需要${issue.minimum}个字`
      if (issue.origin === 'array') return Number(issue.minimum) <= 1 ? '至少需要1项' : `至少需要${issue.minimum}项`
      return issue.inclusive === false ? `应大于${issue.minimum}` : `不能小于${issue.minimum}`
    case 'too_big':
      if (issue.origin === 'string') return `不能超过${issue.maximum}个字`
      if (issue.origin === 'array') return `不能超过${issue.maximum}项`
      return issue.inclusive === false ? `应小于${issue.maximum}` : `不能大于${issue.maximum}`
    case 'invalid_format':
      return '格式不正确'
    case 'invalid_value':
      return `只能是：${issue.values.map(String).join('、')}`
    case 'unrecognized_keys':
      return `含有未知字段：${issue.keys.join('、')}`
    default:
      return issue.message && /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '内容不正确'
  }
}

/** Turns a zod error into Chinese messages that name each field by its label. */
export function toFieldErrors(schema: z.ZodType, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    // A message written in the schema (in Chinese) wins over the generic one.
    const custom = issue.message
    const field = issue.path.map(String).join('.')
    const label = labelAt(schema, issue.path) ?? '请求内容'
    // (zod's own messages are English, though they may quote Chinese values: test the first character.)
    const message = custom && /^[\u4e00-\u9fff「]/.test(custom) ? custom : describeIssue(issue)
    return { field, label, message: `「${label}」${message}` }
  })
}
