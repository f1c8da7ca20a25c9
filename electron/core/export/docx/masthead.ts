/**
 * 版头 (GB/T 9704-2012 7.2) as Word holds the composer's blocks (shared/documents/composeHead.ts): the red masthead
 * (发文机关标志), 发文字号 with 签发人 for upward documents, and the red separator; the letterhead of 信函格式 (10.1).
 *
 * Everything above the title sits at the distances the composer computed from the top of the 版心: spacer
 * paragraphs of exact height put each line where the standard says (see metrics.ts for where characters sit).
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
import { bodyCharTwips, typeAreaWidthTwips, type LayoutProfile } from '../../../../shared/documents/layout'
import { SIGNER_LABEL_GAP_TWIPS } from '../../../../shared/documents/compose'
import type { MastheadSpec, PrintBlock, RuleGeometry } from '../../../../shared/print/blocks'
import { fitMasthead, type MastheadFit } from '../../../../shared/documents/typeMetrics'
import { twipsToEmu, twipsToPx } from './metrics'
import { blockRuns, exactSpacing, paragraphStyle, spacer, STYLE_FIXED, tabRun, textRun } from './runs'

const MASTHEAD_STYLE = paragraphStyle('masthead', false)
const NUMBER_STYLE = paragraphStyle('docNumber', false)

type Block = Paragraph | Table

// The masthead fit rule lives in shared/ (the preview sizes the masthead the same way).
export { fitMasthead, type MastheadFit }

function redRun(layout: LayoutProfile, text: string, fit: MastheadFit) {
  return textRun(layout, text, { slot: 'title', sizePt: fit.sizePt, spacing: 0, color: layout.colors.red, scale: fit.scale })
}

/**
 * A rule as the composer places it (shared/print/blocks.ts RuleGeometry: colour, weight, length, left edge from
 * the 版心, top edge from its line or the page) drawn as a floating line shape: positioned vertically from its
 * anchor paragraph (the line it belongs to) or the page at the line's centre, horizontally from the margin or,
 * for a rule placed on the page (the 信函格式 double lines, centred on the page), from the page's edge.
 */
export function ruleShape(layout: LayoutProfile, g: RuleGeometry, name: string): ShapeRun {
  const onPage = g.from === 'page'
  return new ShapeRun({
    type: 'line',
    transformation: { width: twipsToPx(g.widthTwips), height: 0 },
    line: { color: g.color === 'red' ? layout.colors.red : layout.colors.text, width: g.weightTwips / 20 },
    altText: { name, description: name },
    floating: {
      horizontalPosition: onPage
        ? { relative: HorizontalPositionRelativeFrom.PAGE, offset: twipsToEmu(layout.page.marginLeftTwips + g.xTwips) }
        : { relative: HorizontalPositionRelativeFrom.MARGIN, offset: twipsToEmu(g.xTwips) },
      verticalPosition: {
        relative: onPage ? VerticalPositionRelativeFrom.PAGE : VerticalPositionRelativeFrom.PARAGRAPH,
        offset: twipsToEmu(g.yTwips + g.weightTwips / 2),
      },
      wrap: { type: TextWrappingType.NONE },
      allowOverlap: true,
      lockAnchor: true,
      behindDocument: false,
    },
  })
}

