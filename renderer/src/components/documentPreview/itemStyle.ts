/** Inline styles of the preview's items: everything in millimetres and points, straight from previewLayout. */
import type { FontSlot } from '../../../../shared/documents/layout'
import {
  AUTO_SPACE_EM,
  autoSpaceBetween,
  type PreviewImage,
  type PreviewPage,
  type PreviewRule,
  type PreviewText,
} from '../../../../shared/documents/previewLayout'

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

/** An image's box (a chart in 正文), in mm. */
export function imageStyle(item: PreviewImage): Style {
  return { left: mm(item.x), top: mm(item.y), width: mm(item.width), height: mm(item.height) }
}

/** The image as a data: URL (the CSP allows img-src data:). */
export function imageSrc(item: PreviewImage): string {
  return `data:${item.format === 'svg' ? 'image/svg+xml' : 'image/png'};base64,${item.data}`
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

/** A stretch of a line drawn as one span. */
export interface Segment {
  text: string
  font: FontSlot
  /** Preceded by Word's automatic CJK–Latin gap (AUTO_SPACE_EM). */
  gap: boolean
  /** A page number's 一字线, set full-width while its digits stay half-width (7.5 "半角宋体阿拉伯数字"). */
  dash: boolean
}

const DASH = /^[\u2014\u2015\u2500]$/

/**
 * Splits a line into spans: at font changes, before each CJK–Latin gap (which the layout counted and the
 * browser would not add by itself) and, in page numbers, around the 一字线.
 */
export function lineSegments(item: PreviewText): Segment[] {
  const runs = item.runs ?? [{ text: item.text, font: item.font }]
  const out: Segment[] = []
  let prev = ''
  for (const run of runs) {
    let cur: Segment | null = null
    for (const ch of run.text) {
      const gap = prev !== '' && autoSpaceBetween(prev, ch)
      const dash = item.role === 'pageNumber' && DASH.test(ch)
      if (!cur || gap || dash || cur.dash) {
        cur = { text: ch, font: run.font, gap, dash }
        out.push(cur)
      } else cur.text += ch
      prev = ch
    }
  }
  return out
}

/** Inline style of a segment: its own font stack when it differs from the line's, the gap as a left margin. */
export function segmentStyle(item: PreviewText, seg: Segment, family: (slot: FontSlot) => string): Style {
  const style: Style = {}
  if (seg.font !== item.font) style.fontFamily = family(seg.font)
  if (seg.gap) style.marginLeft = `${AUTO_SPACE_EM}em`
  return style
}
