/**
 * 页码 (GB/T 9704-2012 7.5): "— 1 —" in 4号半角宋体 below the 版心, the top of the line 7 mm below its
 * bottom edge; odd pages right-aligned one character in, even pages left-aligned one character in
 * (w:evenAndOddHeaders in settings). 信函格式 shows no number on its first page (10.1).
 */
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx'
import { mmToTwips, type LayoutProfile } from '../../../../shared/documents/layout'
import { flushTopLineTwips } from './metrics'
import { exactSpacing, paragraphStyle, runProps, STYLE_FIXED } from './runs'

/** Height of the page-number line: its characters' top edge is the line's top edge. */
export function pageNumberLineTwips(layout: LayoutProfile): number {
  return flushTopLineTwips(layout.text.pageNumberSizePt)
}

/** Footer distance (w:footer) from the page bottom that puts the page number's top 7 mm below the 版心. */
export function footerDistanceTwips(layout: LayoutProfile): number {
  return layout.page.marginBottomTwips - mmToTwips(layout.pageNumber.belowTypeAreaMm) - pageNumberLineTwips(layout)
}

function pageNumberParagraph(layout: LayoutProfile, side: 'odd' | 'even'): Paragraph {
  const sizePt = layout.text.pageNumberSizePt
  const indent = layout.pageNumber.sideIndentChars * sizePt * 20
  const dash = layout.pageNumber.dash
  return new Paragraph({
    style: paragraphStyle('pageNumber', false),
    alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: side === 'odd' ? { right: indent } : { left: indent },
    spacing: exactSpacing(pageNumberLineTwips(layout)),
    children: [
      new TextRun({
        ...runProps(layout, { slot: 'songti', sizePt, spacing: 0, latinInSlot: true }),
        children: [`${dash} `, PageNumber.CURRENT, ` ${dash}`],
      }),
    ],
  })
}

export function pageNumberFooters(layout: LayoutProfile, opts: { blankFirstPage: boolean }) {
  return {
    default: new Footer({ children: [pageNumberParagraph(layout, 'odd')] }),
    even: new Footer({ children: [pageNumberParagraph(layout, 'even')] }),
    ...(opts.blankFirstPage ? { first: new Footer({ children: [new Paragraph({ style: STYLE_FIXED, children: [] })] }) } : {}),
  }
}

/** Footers without page numbers: the 版记 page and the blank page before it (7.5). */
export function emptyFooters() {
  const blank = () => new Footer({ children: [new Paragraph({ style: STYLE_FIXED, children: [] })] })
  return { default: blank(), even: blank(), first: blank() }
}
