/**
 * The paginator: lays typed content on the 22 × 28 line grid of a LayoutProfile and returns A4 pages of
 * absolutely positioned items in millimetres from the page's top-left corner, which
 * renderer/src/components/documentPreview/ draws and shared/documents/pageFit.ts reads. Generic: it knows
 * lines, paragraphs, rules, page numbers, tables and images, not the elements of an official document
 * (the 主体 is composed as blocks by shared/documents/composeText.ts, the 版头 and 版记 placed by
 * shared/documents/elements.ts, put together by shared/documents/typeset.ts). Pure: no DOM, no Node.
 *
 * The geometry is the .docx writer's (electron/core/export/docx/):
 * - every 3号 line is one exact line pitch (579 twips); characters sit with their baseline at 80 % of the
 *   line and their em box 0.88 em above / 0.12 em below it (Word and LibreOffice do this for exact lines);
 * - text is measured by shared/print/measure.ts, the model the .docx writer measures with: a full-width
 *   character is one body character (16 pt − 0.25 pt = 315 twips), so a 版心 line holds 28 characters and a
 *   page 22 lines; Latin letters take their Times New Roman advance; an ideograph next to a Latin letter
 *   or digit adds Word's automatic gap (AUTO_SPACE_EM);
 * - a page breaks when the next line does not fit into the 版心.
 */
import { charTwips, gapChars, textWidthTwips } from './measure'
import { wrapChars } from './lineBreak'
import type { PrintRuleRole, PrintTextRole } from './roles'
import {
  bodyCharTwips,
  mmToTwips,
  runMetrics,
  twipsToMm,
  typeAreaHeightTwips,
  typeAreaWidthTwips,
  type FontSlot,
  type LayoutProfile,
} from '../documents/layout'
import { EM_ASCENT, EXACT_LINE_BASELINE } from '../documents/typeMetrics'
import { isHeadBlock, ruleGeometry, type ImageSpec, type PrintBlock, type RuleGeometry, type TableSpec } from './blocks'
import { ROLE_TABLE, roleSizePt } from './roles'
import { CELL_PADDING_TWIPS, cellLines, columnTwips, imageLine, rowLineCount, TABLE_BORDER_EIGHTHS } from './table'
import { pageNumberFurniture, pageNumberSide, pageNumberText, showsPageNumber, type PageNumberFurniture } from './pageNumbers'

export type PreviewAlign = 'left' | 'center' | 'right' | 'justify'

/** What an item shows (for tests, accessibility and styling hooks). */
export type PreviewTextRole = PrintTextRole

export type PreviewRuleRole = PrintRuleRole

/** A stretch of one line in one font slot. */
export interface PreviewRun {
  text: string
  font: FontSlot
}

/**
 * One line of text. `x`/`width` give the line's box (text aligned inside it, may overflow by a hanging
 * punctuation mark); `y` is the top edge of the characters' em box and `height` the em size, so a
 * renderer sets font-size = sizePt and line-height = height and places the box at y.
 */
export interface PreviewText {
  kind: 'text'
  role: PreviewTextRole
  x: number
  y: number
  width: number
  height: number
  /** The whole line (all runs). */
  text: string
  /** Font slot of the line (of its first run when `runs` is set). */
  font: FontSlot
  /** Present only when the line mixes fonts (a 黑体 heading running on into 仿宋 text). */
  runs?: PreviewRun[]
  sizePt: number
  /** CSS colour, '#000000' or the profile's red. */
  color: string
  align: PreviewAlign
  /** Extra space after every character in points (−0.25 for 3号 text: 28 characters a line). */
  letterSpacingPt: number
  /** Horizontal glyph scale (1 = normal; a long masthead is narrowed, w:w in Word). */
  scaleX: number
  /** Letters and digits in the slot's face too (page numbers: 半角宋体); otherwise Latin uses the Latin face. */
  latinInSlot?: boolean
}

/**
 * A filled rectangle: a horizontal line with its top edge at y, `width` mm long and `thickness` mm high; a
 * vertical table border is one `width` = its line width and `thickness` = its length.
 */
