/**
 * The preview's drawing of what only an official document (公文) of GB/T 9704-2012 has, from the composer's
 * blocks and data: the 版头 blocks (composeHead.ts: 发文机关标志, 发文字号 / 签发人 with the red separator, the 信函格式
 * letterhead) at their computed positions, the keep rule of 正文 headings, and the floating 版记 (compose.ts
 * imprintBlock). The 主体 is composed as blocks (composeText.ts) that the paginator lays; typeset.ts puts it all
 * together. Pure.
 */
import { imprintBlock, IMPRINT_ANCHOR_TWIPS } from './compose'
import { wrapChars } from '../print/lineBreak'
import { ptToTwips } from './layout'
import { fitMasthead } from './typeMetrics'
import { ROLE_TABLE } from '../print/roles'
import type { ImprintSpec, MastheadSpec, PrintBlock } from '../print/blocks'
import type { DocumentSpec } from './types'
import type { PreviewAlign, Style, Typesetter } from '../print/paginate'

// ---------------------------------------------------------------------------------------------
// 版头 (7.2) and the 信函格式 letterhead (10.1)

export { fitMasthead }

/** The red masthead (a composer's MastheadSpec) with its top edge at `top` (twips below the 版心 top). */
function masthead(t: Typesetter, m: MastheadSpec, top: number): void {
  const red: Style = { font: 'title', sizePt: m.fit.sizePt, color: t.red, letterSpacingPt: 0, scaleX: m.fit.scale / 100 }
  const lineH = m.lineTwips
  if (!m.joint) {
    if (m.text)
      t.text('masthead', [{ text: m.text, font: 'title' }], red, { lineTop: top, lineHeight: lineH, x: 0, width: t.typeW, align: 'center' })
    return
  }
  // Joint issuance (7.2.3): the names stacked and justified to one width, the suffix centred to their right.
  const x0 = (t.typeW - m.nameW - m.suffixW) / 2
  m.names.forEach((name, i) => {
    t.text('masthead', [{ text: name, font: 'title' }], red, {
      lineTop: top + i * lineH,
      lineHeight: lineH,
      x: x0,
      width: m.nameW,
      align: 'justify',
    })
  })
  if (m.suffix) {
    const suffixTop = top + ((m.names.length - 1) * lineH) / 2
    t.text('masthead', [{ text: m.suffix, font: 'title' }], red, {
      lineTop: suffixTop,
      lineHeight: lineH,
      x: x0 + m.nameW,
      width: m.suffixW,
      align: 'right',
    })
  }
}

/** 发文字号 (and 签发人 for 上行文) from `top`, as the composer placed them; returns the number of lines. */
function numberLines(t: Typesetter, b: Extract<PrintBlock, { kind: 'docNumberLines' }>, top: number): number {
  const pitch = t.pitch
  const body = t.body()
  const number = b.docNumber
  if (!b.upward) {
    if (number) t.text('docNumber', [{ text: number, font: 'fangsong' }], body, { lineTop: top, x: 0, width: t.typeW, align: 'center' })
    return 1
  }
  // 上行文 (7.2.4–7.2.5): number flush left one character in, on the last 签发人 line; names two a line, 楷体.
  const ch = t.ch
  const sl = b.signers
  const lines = Math.max(1, sl?.lines.length ?? 0)
  const nameX = sl?.nameX ?? t.typeW - ch
  for (let i = 0; i < lines; i++) {
    const lineTop = top + i * pitch
    if (i === lines - 1 && number)
      t.text('docNumber', [{ text: number, font: 'fangsong' }], body, { lineTop, x: ch, width: nameX - ch, align: 'left' })
    const g = sl?.lines[i]
    if (!sl || g === undefined) continue
    if (i === 0)
      t.text('signer', [{ text: sl.label, font: 'fangsong' }], body, { lineTop, x: sl.labelX, width: nameX - sl.labelX, align: 'left' })
    g.forEach((name, k) => {
      const x = sl.columnX[k]
      const width = (sl.columnX[k + 1] ?? sl.rightEdge + ch) - x
      t.text('signer', [{ text: name, font: 'kaiti' }], t.body('kaiti'), { lineTop, x, width, align: 'left' })
    })
  }
  return lines
}

/**
 * Lays a block of the composer's 版头 (composeHead.ts: 份号 …, spacers, 发文机关标志, 发文字号 / 签发人 with the red
 * separator, the 信函格式 letterhead and first lines) at the positions it computed; other blocks as the paginator lays
 * them (Typesetter.block).
 */
