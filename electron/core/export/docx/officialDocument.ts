/**
 * Word (.docx) export of an official document (公文) laid out to GB/T 9704-2012, every number taken
 * from a LayoutProfile (shared/documents/layout.ts).
 *
 * Order of the parts: 版头 (masthead.ts) → 主体 and 附件 pages (the composer's blocks, shared/documents/composeText.ts,
 * serialized by blockWriter.ts — the blocks the preview lays out) → 版记 at the foot
 * of the last page (imprint.ts), or on a page of its own in a section without page numbers; page numbers in
 * the footers (footer.ts). Page-fit decisions come from shared/documents/pageFit.ts, as the preview's; the
 * furniture — 份号/密级/紧急程度 blocks, the red separator and 信函 double lines, 附件 labels, page numbers and
 * the floating 版记 — is the composer's data (shared/documents/compose.ts), which the preview draws too.
 * Every paragraph with text is in the named style of its role (styles.ts roleStylesXml).
 */
import { DocumentGridType, Document, Header, Packer, Paragraph, SectionType, type ISectionOptions, type Table } from 'docx'
import type { DocumentSpec } from '../../../../shared/documents/types'
import { GBT9704_LAYOUT, type LayoutProfile } from '../../../../shared/documents/layout'
import { planPageFit, type PageFit } from '../../../../shared/documents/pageFit'
import { officialPageNumbers } from '../../../../shared/documents/compose'
import { composeOfficialText, textFlow } from '../../../../shared/documents/composeText'
import { serializeBlocks } from './blockWriter'
import type { PrintBlock } from '../../../../shared/print/blocks'
import { emptyFooters, footerDistanceTwips, pageNumberFooters } from './footer'
import { imprintBlocks } from './imprint'
import { headBlock } from './masthead'
import { composeHead } from '../../../../shared/documents/composeHead'
import { exactSpacing, STYLE_FIXED } from './runs'
import { stylesXml } from './styles'
import { finishPackage } from './fontTable'

type Block = Paragraph | Table

/**
 * The document body in reading order, paginated by `fit` (shared/documents/pageFit.ts, the decision the
 * preview follows too): the blank lines above the 署名, the tightened pitch of the page where 正文 ends, and
 * the keep-with-next chain from the last 正文 paragraph to the last 附注. The 版记 is returned apart (it goes
 * in a section of its own when `fit.imprint.ownPage`), and so is the first page's header (the 信函格式 letterhead).
 */
export function documentParts(
  spec: DocumentSpec,
  layout: LayoutProfile,
  fit: PageFit = planPageFit(spec, layout).fit,
): { main: Block[]; imprint: Block[]; header: Paragraph[] } {
  // The 主体 as the composer decides it (composeText.ts), the blocks the preview lays out, with the keep rules a
  // word processor needs to paginate as the preview did (the page fit's outcome).
  const text = composeOfficialText(spec, layout, fit, { carried: fit.outcome === 'carried', keepBodyWithClosing: fit.keepBodyWithClosing })
  const head = headParts(spec, layout)
  const blocks: Block[] = head.flow
  blocks.push(...serializeBlocks(textFlow(text), layout, 'official'))
  return { main: blocks, imprint: imprintBlocks(layout, spec), header: head.header }
}

/**
 * The 版头 as the composer decides it (composeHead.ts), the blocks the preview draws: `header` for the first
 * page's header (the 信函格式 letterhead), `flow` for the top of the body.
 */
function headParts(spec: DocumentSpec, layout: LayoutProfile): { header: Paragraph[]; flow: Block[] } {
  const head = composeHead(spec, layout)
  const write = (b: PrintBlock) => headBlock(layout, b) ?? serializeBlocks([b], layout, 'official')
  return { header: head.header.flatMap(write) as Paragraph[], flow: head.flow.flatMap(write) }
}

/** An empty paragraph 1 pt high. */
function thinParagraph(pageBreakBefore = false): Paragraph {
  return new Paragraph({ style: STYLE_FIXED, spacing: exactSpacing(20), ...(pageBreakBefore ? { pageBreakBefore } : {}), children: [] })
}

/** The document body in reading order (the 版记 last). */
export function documentBlocks(spec: DocumentSpec, layout: LayoutProfile): Block[] {
  const { main, imprint } = documentParts(spec, layout)
  return [...main, ...imprint]
}

export function buildDocument(spec: DocumentSpec, layout: LayoutProfile = GBT9704_LAYOUT): Document {
  const p = layout.page
  const letter = spec.format === 'letter'
  const { fit } = planPageFit(spec, layout)
  const { main, imprint, header } = documentParts(spec, layout, fit)
  // The page numbers as the composer decides them (the preview draws the same furniture).
  const pageNumbers = officialPageNumbers(spec, layout)
  const page = {
    size: { width: p.widthTwips, height: p.heightTwips },
    margin: {
      top: p.marginTopTwips,
      bottom: p.marginBottomTwips,
      left: p.marginLeftTwips,
      right: p.marginRightTwips,
      header: p.headerTwips,
      footer: footerDistanceTwips(layout, pageNumbers),
      gutter: 0,
    },
  }
  const grid = { type: DocumentGridType.LINES, linePitch: layout.grid.linePitchTwips }
  const ownPage = fit.imprint.ownPage && imprint.length > 0
  const sections: ISectionOptions[] = [
    {
      properties: { page, grid, titlePage: letter },
      headers: letter ? { first: new Header({ children: header }) } : undefined,
      footers: pageNumberFooters(layout, pageNumbers),
      children: ownPage ? main : [...main, ...imprint],
    },
  ]
  if (ownPage) {
    // GB/T 9704 7.4/7.5: the 版记 alone on the last, even page, after a blank page when needed; with a
    // blank page neither page carries a number, so the section has empty footers (a section without them
    // would inherit the numbered ones); right after an odd text page the 版记 page is numbered (7.5), unless
    // the profile says otherwise (fit.imprint.numbered, decided with the preview's pages).
    sections.push({
      properties: { type: SectionType.NEXT_PAGE, page, grid },
      footers: fit.imprint.numbered ? pageNumberFooters(layout, { ...pageNumbers, firstPageNumbered: true }) : emptyFooters(),
      // The section opens with a thin empty paragraph (LibreOffice drops the section break, and the empty
      // footers with it, before a floating table); the blank page holds just that paragraph, and the next
      // one starts the 版记 page (a page break at the very start of a section would be dropped as well).
      children: [thinParagraph(), ...(fit.imprint.blankPageBefore ? [thinParagraph(true)] : []), ...imprint],
    })
  }
  return new Document({
    title: spec.content.title,
    creator: spec.content.printingOrg || '教育督导工作台',
    description: `${spec.kind}（GB/T 9704-2012）`,
    externalStyles: stylesXml(layout),
    evenAndOddHeaderAndFooters: true,
    sections,
  })
}

/** Exports `spec` as a .docx file laid out by `layout` (GB/T 9704-2012 by default). */
export async function exportDocumentDocx(spec: DocumentSpec, layout: LayoutProfile = GBT9704_LAYOUT): Promise<Buffer> {
  return finishPackage(await Packer.toBuffer(buildDocument(spec, layout)), layout)
}
