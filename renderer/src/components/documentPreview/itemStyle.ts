/** Inline styles of the preview's items: everything in millimetres and points, straight from previewLayout. */
import type { PreviewPage, PreviewRule, PreviewText } from '../../../../shared/documents/previewLayout'

export type Style = Record<string, string>

const mm = (v: number) => `${v}mm`

/** The box of one line: absolutely placed, its height the em size, so the characters' em box starts at `y`. */
export function textBoxStyle(item: PreviewText, fontFamily: string): Style {
  const justify = item.align === 'justify'
  return {
    left: mm(item.x),
    top: mm(item.y),
    width: mm(item.width),
    height: mm(item.height),
    lineHeight: mm(item.height),
    fontSize: `${item.sizePt}pt`,
    fontFamily,
    color: item.color,
    letterSpacing: item.letterSpacingPt ? `${item.letterSpacingPt}pt` : 'normal',
    textAlign: justify ? 'justify' : item.align,
    textAlignLast: justify ? 'justify' : item.align,
  }
}

/** A narrowed masthead (长体): laid out 1/scaleX as wide, then squeezed back into the box. */
export function scaledInnerStyle(item: PreviewText): Style {
  return {
    width: mm(item.width / item.scaleX),
    transform: `scaleX(${item.scaleX})`,
    transformOrigin: 'left top',
  }
}

export function ruleStyle(item: PreviewRule): Style {
  return {
    left: mm(item.x),
    top: mm(item.y),
    width: mm(item.width),
    height: mm(item.thickness),
    backgroundColor: item.color,
  }
}

export function sheetStyle(page: PreviewPage): Style {
  return { width: mm(page.widthMm), height: mm(page.heightMm) }
}

/** Faint bands on the grid lines of the 版心 (for checking the 22 × 28 grid). */
export function gridStyle(page: PreviewPage): Style {
  const a = page.typeArea
  const pitch = a.linePitch
  return {
    left: mm(a.x),
    top: mm(a.y),
    width: mm(a.width),
    height: mm(a.height),
    backgroundImage: `repeating-linear-gradient(to bottom, rgba(64, 158, 255, 0.10) 0 ${pitch}mm, transparent ${pitch}mm ${2 * pitch}mm), repeating-linear-gradient(to right, rgba(64, 158, 255, 0.12) 0 0.2mm, transparent 0.2mm ${a.width / a.charsPerLine}mm)`,
  }
}

/**
 * Splits a page number "— 1 —" so the 一字线 can be set full-width (as Word sets U+2014 with the eastAsia
 * hint) while the digits stay half-width (7.5 "半角宋体阿拉伯数字").
 */
export function dashParts(text: string): { text: string; dash: boolean }[] {
  return text
    .split(/([\u2014\u2015\u2500]+)/)
    .filter((s) => s !== '')
    .map((s) => ({ text: s, dash: /^[\u2014\u2015\u2500]+$/.test(s) }))
}
