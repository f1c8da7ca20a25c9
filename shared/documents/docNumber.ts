/**
 * 发文字号 (docNumber): 机关代字〔年份〕顺序号号, e.g. 贺政教督发〔2024〕4号 (GB/T 9704-2012 7.2.4).
 * The standard form uses 六角括号 〔〕 (U+3014/U+3015), the full 4-digit year, no leading zeros
 * and no 第. Users paste many wrong variants; parseDocNumber accepts them and formatDocNumber
 * writes the one correct form.
 */

export interface DocNumberParts {
  /** 机关代字 (numberPrefix), e.g. 贺政教督发 */
  prefix: string
  year: number
  seq: number
}

export const DOC_NUMBER_MIN_YEAR = 1949
export const DOC_NUMBER_MAX_YEAR = 2100
export const DOC_NUMBER_MAX_SEQ = 99999

/** Formats the standard 发文字号: 贺政教督发〔2024〕4号. */
export function formatDocNumber(p: DocNumberParts): string {
  return `${p.prefix.trim()}\u3014${p.year}\u3015${p.seq}号`
}

/** Opening brackets users type around the year instead of 〔: 〔 [ 【 （ ( ［ { ｛ 〈 ﹝ 〖 < 《. */
const OPEN = '\u3014\\[\u3010\uFF08(\uFF3B{\uFF5B\u3008\uFE5D\u3016<\u300A'
/** The matching closing brackets: 〕 ] 】 ） ) ］ } ｝ 〉 ﹞ 〗 > 》. */
const CLOSE = '\u3015\\]\u3011\uFF09)\uFF3D}\uFF5D\u3009\uFE5E\u3017>\u300B'
const DOC_NUMBER_RE = new RegExp(`^(.+?)[${OPEN}](\\d{4})[${CLOSE}]第?(\\d{1,6})号?$`)

/** Full-width digits ０-９ → ASCII. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
}

/**
 * Parses a 发文字号 in any of the variants users paste: other brackets ([] 【】 （） () ［］ {} ｛｝
 * 〈〉 ﹝﹞), full-width digits, leading zeros, 第 before the number, spaces anywhere (PDF
 * extraction gives "贺政教督发〔2024〕4 号"), a missing final 号. Returns null for anything that is
 * not a plausible number: no or invalid 机关代字, year outside 1949–2100, sequence 0 or above 99999.
 */
export function parseDocNumber(text: string): DocNumberParts | null {
  const compact = toAsciiDigits(text).replace(/\s+/g, '')
  const m = DOC_NUMBER_RE.exec(compact)
  if (!m) return null
  const prefix = m[1]
  const year = Number(m[2])
  const seq = Number(m[3])
  if (validatePrefix(prefix) !== null) return null
  if (year < DOC_NUMBER_MIN_YEAR || year > DOC_NUMBER_MAX_YEAR) return null
  if (seq < 1 || seq > DOC_NUMBER_MAX_SEQ) return null
  return { prefix, year, seq }
}

/** parseDocNumber then formatDocNumber: the standard form of a pasted number, or null. */
export function normalizeDocNumber(text: string): string | null {
  const parts = parseDocNumber(text)
  return parts ? formatDocNumber(parts) : null
}

/**
 * Checks a 机关代字: 2–20 Chinese characters or letters, without brackets, digits or spaces
 * (the year and the number are added when a number is issued). Returns a message for the user, or
 * null when the prefix is acceptable.
 */
export function validatePrefix(prefix: string): string | null {
  if (prefix.trim() === '') return '机关代字不能为空'
  if (/\s/.test(prefix)) return '机关代字不能包含空格'
  if (/[0-9\uFF10-\uFF19]/.test(prefix)) return '机关代字不能包含数字（年份和序号在发文时自动生成）'
  if (new RegExp(`[${OPEN}${CLOSE}]`).test(prefix)) return '机关代字不能包含括号（〔〕在发文时自动加上）'
  if (!/^[\p{Script=Han}A-Za-z]+$/u.test(prefix)) return '机关代字只能由汉字或字母组成'
  const length = [...prefix].length
  if (length < 2 || length > 20) return '机关代字应为2至20个字'
  return null
}
