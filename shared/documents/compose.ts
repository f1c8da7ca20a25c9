/**
 * The 公文 composer's shared decisions: what an element says and where a computed element goes, taken ONCE
 * for both the preview's typesetter (elements.ts, paginate.ts) and the .docx writer (electron/core/export/docx/),
 * so the two cannot place them differently. Widths come from the one measurement (shared/print/measure.ts).
 * Offsets in twips from the 版心's left or right edge, not rounded (the .docx rounds them when it writes).
 */
import { AUTO_SPACE_EM, measureChars, textWidthTwips } from '../print/measure'
import { emBottomInLine, emTopInLine, fitMasthead, flushTopLineTwips, type MastheadFit } from './typeMetrics'
import { chineseDateOrBlank } from './chineseDate'
import { breakTitle } from './titleBreak'
import { bodyCharTwips, mmToTwips, runMetrics, typeAreaWidthTwips, type FontSlot, type LayoutProfile } from './layout'
import type { NumberedBlock } from './headingNumbering'
import type { Attachment, BodyBlock, DocumentContent, DocumentSpec, ParagraphBlock } from './types'
import { pageNumberFurniture, type PageNumberFurniture } from '../print/pageNumbers'
import type { ImprintRowSpec, PlacedRule, PrintBlock } from '../print/blocks'
import { ROLE_TABLE } from '../print/roles'

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
 * it (elements.ts keepHeadingWithNext), the .docx writes w:keepNext and w:keepLines — both from the flags
 * composeText.ts bodyBlocks sets.
 * 一、 and （一） are headings unless text runs on after their first 。. A 1. or （1） item is a heading only
 * when it reads as a label: no sentence punctuation (。；！？) and at most STANDALONE_ITEM_MAX_CHARS characters —
 * a list of one-sentence items (「1.成立工作专班。」) is text, never one long keep-together chain.
 */
export function isStandaloneHeading(b: BodyBlock): boolean {
  if (b.kind === 'table' || b.kind === 'image' || b.level === 0) return false
  const text = b.text.replace(/\r?\n/g, '').trim()
  if (text === '') return false
  if (b.level >= 3) return !/[。；！？;!?]/.test(text) && [...text].length <= STANDALONE_ITEM_MAX_CHARS
  const stop = text.indexOf('。')
  return stop < 0 || stop === text.length - 1
}

/** The longest 1. / （1） label kept with what follows: one line of 正文 (28 characters, 7.3.3 / 5.2.2). */
export const STANDALONE_ITEM_MAX_CHARS = 28

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

// ---------------------------------------------------------------------------------------------
// Furniture of the 公文 as data (page numbers, rules, 版头 runs, 附件 labels, 版记): decided here once; the
// preview (elements.ts, shared/print/paginate.ts) draws it and the .docx writer (electron/core/export/docx/)
// writes it, neither computing its geometry.

/**
 * 页码 (7.5) of a 公文: the profile's furniture (shared/print/pageNumbers.ts); 信函格式 shows no number on its
 * first page (10.1). Which later pages go without (the 版记 page and a blank page before it) is the 版记
 * placement's decision (elements.ts imprint, ImprintPlacement.numbered with imprint.ownPageNumber).
 */
export function officialPageNumbers(spec: Pick<DocumentSpec, 'format'>, layout: LayoutProfile): PageNumberFurniture {
  return pageNumberFurniture(layout, spec.format !== 'letter')
}

/**
 * The red separator (7.2.5): separator.widthMm (156 mm, as wide as the 版心) centred on the 版心, weightPt thick,
 * its top edge separator.belowNumberMm (4 mm) below the bottom of the 发文字号's characters — `yTwips` from the
 * top of the (last) number line it belongs to. The title goes separator.blankLinesToTitle lines below its
 * lower edge (separatorToTitleTwips).
 */
export function separatorRule(layout: LayoutProfile): PlacedRule {
  const width = mmToTwips(layout.separator.widthMm)
  return {
    kind: 'rule',
    role: 'separator',
    geometry: {
      color: 'red',
      weightTwips: layout.separator.weightPt * 20,
      widthTwips: width,
      xTwips: (typeAreaWidthTwips(layout) - width) / 2,
      yTwips: emBottomInLine(layout.grid.linePitchTwips, layout.text.bodySizePt) + mmToTwips(layout.separator.belowNumberMm),
      from: 'line',
    },
  }
}

/** From the top of the last number line to the top of the title's first line (7.3.1: two blank lines below the red line), twips. */
export function separatorToTitleTwips(layout: LayoutProfile): number {
  const g = separatorRule(layout).geometry
  return g.yTwips + g.weightTwips + layout.separator.blankLinesToTitle * layout.grid.linePitchTwips
}

/**
 * 信函格式 (10.1): the red double lines, each a thick and a thin line (a compound line is lost in LibreOffice):
 * thick over thin letter.doubleLineBelowMastheadMm (4 mm) below the letterhead's characters, thin over thick
 * with its lower edge letter.bottomDoubleLineFromPageBottomMm (20 mm) above the page's bottom edge, the band
 * doubleLineWeightPt wide; all doubleLineLengthMm (170 mm) long, centred on the page (20–190 mm from its left
 * edge), not on the 版心. Tops from the page top; in order top to bottom.
 */
