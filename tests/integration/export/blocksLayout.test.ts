/**
 * Tables and images in the exported XML (issue 9): the table from the same column widths as the preview, its
 * header row marked to repeat, no row split, rows of whole grid lines; the chart as a PNG part at its size in
 * mm; every caption, header and cell paragraph in its named style (表格标题, 表格表头, 表格文字, 图片标题).
 */
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportDocumentDocx } from '../../../electron/core/export/docx/officialDocument'
import { GBT9704_LAYOUT, mmToTwips, typeAreaWidthTwips } from '../../../shared/documents/layout'
import { ROLE_TABLE } from '../../../shared/print/roles'
import { columnTwips, imageLine, rowLineCount } from '../../../shared/print/table'
import { CHART_MM, reportSpec, TABLE_ROWS } from './reportFixture'

const L = GBT9704_LAYOUT
const spec = reportSpec()
const tableBlock = spec.content.body.find((b) => b.kind === 'table') as Extract<(typeof spec.content.body)[number], { kind: 'table' }>
const imageBlock = spec.content.body.find((b) => b.kind === 'image') as Extract<(typeof spec.content.body)[number], { kind: 'image' }>

describe('tables and images in the .docx', () => {
  let document: string
  let styles: string
  let media: string[]

  beforeAll(async () => {
    const zip = await JSZip.loadAsync(await exportDocumentDocx(spec))
    document = await zip.file('word/document.xml')!.async('string')
    styles = await zip.file('word/styles.xml')!.async('string')
    media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))
  })

  /** The body table (not the floating 版记 table). */
  const bodyTable = () => [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((t) => !t.includes('w:tblpPr'))!

  it('writes the columns the preview draws, centred, fixed layout', () => {
    const widths = columnTwips(L, tableBlock.table, typeAreaWidthTwips(L))
    const t = bodyTable()
    expect([...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual(widths)
    expect(t).toContain('<w:tblLayout w:type="fixed"/>')
    expect(t).toContain('<w:jc w:val="center"/>')
  })

  it('marks the header row to repeat, no row to split, and gives each row its grid lines exactly', () => {
    const rows = [...bodyTable().matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g)].map((m) => m[0])
    expect(rows).toHaveLength(TABLE_ROWS.length)
    expect(rows[0]).toContain('<w:tblHeader/>')
    expect(rows.slice(1).every((r) => !r.includes('<w:tblHeader/>'))).toBe(true)
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true)
    const widths = columnTwips(L, tableBlock.table, typeAreaWidthTwips(L))
    rows.forEach((r, i) => {
      const h = Number(/<w:trHeight w:val="(\d+)" w:hRule="exact"\/>/.exec(r)?.[1])
      const expected = rowLineCount(L, TABLE_ROWS[i], widths) * L.grid.linePitchTwips - (i === rows.length - 1 ? 10 : 0)
      expect(h, `row ${i}`).toBe(expected)
    })
  })

  it('sets captions, header and cells in named styles from the one role table', () => {
    for (const role of ['tableCaption', 'tableHeader', 'tableCell', 'figureCaption'] as const) {
      const { id, name } = ROLE_TABLE[role].docxStyle
      expect(styles).toContain(`w:styleId="${id}"><w:name w:val="${name}"/>`)
      expect(document).toContain(`<w:pStyle w:val="${id}"/>`)
    }
    const caption = document.indexOf('表1 各校主要指标达标情况')
    expect(caption).toBeGreaterThan(0)
    expect(caption).toBeLessThan(document.indexOf('<w:tbl>'))
  })

  it('embeds the chart as a PNG at its size in mm, floating over whole grid lines', () => {
    expect(media.some((f) => f.endsWith('.png'))).toBe(true)
    const extent = /<wp:anchor[\s\S]*?<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(document)
    // The masthead's red line is a floating shape too: find the picture's anchor.
    const pictures = [...document.matchAll(/<wp:anchor[\s\S]*?<\/wp:anchor>/g)].map((m) => m[0]).filter((a) => a.includes('<pic:pic'))
    expect(pictures).toHaveLength(1)
    const [cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(pictures[0])!.slice(1).map(Number)
    expect(extent).not.toBeNull()
    expect(Math.abs(cx / 36000 - CHART_MM.widthMm)).toBeLessThan(0.1)
    expect(Math.abs(cy / 36000 - CHART_MM.heightMm)).toBeLessThan(0.1)
    const g = imageLine(L, imageBlock.image)
    const figure = [...document.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes('<pic:pic'))!
    expect(figure).toMatch(new RegExp(`<w:spacing [^>]*w:line="${g.lineTwips}" w:lineRule="exact"/>`))
    expect(figure).toContain('<w:keepNext/>')
    expect(g.lineTwips % L.grid.linePitchTwips).toBe(0)
    expect(mmToTwips(CHART_MM.heightMm)).toBeLessThanOrEqual(g.lineTwips)
  })
})