export interface PreviewRule {
  kind: 'rule'
  role: PreviewRuleRole
  x: number
  y: number
  width: number
  thickness: number
  color: string
}

/** An image (a chart) at its box in mm; `data` is the file's bytes in base64. */
export interface PreviewImage {
  kind: 'image'
  role: 'figure'
  x: number
  y: number
  width: number
  height: number
  format: 'png' | 'svg'
  data: string
}

export type PreviewItem = PreviewText | PreviewRule | PreviewImage

export interface PreviewPage {
  /** 0-based position in the document. */
  index: number
  /** Printed page number, or null when the page shows none (信函格式 page 1, a page holding only the 版记). */
  number: number | null
  widthMm: number
  heightMm: number
  /** The 版心 (type area) in mm, e.g. for drawing the line grid. */
  typeArea: { x: number; y: number; width: number; height: number; linePitch: number; lines: number; charsPerLine: number }
  items: PreviewItem[]
}

// ---------------------------------------------------------------------------------------------
// Typesetter

export interface Style {
  font: FontSlot
  sizePt: number
  color: string
  letterSpacingPt: number
  scaleX: number
  latinInSlot?: boolean
}

/** A text to typeset: runs in reading order. */
export type Runs = PreviewRun[]

export interface ParagraphOptions {
  role: PreviewTextRole
  runs: Runs
  sizePt?: number
  /** Twips from the 版心's left / right edge. */
  left?: number
  right?: number
  /** First-line indent (positive) or hanging indent (negative), twips. */
  firstLine?: number
  align?: 'justify' | 'left' | 'center' | 'right'
  /** Starts a new page before this line (0-based) unless it is at the top of one already. */
  breakBefore?: number
  /** CSS colour of the text; the profile's text colour by default. */
  color?: string
  /** Letters and digits in the slot's face too. */
  latinInSlot?: boolean
}

interface PageState {
  items: PreviewItem[]
  /** A page without a page number: the 版记 page and the blank page before it (7.5). */
  unnumbered: boolean
}

export const round3 = (v: number) => Math.round(v * 1000) / 1000
/** Paper sizes to 0.1 mm: A4 in twips (11906 × 16838) is 210.009 × 297.004 mm, which must print as one sheet. */
export const round1 = (v: number) => Math.round(v * 10) / 10
export const cssColor = (hex: string) => (hex.startsWith('#') ? hex : `#${hex}`)

function runsText(runs: Runs): string {
  return runs.map((r) => r.text).join('')
}

export class Typesetter {
  readonly pages: PageState[] = [{ items: [], unnumbered: false }]
  /** Twips below the top of the current page's 版心. */
  cursor = 0
  /** Grid lines reserved so far (all pages). */
  lineCount = 0
  /** The grid pitch of the profile. */
  readonly pitch: number
  /** Pitch of the lines being set: the grid pitch, or a tighter one (7.3.5.4, see pageFit.ts). */
  lineH: number
  readonly ch: number
  readonly typeW: number
  readonly typeH: number
  readonly black: string
  readonly red: string

  constructor(readonly layout: LayoutProfile) {
    this.pitch = layout.grid.linePitchTwips
    this.lineH = this.pitch
    this.ch = bodyCharTwips(layout)
    this.typeW = typeAreaWidthTwips(layout)
    this.typeH = typeAreaHeightTwips(layout)
    this.black = cssColor(layout.colors.text)
    this.red = cssColor(layout.colors.red)
  }

  get page(): PageState {
    return this.pages[this.pages.length - 1]
  }

  /** The body style: 3号 in a slot with the profile's character spacing. */
  body(font: FontSlot = 'fangsong'): Style {
    return {
      font,
      sizePt: this.layout.text.bodySizePt,
      color: this.black,
      letterSpacingPt: this.layout.text.characterSpacing / 20,
      scaleX: 1,
    }
  }

  /** 3号黑体 with its digits in 黑体 too (密级, 紧急程度, "附件1"), as the exporter sets them. */
  heiti(): Style {
    return { ...this.body('heiti'), latinInSlot: true }
  }

