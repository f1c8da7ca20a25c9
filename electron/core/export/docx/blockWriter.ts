/**
 * The .docx writer of the block model: a plain serializer of a composer's blocks (shared/print/blocks.ts),
 * the same blocks the generic paginator lays out for the preview (shared/print/paginate.ts paginateBlocks).
 * Every paragraph is written in the named paragraph style of its role (表格标题, 公文正文 …, from the one role
 * table shared/print/roles.ts), with the role's font slot, size, alignment, indent and colour, one exact grid
 * pitch a line; tables and images as blocks.ts writes them; page numbers as in a 公文 (GB/T 9704 7.5).
 * Throws RangeError on a floatingImprint block or a 版头 block (the 公文 writer, officialDocument.ts, places those).
 */
import { AlignmentType, Document, DocumentGridType, Packer, Paragraph, TabStopType, TextRun, type Table } from 'docx'
import { finishPackage } from './fontTable'
import { GBT9704_LAYOUT, runMetrics, typeAreaWidthTwips, type LayoutProfile } from '../../../../shared/documents/layout'
import { isHeadBlock, ruleGeometry, type PrintBlock } from '../../../../shared/print/blocks'
import { charTwips } from '../../../../shared/print/measure'
import { pageNumberFurniture, type PageNumberFurniture } from '../../../../shared/print/pageNumbers'
import { signatureAfter } from '../../../../shared/print/paginate'
import { ROLE_TABLE, roleSizePt } from '../../../../shared/print/roles'
import { imageBlocks, tableBlocks } from './blocks'
import { footerDistanceTwips, pageNumberFooters } from './footer'
import { ruleShape } from './masthead'
import { blockRuns, exactSpacing, paragraphStyle, runProps, STYLE_FIXED, tabRun, textRun } from './runs'
import { stylesXml } from './styles'

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const
/**
 * How the paragraphs sit: a report's every line is one exact pitch off the line grid (LibreOffice would round a
 * 2号 line up to two); a 公文's text sits on the document grid (GB/T 9704 5.2.2: 22 lines of 28 characters) in its
 * role's style, off it only where the composer set another pitch (the tightened page, 7.3.5.4) or the role is
 * positioned (标题).
 */
export type SerializeMode = 'report' | 'official'

type ParagraphOf = Extract<PrintBlock, { kind: 'paragraph' }>

/** The indent a composer placed (blocks.ts ParagraphPlacement), or none; twips rounded as Word stores them. */
function placedIndent(b: ParagraphOf) {
  const indent: { left?: number; right?: number; firstLine?: number; hanging?: number } = {}
  if (b.leftTwips !== undefined) indent.left = Math.round(b.leftTwips)
  if (b.rightTwips !== undefined) indent.right = Math.round(b.rightTwips)
  if (b.firstLineTwips !== undefined && b.firstLineTwips > 0) indent.firstLine = Math.round(b.firstLineTwips)
  if (b.firstLineTwips !== undefined && b.firstLineTwips < 0) indent.hanging = Math.round(-b.firstLineTwips)
  return Object.keys(indent).length > 0 ? indent : undefined
}

/** A paragraph block of a 公文 (composeText.ts): its style, pitch, placement and keep rules as the composer set them. */
function officialParagraph(layout: LayoutProfile, b: ParagraphOf): Paragraph {
  const r = ROLE_TABLE[b.role]
  const common = {
    style: paragraphStyle(b.role, b.pitchTwips !== undefined),
    ...(b.pageBreakBefore ? { pageBreakBefore: true } : {}),
    spacing: exactSpacing(b.pitchTwips ?? layout.grid.linePitchTwips),
    alignment: ALIGN[b.align ?? r.align],
  }
  if (b.lines) {
    // 标题: the composer's lines, each condensed as it decided, one paragraph with line breaks.
    const sizePt = roleSizePt(layout, b.role)
    return new Paragraph({
      ...common,
      children: b.lines.map(
        (line, i) =>
          new TextRun({
            ...runProps(layout, { slot: r.font, sizePt, spacing: line.spacingTwips }),
            text: line.text,
            ...(i > 0 ? { break: 1 } : {}),
          }),
      ),
    })
  }
  const indent = placedIndent(b)
  return new Paragraph({
    ...common,
    ...(indent ? { indent } : {}),
    ...(b.keepNext !== undefined ? { keepNext: b.keepNext } : {}),
    ...(b.keepLines ? { keepLines: true } : {}),
    ...(b.widowControl ? { widowControl: true } : {}),
    children: blockRuns(layout, b),
  })
}

