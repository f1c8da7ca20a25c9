/**
 * 主体 (GB/T 9704-2012 7.3): 标题, 主送机关, 正文 with numbered headings, 附件说明, 署名 and 成文日期,
 * 附注; the 出席/请假/列席 lines of 纪要格式 (10.2).
 */
import { AlignmentType, Paragraph, TabStopType, TextRun, type IParagraphOptions, type Table } from 'docx'
import { imageBlocks, tableBlocks } from './blocks'
import { attendanceRows } from '../../../../shared/documents/minutes'
import type {
  Attachment,
  BodyBlock,
  DocumentContent,
  ParagraphBlock,
  DocumentSpec,
  ItemNumbering,
} from '../../../../shared/documents/types'
import { annotationTexts } from '../../../../shared/documents/annotations'
import { bodyCharTwips, type LayoutProfile } from '../../../../shared/documents/layout'
import { numberBlocks } from '../../../../shared/documents/headingNumbering'
import {
  attachmentNoteLines,
  attendanceEntries,
  bodyRuns,
  isStandaloneHeading,
  signaturePlacement,
  titleLines,
} from '../../../../shared/documents/compose'
import { blankLines, bodyParagraph, exactSpacing, gridParagraph, paragraphStyle, runProps, tabRun, textRun } from './runs'

/** 标题 (7.3.1): 2号小标宋, centred, broken into lines at word boundaries. */
export function titleParagraph(
  layout: LayoutProfile,
  title: string,
  options: { pageBreakBefore?: boolean; terms?: readonly string[] } = {},
): Paragraph {
  // Lines and their condensing are the composer's (shared/documents/compose.ts), the preview draws the same.
  const lines = titleLines(layout, title, options.terms)
  // Off the line grid (公文标题 is based on GwFixed): LibreOffice would give each 2号 line two grid lines.
  return new Paragraph({
    style: paragraphStyle('title', false),
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    spacing: exactSpacing(layout.grid.linePitchTwips),
    alignment: AlignmentType.CENTER,
    children: lines.map(
      (line, i) =>
        new TextRun({
          ...runProps(layout, { slot: 'title', sizePt: layout.text.titleSizePt, spacing: line.spacingTwips }),
          text: line.text,
          ...(i > 0 ? { break: 1 } : {}),
        }),
    ),
  })
}

/**
 * 主送机关 (7.3.2): flush left, full-width colon after the last name; kept with 正文 (keepNext), and opening a
 * page when the page fit moved it there (shared/documents/pageFit.ts recipientsNewPage: never a page's last
 * line without its 正文).
 */
export function recipientsParagraph(layout: LayoutProfile, recipients: string, options: { pageBreakBefore?: boolean } = {}): Paragraph {
  const text = recipients.trim().replace(/[：:]+$/, '')
  return gridParagraph(
    layout,
    {
      alignment: AlignmentType.LEFT,
      keepNext: true,
      ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
      children: [textRun(layout, `${text}：`)],
    },
    'recipients',
  )
}

/**
 * One 正文 paragraph or heading (7.3.3). Levels 1 and 2 set the heading part — up to and including the
 * first 。 when the text runs on into a paragraph — in their font (黑体 / 楷体) and the rest in 仿宋;
 * levels 3 and 4 are 仿宋 throughout by default.
 */
export function blockParagraph(
  layout: LayoutProfile,
  block: ParagraphBlock & { label: string },
  options: IParagraphOptions = {},
): Paragraph {
  const indent = { firstLine: layout.body.firstLineIndentChars * bodyCharTwips(layout) }
  // The runs are the composer's (shared/documents/compose.ts), the preview sets the same.
  const runs = bodyRuns(layout, block).map((r) => textRun(layout, r.text, { slot: r.font }))
  return bodyParagraph(layout, runs, { ...options, indent }, block.level === 0 ? 'body' : `heading${block.level}`)
}