  /** Advance of one character of `sizePt` (3号 with the run spacing, others without, like the exporter). */
  charTwips(sizePt: number): number {
    return charTwips(runMetrics(this.layout, sizePt))
  }

  /** A CJK–Latin gap at `sizePt`, in characters of that size. */
  gapChars(sizePt: number = this.layout.text.bodySizePt): number {
    return gapChars(runMetrics(this.layout, sizePt))
  }

  /** Width of `text` in twips at `sizePt` (3号 by default), CJK–Latin gaps included. */
  width(text: string, sizePt: number = this.layout.text.bodySizePt): number {
    return textWidthTwips(text, runMetrics(this.layout, sizePt))
  }

  snapshot() {
    return { pages: this.pages.length, items: this.page.items.length, cursor: this.cursor, lineCount: this.lineCount }
  }

  restore(snap: { pages: number; items: number; cursor: number; lineCount: number }): void {
    this.pages.length = snap.pages
    this.page.items.length = snap.items
    this.cursor = snap.cursor
    this.lineCount = snap.lineCount
  }

  newPage(): void {
    this.pages.push({ items: [], unnumbered: false })
    this.cursor = 0
  }

  /** Moves down without drawing (positioned elements of the 版头). */
  advance(twips: number): void {
    this.cursor += twips
  }

  /** Reserves one grid line (breaking the page when it does not fit) and returns its top. */
  line(height = this.lineH): number {
    if (this.cursor + height > this.typeH + 1e-6 && this.cursor > 0) this.newPage()
    const top = this.cursor
    this.cursor += height
    this.lineCount++
    return top
  }

  blank(count: number): void {
    for (let i = 0; i < count; i++) this.line()
  }

  /**
   * Puts text on a line whose top is `lineTop` (twips below the 版心 top) and height `lineHeight`, in
   * the box `x`…`x + width` (twips from the 版心's left edge).
   */
  text(
    role: PreviewTextRole,
    runs: Runs,
    style: Style,
    box: { lineTop: number; lineHeight?: number; x: number; width: number; align: PreviewAlign; emTop?: number },
  ): void {
    const l = this.layout
    const sizeTw = style.sizePt * 20
    const lineHeight = box.lineHeight ?? this.lineH
    const emTop = box.emTop ?? box.lineTop + EXACT_LINE_BASELINE * lineHeight - EM_ASCENT * sizeTw
    const merged = mergeRuns(runs)
    const item: PreviewText = {
      kind: 'text',
      role,
      x: round3(twipsToMm(l.page.marginLeftTwips + box.x)),
      y: round3(twipsToMm(l.page.marginTopTwips + emTop)),
      width: round3(twipsToMm(box.width)),
      height: round3(twipsToMm(sizeTw)),
      text: runsText(merged),
      font: merged[0]?.font ?? style.font,
      ...(merged.length > 1 ? { runs: merged } : {}),
      sizePt: style.sizePt,
      color: style.color,
      align: box.align,
      letterSpacingPt: style.letterSpacingPt,
      scaleX: style.scaleX,
      ...(style.latinInSlot ? { latinInSlot: true } : {}),
    }
    this.page.items.push(item)
  }

  /** A horizontal rule; `y` and `thickness` in twips (y from the 版心 top unless `fromPageTop`). */
  rule(
    role: PreviewRuleRole,
    opts: { x: number; y: number; width: number; thickness: number; color: string; fromPageTop?: boolean },
  ): void {
    const l = this.layout
    this.page.items.push({
      kind: 'rule',
      role,
      x: round3(twipsToMm(l.page.marginLeftTwips + opts.x)),
      y: round3(twipsToMm((opts.fromPageTop ? 0 : l.page.marginTopTwips) + opts.y)),
      width: round3(twipsToMm(opts.width)),
      thickness: round3(twipsToMm(opts.thickness)),
      color: opts.color,
    })
  }

