/**
 * 版头 (GB/T 9704-2012 7.2): 份号, 密级, 紧急程度, the red masthead (发文机关标志), 发文字号 with
 * 签发人 for upward documents, and the red separator; the letterhead of 信函格式 (10.1).
 *
 * Everything above the title sits at computed distances from the top of the 版心: spacer paragraphs of
 * exact height put each line where the standard says (see metrics.ts for where characters sit in a line).
 */
import {
  AlignmentType,
  FrameAnchorType,
  FrameWrap,
  HeightRule,
  HorizontalPositionRelativeFrom,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextWrappingType,
  VerticalAlignTable,
  VerticalPositionRelativeFrom,
  WidthType,
  type TextRun,
} from 'docx'
import { ShapeRun } from 'docx/shapes'
import { UPWARD_KINDS, type DocumentSpec } from '../../../../shared/documents/types'
import { bodyCharTwips, mmToTwips, ptToTwips, typeAreaWidthTwips, type LayoutProfile } from '../../../../shared/documents/layout'
import { letterheadGeometry, mastheadGeometry, signerLines, SIGNER_LABEL_GAP_TWIPS } from '../../../../shared/documents/compose'
import { fitMasthead, type MastheadFit } from '../../../../shared/documents/typeMetrics'
import { emBottomInLine, emTopInLine, twipsToEmu, twipsToPx } from './metrics'
import { exactSpacing, gridParagraph, spacer, STYLE_FIXED, tabRun, textRun } from './runs'

type Block = Paragraph | Table

// The masthead fit rule lives in shared/ (the preview sizes the masthead the same way).
export { fitMasthead, type MastheadFit }

function redRun(layout: LayoutProfile, text: string, fit: MastheadFit) {
  return textRun(layout, text, { slot: 'title', sizePt: fit.sizePt, spacing: 0, color: layout.colors.red, scale: fit.scale })
}

/**
 * A red horizontal line drawn as a floating shape, positioned vertically relative to its anchor paragraph or
 * the page; centred on the 版心 (the separator) or, with `centreOnPage`, on the page (the 信函格式 double
 * lines, 10.1: 170 mm, 20–190 mm from the page's left edge).
 */
export function redLine(
  layout: LayoutProfile,
  opts: { widthTwips: number; weightPt: number; yTwips: number; relativeTo: 'paragraph' | 'page'; name: string; centreOnPage?: boolean },
): ShapeRun {
  const typeW = typeAreaWidthTwips(layout)
  const horizontalPosition = opts.centreOnPage
    ? { relative: HorizontalPositionRelativeFrom.PAGE, offset: twipsToEmu((layout.page.widthTwips - opts.widthTwips) / 2) }
    : { relative: HorizontalPositionRelativeFrom.MARGIN, offset: twipsToEmu((typeW - opts.widthTwips) / 2) }
  return new ShapeRun({
    type: 'line',
    transformation: { width: twipsToPx(opts.widthTwips), height: 0 },
    line: { color: layout.colors.red, width: opts.weightPt },
    altText: { name: opts.name, description: opts.name },
    floating: {
      horizontalPosition,
      verticalPosition: {
        relative: opts.relativeTo === 'page' ? VerticalPositionRelativeFrom.PAGE : VerticalPositionRelativeFrom.PARAGRAPH,
        offset: twipsToEmu(opts.yTwips),
      },
      wrap: { type: TextWrappingType.NONE },
      allowOverlap: true,
      lockAnchor: true,
      behindDocument: false,
    },
  })
}

/** 份号 / 密级和保密期限 / 紧急程度, one per line, flush left (7.2.1–7.2.2). */
function headElements(spec: DocumentSpec): { slot: 'fangsong' | 'heiti'; text: string }[] {
  const c = spec.content
  const out: { slot: 'fangsong' | 'heiti'; text: string }[] = []
  if (c.copyNumber) out.push({ slot: 'fangsong', text: c.copyNumber })
  if (c.secrecy) out.push({ slot: 'heiti', text: c.secrecy })
  if (c.urgency) out.push({ slot: 'heiti', text: c.urgency })
  return out
}

