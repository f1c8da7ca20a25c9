/**
 * The 公文 composer's 主体 (GB/T 9704-2012 7.3, 8, 10.2): 标题, 主送机关, 正文, 附件说明, 出席/请假/列席, 署名 and
 * 成文日期, 附注 and the 附件 pages as ONE list of typed blocks (shared/print/blocks.ts) — texts, fonts, indents,
 * line breaks of the title, the places of the 署名, the tightened pitch of the page where 正文 ends. The
 * preview's typesetter lays these blocks (typeset.ts with paginate.ts layBlock) and the .docx writer serializes
 * them (electron/core/export/docx/blockWriter.ts serializeBlocks): neither decides a text, an indent or a place.
 * Pure.
 *
 * What a word processor needs to paginate as the preview does (keep-with-next, widow control, a page break
 * before the part that moves) is written on the blocks too, from the page-fit decision (pageFit.ts PageFit);
 * the preview applies that decision itself (typeset.ts), so it composes with the FitSettings alone.
 */
import { attendanceRows } from './minutes'
import { annotationTexts } from './annotations'
import { numberBlocks } from './headingNumbering'
import { chineseDateOrBlank } from './chineseDate'
import { bodyCharTwips, type LayoutProfile } from './layout'
import type { Attachment, BodyBlock, DocumentSpec, ItemNumbering } from './types'
import type { PrintBlock } from '../print/blocks'
import {
  attachmentLabelBlock,
  attachmentNoteLines,
  attendanceEntries,
  bodyRuns,
  isStandaloneHeading,
  signaturePlacement,
  titleLines,
  titleTerms,
} from './compose'

type ParagraphBlock = Extract<PrintBlock, { kind: 'paragraph' }>

/** The page-fit decisions the composer writes (typeset.ts FitSettings; see there). */
export interface TextFit {
  signatureBlankLines: number
  tightPitchTwips: number | null
  tightFromBlock: number
  recipientsNewPage?: boolean
}

/**
 * What a word processor is told so that it paginates as the preview did (pageFit.ts PageFit): absent for the
 * preview, which moves the part after 正文 itself.
 */
export interface WordProcessorFit {
  /** The part after 正文 did not fit below it and moves to the next page ('carried'). */
  carried: boolean
  /** Keep the last 正文 paragraph with the part after it (PageFit.keepBodyWithClosing). */
  keepBodyWithClosing: boolean
}

/** The 主体 of a 公文 as blocks, in reading order by part (each part may be empty). */
export interface OfficialText {
  /** 标题: one paragraph of its broken lines. */
  title: PrintBlock[]
  /** The blank lines below the title and the 主送机关 (kept with 正文). */
  recipients: PrintBlock[]
  /** 正文: one block per stored block (index = content.body index). */
  body: PrintBlock[]
  /** 附件说明: its blank line(s), then one paragraph per attachment. */
  attachmentNote: PrintBlock[]
  /** 出席/请假/列席 of a 纪要: its blank line(s), then one paragraph per list. */
  attendance: PrintBlock[]
  /** 署名 and 成文日期: the blank lines for the seal, then one placed line per line. */
  signature: PrintBlock[]
  /** 附注: the 公开 note and the contact note. */
  annotations: PrintBlock[]
  /** The 附件 pages, one list per attachment, each opening a page. */
  attachments: PrintBlock[][]
}

/** The first piece of the part after 正文 (附件说明, 出席…, 署名/成文日期, 附注), or null when there is none. */
export function closingLead(spec: DocumentSpec): 'attachmentNote' | 'attendance' | 'signature' | 'annotation' | null {
  const c = spec.content
  if (!c.attachmentsIssued && c.attachments.length > 0) return 'attachmentNote'
  if (spec.format === 'minutes' && attendanceRows(c.attendance).length > 0) return 'attendance'
  if (c.signatureOrgs.some((o) => o.trim() !== '') || chineseDateOrBlank(c.signedDate)) return 'signature'
  if (annotationTexts(c).length > 0) return 'annotation'
  return null
}