  /**
   * A rule as its geometry says (blocks.ts RuleGeometry, the composer's): from the page top, or from `lineTop`
   * (twips below the 版心 top) for a rule that belongs to a line.
   */
  placedRule(role: PreviewRuleRole, g: RuleGeometry, lineTop = 0): void {
    this.rule(role, {
      x: g.xTwips,
      y: g.from === 'page' ? g.yTwips : lineTop + g.yTwips,
      width: g.widthTwips,
      thickness: g.weightTwips,
      color: g.color === 'red' ? this.red : this.black,
      fromPageTop: g.from === 'page',
    })
  }

  /** A wrapped paragraph on the grid: justified lines except the last, first-line or hanging indent; returns its line count. */
  paragraph(o: ParagraphOptions): number {
    const sizePt = o.sizePt ?? this.layout.text.bodySizePt
    const unit = this.charTwips(sizePt)
    const left = o.left ?? 0
    const right = o.right ?? 0
    const firstLine = o.firstLine ?? 0
    const align = o.align ?? 'justify'
    const chars: string[] = []
    const fontAt: FontSlot[] = []
    for (const r of o.runs) {
      for (const c of r.text) {
        chars.push(c)
        fontAt.push(r.font)
      }
    }
    if (chars.length === 0) {
      if (o.breakBefore === 0 && this.cursor > 0) this.newPage()
      this.line()
      return 1
    }
    const xOf = (i: number) => left + (i === 0 ? firstLine : 0)
    const lines = wrapChars(chars, (i) => (this.typeW - right - xOf(i)) / unit, this.gapChars(sizePt))
    let offset = 0
    lines.forEach((lineChars, i) => {
      const runs: Runs = lineChars.map((c, k) => ({ text: c, font: fontAt[offset + k] }))
      offset += lineChars.length
      const last = i === lines.length - 1
      const lineAlign: PreviewAlign = align === 'justify' ? (last ? 'left' : 'justify') : align
      const x = xOf(i)
      const base: Style =
        sizePt === this.layout.text.bodySizePt ? this.body(runs[0].font) : { ...this.body(runs[0].font), sizePt, letterSpacingPt: 0 }
      const style: Style = { ...base, ...(o.color ? { color: o.color } : {}), ...(o.latinInSlot ? { latinInSlot: true } : {}) }
      if (i === o.breakBefore && this.cursor > 0) this.newPage()
      this.text(o.role, runs, style, { lineTop: this.line(), x, width: this.typeW - right - x, align: lineAlign })
    })
    return lines.length
  }

