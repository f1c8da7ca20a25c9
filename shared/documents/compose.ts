/**
 * The 公文 composer's shared decisions: what an element says and where a computed element goes, taken ONCE
 * for both the preview's typesetter (elements.ts) and the .docx writer (electron/core/export/docx/body.ts),
 * so the two cannot place them differently. Widths come from the one measurement (shared/print/measure.ts).
 * Offsets in twips from the 版心's left or right edge, not rounded (the .docx rounds them when it writes).
 */
import { AUTO_SPACE_EM, measureChars, textWidthTwips } from '../print/measure'
import { fitMasthead, flushTopLineTwips, type MastheadFit } from './typeMetrics'
import { chineseDateOrBlank } from './chineseDate'
import { breakTitle } from './titleBreak'
import { bodyCharTwips, mmToTwips, runMetrics, typeAreaWidthTwips, type FontSlot, type LayoutProfile } from './layout'
import type { NumberedBlock } from './headingNumbering'
import type { Attachment, BodyBlock, DocumentContent, ParagraphBlock } from './types'

/** Width of `text` in 3号 body text with the profile's spacing, twips. */
const bodyWidth = (layout: LayoutProfile, text: string) => textWidthTwips(text, runMetrics(layout))

/**
 * The runs of one 正文 paragraph or heading (7.3.3): levels 1 and 2 set their number and the heading part —
 * up to and including the first 。 when the text runs on into a paragraph — in the level's slot (黑体 /
 * 楷体), the rest in 仿宋; levels 3 and 4 take their slot (仿宋 by default) throughout. Line breaks in the
 * stored text are dropped.
 */
export function bodyRuns(layout: LayoutProfile, b: ParagraphBlock & Pick<NumberedBlock, 'label'>): { text: string; font: FontSlot }[] {
  const text = b.text.replace(/\r?\n/g, '')
  if (b.level === 0) return [{ text, font: 'fangsong' }]
  const slot = layout.body.headingSlots[b.level - 1]
  const stop = text.indexOf('。')
  const splitAt = slot !== 'fangsong' && stop >= 0 && stop < text.length - 1 ? stop + 1 : text.length
  return [
    { text: b.label + text.slice(0, splitAt), font: slot },
    ...(splitAt < text.length ? [{ text: text.slice(splitAt), font: 'fangsong' as const }] : []),
  ]
}

/**
 * A heading standing on its own line(s) (7.3.3: 一、 （一） 1. （1） with no paragraph text running on after
 * its first 。): it keeps with the first line of what follows, never a page's last line — the preview moves
 * it (elements.ts keepHeadingWithNext), the .docx writes w:keepNext and w:keepLines (body.ts).
 */
export function isStandaloneHeading(b: BodyBlock): boolean {
  if (b.kind === 'table' || b.kind === 'image' || b.level === 0) return false
  const text = b.text.replace(/\r?\n/g, '').trim()
  if (text === '') return false
  const stop = text.indexOf('。')
  return stop < 0 || stop === text.length - 1
}

/** A text placed by computation on its line: its left edge from the 版心's left and its right edge from the 版心's right. */
export interface PlacedPart {
  text: string
  leftTwips: number
  rightTwips: number
}

/**
 * One line of the 署名 / 成文日期 part: the 署名 on it (several side by side in a sealed joint issuance), the
 * date, or a blank line between two rows of 署名 (room for the seals).
 */
export interface PlacedLine {
  role: 'signature' | 'date' | 'blank'
  parts: PlacedPart[]
}

/**
 * 署名 and 成文日期 (7.3.5), line by line. Sealed form (7.3.5.1): the date right-indented
 * (sealedDateRightIndentChars); one 署名 centred over it; a joint issuance's 署名 "按照发文机关顺序整齐横向排列"
 * (sealedJointColumns): side by side in rows, in order, each in a column as wide as its seal (sealDiameterMm)
 * or its name, columns sealGapMm apart so that no two seals touch, every seal within the 版心, the last
 * 署名 centred over the date (its seal presses both) — rows that do not fit in the 版心 are stacked
 * ceil((seal + gap) / pitch) lines apart. Unsealed form (7.3.5.2): the 署名 right-indented
 * (unsealedNameRightIndentChars), the date starting unsealedDateShiftChars further right — or, when the
 * date is the longer, the date right-indented and the 署名 moved left; joint 署名 stacked ("依次向下编排").
 * Empty 署名 are left out; throws the RangeError of chineseDateOrBlank on a date that is not a real date.
 */
