/**
 * The furniture of a 公文 (page numbers, rules, 版头 runs, 附件 labels, the floating 版记) is the composer's
 * data, drawn by the preview and written by the .docx writer from the same values: change the data and both
 * sides move together (issue 9: "geometry in two places").
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { exportBlocksDocx } from '../../../electron/core/export/docx/blockWriter'
import { exportDocumentDocx } from '../../../electron/core/export/docx/officialDocument'
import { GBT9704_LAYOUT, mmToTwips, twipsToMm } from '../../../shared/documents/layout'
import {
  attachmentLabelBlock,
  headBlocks,
  imprintBlock,
  letterRules,
  officialPageNumbers,
  separatorRule,
} from '../../../shared/documents/compose'
import { ROLE_TABLE } from '../../../shared/print/roles'
import { layoutPreview, type PreviewText } from '../../../shared/documents/previewLayout'
import type { DocumentSpec } from '../../../shared/documents/types'
import type { PrintBlock } from '../../../shared/print/blocks'
import { paginateBlocks } from '../../../shared/print/paginate'
import { pageNumberFurniture } from '../../../shared/print/pageNumbers'

const root = join(__dirname, '../../..')
const demo = JSON.parse(readFileSync(join(root, 'seeds/demo/documents/notice-2024-4.json'), 'utf8')) as DocumentSpec
const L = GBT9704_LAYOUT

const attr = (xml: string, el: string, name: string) => new RegExp(`<${el}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1]

async function parts(buffer: Buffer): Promise<{ document: string; footers: string[] }> {
  const zip = await JSZip.loadAsync(buffer)
  const names = Object.keys(zip.files)
  return {
    document: await zip.file('word/document.xml')!.async('string'),
    footers: await Promise.all(names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map((n) => zip.file(n)!.async('string'))),
  }
}

describe('page-number furniture (GB/T 9704 7.5) as data', () => {
  it('is the profile’s: 4号宋体 "— n —", 7 mm below the 版心, odd right / even left one character in; 信函格式 without a number on page 1', () => {
    const f = officialPageNumbers(demo, L)
    expect(f).toEqual({
      sizePt: 14,
      font: 'songti',
      dash: '—',
      topBelowTypeAreaTwips: mmToTwips(7),
      lineTwips: 308,
      odd: { align: 'right', indentTwips: 280 },
      even: { align: 'left', indentTwips: 280 },
      firstPageNumbered: true,
    })
    expect(officialPageNumbers({ format: 'letter' }, L).firstPageNumbered).toBe(false)
  })

  it('places the preview’s numbers and the .docx footers from the same values', async () => {
    const pages = layoutPreview(demo, L)
    const f = officialPageNumbers(demo, L)
    const numbers = pages.map((p) => p.items.find((i): i is PreviewText => i.kind === 'text' && i.role === 'pageNumber'))
    const typeBottomMm = twipsToMm(L.page.marginTopTwips + (L.page.heightTwips - L.page.marginTopTwips - L.page.marginBottomTwips))
    numbers.forEach((n, i) => {
      expect(n?.text).toBe(`— ${i + 1} —`)
      expect(n?.y).toBeCloseTo(typeBottomMm + twipsToMm(f.topBelowTypeAreaTwips), 2)
      expect(n?.align).toBe(i % 2 === 0 ? 'right' : 'left')
    })
    const docx = await parts(await exportDocumentDocx(demo, L))
    const sect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(docx.document)![0]
    // The footer line's top (its characters' top) sits topBelowTypeAreaTwips below the 版心, as in the preview.
    expect(Number(attr(sect, 'w:pgMar', 'w:footer')) + f.lineTwips).toBe(L.page.marginBottomTwips - f.topBelowTypeAreaTwips)
  })

  it('moves both sides together when the furniture changes (a report’s blocks carry their own)', async () => {
    const base = pageNumberFurniture(L)
    const furniture = { ...base, odd: { align: 'right' as const, indentTwips: 560 }, even: { align: 'left' as const, indentTwips: 840 } }
    const blocks: PrintBlock[] = [
      { kind: 'pageNumbers', furniture },
      { kind: 'paragraph', role: 'body', runs: [{ text: '督'.repeat(28 * 30) }] },
    ]
    const pages = paginateBlocks(blocks, L)
    expect(pages.length).toBeGreaterThanOrEqual(2)
    const typeW = L.page.widthTwips - L.page.marginLeftTwips - L.page.marginRightTwips
    const [odd, even] = pages.map((p) => p.items.find((i): i is PreviewText => i.kind === 'text' && i.role === 'pageNumber')!)
    expect(odd.width).toBeCloseTo(twipsToMm(typeW - 560), 2)
    expect(even.x).toBeCloseTo(twipsToMm(L.page.marginLeftTwips + 840), 2)
    const docx = await parts(await exportBlocksDocx(blocks, { title: 't' }, L))
    const indents = docx.footers.map((x) => [attr(x, 'w:ind', 'w:right'), attr(x, 'w:ind', 'w:left')])
    expect(indents).toContainEqual(['560', undefined])
    expect(indents).toContainEqual([undefined, '840'])
  })
})

/** Floating line shapes of a part: name, offsets (twips) and weight (pt). */
function lineShapes(
  xml: string,
): { name: string; x: number; xFrom: string; y: number; yFrom: string; weightPt: number; lengthTwips: number }[] {
  return [...xml.matchAll(/<wp:anchor[\s\S]*?<\/wp:anchor>/g)]
    .map((m) => m[0])
    .filter((a) => a.includes('<a:ln '))
    .map((a) => ({
      name: /<wp:docPr [^>]*name="([^"]*)"/.exec(a)![1],
      xFrom: /<wp:positionH relativeFrom="(\w+)">/.exec(a)![1],
      x: Number(/<wp:positionH [^>]*><wp:posOffset>(-?\d+)</.exec(a)![1]) / 635,
      yFrom: /<wp:positionV relativeFrom="(\w+)">/.exec(a)![1],
      y: Number(/<wp:positionV [^>]*><wp:posOffset>(-?\d+)</.exec(a)![1]) / 635,
      weightPt: Number(/<a:ln w="(\d+)"/.exec(a)![1]) / 12700,
      lengthTwips: Number(/<wp:extent cx="(\d+)"/.exec(a)![1]) / 635,
    }))
}

