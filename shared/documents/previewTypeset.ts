/**
 * The typesetter of the in-app A4 preview of an official document (公文) (previewLayout.ts runs it with the
 * page-fit decisions of pageFit.ts), typeset from the SAME LayoutProfile as the .docx
 * exporter (electron/core/export/docx/) — never from the exported file, so it needs no Word engine and
 * shows page numbers (which a .docx stores only as fields).
 *
 * Pure: no DOM, no Node. The result is a list of pages, each a list of absolutely positioned items in
 * millimetres from the page's top-left corner; renderer/src/components/documentPreview/ draws them.
 *
 * The geometry mirrors the exporter's:
 * - every 3号 line is one exact line pitch (579 twips); characters sit with their baseline at 80 % of the
 *   line and their em box 0.88 em above / 0.12 em below it (Word and LibreOffice do this for exact lines);
 * - text is measured on the character grid (textWidth.ts): a full-width character is one body character
 *   (16 pt − 0.25 pt = 315 twips), a half-width one half of it, so a 版心 line holds 28 characters and a page 22 lines;
 *   an ideograph next to a Latin letter or digit adds Word's automatic gap (AUTO_SPACE_EM);
 * - the 版头 sits at the computed distances of GB/T 9704-2012 (masthead top edge 35 mm below the 版心
 *   top, 发文字号 two blank lines below it, the red line 4 mm below the number, the title two blank lines
 *   below the red line); from the title on, lines follow each other by the pitch and a page breaks when
 *   the next line does not fit into the 版心; the part after 正文 (附件说明 → 署名 → 成文日期 → 附注) is set as
 *   pageFit.ts decides (fewer seal lines, a tighter pitch, or moved with the last two lines of 正文).
 */
import { attendanceRows } from './minutes'
import { annotationTexts } from './annotations'
import { numberBlocks } from './headingNumbering'
import { breakTitle } from './titleBreak'
import { chineseDateOrBlank } from './chineseDate'
import { AUTO_SPACE_EM, charTwips, gapChars, measureChars, textWidthTwips } from '../print/measure'
import { wrapChars } from '../print/lineBreak'
import {
  bodyCharTwips,
  mmToTwips,
  ptToTwips,
  runMetrics,
  twipsToMm,
  typeAreaHeightTwips,
  typeAreaWidthTwips,
  type FontSlot,
  type LayoutProfile,
} from './layout'
import { EM_ASCENT, EM_DESCENT, EXACT_LINE_BASELINE, fitMasthead, flushTopLineTwips, type MastheadFit } from './typeMetrics'
import { UPWARD_KINDS, type Attachment, type BodyBlock, type DocumentSpec, type ItemNumbering } from './types'

export type PreviewAlign = 'left' | 'center' | 'right' | 'justify'

/** What an item shows (for tests, accessibility and styling hooks). */
export type PreviewTextRole =
  | 'copyNumber'
  | 'secrecy'
  | 'urgency'
  | 'masthead'
  | 'docNumber'
  | 'signer'
  | 'title'
  | 'recipients'
  | 'body'
  | 'attachmentNote'
  | 'attendance'
  | 'signature'
  | 'date'
  | 'publicityNote'
  | 'contactNote'
  | 'attachmentLabel'
  | 'attachmentTitle'
  | 'imprint'
  | 'pageNumber'

export type PreviewRuleRole = 'separator' | 'letterLine' | 'imprintLine'

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

/** A horizontal line: top edge at y, `thickness` mm high. */
export interface PreviewRule {
  kind: 'rule'
  role: PreviewRuleRole
  x: number
  y: number
  width: number
  thickness: number
  color: string
}

export type PreviewItem = PreviewText | PreviewRule

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
// Character metrics

// Measurement and line breaking: the one model shared with the .docx writer (shared/print/).
export { AUTO_SPACE_EM, autoSpaceBetween, measureChars } from '../print/measure'
export { wrapChars } from '../print/lineBreak'

// ---------------------------------------------------------------------------------------------
// Typesetter

interface Style {
  font: FontSlot
  sizePt: number
  color: string
  letterSpacingPt: number
  scaleX: number
  latinInSlot?: boolean
}

/** A text to typeset: runs in reading order. */
type Runs = PreviewRun[]

interface ParagraphOptions {
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
}

interface PageState {
  items: PreviewItem[]
  /** A page without a page number: the 版记 page and the blank page before it (7.5). */
  unnumbered: boolean
}

const round3 = (v: number) => Math.round(v * 1000) / 1000
/** Paper sizes to 0.1 mm: A4 in twips (11906 × 16838) is 210.009 × 297.004 mm, which must print as one sheet. */
const round1 = (v: number) => Math.round(v * 10) / 10
const cssColor = (hex: string) => (hex.startsWith('#') ? hex : `#${hex}`)