  /**
   * A table (blocks.ts TableSpec) with its caption above it, centred in the 版心, each row as many grid lines as
   * its tallest cell: a row that does not fit goes to the next page whole (never split), the header rows
   * repeated above it; the caption and the header stay with the first body row. Returns the lines it took.
   */
  table(spec: TableSpec, caption: string): number {
    const l = this.layout
    const before = this.lineCount
    const widths = columnTwips(l, spec, this.typeW)
    const tableW = widths.reduce((a, b) => a + b, 0)
    const x0 = Math.max(0, (this.typeW - tableW) / 2)
    const rowH = spec.rows.map((r) => rowLineCount(l, r, widths) * this.pitch)
    const head = Math.min(spec.headerRows, spec.rows.length - 1)
    const headH = rowH.slice(0, head).reduce((a, b) => a + b, 0)
    const captionLines = caption.trim() ? this.wrappedLineCount(caption.trim()) : 0
    // Caption, header and first body row together (keep-with-next), unless the page is empty already.
    const opening = captionLines * this.pitch + headH + (rowH[head] ?? 0)
    if (this.cursor > 0 && this.cursor + opening > this.typeH + 1e-6) this.newPage()
    if (captionLines > 0) this.paragraph({ role: 'tableCaption', runs: [{ text: caption.trim(), font: 'heiti' }], align: 'center' })
    const border = (TABLE_BORDER_EIGHTHS / 8) * 20
    let pageTop = this.cursor
    const closePage = () => {
      // The bottom border of the rows on this page, then vertical borders from pageTop down.
      this.rule('tableBorder', { x: x0, y: this.cursor - border / 2, width: tableW, thickness: border, color: this.black })
      let x = x0
      for (let c = 0; c <= widths.length; c++) {
        this.rule('tableBorder', {
          x: x - border / 2,
          y: pageTop - border / 2,
          width: border,
          thickness: this.cursor - pageTop + border,
          color: this.black,
        })
        x += widths[c] ?? 0
      }
    }
    const drawRow = (r: number) => {
      const top = this.cursor
      this.rule('tableBorder', { x: x0, y: top - border / 2, width: tableW, thickness: border, color: this.black })
      let x = x0
      spec.rows[r].forEach((text, c) => {
        const header = r < head
        const role = header ? 'tableHeader' : 'tableCell'
        const font: FontSlot = header ? 'heiti' : 'fangsong'
        const align = header ? 'center' : (spec.align?.[c] ?? 'left')
        cellLines(l, text, widths[c]).forEach((line, k) => {
          if (line)
            this.text(role, [{ text: line, font }], this.body(font), {
              lineTop: top + k * this.pitch,
              lineHeight: this.pitch,
              x: x + CELL_PADDING_TWIPS,
              width: widths[c] - 2 * CELL_PADDING_TWIPS,
              align,
            })
        })
        x += widths[c]
      })
      this.cursor += rowH[r]
      this.lineCount += Math.round(rowH[r] / this.pitch)
    }
    // A page's part of the table needs its top and bottom border below the rows too (LibreOffice adds them;
    // 20 twips more than 22 whole lines leave in the 版心): a row that would end on the 版心's bottom edge
    // goes on.
    const reserve = 2 * border
    for (let r = 0; r < spec.rows.length; r++) {
      // The .docx gives the last row the bottom border's width less (docx/blocks.ts), so that what follows
      // the table stays on the grid; it fits where its text does.
      const need = rowH[r] - (r === spec.rows.length - 1 ? border : 0)
      if (this.cursor > pageTop && this.cursor + need + reserve > this.typeH + 1e-6) {
        closePage()
        this.newPage()
        pageTop = this.cursor
        if (r >= head) for (let h = 0; h < head; h++) drawRow(h)
      }
      drawRow(r)
    }
    closePage()
    return this.lineCount - before
  }

  /**
   * An image centred in the 版心 on an exact line of whole grid lines (table.ts imageLine), its caption below
   * it and kept with it. Returns the lines it took.
   */
  image(spec: ImageSpec, caption: string): number {
    const l = this.layout
    const before = this.lineCount
    const { lineTwips, lines, imageTopTwips } = imageLine(l, spec)
    const captionLines = caption.trim() ? this.wrappedLineCount(caption.trim()) : 0
    if (this.cursor > 0 && this.cursor + lineTwips + captionLines * this.pitch > this.typeH + 1e-6) this.newPage()
    const top = this.cursor
    this.cursor += lineTwips
    this.lineCount += lines
    const w = mmToTwips(spec.widthMm)
    this.page.items.push({
      kind: 'image',
      role: 'figure',
      x: round3(twipsToMm(l.page.marginLeftTwips + (this.typeW - w) / 2)),
      y: round3(twipsToMm(l.page.marginTopTwips + top + imageTopTwips)),
      width: round3(spec.widthMm),
      height: round3(spec.heightMm),
      format: spec.format,
      data: spec.data,
    })
    if (captionLines > 0) this.paragraph({ role: 'figureCaption', runs: [{ text: caption.trim(), font: 'heiti' }], align: 'center' })
    return this.lineCount - before
  }

