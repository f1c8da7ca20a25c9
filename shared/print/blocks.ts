/**
 * The block model: what a composer (shared/documents/typeset.ts for a 公文; a report's composer next) hands to
 * the paginator (paginate.ts) and the .docx writer (electron/core/export/docx/). Plain JSON-able data, so a
 * stored document body can hold tables and images (shared/documents/types.ts BodyBlock). Pure types and
 * small helpers; geometry in table.ts / image.ts.
 */
import type { PrintRuleRole, PrintTextRole } from './roles'
import type { FontSlot } from '../documents/layout'
import type { PageNumberFurniture } from './pageNumbers'

/** A column's width: in characters of 3号 body text (字), in millimetres, or a share of what is left. */
export type ColumnWidth = { chars: number } | { mm: number } | { auto: true }

/**
 * A table (表格): `headerRows` rows at the top repeat on every page the table runs onto; no row is split
 * across pages; cell text in the tableHeader / tableCell roles (roles.ts), one paragraph per cell.
 */
export interface TableSpec {
  columns: ColumnWidth[]
  /** Rows at the top that form the header (repeated after a page break); 0 = none. */
  headerRows: number
  /** Cell texts, row by row; every row has one text per column. */
  rows: string[][]
  /** Horizontal alignment per column of the body cells (header cells are centred); default left. */
  align?: ('left' | 'center' | 'right')[]
}

/** An image: PNG or SVG bytes (base64, no data: prefix) printed at `widthMm` × `heightMm`, centred. */
export interface ImageSpec {
  format: 'png' | 'svg'
  /** The file's bytes, base64. */
  data: string
  widthMm: number
  heightMm: number
  /**
   * SVG only: the same picture as PNG (base64), which Word before 2016, WPS and LibreOffice print instead of
   * the SVG (they do not draw the svgBlip); without it they show nothing. The renderer can make it with a
   * canvas; Word 2016 and later and the preview draw the SVG.
   */
  fallbackPng?: string
}

/**
 * Where a rule sits and how it looks, decided by the composer (shared/documents/compose.ts for the 公文's red
 * separator and 信函 double lines): colour, weight and length, its left edge from the 版心's left edge (negative:
 * into the margin) and its top edge from the top of the line it belongs to (`from: 'line'`) or of the page.
 * Twips. The preview draws it (paginate.ts Typesetter.placedRule), the .docx writes it as a floating line shape.
 */
export interface RuleGeometry {
  color: 'red' | 'text'
  weightTwips: number
  widthTwips: number
  xTwips: number
  yTwips: number
  from: 'line' | 'page'
}

/** A rule block with its geometry. */
export type PlacedRule = { kind: 'rule'; role: PrintRuleRole; geometry: RuleGeometry }

/**
 * A rule block's geometry: its own, or a rule on a line of its own across the 版心 of `typeWidthTwips`, 1 pt,
 * at the middle of a line `lineTwips` high; red but for the 版记's and tables' black lines.
 */
export function ruleGeometry(b: { role: PrintRuleRole; geometry?: RuleGeometry }, typeWidthTwips: number, lineTwips: number): RuleGeometry {
  return (
    b.geometry ?? {
      color: b.role === 'imprintLine' || b.role === 'tableBorder' ? 'text' : 'red',
      weightTwips: 20,
      widthTwips: typeWidthTwips,
      xTwips: 0,
      yTwips: lineTwips / 2,
      from: 'line',
    }
  )
}

/** A row of the 版记: 抄送 (wrapped lines under the first name, `hangingTwips` the width of "抄送："), or 印发机关 | 印发日期. */
export type ImprintRowSpec = { kind: 'cc'; text: string; hangingTwips: number } | { kind: 'printing'; org: string; date: string }

/**
 * The 版记 (GB/T 9704 7.4) as the composer decides it (shared/documents/compose.ts imprintBlock): its rows in the
 * imprint role (4号仿宋), indented `sideTwips` each side, the rule above each row and the one below the last
 * (on the 版心's bottom edge) with their weights; floated to the foot of the last page by the preview
 * (elements.ts imprint) and by the .docx writer (a floating table, docx/imprint.ts). Twips.
 */
export interface ImprintSpec {
  sizePt: number
  sideTwips: number
  rows: ImprintRowSpec[]
  /** Weight of the rule above each row (the first thick, the others thin; 0: none, 信函格式), twips. */
  rulesAbove: number[]
  /** Weight of the rule below the last row, on the 版心's bottom edge (0: none), twips. */
  ruleBelow: number
  /** Height of the thin paragraph a floating table needs after it in a .docx (its anchor); the preview counts it. */
  anchorTwips: number
}

/** A run of text in one font slot (the role's slot when absent). */
export interface BlockRun {
  text: string
  font?: FontSlot
}

/**
 * Where a composer places a paragraph, when the role's defaults (roles.ts: alignment, indent in characters) are
 * not what the element needs — a 公文's 附件说明 hangs under its name, a 标题 has its lines broken at word
 * boundaries. Twips from the 版心's edges; every field optional.
 */
export interface ParagraphPlacement {
  align?: 'left' | 'center' | 'right' | 'justify'
  leftTwips?: number
  rightTwips?: number
  /** First-line indent (positive) or hanging indent (negative). */
  firstLineTwips?: number
  /**
   * The lines as the composer broke them (标题, 7.3.1: at word boundaries), each with its character spacing in
   * twentieths of a point (≤ 0, condensed to fit); the paragraph's runs are then unused and nothing is wrapped.
   */
  lines?: { text: string; spacingTwips: number }[]
  /** An exact line pitch other than the grid's (the tightened page where 正文 ends, GB/T 9704 7.3.5.4). */
  pitchTwips?: number
  /** The paragraph is never split across pages (a standalone heading, 7.3.3). */
  keepLines?: boolean
  /** Widow/orphan control: the last 正文 paragraph carries its last two lines along with the 署名 (7.3.5.4). */
  widowControl?: boolean
}