export function signaturePlacement(
  layout: LayoutProfile,
  content: Pick<DocumentContent, 'signatureOrgs' | 'signedDate'>,
  form: 'sealed' | 'unsealed',
): PlacedLine[] {
  const s = layout.signature
  const orgs = content.signatureOrgs.map((o) => o.trim()).filter((o) => o !== '')
  const date = chineseDateOrBlank(content.signedDate)
  const ch = bodyCharTwips(layout)
  const typeW = typeAreaWidthTwips(layout)
  const dateW = bodyWidth(layout, date)
  const part = (text: string, left: number): PlacedPart => ({ text, leftTwips: left, rightTwips: typeW - left - bodyWidth(layout, text) })
  const out: PlacedLine[] = []
  if (form === 'sealed') {
    const dateRight = s.sealedDateRightIndentChars * ch
    const g = orgs.length > 0 ? sealedJointColumns(layout, orgs, typeW - dateRight - dateW / 2) : { rows: [], rowLines: 0, centres: [] }
    g.rows.forEach((row, r) => {
      if (r > 0) for (let k = 1; k < g.rowLines; k++) out.push({ role: 'blank', parts: [] })
      out.push({
        role: 'signature',
        parts: row.map(({ name, column }) => {
          const w = bodyWidth(layout, name)
          // Centred on its column (its seal), kept inside the 版心.
          return part(name, Math.max(0, Math.min(typeW - w, g.centres[column] - w / 2)))
        }),
      })
    })
    if (date) out.push({ role: 'date', parts: [part(date, typeW - dateRight - dateW)] })
    return out
  }
  const nameRight = s.unsealedNameRightIndentChars * ch
  const shift = s.unsealedDateShiftChars * ch
  const nameW = Math.max(0, ...orgs.map((o) => bodyWidth(layout, o)))
  const nameX = Math.min(typeW - nameRight - nameW, typeW - nameRight - dateW - shift)
  for (const org of orgs) out.push({ role: 'signature', parts: [part(org, Math.max(0, nameX))] })
  if (date) out.push({ role: 'date', parts: [part(date, Math.max(0, nameX + shift))] })
  return out
}

/**
 * The columns and rows of sealed 署名 (7.3.5.1 联合行文): the fewest rows whose columns fit the 版心, as even
 * as possible (⌈n / rows⌉ columns); names fill the rows in order, the last row's names in its rightmost
 * columns so that the last 署名 stands over the date. A column is as wide as its seal (sealDiameterMm) or
 * its widest name plus one character; neighbouring columns sealGapMm apart; the rightmost column centred on
 * `lastCentreTwips` (the date's centre), the leftmost starting at or right of the 版心's left edge (one
 * column per row when nothing else fits). Returns the column centres (twips from the 版心's left), the
 * names per row with their column, and the line distance between two rows' names (⌈(seal + gap) / pitch⌉).
 */
export function sealedJointColumns(
  layout: LayoutProfile,
  orgs: string[],
  lastCentreTwips: number,
): { centres: number[]; rows: { name: string; column: number }[][]; rowLines: number } {
  const s = layout.signature
  const seal = mmToTwips(s.sealDiameterMm)
  const gap = mmToTwips(s.sealGapMm)
  const ch = bodyCharTwips(layout)
  const rowLines = Math.max(1, Math.ceil((seal + gap) / layout.grid.linePitchTwips))
  const n = orgs.length
  const grid = (rowCount: number) => {
    const cols = Math.ceil(n / rowCount)
    const rows: { name: string; column: number }[][] = Array.from({ length: rowCount }, () => [])
    const lastRowFrom = (rowCount - 1) * cols
    orgs.forEach((name, i) => {
      const row = Math.min(rowCount - 1, Math.floor(i / cols))
      rows[row].push({ name, column: i < lastRowFrom ? i % cols : cols - (n - i) })
    })
    const widths = Array.from({ length: cols }, () => seal)
    for (const row of rows) for (const c of row) widths[c.column] = Math.max(widths[c.column], bodyWidth(layout, c.name) + ch)
    const centres = new Array<number>(cols)
    centres[cols - 1] = lastCentreTwips
    for (let c = cols - 1; c > 0; c--) centres[c - 1] = centres[c] - (widths[c] + widths[c - 1]) / 2 - gap
    return { centres, rows, fits: centres[0] - widths[0] / 2 >= -1e-6 }
  }
  for (let rowCount = 1; rowCount < n; rowCount++) {
    const g = grid(rowCount)
    if (g.fits) return { centres: g.centres, rows: g.rows, rowLines }
  }
  const g = grid(Math.max(1, n))
  return { centres: g.centres, rows: g.rows, rowLines }
}

