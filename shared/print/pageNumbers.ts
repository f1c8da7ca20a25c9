/**
 * Page-number furniture (页码, GB/T 9704-2012 7.5) as data: what the composer decides once and both sides
 * draw from — the preview (paginate.ts Typesetter.finish puts the number on each numbered page) and the
 * .docx writer (electron/core/export/docx/footer.ts writes it as odd/even footers with a PAGE field and
 * sets the footer distance from it). Pure.
 *
 * 7.5: "— 1 —" in 4号半角宋体 Arabic numerals with a 一字线 on each side, the dash's top 7 mm below the
 * 版心; odd pages right-aligned one character in from the right, even pages left-aligned one character in.
 */
import { mmToTwips, ptToTwips, type FontSlot, type LayoutProfile } from '../documents/layout'
import { flushTopLineTwips } from '../documents/typeMetrics'

/** One side's placement: flush to `align`, `indentTwips` in from that edge of the 版心. */
export interface PageNumberSide {
  align: 'left' | 'right'
  indentTwips: number
}

export interface PageNumberFurniture {
  /** 4号 by default (layout.text.pageNumberSizePt). */
  sizePt: number
  /** 宋体, digits in the same face (半角宋体阿拉伯数字). */
  font: FontSlot
  /** The 一字线 set on each side of the number, with a space between. */
  dash: string
  /** Top edge of the characters below the 版心's bottom edge, twips (7.5: 7 mm). */
  topBelowTypeAreaTwips: number
  /** Height of the exact line that holds the number with its characters flush with the line's top, twips. */
  lineTwips: number
  /** Odd pages (1, 3, …): right, one character in. */
  odd: PageNumberSide
  /** Even pages: left, one character in. */
  even: PageNumberSide
  /** Page 1 shows its number (false: 信函格式, 10.1). */
  firstPageNumbered: boolean
}

/** The page-number furniture of `layout`; `firstPageNumbered` false leaves page 1 without a number (信函格式). */
export function pageNumberFurniture(layout: LayoutProfile, firstPageNumbered = true): PageNumberFurniture {
  const sizePt = layout.text.pageNumberSizePt
  const indentTwips = layout.pageNumber.sideIndentChars * ptToTwips(sizePt)
  return {
    sizePt,
    font: 'songti',
    dash: layout.pageNumber.dash,
    topBelowTypeAreaTwips: mmToTwips(layout.pageNumber.belowTypeAreaMm),
    lineTwips: flushTopLineTwips(sizePt),
    odd: { align: 'right', indentTwips },
    even: { align: 'left', indentTwips },
    firstPageNumbered,
  }
}

/** The text printed on page `n` (1-based): "— n —". */
export function pageNumberText(f: PageNumberFurniture, n: number): string {
  return `${f.dash} ${n} ${f.dash}`
}

/** The side page `n` (1-based) takes. */
export function pageNumberSide(f: PageNumberFurniture, n: number): PageNumberSide {
  return n % 2 === 1 ? f.odd : f.even
}

/**
 * Does page `n` (1-based) show its number? Not when the page is marked unnumbered (the 版记 page and the blank
 * page before it, 7.5) nor on page 1 when the furniture says so.
 */
export function showsPageNumber(f: PageNumberFurniture, n: number, unnumbered: boolean): boolean {
  return !unnumbered && (f.firstPageNumbered || n !== 1)
}

/** Footer distance (w:footer, from the page's bottom edge) that puts the number's top where `f` says, twips. */
export function footerDistanceTwips(layout: LayoutProfile, f: PageNumberFurniture): number {
  return layout.page.marginBottomTwips - f.topBelowTypeAreaTwips - f.lineTwips
}
