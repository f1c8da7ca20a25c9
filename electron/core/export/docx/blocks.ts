/**
 * Tables and images of the block model (shared/print/blocks.ts) written to .docx from the same geometry the
 * paginator draws in the preview (shared/print/table.ts): column widths in twips, cell padding, rows as
 * many grid lines as their tallest cell (exactly that height: LibreOffice adds the border width to a
 * row of "at least" height, and a table of 20 rows would end 3 mm lower than the preview), header rows
 * repeated on every page (w:tblHeader), rows never split (w:cantSplit); an image floating, centred, over an
 * empty paragraph of whole grid lines, with its caption below it. Every paragraph takes the named style of its role (roles.ts), so a
 * Word user finds 表格标题, 表格表头, 表格文字, 图片, 图片标题 in the style list.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  HorizontalPositionAlign,
  HorizontalPositionRelativeFrom,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextWrappingType,
  VerticalAlign,
  VerticalPositionRelativeFrom,
  WidthType,
} from 'docx'
import { typeAreaWidthTwips, mmToTwips, type LayoutProfile } from '../../../../shared/documents/layout'
import { base64Bytes, type ImageSpec, type TableSpec } from '../../../../shared/print/blocks'
import { ROLE_TABLE, type PrintTextRole } from '../../../../shared/print/roles'
import { CELL_PADDING_TWIPS, cellLines, columnTwips, imageLine, rowLineCount, TABLE_BORDER_EIGHTHS } from '../../../../shared/print/table'
import { exactSpacing, paragraphStyle, STYLE_FIXED, textRun } from './runs'
import { twipsToEmu, twipsToPx } from './metrics'

/** Paragraph style of the figure line (the image itself). */
export const STYLE_FIGURE = 'GwFigure'

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const

/** A paragraph of `role` (its named style, font slot and alignment from the role table), on one grid pitch per line. */
function roleParagraph(
  layout: LayoutProfile,
  role: PrintTextRole,
  text: string,
  options: { keepNext?: boolean; align?: keyof typeof ALIGN; pageBreakBefore?: boolean } = {},
): Paragraph {
  const r = ROLE_TABLE[role]
  return new Paragraph({
    style: paragraphStyle(role, true),
    alignment: ALIGN[options.align ?? r.align],
    spacing: exactSpacing(layout.grid.linePitchTwips),
    ...((options.keepNext ?? r.keepNext) ? { keepNext: true } : {}),
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    children: text ? [textRun(layout, text, { slot: r.font, ...(r.latinInSlot ? { latinInSlot: true } : {}) })] : [],
  })
}

/** A table block: its caption (表题, kept with the table) and the table. */
/** `breakBefore`: the table opens a new page (its caption takes the page break, or a thin paragraph before it). */
export function tableBlocks(layout: LayoutProfile, spec: TableSpec, caption: string, breakBefore = false): (Paragraph | Table)[] {
  const widths = columnTwips(layout, spec, typeAreaWidthTwips(layout))
  const total = widths.reduce((a, b) => a + b, 0)
  const head = Math.min(spec.headerRows, spec.rows.length - 1)
  const line = { style: BorderStyle.SINGLE, size: TABLE_BORDER_EIGHTHS, color: layout.colors.text }
  const pitch = layout.grid.linePitchTwips
  const borderTwips = (TABLE_BORDER_EIGHTHS / 8) * 20
  const table = new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { top: 0, bottom: 0, left: CELL_PADDING_TWIPS, right: CELL_PADDING_TWIPS },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: spec.rows.map((row, r) => {
      const header = r < head
      const role: PrintTextRole = header ? 'tableHeader' : 'tableCell'
      return new TableRow({
        tableHeader: header,
        cantSplit: true,
        // The last row gives up the bottom border's width, which LibreOffice adds below the table: what follows
        // the table stays on the grid line the preview puts it on.
        height: {
          value: rowLineCount(layout, row, widths) * pitch - (r === spec.rows.length - 1 ? borderTwips : 0),
          rule: HeightRule.EXACT,
        },
        children: row.map(
          (text, c) =>
            new TableCell({
              width: { size: widths[c], type: WidthType.DXA },
              verticalAlign: VerticalAlign.TOP,
              // Header rows kept with the first body row; every cell paragraph one grid pitch a line.
              children: text
                .split(/\r?\n/)
                .map((p) => roleParagraph(layout, role, p, { keepNext: header, align: header ? 'center' : (spec.align?.[c] ?? 'left') })),
            }),
        ),
      })
    }),
  })
  const opening = caption.trim()
    ? [roleParagraph(layout, 'tableCaption', caption.trim(), { pageBreakBefore: breakBefore })]
    : breakBefore
      ? [new Paragraph({ style: STYLE_FIXED, spacing: exactSpacing(20), pageBreakBefore: true, children: [] })]
      : []
  return [...opening, table]
}

/** A 1 × 1 transparent PNG: the raster fallback Word requires beside an SVG when the block brings none (ImageSpec.fallbackPng). */
const BLANK_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

/** An image block: the image floating, centred, over an empty paragraph of whole grid lines (kept with its caption), and the caption (图题). */
export function imageBlocks(layout: LayoutProfile, spec: ImageSpec, caption: string, breakBefore = false): Paragraph[] {
  const { lineTwips, imageTopTwips } = imageLine(layout, spec)
  const transformation = { width: twipsToPx(mmToTwips(spec.widthMm)), height: twipsToPx(mmToTwips(spec.heightMm)) }
  const floating = {
    horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, align: HorizontalPositionAlign.CENTER },
    verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: twipsToEmu(imageTopTwips) },
    wrap: { type: TextWrappingType.NONE },
    allowOverlap: true,
    lockAnchor: true,
    behindDocument: false,
  }
  const data = base64Bytes(spec.data)
  const altText = { name: caption.trim() || '图片', description: caption.trim() || '图片' }
  const image =
    spec.format === 'svg'
      ? new ImageRun({
          type: 'svg',
          data,
          fallback: { type: 'png', data: base64Bytes(spec.fallbackPng ?? BLANK_PNG) },
          transformation,
          floating,
          altText,
        })
      : new ImageRun({ type: 'png', data, transformation, floating, altText })
  const hasCaption = caption.trim() !== ''
  return [
    new Paragraph({
      style: STYLE_FIGURE,
      alignment: AlignmentType.CENTER,
      spacing: exactSpacing(lineTwips),
      ...(hasCaption ? { keepNext: true } : {}),
      ...(breakBefore ? { pageBreakBefore: true } : {}),
      children: [image],
    }),
    ...(hasCaption ? [roleParagraph(layout, 'figureCaption', caption.trim())] : []),
  ]
}

/** Lines of a cell as the preview wraps them (for tests comparing with the rendered page). */
export { cellLines }