export function layHeadBlock(t: Typesetter, b: PrintBlock): void {
  switch (b.kind) {
    case 'spacer':
      if (b.twips > 0) t.advance(b.twips)
      return
    case 'masthead':
      masthead(t, b.masthead, t.cursor)
      t.advance((b.masthead.joint ? b.masthead.names.length : 1) * b.masthead.lineTwips)
      return
    case 'docNumberLines': {
      const top = t.cursor
      const lines = numberLines(t, b, top)
      // The red separator where the composer puts it, below the (last) number line (7.2.5).
      t.placedRule('separator', b.separator, top + (lines - 1) * t.pitch)
      t.advance(lines * t.pitch)
      return
    }
    case 'letterhead':
      if (b.text)
        t.text(
          'masthead',
          [{ text: b.text, font: 'title' }],
          { font: 'title', sizePt: b.fit.sizePt, color: t.red, letterSpacingPt: 0, scaleX: b.fit.scale / 100 },
          { lineTop: b.topTwips - t.layout.page.marginTopTwips, lineHeight: b.lineTwips, x: 0, width: t.typeW, align: 'center' },
        )
      for (const r of b.rules) t.placedRule(r.role, r.geometry)
      return
    case 'letterLine': {
      const lineTop = t.line()
      if (b.head) {
        const r = ROLE_TABLE[b.head.role]
        const runs = b.head.runs.map((run) => ({ text: run.text, font: run.font ?? r.font }))
        const style = { ...t.body(runs[0]?.font ?? r.font), ...(r.latinInSlot ? { latinInSlot: true } : {}) }
        t.text(b.head.role, runs, style, { lineTop, x: 0, width: t.typeW, align: 'left' })
      }
      if (b.docNumber)
        t.text('docNumber', [{ text: b.docNumber, font: 'fangsong' }], t.body(), { lineTop, x: 0, width: t.typeW, align: 'right' })
      return
    }
    default:
      t.block(b)
  }
}

// ---------------------------------------------------------------------------------------------
// 主体 (7.3): composed as blocks (composeText.ts) and laid by the paginator (paginate.ts Typesetter.block)

/** Lines a paragraph block takes at the body size (its first-line indent), as Typesetter.block sets it. */
function paragraphLineCount(t: Typesetter, b: PrintBlock): number {
  if (b.kind !== 'paragraph') return 1
  const chars = b.runs.flatMap((r) => [...r.text])
  if (chars.length === 0) return 1
  const firstLine = b.firstLineTwips ?? 0
  const unit = t.charTwips(t.layout.text.bodySizePt)
  return wrapChars(chars, (i) => (t.typeW - (i === 0 ? firstLine : 0)) / unit, t.gapChars()).length
}

/** Is `b` a standalone heading, kept with what follows and never split (composeText.ts bodyBlocks: keepLines)? */
function keepsWithNext(b: PrintBlock): boolean {
  return b.kind === 'paragraph' && b.keepLines === true
}

/**
 * Headings keep with their next line (7.3.3; issue: 「二、主要成效」 as page 1's last line, its text on page 2):
 * when a standalone heading (the composer's keepLines, compose.ts isStandaloneHeading) — with the headings right
 * after it, a chain as Word's keepNext makes one — and the first line of the block after them do not fit below
 * the cursor, the heading opens the next page; the .docx writes keepNext + keepLines on the same blocks. Not for
 * the last block (the part after 正文 is chained to it by typeset.ts) nor at the top of a page.
 */
export function keepHeadingWithNext(t: Typesetter, blocks: PrintBlock[], i: number): void {
  if (t.cursor <= 0 || !keepsWithNext(blocks[i]) || i >= blocks.length - 1) return
  let need = 0
  let j = i
  while (j < blocks.length - 1 && keepsWithNext(blocks[j])) {
    need += paragraphLineCount(t, blocks[j]) * t.lineH
    j++
  }
  const next = blocks[j]
  need += next.kind === 'table' || next.kind === 'image' ? t.openingTwips(next) : t.lineH
  if (t.cursor + need > t.typeH + 1e-6) t.newPage()
}

// ---------------------------------------------------------------------------------------------
// 版记 (7.4)

/** A row of the 版记 (抄送, or 印发机关 and date) and its lines. */
type ImprintRow = { lines: { text: string; x: number; width: number; align: PreviewAlign }[][] }

/** The rows of the composer's 版记 block and their lines as the preview sets them (抄送 wrapped under the first name). */
function imprintLayoutRows(t: Typesetter, imprint: ImprintSpec): ImprintRow[] {
  const unit = ptToTwips(imprint.sizePt)
  const side = imprint.sideTwips
  return imprint.rows.map((row): ImprintRow => {
    if (row.kind === 'cc') {
      const headW = row.hangingTwips
      const wrapped = wrapChars([...row.text], (i) => (t.typeW - 2 * side - (i === 0 ? 0 : headW)) / unit, t.gapChars(imprint.sizePt))
      return {
        lines: wrapped.map((lc, i) => {
          const x = side + (i === 0 ? 0 : headW)
          return [{ text: lc.join(''), x, width: t.typeW - side - x, align: i === wrapped.length - 1 ? 'left' : 'justify' }]
        }),
      }
    }
    const line: ImprintRow['lines'][number] = []
    if (row.org) line.push({ text: row.org, x: side, width: t.typeW - 2 * side, align: 'left' })
    if (row.date) line.push({ text: row.date, x: side, width: t.typeW - 2 * side, align: 'right' })
    return { lines: [line] }
  })
}

