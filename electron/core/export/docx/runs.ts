/**
 * Text runs and the basic paragraphs every element is made of.
 *
 * Every run names a font per slot (ascii/hAnsi/cs Latin, eastAsia from the font profile) with
 * w:hint="eastAsia" and the zh-CN East Asian language, so “ ” — … stay full-width in the CJK face.
 */
import { AlignmentType, LineRuleType, Paragraph, Tab, TextRun, type IParagraphOptions, type IRunOptions } from 'docx'
import { fontFor, FONT_PROFILES, type FontSlot, type LayoutProfile } from '../../../../shared/documents/layout'
import { ROLE_TABLE, roleSizePt, type PrintTextRole } from '../../../../shared/print/roles'

/** Paragraph style ids defined in styles.ts. */
export const STYLE_BODY = 'Normal'
/** Paragraphs placed at computed positions: exact heights, never snapped to the line grid. */
export const STYLE_FIXED = 'GwFixed'

export interface RunStyle {
  slot?: FontSlot
  sizePt?: number
  /** Character spacing in twentieths of a point; defaults to the profile's for 3号 text, 0 otherwise. */
  spacing?: number
  color?: string
  /** Horizontal glyph scale in percent (w:w). */
  scale?: number
  /** Use the slot's face for Latin letters and digits too (page numbers: 半角宋体阿拉伯数字). */
  latinInSlot?: boolean
}

export function runFonts(layout: LayoutProfile, slot: FontSlot, latinInSlot = false) {
  const face = fontFor(layout, slot)
  const latin = latinInSlot ? face : FONT_PROFILES[layout.fontProfile].latin
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia: face, hint: 'eastAsia' }
}

/** Run properties for a style (shared by text runs and field runs). */
export function runProps(layout: LayoutProfile, style: RunStyle = {}): IRunOptions {
  const sizePt = style.sizePt ?? layout.text.bodySizePt
  const spacing = style.spacing ?? (sizePt === layout.text.bodySizePt ? layout.text.characterSpacing : 0)
  return {
    font: runFonts(layout, style.slot ?? 'fangsong', style.latinInSlot),
    size: sizePt * 2,
    color: style.color ?? layout.colors.text,
    ...(spacing !== 0 ? { characterSpacing: spacing } : {}),
    ...(style.scale !== undefined && style.scale !== 100 ? { scale: style.scale } : {}),
    language: { value: 'en-US', eastAsia: 'zh-CN' },
  }
}

export function textRun(layout: LayoutProfile, text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ ...runProps(layout, style), text })
}

/**
 * The runs of a paragraph block of the composer (shared/print/blocks.ts: 份号 …, 附件 labels): each in its font
 * slot or the role's, at the role's size (roles.ts), digits in the slot where the role says, red where it is.
 */
export function blockRuns(layout: LayoutProfile, b: { role: PrintTextRole; runs: { text: string; font?: FontSlot }[] }): TextRun[] {
  const r = ROLE_TABLE[b.role]
  return b.runs.map((run) =>
    textRun(layout, run.text, {
      slot: run.font ?? r.font,
      sizePt: roleSizePt(layout, b.role),
      ...(r.color === 'red' ? { color: layout.colors.red } : {}),
      ...(r.latinInSlot ? { latinInSlot: true } : {}),
    }),
  )
}

/** A tab character (w:tab) in a run of the given style. */
export function tabRun(layout: LayoutProfile, style: RunStyle = {}): TextRun {
  return new TextRun({ ...runProps(layout, style), children: [new Tab()] })
}

/** One exact line spacing (w:lineRule="exact"), no space before or after. */
export function exactSpacing(lineTwips: number) {
  return { line: Math.round(lineTwips), lineRule: LineRuleType.EXACT, before: 0, after: 0 }
}

/** Marks a layout whose 3号 lines are set at a pitch other than the document grid's (see tightenedLayout). */
const OFF_GRID = Symbol('offGrid')
type MaybeOffGrid = LayoutProfile & { [OFF_GRID]?: true }

/**
 * The layout for lines set at a tighter exact pitch than the grid (GB/T 9704 7.3.5.4, decided by
 * shared/documents/pageFit.ts): its paragraphs take the pitch and stay off the line grid (GwFixed style,
 * snapToGrid off), or LibreOffice would round each line up to a whole grid line again. The mark survives
 * spreading ({ ...layout, signature }) since object spread copies symbol keys.
 */
export function tightenedLayout(layout: LayoutProfile, pitchTwips: number): LayoutProfile {
  const tight: MaybeOffGrid = { ...layout, grid: { ...layout.grid, linePitchTwips: pitchTwips } }
  tight[OFF_GRID] = true
  return tight
}

/**
 * Suffix of a paragraph style id meaning "this role's style, but off the line grid" (tightened lines, a letter's
 * 份号 line, every paragraph of a report): finishPackage (fontTable.ts offGridParagraphs) writes the role's own
 * style id and a direct w:snapToGrid off, which the docx library cannot express. A Word user sees one style per
 * role whatever the pitch.
 */
export const OFF_GRID_MARK = '--offGrid'

/**
 * The paragraph style of `role` (its named style from the role table, shared/print/roles.ts), off the grid when
 * `offGrid` and the style itself is on it; without a role: Normal, or GwFixed off the grid (blank lines, spacers).
 */
export function paragraphStyle(role: PrintTextRole | undefined, offGrid: boolean): string {
  if (!role) return offGrid ? STYLE_FIXED : STYLE_BODY
  const r = ROLE_TABLE[role]
  return offGrid && r.onGrid ? r.docxStyle.id + OFF_GRID_MARK : r.docxStyle.id
}

/** Is `layout` a tightened one (its lines off the document grid, see tightenedLayout)? */
export function isOffGrid(layout: LayoutProfile): boolean {
  return (layout as MaybeOffGrid)[OFF_GRID] === true
}

/**
 * A paragraph on the 3号 line grid: exact line pitch of the profile, in the named style of `role` (Normal
 * without one); off the grid in a tightened layout.
 */
export function gridParagraph(layout: LayoutProfile, options: IParagraphOptions = {}, role?: PrintTextRole): Paragraph {
  return new Paragraph({ style: paragraphStyle(role, isOffGrid(layout)), ...options, spacing: exactSpacing(layout.grid.linePitchTwips) })
}

/** `count` empty lines of the grid (空一行, 空二行 …). */
export function blankLines(layout: LayoutProfile, count: number, keepNext = false): Paragraph[] {
  return Array.from({ length: Math.max(0, count) }, () => gridParagraph(layout, keepNext ? { keepNext } : {}))
}

/** An empty paragraph exactly `twips` high that moves what follows to a computed position. */
export function spacer(twips: number): Paragraph[] {
  const h = Math.round(twips)
  // Word's smallest exact line is about 1 pt; a thinner gap is not worth a paragraph.
  return h >= 20 ? [new Paragraph({ style: STYLE_FIXED, spacing: exactSpacing(h), children: [] })] : []
}

/** A body paragraph (正文 or a heading, `role`): first line indented, exact line pitch, 3号 in the given slot. */
export function bodyParagraph(
  layout: LayoutProfile,
  children: TextRun[],
  options: IParagraphOptions = {},
  role: PrintTextRole = 'body',
): Paragraph {
  return gridParagraph(layout, { alignment: AlignmentType.JUSTIFIED, ...options, children }, role)
}
