/**
 * The 整改通知书 and the 督导通报 the ledger writes, exported and rendered by LibreOffice: the serial 编号 in the
 * 发文字号 slot, the problem tables as real tables (every column at one x on every row, inside the 版心, the header
 * row repeated), nothing outside the 版心. Set DOCX_RENDER_DIR to keep the PDF pages as PNG (look at them).
 * Skipped, saying so, only where LibreOffice is absent and not in CI.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportDocumentDocx } from '../../../electron/core/export/docx/officialDocument'
import { effectiveLayout } from '../../../shared/documents/effectiveLayout'
import type { DocumentSpec } from '../../../shared/documents/types'
import { buildBulletin, type BulletinProblem } from '../../../shared/supervision/documents/bulletin'
import { buildRectificationNotice } from '../../../shared/supervision/documents/rectificationNotice'
import { hasCommand, pngPages, renderPdf, textLayout, type PdfPage, type TextLine } from '../../helpers/pdfLayout'

const skipRender = !hasCommand('libreoffice') && !process.env.CI
if (skipRender) console.warn('documentsRender: libreoffice is not installed — the rendered supervision documents are not checked')

const office = { fullName: '贺兰县人民政府教育督导室', mastheadText: '贺兰县人民政府教育督导室文件' }
const problems: BulletinProblem[] = [
  { institution: '贺兰县第一小学', matter: '食堂、饮水与卫生', description: '食堂留样记录不全，部分餐次未留样', deadline: '2025-04-15' },
  { institution: '贺兰县第二小学', matter: '校园及周边安全', description: '消防通道堆放杂物，应急照明灯两处损坏', deadline: '2025-04-10' },
  { institution: '贺兰县第一小学', matter: '学校管理与制度落实', description: '课后服务未公示收费标准和服务内容', deadline: '2025-04-15' },
  {
    institution: '贺兰县立岗镇中心小学',
    matter: '课程与教学',
    description: '体育与健康课课时不足，每周少于规定的3课时',
    deadline: '2025-04-20',
  },
  // A two-digit month and day: the widest date of the column, which must not wrap.
  { institution: '贺兰县第二小学', matter: '课程与教学', description: '课后服务时间安排不合理', deadline: '2025-10-13' },
]
const notice: DocumentSpec = buildRectificationNotice({
  office,
  institution: '贺兰县第一小学',
  foundOn: '2025-03-12',
  inspector: '马建国',
  inspectorPhone: '13909510001',
  reportWithinDays: 7,
  signedDate: '2025-03-14',
  number: '督改〔2025〕3号',
  problems: problems
    .filter((p) => p.institution === '贺兰县第一小学')
    .map((p) => ({ ...p, requirement: '制定整改方案，明确专人负责，整改前后拍照留存' })),
})
const bulletin: DocumentSpec = buildBulletin({
  office,
  theme: '校园食品安全',
  noticeTitle: '关于开展2025年3月责任督学挂牌督导工作的通知',
  figures: {
    period: { kind: 'month', label: '2025年3月', from: '2025-03-01', to: '2025-03-31' },
    visits: 9,
    institutionsVisited: 7,
    institutionsTotal: 8,
    coverage: 7 / 8,
    problemsFound: 4,
    problemsByItem: [
      { itemKey: 'hygiene', title: '食堂、饮水与卫生', count: 1 },
      { itemKey: 'safety', title: '校园及周边安全', count: 1 },
      { itemKey: 'management', title: '学校管理与制度落实', count: 1 },
      { itemKey: 'teaching', title: '课程与教学', count: 1 },
    ],
    previousRectification: { period: { label: '2025年2月' }, found: 3, rectified: 2, rate: 2 / 3 },
    overdue: 1,
  },
  practices: [{ institution: '贺兰县第二小学', text: '建立校长陪餐日志，每日公示菜谱和食材来源' }],
  problems,
  groupBy: 'matter',
  nameInstitutions: false,
  reportWithinDays: 10,
  signedDate: '2025-04-10',
})

/** 版心 of GB/T 9704-2012 5.2: left 28 mm, right 184 mm, top 37 mm, bottom 262 mm. */
const TYPE = { left: 28, right: 184, top: 37, bottom: 262 }
const all = (pages: PdfPage[]) => pages.flatMap((p, i) => p.lines.map((l) => ({ ...l, page: i + 1 })))
const find = (pages: PdfPage[], text: string) => all(pages).filter((l) => l.text.replace(/\s+/g, '').includes(text))

