/**
 * The .docx writer of the block model: a plain serializer of a composer's blocks (shared/print/blocks.ts),
 * the same blocks the generic paginator lays out for the preview (shared/print/paginate.ts paginateBlocks).
 * Every paragraph is written in the named paragraph style of its role (表格标题, 公文正文 …, from the one role
 * table shared/print/roles.ts), with the role's font slot, size, alignment, indent and colour, one exact grid
 * pitch a line; tables and images as blocks.ts writes them; page numbers as in a 公文 (GB/T 9704 7.5).
 * Throws RangeError on a floatingImprint block (the 公文 writer, officialDocument.ts, places the 版记).
 */
import { AlignmentType, Document, DocumentGridType, Packer, Paragraph, type Table } from 'docx'
import { finishPackage } from './fontTable'
import { GBT9704_LAYOUT, runMetrics, typeAreaWidthTwips, type LayoutProfile } from '../../../../shared/documents/layout'
import { ruleGeometry, type PrintBlock } from '../../../../shared/print/blocks'
import { charTwips } from '../../../../shared/print/measure'
import { pageNumberFurniture, type PageNumberFurniture } from '../../../../shared/print/pageNumbers'
import { signatureAfter } from '../../../../shared/print/paginate'
import { ROLE_TABLE, roleSizePt } from '../../../../shared/print/roles'
import { imageBlocks, tableBlocks } from './blocks'
import { footerDistanceTwips, pageNumberFooters } from './footer'
import { ruleShape } from './masthead'
import { blockRuns, exactSpacing, paragraphStyle, STYLE_FIXED } from './runs'
import { stylesXml } from './styles'

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const
/** The blocks as .docx body content, in order. */
export function serializeBlocks(blocks: PrintBlock[], layout: LayoutProfile): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = []
  const pitch = layout.grid.linePitchTwips
  let breakNext = false
  /** A page break goes on the next paragraph written (a table opens with its caption, or a thin paragraph). */
  const takeBreak = () => {
    const b = breakNext
    breakNext = false
    return b ? { pageBreakBefore: true } : {}
  }
  // The last paragraph before the 署名 keeps with it (keepNext + widow control, the blank lines between keepNext):
  // Word then carries its last two lines along, as the preview does (paginate.ts signatureAfter).
  const keepWithSignature = new Set<number>()
  blocks.forEach((_, i) => {
    const s = signatureAfter(blocks, i)
    for (let k = i; s >= 0 && k < s; k++) keepWithSignature.add(k)
  })
  for (const [i, b] of blocks.entries()) {
    switch (b.kind) {
      case 'paragraph': {
        const r = ROLE_TABLE[b.role]
        const sizePt = roleSizePt(layout, b.role)
        const unit = charTwips(runMetrics(layout, sizePt))
        const indent =
          r.indentChars > 0
            ? { firstLine: Math.round(r.indentChars * unit) }
            : r.indentChars < 0
              ? { left: Math.round(-r.indentChars * unit), hanging: Math.round(-r.indentChars * unit) }
              : undefined
        out.push(
          new Paragraph({
            // Every line of a report is one exact pitch, off the grid (LibreOffice would round a 2号 line up to two).
            style: paragraphStyle(b.role, true),
            alignment: ALIGN[r.align],
            spacing: exactSpacing(pitch),
            ...(indent ? { indent } : {}),
            ...((b.keepNext ?? r.keepNext) || keepWithSignature.has(i) ? { keepNext: true } : {}),
            ...(keepWithSignature.has(i) ? { widowControl: true } : {}),
            ...(b.pageBreakBefore ? { pageBreakBefore: true } : takeBreak()),
            children: blockRuns(layout, b),
          }),
        )
        break
      }
      case 'blank':
        for (let line = 0; line < b.lines; line++)
          out.push(
            new Paragraph({
              style: STYLE_FIXED,
              spacing: exactSpacing(pitch),
              ...(keepWithSignature.has(i) ? { keepNext: true } : {}),
              ...takeBreak(),
              children: [],
            }),
          )
        break
      case 'rule': {
        // On a line of its own (across the 版心 by default), as the paginator draws it.
        const g = ruleGeometry(b, typeAreaWidthTwips(layout), pitch)
        // A rule placed on the page takes no line: its anchor is a thin paragraph.
        const lineTwips = g.from === 'line' ? pitch : 20
        out.push(
          new Paragraph({
            style: STYLE_FIXED,
            spacing: exactSpacing(lineTwips),
            ...takeBreak(),
            children: [ruleShape(layout, g, '分隔线')],
          }),
        )
        break
      }
      case 'table':
        out.push(...tableBlocks(layout, b.table, b.caption, takeBreak().pageBreakBefore === true))
        break
      case 'image':
        out.push(...imageBlocks(layout, b.image, b.caption, takeBreak().pageBreakBefore === true))
        break
      case 'pageBreak':
      case 'sectionBreak':
        if (out.length > 0) breakNext = true
        break
      case 'pageNumbers':
        break
      case 'floatingImprint':
        throw new RangeError('版记只用于公文（由公文排版处理）')
    }
  }
  return out
}

/** The blocks as a .docx file on the page and grid of `layout` (GB/T 9704-2012 by default), with page numbers. */
export async function exportBlocksDocx(
  blocks: PrintBlock[],
  options: { title: string; creator?: string },
  layout: LayoutProfile = GBT9704_LAYOUT,
): Promise<Buffer> {
  const p = layout.page
  // The page-number furniture the paginator draws too: the blocks' own, else the profile's.
  const pageNumbers = blocks.reduce<PageNumberFurniture>(
    (f, b) => (b.kind === 'pageNumbers' ? b.furniture : f),
    pageNumberFurniture(layout),
  )
  const doc = new Document({
    title: options.title,
    creator: options.creator ?? '教育督导工作台',
    externalStyles: stylesXml(layout),
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
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
          },
          grid: { type: DocumentGridType.LINES, linePitch: layout.grid.linePitchTwips },
        },
        footers: pageNumberFooters(layout, pageNumbers),
        children: serializeBlocks(blocks, layout),
      },
    ],
  })
  return finishPackage(await Packer.toBuffer(doc), layout)
}
