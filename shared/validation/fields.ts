import { z } from 'zod'

/**
 * Field builders used by every contract schema, so that each kind of value is checked the same way
 * at the boundary (every door validates through dispatch()):
 *
 * - text: control characters and NUL are removed (tab and line breaks kept), then trimmed, then
 *   limited in length; the limit is written here once and read back by the renderer's form rules
 *   (shared/validation/formRules.ts);
 * - dates: real calendar dates YYYY-MM-DD in 1949–2100 (`2024-02-30` and `2024-13-45` are refused);
 * - years: integers 1949–2100.
 */

/** C0 controls except tab, LF and CR; DEL; C1 controls. NUL included. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g

/** Removes control characters and NUL (keeps tab, LF and CR). */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, '')
}

/** The years an office's records can carry: the register's CHECK constraint uses the same range. */
export const MIN_YEAR = 1949
export const MAX_YEAR = 2100

export interface TextOptions {
  /** Longest accepted value, in characters (UTF-16 code units, as zod counts). */
  max: number
  /** Shortest accepted value; 1 = required. Default 0. */
  min?: number
}

/**
 * A text field: control characters removed, trimmed, `min`..`max` characters, labelled for messages
 * (`「标题」不能超过200个字`).
 */
export function textField(label: string, { max, min = 0 }: TextOptions) {
  let schema = z.string().overwrite(stripControlChars).trim()
  if (min > 0) schema = schema.min(min)
  return schema.max(max).describe(label)
}

/**
 * True when `iso` is a real calendar date YYYY-MM-DD between 1949-01-01 and 2100-12-31
 * (leap years honoured: 2024-02-29 yes, 2023-02-29 no).
 */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1) return false
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  return d <= daysInMonth
}

const DATE_MESSAGE = '应为有效的日期（年-月-日，如 2024-03-22）'

/**
 * A date field YYYY-MM-DD that must be a real calendar date; with `optional`, '' (not yet set) is
 * accepted too. Every date of the contract uses this one check.
 */
export function calendarDateField(label: string, { optional = false }: { optional?: boolean } = {}) {
  return z
    .string()
    .overwrite(stripControlChars)
    .trim()
    .refine((v) => (optional && v === '') || isCalendarDate(v), DATE_MESSAGE)
    .describe(label)
}

/** A year 1949–2100 (an integer). */
export function yearField(label = '年份') {
  return z.number().int().min(MIN_YEAR).max(MAX_YEAR).describe(label)
}