describe('rules (red separator 7.2.5, 信函 double lines 10.1) as data', () => {
  it('draws and writes the 信函 double lines at the composer’s page positions: thick over thin, thin over thick, 170 mm centred on the page', async () => {
    const letter: DocumentSpec = { ...demo, format: 'letter', kind: '函' }
    const rules = letterRules(L, letter.content)
    expect(rules.map((r) => r.geometry.weightTwips)).toEqual([30, 15, 15, 30])
    expect(rules.every((r) => r.geometry.widthTwips === mmToTwips(170) && r.geometry.from === 'page')).toBe(true)
    const preview = layoutPreview(letter, L)[0].items.filter((i) => i.kind === 'rule' && i.role === 'letterLine')
    expect(preview).toHaveLength(4)
    const zip = await JSZip.loadAsync(await exportDocumentDocx(letter, L))
    const header = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^word\/header\d*\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    )
    const shapes = lineShapes(header.join('')).sort((a, b) => a.y - b.y)
    expect(shapes).toHaveLength(4)
    rules.forEach((r, i) => {
      const g = r.geometry
      const item = preview[i] as { x: number; y: number; width: number; thickness: number }
      // Preview: the rule's box in mm from the page's corner.
      expect(item.y).toBeCloseTo(twipsToMm(g.yTwips), 2)
      expect(item.thickness).toBeCloseTo(twipsToMm(g.weightTwips), 2)
      expect(item.x).toBeCloseTo(twipsToMm(L.page.marginLeftTwips + g.xTwips), 2)
      // .docx: a line shape whose centre is at the same place, from the page's edges.
      expect(shapes[i]).toMatchObject({ xFrom: 'page', yFrom: 'page', weightPt: g.weightTwips / 20 })
      expect(shapes[i].y).toBeCloseTo(g.yTwips + g.weightTwips / 2, 0)
      expect(shapes[i].x).toBeCloseTo(L.page.marginLeftTwips + g.xTwips, 0)
      expect(shapes[i].lengthTwips).toBeCloseTo(g.widthTwips, 0)
      expect(twipsToMm(L.page.marginLeftTwips + g.xTwips)).toBeCloseTo(20, 1)
    })
  })

  it('moves the preview’s red separator and the .docx one together when the profile moves it', async () => {
    const moved = { ...L, separator: { ...L.separator, belowNumberMm: 6, weightPt: 3 } }
    const sep = (pages: ReturnType<typeof layoutPreview>) => pages[0].items.find((i) => i.kind === 'rule' && i.role === 'separator')!
    const title = (pages: ReturnType<typeof layoutPreview>) => pages[0].items.find((i) => i.kind === 'text' && i.role === 'title')!
    const [a, b] = [layoutPreview(demo, L), layoutPreview(demo, moved)]
    // Preview: 2 mm lower, 1.5 pt thicker; the title follows its lower edge.
    expect(sep(b).y - sep(a).y).toBeCloseTo(2, 1)
    expect(title(b).y - title(a).y).toBeCloseTo(2 + (1.5 * 25.4) / 72, 1)
    const shape = async (layout: typeof L) =>
      lineShapes((await parts(await exportDocumentDocx(demo, layout))).document).find((s) => s.name === '红色分隔线')!
    const [sa, sb] = [await shape(L), await shape(moved)]
    expect(sa).toMatchObject({ xFrom: 'margin', yFrom: 'paragraph', weightPt: 1.5 })
    expect(sb.weightPt).toBe(3)
    // .docx: the line's centre from its number line moves by the same 2 mm plus half the extra weight.
    expect(sb.y - sa.y).toBeCloseTo(mmToTwips(2) + 15, 0)
    expect(sa.y).toBeCloseTo(separatorRule(L).geometry.yTwips + 15, 0)
  })
})

