/**
 * Compose once, draw twice (issue 9): the 公文's 版头 and 主体 are one list of blocks (composeHead.ts,
 * composeText.ts); the .docx writer writes exactly those blocks, in order, with no text of its own, and the
 * preview draws the same texts in the same order; where the composer placed a paragraph (a hanging 附件说明, an
 * indented 出席 list, a 署名 column) the .docx indent and the preview's x are the same number.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { exportDocumentDocx } from '../../../electron/core/export/docx/officialDocument'
import { composeHead } from '../../../shared/documents/composeHead'
import { composeOfficialText, textFlow } from '../../../shared/documents/composeText'
import { GBT9704_LAYOUT, twipsToMm } from '../../../shared/documents/layout'
import { planPageFit } from '../../../shared/documents/pageFit'
import type { DocumentSpec } from '../../../shared/documents/types'
import type { PrintBlock } from '../../../shared/print/blocks'
import { paginateBlocks, type PreviewText } from '../../../shared/print/paginate'
import { serializeBlocks } from '../../../electron/core/export/docx/blockWriter'

const L = GBT9704_LAYOUT
const demo = JSON.parse(readFileSync(join(__dirname, '../../../seeds/demo/documents/notice-2024-4.json'), 'utf8')) as DocumentSpec

const specs: Record<string, DocumentSpec> = {
  notice: demo,
  'joint 署名 and two attachments': {
    ...demo,
    content: {
      ...demo.content,
      attachmentsIssued: false,
      attachments: [
        { title: '贺兰县2024年教育督导工作要点及分工方案（含各乡镇中心学校、幼儿园责任督学名单）', body: [] },
        { title: '回执', body: [{ level: 0, text: '请于3月29日前报送。' }] },
      ],
      signatureOrgs: ['贺兰县人民政府教育督导室', '贺兰县教育体育局', 'ABC教育集团'],
      contactNote: '联系人：张三，电话：0951-8888888',
    },
  },
  '请示 with 签发人': {
    ...demo,
    kind: '请示',
    content: {
      ...demo.content,
      signers: ['张三', '李四', '王五'],
      attachments: [],
      body: [
        { level: 1, text: '关于经费' },
        { level: 0, text: '请批示。' },
      ],
    },
  },
  纪要: {
    ...demo,
    kind: '纪要',
    format: 'minutes',
    content: {
      ...demo.content,
      attachments: [],
      attendance: { present: '张三、李四、王五、赵六、孙七、周八、吴九、郑十、钱十一、陈十二', absent: '刘一', observers: '' },
    },
  },
  信函: { ...demo, kind: '函', format: 'letter', content: { ...demo.content, attachments: [], secrecy: '秘密' } },
}

/** The texts the composer decided, block by block (a paragraph's lines or runs, a line's parts …). */
function blockTexts(b: PrintBlock): string[] {
  switch (b.kind) {
    case 'paragraph':
      return [b.lines ? b.lines.map((l) => l.text).join('') : b.runs.map((r) => r.text).join('')]
    case 'placedLine':
      return [b.parts.map((p) => p.text).join('')]
    case 'masthead':
      return [b.masthead.joint ? b.masthead.names.join('') + b.masthead.suffix : b.masthead.text]
    case 'docNumberLines':
      return b.signers
        ? b.signers.lines.map(
            (names, i) => (i === b.signers!.lines.length - 1 ? b.docNumber : '') + (i === 0 ? b.signers!.label : '') + names.join(''),
          )
        : [b.docNumber]
    case 'letterLine':
      return [(b.head?.runs.map((r) => r.text).join('') ?? '') + b.docNumber]
    default:
      return []
  }
}

function composed(spec: DocumentSpec): string[] {
  const { fit } = planPageFit(spec, L)
  const text = composeOfficialText(spec, L, fit, { carried: fit.outcome === 'carried', keepBodyWithClosing: fit.keepBodyWithClosing })
  const head = composeHead(spec, L)
  const blocks = [...head.flow, ...textFlow(text)]
  return blocks.flatMap(blockTexts).filter((t) => t !== '')
}

async function docxParagraphTexts(spec: DocumentSpec): Promise<{ texts: string[]; xml: string }> {
  const zip = await JSZip.loadAsync(await exportDocumentDocx(spec, L))
  const xml = await zip.file('word/document.xml')!.async('string')
  // The body up to the floating 版记 (a table anchored at the foot), each paragraph's text (joint mastheads: the cells').
  const body = xml.split('<w:tblpPr')[0]
  const texts = (body.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? [])
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter((t) => t !== '')
  return { texts, xml }
}