  /**
   * Lays one block as its composer placed it (blocks.ts: a paragraph with its ParagraphPlacement — a 标题's own
   * lines, a hanging 附件说明 —, a placedLine of 署名 / 成文日期, blank lines, a table, an image) at the current
   * pitch (`lineH`: the caller sets a tightened one). `breakBefore`: for a paragraph as ParagraphOptions (the page
   * breaks before that line), for a table or an image any value moves it whole to the next page. The preview's
   * 正文 lines carry the role body at every level (the page fit and the editor's notes find 正文 by it); the
   * .docx names the level's style. Returns the lines it took. Throws RangeError on a block that does not flow
   * (rules, breaks, page numbers, the 版记: the composer places those).
   */
  block(b: PrintBlock, breakBefore?: number): number {
    const breakPage = () => {
      if (this.cursor > 0) this.newPage()
    }
    switch (b.kind) {
      case 'paragraph': {
        if (b.pageBreakBefore) breakPage()
        const r = ROLE_TABLE[b.role]
        const sizePt = roleSizePt(this.layout, b.role)
        const role: PreviewTextRole = b.role.startsWith('heading') ? 'body' : b.role
        const align = b.align ?? r.align
        const color = r.color === 'red' ? this.red : this.black
        if (b.lines) {
          for (const line of b.lines)
            this.text(
              role,
              [{ text: line.text, font: r.font }],
              { font: r.font, sizePt, color, letterSpacingPt: line.spacingTwips / 20, scaleX: 1 },
              { lineTop: this.line(), x: 0, width: this.typeW, align },
            )
          return b.lines.length
        }
        const unit = this.charTwips(sizePt)
        return this.paragraph({
          role,
          runs: b.runs.map((run) => ({ text: run.text, font: run.font ?? r.font })),
          sizePt,
          left: b.leftTwips ?? (r.indentChars < 0 ? -r.indentChars * unit : 0),
          right: b.rightTwips ?? 0,
          firstLine: b.firstLineTwips ?? r.indentChars * unit,
          align,
          ...(r.color === 'red' ? { color } : {}),
          ...(r.latinInSlot ? { latinInSlot: true } : {}),
          breakBefore,
        })
      }
      case 'placedLine': {
        if (b.pageBreakBefore) breakPage()
        const lineTop = this.line()
        for (const part of b.parts)
          this.text(b.role ?? 'signature', [{ text: part.text, font: 'fangsong' }], this.body(), {
            lineTop,
            x: part.leftTwips,
            width: Math.max(0, this.typeW - part.leftTwips - (b.parts.length > 1 ? part.rightTwips : 0)),
            align: 'left',
          })
        return 1
      }
      case 'blank':
        if (b.pageBreakBefore) breakPage()
        this.blank(b.lines)
        return b.lines
      case 'table':
        if (breakBefore !== undefined || b.pageBreakBefore) breakPage()
        return this.table(b.table, b.caption)
      case 'image':
        if (breakBefore !== undefined || b.pageBreakBefore) breakPage()
        return this.image(b.image, b.caption)
      default:
        throw new RangeError(`排版：${b.kind} 不是随文排的块`)
    }
  }

  /** Height in twips a block needs at the top of where it goes: what keep-with-next must find room for. */
  openingTwips(b: PrintBlock): number {
    const l = this.layout
    if (b.kind === 'table') {
      const widths = columnTwips(l, b.table, this.typeW)
      const head = Math.min(b.table.headerRows, b.table.rows.length - 1)
      const rows = b.table.rows.slice(0, head + 1).reduce((h, r) => h + rowLineCount(l, r, widths) * this.pitch, 0)
      return (b.caption.trim() ? this.wrappedLineCount(b.caption.trim()) : 0) * this.pitch + rows
    }
    if (b.kind === 'image')
      return imageLine(l, b.image).lineTwips + (b.caption.trim() ? this.wrappedLineCount(b.caption.trim()) : 0) * this.pitch
    return this.lineH
  }

  /** Lines a centred 3号 text takes across the 版心. */
  wrappedLineCount(text: string): number {
    return wrapChars([...text], () => this.typeW / this.charTwips(this.layout.text.bodySizePt), this.gapChars()).length
  }

  /**
   * Marks the pages: numbers and page-number items placed as the composer's furniture says (pageNumbers.ts,
   * the data the .docx footers are written from); pages marked unnumbered show none.
   */
  finish(pageNumbers: PageNumberFurniture): PreviewPage[] {
    const l = this.layout
    const pageW = twipsToMm(l.page.widthTwips)
    const pageH = twipsToMm(l.page.heightTwips)
    const typeArea = {
      x: round3(twipsToMm(l.page.marginLeftTwips)),
      y: round3(twipsToMm(l.page.marginTopTwips)),
      width: round3(twipsToMm(this.typeW)),
      height: round3(twipsToMm(this.typeH)),
      linePitch: round3(twipsToMm(this.pitch)),
      lines: l.grid.linesPerPage,
      charsPerLine: l.grid.charsPerLine,
    }
    return this.pages.map((p, index) => {
      const n = index + 1
      const shows = showsPageNumber(pageNumbers, n, p.unnumbered)
      const items = [...p.items]
      if (shows) items.push(this.pageNumberItem(pageNumbers, n))
      return { index, number: shows ? n : null, widthMm: round1(pageW), heightMm: round1(pageH), typeArea, items }
    })
  }

