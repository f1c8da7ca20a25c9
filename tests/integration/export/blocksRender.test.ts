/**
 * Tables and images, drawn by the preview and written to .docx from the same blocks (issue 9): a 通报 whose
 * 正文 holds a 4-column table running over two page breaks (header row repeated) and a PNG chart with its
 * caption, rendered by LibreOffice and compared with the preview: every row on the same page, the page
 * breaks within one line, the columns within 1 mm, the chart's box within 1 mm across and one line down.
 * Skipped only when libreoffice is absent. Set DOCX_RENDER_DIR to keep the PDF's PNG pages.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportDocumentDocx } from '../../../electron/core/export/docx/officialDocument'
import { GBT9704_LAYOUT, twipsToMm, typeAreaWidthTwips } from '../../../shared/documents/layout'
import { cellLines, columnTwips } from '../../../shared/print/table'
import {
  layoutPreview,
  type PreviewImage,
  type PreviewPage,
  type PreviewRule,
  type PreviewText,
} from '../../../shared/documents/previewLayout'
import { colourBox, hasCommand, pngPages, renderPdf, textLayout, verticalStrokes, type PdfPage } from '../../helpers/pdfLayout'
import { CHART_BACKGROUND, CHART_MM, composeSampleReport, reportSpec, TABLE_ROWS } from './reportFixture'
import { paginateBlocks } from '../../../shared/print/paginate'
import { exportBlocksDocx } from '../../../electron/core/export/docx/blockWriter'

const L = GBT9704_LAYOUT
const pitch = twipsToMm(L.grid.linePitchTwips)
const typeTop = twipsToMm(L.page.marginTopTwips)
const typeBottom = twipsToMm(L.page.heightTwips - L.page.marginBottomTwips)
const hasLibreOffice = hasCommand('libreoffice')

const texts = (p: PreviewPage) => p.items.filter((i): i is PreviewText => i.kind === 'text')
const compact = (s: string) => s.replace(/\s/g, '')

describe.skipIf(!hasLibreOffice)('a table over page breaks and a chart: preview and LibreOffice agree', () => {
  const spec = reportSpec()
  const preview = layoutPreview(spec)
  let dir: string
  let pdf: string
  let pages: PdfPage[]

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'blocks-render-'))
    pdf = renderPdf(await exportDocumentDocx(spec), dir, 'report')
    pages = textLayout(pdf)
    const keep = process.env.DOCX_RENDER_DIR
    if (keep) {
      mkdirSync(keep, { recursive: true })
      pngPages(pdf, keep)
    }
  }, 120_000)

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  /** The page (0-based) and em-box top of the first PDF line starting with `text`, searching from page `from`. */
  const pdfLine = (text: string, from = 0) => {
    for (let p = from; p < pages.length; p++) {
      const line = pages[p].lines.find((l) => compact(l.text).startsWith(compact(text)))
      if (line) return { page: p, y: line.yMin }
    }
    return null
  }

  it('has the same number of pages, the table running over two page breaks', () => {
    expect(pages.length).toBe(preview.length)
    const withRows = preview.filter((p) => texts(p).some((t) => t.role === 'tableCell'))
    expect(withRows.length).toBe(3)
  })

  it('puts every row of the table on the same page, never split, the header row repeated on every page', () => {
    // The first cell of each body row is unique (a school name); its first line (as wrapped) opens the row.
    const table = spec.content.body.find((b) => b.kind === 'table')!
    const widths = columnTwips(L, (table as Extract<typeof table, { kind: 'table' }>).table, typeAreaWidthTwips(L))
    for (const row of TABLE_ROWS.slice(1)) {
      const firstLine = cellLines(L, row[0], widths[0])[0]
      const pv = preview.findIndex((p) => texts(p).some((t) => t.role === 'tableCell' && t.text === firstLine))
      const rendered = pages.findIndex((p) => p.lines.some((l) => compact(l.text) === firstLine))
      expect(pv, row[0]).toBeGreaterThanOrEqual(0)
      expect(rendered, row[0]).toBe(pv)
    }
    for (const [i, p] of preview.entries()) {
      if (!texts(p).some((t) => t.role === 'tableCell')) continue
      expect(texts(p).some((t) => t.role === 'tableHeader' && t.text === '学校')).toBe(true)
      // Rendered: the header's first cell on this page too, above every body row.
      const header = pages[i].lines.find((l) => l.text === '学校')
      expect(header, `page ${i + 1}`).toBeDefined()
    }
  })

  it('breaks the pages within one line of the preview: the last and first lines of every page', () => {
    for (const [i, p] of preview.entries()) {
      const body = texts(p).filter((t) => t.role !== 'pageNumber')
      const rendered = pages[i].lines.filter((l) => l.yMin > typeTop - 3 && l.yMax < typeBottom + 1)
      const lowest = (ys: number[]) => Math.max(...ys)
      expect(Math.abs(lowest(body.map((t) => t.y)) - lowest(rendered.map((l) => l.yMin))), `page ${i + 1} bottom`).toBeLessThanOrEqual(
        pitch + 0.5,
      )
    }
    // The paragraph after the table and the caption of the chart land on the page the preview puts them on.
    for (const role of ['figureCaption'] as const) {
      const pv = preview.findIndex((p) => texts(p).some((t) => t.role === role))
      const item = texts(preview[pv]).find((t) => t.role === role)!
      const line = pdfLine(item.text)
      expect(line!.page).toBe(pv)
      expect(Math.abs(line!.y - item.y)).toBeLessThanOrEqual(pitch)
    }
  })

  it('draws the table columns where the preview draws them (within 1 mm)', () => {
    for (const [i, p] of preview.entries()) {
      const edges = [
        ...new Set(
          p.items
            .filter((r): r is PreviewRule => r.kind === 'rule' && r.role === 'tableBorder' && r.thickness > 5)
            .map((r) => r.x + r.width / 2),
        ),
      ].sort((a, b) => a - b)
      if (edges.length === 0) continue
      expect(edges).toHaveLength(5)
      const rendered = [...new Set(verticalStrokes(pdf, i + 1).map((s) => Math.round(s.x * 100) / 100))].sort((a, b) => a - b)
      expect(rendered, `page ${i + 1}`).toHaveLength(5)
      edges.forEach((x, k) => expect(Math.abs(x - rendered[k]), `page ${i + 1} edge ${k}`).toBeLessThan(1))
    }
  })

  it('places the chart on the preview’s page at its size, centred (within 1 mm), its top within one line', () => {
    const pv = preview.findIndex((p) => p.items.some((i) => i.kind === 'image'))
    const img = preview[pv].items.find((i): i is PreviewImage => i.kind === 'image')!
    expect(img.width).toBe(CHART_MM.widthMm)
    expect(img.height).toBe(CHART_MM.heightMm)
    const box = colourBox(pdf, pv + 1, CHART_BACKGROUND)
    expect(box).not.toBeNull()
    expect(Math.abs(box!.xMin - img.x)).toBeLessThan(1)
    expect(Math.abs(box!.xMax - (img.x + img.width))).toBeLessThan(1)
    expect(Math.abs(box!.yMax - box!.yMin - img.height)).toBeLessThan(1)
    expect(Math.abs(box!.yMin - img.y)).toBeLessThanOrEqual(pitch)
    // The caption right below it.
    const caption = pdfLine('图1', pv)!
    expect(caption.page).toBe(pv)
    expect(caption.y).toBeGreaterThan(box!.yMax)
  })
})