/**
 * 附件说明 (7.3.4): "附件：1.××××", numbered when there are several, no closing punctuation; each entry's
 * first line at the indent (attachmentNote.indentChars), its wrapped lines under the first character of the
 * name — where the widest "附件：N." ends. Returns per entry its text, the left indent of the name and the
 * hanging indent of the prefix, twips.
 */
export function attachmentNoteLines(
  layout: LayoutProfile,
  attachments: Pick<Attachment, 'title'>[],
): { text: string; leftTwips: number; hangingTwips: number }[] {
  if (attachments.length === 0) return []
  const head = '附件：'
  const several = attachments.length > 1
  const labels = attachments.map((_, i) => (several ? `${i + 1}.` : ''))
  const nameX = layout.attachmentNote.indentChars * bodyCharTwips(layout) + Math.max(...labels.map((l) => bodyWidth(layout, head + l)))
  return attachments.map((a, i) => {
    const prefix = (i === 0 ? head : '') + labels[i]
    return { text: prefix + a.title.trim().replace(/[。；;，,]+$/, ''), leftTwips: nameX, hangingTwips: bodyWidth(layout, prefix) }
  })
}

/**
 * 出席 / 请假 / 列席 (10.2), one entry per list present: the label with its colon (黑体), the names (仿宋), the
 * left indent where the names start and the hanging indent of the label, twips.
 */
export function attendanceEntries(
  layout: LayoutProfile,
  rows: [label: string, names: string][],
): { head: string; names: string; leftTwips: number; hangingTwips: number }[] {
  const indent = layout.minutes.attendanceIndentChars * bodyCharTwips(layout)
  return rows.map(([label, names]) => {
    const head = `${label}：`
    const headW = bodyWidth(layout, head)
    return { head, names: names.trim(), leftTwips: indent + headW, hangingTwips: headW }
  })
}

/**
 * 签发人 of a 上行文 (7.2.4–7.2.5): "签发人：" + the names (trimmed, empty ones left out), "按照发文机关的排列顺序从
 * 左到右、自上而下依次均匀编排，一般每行排两个姓名，回行时与上一行第一个签发人姓名对齐" — in columns
 * (signersPerLine a line) of one width, the widest name's, one character apart, so that every line's names
 * start at the same positions; the widest line ends one character from the 版心's right edge. Returns the
 * names per line, where the label and each column start and the right edge, twips from the 版心's left edge
 * (null without signers).
 */
export function signerLines(
  layout: LayoutProfile,
  signers: string[],
): { lines: string[][]; label: string; labelX: number; nameX: number; columnX: number[]; rightEdge: number } | null {
  const names = signers.map((s) => s.trim()).filter((s) => s !== '')
  if (names.length === 0) return null
  const perLine = Math.min(SIGNERS_PER_LINE, names.length)
  const lines: string[][] = []
  for (let i = 0; i < names.length; i += perLine) lines.push(names.slice(i, i + perLine))
  const label = '签发人：'
  const ch = bodyCharTwips(layout)
  const rightEdge = typeAreaWidthTwips(layout) - ch
  const columnW = Math.max(...names.map((n) => bodyWidth(layout, n)))
  const nameX = rightEdge - perLine * columnW - (perLine - 1) * ch
  const columnX = Array.from({ length: perLine }, (_, k) => nameX + k * (columnW + ch))
  return { lines, label, labelX: nameX - SIGNER_LABEL_GAP_TWIPS - bodyWidth(layout, label), nameX, columnX, rightEdge }
}

/** 7.2.4 "一般每行排两个姓名". */
const SIGNERS_PER_LINE = 2
/**
 * "签发人：" ends this far (0.18 mm) before the first name, so that the .docx's tab after it always reaches the
 * first column's stop (a tab standing exactly on a stop would jump on to the next one).
 */
export const SIGNER_LABEL_GAP_TWIPS = 10

/**
 * The organisation names a 标题 line must not split (7.3.3 "词意完整"), besides the lexicon (titleLexicon.ts):
 * the document's 发文机关 and 署名, trimmed, without duplicates.
 */
export function titleTerms(content: Pick<DocumentContent, 'mastheadOrgs' | 'signatureOrgs'>): string[] {
  return [...new Set([...content.mastheadOrgs, ...content.signatureOrgs].map((o) => o.trim()).filter((o) => o !== ''))]
}

/**
 * 标题 (7.3.1) lines: broken at word boundaries (titleBreak.ts; never inside a lexicon word or one of
 * `terms`, the document's organisation names — titleTerms), each with the character spacing (twentieths
 * of a point, ≤ 0) that makes it fit the 版心 — a line of exactly 20 characters with digits is widened by the
 * CJK–Latin gaps, and a typist would condense it by a fraction of a point rather than let "点》" drop to a
 * line of its own; at most 1 pt. The preview draws and the .docx writes the same lines and spacing.
 */
