/**
 * 版记 (GB/T 9704-2012 7.4): 抄送机关 and 印发机关/印发日期 in 4号仿宋, indented one character each side,
 * between separator lines as wide as the 版心 (first and last thick 0.35 mm, the middle one thin 0.25 mm),
 * the last line on the bottom edge of the 版心 of the last page.
 *
 * Written as a table floating at the bottom of the margin area, anchored to the document's last
 * paragraph, so it lands at the foot of the last page whatever the length of the text above it.
 * 信函格式 (10.1) has no 印发机关/印发日期 and no separator lines.
 */
import {
  AlignmentType,
  BorderStyle,
  OverlapType,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  WidthType,
} from 'docx'
import type { DocumentSpec } from '../../../../shared/documents/types'
import { typeAreaWidthTwips, type LayoutProfile } from '../../../../shared/documents/layout'
import { imprintBlock } from '../../../../shared/documents/compose'
import { exactSpacing, gridParagraph, STYLE_FIXED, tabRun, textRun } from './runs'

/** Border width in eighths of a point (w:sz) for a rule weight in twips. */
export function borderEighths(weightTwips: number): number {
  return Math.round((weightTwips / 20) * 8)
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' }

/**
 * The composer's 版记 block (shared/documents/compose.ts imprintBlock, the one the preview draws) as a floating
 * table of one column, a row per 版记 row, its rules as cell borders of their weights; then its anchor paragraph.
 * Nothing when the document has no 版记.
 */
export function imprintBlocks(layout: LayoutProfile, spec: DocumentSpec): (Table | Paragraph)[] {
  const block = imprintBlock(layout, spec)
  if (!block) return []
  const im = block.imprint
  const sizePt = im.sizePt
  const side = im.sideTwips
  const width = typeAreaWidthTwips(layout)
  const run = (text: string) => textRun(layout, text, { sizePt, spacing: 0 })
  const border = (weightTwips: number) =>
    weightTwips > 0 ? { style: BorderStyle.SINGLE, size: borderEighths(weightTwips), color: layout.colors.text } : NONE

  const rows = im.rows.map((row) => {
    if (row.kind === 'cc') {
      const headW = Math.round(row.hangingTwips)
      return gridParagraph(
        layout,
        { alignment: AlignmentType.LEFT, indent: { left: side + headW, hanging: headW, right: side }, children: [run(row.text)] },
        'imprint',
      )
    }
    return gridParagraph(
      layout,
      {
        alignment: AlignmentType.LEFT,
        indent: { left: side, right: side },
        tabStops: [{ type: TabStopType.RIGHT, position: width - side }],
        children: [run(row.org), tabRun(layout, { sizePt, spacing: 0 }), run(row.date)],
      },
      'imprint',
    )
  })

  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    // Horizontally placed from the page edge at the left margin: LibreOffice keeps a table as wide as
    // the text area floating only when it is positioned relative to the page.
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: layout.page.marginLeftTwips,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER,
    },
    rows: rows.map(
      (p, i) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              margins: { top: 0, bottom: 0, left: 0, right: 0 },
              borders: {
                top: border(im.rulesAbove[i]),
                bottom: i === rows.length - 1 ? border(im.ruleBelow) : NONE,
                left: NONE,
                right: NONE,
              },
              children: [p],
            }),
          ],
        }),
    ),
  })
  // The paragraph a floating table needs after it (its anchor): as thin as Word allows; the preview counts it.
  return [table, new Paragraph({ style: STYLE_FIXED, spacing: exactSpacing(im.anchorTwips), children: [] })]
}
