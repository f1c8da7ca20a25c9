/**
 * Word (.docx) export of an official document (公文) laid out to GB/T 9704-2012, every number taken
 * from a LayoutProfile (shared/documents/layout.ts).
 *
 * Order of the parts: 版头 (masthead.ts) → 主体 (body.ts) → 附件 pages (attachments.ts) → 版记 at the foot
 * of the last page (imprint.ts); page numbers in the footers (footer.ts).
 */
import { DocumentGridType, Document, Header, Packer, Paragraph, type Table } from 'docx'
import type { DocumentSpec } from '../../../../shared/documents/types'
import { GBT9704_LAYOUT, type LayoutProfile } from '../../../../shared/documents/layout'
import { attachmentNote, attendanceLines, bodyParagraphs, publicityNoteParagraph, recipientsParagraph, signatureBlock, titleParagraph } from './body'
import { attachmentPages } from './attachments'
import { footerDistanceTwips, pageNumberFooters } from './footer'
import { imprintBlocks } from './imprint'
import { fileHead, letterhead, letterHead } from './masthead'
import { blankLines } from './runs'
import { stylesXml } from './styles'

type Block = Paragraph | Table

/** The document body in reading order. */
export function documentBlocks(spec: DocumentSpec, layout: LayoutProfile): Block[] {
  const c = spec.content
  const minutes = spec.format === 'minutes'
  const blocks: Block[] = []
  blocks.push(...(spec.format === 'letter' ? letterHead(layout, spec) : fileHead(layout, spec)))
  if (c.title.trim()) blocks.push(titleParagraph(layout, c.title.trim()))
  if (c.recipients.trim()) {
    blocks.push(...blankLines(layout, layout.title.blankLinesToRecipients))
    blocks.push(recipientsParagraph(layout, c.recipients))
  } else if (c.title.trim()) {
    blocks.push(...blankLines(layout, layout.title.blankLinesToRecipients))
  }
  blocks.push(...bodyParagraphs(layout, c.body, c.itemNumbering))
  blocks.push(...attachmentNote(layout, c.attachments))
  if (minutes) blocks.push(...attendanceLines(layout, spec))
  // 纪要 carries no seal (10.2): its 署名, if any, takes the unsealed form.
  const signatureLayout: LayoutProfile = minutes ? { ...layout, signature: { ...layout.signature, form: 'unsealed' } } : layout
  blocks.push(...signatureBlock(signatureLayout, spec))
  blocks.push(...publicityNoteParagraph(layout, c.publicityNote))
  blocks.push(...attachmentPages(layout, c.attachments, c.itemNumbering))
  blocks.push(...imprintBlocks(layout, spec))
  return blocks
}

export function buildDocument(spec: DocumentSpec, layout: LayoutProfile = GBT9704_LAYOUT): Document {
  const p = layout.page
  const letter = spec.format === 'letter'
  return new Document({
    title: spec.content.title,
    creator: spec.content.printingOrg || '教育督导工作台',
    description: `${spec.kind}（GB/T 9704-2012）`,
    externalStyles: stylesXml(layout),
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: p.widthTwips, height: p.heightTwips },
            margin: {
              top: p.marginTopTwips,
              bottom: p.marginBottomTwips,
              left: p.marginLeftTwips,
              right: p.marginRightTwips,
              header: p.headerTwips,
              footer: footerDistanceTwips(layout),
              gutter: 0,
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: layout.grid.linePitchTwips },
          titlePage: letter,
        },
        headers: letter ? { first: new Header({ children: letterhead(layout, spec) }) } : undefined,
        footers: pageNumberFooters(layout, { blankFirstPage: letter }),
        children: documentBlocks(spec, layout),
      },
    ],
  })
}

/** Exports `spec` as a .docx file laid out by `layout` (GB/T 9704-2012 by default). */
export async function exportDocumentDocx(spec: DocumentSpec, layout: LayoutProfile = GBT9704_LAYOUT): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(spec, layout))
}