function runsText(runs: Runs): string {
  return runs.map((r) => r.text).join('')
}

class Typesetter {
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
    return { font, sizePt: this.layout.text.bodySizePt, color: this.black, letterSpacingPt: this.layout.text.characterSpacing / 20, scaleX: 1 }
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
  rule(role: PreviewRuleRole, opts: { x: number; y: number; width: number; thickness: number; color: string; fromPageTop?: boolean }): void {
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
      const style: Style = sizePt === this.layout.text.bodySizePt ? this.body(runs[0].font) : { ...this.body(runs[0].font), sizePt, letterSpacingPt: 0 }
      if (i === o.breakBefore && this.cursor > 0) this.newPage()
      this.text(o.role, runs, style, { lineTop: this.line(), x, width: this.typeW - right - x, align: lineAlign })
    })
    return lines.length
  }

  /** Marks the pages: numbers, page-number items. */
  finish(spec: DocumentSpec): PreviewPage[] {
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
      const shows = !p.unnumbered && !(spec.format === 'letter' && n === 1)
      const items = [...p.items]
      if (shows) items.push(this.pageNumberItem(n))
      return { index, number: shows ? n : null, widthMm: round1(pageW), heightMm: round1(pageH), typeArea, items }
    })
  }

  /** "— N —" in 4号半角宋体, top 7 mm below the 版心; odd pages right, even pages left, one character in. */
  pageNumberItem(n: number): PreviewText {
    const l = this.layout
    const sizePt = l.text.pageNumberSizePt
    const indent = l.pageNumber.sideIndentChars * ptToTwips(sizePt)
    const odd = n % 2 === 1
    const emTop = this.typeH + mmToTwips(l.pageNumber.belowTypeAreaMm)
    const text = `${l.pageNumber.dash} ${n} ${l.pageNumber.dash}`
    return {
      kind: 'text',
      role: 'pageNumber',
      x: round3(twipsToMm(l.page.marginLeftTwips + (odd ? 0 : indent))),
      y: round3(twipsToMm(l.page.marginTopTwips + emTop)),
      width: round3(twipsToMm(this.typeW - indent)),
      height: round3(twipsToMm(sizePt * 20)),
      text,
      font: 'songti',
      sizePt,
      color: this.black,
      align: odd ? 'right' : 'left',
      letterSpacingPt: 0,
      scaleX: 1,
      latinInSlot: true,
    }
  }
}