/** The masthead: one line, or for joint issuance the names stacked with the suffix (文件) to their right. */
function mastheadBlock(
  layout: LayoutProfile,
  orgs: string[],
  suffix: string,
): { blocks: Block[]; lineTwips: number; sizePt: number; lines: number } {
  // Names, size, scale and widths are the composer's (shared/documents/compose.ts), the preview sets the same.
  const g = mastheadGeometry(layout, orgs, suffix)
  const { names, fit, lineTwips, nameW, suffixW } = g
  if (!g.joint) {
    const text = g.text
    const p = new Paragraph({
      style: STYLE_FIXED,
      alignment: AlignmentType.CENTER,
      spacing: exactSpacing(lineTwips),
      children: text ? [redRun(layout, text, fit)] : [],
    })
    return { blocks: [p], lineTwips, sizePt: fit.sizePt, lines: 1 }
  }
  // Joint issuance (7.2.3): host first; names justified to one width, the suffix centred beside them.
  const namePara = (name: string) =>
    new Paragraph({
      style: STYLE_FIXED,
      alignment: AlignmentType.DISTRIBUTE,
      spacing: exactSpacing(lineTwips),
      children: [redRun(layout, name, fit)],
    })
  const noBorders = {
    top: { style: 'none' as const, size: 0, color: 'auto' },
    bottom: { style: 'none' as const, size: 0, color: 'auto' },
    left: { style: 'none' as const, size: 0, color: 'auto' },
    right: { style: 'none' as const, size: 0, color: 'auto' },
  }
  const rows = names.map(
    (name, i) =>
      new TableRow({
        height: { value: lineTwips, rule: HeightRule.EXACT },
        cantSplit: true,
        children: [
          new TableCell({ width: { size: nameW, type: WidthType.DXA }, borders: noBorders, children: [namePara(name)] }),
          ...(suffix && i === 0
            ? [
                new TableCell({
                  width: { size: suffixW, type: WidthType.DXA },
                  rowSpan: names.length,
                  verticalAlign: VerticalAlignTable.CENTER,
                  borders: noBorders,
                  children: [
                    new Paragraph({
                      style: STYLE_FIXED,
                      alignment: AlignmentType.RIGHT,
                      spacing: exactSpacing(lineTwips),
                      children: [redRun(layout, suffix, fit)],
                    }),
                  ],
                }),
              ]
            : []),
        ],
      }),
  )
  const table = new Table({
    rows,
    alignment: AlignmentType.CENTER,
    layout: TableLayoutType.FIXED,
    width: { size: nameW + suffixW, type: WidthType.DXA },
    columnWidths: suffix ? [nameW, suffixW] : [nameW],
    borders: {
      top: { style: 'none', size: 0, color: 'auto' },
      bottom: { style: 'none', size: 0, color: 'auto' },
      left: { style: 'none', size: 0, color: 'auto' },
      right: { style: 'none', size: 0, color: 'auto' },
      insideHorizontal: { style: 'none', size: 0, color: 'auto' },
      insideVertical: { style: 'none', size: 0, color: 'auto' },
    },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  })
  return { blocks: [table], lineTwips, sizePt: fit.sizePt, lines: names.length }
}

/**
 * 发文字号 line(s). Downward documents: centred. Upward (请示, 报告): the number flush left indented one
 * character, on the last line of "签发人：" + names (two names a line), right-indented one character.
 */
