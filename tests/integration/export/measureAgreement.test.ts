/**
 * The preview and the .docx place computed elements with ONE width model (shared/print/measure.ts): a 署名
 * with Latin letters, "ABC教育集团", lands on the same spot in the preview and in the exported XML
 * (issue 9: 5.75 em in the preview against 6.30 em in Word, 2.9 mm at 3号).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { exportDocumentDocx } from '../../../electron/core/export/docx/officialDocument'
import { GBT9704_LAYOUT, runMetrics, twipsToMm, typeAreaWidthTwips, type LayoutProfile } from '../../../shared/documents/layout'
import { layoutPreview, type PreviewText } from '../../../shared/documents/previewLayout'
import { textWidthTwips } from '../../../shared/print/measure'
import type { DocumentSpec } from '../../../shared/documents/types'

const root = join(__dirname, '../../..')
const demo = JSON.parse(readFileSync(join(root, 'seeds/demo/documents/notice-2024-4.json'), 'utf8')) as DocumentSpec
const L = GBT9704_LAYOUT
const LEFT = twipsToMm(L.page.marginLeftTwips)
const TYPE_W = typeAreaWidthTwips(L)

const paragraphs = (xml: string): string[] => xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []
const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
const attr = (xml: string, el: string, name: string) => new RegExp(`<${el}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1]

async function documentXml(spec: DocumentSpec, layout: LayoutProfile = L): Promise<string> {
  const zip = await JSZip.loadAsync(await exportDocumentDocx(spec, layout))
  return zip.file('word/document.xml')!.async('string')
}

const signed = (orgs: string[]): DocumentSpec => ({
  ...demo,
  content: { ...demo.content, attachments: [], attachmentsIssued: false, signatureOrgs: orgs },
})

/** The preview's 署名 and date lines with their left and right edges in mm from the page's left edge. */
function previewSignature(spec: DocumentSpec, layout: LayoutProfile = L) {
  const items = layoutPreview(spec, layout)
    .flatMap((p) => p.items)
    .filter((i): i is PreviewText => i.kind === 'text')
  const edges = (i: PreviewText) => ({ text: i.text, left: i.x, right: i.x + twipsToMm(textWidthTwips(i.text, runMetrics(layout))) })
  return { orgs: items.filter((i) => i.role === 'signature').map(edges), date: edges(items.find((i) => i.role === 'date')!) }
}