/** Does this document take the sealed 署名 form (纪要 carries no seal, 10.2)? */
export function signatureForm(spec: DocumentSpec, layout: LayoutProfile): 'sealed' | 'unsealed' {
  return spec.format === 'minutes' ? 'unsealed' : layout.signature.form
}

/** `count` blank lines, one block each (the preview counts them as steps of the part after 正文). */
function blanks(count: number, options: { keepNext?: boolean; pitchTwips?: number } = {}): PrintBlock[] {
  return Array.from({ length: Math.max(0, count) }, () => ({ kind: 'blank' as const, lines: 1, ...options }))
}

const pitchOf = (pitch: number | undefined) => (pitch !== undefined ? { pitchTwips: pitch } : {})

/** 标题 (7.3.1) or an attachment's title: 2号小标宋, centred, its lines broken at word boundaries (compose.ts titleLines). */
export function titleBlock(
  layout: LayoutProfile,
  text: string,
  role: 'title' | 'attachmentTitle',
  terms: readonly string[] = [],
  pageBreakBefore = false,
): ParagraphBlock {
  return {
    kind: 'paragraph',
    role,
    runs: [],
    lines: titleLines(layout, text, terms),
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
  }
}

/** How a list of 正文 blocks is set: the tightened pitch from a block on, the keep rules of its last block. */
export interface BodyComposition {
  /** Blocks from `from` on at `pitchTwips` (7.3.5.4, pageFit.ts). */
  tight?: { from: number; pitchTwips: number }
  /** The last paragraph keeps with what follows, with widow control (the part after 正文, word processors only). */
  keepLastWithNext?: boolean
  /** The last block opens the next page (the part after 正文 carried and 正文 ending with a table or an image). */
  carryLast?: boolean
}

/**
 * 正文 (7.3.3) as blocks, one per stored block: paragraphs and headings with their generated numbers (levels 1
 * and 2 set the heading part in 黑体 / 楷体, compose.ts bodyRuns), first line indented two characters, justified;
 * a standalone heading keeps with what follows and is never split (keepNext + keepLines — the preview keeps it
 * by the same flag, typeset.ts); tables and images as they are.
 */
export function bodyBlocks(
  layout: LayoutProfile,
  blocks: BodyBlock[],
  itemNumbering: ItemNumbering = 'perSection',
  options: BodyComposition = {},
): PrintBlock[] {
  const numbered = numberBlocks(blocks, itemNumbering)
  const indent = layout.body.firstLineIndentChars * bodyCharTwips(layout)
  const last = numbered.length - 1
  return numbered.map((b, i): PrintBlock => {
    const carry = options.carryLast === true && i === last ? { pageBreakBefore: true } : {}
    if (b.kind === 'table') return { kind: 'table', caption: b.text, table: b.table, ...carry }
    if (b.kind === 'image') return { kind: 'image', caption: b.text, image: b.image, ...carry }
    const keep =
      options.keepLastWithNext && i === last
        ? { keepNext: true, widowControl: true }
        : i < last && isStandaloneHeading(b)
          ? { keepNext: true, keepLines: true }
          : {}
    return {
      kind: 'paragraph',
      role: b.level === 0 ? 'body' : (`heading${b.level}` as const),
      runs: bodyRuns(layout, b),
      align: 'justify',
      firstLineTwips: indent,
      ...pitchOf(options.tight && i >= options.tight.from ? options.tight.pitchTwips : undefined),
      ...keep,
    }
  })
}

/**
 * The 主体 of `spec` as blocks, set with the page-fit decisions `fit` (typeset.ts FitSettings) and, for a word
 * processor, `wp` (see WordProcessorFit). Throws the RangeError of chineseDateOrBlank on a 成文日期 that is not
 * a real date.
 */