describe('the block writer: a plain serializer of a composer’s blocks', () => {
  it('writes every paragraph in the named style of its role, with the role’s font and indent', async () => {
    const { exportBlocksDocx } = await import('../../../electron/core/export/docx/blockWriter')
    const { composeSampleReport } = await import('./reportFixture')
    const zip = await JSZip.loadAsync(await exportBlocksDocx(composeSampleReport(), { title: '自评报告' }))
    const doc = await zip.file('word/document.xml')!.async('string')
    const sty = await zip.file('word/styles.xml')!.async('string')
    const paragraphs = doc.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []
    const withText = (t: string) => paragraphs.find((p) => p.includes(`>${t}<`))!
    for (const [text, role] of [
      ['贺兰县学前教育普及普惠督导评估自评报告', 'title'],
      ['一、基本情况', 'body'],
      ['表1 各校主要指标达标情况', 'tableCaption'],
      ['图1 各学段班额达标率', 'figureCaption'],
    ] as const) {
      const { id, name } = ROLE_TABLE[role].docxStyle
      expect(withText(text), text).toContain(`<w:pStyle w:val="${id}"/>`)
      expect(sty).toContain(`w:styleId="${id}"><w:name w:val="${name}"/>`)
    }
    expect(withText('贺兰县学前教育普及普惠督导评估自评报告')).toContain('<w:sz w:val="44"/>')
    expect(withText('一、基本情况')).toContain('<w:keepNext/>')
    expect(withText('一、基本情况')).toContain('w:firstLine="630"')
    // The page break before the last paragraph.
    expect(withText('附：自评工作组成员名单另附。')).toContain('<w:pageBreakBefore/>')
  })
})

describe('a 公文 whose 正文 ends with a table, the 署名 carried to the next page (7.3.5.4)', () => {
  it('moves the whole table to the next page with the 署名 in the preview and in the .docx', async () => {
    const { planPageFit } = await import('../../../shared/documents/pageFit')
    const { demo } = await import('./reportFixture')
    const spec = {
      ...demo,
      content: {
        ...demo.content,
        attachments: [],
        attachmentsIssued: false,
        body: [
          { level: 0 as const, text: '督'.repeat(43) },
          {
            kind: 'table' as const,
            level: 0 as const,
            text: '表1 结果',
            table: {
              columns: [{ auto: true as const }, { auto: true as const }],
              headerRows: 1,
              rows: [
                ['学校', '结论'],
                ['一中', '达标'],
                ['二中', '达标'],
              ],
            },
          },
        ],
      },
    }
    const { fit, pages } = planPageFit(spec, L)
    expect(fit.outcome).toBe('carried')
    const pageOf = (role: string) => pages.findIndex((p) => p.items.some((i) => i.kind === 'text' && i.role === role))
    expect(pageOf('tableCaption')).toBe(1)
    expect(pageOf('signature')).toBe(1)
    const zip = await JSZip.loadAsync(await exportDocumentDocx(spec))
    const doc = await zip.file('word/document.xml')!.async('string')
    const caption = (doc.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? []).find((p) => p.includes('>表1 结果<'))!
    expect(caption).toContain('<w:pageBreakBefore/>')
    expect(caption).toContain('<w:keepNext/>')
  })
})

describe('an SVG chart', () => {
  it('is written as SVG with its PNG stand-in for programs that cannot draw SVG (LibreOffice, WPS, older Word)', async () => {
    const { exportBlocksDocx } = await import('../../../electron/core/export/docx/blockWriter')
    const { barChartPng } = await import('./reportFixture')
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="#d8ecff"/></svg>',
    ).toString('base64')
    const png = barChartPng(200, 100, [0.5])
    const zip = await JSZip.loadAsync(
      await exportBlocksDocx(
        [
          {
            kind: 'image',
            caption: '图1',
            image: { format: 'svg', data: svg, widthMm: 100, heightMm: 50, fallbackPng: png.toString('base64') },
          },
        ],
        { title: 'svg' },
      ),
    )
    const files = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))
    expect(files.some((f) => f.endsWith('.svg'))).toBe(true)
    const pngFile = files.find((f) => f.endsWith('.png'))!
    expect(Buffer.from(await zip.file(pngFile)!.async('uint8array')).equals(png)).toBe(true)
    const doc = await zip.file('word/document.xml')!.async('string')
    expect(doc).toContain('svgBlip')
  })
})