export interface BodyOptions {
  /** Blocks from `from` on are set with `layout` (tightened lines on the page where 正文 ends; pageFit.ts). */
  tight?: { from: number; layout: LayoutProfile }
  /**
   * Keep the last paragraph with what follows, with widow/orphan control: when the part after 正文 does not
   * fit below it, its last two lines go along to the next page — never a 署名 page without 正文.
   */
  keepLastWithNext?: boolean
  /**
   * The part after 正文 is carried to the next page (pageFit 'carried') and 正文 ends with a table or an image:
   * that block opens the next page with it, whole (the preview moves it so; a table's rows or an image have
   * no widow lines to leave behind).
   */
  carryLast?: boolean
}

/** The blocks of 正文 (or of an attachment body): paragraphs and headings, tables and images (blocks.ts). */
export function bodyParagraphs(
  layout: LayoutProfile,
  blocks: BodyBlock[],
  itemNumbering: ItemNumbering = 'perSection',
  options: BodyOptions = {},
): (Paragraph | Table)[] {
  const numbered = numberBlocks(blocks, itemNumbering)
  return numbered.flatMap((b, i) => {
    const carry = options.carryLast === true && i === numbered.length - 1
    if (b.kind === 'table') return tableBlocks(layout, b.table, b.text, carry)
    if (b.kind === 'image') return imageBlocks(layout, b.image, b.text, carry)
    const l = options.tight && i >= options.tight.from ? options.tight.layout : layout
    const keep = options.keepLastWithNext && i === numbered.length - 1
    if (keep) return [blockParagraph(l, b, { keepNext: true, widowControl: true })]
    // A standalone heading keeps with the first line after it, whole (7.3.3; the preview: elements.ts keepHeadingWithNext).
    if (i < numbered.length - 1 && isStandaloneHeading(b)) return [blockParagraph(l, b, { keepNext: true, keepLines: true })]
    return [blockParagraph(l, b)]
  })
}

/**
 * 附件说明 (7.3.4): one blank line below 正文, indented two characters, "附件：1.××××" numbered when there
 * are several, no closing punctuation; wrapped lines align with the first character of the name.
 */
export function attachmentNote(layout: LayoutProfile, attachments: Attachment[], keepLast = true, breakBefore = false): Paragraph[] {
  // Texts and indents are the composer's (shared/documents/compose.ts), the preview places the same.
  const lines = attachmentNoteLines(layout, attachments)
  if (lines.length === 0) return []
  return [
    // The whole part after 正文 is one keep-with-next chain (see BodyOptions.keepLastWithNext).
    ...(breakBefore ? [] : blankLines(layout, layout.attachmentNote.blankLinesBefore, true)),
    ...lines.map((line, i) =>
      gridParagraph(
        layout,
        {
          ...(breakBefore && i === 0 ? { pageBreakBefore: true } : {}),
          alignment: AlignmentType.LEFT,
          // The last item is kept with the 署名 below it, so that a 署名 pushed to the next page never stands
          // there alone; several items may break between them rather than carry 正文 lines to the next page
          // (the preview: typeset.ts, issue 13 item 3).
          keepNext: i === lines.length - 1 && keepLast,
          indent: { left: Math.round(line.leftTwips), hanging: Math.round(line.hangingTwips) },
          children: [textRun(layout, line.text)],
        },
        'attachmentNote',
      ),
    ),
  ]
}

/**
 * 署名 and 成文日期. Sealed form (7.3.5.1, the default): the date right-indented four characters and each
 * 署名 centred over it, room left above for the seal. Unsealed form (7.3.5.2): 署名 right-indented two
 * characters, the date on the next line starting two characters further right (or, when the date is the
 * longer, the date right-indented two characters and the 署名 moved left).
 */