/**
 * Height the 信函格式 版记 (抄送 only, at the foot of the last page, 10.1) takes with the anchor paragraph
 * above it, in twips; 0 for other formats or without 抄送. typeset.ts counts it in the page fit, so that a
 * letter tightened to keep its 署名 with 正文 keeps its 抄送 there too (issue 13 item 5).
 */
export function letterImprintTwips(t: Typesetter, spec: DocumentSpec): number {
  const block = spec.format === 'letter' ? imprintBlock(t.layout, spec) : null
  if (!block) return 0
  const lines = imprintLayoutRows(t, block.imprint).reduce((n, r) => n + r.lines.length, 0)
  return lines > 0 ? lines * t.pitch + block.imprint.anchorTwips : 0
}

/**
 * The composer's 版记 block (compose.ts imprintBlock: 抄送 and 印发机关/印发日期 between its rules, the last on
 * the bottom edge of the 版心) at the foot of the last page; on a page of its own (without a page number)
 * when the text above leaves no room. 信函格式: 抄送 only, no lines.
 */
export function imprint(t: Typesetter, spec: DocumentSpec): ImprintPlacement {
  const l = t.layout
  const block = imprintBlock(l, spec)
  if (!block) return { ownPage: false, blankPageBefore: false, numbered: false }
  const im = block.imprint
  const style: Style = { font: 'fangsong', sizePt: im.sizePt, color: t.black, letterSpacingPt: 0, scaleX: 1 }
  const rows = imprintLayoutRows(t, im)

  const pitch = t.pitch
  const total = rows.reduce((n, r) => n + r.lines.length, 0) * pitch
  const top = t.typeH - total
  // 7.4 "版记应当置于公文最后一面": the last face of the last sheet, an even page in double-sided printing.
  // When the last text page is odd, the 版记 goes on the next (even) page even if it would fit — except in a
  // one-page document: a single sheet printed on one side, whose only face is its last, keeps it on page 1
  // (as single-page notices are issued; a second page for the 版记 alone would add a sheet for nothing).
  const lastPage = t.pages.length
  const oddLastPage = lastPage % 2 === 1 && lastPage > 1
  // The floating 版记 table needs its anchor paragraph (anchorTwips high) above it on the page: a text that
  // reaches the 版记's top edge exactly leaves no room for it (LibreOffice then moves the 版记 on).
  const placement: ImprintPlacement = {
    ownPage: t.cursor + im.anchorTwips > top + 1e-6 || oddLastPage,
    blankPageBefore: false,
    numbered: false,
  }
  if (placement.ownPage) {
    // 7.4 / 7.5: the 版记 goes on an even page (the back of the last sheet); a blank page before it when
    // the next page would be odd. With a blank page before it neither carries a page number (7.5); right
    // after an odd text page it is numbered, unless the profile keeps the habit of never numbering it.
    placement.blankPageBefore = (t.pages.length + 1) % 2 === 1
    placement.numbered = !placement.blankPageBefore && l.imprint.ownPageNumber !== 'unnumbered'
    if (placement.blankPageBefore) {
      t.newPage()
      t.page.unnumbered = true
    }
    t.newPage()
    t.page.unnumbered = !placement.numbered
  }
  let y = top
  rows.forEach((r, i) => {
    // The rule above the row: the first at the 版记's top edge, the others centred on the row boundary.
    const w = im.rulesAbove[i]
    if (w > 0) t.rule('imprintLine', { x: 0, y: i === 0 ? y : y - w / 2, width: t.typeW, thickness: w, color: t.black })
    for (const line of r.lines) {
      for (const part of line)
        t.text('imprint', [{ text: part.text, font: 'fangsong' }], style, { lineTop: y, x: part.x, width: part.width, align: part.align })
      y += pitch
    }
  })
  if (im.ruleBelow > 0) t.rule('imprintLine', { x: 0, y: t.typeH - im.ruleBelow, width: t.typeW, thickness: im.ruleBelow, color: t.black })
  t.cursor = t.typeH
  return placement
}

// ---------------------------------------------------------------------------------------------

export { IMPRINT_ANCHOR_TWIPS }

/** Where the 版记 went (7.4, 7.5). */
export interface ImprintPlacement {
  /**
   * On a page of its own, without a page number: the text above left no room, or the last text page is odd
   * (the 版记 belongs on the last, even face; a one-page document keeps it on page 1).
   */
  ownPage: boolean
  /** After a blank page, also without a page number, so that the 版记 page is even. */
  blankPageBefore: boolean
  /** The 版记 page of its own shows its page number (7.5: no blank page before it; LayoutProfile imprint.ownPageNumber). */
  numbered: boolean
}
