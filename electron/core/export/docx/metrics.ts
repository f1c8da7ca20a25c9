/**
 * Geometry the exporter needs to place elements without a layout engine: unit conversions,
 * where a character sits inside an exact-height line, and estimated text widths.
 */
import { mmToTwips, type LayoutProfile } from '../../../../shared/documents/layout'

/** 1 twip = 635 EMU (DrawingML offsets and sizes). */
export const EMU_PER_TWIP = 635

export function twipsToEmu(twips: number): number {
  return Math.round(twips * EMU_PER_TWIP)
}

/** docx's ShapeRun takes sizes in pixels of 96 per inch (= 15 twips). */
export function twipsToPx(twips: number): number {
  return twips / 15
}

/**
 * Word (and LibreOffice, which copies it for .docx) puts the baseline of an exact-height line at
 * 80 % of the line height, whatever the font.
 */
export const EXACT_LINE_BASELINE = 0.8

/** CJK faces draw ideographs in an em box reaching 0.88 em above and 0.12 em below the baseline. */
export const EM_ASCENT = 0.88
export const EM_DESCENT = 0.12

/** Offset of the top of the characters' em box below the top of an exact line. */
export function emTopInLine(lineTwips: number, sizePt: number): number {
  return EXACT_LINE_BASELINE * lineTwips - EM_ASCENT * sizePt * 20
}

/** Offset of the bottom of the characters' em box below the top of an exact line. */
export function emBottomInLine(lineTwips: number, sizePt: number): number {
  return EXACT_LINE_BASELINE * lineTwips + EM_DESCENT * sizePt * 20
}

/**
 * A line 1.1 × the font size puts the em box top exactly at the line top (0.8 × 1.1 = 0.88) and
 * leaves 0.1 em below it: used for the large masthead so its top edge lands where the standard says.
 */
export function flushTopLineTwips(sizePt: number): number {
  return Math.round((sizePt * 20 * EM_ASCENT) / EXACT_LINE_BASELINE)
}

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

/**
 * Word and LibreOffice add a gap between CJK and Latin text ("自动调整中文与西文、数字的间距", on by default;
 * LibreOffice ignores w:autoSpaceDE, so the exporter keeps the default for both to agree). Measured in
 * LibreOffice 7.4: 0.2–0.22 em; estimated a little wide so that a line computed to fit does fit.
 */
export const AUTO_SPACE_EM = 0.25

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