describe('版头 runs (份号, 密级, 紧急程度) and 附件 labels as blocks', () => {
  const spec: DocumentSpec = {
    ...demo,
    content: { ...demo.content, copyNumber: '000007', secrecy: '机密★3年', urgency: '特急', attachmentsIssued: false },
  }

  it('emits them once, in order, each in its role’s slot; the preview draws and the .docx writes exactly those', async () => {
    const head = headBlocks(spec.content)
    expect(head.map((b) => [b.role, b.runs[0].text, b.runs[0].font])).toEqual([
      ['copyNumber', '000007', 'fangsong'],
      ['secrecy', '机密★3年', 'heiti'],
      ['urgency', '特急', 'heiti'],
    ])
    expect(attachmentLabelBlock(0, 1).runs[0].text).toBe('附件')
    expect(attachmentLabelBlock(1, 3)).toMatchObject({
      role: 'attachmentLabel',
      runs: [{ text: '附件2', font: 'heiti' }],
      pageBreakBefore: true,
    })

    const pages = layoutPreview(spec, L)
    const drawn = pages[0].items.filter((i): i is PreviewText => i.kind === 'text' && ['copyNumber', 'secrecy', 'urgency'].includes(i.role))
    expect(drawn.map((i) => [i.role, i.text, i.font, i.latinInSlot === true])).toEqual([
      ['copyNumber', '000007', 'fangsong', false],
      ['secrecy', '机密★3年', 'heiti', true],
      ['urgency', '特急', 'heiti', true],
    ])
    const label = pages.flatMap((p) => p.items).find((i): i is PreviewText => i.kind === 'text' && i.role === 'attachmentLabel')
    expect(label?.text).toBe('附件')

    const { document } = await parts(await exportDocumentDocx(spec, L))
    const ps = document.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []
    const textOf = (p: string) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
    for (const b of [...head, attachmentLabelBlock(0, 1)]) {
      const p = ps.find((x) => textOf(x) === b.runs[0].text)!
      expect(p, b.role).toBeDefined()
      expect(attr(p, 'w:pStyle', 'w:val')).toBe(ROLE_TABLE[b.role].docxStyle.id)
      const face = { fangsong: '仿宋_GB2312', heiti: '黑体' }[b.runs[0].font as 'fangsong' | 'heiti']
      expect(attr(p, 'w:rFonts', 'w:eastAsia')).toBe(face)
      expect(attr(p, 'w:rFonts', 'w:ascii')).toBe(ROLE_TABLE[b.role].latinInSlot ? face : 'Times New Roman')
    }
  })
})