describe('one text measurement for the preview and the .docx', () => {
  it('sealed form: the ABC教育集团 署名 ends where the .docx right indent ends it, centred over the date in both', async () => {
    const spec = signed(['ABC教育集团'])
    const xml = await documentXml(spec)
    const all = paragraphs(xml)
    const sign = all.find((p) => text(p) === 'ABC教育集团')!
    const date = all.find((p) => text(p) === '2024年3月22日')!
    expect(sign).toContain('<w:jc w:val="right"/>')
    // Right-aligned in the .docx: the right edge is the 版心's right edge less the right indent.
    const docxSignRight = LEFT + twipsToMm(TYPE_W - Number(attr(sign, 'w:ind', 'w:right')))
    const docxDateRight = LEFT + twipsToMm(TYPE_W - Number(attr(date, 'w:ind', 'w:right')))
    const preview = previewSignature(spec)
    // Same spot to a twip (0.018 mm, the .docx rounds to whole twips).
    expect(Math.abs(preview.orgs[0].right - docxSignRight)).toBeLessThan(0.02)
    expect(Math.abs(preview.date.right - docxDateRight)).toBeLessThan(0.02)
    // Centred over the date.
    const centre = (e: { left: number; right: number }) => (e.left + e.right) / 2
    expect(Math.abs(centre(preview.orgs[0]) - centre(preview.date))).toBeLessThan(0.02)
    // And 6.31 body characters wide, not 5.75.
    expect((preview.orgs[0].right - preview.orgs[0].left) / twipsToMm(315)).toBeCloseTo(6.31, 2)
  })

  it('unsealed form: the 署名 and the date start where the .docx left indents start them', async () => {
    const layout: LayoutProfile = { ...L, signature: { ...L.signature, form: 'unsealed' } }
    const spec = signed(['ABC教育集团', '贺兰县人民政府教育督导室'])
    const xml = await documentXml(spec, layout)
    const all = paragraphs(xml)
    const preview = previewSignature(spec, layout)
    for (const org of preview.orgs) {
      const p = all.find((x) => text(x) === org.text)!
      expect(Math.abs(org.left - (LEFT + twipsToMm(Number(attr(p, 'w:ind', 'w:left')))))).toBeLessThan(0.02)
    }
    const date = all.find((p) => text(p) === '2024年3月22日')!
    expect(Math.abs(preview.date.left - (LEFT + twipsToMm(Number(attr(date, 'w:ind', 'w:left')))))).toBeLessThan(0.02)
  })

  it('签发人 of a 请示 with Latin in a name: the names start where the .docx tab puts them', async () => {
    const spec: DocumentSpec = {
      ...demo,
      kind: '请示',
      content: { ...demo.content, signers: ['张三', 'Li Ming', '王五'], attachments: [], attachmentsIssued: false },
    }
    const xml = await documentXml(spec)
    const names = layoutPreview(spec)[0].items.filter(
      (i): i is PreviewText => i.kind === 'text' && i.role === 'signer' && i.font === 'kaiti',
    )
    expect(names.map((n) => n.text)).toEqual(['张三', 'Li Ming', '王五'])
    // Line 1: the label ends at a right tab where the first column starts, the second name at a left tab;
    // line 2 starts at a left tab under the first name of line 1 (7.2.4 均匀编排).
    const [line1, line2] = paragraphs(xml).filter((p) => text(p).includes('张三') || text(p).includes('王五'))
    const right = Number(/<w:tab w:val="right" w:pos="(\d+)"\/>/.exec(line1)?.[1])
    const [first, second] = [...line1.matchAll(/<w:tab w:val="left" w:pos="(\d+)"\/>/g)].map((m) => Number(m[1]))
    expect(first - right).toBe(10)
    const tab = Number(/<w:tab w:val="left" w:pos="(\d+)"\/>/.exec(line2)?.[1])
    expect(Math.abs(names[0].x - (LEFT + twipsToMm(first)))).toBeLessThan(0.02)
    expect(Math.abs(names[1].x - (LEFT + twipsToMm(second)))).toBeLessThan(0.02)
    expect(Math.abs(names[2].x - (LEFT + twipsToMm(tab)))).toBeLessThan(0.02)
    expect(Math.abs(names[0].x - names[2].x)).toBeLessThan(0.001)
  })

  it('a title line widened by CJK–Latin gaps is condensed alike in the preview and the .docx', async () => {
    const xml = await documentXml(demo)
    const lines = layoutPreview(demo)[0].items.filter((i): i is PreviewText => i.kind === 'text' && i.role === 'title')
    expect(lines.map((l) => l.text)).toEqual(['关于印发《贺兰县2024年教育督导工作要点》', '的通知'])
    // The .docx run of line 1 carries w:spacing; the preview sets the same letter spacing (before: none).
    const run = [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0]).find((r) => text(r) === lines[0].text)!
    const spacing = Number(attr(run, 'w:spacing', 'w:val'))
    expect(spacing).toBeLessThan(0)
    expect(lines[0].letterSpacingPt * 20).toBeCloseTo(spacing, 6)
    expect(lines[1].letterSpacingPt).toBe(0)
  })

  it('a date that is not a real date: the preview and the export both refuse it with the same message', async () => {
    const spec: DocumentSpec = { ...demo, content: { ...demo.content, signedDate: '2024-02-30' } }
    expect(() => layoutPreview(spec)).toThrow('无效的日期：「2024-02-30」')
    await expect(exportDocumentDocx(spec)).rejects.toThrow('无效的日期：「2024-02-30」')
  })
})
