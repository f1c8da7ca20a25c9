// @vitest-environment happy-dom
/**
 * Tables and images in 正文 (issue 9): laid out by the paginator on the grid, drawn by the preview component,
 * validated by the content schema; old content (no `kind`, no `version`) still reads.
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DocumentPreview from '../../../renderer/src/components/documentPreview/DocumentPreview.vue'
import BodyEditor from '../../../renderer/src/views/documents/editor/BodyEditor.vue'
import ElementPlus from 'element-plus'
import { GBT9704_LAYOUT, twipsToMm, typeAreaWidthTwips } from '../../../shared/documents/layout'
import {
  layoutPreview,
  type PreviewImage,
  type PreviewPage,
  type PreviewRule,
  type PreviewText,
} from '../../../shared/documents/previewLayout'
import { documentContentSchema } from '../../../shared/documents/documentSchema'
import { changeLevel, numberBlocks } from '../../../shared/documents/headingNumbering'
import { CONTENT_VERSION, type BodyBlock, type DocumentSpec } from '../../../shared/documents/types'
import { cellLines, columnTwips, imageLine } from '../../../shared/print/table'
import notice from '../../../seeds/demo/documents/notice-2024-4.json'

const L = GBT9704_LAYOUT
const demo = notice as unknown as DocumentSpec
const PITCH = twipsToMm(L.grid.linePitchTwips)
const TOP = twipsToMm(L.page.marginTopTwips)
const texts = (p: PreviewPage, role: PreviewText['role']) => p.items.filter((i): i is PreviewText => i.kind === 'text' && i.role === role)
/** A 1 × 1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

const table = (rows: number): BodyBlock => ({
  kind: 'table',
  level: 0,
  text: '表1 督导评估结果',
  table: {
    columns: [{ chars: 8 }, { mm: 30 }, { auto: true }, { auto: true }],
    headerRows: 1,
    rows: [
      ['学校', '得分', '等次', '备注'],
      ...Array.from({ length: rows }, (_, i) => [`学校${i + 1}`, String(80 + (i % 20)), '良好', '']),
    ],
  },
})
const image: BodyBlock = { kind: 'image', level: 0, text: '图1 得分分布', image: { format: 'png', data: PNG, widthMm: 100, heightMm: 50 } }
const spec = (body: BodyBlock[]): DocumentSpec => ({
  ...demo,
  content: { ...demo.content, body, attachments: [], attachmentsIssued: false },
})

describe('table geometry', () => {
  it('sizes columns in 字, mm and shares of the rest, summing to the 版心 width', () => {
    const t = (table(1) as Extract<BodyBlock, { kind: 'table' }>).table
    const w = columnTwips(L, t, typeAreaWidthTwips(L))
    expect(w[0]).toBe(8 * 315)
    expect(w[1]).toBe(1701) // 30 mm
    expect(w[2]).toBe(w[3])
    expect(w.reduce((a, b) => a + b, 0)).toBeGreaterThan(typeAreaWidthTwips(L) - 3)
    // Too wide: every column shrinks in proportion.
    const wide = columnTwips(L, { ...t, columns: [{ chars: 20 }, { chars: 20 }, { chars: 4 }, { chars: 4 }] }, typeAreaWidthTwips(L))
    expect(wide.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(typeAreaWidthTwips(L))
    expect(wide[0]).toBe(wide[1])
  })

  it('wraps cell text inside the padding with the one measurement', () => {
    expect(cellLines(L, '贺兰县第一中学分校', 9 * 315)).toEqual(['贺兰县第一中学分', '校'])
    expect(cellLines(L, '达标', 9 * 315)).toEqual(['达标'])
    expect(cellLines(L, '第一行\n第二行', 9 * 315)).toEqual(['第一行', '第二行'])
  })

  it('gives an image whole grid lines and centres it in them', () => {
    const g = imageLine(L, { format: 'png', data: PNG, widthMm: 100, heightMm: 50 })
    expect(g.lines).toBe(5) // 50 mm ≤ 5 × 10.21 mm
    expect(twipsToMm(g.imageTopTwips)).toBeCloseTo((5 * PITCH - 50) / 2, 1)
  })
})

describe('paginating tables and images', () => {
  it('repeats the header row on every page, never splits a row, keeps the caption with the header', () => {
    const pages = layoutPreview(spec([{ level: 0, text: '现将督导评估结果通报如下。' }, table(60)]))
    const withRows = pages.filter((p) => texts(p, 'tableCell').length > 0)
    expect(withRows.length).toBeGreaterThanOrEqual(3)
    for (const p of withRows) {
      const header = texts(p, 'tableHeader')
      expect(header.map((h) => h.text)).toEqual(['学校', '得分', '等次', '备注'])
      // The header is the first row on the page, every body row below it.
      expect(Math.max(...texts(p, 'tableCell').map((c) => c.y))).toBeGreaterThan(header[0].y)
      expect(Math.min(...texts(p, 'tableCell').map((c) => c.y))).toBeGreaterThan(header[0].y)
      // Inside the 版心.
      for (const c of texts(p, 'tableCell')) expect(c.y + c.height).toBeLessThan(TOP + 22 * PITCH + 0.5)
    }
    // Every body row once, in order.
    const names = withRows.flatMap((p) =>
      texts(p, 'tableCell')
        .filter((c) => c.text.startsWith('学校'))
        .map((c) => c.text),
    )
    expect(names).toEqual(Array.from({ length: 60 }, (_, i) => `学校${i + 1}`))
    const caption = pages.flatMap((p) => texts(p, 'tableCaption'))
    expect(caption.map((c) => c.text)).toEqual(['表1 督导评估结果'])
    expect(caption[0].align).toBe('center')
    // Borders: five vertical edges on each page of the table.
    for (const p of withRows) {
      const verticals = p.items.filter((i): i is PreviewRule => i.kind === 'rule' && i.role === 'tableBorder' && i.thickness > 5)
      expect(new Set(verticals.map((v) => v.x)).size).toBe(5)
    }
  })

  it('places an image centred on whole grid lines with its caption on the next line; the text after it stays on the grid', () => {
    // Without the 版头 (a 信函格式 page has room), so image, caption and text share page 1.
    const pages = layoutPreview({
      ...spec([{ level: 0, text: '得分分布见下图。' }, image, { level: 0, text: '以上结果请各校对照。' }]),
      format: 'file',
      content: {
        ...spec([]).content,
        mastheadOrgs: [],
        mastheadSuffix: '',
        docNumber: '',
        title: '',
        recipients: '',
        body: [{ level: 0, text: '得分分布见下图。' }, image, { level: 0, text: '以上结果请各校对照。' }],
      },
    })
    const img = pages[0].items.find((i): i is PreviewImage => i.kind === 'image')!
    expect(img.width).toBe(100)
    expect(img.height).toBe(50)
    expect(img.x + img.width / 2).toBeCloseTo(twipsToMm(L.page.widthTwips - L.page.marginRightTwips + L.page.marginLeftTwips) / 2, 1)
    const [caption] = texts(pages[0], 'figureCaption')
    expect(caption.text).toBe('图1 得分分布')
    expect(caption.y).toBeGreaterThan(img.y + img.height)
    const after = texts(pages[0], 'body').find((b) => b.text.startsWith('以上结果'))!
    expect(after.y - caption.y).toBeCloseTo(PITCH, 2)
    // On the grid: a whole number of pitches below the first line of the page.
    const first = texts(pages[0], 'body')[0]
    expect(((after.y - first.y) / PITCH) % 1).toBeCloseTo(0, 3)
  })

  it('numbers headings around tables and images as before; tables and images keep level 0', () => {
    const body: BodyBlock[] = [{ level: 1, text: '总体情况' }, table(1), { level: 1, text: '存在问题' }, image]
    expect(numberBlocks(body).map((b) => b.label)).toEqual(['一、', '', '二、', ''])
    expect(changeLevel(body, 1, 1)[1].level).toBe(0)
  })
})

describe('stored content', () => {
  it('reads old content (no kind, no version) and stamps the current version', () => {
    const parsed = documentContentSchema.parse({ ...demo.content, version: undefined })
    expect(parsed.version).toBe(CONTENT_VERSION)
    expect(parsed.body[0]).toEqual(demo.content.body[0])
  })

  it('accepts tables and images and refuses a malformed table with a Chinese message', () => {
    expect(documentContentSchema.safeParse({ ...demo.content, body: [table(2), image] }).success).toBe(true)
    const bad = documentContentSchema.safeParse({
      ...demo.content,
      body: [{ ...table(1), table: { columns: [{ auto: true }], headerRows: 0, rows: [['a', 'b']] } }],
    })
    expect(bad.success).toBe(false)
    expect(JSON.stringify(bad.error?.issues)).toContain('每行的单元格数应与列数相同')
    expect(documentContentSchema.safeParse({ ...demo.content, version: CONTENT_VERSION + 1 }).success).toBe(false)
  })
})

describe('DocumentPreview draws tables and images', () => {
  it('an <img> at the image box and the table cells as lines', () => {
    const s = spec([table(3), image])
    const wrapper = mount(DocumentPreview, { props: { spec: s, scale: 1 } })
    const img = wrapper.find('img.doc-image')
    expect(img.exists()).toBe(true)
    expect(img.attributes('src')).toBe(`data:image/png;base64,${PNG}`)
    expect(img.attributes('style')).toContain('width: 100mm')
    expect(img.attributes('style')).toContain('height: 50mm')
    expect(wrapper.findAll('[data-role=tableHeader]').map((h) => h.text())).toEqual(['学校', '得分', '等次', '备注'])
    expect(wrapper.findAll('[data-role=tableCell]').length).toBeGreaterThanOrEqual(9)
    expect(wrapper.findAll('.doc-rule--tableBorder').length).toBeGreaterThan(5)
  })
})

describe('the generic paginator: a report composed straight into blocks', () => {
  it('sets each paragraph by its role, keeps headings with what follows, honours page breaks', async () => {
    const { composeSampleReport } = await import('../../integration/export/reportFixture')
    const { paginateBlocks } = await import('../../../shared/print/paginate')
    const pages = paginateBlocks(composeSampleReport(), L)
    const all = pages.flatMap((p) => texts(p, 'title').concat(texts(p, 'body')))
    const title = all.find((t) => t.role === 'title')!
    expect(title.sizePt).toBe(22)
    expect(title.align).toBe('center')
    expect(title.font).toBe('title')
    // First line of the page (no 版头): the title's line at the top of the 版心.
    expect(title.y).toBeCloseTo(TOP + twipsToMm(0.8 * L.grid.linePitchTwips - 0.88 * 440), 2)
    const heading = all.find((t) => t.text === '一、基本情况')!
    expect(heading.font).toBe('heiti')
    expect(heading.x).toBeCloseTo(twipsToMm(L.page.marginLeftTwips + 2 * 315), 2)
    expect(heading.y - title.y).toBeCloseTo(2 * PITCH + twipsToMm(0.88 * 440 - 0.88 * 320), 2)
    // The table runs over a page break with its header, the page break puts the last paragraph on a page of its own.
    expect(pages.filter((p) => texts(p, 'tableHeader').length > 0).length).toBeGreaterThanOrEqual(2)
    const last = pages[pages.length - 1]
    expect(texts(last, 'body').map((t) => t.text)).toEqual(['附：自评工作组成员名单另附。'])
    expect(pages.every((p) => p.number === p.index + 1)).toBe(true)
    // A heading never ends a page: the line after it is on the same page.
    for (const p of pages) {
      const lines = p.items.filter((i): i is PreviewText => i.kind === 'text' && i.role !== 'pageNumber').sort((a, b) => a.y - b.y)
      const lastLine = lines[lines.length - 1]
      if (lastLine) expect(/^[一二三四五]、/.test(lastLine.text)).toBe(false)
    }
    // The heading before the chart shares its page.
    const trend = pages.findIndex((p) => texts(p, 'body').some((t) => t.text === '三、发展趋势'))
    expect(pages[trend].items.some((i) => i.kind === 'image')).toBe(true)
  })
})

describe('BodyEditor with tables and images', () => {
  it('shows a table as its cells and an image as what it is, captions editable', async () => {
    const body: BodyBlock[] = [{ level: 0, text: '现通报如下。' }, { ...table(2), text: '' }, image]
    const w = mount(BodyEditor, { props: { modelValue: body }, global: { plugins: [ElementPlus] } })
    // The table's 3 rows × 4 columns as cells typed in place, its header row marked.
    expect(w.findAll('[data-test=body-table] tr')).toHaveLength(3)
    expect(w.findAll('[data-test=body-table] textarea')).toHaveLength(12)
    expect(w.findAll('[data-test=body-table] tr.header')).toHaveLength(1)
    expect(w.find('[data-test=table-caption]').attributes('placeholder')).toBe('表题（可空）')
    expect(w.find('[data-test=body-image]').text()).toContain('100×50 毫米')
    expect(w.findAll('textarea[data-index]').map((t) => t.attributes('placeholder'))).toEqual(['段落文字'])
    await w.find('[data-test=image-caption]').setValue('图1 分布')
    const edited = (w.emitted('update:modelValue')!.at(-1)![0] as BodyBlock[])[2]
    expect(edited).toMatchObject({ kind: 'image', text: '图1 分布', image: { widthMm: 100 } })
  })
})

describe('DocumentPreview of a composer’s blocks', () => {
  it('draws the pages paginateBlocks lays out: a report needs no preview of its own', async () => {
    const { composeSampleReport } = await import('../../integration/export/reportFixture')
    const { paginateBlocks } = await import('../../../shared/print/paginate')
    const blocks = composeSampleReport()
    const w = mount(DocumentPreview, { props: { blocks, scale: 1 } })
    const sheets = w.findAll('[data-test=preview-page]')
    expect(sheets).toHaveLength(paginateBlocks(blocks, L).length)
    expect(sheets[0].find('[data-role=title]').text()).toBe('贺兰县学前教育普及普惠督导评估自评报告')
    expect(w.findAll('img.doc-image')).toHaveLength(1)
    expect(w.find('[role=alert]').exists()).toBe(false)
  })
})