export function signatureBlock(
  layout: LayoutProfile,
  spec: DocumentSpec,
  blankLinesBefore?: number,
  keepLast = false,
  breakBefore = false,
): Paragraph[] {
  const s = layout.signature
  // Texts and places are the composer's (shared/documents/compose.ts), the preview places the same: sealed
  // lines right-aligned with their right indent, unsealed lines left-aligned with their left indent.
  const placed = signaturePlacement(layout, spec.content, s.form)
  if (placed.length === 0) return []
  // breakBefore: the block opens a page (纪要 carried, see documentParts): no blank lines above it.
  if (breakBefore) blankLinesBefore = 0
  // The blank lines chain what is above to the 署名; the sealed form's may be fewer than the profile's (pageFit.ts).
  const sealed = s.form === 'sealed'
  return [
    ...blankLines(layout, blankLinesBefore ?? (sealed ? s.sealedBlankLinesBefore : s.unsealedBlankLinesBefore), true),
    ...placed.map((p, i) => {
      const opening = { ...(breakBefore && i === 0 ? { pageBreakBefore: true } : {}), keepNext: i < placed.length - 1 || keepLast }
      // Several 署名 side by side (sealed joint issuance): a left tab stop where each starts.
      const role = p.role === 'blank' ? undefined : p.role
      if (p.parts.length > 1)
        return gridParagraph(
          layout,
          {
            ...opening,
            alignment: AlignmentType.LEFT,
            tabStops: p.parts.map((part) => ({ type: TabStopType.LEFT, position: Math.round(part.leftTwips) })),
            children: p.parts.flatMap((part) => [tabRun(layout), textRun(layout, part.text)]),
          },
          role,
        )
      const part = p.parts[0]
      return gridParagraph(
        layout,
        {
          ...opening,
          alignment: sealed ? AlignmentType.RIGHT : AlignmentType.LEFT,
          ...(part
            ? { indent: sealed ? { right: Math.max(0, Math.round(part.rightTwips)) } : { left: Math.max(0, Math.round(part.leftTwips)) } }
            : {}),
          children: part ? [textRun(layout, part.text)] : [],
        },
        role,
      )
    }),
  ]
}

/**
 * 附注 (7.3.6/7.3.7): the 公开 note on the line after 成文日期 and the contact note (联系人/电话) on the line
 * after it (or in its place), each indented two characters in full-width parentheses; the first kept
 * with the second, so that the whole part after 正文 stays one keep-with-next chain.
 */
export function annotationParagraphs(
  layout: LayoutProfile,
  content: Pick<DocumentContent, 'publicityNote' | 'contactNote'>,
  breakBefore = false,
): Paragraph[] {
  const lines = annotationTexts(content)
  return lines.map(({ role, text }, i) =>
    gridParagraph(
      layout,
      {
        ...(breakBefore && i === 0 ? { pageBreakBefore: true } : {}),
        alignment: AlignmentType.LEFT,
        keepNext: i < lines.length - 1,
        indent: { firstLine: layout.publicityNote.indentChars * bodyCharTwips(layout) },
        children: [textRun(layout, text)],
      },
      role,
    ),
  )
}

/** 附注 (7.3.6): the 公开 note alone. */
export function publicityNoteParagraph(layout: LayoutProfile, note: string): Paragraph[] {
  return annotationParagraphs(layout, { publicityNote: note as DocumentContent['publicityNote'] })
}

/**
 * 纪要格式 (10.2): "出席：" / "请假：" / "列席：" in 黑体 and the names in 仿宋, one blank line after 正文,
 * indented two characters; wrapped lines align after the colon.
 */
export function attendanceLines(layout: LayoutProfile, spec: DocumentSpec, keepLast = true, breakBefore = false): Paragraph[] {
  // Texts and indents are the composer's (shared/documents/compose.ts), the preview places the same.
  const entries = attendanceEntries(layout, attendanceRows(spec.content.attendance))
  if (entries.length === 0) return []
  return [
    ...(breakBefore ? [] : blankLines(layout, layout.minutes.attendanceBlankLinesBefore, true)),
    ...entries.map((e, i) =>
      gridParagraph(
        layout,
        {
          ...(breakBefore && i === 0 ? { pageBreakBefore: true } : {}),
          alignment: AlignmentType.LEFT,
          keepNext: i < entries.length - 1 || keepLast,
          indent: { left: Math.round(e.leftTwips), hanging: Math.round(e.hangingTwips) },
          children: [textRun(layout, e.head, { slot: 'heiti' }), textRun(layout, e.names)],
        },
        'attendance',
      ),
    ),
  ]
}