  /** Page `n`'s number as the furniture places it (7.5: "— N —" 7 mm below the 版心, odd right / even left, one character in). */
  pageNumberItem(f: PageNumberFurniture, n: number): PreviewText {
    const l = this.layout
    const side = pageNumberSide(f, n)
    return {
      kind: 'text',
      role: 'pageNumber',
      x: round3(twipsToMm(l.page.marginLeftTwips + (side.align === 'left' ? side.indentTwips : 0))),
      y: round3(twipsToMm(l.page.marginTopTwips + this.typeH + f.topBelowTypeAreaTwips)),
      width: round3(twipsToMm(this.typeW - side.indentTwips)),
      height: round3(twipsToMm(f.sizePt * 20)),
      text: pageNumberText(f, n),
      font: f.font,
      sizePt: f.sizePt,
      color: this.black,
      align: side.align,
      letterSpacingPt: 0,
      scaleX: 1,
      latinInSlot: true,
    }
  }
}

/** Joins neighbouring runs of the same font. */
export function mergeRuns(runs: Runs): Runs {
  const out: Runs = []
  for (const r of runs) {
    if (!r.text) continue
    const prev = out[out.length - 1]
    if (prev && prev.font === r.font) prev.text += r.text
    else out.push({ ...r })
  }
  return out
}

/**
 * Lays a composer's blocks (blocks.ts) on the grid of `layout`: the generic paginator behind any printable
 * thing that is not a 公文 (a report: headings, paragraphs, tables, charts). Every paragraph takes font slot,
 * size, alignment, indent (in characters of its size) and colour from its role (roles.ts); each line one grid
 * pitch; a keep-with-next paragraph moves on when the line after it would not fit below it. Page numbers as
 * for a 公文 (GB/T 9704 7.5). Throws on a floatingImprint or 版头 block (the 公文 typesetter places those).
 */