/**
 * A line of placed texts (署名 / 成文日期, composeText.ts): one part held by its anchor edge (a right or left
 * indent), several at left tab stops where each starts; none: an empty line.
 */
function placedLineParagraph(layout: LayoutProfile, b: Extract<PrintBlock, { kind: 'placedLine' }>): Paragraph {
  const common = {
    style: paragraphStyle(b.role, b.pitchTwips !== undefined),
    ...(b.pageBreakBefore ? { pageBreakBefore: true } : {}),
    spacing: exactSpacing(b.pitchTwips ?? layout.grid.linePitchTwips),
    ...(b.keepNext !== undefined ? { keepNext: b.keepNext } : {}),
  }
  if (b.parts.length > 1)
    return new Paragraph({
      ...common,
      alignment: AlignmentType.LEFT,
      tabStops: b.parts.map((part) => ({ type: TabStopType.LEFT, position: Math.round(part.leftTwips) })),
      children: b.parts.flatMap((part) => [tabRun(layout), textRun(layout, part.text)]),
    })
  const part = b.parts[0]
  const right = b.anchor === 'right'
  return new Paragraph({
    ...common,
    alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    ...(part
      ? { indent: right ? { right: Math.max(0, Math.round(part.rightTwips)) } : { left: Math.max(0, Math.round(part.leftTwips)) } }
      : {}),
    children: part ? [textRun(layout, part.text)] : [],
  })
}

/** The blocks as .docx body content, in order (`mode`: see SerializeMode). */
export function serializeBlocks(blocks: PrintBlock[], layout: LayoutProfile, mode: SerializeMode = 'report'): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = []
  const pitch = layout.grid.linePitchTwips
  const official = mode === 'official'
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
    const s = official ? -1 : signatureAfter(blocks, i)
    for (let k = i; s >= 0 && k < s; k++) keepWithSignature.add(k)
  })
  for (const [i, b] of blocks.entries()) {
    switch (b.kind) {
      case 'paragraph': {
        if (official) {
          out.push(officialParagraph(layout, b))
          break
        }
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
      case 'placedLine':
        out.push(placedLineParagraph(layout, b))
        break
      case 'blank':
        for (let line = 0; line < b.lines; line++)
          out.push(
            new Paragraph({
              // A 公文's blank lines are lines of its grid (空一行), off it at a tightened pitch.
              style: official ? paragraphStyle(undefined, b.pitchTwips !== undefined) : STYLE_FIXED,
              ...(b.pageBreakBefore && line === 0 ? { pageBreakBefore: true } : takeBreak()),
              spacing: exactSpacing(b.pitchTwips ?? pitch),
              ...(keepWithSignature.has(i) || b.keepNext ? { keepNext: true } : {}),
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
        out.push(...tableBlocks(layout, b.table, b.caption, takeBreak().pageBreakBefore === true || b.pageBreakBefore === true))
        break
      case 'image':
        out.push(...imageBlocks(layout, b.image, b.caption, takeBreak().pageBreakBefore === true || b.pageBreakBefore === true))
        break
      case 'pageBreak':
      case 'sectionBreak':
        if (out.length > 0) breakNext = true
        break
      case 'pageNumbers':
        break
      case 'floatingImprint':
        throw new RangeError('版记只用于公文（由公文排版处理）')
      default:
        // The 公文 writer (officialDocument.ts) writes its 版头 with masthead.ts headBlock.
        if (isHeadBlock(b)) throw new RangeError('版头只用于公文（由公文排版处理）')
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
