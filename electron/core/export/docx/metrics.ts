/**
 * Geometry the exporter needs to place elements without a layout engine: unit conversions,
 * where a character sits inside an exact-height line, and estimated text widths.
 */
import { mmToTwips, type LayoutProfile } from '../../../../shared/documents/layout'
import { AUTO_SPACE_EM } from '../../../../shared/documents/typeMetrics'

/** 1 twip = 635 EMU (DrawingML offsets and sizes). */
export const EMU_PER_TWIP = 635

export function twipsToEmu(twips: number): number {
  return Math.round(twips * EMU_PER_TWIP)
}

/** docx's ShapeRun takes sizes in pixels of 96 per inch (= 15 twips). */
export function twipsToPx(twips: number): number {
  return twips / 15
}

// Where characters sit in an exact line, and the masthead rule: shared with the preview.
export { EXACT_LINE_BASELINE, EM_ASCENT, EM_DESCENT, emTopInLine, emBottomInLine, flushTopLineTwips } from '../../../../shared/documents/typeMetrics'

/** Is the character set full-width (CJK ideographs, CJK punctuation, full-width forms)? */
export function isFullWidth(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0
  return (
    (c >= 0x2e80 && c <= 0x9fff) || // CJK radicals, punctuation, kana, ideographs
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) || // full-width forms
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x20000 ||
    c === 0x2014 || // — 一字线 / 破折号 (eastAsia hint: full width)
    c === 0x2026 || // …
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || // “ ” ‘ ’ with the eastAsia hint
    c === 0x00b7 || c === 0x2605 || c === 0x25cb // · ★ ○
  )
}

/** Advance of a Latin character in Times New Roman, in em (digits are exactly 0.5 em). */
function latinEm(ch: string): number {
  if (/[0-9]/.test(ch)) return 0.5
  if (/[.,:;!|'ijlt ]/.test(ch)) return 0.28
  if (/[()[\]\-frI]/.test(ch)) return 0.33
  if (/[mwMW%]/.test(ch)) return 0.85
  if (/[A-Z]/.test(ch)) return 0.68
  return 0.5
}

export { AUTO_SPACE_EM }

/** Estimated width in twips of `text` set at `sizePt` with run character spacing `spacing` (twentieths of a point). */
export function textWidthTwips(text: string, sizePt: number, spacing = 0): number {
  let w = 0
  let prev: 'han' | 'latin' | 'other' = 'other'
  for (const ch of text) {
    const full = isFullWidth(ch)
    w += (full ? sizePt * 20 : latinEm(ch) * sizePt * 20) + spacing
    // The gap goes between an ideograph and a Latin letter or digit only, not next to punctuation or spaces.
    const kind = /\p{Script=Han}/u.test(ch) ? 'han' : /[A-Za-z0-9]/.test(ch) ? 'latin' : 'other'
    if ((prev === 'han' && kind === 'latin') || (prev === 'latin' && kind === 'han')) w += AUTO_SPACE_EM * sizePt * 20
    prev = kind
  }
  return Math.round(w)
}

/** Width of `text` in 3号 body text with the profile's character spacing. */
export function bodyTextWidth(layout: LayoutProfile, text: string): number {
  return textWidthTwips(text, layout.text.bodySizePt, layout.text.characterSpacing)
}

export { mmToTwips }