function numberLines(layout: LayoutProfile, spec: DocumentSpec, anchorRuns: ShapeRun[]): Paragraph[] {
  const c = spec.content
  const pitch = layout.grid.linePitchTwips
  const number = c.docNumber ? [textRun(layout, c.docNumber)] : []
  if (!UPWARD_KINDS.includes(spec.kind)) {
    return [
      new Paragraph({
        style: STYLE_FIXED,
        alignment: AlignmentType.CENTER,
        spacing: exactSpacing(pitch),
        children: [...number, ...anchorRuns],
      }),
    ]
  }
  const ch = bodyCharTwips(layout)
  // Lines and places are the composer's (shared/documents/compose.ts), the preview places the same.
  const sl = signerLines(layout, c.signers)
  if (!sl) {
    return [new Paragraph({ style: STYLE_FIXED, indent: { left: ch }, spacing: exactSpacing(pitch), children: [...number, ...anchorRuns] })]
  }
  // The label ends just before the first column (a right tab there); each name starts at its column's left
  // tab (7.2.4 均匀编排: the same positions on every line).
  const nameX = Math.round(sl.nameX)
  const columns = sl.columnX.map((x) => Math.round(x))
  const lines = sl.lines
  return lines.map((names, i) => {
    const last = i === lines.length - 1
    const children: (TextRun | ShapeRun)[] = [
      ...(last ? number : []),
      ...(i === 0 ? [tabRun(layout), textRun(layout, sl.label)] : []),
      ...names.flatMap((name) => [tabRun(layout), textRun(layout, name, { slot: 'kaiti' })]),
      ...(last ? anchorRuns : []),
    ]
    return new Paragraph({
      style: STYLE_FIXED,
      alignment: AlignmentType.LEFT,
      indent: { left: ch },
      tabStops: [
        ...(i === 0 ? [{ type: TabStopType.RIGHT, position: nameX - SIGNER_LABEL_GAP_TWIPS }] : []),
        ...columns.map((position) => ({ type: TabStopType.LEFT, position })),
      ],
      spacing: exactSpacing(pitch),
      children: children as TextRun[],
    })
  })
}

/**
 * 版头 of 文件格式 and 纪要格式: 份号/密级/紧急程度, masthead top edge 35 mm below the 版心 top, 发文字号 two
 * blank lines below it, the red separator 4 mm below the number, and the space down to the title
 * (two blank lines below the red line).
 */
export function fileHead(layout: LayoutProfile, spec: DocumentSpec): Block[] {
  const c = spec.content
  const pitch = layout.grid.linePitchTwips
  const blocks: Block[] = []
  const head = headElements(spec)
  for (const e of head) {
    blocks.push(
      gridParagraph(layout, {
        alignment: AlignmentType.LEFT,
        children: [textRun(layout, e.text, { slot: e.slot, latinInSlot: e.slot === 'heiti' })],
      }),
    )
  }
  const mastheadTop = mmToTwips(layout.masthead.topBelowTypeAreaMm)
  blocks.push(...spacer(mastheadTop - head.length * pitch))
  const m = mastheadBlock(layout, c.mastheadOrgs, c.mastheadSuffix)
  blocks.push(...m.blocks)
  // From the bottom of the masthead's characters, N blank lines, then the number line.
  const belowEm = m.lineTwips - ptToTwips(m.sizePt)
  blocks.push(...spacer(layout.masthead.blankLinesToNumber * pitch - belowEm))
  const lineY = emBottomInLine(pitch, layout.text.bodySizePt) + mmToTwips(layout.separator.belowNumberMm)
  const weight = layout.separator.weightPt * 20
  const separator = redLine(layout, {
    widthTwips: mmToTwips(layout.separator.widthMm),
    weightPt: layout.separator.weightPt,
    yTwips: lineY + weight / 2,
    relativeTo: 'paragraph',
    name: '红色分隔线',
  })
  blocks.push(...numberLines(layout, spec, [separator]))
  // Title: N blank lines below the red line (measured from the line's lower edge).
  blocks.push(...spacer(lineY + weight + layout.separator.blankLinesToTitle * pitch - pitch))
  return blocks
}

/**
 * 信函格式 letterhead (10.1), drawn in the first page's header so it never moves the text: the name
 * (without 文件) 30 mm below the page top, a red double line (thick over thin) 4 mm below it and one
 * (thin over thick) 20 mm above the page bottom, both 170 mm long and centred on the page (20–190 mm from
 * its left edge), not on the 版心.
 */