export function paginateBlocks(blocks: PrintBlock[], layout: LayoutProfile): PreviewPage[] {
  const t = new Typesetter(layout)
  let pageNumbers = pageNumberFurniture(layout)
  /** Lays one paragraph block (with its keep-with-next); `breakBefore` as ParagraphOptions. Returns its lines. */
  const setParagraph = (i: number, breakBefore?: number): number => {
    const b = blocks[i] as Extract<PrintBlock, { kind: 'paragraph' }>
    const r = ROLE_TABLE[b.role]
    const sizePt = roleSizePt(layout, b.role)
    const unit = charTwips(runMetrics(layout, sizePt))
    if (b.pageBreakBefore && t.cursor > 0) t.newPage()
    const options: ParagraphOptions = {
      role: b.role,
      runs: b.runs.map((run) => ({ text: run.text, font: run.font ?? r.font })),
      sizePt,
      left: r.indentChars < 0 ? -r.indentChars * unit : 0,
      firstLine: r.indentChars * unit,
      align: r.align,
      color: r.color === 'red' ? t.red : t.black,
      latinInSlot: r.latinInSlot,
      ...(breakBefore !== undefined ? { breakBefore } : {}),
    }
    const snap = t.snapshot()
    const startPage = t.pages.length
    let lines = t.paragraph(options)
    // Keep with next: the opening of the next block (a line; a table's caption, header and first row; an
    // image with its caption) must fit on this page, or the paragraph opens the next one with it.
    const keep = b.keepNext ?? r.keepNext
    const next = blocks[i + 1]
    if (keep && next && t.pages.length === startPage && snap.cursor > 0 && t.cursor + t.openingTwips(next) > t.typeH + 1e-6) {
      t.restore(snap)
      t.newPage()
      lines = t.paragraph(options)
    }
    return lines
  }
  let skipTo = -1
  for (const [i, b] of blocks.entries()) {
    if (i <= skipTo) continue
    switch (b.kind) {
      case 'paragraph': {
        const signature = signatureAfter(blocks, i)
        if (signature < 0) {
          setParagraph(i)
          break
        }
        // The last paragraph before the 署名 keeps with it (as the .docx: keepNext with widow control on it and
        // the blank lines between): when the 署名 would open a page without it, or one line of it would stand alone
        // on a page, its last two lines go along — the whole paragraph when it has fewer than four lines or its
        // first line would stay alone (neither page keeps a single line of it).
        const end = keepChainEnd(blocks, signature)
        const snap = t.snapshot()
        const lines = setParagraph(i)
        const paragraphPage = t.pages.length
        // widow control on this paragraph (as the .docx writes it): never one line of it alone on a page
        const spans = paragraphPage > snap.pages && snap.cursor > 0
        const onLast = spans ? Math.round(t.cursor / t.lineH) : lines
        let signaturePage = 0
        for (let k = i + 1; k <= end; k++) {
          setClosingBlock(t, blocks[k], () => setParagraph(k))
          if (k === signature) signaturePage = t.pages.length
        }
        if (signaturePage > paragraphPage || (spans && (onLast < 2 || lines - onLast < 2))) {
          t.restore(snap)
          setParagraph(i, (spans && lines - onLast < 2) || lines < 4 ? 0 : lines - 2)
          for (let k = i + 1; k <= end; k++) setClosingBlock(t, blocks[k], () => setParagraph(k))
        }
        skipTo = end
        break
      }
      case 'blank':
        t.blank(b.lines)
        break
      case 'rule': {
        // A rule with its line (a line of its own unless placed on the page): across the 版心 by default.
        const g = ruleGeometry(b, t.typeW, t.lineH)
        t.placedRule(b.role, g, g.from === 'line' ? t.line() : 0)
        break
      }
      case 'table':
        t.table(b.table, b.caption)
        break
      case 'image':
        t.image(b.image, b.caption)
        break
      case 'pageBreak':
      case 'sectionBreak':
        if (t.cursor > 0 || t.page.items.length > 0) t.newPage()
        break
      case 'pageNumbers':
        pageNumbers = b.furniture
        break
      case 'placedLine':
        t.block(b)
        break
      case 'floatingImprint':
        throw new RangeError('版记只用于公文（由公文排版处理）')
      default:
        if (isHeadBlock(b)) throw new RangeError('版头只用于公文（由公文排版处理）')
    }
  }
  return t.finish(pageNumbers)
}

/**
 * The index of the 署名 (a `signature` paragraph) that paragraph `i` is the last text before — only blank
 * blocks between — or -1. Both the preview (paginateBlocks) and the block .docx writer keep that paragraph
 * with the 署名, so the 署名 and the date never open a page alone.
 */
export function signatureAfter(blocks: readonly PrintBlock[], i: number): number {
  const b = blocks[i]
  if (b?.kind !== 'paragraph' || b.role === 'signature' || b.role === 'date') return -1
  let k = i + 1
  while (blocks[k]?.kind === 'blank') k++
  const s = blocks[k]
  return s?.kind === 'paragraph' && s.role === 'signature' ? k : -1
}

/** The last block of the keep-with-next chain that starts at paragraph `from` (the 署名 and its date). */
function keepChainEnd(blocks: readonly PrintBlock[], from: number): number {
  let k = from
  for (;;) {
    const b = blocks[k]
    const next = blocks[k + 1]
    if (b?.kind !== 'paragraph' || !next || !(b.keepNext ?? ROLE_TABLE[b.role].keepNext)) return k
    k++
  }
}

/** A block of the closing (blank lines, the 署名's chain) laid as paginateBlocks lays it. */
function setClosingBlock(t: Typesetter, b: PrintBlock, paragraph: () => number): void {
  if (b.kind === 'blank') t.blank(b.lines)
  else if (b.kind === 'paragraph') paragraph()
}
