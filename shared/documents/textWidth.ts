/**
 * Character classes and widths for Chinese official documents, measured in characters of the body
 * font: a Chinese character or full-width punctuation mark is 1, a half-width Latin letter, digit
 * or ASCII mark is 0.5 (the 28-characters-a-line grid of GB/T 9704 counts this way).
 */

/** Han ideographs (BMP blocks and the supplementary planes). */
export function isHan(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch)
}

/** CJK punctuation, full-width forms and Chinese quotes/dashes/ellipsis (not ASCII). */
export function isCjkPunctuation(ch: string): boolean {
  return /[\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\u2018\u2019\u201C\u201D\u2014\u2026\u00B7\uFE30-\uFE4F\uFE50-\uFE6F]/.test(ch)
}

/** A Han character or a Chinese punctuation mark. */
export function isCjk(ch: string): boolean {
  return isHan(ch) || isCjkPunctuation(ch)
}

/** Width of one character (one code point) in body-font characters. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff) return 0
  if (cp < 0x1100) return 0.5
  if (cp >= 0xff61 && cp <= 0xffdc) return 0.5 // half-width katakana and hangul
  return 1
}

/** Width of a text in body-font characters (CJK 1, half-width 0.5). */
export function textWidth(text: string): number {
  let width = 0
  for (const ch of text) width += charWidth(ch)
  return width
}
