/**
 * Geometry the exporter needs to place elements without a layout engine: unit conversions,
 * where a character sits inside an exact-height line, and text widths (shared/print/measure.ts).
 */
import { mmToTwips, runMetrics, type LayoutProfile } from '../../../../shared/documents/layout'
import { AUTO_SPACE_EM, measureChars, textWidthTwips as measureTextTwips } from '../../../../shared/print/measure'

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
export {
  EXACT_LINE_BASELINE,
  EM_ASCENT,
  EM_DESCENT,
  emTopInLine,
  emBottomInLine,
  flushTopLineTwips,
} from '../../../../shared/documents/typeMetrics'

/**
 * Width in twips of `text` set at `sizePt` with character spacing `spacing` (twentieths of a point), rounded
 * to whole twips: shared/print/measure.ts, the model the preview measures with.
 */
export function textWidthTwips(text: string, sizePt: number, spacing = 0): number {
  return Math.round(measureTextTwips(text, { sizePt, spacingTwips: spacing }))
}

/** Width of `text` in 3号 body text with the profile's character spacing, whole twips. */
export function bodyTextWidth(layout: LayoutProfile, text: string): number {
  return Math.round(measureTextTwips(text, runMetrics(layout)))
}

export { AUTO_SPACE_EM, measureChars }
export { mmToTwips }