export function composeOfficialText(spec: DocumentSpec, layout: LayoutProfile, fit: TextFit, wp?: WordProcessorFit): OfficialText {
  const c = spec.content
  const minutes = spec.format === 'minutes'
  const tight = fit.tightPitchTwips ?? undefined
  const titleText = c.title.trim()
  const title = titleText ? [titleBlock(layout, titleText, 'title', titleTerms(c))] : []

  const recipients: PrintBlock[] = []
  if (c.recipients.trim() || titleText) recipients.push(...blanks(layout.title.blankLinesToRecipients))
  if (c.recipients.trim()) {
    // 主送机关 (7.3.2): flush left, a full-width colon after the last name, kept with 正文; opening a page when the
    // page fit moved it there (never a page's last line without its 正文).
    recipients.push({
      kind: 'paragraph',
      role: 'recipients',
      runs: [{ text: `${c.recipients.trim().replace(/[：:]+$/, '')}：`, font: 'fangsong' }],
      align: 'left',
      keepNext: true,
      ...(fit.recipientsNewPage ? { pageBreakBefore: true } : {}),
    })
  }

  // 纪要 whose part after 正文 does not fit below it (carried): that part opens the next page without the blank
  // lines above it, its first piece with the page break (word processors; the preview moves it itself).
  const lead = minutes && wp?.carried ? closingLead(spec) : null
  const closingPitch = pitchOf(tight)

  // 附注 (7.3.6/7.3.7): the 公开 note, then the contact note, each indented two characters; chained.
  const notes = annotationTexts(c)
  const annotations: PrintBlock[] = notes.map(({ role, text }, i) => ({
    kind: 'paragraph',
    role,
    runs: [{ text, font: 'fangsong' }],
    align: 'left',
    firstLineTwips: layout.publicityNote.indentChars * bodyCharTwips(layout),
    keepNext: i < notes.length - 1,
    ...(lead === 'annotation' && i === 0 ? { pageBreakBefore: true } : {}),
    ...closingPitch,
  }))

  // 署名 and 成文日期 (7.3.5): placed by compose.ts signaturePlacement; 纪要 carries no seal (10.2).
  const form = signatureForm(spec, layout)
  const placed = signaturePlacement(layout, c, form)
  const signature: PrintBlock[] = []
  if (placed.length > 0) {
    const breakBefore = lead === 'signature'
    if (!breakBefore) signature.push(...blanks(fit.signatureBlankLines, { keepNext: true, ...closingPitch }))
    placed.forEach((p, i) =>
      signature.push({
        kind: 'placedLine',
        ...(p.role === 'blank' ? {} : { role: p.role }),
        parts: p.parts.map((part) => ({ text: part.text, leftTwips: part.leftTwips, rightTwips: part.rightTwips })),
        anchor: form === 'sealed' ? 'right' : 'left',
        keepNext: i < placed.length - 1 || annotations.length > 0,
        ...(breakBefore && i === 0 ? { pageBreakBefore: true } : {}),
        ...closingPitch,
      }),
    )
  }

  // 出席 / 请假 / 列席 (10.2): the label in 黑体, the names in 仿宋, wrapped lines after the colon.
  const entries = minutes ? attendanceEntries(layout, attendanceRows(c.attendance)) : []
  const attendance: PrintBlock[] = []
  if (entries.length > 0) {
    const breakBefore = lead === 'attendance'
    if (!breakBefore) attendance.push(...blanks(layout.minutes.attendanceBlankLinesBefore, { keepNext: true, ...closingPitch }))
    const keepLast = signature.length + annotations.length > 0
    entries.forEach((e, i) =>
      attendance.push({
        kind: 'paragraph',
        role: 'attendance',
        runs: [
          { text: e.head, font: 'heiti' },
          { text: e.names, font: 'fangsong' },
        ],
        align: 'left',
        leftTwips: e.leftTwips,
        firstLineTwips: -e.hangingTwips,
        keepNext: i < entries.length - 1 || keepLast,
        ...(breakBefore && i === 0 ? { pageBreakBefore: true } : {}),
        ...closingPitch,
      }),
    )
  }

  // 附件说明 (7.3.4): issued documents (印发/转发) are the text itself, not attachments to list. The last item is kept
  // with the 署名 below it; several items may break between them rather than carry 正文 lines to the next page.
  const noteLines = c.attachmentsIssued ? [] : attachmentNoteLines(layout, c.attachments)
  const attachmentNote: PrintBlock[] = []
  if (noteLines.length > 0) {
    const breakBefore = lead === 'attachmentNote'
    if (!breakBefore) attachmentNote.push(...blanks(layout.attachmentNote.blankLinesBefore, { keepNext: true, ...closingPitch }))
    const keepLast = attendance.length + signature.length + annotations.length > 0
    noteLines.forEach((line, i) =>
      attachmentNote.push({
        kind: 'paragraph',
        role: 'attachmentNote',
        runs: [{ text: line.text, font: 'fangsong' }],
        align: 'left',
        leftTwips: line.leftTwips,
        firstLineTwips: -line.hangingTwips,
        keepNext: i === noteLines.length - 1 && keepLast,
        ...(breakBefore && i === 0 ? { pageBreakBefore: true } : {}),
        ...closingPitch,
      }),
    )
  }

  const closing = attachmentNote.length + attendance.length + signature.length + annotations.length > 0
  const body = bodyBlocks(layout, c.body, c.itemNumbering, {
    tight: tight !== undefined ? { from: fit.tightFromBlock, pitchTwips: tight } : undefined,
    // 纪要 (no seal, no 署名 to keep with 正文): 正文 fills its page; the part after it keeps together on its own.
    keepLastWithNext: wp !== undefined && closing && !minutes && wp.keepBodyWithClosing,
    carryLast: wp !== undefined && closing && !minutes && wp.carried,
  })

  return {
    title,
    recipients,
    body,
    attachmentNote,
    attendance,
    signature,
    annotations,
    attachments: attachmentPageBlocks(layout, c.attachments, c.itemNumbering, c.attachmentsIssued === true),
  }
}