describe('compose once, draw twice: the 公文', () => {
  for (const [name, spec] of Object.entries(specs)) {
    it(`${name}: the .docx writes the composer's texts, in order, and nothing else; the preview draws the same`, async () => {
      const want = composed(spec)
      const { texts } = await docxParagraphTexts(spec)
      // The letterhead of 信函格式 is in the first page's header, not the body.
      expect(texts).toEqual(want)
      const { pages } = planPageFit(spec, L)
      const drawn = pages
        .flatMap((p) => p.items)
        .filter((i): i is PreviewText => i.kind === 'text' && !['pageNumber', 'imprint'].includes(i.role))
        .filter((i) => !(spec.format === 'letter' && i.role === 'masthead'))
        .map((i) => i.text)
        .join('')
      expect(drawn).toBe(want.join(''))
    })
  }

  it('places a composed indent once: the .docx w:ind and the preview x agree for 附件说明, 出席 and 署名', async () => {
    const cases: [DocumentSpec, 'attachmentNote' | 'attendance' | 'signature'][] = [
      [specs['joint 署名 and two attachments'], 'attachmentNote'],
      [specs['纪要'], 'attendance'],
      [specs['joint 署名 and two attachments'], 'signature'],
    ]
    for (const [spec, role] of cases) {
      const { fit, pages } = planPageFit(spec, L)
      const text = composeOfficialText(spec, L, fit)
      const blocks = role === 'signature' ? text.signature : role === 'attendance' ? text.attendance : text.attachmentNote
      const first = blocks.find((b) => b.kind === 'paragraph' || (b.kind === 'placedLine' && b.parts.length > 0))!
      const items = pages.flatMap((p) => p.items).filter((i): i is PreviewText => i.kind === 'text' && i.role === role)
      const { xml } = await docxParagraphTexts(spec)
      const style = { attachmentNote: 'GwAttachmentNote', attendance: 'GwAttendance', signature: 'GwSignature' }[role]
      const para = (xml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? []).find((p) => p.includes(`w:val="${style}"`))!
      if (first.kind === 'paragraph') {
        // Hanging: the first line starts at left − hanging in both.
        const left = Number(/<w:ind [^>]*w:left="(\d+)"/.exec(para)![1])
        const hanging = Number(/<w:ind [^>]*w:hanging="(\d+)"/.exec(para)![1])
        expect(left).toBe(Math.round(first.leftTwips!))
        expect(hanging).toBe(Math.round(-first.firstLineTwips!))
        expect(items[0].x).toBeCloseTo(twipsToMm(L.page.marginLeftTwips + first.leftTwips! + first.firstLineTwips!), 2)
      } else if (first.kind === 'placedLine') {
        // Several 署名 side by side: tab stops where the preview starts each name.
        const stops = [...para.matchAll(/<w:tab w:val="left" w:pos="(\d+)"\/>/g)].map((m) => Number(m[1]))
        expect(stops).toEqual(first.parts.map((p) => Math.round(p.leftTwips)))
        const xs = items.slice(0, first.parts.length).map((i) => i.x)
        expect(xs).toEqual(first.parts.map((p) => Math.round(twipsToMm(L.page.marginLeftTwips + p.leftTwips) * 1000) / 1000))
      }
    }
  })

  it('lets a report place a line of parts as a 公文 does, and refuses the 公文-only 版头 blocks in a report', () => {
    const line: PrintBlock = {
      kind: 'placedLine',
      role: 'signature',
      parts: [{ text: '贺兰县教育体育局', leftTwips: 3150, rightTwips: 1260 }],
      anchor: 'right',
    }
    const [page] = paginateBlocks([line], L)
    const drawn = page.items.find((i): i is PreviewText => i.kind === 'text' && i.role === 'signature')!
    expect(drawn.x).toBeCloseTo(twipsToMm(L.page.marginLeftTwips + 3150), 2)
    expect(serializeBlocks([line], L)).toHaveLength(1)
    const spacer: PrintBlock = { kind: 'spacer', twips: 600 }
    expect(() => paginateBlocks([spacer], L)).toThrow('版头只用于公文')
    expect(() => serializeBlocks([spacer], L)).toThrow('版头只用于公文')
  })
})
