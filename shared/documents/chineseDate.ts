/**
 * 成文日期 / 印发日期: stored as ISO dates (YYYY-MM-DD), printed in Arabic numerals with the full
 * year and no zero padding, "2024年3月22日" (GB/T 9704-2012 7.3.5.4).
 */

import { toAsciiDigits } from './docNumber'

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  // Day 0 of the next month is the last day of this month.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= daysInMonth
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** '2024-03-22' → '2024年3月22日'. Throws on anything that is not a real ISO calendar date. */
export function formatChineseDate(isoDate: string): string {
  const m = ISO_RE.exec(isoDate.trim())
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new RangeError(`无效的日期：「${isoDate}」`)
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
}

/**
 * A stored date for printing: '' (a draft without a date) → '', '2024-03-22' → '2024年3月22日'. Anything
 * else — '2024-02-30', '2024/3/22' — throws the RangeError of formatChineseDate (「无效的日期：「…」」): an
 * official document never prints a date it cannot read. The one behaviour of the preview (which shows the
 * message instead of the pages) and the .docx writer (which refuses to export).
 */
export function chineseDateOrBlank(isoDate: string): string {
  return isoDate.trim() === '' ? '' : formatChineseDate(isoDate)
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, '○': 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** 二〇二四 → 2024 (digit by digit), or NaN. */
function cnYear(text: string): number {
  if (text.length !== 4) return NaN
  let value = 0
  for (const ch of text) {
    const d = CN_DIGITS[ch]
    if (d === undefined) return NaN
    value = value * 10 + d
  }
  return value
}

/** 一 … 三十一 (month or day in Chinese numerals) → number, or NaN. */
function cnSmall(text: string): number {
  const units = (ch: string | undefined) => (ch === undefined ? 0 : ch in CN_DIGITS && CN_DIGITS[ch] > 0 ? CN_DIGITS[ch] : NaN)
  const chars = [...text]
  const ten = chars.indexOf('十')
  if (ten === -1) return chars.length === 1 ? units(chars[0]) : NaN
  if (ten > 1 || chars.length > ten + 2) return NaN
  const tens = ten === 0 ? 1 : units(chars[0])
  return tens * 10 + units(chars[ten + 1])
}

/**
 * Reads a date as users type or paste it: 2024年3月22日, "2024 年 3 月 22 日" (PDF extraction),
 * 2024-3-22, 2024/03/22, 2024.3.22, full-width digits, and the older Chinese-numeral form
 * 二〇二四年三月二十二日. Returns the ISO date, or null when the text is not a real date
 * (2024年2月30日 → null).
 */
export function parseChineseDate(text: string): string | null {
  const compact = toAsciiDigits(text)
    .replace(/\s+/g, '')
    .replace(/[\uFF0D\uFF0F\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  let year: number
  let month: number
  let day: number
  let m = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(compact) ?? /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(compact)
  if (m) {
    year = Number(m[1])
    month = Number(m.length === 5 ? m[3] : m[2])
    day = Number(m.length === 5 ? m[4] : m[3])
  } else {
    m = /^(.{4})年([^月]{1,3})月([^日]{1,3})日?$/u.exec(compact)
    if (!m) return null
    year = cnYear(m[1])
    month = cnSmall(m[2])
    day = cnSmall(m[3])
  }
  if (!Number.isFinite(year) || !Number.isFinite(month) || !Number.isFinite(day)) return null
  if (year < 1000 || !isRealDate(year, month, day)) return null
  return iso(year, month, day)
}

/** The local calendar date (not UTC) of `now` as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate())
}