describe.skipIf(skipRender)('supervision documents rendered by LibreOffice', () => {
  const rendered: Record<string, PdfPage[]> = {}
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'svdocs-render-'))
    const layout = effectiveLayout({ fontProfile: 'windows' })
    for (const [name, spec] of Object.entries({ notice, bulletin })) {
      const pdf = renderPdf(await exportDocumentDocx(spec, layout), dir, name)
      rendered[name] = textLayout(pdf)
      const keep = process.env.DOCX_RENDER_DIR
      if (keep) {
        mkdirSync(join(keep, name), { recursive: true })
        pngPages(pdf, join(keep, name))
      }
    }
  }, 240_000)
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('keeps every line of both documents inside the 版心 width', () => {
    for (const pages of Object.values(rendered)) {
      const outside = all(pages).filter((l) => l.xMin < TYPE.left - 0.5 || l.xMax > TYPE.right + 0.5)
      expect(outside.map((l) => `${l.page}: ${l.text}`)).toEqual([])
    }
  })

  it('prints the 整改通知书 serial in the 发文字号 slot of page 1, centred, and its problem table in aligned columns', () => {
    const pages = rendered.notice
    const [number] = find(pages, '督改〔2025〕3号')
    expect(number.page).toBe(1)
    expect(Math.abs((number.xMin + number.xMax) / 2 - (TYPE.left + TYPE.right) / 2)).toBeLessThan(1.5)
    const headers = find(pages, '整改期限')
    const dates = all(pages).filter((l) => l.text.replace(/\s+/g, '') === '4月15日')
    expect(dates).toHaveLength(2)
    // The 整改期限 column: every date centred under the header row of its page (repeated when the table runs on).
    for (const d of dates) {
      const header = headers.find((h) => h.page === d.page)!
      expect(Math.abs((d.xMin + d.xMax) / 2 - (header.xMin + header.xMax) / 2)).toBeLessThan(1)
    }
    const firstCells = ['1', '2'].map((n) => all(pages).find((l) => l.text.trim() === n)!)
    expect(Math.abs(firstCells[0].xMin - firstCells[1].xMin)).toBeLessThan(0.5)
  })

  it('prints the 通报 problem list as a table on the attachment page: one x per column on every row', () => {
    const pages = rendered.bulletin
    // The 附件标题 (the last mention: the first is the 附件说明 under 正文).
    const title = find(pages, '2025年3月督导发现问题清单').at(-1)!
    expect(find(pages, '附件：2025年3月督导发现问题清单')[0].page).toBeLessThan(title.page)
    expect(title.page).toBeGreaterThan(1)
    const onPage = (l: TextLine & { page: number }) => l.page === title.page
    const schools = ['贺兰县第一', '贺兰县第二', '贺兰县立岗'].map((s) => find(pages, s).filter(onPage)[0])
    expect(new Set(schools.map((s) => Math.round(s.xMin * 2))).size).toBe(1)
    const deadlines = all(pages).filter((l) => onPage(l) && /^\d+月\d+日$/.test(l.text.replace(/\s+/g, '')))
    expect(deadlines).toHaveLength(5)
    const centres = deadlines.map((d) => (d.xMin + d.xMax) / 2)
    expect(Math.max(...centres) - Math.min(...centres)).toBeLessThan(1)
    expect(find(pages, '附件').some((l) => l.page === title.page && l.xMin < TYPE.left + 2)).toBe(true)
  })
})