/** The masthead (a composer's MastheadSpec): one line, or for joint issuance the names stacked with the suffix (文件) to their right. */
function mastheadBlock(layout: LayoutProfile, g: MastheadSpec): Block[] {
  const { names, fit, lineTwips, nameW, suffixW, suffix } = g
  if (!g.joint) {
    const text = g.text
    const p = new Paragraph({
      style: MASTHEAD_STYLE,
      alignment: AlignmentType.CENTER,
      spacing: exactSpacing(lineTwips),
      children: text ? [redRun(layout, text, fit)] : [],
    })
    return [p]
  }
  // Joint issuance (7.2.3): host first; names justified to one width, the suffix centred beside them.
  const namePara = (name: string) =>
    new Paragraph({
      style: MASTHEAD_STYLE,
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
                      style: MASTHEAD_STYLE,
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
  return [table]
}

/**
 * 发文字号 line(s). Downward documents: centred. Upward (请示, 报告): the number flush left indented one
 * character, on the last line of "签发人：" + names (two names a line), right-indented one character.
 */
function numberLines(layout: LayoutProfile, b: Extract<PrintBlock, { kind: 'docNumberLines' }>, anchorRuns: ShapeRun[]): Paragraph[] {
  const pitch = layout.grid.linePitchTwips
  const number = b.docNumber ? [textRun(layout, b.docNumber)] : []
  if (!b.upward) {
    return [
      new Paragraph({
        style: NUMBER_STYLE,
        alignment: AlignmentType.CENTER,
        spacing: exactSpacing(pitch),
        children: [...number, ...anchorRuns],
      }),
    ]
  }
  const ch = bodyCharTwips(layout)
  // Lines and places are the composer's (shared/documents/compose.ts signerLines), the preview places the same.
  const sl = b.signers
  if (!sl) {
    return [
      new Paragraph({
        style: NUMBER_STYLE,
        alignment: AlignmentType.LEFT,
        indent: { left: ch },
        spacing: exactSpacing(pitch),
        children: [...number, ...anchorRuns],
      }),
    ]
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
      style: NUMBER_STYLE,
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
 * A block of the composer's 版头 (shared/documents/composeHead.ts) as Word holds it, or null for a block of
 * another kind (serializeBlocks writes those): a spacer paragraph of exact height for each computed distance, the
 * masthead (a borderless table for joint issuance), the 发文字号 line(s) with the red separator anchored in the
 * last, the 信函格式 letterhead (a framed paragraph and the double lines, for the first page's header) and the
 * letter's first lines (份号 … flush left, 发文字号 at a right tab on the 版心's edge).
 */
export function headBlock(layout: LayoutProfile, b: PrintBlock): Block[] | null {
  const pitch = layout.grid.linePitchTwips
  switch (b.kind) {
    case 'spacer':
      return spacer(b.twips)
    case 'masthead':
      return mastheadBlock(layout, b.masthead)
    case 'docNumberLines':
      return numberLines(layout, b, [ruleShape(layout, b.separator, '红色分隔线')])
    case 'letterhead':
      return letterhead(layout, b)
    case 'letterLine': {
      const children = [
        ...(b.head ? blockRuns(layout, b.head) : []),
        ...(b.docNumber ? [tabRun(layout), textRun(layout, b.docNumber)] : []),
      ]
      return [
        new Paragraph({
          // The line's first element names its style (份号 …, or 发文字号 alone), off the grid: it sits below the double line.
          style: paragraphStyle(b.head ? b.head.role : 'docNumber', true),
          alignment: AlignmentType.LEFT,
          spacing: exactSpacing(pitch),
          tabStops: [{ type: TabStopType.RIGHT, position: typeAreaWidthTwips(layout) }],
          children,
        }),
      ]
    }
    default:
      return null
  }
}

/**
 * 信函格式 letterhead (10.1), drawn in the first page's header so it never moves the text: the name
 * (without 文件) 30 mm below the page top, a red double line (thick over thin) 4 mm below it and one
 * (thin over thick) 20 mm above the page bottom, both 170 mm long and centred on the page (20–190 mm from
 * its left edge), not on the 版心.
 */
function letterhead(layout: LayoutProfile, b: Extract<PrintBlock, { kind: 'letterhead' }>): Paragraph[] {
  const typeW = typeAreaWidthTwips(layout)
  // A framed paragraph (w:framePr) at an absolute position on the page: Word and LibreOffice both place it
  // exactly (LibreOffice 7.4 misplaces a DrawingML text box in a header).
  const name = new Paragraph({
    style: MASTHEAD_STYLE,
    alignment: AlignmentType.CENTER,
    spacing: exactSpacing(b.lineTwips),
    frame: {
      type: 'absolute',
      position: { x: 0, y: b.topTwips },
      width: typeW,
      height: b.lineTwips,
      anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.PAGE },
      wrap: FrameWrap.NONE,
    },
    children: [redRun(layout, b.text, b.fit)],
  })
  // The double lines where the composer puts them (each a thick and a thin line: a compound line is lost in LibreOffice).
  const names = ['红色双线（上粗）', '红色双线（下细）', '红色双线（上细）', '红色双线（下粗）']
  const lines = b.rules.map((r, i) => ruleShape(layout, r.geometry, names[i]))
  return [name, new Paragraph({ style: STYLE_FIXED, spacing: exactSpacing(20), children: lines as unknown as TextRun[] })]
}