/** Joins neighbouring runs of the same font. */
function mergeRuns(runs: Runs): Runs {
  const out: Runs = []
  for (const r of runs) {
    if (!r.text) continue
    const prev = out[out.length - 1]
    if (prev && prev.font === r.font) prev.text += r.text
    else out.push({ ...r })
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// 版头 (7.2) and the 信函格式 letterhead (10.1)

export { fitMasthead }

function headElements(spec: DocumentSpec): { role: PreviewTextRole; font: FontSlot; text: string }[] {
  const c = spec.content
  const out: { role: PreviewTextRole; font: FontSlot; text: string }[] = []
  if (c.copyNumber) out.push({ role: 'copyNumber', font: 'fangsong', text: c.copyNumber })
  if (c.secrecy) out.push({ role: 'secrecy', font: 'heiti', text: c.secrecy })
  if (c.urgency) out.push({ role: 'urgency', font: 'heiti', text: c.urgency })
  return out
}

/** The red masthead at `top` (twips below the 版心 top); returns the bottom of its characters. */
function masthead(t: Typesetter, orgs: string[], suffix: string, top: number): number {
  const l = t.layout
  const names = orgs.map((o) => o.trim()).filter((o) => o !== '')
  const red = (f: MastheadFit): Style => ({ font: 'title', sizePt: f.sizePt, color: t.red, letterSpacingPt: 0, scaleX: f.scale / 100 })
  if (names.length <= 1) {
    const text = (names[0] ?? '') + suffix
    const fit = fitMasthead(l, measureChars(text, AUTO_SPACE_EM), l.masthead.maxSizePt)
    const lineH = flushTopLineTwips(fit.sizePt)
    if (text) t.text('masthead', [{ text, font: 'title' }], red(fit), { lineTop: top, lineHeight: lineH, x: 0, width: t.typeW, align: 'center' })
    return top + fit.sizePt * 20
  }
  // Joint issuance (7.2.3): the names stacked and justified to one width, the suffix centred to their right.
  const nameEm = Math.max(...names.map((n) => measureChars(n, AUTO_SPACE_EM)))
  const suffixEm = suffix ? measureChars(suffix, AUTO_SPACE_EM) + 0.5 : 0
  const fit = fitMasthead(l, nameEm + suffixEm, l.masthead.maxSizePt)
  const lineH = flushTopLineTwips(fit.sizePt)
  const emTw = fit.sizePt * 20 * (fit.scale / 100)
  const nameW = Math.ceil(nameEm * emTw)
  const suffixW = Math.ceil(suffixEm * emTw)
  const x0 = (t.typeW - nameW - suffixW) / 2
  names.forEach((name, i) => {
    t.text('masthead', [{ text: name, font: 'title' }], red(fit), { lineTop: top + i * lineH, lineHeight: lineH, x: x0, width: nameW, align: 'justify' })
  })
  if (suffix) {
    const suffixTop = top + ((names.length - 1) * lineH) / 2
    t.text('masthead', [{ text: suffix, font: 'title' }], red(fit), { lineTop: suffixTop, lineHeight: lineH, x: x0 + nameW, width: suffixW, align: 'right' })
  }
  return top + names.length * lineH - (lineH - fit.sizePt * 20)
}

/** 发文字号 (and 签发人 for 上行文) from `top`; returns the top of the last number line. */
function numberLines(t: Typesetter, spec: DocumentSpec, top: number): number {
  const c = spec.content
  const pitch = t.pitch
  const body = t.body()
  const number = c.docNumber.trim()
  const signers = c.signers.map((s) => s.trim()).filter((s) => s !== '')
  if (!UPWARD_KINDS.includes(spec.kind)) {
    if (number) t.text('docNumber', [{ text: number, font: 'fangsong' }], body, { lineTop: top, x: 0, width: t.typeW, align: 'center' })
    return top
  }
  // 上行文 (7.2.4–7.2.5): number flush left one character in, on the last 签发人 line; names two a line, 楷体.
  const ch = t.ch
  const groups: string[][] = []
  for (let i = 0; i < signers.length; i += 2) groups.push(signers.slice(i, i + 2))
  const lines = Math.max(1, groups.length)
  const sep = '　'
  const label = '签发人：'
  // Line 1 ends one character from the right edge; later lines start under its first name (as the exporter).
  const nameX = t.typeW - ch - t.width((groups[0] ?? []).join(sep))
  const labelX = nameX - t.width(label)
  for (let i = 0; i < lines; i++) {
    const lineTop = top + i * pitch
    if (i === lines - 1 && number) t.text('docNumber', [{ text: number, font: 'fangsong' }], body, { lineTop, x: ch, width: nameX - ch, align: 'left' })
    const g = groups[i]
    if (!g) continue
    if (i === 0) t.text('signer', [{ text: label, font: 'fangsong' }], body, { lineTop, x: labelX, width: nameX - labelX, align: 'left' })
    t.text('signer', [{ text: g.join(sep), font: 'kaiti' }], t.body('kaiti'), { lineTop, x: nameX, width: t.typeW - ch - nameX, align: 'left' })
  }
  return top + (lines - 1) * pitch
}

/** 版头 of 文件格式 and 纪要格式; leaves the cursor at the title line. */
function fileHead(t: Typesetter, spec: DocumentSpec): void {
  const l = t.layout
  const c = spec.content
  const pitch = t.pitch
  for (const e of headElements(spec)) {
    t.text(e.role, [{ text: e.text, font: e.font }], e.font === 'heiti' ? t.heiti() : t.body(), { lineTop: t.line(), x: 0, width: t.typeW, align: 'left' })
  }
  const mastheadTop = Math.max(t.cursor, mmToTwips(l.masthead.topBelowTypeAreaMm))
  const mastheadBottom = masthead(t, c.mastheadOrgs, c.mastheadSuffix, mastheadTop)
  const numberTop = mastheadBottom + l.masthead.blankLinesToNumber * pitch
  const lastNumberTop = numberLines(t, spec, numberTop)
  const emBottom = EXACT_LINE_BASELINE * pitch + EM_DESCENT * l.text.bodySizePt * 20
  const ruleTop = lastNumberTop + emBottom + mmToTwips(l.separator.belowNumberMm)
  const weight = l.separator.weightPt * 20
  const width = mmToTwips(l.separator.widthMm)
  t.rule('separator', { x: (t.typeW - width) / 2, y: ruleTop, width, thickness: weight, color: t.red })
  // The title: N blank lines below the red line's lower edge.
  t.cursor = ruleTop + weight + l.separator.blankLinesToTitle * pitch
}

/** 信函格式 letterhead and first lines (10.1); leaves the cursor at the title line. */
function letterHead(t: Typesetter, spec: DocumentSpec): void {
  const l = t.layout
  const c = spec.content
  const pitch = t.pitch
  const text = (c.mastheadOrgs.map((o) => o.trim()).filter(Boolean)[0] ?? '') + c.mastheadSuffix
  const fit = fitMasthead(l, measureChars(text, AUTO_SPACE_EM), l.letter.mastheadMaxSizePt)
  const top = mmToTwips(l.letter.mastheadTopFromPageMm) - l.page.marginTopTwips
  if (text) {
    t.text('masthead', [{ text, font: 'title' }], { font: 'title', sizePt: fit.sizePt, color: t.red, letterSpacingPt: 0, scaleX: fit.scale / 100 }, {
      lineTop: top,
      lineHeight: flushTopLineTwips(fit.sizePt),
      x: 0,
      width: t.typeW,
      align: 'center',
    })
  }
  const weight = l.letter.doubleLineWeightPt * 20
  const length = mmToTwips(l.letter.doubleLineLengthMm)
  // Centred on the page (10.1: 20–190 mm from its left edge), not on the 版心 (28–184 mm).
  const x = (l.page.widthTwips - length) / 2 - l.page.marginLeftTwips
  const upperTop = mmToTwips(l.letter.mastheadTopFromPageMm) + fit.sizePt * 20 + mmToTwips(l.letter.doubleLineBelowMastheadMm)
  const lowerBottom = l.page.heightTwips - mmToTwips(l.letter.bottomDoubleLineFromPageBottomMm)
  // Each double line: a thick and a thin line, the gap being what remains of the band.
  const thick = l.letter.doubleLineThickPt * 20
  const thin = l.letter.doubleLineThinPt * 20
  t.rule('letterLine', { x, y: upperTop, width: length, thickness: thick, color: t.red, fromPageTop: true })
  t.rule('letterLine', { x, y: upperTop + weight - thin, width: length, thickness: thin, color: t.red, fromPageTop: true })
  t.rule('letterLine', { x, y: lowerBottom - weight, width: length, thickness: thin, color: t.red, fromPageTop: true })
  t.rule('letterLine', { x, y: lowerBottom - thick, width: length, thickness: thick, color: t.red, fromPageTop: true })

  // First line: 7/8 of a 3号 character below the double line; 份号 etc. flush left, 发文字号 flush right.
  const firstEmTop = upperTop + weight + l.letter.numberGapChars * l.text.bodySizePt * 20 - l.page.marginTopTwips
  const emTopInLine = EXACT_LINE_BASELINE * pitch - EM_ASCENT * l.text.bodySizePt * 20
  t.cursor = firstEmTop - emTopInLine
  const head = headElements(spec)
  const lines = Math.max(1, head.length)
  for (let i = 0; i < lines; i++) {
    const lineTop = t.line()
    const e = head[i]
    if (e) t.text(e.role, [{ text: e.text, font: e.font }], e.font === 'heiti' ? t.heiti() : t.body(), { lineTop, x: 0, width: t.typeW, align: 'left' })
    if (i === 0 && c.docNumber.trim()) t.text('docNumber', [{ text: c.docNumber.trim(), font: 'fangsong' }], t.body(), { lineTop, x: 0, width: t.typeW, align: 'right' })
  }
  t.advance(l.letter.blankLinesToTitle * pitch)
}

// ---------------------------------------------------------------------------------------------
// 主体 (7.3)

function title(t: Typesetter, text: string, role: PreviewTextRole): void {
  const l = t.layout
  const style: Style = { font: 'title', sizePt: l.text.titleSizePt, color: t.black, letterSpacingPt: 0, scaleX: 1 }
  for (const line of breakTitle(text, l.title.maxCharsPerLine)) {
    t.text(role, [{ text: line, font: 'title' }], style, { lineTop: t.line(), x: 0, width: t.typeW, align: 'center' })
  }
}

/** 正文 blocks with their generated heading numbers. */
type NumberedBlock = ReturnType<typeof numberBlocks>[number]

/** One 正文 block (7.3.3); levels 1/2 set the heading part up to the first 。 in their font. Returns its line count. */
function bodyBlock(t: Typesetter, b: NumberedBlock, breakBefore?: number): number {
  const l = t.layout
  const indent = l.body.firstLineIndentChars * t.ch
  const text = b.text.replace(/\r?\n/g, '')
  if (b.level === 0) return t.paragraph({ role: 'body', runs: [{ text, font: 'fangsong' }], firstLine: indent, breakBefore })
  const slot = l.body.headingSlots[b.level - 1]
  const stop = text.indexOf('。')
  const splitAt = slot !== 'fangsong' && stop >= 0 && stop < text.length - 1 ? stop + 1 : text.length
  return t.paragraph({
    role: 'body',
    runs: [
      { text: b.label + text.slice(0, splitAt), font: slot },
      { text: text.slice(splitAt), font: 'fangsong' },
    ],
    firstLine: indent,
    breakBefore,
  })
}

function bodyBlocks(t: Typesetter, blocks: BodyBlock[], itemNumbering: ItemNumbering = 'perSection'): void {
  for (const b of numberBlocks(blocks, itemNumbering)) bodyBlock(t, b)
}

/** One paragraph (or blank line) of the closing part after 正文; the whole part is one keep-with-next chain. */
type Step = () => void

function blankSteps(t: Typesetter, count: number): Step[] {
  return Array.from({ length: Math.max(0, count) }, () => () => void t.line())
}

/** 附件说明 (7.3.4): "附件：1.××××", wrapped names aligned with the first character of the name. */
function attachmentNote(t: Typesetter, attachments: Attachment[]): Step[] {
  if (attachments.length === 0) return []
  const l = t.layout
  const head = '附件：'
  const several = attachments.length > 1
  const labels = attachments.map((_, i) => (several ? `${i + 1}.` : ''))
  // Names start where the widest "附件：N." ends; the first line of each entry at the indent.
  const nameX = l.attachmentNote.indentChars * t.ch + Math.max(...labels.map((s) => t.width(head + s)))
  return [
    ...blankSteps(t, l.attachmentNote.blankLinesBefore),
    ...attachments.map((a, i) => {
      const prefix = (i === 0 ? head : '') + labels[i]
      const name = a.title.trim().replace(/[。；;，,]+$/, '')
      return () =>
        void t.paragraph({ role: 'attachmentNote', runs: [{ text: prefix + name, font: 'fangsong' }], left: nameX, firstLine: -t.width(prefix), align: 'left' })
    }),
  ]
}

/** 出席 / 请假 / 列席 (10.2): label in 黑体, names in 仿宋, wrapped lines after the colon. */
function attendance(t: Typesetter, spec: DocumentSpec): Step[] {
  const a = spec.content.attendance
  const rows = attendanceRows(a)
  if (rows.length === 0) return []
  const l = t.layout
  const indent = l.minutes.attendanceIndentChars * t.ch
  return [
    ...blankSteps(t, l.minutes.attendanceBlankLinesBefore),
    ...rows.map(([label, names]) => {
      const head = `${label}：`
      const headW = t.width(head)
      return () =>
        void t.paragraph({
          role: 'attendance',
          runs: [
            { text: head, font: 'heiti' },
            { text: names.trim(), font: 'fangsong' },
          ],
          left: indent + headW,
          firstLine: -headW,
          align: 'left',
        })
    }),
  ]
}

/**
 * 署名 and 成文日期 (7.3.5): sealed form (date right-indented 4, names centred over it) or unsealed, below
 * `blankLines` blank lines (the sealed form's may be fewer than the profile's when the page is tight; pageFit.ts).
 */
function signature(t: Typesetter, spec: DocumentSpec, form: 'sealed' | 'unsealed', blankLines: number): Step[] {
  const c = spec.content
  const l = t.layout
  const s = l.signature
  const orgs = c.signatureOrgs.map((o) => o.trim()).filter((o) => o !== '')
  const date = chineseDateOrBlank(c.signedDate)
  if (orgs.length === 0 && !date) return []
  const ch = t.ch
  const body = t.body()
  const dateW = t.width(date)
  const put = (role: PreviewTextRole, text: string, x: number): Step => () =>
    t.text(role, [{ text, font: 'fangsong' }], body, { lineTop: t.line(), x, width: Math.max(0, t.typeW - x), align: 'left' })
  const steps: Step[] = [...blankSteps(t, blankLines)]
  if (form === 'sealed') {
    const dateRight = s.sealedDateRightIndentChars * ch
    for (const org of orgs) {
      const orgW = t.width(org)
      const right = Math.max(0, dateRight + (dateW - orgW) / 2)
      steps.push(put('signature', org, Math.max(0, t.typeW - right - orgW)))
    }
    if (date) steps.push(put('date', date, t.typeW - dateRight - dateW))
    return steps
  }
  const nameRight = s.unsealedNameRightIndentChars * ch
  const shift = s.unsealedDateShiftChars * ch
  const nameW = Math.max(0, ...orgs.map((o) => t.width(o)))
  const nameX = Math.min(t.typeW - nameRight - nameW, t.typeW - nameRight - dateW - shift)
  for (const org of orgs) steps.push(put('signature', org, Math.max(0, nameX)))
  if (date) steps.push(put('date', date, Math.max(0, nameX + shift)))
  return steps
}

/**
 * 附注 (7.3.6/7.3.7): the 公开 note on the line after 成文日期, then the contact note (联系人/电话, required
 * for a 请示) on the next line — or in its place when there is no 公开 note —, each indented two
 * characters in full-width parentheses (annotationTexts, shared with the exporter).
 */
function notes(t: Typesetter, content: DocumentSpec['content']): Step[] {
  return annotationTexts(content).map(
    ({ role, text }) => () =>
      void t.paragraph({ role, runs: [{ text, font: 'fangsong' }], firstLine: t.layout.publicityNote.indentChars * t.ch, align: 'left' }),
  )
}

/**
 * 附件 (8): each on a new page; "附件N" 黑体 on line 1, the title centred on line 3, the body as 正文.
 * Issued documents (印发/转发 notices, `issued`): the attachment is the issued text itself — no "附件N"
 * label, its title centred on the profile's issuedTitleLine, its body as 正文; page numbers continue.
 */
function attachmentPages(t: Typesetter, attachments: Attachment[], itemNumbering: ItemNumbering = 'perSection', issued = false): void {
  const l = t.layout
  const several = attachments.length > 1
  attachments.forEach((a, i) => {
    t.newPage()
    if (issued) {
      t.blank(l.attachment.issuedTitleLine - 1)
    } else {
      t.text('attachmentLabel', [{ text: several ? `附件${i + 1}` : '附件', font: 'heiti' }], t.heiti(), { lineTop: t.line(), x: 0, width: t.typeW, align: 'left' })
      t.blank(l.attachment.titleLine - 2)
    }
    title(t, a.title.trim(), 'attachmentTitle')
    if (a.body.length > 0) t.blank(l.attachment.blankLinesAfterTitle)
    bodyBlocks(t, a.body, itemNumbering)
  })
}

// ---------------------------------------------------------------------------------------------
// 版记 (7.4)

/**
 * 抄送 and 印发机关/印发日期 at the foot of the last page, between a thick, thin(s) and thick black line,
 * the last on the bottom edge of the 版心; on a page of its own (without a page number) when the text
 * above leaves no room. 信函格式: 抄送 only, no lines.
 */
function imprint(t: Typesetter, spec: DocumentSpec): ImprintPlacement {
  const c = spec.content
  const l = t.layout
  const letter = spec.format === 'letter'
  const sizePt = l.text.imprintSizePt
  const unit = ptToTwips(sizePt)
  const side = l.imprint.sideIndentChars * unit
  const style: Style = { font: 'fangsong', sizePt, color: t.black, letterSpacingPt: 0, scaleX: 1 }

  type Row = { lines: { text: string; x: number; width: number; align: PreviewAlign }[][] }
  const rows: Row[] = []
  const cc = c.ccRecipients.trim().replace(/[。，,；;：:]+$/, '')
  if (cc) {
    const head = '抄送：'
    const headW = t.width(head, sizePt)
    const chars = [...`${head}${cc}。`]
    const wrapped = wrapChars(chars, (i) => (t.typeW - 2 * side - (i === 0 ? 0 : headW)) / unit, t.gapChars(sizePt))
    rows.push({
      lines: wrapped.map((lc, i) => {
        const x = side + (i === 0 ? 0 : headW)
        return [{ text: lc.join(''), x, width: t.typeW - side - x, align: i === wrapped.length - 1 ? 'left' : 'justify' }]
      }),
    })
  }
  const printedDate = chineseDateOrBlank(c.printedDate)
  if (!letter && (c.printingOrg.trim() || printedDate)) {
    const line: Row['lines'][number] = []
    if (c.printingOrg.trim()) line.push({ text: c.printingOrg.trim(), x: side, width: t.typeW - 2 * side, align: 'left' })
    if (printedDate) line.push({ text: `${printedDate}印发`, x: side, width: t.typeW - 2 * side, align: 'right' })
    rows.push({ lines: [line] })
  }
  if (rows.length === 0) return { ownPage: false, blankPageBefore: false }

  const pitch = t.pitch
  const total = rows.reduce((n, r) => n + r.lines.length, 0) * pitch
  const top = t.typeH - total
  // 7.4 "版记应当置于公文最后一面": the last face of the last sheet, an even page in double-sided printing.
  // When the last text page is odd, the 版记 goes on the next (even) page even if it would fit — except in a
  // one-page document: a single sheet printed on one side, whose only face is its last, keeps it on page 1
  // (as single-page notices are issued; a second page for the 版记 alone would add a sheet for nothing).
  const lastPage = t.pages.length
  const oddLastPage = lastPage % 2 === 1 && lastPage > 1
  // The floating 版记 table needs its anchor paragraph (IMPRINT_ANCHOR_TWIPS high) above it on the page: a
  // text that reaches the 版记's top edge exactly leaves no room for it (LibreOffice then moves the 版记 on).
  const placement: ImprintPlacement = { ownPage: t.cursor + IMPRINT_ANCHOR_TWIPS > top + 1e-6 || oddLastPage, blankPageBefore: false }
  if (placement.ownPage) {
    // 7.4 / 7.5: the 版记 goes on an even page (the back of the last sheet); a blank page before it when
    // the next page would be odd. Neither carries a page number.
    placement.blankPageBefore = (t.pages.length + 1) % 2 === 1
    if (placement.blankPageBefore) {
      t.newPage()
      t.page.unnumbered = true
    }
    t.newPage()
    t.page.unnumbered = true
  }
  const thick = mmToTwips(l.imprint.thickLineMm)
  const thin = mmToTwips(l.imprint.thinLineMm)
  let y = top
  rows.forEach((r, i) => {
    if (!letter) {
      const w = i === 0 ? thick : thin
      t.rule('imprintLine', { x: 0, y: i === 0 ? y : y - w / 2, width: t.typeW, thickness: w, color: t.black })
    }
    for (const line of r.lines) {
      for (const part of line) t.text('imprint', [{ text: part.text, font: 'fangsong' }], style, { lineTop: y, x: part.x, width: part.width, align: part.align })
      y += pitch
    }
  })
  if (!letter) t.rule('imprintLine', { x: 0, y: t.typeH - thick, width: t.typeW, thickness: thick, color: t.black })
  t.cursor = t.typeH
  return placement
}

// ---------------------------------------------------------------------------------------------

/** Height of the thin empty paragraph the exporter writes after the floating 版记 table (its anchor), in twips. */
export const IMPRINT_ANCHOR_TWIPS = 20

/** Where the 版记 went (7.4, 7.5). */
export interface ImprintPlacement {
  /**
   * On a page of its own, without a page number: the text above left no room, or the last text page is odd
   * (the 版记 belongs on the last, even face; a one-page document keeps it on page 1).
   */
  ownPage: boolean
  /** After a blank page, also without a page number, so that the 版记 page is even. */
  blankPageBefore: boolean
}

/**
 * The page-fit decisions the typesetter obeys for the page where 正文 ends (GB/T 9704 7.3.5.4; chosen by
 * pageFit.ts, which the .docx exporter follows too).
 */
export interface FitSettings {
  /** Blank lines above the 署名 (sealed form: room for the seal, possibly fewer than the profile's). */
  signatureBlankLines: number
  /** Exact line pitch in twips of the tightened lines, or null: every line at the grid pitch. */
  tightPitchTwips: number | null
  /** First 正文 block (index into content.body) set at the tight pitch; everything after 正文 follows it. */
  tightFromBlock: number
}

/** What the typesetter saw, for pageFit.ts. */
export interface TypesetFlow {
  /** Per 正文 block: the page (0-based) of its first line and its line count. */
  blocks: { page: number; lines: number }[]
  /** Where 正文 ends before any carrying: page (0-based) and cursor (twips below the 版心 top). */
  bodyEnd: { page: number; cursor: number }
  /** Lines after 正文: 附件说明, 出席…, blank lines, 署名, 成文日期, 附注. */
  closingLines: number
  /** The closing part did not fit below 正文 and moved to the next page with the last lines of 正文. */
  carried: boolean
  imprint: ImprintPlacement
}

/** The first piece of the part after 正文 (附件说明, 出席…, 署名/成文日期, 附注), or null when there is none. */
export function closingLead(spec: DocumentSpec): 'attachmentNote' | 'attendance' | 'signature' | 'note' | null {
  const c = spec.content
  if (!c.attachmentsIssued && c.attachments.length > 0) return 'attachmentNote'
  if (spec.format === 'minutes' && attendanceRows(c.attendance).length > 0) return 'attendance'
  if (c.signatureOrgs.some((o) => o.trim() !== '') || chineseDateOrBlank(c.signedDate)) return 'signature'
  if (annotationTexts(c).length > 0) return 'note'
  return null
}

/** Blank lines that open the part after 正文 (dropped when that part opens a page: 纪要, carried). */
function closingLeadBlankLines(spec: DocumentSpec, layout: LayoutProfile, fit: FitSettings): number {
  switch (closingLead(spec)) {
    case 'attachmentNote':
      return layout.attachmentNote.blankLinesBefore
    case 'attendance':
      return layout.minutes.attendanceBlankLinesBefore
    case 'signature':
      return fit.signatureBlankLines
    default:
      return 0
  }
}

/** Does this document take the sealed 署名 form (纪要 carries no seal, 10.2)? */
export function signatureForm(spec: DocumentSpec, layout: LayoutProfile): 'sealed' | 'unsealed' {
  return spec.format === 'minutes' ? 'unsealed' : layout.signature.form
}

/** The profile's own settings: blank lines as configured, every line on the grid. */
export function gridFit(spec: DocumentSpec, layout: LayoutProfile): FitSettings {
  const s = layout.signature
  return {
    signatureBlankLines: signatureForm(spec, layout) === 'sealed' ? s.sealedBlankLinesBefore : s.unsealedBlankLinesBefore,
    tightPitchTwips: null,
    tightFromBlock: spec.content.body.length,
  }
}

/**
 * Typesets `spec` on the line grid of `layout` into A4 pages of positioned items in millimetres, with the
 * page-fit settings `fit`. The part after 正文 (附件说明 … 附注) is one keep-with-next chain with the last
 * 正文 paragraph, which has widow/orphan control, as the exporter writes it: when that part does not fit
 * below 正文 it moves to the next page together with (at least) the last two lines of 正文 — never a
 * 署名 page without 正文.
 */
export function typesetDocument(spec: DocumentSpec, layout: LayoutProfile, fit: FitSettings = gridFit(spec, layout)): { pages: PreviewPage[]; flow: TypesetFlow } {
  const t = new Typesetter(layout)
  const c = spec.content
  const minutes = spec.format === 'minutes'
  if (spec.format === 'letter') letterHead(t, spec)
  else fileHead(t, spec)
  const titleText = c.title.trim()
  if (titleText) title(t, titleText, 'title')
  if (c.recipients.trim()) {
    t.blank(layout.title.blankLinesToRecipients)
    const text = `${c.recipients.trim().replace(/[：:]+$/, '')}：`
    t.paragraph({ role: 'recipients', runs: [{ text, font: 'fangsong' }], align: 'left' })
  } else if (titleText) {
    t.blank(layout.title.blankLinesToRecipients)
  }

  const blocks = numberBlocks(c.body, c.itemNumbering)
  const tight = fit.tightPitchTwips
  const setBlock = (i: number, breakBefore?: number): number => {
    if (tight !== null && i >= fit.tightFromBlock) t.lineH = tight
    // The page of the block's first line: the next one when that line does not fit on this one.
    const page = t.pages.length - (t.cursor > 0 && t.cursor + t.lineH > t.typeH + 1e-6 ? 0 : 1)
    const lines = bodyBlock(t, blocks[i], breakBefore)
    flow.blocks[i] = { page, lines }
    return lines
  }
  const flow: TypesetFlow = { blocks: [], bodyEnd: { page: 0, cursor: 0 }, closingLines: 0, carried: false, imprint: { ownPage: false, blankPageBefore: false } }
  const last = blocks.length - 1
  for (let i = 0; i < last; i++) setBlock(i)

  const closing: Step[] = [
    // Issued documents (印发/转发) are the text itself, not attachments to list (no 附件说明).
    ...(c.attachmentsIssued ? [] : attachmentNote(t, c.attachments)),
    ...(minutes ? attendance(t, spec) : []),
    // 纪要 carries no seal (10.2): its 署名, if any, takes the unsealed form.
    ...signature(t, spec, signatureForm(spec, layout), fit.signatureBlankLines),
    ...notes(t, c),
  ]
  const snap = t.snapshot()
  const lastLines = last >= 0 ? setBlock(last) : 0
  flow.bodyEnd = { page: t.pages.length - 1, cursor: t.cursor }
  const afterBody = t.snapshot()
  if (tight !== null) t.lineH = tight
  const linesBefore = t.lineCount
  closing.forEach((step) => step())
  flow.closingLines = t.lineCount - linesBefore
  if (closing.length > 0 && t.pages.length - 1 > flow.bodyEnd.page && !(last < 0 && snap.cursor === 0)) {
    flow.carried = true
    if (minutes) {
      // 纪要格式 carries no seal and no 署名 that must share a page with 正文 (7.3.5.4 is about the sealed
      // 署名): 正文 fills its page and the part after it (出席/请假/列席, date, 附注), kept together, opens the
      // next one (the exporter writes no keep-with-next on the last 正文 paragraph, and a page break before).
      t.restore(afterBody)
      if (t.cursor > 0) t.newPage()
      if (tight !== null) t.lineH = tight
      // Opening the page: without the blank lines that separate it from 正文.
      closing.slice(closingLeadBlankLines(spec, layout, fit)).forEach((step) => step())
      t.lineH = t.pitch
      attachmentPages(t, c.attachments, c.itemNumbering, c.attachmentsIssued === true)
      flow.imprint = imprint(t, spec)
      return { pages: t.finish(spec), flow }
    }
    // Word's keep-with-next with widow/orphan control: the last two lines of 正文 go along (the whole
    // paragraph when it has fewer than four lines, so that neither page keeps a single line of it).
    t.restore(snap)
    t.lineH = t.pitch
    if (last >= 0) {
      if (tight !== null && last >= fit.tightFromBlock) t.lineH = tight
      bodyBlock(t, blocks[last], lastLines >= 4 ? lastLines - 2 : 0)
    } else if (t.cursor > 0) {
      t.newPage()
    }
    if (tight !== null) t.lineH = tight
    closing.forEach((step) => step())
  }
  t.lineH = t.pitch

  attachmentPages(t, c.attachments, c.itemNumbering, c.attachmentsIssued === true)
  flow.imprint = imprint(t, spec)
  return { pages: t.finish(spec), flow }
}
