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
import { officialPageNumbers } from '../../../shared/documents/compose'
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