/** A text placed by the composer on its line: left edge from the 版心's left edge, right edge from its right edge, twips. */
export interface LinePart {
  text: string
  leftTwips: number
  rightTwips: number
}

/**
 * 发文机关标志 (GB/T 9704 7.2.3) as the composer fits it (shared/documents/compose.ts mastheadGeometry): one red line
 * `text`, or for joint issuance the `names` stacked and justified to `nameW` with `suffix` beside them (`suffixW`);
 * each line `lineTwips` high, in 小标宋 at `fit` (size in pt, horizontal scale in %). Twips.
 */
export interface MastheadSpec {
  joint: boolean
  text: string
  names: string[]
  suffix: string
  fit: { sizePt: number; scale: number }
  lineTwips: number
  nameW: number
  suffixW: number
}

/**
 * 签发人 of a 上行文 (7.2.4) as the composer places them (compose.ts signerLines): the names per line, where the label,
 * the names' first column and each column start, and the right edge, twips from the 版心's left edge.
 */
export interface SignerColumns {
  lines: string[][]
  label: string
  labelX: number
  nameX: number
  columnX: number[]
  rightEdge: number
}

/** The typed blocks of the model. */
export type PrintBlock =
  | ({ kind: 'paragraph'; role: PrintTextRole; runs: BlockRun[]; keepNext?: boolean; pageBreakBefore?: boolean } & ParagraphPlacement)
  /** Empty lines (空一行 …), at the grid's pitch or `pitchTwips`; `keepNext` chains what is above to what follows. */
  | { kind: 'blank'; lines: number; keepNext?: boolean; pageBreakBefore?: boolean; pitchTwips?: number }
  /**
   * One line of texts at computed places (署名 and 成文日期, 7.3.5: one 署名 over the date, several side by side):
   * `anchor` says which edge a single part is held by (right: a right indent; left: a left indent); several parts
   * stand at their left edges (tab stops in the .docx). No parts: an empty line (room for the seals). 仿宋, 3号.
   */
  | {
      kind: 'placedLine'
      role?: 'signature' | 'date'
      parts: LinePart[]
      anchor: 'left' | 'right'
      keepNext?: boolean
      pageBreakBefore?: boolean
      pitchTwips?: number
    }
  | { kind: 'rule'; role: PrintRuleRole; geometry?: RuleGeometry }
  /** A table with its caption (表题, above it, kept with it; '' = none). */
  | { kind: 'table'; caption: string; table: TableSpec; pageBreakBefore?: boolean }
  /** An image with its caption (图题, below it; '' = none). */
  | { kind: 'image'; caption: string; image: ImageSpec; pageBreakBefore?: boolean }
  | { kind: 'pageBreak' }
  | { kind: 'sectionBreak'; numbered: boolean }
  /** The 版记 of a 公文, floated to the foot of the last (even) page (GB/T 9704 7.4). */
  | { kind: 'floatingImprint'; imprint: ImprintSpec }
  /** Page-number furniture (7.5) for the pages that follow; default: pageNumbers.ts pageNumberFurniture(layout). */
  | { kind: 'pageNumbers'; furniture: PageNumberFurniture }
  // The 版头 of a 公文 (GB/T 9704 7.2, 10.1), composed by shared/documents/composeHead.ts: positioned, not flowed.
  /** Moves what follows `twips` down (the computed distances of the 版头); no line of the grid. */
  | { kind: 'spacer'; twips: number }
  /** 发文机关标志 with its top edge where the flow stands; what follows starts below its last line. */
  | { kind: 'masthead'; masthead: MastheadSpec }
  /**
   * 发文字号 (7.2.4): centred on one line, or for a 上行文 flush left one character in on the last line of the
   * 签发人 (`signers`, null: none); the red separator (7.2.5) with its top `separator.yTwips` below the top of the
   * last line. Each line one grid pitch.
   */
  | { kind: 'docNumberLines'; docNumber: string; upward: boolean; signers: SignerColumns | null; separator: RuleGeometry }
  /**
   * The 信函格式 letterhead (10.1), in the first page's header: the name (`text`, red, at `fit`) with its line's top
   * `topTwips` below the page's top edge, and the red double lines placed on the page.
   */
  | { kind: 'letterhead'; text: string; fit: { sizePt: number; scale: number }; lineTwips: number; topTwips: number; rules: PlacedRule[] }
  /** A first line of a 信函格式 body: 份号 / 密级 / 紧急程度 (`head`) flush left and the 发文字号 flush right. */
  | { kind: 'letterLine'; head: { role: PrintTextRole; runs: BlockRun[] } | null; docNumber: string }

/** The block kinds only a 公文's 版头 has (composeHead.ts): the 公文 typesetter and writer place them, nothing else. */
export const HEAD_BLOCK_KINDS = ['spacer', 'masthead', 'docNumberLines', 'letterhead', 'letterLine'] as const

/** Is `b` a 版头 block (HEAD_BLOCK_KINDS)? */
export function isHeadBlock(b: PrintBlock): b is Extract<PrintBlock, { kind: (typeof HEAD_BLOCK_KINDS)[number] }> {
  return (HEAD_BLOCK_KINDS as readonly string[]).includes(b.kind)
}

/** Base64 → bytes, without Node's Buffer (the renderer uses this module too). */
export function base64Bytes(data: string): Uint8Array {
  const bin = atob(data)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}