/** The 主体's blocks in reading order (the 附件 pages last), as the .docx writes them. */
export function textFlow(text: OfficialText): PrintBlock[] {
  return [
    ...text.title,
    ...text.recipients,
    ...text.body,
    ...text.attachmentNote,
    ...text.attendance,
    ...text.signature,
    ...text.annotations,
    ...text.attachments.flat(),
  ]
}

/**
 * 附件 (8): each on a new page; "附件N" 黑体 on line 1, the title centred on line 3, the body as 正文. Issued
 * documents (印发/转发 notices, `issued`): the attachment is the issued text itself — no "附件N" label, its title
 * on the profile's issuedTitleLine, its body as 正文; page numbers continue.
 */
export function attachmentPageBlocks(
  layout: LayoutProfile,
  attachments: Attachment[],
  itemNumbering: ItemNumbering = 'perSection',
  issued = false,
): PrintBlock[][] {
  const a = layout.attachment
  return attachments.map((att, i) => {
    const body = [...(att.body.length > 0 ? blanks(a.blankLinesAfterTitle) : []), ...bodyBlocks(layout, att.body, itemNumbering)]
    if (issued) {
      const before = a.issuedTitleLine - 1
      if (before <= 0) return [titleBlock(layout, att.title.trim(), 'attachmentTitle', [], true), ...body]
      return [
        { kind: 'blank', lines: 1, pageBreakBefore: true },
        ...blanks(before - 1),
        titleBlock(layout, att.title.trim(), 'attachmentTitle'),
        ...body,
      ]
    }
    return [
      attachmentLabelBlock(i, attachments.length),
      ...blanks(a.titleLine - 2),
      titleBlock(layout, att.title.trim(), 'attachmentTitle'),
      ...body,
    ]
  })
}
