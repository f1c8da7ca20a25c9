/**
 * Type metrics shared by the .docx exporter (electron/core/export/docx/) and the in-app preview
 * (previewLayout.ts): where characters sit in an exact-height line and the rule that
 * sizes the masthead. One definition, so that the preview and the exported file cannot drift apart.
 * Pure: no DOM, no Node.
 */
import { mmToTwips, type LayoutProfile } from './layout'

/**
 * Word (and LibreOffice, which copies it for .docx) puts the baseline of an exact-height line at
 * 80 % of the line height, whatever the font.
 */
export const EXACT_LINE_BASELINE = 0.8

/** CJK faces draw ideographs in an em box reaching 0.88 em above and 0.12 em below the baseline. */
export const EM_ASCENT = 0.88
export const EM_DESCENT = 0.12

// Text widths and Word's CJK–Latin gap (AUTO_SPACE_EM): shared/print/measure.ts.

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

export interface MastheadFit {
  sizePt: number
  /** Horizontal glyph scale (w:w), percent. */
  scale: number
}

/**
 * Size and horizontal scale for a masthead line of `widthEm` ems: the largest size up to `maxSizePt`,
 * narrowing the glyphs down to the profile's minimum scale before making them smaller.
 */
export function fitMasthead(layout: LayoutProfile, widthEm: number, maxSizePt: number): MastheadFit {
  const maxW = mmToTwips(layout.masthead.maxWidthMm)
  const natural = widthEm * maxSizePt * 20
  if (natural <= maxW) return { sizePt: maxSizePt, scale: 100 }
  const scale = Math.floor((maxW / natural) * 100)
  if (scale >= layout.masthead.minScalePercent) return { sizePt: maxSizePt, scale }
  const minScale = layout.masthead.minScalePercent
  const sizePt = Math.floor((maxW / (widthEm * 20 * (minScale / 100))) * 2) / 2
  return { sizePt, scale: minScale }
}
