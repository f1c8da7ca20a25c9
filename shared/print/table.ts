/**
 * Geometry of tables and images on the line grid, shared by the paginator (paginate.ts, the preview) and the
 * .docx writer (electron/core/export/docx/blocks.ts): column widths, cell padding, how a cell's text wraps
 * and so how many grid lines a row takes, and the height of an image's line. Pure.
 */
import { gapChars, charTwips, textWidthTwips } from './measure'
import { wrapChars } from './lineBreak'
import { mmToTwips, runMetrics, type LayoutProfile } from '../documents/layout'
import type { ImageSpec, TableSpec } from './blocks'

/** Left and right padding inside a cell, twips (Word's default cell margin, 0.19 cm). */
export const CELL_PADDING_TWIPS = 108

/** Width of the table borders, eighths of a point (w:sz): 0.5 pt. */
export const TABLE_BORDER_EIGHTHS = 4

/**
 * Column widths in twips: `{ chars }` in 3号 body characters (315 twips each with the profile's spacing),
 * `{ mm }` in millimetres, `{ auto }` sharing what is left of `availableTwips` (the 版心 width) equally.
 * When the fixed widths exceed the space, all columns shrink in proportion. Whole twips, summing to the
 * table width (at most `availableTwips`).
 */
export function columnTwips(layout: LayoutProfile, table: TableSpec, availableTwips: number): number[] {
  const ch = charTwips(runMetrics(layout))
  const fixed = table.columns.map((c) => ('chars' in c ? c.chars * ch : 'mm' in c ? mmToTwips(c.mm) : 0))
  const autos = table.columns.filter((c) => 'auto' in c).length
  const fixedSum = fixed.reduce((a, b) => a + b, 0)
  let widths: number[]
  if (autos > 0) {
    const share = Math.max(0, availableTwips - fixedSum) / autos
    widths = table.columns.map((c, i) => ('auto' in c ? share : fixed[i]))
  } else widths = fixed
  const total = widths.reduce((a, b) => a + b, 0)
  if (total > availableTwips) widths = widths.map((w) => (w * availableTwips) / total)
  return widths.map((w) => Math.floor(w))
}

/** Lines of one cell's text wrapped to the column (padding off both sides), at 3号 with the profile's spacing. */
export function cellLines(layout: LayoutProfile, text: string, columnWidthTwips: number): string[] {
  const run = runMetrics(layout)
  const capacity = Math.max(1, (columnWidthTwips - 2 * CELL_PADDING_TWIPS) / charTwips(run))
  const paragraphs = text.split(/\r?\n/)
  return paragraphs.flatMap((p) => (p === '' ? [''] : wrapChars([...p], () => capacity, gapChars(run)).map((l) => l.join(''))))
}

/** Grid lines a row takes: its tallest cell. */
export function rowLineCount(layout: LayoutProfile, row: string[], widths: number[]): number {
  return Math.max(1, ...row.map((t, i) => cellLines(layout, t, widths[i]).length))
}

/** Width of a cell line as drawn (for centring and right alignment checks). */
export function cellTextWidth(layout: LayoutProfile, text: string): number {
  return textWidthTwips(text, runMetrics(layout))
}

/**
 * The space an image takes: whole grid lines (an empty exact-height paragraph in the .docx, which anchors the
 * image floating over it), the image centred vertically in them, so what follows stays on the grid and
 * neither Word nor LibreOffice clips or shifts it. Returns the height, the line count and the image's top
 * below the top of that space, twips.
 */
export function imageLine(layout: LayoutProfile, image: ImageSpec): { lineTwips: number; lines: number; imageTopTwips: number } {
  const pitch = layout.grid.linePitchTwips
  const h = mmToTwips(image.heightMm)
  const lines = Math.max(1, Math.ceil(h / pitch))
  const lineTwips = lines * pitch
  return { lineTwips, lines, imageTopTwips: (lineTwips - h) / 2 }
}
