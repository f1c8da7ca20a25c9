/**
 * 页码 (GB/T 9704-2012 7.5) written from the composer's page-number furniture (shared/print/pageNumbers.ts,
 * the data the preview draws from): odd/even footers (w:evenAndOddHeaders in settings) with "— PAGE —" in the
 * furniture's face and size, flush to its side and indented as it says, on an exact line whose characters'
 * top is the line's top, the footer distance putting that top where the furniture says (7 mm below the
 * 版心); a first-page footer without a number when page 1 shows none (信函格式, 10.1).
 */
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx'
import type { LayoutProfile } from '../../../../shared/documents/layout'
import { type PageNumberFurniture, type PageNumberSide } from '../../../../shared/print/pageNumbers'
import { exactSpacing, paragraphStyle, runProps, STYLE_FIXED } from './runs'

export { footerDistanceTwips } from '../../../../shared/print/pageNumbers'

function pageNumberParagraph(layout: LayoutProfile, f: PageNumberFurniture, side: PageNumberSide): Paragraph {
  return new Paragraph({
    style: paragraphStyle('pageNumber', false),
    alignment: side.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: side.align === 'right' ? { right: side.indentTwips } : { left: side.indentTwips },
    spacing: exactSpacing(f.lineTwips),
    children: [
      new TextRun({
        ...runProps(layout, { slot: f.font, sizePt: f.sizePt, spacing: 0, latinInSlot: true }),
        children: [`${f.dash} `, PageNumber.CURRENT, ` ${f.dash}`],
      }),
    ],
  })
}

/** The numbered pages' footers: odd (default) and even, and an empty first-page one when page 1 shows no number. */
export function pageNumberFooters(layout: LayoutProfile, f: PageNumberFurniture) {
  return {
    default: new Footer({ children: [pageNumberParagraph(layout, f, f.odd)] }),
    even: new Footer({ children: [pageNumberParagraph(layout, f, f.even)] }),
    ...(!f.firstPageNumbered ? { first: new Footer({ children: [new Paragraph({ style: STYLE_FIXED, children: [] })] }) } : {}),
  }
}

/** Footers without page numbers: the 版记 page and the blank page before it (7.5). */
export function emptyFooters() {
  const blank = () => new Footer({ children: [new Paragraph({ style: STYLE_FIXED, children: [] })] })
  return { default: blank(), even: blank(), first: blank() }
}
