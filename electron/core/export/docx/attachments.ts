/**
 * 附件 (GB/T 9704-2012 8): each attachment on a new page before the 版记: "附件" and its number in 3号黑体
 * flush left on line 1, the attachment title (2号小标宋) centred on line 3, the body formatted as 正文.
 * Issued documents (印发/转发 notices, content.attachmentsIssued): no label, the title on the profile's
 * issuedTitleLine (line 1), as the preview sets them (shared/documents/elements.ts).
 */
import { AlignmentType, Paragraph, type Table } from 'docx'
import type { Attachment, ItemNumbering } from '../../../../shared/documents/types'
import type { LayoutProfile } from '../../../../shared/documents/layout'
import { bodyParagraphs, titleParagraph } from './body'
import { blankLines, blockRuns, gridParagraph } from './runs'
import { attachmentLabelBlock } from '../../../../shared/documents/compose'

export function attachmentPages(
  layout: LayoutProfile,
  attachments: Attachment[],
  itemNumbering: ItemNumbering = 'perSection',
  issued = false,
): (Paragraph | Table)[] {
  return attachments.flatMap((a, i) => {
    const body = [
      ...(a.body.length > 0 ? blankLines(layout, layout.attachment.blankLinesAfterTitle) : []),
      ...bodyParagraphs(layout, a.body, itemNumbering),
    ]
    if (issued) {
      // 印发/转发: the issued text itself — its title opens the page (no "附件N" label), page numbers continue.
      const before = layout.attachment.issuedTitleLine - 1
      if (before <= 0) return [titleParagraph(layout, a.title, { pageBreakBefore: true }), ...body]
      return [
        gridParagraph(layout, { pageBreakBefore: true, alignment: AlignmentType.LEFT, children: [] }),
        ...blankLines(layout, before - 1),
        titleParagraph(layout, a.title),
        ...body,
      ]
    }
    // The label as the composer emits it (the preview draws the same block).
    const label = attachmentLabelBlock(i, attachments.length)
    return [
      gridParagraph(
        layout,
        { pageBreakBefore: label.pageBreakBefore, alignment: AlignmentType.LEFT, children: blockRuns(layout, label) },
        label.role,
      ),
      ...blankLines(layout, layout.attachment.titleLine - 2),
      titleParagraph(layout, a.title),
      ...body,
    ]
  })
}