export function letterhead(layout: LayoutProfile, spec: DocumentSpec): Paragraph[] {
  const c = spec.content
  const { text, fit, lineTwips } = letterheadGeometry(layout, c)
  const typeW = typeAreaWidthTwips(layout)
  const top = mmToTwips(layout.letter.mastheadTopFromPageMm)
  // A framed paragraph (w:framePr) at an absolute position on the page: Word and LibreOffice both place it
  // exactly (LibreOffice 7.4 misplaces a DrawingML text box in a header).
  const name = new Paragraph({
    style: STYLE_FIXED,
    alignment: AlignmentType.CENTER,
    spacing: exactSpacing(lineTwips),
    frame: {
      type: 'absolute',
      position: { x: 0, y: top },
      width: typeW,
      height: lineTwips,
      anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.PAGE },
      wrap: FrameWrap.NONE,
    },
    children: [redRun(layout, text, fit)],
  })
  // Each double line is two red lines (a compound line style is lost in LibreOffice).
  const { doubleLineWeightPt: band, doubleLineThickPt: thick, doubleLineThinPt: thin } = layout.letter
  const length = mmToTwips(layout.letter.doubleLineLengthMm)
  const rule = (weightPt: number, centreY: number, name: string) =>
    redLine(layout, { widthTwips: length, weightPt, yTwips: centreY, relativeTo: 'page', name, centreOnPage: true })
  const upperTop = top + ptToTwips(fit.sizePt) + mmToTwips(layout.letter.doubleLineBelowMastheadMm)
  const lowerBottom = layout.page.heightTwips - mmToTwips(layout.letter.bottomDoubleLineFromPageBottomMm)
  const lines = [
    rule(thick, upperTop + (thick * 20) / 2, '红色双线（上粗）'),
    rule(thin, upperTop + band * 20 - (thin * 20) / 2, '红色双线（下细）'),
    rule(thin, lowerBottom - band * 20 + (thin * 20) / 2, '红色双线（上细）'),
    rule(thick, lowerBottom - (thick * 20) / 2, '红色双线（下粗）'),
  ]
  return [name, new Paragraph({ style: STYLE_FIXED, spacing: exactSpacing(20), children: lines as unknown as TextRun[] })]
}

/** Page position (twips from the page top) of the first red double line's lower edge in 信函格式. */
export function letterLineBottom(layout: LayoutProfile, spec: DocumentSpec): number {
  const c = spec.content
  const { fit } = letterheadGeometry(layout, c)
  return (
    mmToTwips(layout.letter.mastheadTopFromPageMm) +
    ptToTwips(fit.sizePt) +
    mmToTwips(layout.letter.doubleLineBelowMastheadMm) +
    layout.letter.doubleLineWeightPt * 20
  )
}

/**
 * First lines of a 信函格式 body: 份号/密级/紧急程度 flush left and 发文字号 flush right on the first line,
 * 7/8 of a 3号 character below the first double line; then the space down to the title (two blank lines).
 */
export function letterHead(layout: LayoutProfile, spec: DocumentSpec): Block[] {
  const c = spec.content
  const pitch = layout.grid.linePitchTwips
  const typeW = typeAreaWidthTwips(layout)
  const firstEmTop = letterLineBottom(layout, spec) + layout.letter.numberGapChars * ptToTwips(layout.text.bodySizePt)
  const firstLineTop = firstEmTop - emTopInLine(pitch, layout.text.bodySizePt)
  const blocks: Block[] = [...spacer(firstLineTop - layout.page.marginTopTwips)]
  const head = headElements(spec)
  const lines = Math.max(1, head.length)
  for (let i = 0; i < lines; i++) {
    const e = head[i]
    const children = [
      ...(e ? [textRun(layout, e.text, { slot: e.slot, latinInSlot: e.slot === 'heiti' })] : []),
      ...(i === 0 && c.docNumber ? [tabRun(layout), textRun(layout, c.docNumber)] : []),
    ]
    blocks.push(
      new Paragraph({
        style: STYLE_FIXED,
        spacing: exactSpacing(pitch),
        tabStops: [{ type: TabStopType.RIGHT, position: typeW }],
        children,
      }),
    )
  }
  blocks.push(...spacer(layout.letter.blankLinesToTitle * pitch))
  return blocks
}