export function titleLines(layout: LayoutProfile, title: string, terms: readonly string[] = []): { text: string; spacingTwips: number }[] {
  return breakTitle(title.trim(), layout.title.maxCharsPerLine, terms).map((text) => {
    const over = textWidthTwips(text, { sizePt: layout.text.titleSizePt }) - typeAreaWidthTwips(layout)
    return { text, spacingTwips: over <= 0 ? 0 : -Math.min(20, Math.ceil(over / [...text].length)) }
  })
}

/**
 * 版记 (7.4) texts and indents, in 4号 (imprintSizePt) without character spacing: the 抄送 line ("抄送：" +
 * names + "。", trailing punctuation of the stored names dropped, wrapped lines under the first name) and the
 * 印发 line (印发机关 flush left, "…印发" flush right), each indented sideIndentChars characters on both sides;
 * 信函格式 has no 印发 line. Throws the RangeError of chineseDateOrBlank on a 印发日期 that is not a real date.
 */
export function imprintRows(
  layout: LayoutProfile,
  content: Pick<DocumentContent, 'ccRecipients' | 'printingOrg' | 'printedDate'>,
  letter: boolean,
): { sideTwips: number; cc: { text: string; hangingTwips: number } | null; printing: { org: string; date: string } | null } {
  const sizePt = layout.text.imprintSizePt
  const sideTwips = layout.imprint.sideIndentChars * sizePt * 20
  const names = content.ccRecipients.trim().replace(/[。，,；;：:]+$/, '')
  const head = '抄送：'
  const cc = names ? { text: `${head}${names}。`, hangingTwips: textWidthTwips(head, { sizePt }) } : null
  const printedDate = chineseDateOrBlank(content.printedDate)
  const org = content.printingOrg.trim()
  const printing = !letter && (org || printedDate) ? { org, date: printedDate ? `${printedDate}印发` : '' } : null
  return { sideTwips, cc, printing }
}

/**
 * 发文机关标志 (7.2.3): one line (the name + suffix, centred) or, for joint issuance, the names (trimmed, empty
 * ones left out) stacked and justified to one width with the suffix beside them; the size and horizontal
 * scale fitted to the profile's maximum width (typeMetrics.ts fitMasthead), each line flushTopLineTwips high.
 * Widths in twips at the fitted size and scale.
 */
export function mastheadGeometry(
  layout: LayoutProfile,
  orgs: string[],
  suffix: string,
  maxSizePt: number = layout.masthead.maxSizePt,
): { names: string[]; text: string; fit: MastheadFit; lineTwips: number; joint: boolean; nameW: number; suffixW: number } {
  const names = orgs.map((o) => o.trim()).filter((o) => o !== '')
  if (names.length <= 1) {
    const text = (names[0] ?? '') + suffix
    const fit = fitMasthead(layout, measureChars(text, AUTO_SPACE_EM), maxSizePt)
    return { names, text, fit, lineTwips: flushTopLineTwips(fit.sizePt), joint: false, nameW: 0, suffixW: 0 }
  }
  const nameEm = Math.max(...names.map((n) => measureChars(n, AUTO_SPACE_EM)))
  const suffixEm = suffix ? measureChars(suffix, AUTO_SPACE_EM) + 0.5 : 0
  const fit = fitMasthead(layout, nameEm + suffixEm, maxSizePt)
  const emTw = fit.sizePt * 20 * (fit.scale / 100)
  return {
    names,
    text: '',
    fit,
    lineTwips: flushTopLineTwips(fit.sizePt),
    joint: true,
    nameW: Math.ceil(nameEm * emTw),
    suffixW: Math.ceil(suffixEm * emTw),
  }
}

/** The 信函格式 letterhead's text (the first non-empty 发文机关 + suffix) and fit, at the letter's maximum size (10.1). */
export function letterheadGeometry(
  layout: LayoutProfile,
  content: Pick<DocumentContent, 'mastheadOrgs' | 'mastheadSuffix'>,
): { text: string; fit: MastheadFit; lineTwips: number } {
  const first = content.mastheadOrgs.map((o) => o.trim()).find((o) => o !== '') ?? ''
  const g = mastheadGeometry(layout, [first], content.mastheadSuffix, layout.letter.mastheadMaxSizePt)
  return { text: g.text, fit: g.fit, lineTwips: g.lineTwips }
}