export function letterRules(layout: LayoutProfile, content: Pick<DocumentContent, 'mastheadOrgs' | 'mastheadSuffix'>): PlacedRule[] {
  const l = layout.letter
  const { fit } = letterheadGeometry(layout, content)
  const band = l.doubleLineWeightPt * 20
  const thick = l.doubleLineThickPt * 20
  const thin = l.doubleLineThinPt * 20
  const widthTwips = mmToTwips(l.doubleLineLengthMm)
  const xTwips = (layout.page.widthTwips - widthTwips) / 2 - layout.page.marginLeftTwips
  const upperTop = mmToTwips(l.mastheadTopFromPageMm) + fit.sizePt * 20 + mmToTwips(l.doubleLineBelowMastheadMm)
  const lowerBottom = layout.page.heightTwips - mmToTwips(l.bottomDoubleLineFromPageBottomMm)
  const rule = (yTwips: number, weightTwips: number): PlacedRule => ({
    kind: 'rule',
    role: 'letterLine',
    geometry: { color: 'red', weightTwips, widthTwips, xTwips, yTwips, from: 'page' },
  })
  return [rule(upperTop, thick), rule(upperTop + band - thin, thin), rule(lowerBottom - band, thin), rule(lowerBottom - thick, thick)]
}

/**
 * 信函格式 (10.1): the top of the first line below the upper double line (份号 … flush left, 发文字号 flush right),
 * twips below the 版心 top: its characters letter.numberGapChars 3号 characters below the band's lower edge.
 */
export function letterFirstLineTop(layout: LayoutProfile, content: Pick<DocumentContent, 'mastheadOrgs' | 'mastheadSuffix'>): number {
  const [upper] = letterRules(layout, content)
  const bandBottom = upper.geometry.yTwips + layout.letter.doubleLineWeightPt * 20
  const emTop = bandBottom + layout.letter.numberGapChars * layout.text.bodySizePt * 20
  return emTop - layout.page.marginTopTwips - emTopInLine(layout.grid.linePitchTwips, layout.text.bodySizePt)
}

/** A paragraph block (shared/print/blocks.ts) as the composer emits 公文 elements. */
export type TextBlock = Extract<PrintBlock, { kind: 'paragraph' }>

/**
 * 份号, 密级和保密期限, 紧急程度 (7.2.1–7.2.2): one paragraph block each, in that order, flush left at the top of the
 * 版心 (文件格式, 纪要格式) or on the lines below the 信函 double line (10.1); each in its role's slot and with
 * its role's digits (roles.ts: 份号 3号仿宋 numerals, 密级 and 紧急程度 3号黑体 with the digits in 黑体 too).
 * Empty ones are left out.
 */
export function headBlocks(content: Pick<DocumentContent, 'copyNumber' | 'secrecy' | 'urgency'>): TextBlock[] {
  const out: TextBlock[] = []
  const add = (role: 'copyNumber' | 'secrecy' | 'urgency', text: string | undefined) => {
    if (text) out.push({ kind: 'paragraph', role, runs: [{ text, font: ROLE_TABLE[role].font }] })
  }
  add('copyNumber', content.copyNumber)
  add('secrecy', content.secrecy)
  add('urgency', content.urgency)
  return out
}

/**
 * The label of attachment `index` (0-based) of `count` (8): "附件" + its number when there are several, 3号黑体
 * (digits too) flush left on line 1 of a new page. Issued documents (印发/转发) carry none.
 */
export function attachmentLabelBlock(index: number, count: number): TextBlock {
  return {
    kind: 'paragraph',
    role: 'attachmentLabel',
    runs: [{ text: count > 1 ? `附件${index + 1}` : '附件', font: ROLE_TABLE.attachmentLabel.font }],
    pageBreakBefore: true,
  }
}

/** Height of the thin empty paragraph the exporter writes after the floating 版记 table (its anchor), in twips. */
export const IMPRINT_ANCHOR_TWIPS = 20

/**
 * 版记 (7.4) as a floating block: the rows of imprintRows (抄送, then 印发机关 and 印发日期), a thick rule above the
 * first row and a thin one above each later row, a thick one below the last on the 版心's bottom edge
 * (imprint.thickLineMm 0.35 mm, thinLineMm 0.25 mm); 信函格式 (10.1): 抄送 only, no rules. Null when there is
 * nothing to print. Throws the RangeError of chineseDateOrBlank on a 印发日期 that is not a real date.
 */
export function imprintBlock(
  layout: LayoutProfile,
  spec: Pick<DocumentSpec, 'format'> & { content: Pick<DocumentContent, 'ccRecipients' | 'printingOrg' | 'printedDate'> },
): Extract<PrintBlock, { kind: 'floatingImprint' }> | null {
  const letter = spec.format === 'letter'
  const r = imprintRows(layout, spec.content, letter)
  const rows: ImprintRowSpec[] = [
    ...(r.cc ? [{ kind: 'cc' as const, text: r.cc.text, hangingTwips: r.cc.hangingTwips }] : []),
    ...(r.printing ? [{ kind: 'printing' as const, ...r.printing }] : []),
  ]
  if (rows.length === 0) return null
  const thick = letter ? 0 : mmToTwips(layout.imprint.thickLineMm)
  const thin = letter ? 0 : mmToTwips(layout.imprint.thinLineMm)
  return {
    kind: 'floatingImprint',
    imprint: {
      sizePt: layout.text.imprintSizePt,
      sideTwips: r.sideTwips,
      rows,
      rulesAbove: rows.map((_, i) => (i === 0 ? thick : thin)),
      ruleBelow: thick,
      anchorTwips: IMPRINT_ANCHOR_TWIPS,
    },
  }
}