describe('the floating 版记 (7.4) as one block', () => {
  it('carries its rows, side indents and rule weights; the preview draws and the .docx writes exactly those', async () => {
    const block = imprintBlock(L, demo)!
    expect(block.imprint).toEqual({
      sizePt: 14,
      sideTwips: 280,
      rows: [
        { kind: 'cc', text: '抄送：银川市人民政府教育督导室，县教育体育局。', hangingTwips: 3 * 280 },
        { kind: 'printing', org: '贺兰县人民政府教育督导室', date: '2024年3月22日印发' },
      ],
      rulesAbove: [mmToTwips(0.35), mmToTwips(0.25)],
      ruleBelow: mmToTwips(0.35),
      anchorTwips: 20,
    })
    // 信函格式: 抄送 only, no rules (10.1).
    expect(imprintBlock(L, { ...demo, format: 'letter' })!.imprint).toMatchObject({ rulesAbove: [0], ruleBelow: 0 })
    expect(imprintBlock(L, { format: 'file', content: { ccRecipients: '', printingOrg: '', printedDate: '' } })).toBeNull()

    // Heavier rules in the profile: both sides follow the block.
    const heavy = { ...L, imprint: { ...L.imprint, thickLineMm: 0.7, thinLineMm: 0.5 } }
    const hb = imprintBlock(heavy, demo)!.imprint
    const pages = layoutPreview(demo, heavy)
    const rules = pages.at(-1)!.items.filter((i) => i.kind === 'rule' && i.role === 'imprintLine') as { thickness: number }[]
    expect(rules.map((r) => r.thickness)).toEqual(
      [hb.rulesAbove[0], hb.rulesAbove[1], hb.ruleBelow].map((w) => Math.round(twipsToMm(w) * 1000) / 1000),
    )
    const texts = pages
      .at(-1)!
      .items.filter((i): i is PreviewText => i.kind === 'text' && i.role === 'imprint')
      .map((i) => i.text)
    expect(texts).toEqual(['抄送：银川市人民政府教育督导室，县教育体育局。', '贺兰县人民政府教育督导室', '2024年3月22日印发'])
    const { document } = await parts(await exportDocumentDocx(demo, heavy))
    const table = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((t) => t.includes('w:tblpPr'))!
    const cells = table.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!
    const sz = (cell: string, side: string) => Number(attr(cell, `w:${side}`, 'w:sz'))
    expect([sz(cells[0], 'top'), sz(cells[1], 'top'), sz(cells[1], 'bottom')]).toEqual(
      [hb.rulesAbove[0], hb.rulesAbove[1], hb.ruleBelow].map((w) => Math.round((w / 20) * 8)),
    )
    expect(sz(cells[0], 'top')).toBe(16) // 0.7 mm ≈ 2 pt
  })
})
