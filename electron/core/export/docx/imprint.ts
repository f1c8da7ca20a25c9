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
import { IMPRINT_ANCHOR_TWIPS } from '../../../../shared/documents/typeset'
import { imprintRows } from '../../../../shared/documents/compose'
import { exactSpacing, gridParagraph, STYLE_FIXED, tabRun, textRun } from './runs'

/** Border width in eighths of a point (w:sz) for a line weight in millimetres. */
export function borderEighths(mm: number): number {
  return Math.round((mm / 25.4) * 72 * 8)
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' }

export function imprintBlocks(layout: LayoutProfile, spec: DocumentSpec): (Table | Paragraph)[] {
  const c = spec.content
  const letter = spec.format === 'letter'
  const sizePt = layout.text.imprintSizePt
  const side = imprintRows(layout, c, letter).sideTwips
  const width = typeAreaWidthTwips(layout)
  const run = (text: string) => textRun(layout, text, { sizePt, spacing: 0 })
  const thick = { style: BorderStyle.SINGLE, size: borderEighths(layout.imprint.thickLineMm), color: layout.colors.text }
  const thin = { style: BorderStyle.SINGLE, size: borderEighths(layout.imprint.thinLineMm), color: layout.colors.text }

  const rows: Paragraph[] = []
  // Texts and indents are the composer's (shared/documents/compose.ts), the preview sets the same.
  const r = imprintRows(layout, c, letter)
  if (r.cc) {
    const headW = Math.round(r.cc.hangingTwips)
    rows.push(
      gridParagraph(
        layout,
        {
          alignment: AlignmentType.LEFT,
          indent: { left: side + headW, hanging: headW, right: side },
          children: [run(r.cc.text)],
        },
        'imprint',
      ),
    )
  }
  if (r.printing) {
    rows.push(
      gridParagraph(
        layout,
        {
          alignment: AlignmentType.LEFT,
          indent: { left: side, right: side },
          tabStops: [{ type: TabStopType.RIGHT, position: width - side }],
          children: [run(r.printing.org), tabRun(layout, { sizePt, spacing: 0 }), run(r.printing.date)],
        },
        'imprint',
      ),
    )
  }
  if (rows.length === 0) return []

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
              borders: letter
                ? { top: NONE, bottom: NONE, left: NONE, right: NONE }
                : { top: i === 0 ? thick : thin, bottom: i === rows.length - 1 ? thick : NONE, left: NONE, right: NONE },
              children: [p],
            }),
          ],
        }),
    ),
  })
  // The paragraph a floating table needs after it (its anchor): as thin as Word allows.
  // The preview counts it (IMPRINT_ANCHOR_TWIPS) when it decides whether the 版记 fits under the text.
  return [table, new Paragraph({ style: STYLE_FIXED, spacing: exactSpacing(IMPRINT_ANCHOR_TWIPS), children: [] })]
}