describe.skipIf(!hasLibreOffice)('a report composed straight into blocks: the generic paginator and the block writer agree', () => {
  const blocks = composeSampleReport()
  const preview = paginateBlocks(blocks, L)
  let dir: string
  let pdf: string
  let pages: PdfPage[]

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'blocks-report-'))
    pdf = renderPdf(await exportBlocksDocx(blocks, { title: '自评报告' }), dir, 'report-blocks')
    pages = textLayout(pdf)
    const keep = process.env.DOCX_RENDER_DIR
    if (keep) {
      mkdirSync(keep, { recursive: true })
      const sub = join(keep, 'report-blocks')
      mkdirSync(sub, { recursive: true })
      pngPages(pdf, sub)
    }
  }, 120_000)

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('puts every line of text on the preview’s page, within 1 mm of its place (title, headings, paragraphs, captions, cells)', () => {
    expect(pages.length).toBe(preview.length)
    for (const [i, p] of preview.entries()) {
      for (const t of texts(p)) {
        if (t.role === 'pageNumber' || !/^[\u4e00-\u9fff]/.test(t.text)) continue
        const line = pages[i].lines.find(
          (l) => compact(l.text) === compact(t.text) && l.xMin > t.x - 1 && l.xMax < t.x + t.width + 6 && Math.abs(l.yMin - t.y) < 5,
        )
        expect(line, `page ${i + 1}: ${t.text}`).toBeDefined()
        expect(Math.abs(line!.yMin - t.y), `page ${i + 1}: ${t.text}`).toBeLessThan(1)
      }
    }
  })

  it('draws the chart where the preview draws it (within 1 mm)', () => {
    const pv = preview.findIndex((p) => p.items.some((i) => i.kind === 'image'))
    const img = preview[pv].items.find((i): i is PreviewImage => i.kind === 'image')!
    const box = colourBox(pdf, pv + 1, CHART_BACKGROUND)!
    expect(Math.abs(box.xMin - img.x)).toBeLessThan(1)
    expect(Math.abs(box.yMin - img.y)).toBeLessThan(1)
    expect(Math.abs(box.yMax - (img.y + img.height))).toBeLessThan(1)
  })
})
