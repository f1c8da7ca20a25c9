import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { planPageFit } from '../../../shared/documents/pageFit'
import { GBT9704_LAYOUT, twipsToMm } from '../../../shared/documents/layout'
import { gridFit, IMPRINT_ANCHOR_TWIPS, typesetDocument } from '../../../shared/documents/typeset'
import {
  layoutPreview,
  measureChars,
  wrapChars,
  type PreviewPage,
  type PreviewRule,
  type PreviewText,
} from '../../../shared/documents/previewLayout'
import type { BodyBlock, DocumentContent, DocumentSpec } from '../../../shared/documents/types'

const L = GBT9704_LAYOUT
const TOP = twipsToMm(L.page.marginTopTwips) // 37.0 mm
const LEFT = twipsToMm(L.page.marginLeftTwips) // 28.0 mm
const TYPE_W = twipsToMm(L.page.widthTwips - L.page.marginLeftTwips - L.page.marginRightTwips) // 156 mm
const TYPE_BOTTOM = TOP + twipsToMm(L.page.heightTwips - L.page.marginTopTwips - L.page.marginBottomTwips) // 262 mm
const PITCH = twipsToMm(L.grid.linePitchTwips) // 10.21 mm
const CHAR = twipsToMm(16 * 20 - 5) // one 3号 character with −0.25 pt spacing: 5.56 mm
/** Em-box top of a 3号 character inside an exact line (baseline at 80 % of the line, ascent 0.88 em). */
const EM_TOP_IN_LINE = twipsToMm(0.8 * L.grid.linePitchTwips - 0.88 * 320)

function content(over: Partial<DocumentContent> = {}): DocumentContent {
  return {
    copyNumber: '',
    secrecy: '',
    urgency: '',
    mastheadOrgs: ['贺兰县人民政府教育督导室'],
    mastheadSuffix: '文件',
    docNumber: '贺政教督发〔2024〕4号',
    signers: [],
    title: '关于开展2024年春季开学工作专项督导的通知',
    recipients: '各中小学、幼儿园',
    body: [{ level: 0, text: '现将有关事项通知如下。' }],
    attachments: [],
    signatureOrgs: ['贺兰县人民政府教育督导室'],
    signedDate: '2024-03-22',
    publicityNote: '此件公开发布',
    ccRecipients: '银川市人民政府教育督导室，县教育体育局',
    printingOrg: '贺兰县人民政府教育督导室',
    printedDate: '2024-03-22',
    attendance: { present: '', absent: '', observers: '' },
    ...over,
  }
}

const spec = (
  over: Partial<DocumentContent> = {},
  kind: DocumentSpec['kind'] = '通知',
  format: DocumentSpec['format'] = 'file',
): DocumentSpec => ({
  kind,
  format,
  content: content(over),
})

const texts = (page: PreviewPage, role?: PreviewText['role']) =>
  page.items.filter((i): i is PreviewText => i.kind === 'text' && (role === undefined || i.role === role))
const rules = (page: PreviewPage, role?: PreviewRule['role']) =>
  page.items.filter((i): i is PreviewRule => i.kind === 'rule' && (role === undefined || i.role === role))
const allTexts = (pages: PreviewPage[], role: PreviewText['role']) => pages.flatMap((p) => texts(p, role))

/** n paragraphs of `len` ideographs each. */
const paragraphs = (n: number, len: number): BodyBlock[] => Array.from({ length: n }, () => ({ level: 0, text: '督'.repeat(len) }))

describe('layoutPreview: the 22 × 28 grid', () => {
  it('fills a body page with exactly 22 lines one exact pitch (579 twips) apart, inside the 版心', () => {
    const pages = layoutPreview(spec({ body: paragraphs(20, 100) }))
    expect(pages.length).toBeGreaterThan(3)
    const page2 = pages[1]
    const lines = texts(page2, 'body')
    expect(lines).toHaveLength(22)
    expect(lines[0].y).toBeCloseTo(TOP + EM_TOP_IN_LINE, 2)
    for (let i = 1; i < lines.length; i++) expect(lines[i].y - lines[i - 1].y).toBeCloseTo(PITCH, 2)
    const last = lines[21]
    expect(last.y + last.height).toBeLessThanOrEqual(TYPE_BOTTOM)
    // A 23rd line would not fit: 22 × 579 = 12738 twips of the 12756-twip 版心.
    expect(TOP + 22 * PITCH).toBeLessThanOrEqual(TYPE_BOTTOM)
    expect(TOP + 23 * PITCH).toBeGreaterThan(TYPE_BOTTOM)
  })

  it('sets 28 characters a line, 26 on an indented first line, wrapped lines flush left', () => {
    const pages = layoutPreview(spec({ body: [{ level: 0, text: '督'.repeat(100) }] }))
    const body = allTexts(pages, 'body')
    expect(body.map((l) => [...l.text].length)).toEqual([26, 28, 28, 18])
    expect(body[0].x).toBeCloseTo(LEFT + 2 * CHAR, 2)
    expect(body[1].x).toBeCloseTo(LEFT, 2)
    expect(body[1].width).toBeCloseTo(TYPE_W, 2)
    expect(body.map((l) => l.align)).toEqual(['justify', 'justify', 'justify', 'left'])
    expect(body[0].letterSpacingPt).toBe(-0.25)
    expect(body[0].sizePt).toBe(16)
    expect(body[0].font).toBe('fangsong')
  })

  it('counts half-width characters as half a character', () => {
    // 2 indent + 22 ideographs + "（2024）" (1 + 2 + 1 characters) = 28.
    const pages = layoutPreview(spec({ body: [{ level: 0, text: `${'督'.repeat(22)}（2024）${'导'.repeat(10)}` }] }))
    const body = allTexts(pages, 'body')
    expect(body[0].text).toBe(`${'督'.repeat(22)}（2024）`)
    expect(body[1].text).toBe('导'.repeat(10))
  })

  it("adds Word's automatic gap between an ideograph and Latin letters or digits", () => {
    // 24 ideographs + "2024" would fill the indented first line exactly, but the 督|2024 gap (¼ em) does not fit.
    const pages = layoutPreview(spec({ body: [{ level: 0, text: `${'督'.repeat(24)}2024导` }] }))
    const body = allTexts(pages, 'body')
    expect(body.map((b) => b.text)).toEqual(['督'.repeat(24), '2024导'])
    expect(measureChars('2024年3月22日', 0.25)).toBe(6.5 + 5 * 0.25)
    expect(measureChars('（2024）', 0.25)).toBe(4)
    // The × of placeholders is a character of the CJK face, one wide, as the .docx sets it (issue 13 item 9).
    expect(measureChars('××月', 0.25)).toBe(3)
  })

  it('keeps closing punctuation off the start of a line and inside the line: the character before goes down with it (禁则, no hanging)', () => {
    // Issue 13 item 1: a comma or 、 as the 29th character used to hang 5.7 mm into the margin.
    for (const mark of [...'，。、；：？！']) {
      const lines = wrapChars([...`${'督'.repeat(27)}议${mark}${'导'.repeat(5)}`], () => 28)
      expect(lines[0].join('')).toBe('督'.repeat(27))
      expect(lines[1].join('')).toBe(`议${mark}${'导'.repeat(5)}`)
    }
    // Two closing marks in a row go down together with the character before them.
    const twice = wrapChars([...`${'督'.repeat(27)}看”，${'导'.repeat(5)}`], () => 28)
    expect(twice[0].join('')).toBe('督'.repeat(27))
    expect(twice[1].join('')).toBe(`看”，${'导'.repeat(5)}`)
    // A mark that fits as the 28th character stays.
    expect(wrapChars([...`${'督'.repeat(27)}，${'导'.repeat(5)}`], () => 28)[0].join('')).toBe(`${'督'.repeat(27)}，`)
    const pulled = wrapChars([...`${'督'.repeat(28)}》${'导'.repeat(5)}`], () => 28)
    expect(pulled[0]).toHaveLength(27)
    expect(pulled[1].join('')).toBe(`督》${'导'.repeat(5)}`)
    const digits = wrapChars([...`${'督'.repeat(26)}2024年`], () => 28)
    expect(digits[0].join('')).toBe(`${'督'.repeat(26)}2024`)
  })
})

describe('layoutPreview: 版头', () => {
  it('puts the masthead top edge 35 mm below the 版心 top (37 + 35 mm from the page top), red, centred', () => {
    const [page1] = layoutPreview(spec())
    const [m] = texts(page1, 'masthead')
    expect(m.y).toBeCloseTo(37 + 35, 1)
    expect(m.y).toBeCloseTo(TOP + 35, 2)
    expect(m.color).toBe('#FF0000')
    expect(m.align).toBe('center')
    expect(m.font).toBe('title')
    // 14 characters of 42 pt are wider than the 150 mm allowed: narrowed, not shrunk.
    expect(m.sizePt).toBe(42)
    expect(m.scaleX).toBeCloseTo(0.72, 2)
  })

  it('places 发文字号 two blank lines below the masthead and the red line 4 mm below the number', () => {
    const [page1] = layoutPreview(spec())
    const [m] = texts(page1, 'masthead')
    const [num] = texts(page1, 'docNumber')
    const [sep] = rules(page1, 'separator')
    const mastheadBottom = m.y + m.height
    expect(num.y - EM_TOP_IN_LINE).toBeCloseTo(mastheadBottom + 2 * PITCH, 2)
    expect(num.align).toBe('center')
    const numberBottom = num.y - EM_TOP_IN_LINE + twipsToMm(0.8 * 579 + 0.12 * 320)
    expect(sep.y - numberBottom).toBeCloseTo(4, 1)
    expect(sep.width).toBeCloseTo(156, 1)
    expect(sep.color).toBe('#FF0000')
    const [title] = texts(page1, 'title')
    expect(title.sizePt).toBe(22)
  })

  it('lists 份号, 密级 and 紧急程度 top left, one a line', () => {
    const [page1] = layoutPreview(spec({ copyNumber: '000007', secrecy: '机密★3年', urgency: '特急' }))
    const head = [texts(page1, 'copyNumber')[0], texts(page1, 'secrecy')[0], texts(page1, 'urgency')[0]]
    expect(head.map((t) => t.text)).toEqual(['000007', '机密★3年', '特急'])
    head.forEach((t, i) => {
      expect(t.x).toBeCloseTo(LEFT, 2)
      expect(t.y).toBeCloseTo(TOP + i * PITCH + EM_TOP_IN_LINE, 2)
    })
    expect(head[1].font).toBe('heiti')
  })

  it('upward documents (请示): number flush left one character in, on the last 签发人 line; names right-indented one character', () => {
    const [page1] = layoutPreview(spec({ docNumber: '贺政教督〔2024〕7号', signers: ['张三', '李四', '王五'] }, '请示'))
    const [num] = texts(page1, 'docNumber')
    const signers = texts(page1, 'signer')
    expect(num.align).toBe('left')
    expect(num.x).toBeCloseTo(LEFT + CHAR, 2)
    expect(signers.map((s) => s.text)).toEqual(['签发人：', '张三', '李四', '王五'])
    const names = signers.filter((s) => s.font === 'kaiti')
    expect(names).toHaveLength(3)
    // The first line ends one character inside the right edge; later names start under its first name.
    expect(names[0].x).toBeCloseTo(LEFT + TYPE_W - CHAR - 5 * CHAR, 2)
    expect(names[1].x).toBeCloseTo(names[0].x + 3 * CHAR, 2)
    expect(signers[0].x).toBeCloseTo(names[0].x - 4 * CHAR - twipsToMm(10), 2)
    expect(names[2].x).toBeCloseTo(names[0].x, 3)
    expect(num.y).toBeCloseTo(names[2].y, 3)
    expect(signers[0].y).toBeCloseTo(names[0].y, 3)
    // Several 签发人 of different lengths (7.2.4 均匀编排, issue 13 item 7): two columns of one width, the second
    // starting at one position on every line (before: at three, after each line's first name).
    const [p2] = layoutPreview(spec({ signers: ['张三', '欧阳明华', '李四', '王五五', '马六'] }, '请示'))
    const cols = texts(p2, 'signer').filter((s) => s.font === 'kaiti')
    expect(cols.map((s) => s.text)).toEqual(['张三', '欧阳明华', '李四', '王五五', '马六'])
    const xs = cols.map((s) => s.x)
    expect(xs[2]).toBeCloseTo(xs[0], 3)
    expect(xs[4]).toBeCloseTo(xs[0], 3)
    expect(xs[3]).toBeCloseTo(xs[1], 3)
    expect(xs[1] - xs[0]).toBeCloseTo(5 * CHAR, 2)
    // The widest line (…欧阳明华) ends one character inside the right edge.
    expect(xs[1] + 4 * CHAR).toBeCloseTo(LEFT + TYPE_W - CHAR, 2)
    // Downward documents centre the number.
    const [down] = texts(layoutPreview(spec())[0], 'docNumber')
    expect(down.align).toBe('center')
  })
})

describe('layoutPreview: 主体', () => {
  it('numbers headings and sets them 黑体 / 楷体 / 仿宋 / 仿宋, the heading part of a run-on level 2 up to 。', () => {
    const pages = layoutPreview(
      spec({
        body: [
          { level: 1, text: '总体要求' },
          { level: 2, text: '加强领导。各校要成立工作专班。' },
          { level: 3, text: '强化领导，统一思想。每月召开会议。' },
          { level: 4, text: '细化清单。' },
        ],
      }),
    )
    const body = allTexts(pages, 'body')
    expect(body.map((b) => b.text)).toEqual([
      '一、总体要求',
      '（一）加强领导。各校要成立工作专班。',
      '1.强化领导，统一思想。每月召开会议。',
      '（1）细化清单。',
    ])
    expect(body[0].font).toBe('heiti')
    expect(body[1].runs).toEqual([
      { text: '（一）加强领导。', font: 'kaiti' },
      { text: '各校要成立工作专班。', font: 'fangsong' },
    ])
    expect(body[2].font).toBe('fangsong')
    expect(body[3].font).toBe('fangsong')
  })

  it('aligns 附件说明 names after "附件：1."', () => {
    const pages = layoutPreview(
      spec({
        attachments: [
          { title: '工作要点', body: [] },
          { title: '责任督学名单', body: [] },
        ],
      }),
    )
    const note = allTexts(pages, 'attachmentNote')
    expect(note.map((n) => n.text)).toEqual(['附件：1.工作要点', '2.责任督学名单'])
    expect(note[0].x).toBeCloseTo(LEFT + 2 * CHAR, 2)
    expect(note[1].x).toBeCloseTo(LEFT + 5 * CHAR, 2) // under "1."
  })

  it('sealed signature: date right-indented 4 characters, 署名 centred over it; 附注 indented 2 on the next line', () => {
    const pages = layoutPreview(spec())
    const [org] = allTexts(pages, 'signature')
    const [date] = allTexts(pages, 'date')
    const [note] = allTexts(pages, 'publicityNote')
    expect(date.text).toBe('2024年3月22日')
    // "2024年3月22日": 3 ideographs, 7 digits of half a character and 5 CJK–digit gaps of ¼ em.
    const dateW = 6.5 * CHAR + 5 * twipsToMm(0.25 * 320)
    expect(date.x + dateW).toBeCloseTo(LEFT + TYPE_W - 4 * CHAR, 1)
    const orgW = 12 * CHAR
    expect(org.x + orgW / 2).toBeCloseTo(date.x + dateW / 2, 1)
    expect(note.text).toBe('（此件公开发布）')
    expect(note.x).toBeCloseTo(LEFT + 2 * CHAR, 2)
    expect(note.y - date.y).toBeCloseTo(PITCH, 2)
  })

  it('prints the contact 附注 (7.3.7) in full-width parentheses on the line after the 公开 note, or in its place', () => {
    const contactNote = '联系人：李明，联系电话：0951-8061234'
    const pages = layoutPreview(spec({ contactNote, signers: ['张三'] }, '请示'))
    const [date] = allTexts(pages, 'date')
    const [pub] = allTexts(pages, 'publicityNote')
    const [contact] = allTexts(pages, 'contactNote')
    expect(contact.text).toBe('（联系人：李明，联系电话：0951-8061234）')
    expect(contact.x).toBeCloseTo(LEFT + 2 * CHAR, 2)
    expect(contact.font).toBe('fangsong')
    expect(contact.sizePt).toBe(16)
    expect(pub.y - date.y).toBeCloseTo(PITCH, 2)
    expect(contact.y - pub.y).toBeCloseTo(PITCH, 2)
    // Without a 公开 note the contact note takes its line; half-width parentheses become full-width.
    const alone = layoutPreview(spec({ contactNote: `(${contactNote})`, publicityNote: '' }, '请示'))
    const [d2] = allTexts(alone, 'date')
    const [c2] = allTexts(alone, 'contactNote')
    expect(c2.text).toBe('（联系人：李明，联系电话：0951-8061234）')
    expect(c2.y - d2.y).toBeCloseTo(PITCH, 2)
    expect(allTexts(layoutPreview(spec({ contactNote: '  ' })), 'contactNote')).toHaveLength(0)
  })

  it('keeps the contact 附注 in the chain after 正文: on the 署名 page, inside the 版心, whatever the page fit', () => {
    const outcomes = new Set<string>()
    for (let n = 1; n <= 40; n++) {
      const doc = spec({ body: paragraphs(n, 28 * 2 - 2), contactNote: '联系人：李明，联系电话：0951-8061234' }, '请示')
      const { fit, pages } = planPageFit(doc, L)
      expect(layoutPreview(doc)).toEqual(pages)
      outcomes.add(fit.outcome)
      const pageOf = (role: PreviewText['role']) => pages.findIndex((p) => texts(p, role).length > 0)
      expect(pageOf('contactNote')).toBe(pageOf('signature'))
      expect(texts(pages[pageOf('contactNote')], 'body').length).toBeGreaterThanOrEqual(1)
      const [c] = texts(pages[pageOf('contactNote')], 'contactNote')
      expect(c.y + c.height).toBeLessThanOrEqual(TYPE_BOTTOM)
    }
    expect(outcomes.size).toBeGreaterThanOrEqual(3)
  })

  it('keeps 附件说明, 署名, 成文日期 and 附注 on one page, and that page always carries 正文 (7.3.5.4)', () => {
    const outcomes = new Set<string>()
    for (let n = 1; n <= 40; n++) {
      const doc = spec({ body: paragraphs(n, 28 * 2 - 2), attachments: [{ title: '工作要点', body: [] }] })
      const { fit, pages } = planPageFit(doc, L)
      expect(layoutPreview(doc)).toEqual(pages)
      outcomes.add(fit.outcome)
      const pageOf = (role: PreviewText['role']) => pages.findIndex((p) => texts(p, role).length > 0)
      const note = pageOf('attachmentNote')
      expect([pageOf('signature'), pageOf('date'), pageOf('publicityNote')]).toEqual([note, note, note])
      // Never a 署名 page without 正文: when the part moves, the last paragraph (two lines) goes along.
      expect(texts(pages[note], 'body').length).toBeGreaterThanOrEqual(fit.outcome === 'carried' ? 2 : 1)
      const [pn] = texts(pages[note], 'publicityNote')
      expect(pn.y + pn.height).toBeLessThanOrEqual(TYPE_BOTTOM)
    }
    expect([...outcomes].sort()).toEqual(['carried', 'fewerSealLines', 'fits', 'tightened'])
  })

  it("makes room for the 署名 by dropping one seal line, then tightening the page's lines keeping one, and only then dropping the last (never below 26 pt)", () => {
    const seen = new Set<string>()
    /** Does the part after 正文 carry with `k` seal lines, at the grid pitch or (tight) at the minimum pitch? */
    const carries = (doc: DocumentSpec, k: number, tight: boolean) => {
      const grid = { ...gridFit(doc, L), signatureBlankLines: k }
      const { flow } = typesetDocument(doc, L, grid)
      if (!tight || !flow.carried) return flow.carried
      const from = flow.blocks.findIndex((b) => b.page === flow.bodyEnd.page)
      return typesetDocument(doc, L, {
        ...grid,
        tightPitchTwips: L.pageFit.minLinePitchTwips,
        tightFromBlock: from < 0 ? doc.content.body.length : from,
      }).flow.carried
    }
    for (let n = 1; n <= 40; n++) {
      const doc = spec({ body: paragraphs(n, 28 * 2 - 2) })
      const { fit, pages } = planPageFit(doc, L)
      seen.add(`${fit.outcome}:${fit.signatureBlankLines}`)
      const page = pages.find((p) => texts(p, 'signature').length > 0)!
      const body = texts(page, 'body')
      const [org] = texts(page, 'signature')
      const lastBody = body[body.length - 1]
      // Lines between the last 正文 line and the 署名: the blank lines kept for the seal.
      const gap = Math.round((org.y - lastBody.y) / (fit.tightPitchTwips === null ? PITCH : twipsToMm(fit.tightPitchTwips))) - 1
      expect(gap).toBe(fit.signatureBlankLines)
      if (fit.outcome === 'fits' || fit.outcome === 'carried') expect(fit.signatureBlankLines).toBe(L.signature.sealedBlankLinesBefore)
      if (fit.outcome === 'fewerSealLines') expect(fit.signatureBlankLines).toBeLessThan(L.signature.sealedBlankLinesBefore)
      // No seal line only when one seal line fits neither at the grid pitch nor tightened (7.3.5.4).
      if (fit.signatureBlankLines === 0) {
        expect(carries(doc, 1, false)).toBe(true)
        expect(carries(doc, 1, true)).toBe(true)
      }
      if (fit.outcome === 'tightened') {
        expect(fit.signatureBlankLines).toBeLessThanOrEqual(1)
        if (fit.signatureBlankLines === 0) expect(carries(doc, 0, false)).toBe(true)
        expect(fit.tightPitchTwips).toBeGreaterThanOrEqual(L.pageFit.minLinePitchTwips)
        expect(fit.tightPitchTwips).toBeLessThan(L.grid.linePitchTwips)
        // The paragraphs that start on that page and the part after 正文 follow each other by the tight pitch.
        const tight = twipsToMm(fit.tightPitchTwips!)
        const own = body.slice(-2 * (n - fit.tightFromBlock))
        for (let i = 1; i < own.length; i++) expect(own[i].y - own[i - 1].y).toBeCloseTo(tight, 2)
        expect(texts(page, 'date')[0].y - org.y).toBeCloseTo(tight, 2)
      } else {
        expect(fit.tightPitchTwips).toBeNull()
      }
    }
    expect(seen).toContain('tightened:1')
    expect(seen).toContain('fewerSealLines:1')
  })

  it('demo notice 贺政教督发〔2024〕4号 (印发, attachmentsIssued): page 1 holds 正文, 署名, 成文日期 and 附注 with two seal lines', () => {
    const demo = JSON.parse(readFileSync(join(__dirname, '../../../seeds/demo/documents/notice-2024-4.json'), 'utf8')) as DocumentSpec
    expect(demo.content.attachmentsIssued).toBe(true)
    const { fit } = planPageFit(demo, L)
    expect(fit).toMatchObject({ outcome: 'fits', signatureBlankLines: L.signature.sealedBlankLinesBefore, tightPitchTwips: null })
    const pages = layoutPreview(demo)
    const [p1] = pages
    expect(
      texts(p1, 'body')
        .map((t) => t.text)
        .join(''),
    ).toContain('做好各项工作落实。')
    expect(allTexts(pages, 'attachmentNote')).toHaveLength(0)
    expect(texts(p1, 'signature').map((t) => t.text)).toEqual(['贺兰县人民政府教育督导室'])
    expect(texts(p1, 'date').map((t) => t.text)).toEqual(['2024年3月22日'])
    expect(texts(p1, 'publicityNote').map((t) => t.text)).toEqual(['（此件公开发布）'])
    // Room for the seal: two blank lines between the last 正文 line and the 署名.
    const body = texts(p1, 'body')
    expect(texts(p1, 'signature')[0].y - body[body.length - 1].y).toBeCloseTo(3 * PITCH, 2)
    const [pn] = texts(p1, 'publicityNote')
    expect(pn.y + pn.height).toBeLessThanOrEqual(TYPE_BOTTOM)
    // As an ordinary attachment the 附件说明 needs room: one seal line kept, the page's lines tightened (7.3.5.4).
    const labelled: DocumentSpec = { ...demo, content: { ...demo.content, attachmentsIssued: false } }
    expect(planPageFit(labelled, L).fit).toMatchObject({ outcome: 'tightened', signatureBlankLines: 1 })
    expect(texts(layoutPreview(labelled)[0], 'attachmentNote').map((t) => t.text)).toEqual(['附件：贺兰县2024年教育督导工作要点'])
  })

  it('issued documents (印发/转发): no 附件说明, no "附件N" label; each on a new page, title 2号 centred on line 1, body as 正文, numbers continue', () => {
    const attachments = [
      { title: '贺兰县2024年教育督导工作要点', body: [{ level: 0 as const, text: '根据安排，开展工作。' }] },
      { title: '责任督学挂牌督导办法', body: [{ level: 1 as const, text: '总则' }] },
    ]
    const pages = layoutPreview(spec({ attachments, attachmentsIssued: true }))
    expect(allTexts(pages, 'attachmentNote')).toHaveLength(0)
    expect(allTexts(pages, 'attachmentLabel')).toHaveLength(0)
    const titles = allTexts(pages, 'attachmentTitle')
    expect(titles.map((t) => t.text)).toEqual(attachments.map((a) => a.title))
    const pageOf = (text: string) => pages.findIndex((p) => texts(p, 'attachmentTitle').some((t) => t.text === text))
    expect(pageOf(attachments[0].title)).toBe(1)
    expect(pageOf(attachments[1].title)).toBe(2)
    for (const i of [1, 2]) {
      const [t] = texts(pages[i], 'attachmentTitle')
      expect(pages[i].items[0]).toBe(t)
      expect(t.align).toBe('center')
      expect(t.sizePt).toBe(22)
      expect(t.font).toBe('title')
      expect(t.y).toBeCloseTo(TOP + twipsToMm(0.8 * 579 - 0.88 * 440), 2)
      const [b] = texts(pages[i], 'body')
      expect(b.y - t.y).toBeGreaterThan(2 * PITCH - 1)
      expect(b.x).toBeCloseTo(LEFT + 2 * CHAR, 2)
    }
    expect(texts(pages[1], 'body')[0].text).toBe('根据安排，开展工作。')
    expect(texts(pages[2], 'body')[0].text).toBe('一、总则')
    // The text ends on the odd page 3: the 版记 goes to the even page 4 (7.4), numbered: no blank page before it (7.5).
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3, 4])
  })

  it('starts each attachment on a new page: "附件N" 黑体 on line 1, the title centred on line 3', () => {
    const pages = layoutPreview(
      spec({
        attachments: [
          { title: '贺兰县2024年教育督导工作要点', body: [{ level: 0, text: '根据安排，开展工作。' }] },
          { title: '名单', body: [] },
        ],
      }),
    )
    const firstPageOf = (role: PreviewText['role'], text: string) => pages.findIndex((p) => texts(p, role).some((t) => t.text === text))
    const a1 = firstPageOf('attachmentLabel', '附件1')
    const a2 = firstPageOf('attachmentLabel', '附件2')
    const notePage = firstPageOf('publicityNote', '（此件公开发布）')
    expect(a1).toBeGreaterThan(notePage)
    expect(a2).toBe(a1 + 1)
    const page = pages[a1]
    const [label] = texts(page, 'attachmentLabel')
    expect(page.items[0]).toBe(label)
    expect(label.font).toBe('heiti')
    expect(label.y).toBeCloseTo(TOP + EM_TOP_IN_LINE, 2)
    expect(label.x).toBeCloseTo(LEFT, 2)
    const [title] = texts(page, 'attachmentTitle')
    expect(title.align).toBe('center')
    expect(title.sizePt).toBe(22)
    const titleLineTop = TOP + 2 * PITCH
    expect(title.y).toBeCloseTo(titleLineTop + twipsToMm(0.8 * 579 - 0.88 * 440), 2)
    expect(texts(page, 'body')[0].text).toBe('根据安排，开展工作。')
  })
})

describe('layoutPreview: 纪要格式 (10.2, no seal)', () => {
  const minutes = (body: BodyBlock[]): DocumentSpec =>
    spec(
      {
        mastheadSuffix: '纪要',
        title: '贺兰县人民政府教育督导室工作会议纪要',
        recipients: '',
        signatureOrgs: [],
        signedDate: '2026-03-05',
        publicityNote: '此件不予公开',
        body,
        attendance: {
          present: '王××、李××、赵××、钱××、孙××、周××、吴××、郑××、冯××、陈××、褚××、卫××',
          absent: '蒋××（出差）',
          observers: '县教育体育局基础教育股 沈××',
        },
      },
      '纪要',
      'minutes',
    )

  it('lets 正文 fill its page: the part after it (出席/请假/列席, date, 附注) does not drag the last 正文 paragraph along, and opens the next page without a blank line', () => {
    const doc = minutes([
      { level: 0, text: '2026年×月×日，贺兰县人民政府教育督导室召开工作会议，研究××工作。现将会议议定事项纪要如下：' },
      { level: 1, text: '关于开学检查。会议要求各责任督学于3月10日前完成责任区学校开学工作督导，发现问题及时反馈。' },
    ])
    const { fit, pages } = planPageFit(doc, L)
    expect(layoutPreview(doc)).toEqual(pages)
    expect(fit.outcome).toBe('carried')
    // All of 正文 stays on page 1.
    expect(
      texts(pages[0], 'body')
        .map((t) => t.text)
        .join(''),
    ).toContain('发现问题及时反馈。')
    expect(allTexts(pages.slice(1), 'body')).toHaveLength(0)
    // Page 2: 出席 on the first line of the 版心, then 请假, 列席, the date and the 附注 together.
    const [present] = texts(pages[1], 'attendance')
    expect(present.text.startsWith('出席：')).toBe(true)
    expect(present.y).toBeCloseTo(TOP + EM_TOP_IN_LINE, 2)
    expect(texts(pages[1], 'date').map((t) => t.text)).toEqual(['2026年3月5日'])
    expect(texts(pages[1], 'publicityNote').map((t) => t.text)).toEqual(['（此件不予公开）'])
  })

  it('keeps the part after 正文 together, on one page, inside the 版心, for any length of 正文', () => {
    for (let n = 1; n <= 30; n++) {
      const doc = minutes(paragraphs(n, 28 * 2 - 2))
      const { fit, pages } = planPageFit(doc, L)
      const pageOf = (role: PreviewText['role']) => pages.findIndex((p) => texts(p, role).length > 0)
      const first = pageOf('attendance')
      expect([pageOf('date'), pageOf('publicityNote')]).toEqual([first, first])
      const bodyPages = pages.map((p, i) => (texts(p, 'body').length > 0 ? i : -1)).filter((i) => i >= 0)
      if (fit.outcome === 'carried') {
        // 正文 is never moved: the closing page holds no 正文, and the page before it is where 正文 ended.
        expect(texts(pages[first], 'body')).toHaveLength(0)
        expect(bodyPages.at(-1)).toBe(first - 1)
        expect(texts(pages[first], 'attendance')[0].y).toBeCloseTo(TOP + EM_TOP_IN_LINE, 2)
      }
      const [pn] = texts(pages[first], 'publicityNote')
      expect(pn.y + pn.height).toBeLessThanOrEqual(TYPE_BOTTOM)
    }
  })
})

describe('layoutPreview: 版记 and page numbers', () => {
  it('numbers pages "— N —": odd right and even left, one character in, 7 mm below the 版心', () => {
    const pages = layoutPreview(spec({ body: paragraphs(8, 100) }))
    expect(pages.length).toBeGreaterThanOrEqual(3)
    const FOURTH = twipsToMm(14 * 20)
    pages.forEach((p) => {
      if (p.number === null) return
      const [n] = texts(p, 'pageNumber')
      expect(n.text).toBe(`— ${p.number} —`)
      expect(n.y).toBeCloseTo(TYPE_BOTTOM + 7, 1)
      expect(n.sizePt).toBe(14)
      expect(n.font).toBe('songti')
      if (p.number % 2 === 1) {
        expect(n.align).toBe('right')
        expect(n.x + n.width).toBeCloseTo(LEFT + TYPE_W - FOURTH, 2)
      } else {
        expect(n.align).toBe('left')
        expect(n.x).toBeCloseTo(LEFT + FOURTH, 2)
      }
    })
    expect(pages.slice(0, 3).map((p) => p.number)).toEqual([1, 2, 3])
  })

  it('puts the 版记 at the foot of the last page: thick / thin / thick lines, 4号, the last line on the 版心 bottom', () => {
    const pages = layoutPreview(spec())
    const last = pages[pages.length - 1]
    const lines = rules(last, 'imprintLine')
    expect(lines.map((r) => r.thickness)).toEqual([expect.closeTo(0.35, 2), expect.closeTo(0.25, 2), expect.closeTo(0.35, 2)])
    expect(lines[2].y + lines[2].thickness).toBeCloseTo(TYPE_BOTTOM, 2)
    const imprint = texts(last, 'imprint')
    expect(imprint.map((t) => t.text)).toEqual([
      '抄送：银川市人民政府教育督导室，县教育体育局。',
      '贺兰县人民政府教育督导室',
      '2024年3月22日印发',
    ])
    expect(imprint.every((t) => t.sizePt === 14)).toBe(true)
    expect(imprint[2].align).toBe('right')
    expect(last.number).toBe(pages.length)
  })

  it('gives the 版记 a page of its own, without a page number, when the last page is full', () => {
    // Count the body lines page 1 holds after the 版头, then fill page 2 to its 22nd line.
    const first = layoutPreview(spec({ body: paragraphs(1, 2000), signatureOrgs: [], signedDate: '', publicityNote: '' }))
    const linesOnPage1 = texts(first[0], 'body').length
    const body: BodyBlock[] = [{ level: 0, text: '督'.repeat(26 + 28 * (linesOnPage1 + 22 - 1)) }]
    const pages = layoutPreview(spec({ body, signatureOrgs: [], signedDate: '', publicityNote: '' }))
    expect(pages).toHaveLength(4)
    expect(texts(pages[1], 'body')).toHaveLength(22)
    // Page 3 would be odd: a blank page, then the 版记 on the even page 4 (the back of the sheet); neither numbered.
    expect(pages[2].items).toEqual([])
    const last = pages[3]
    expect(last.number).toBeNull()
    expect(texts(last, 'pageNumber')).toHaveLength(0)
    expect(last.items.every((i) => i.role === 'imprint' || i.role === 'imprintLine')).toBe(true)
    expect(pages.map((p) => p.number)).toEqual([1, 2, null, null])
    expect(planPageFit(spec({ body, signatureOrgs: [], signedDate: '', publicityNote: '' }), L).fit.imprint).toEqual({
      ownPage: true,
      blankPageBefore: true,
      numbered: false,
    })
  })

  it("counts the 版记 table's anchor paragraph: a text that ends exactly at the 版记's top edge sends it on", () => {
    for (let n = 1; n <= 60; n++) {
      const doc = spec({ body: paragraphs(n, 40) })
      const { fit, pages } = planPageFit(doc, L)
      const at = pages.findIndex((p) => texts(p, 'imprint').length > 0)
      const [firstRule] = rules(pages[at], 'imprintLine')
      const above = pages[at].items.filter((i): i is PreviewText => i.kind === 'text' && i.role !== 'imprint' && i.role !== 'pageNumber')
      if (!fit.imprint.ownPage && above.length > 0) {
        // The last line above the 版记 ends at least IMPRINT_ANCHOR_TWIPS above its first line.
        const lastLineBottom = Math.max(...above.map((t) => t.y - EM_TOP_IN_LINE)) + PITCH
        expect(lastLineBottom + twipsToMm(IMPRINT_ANCHOR_TWIPS)).toBeLessThanOrEqual(firstRule.y + 1e-3)
      }
    }
  })

  it('puts a 版记 that needs a page of its own directly on the next page when that page is even', () => {
    const first = layoutPreview(spec({ body: paragraphs(1, 4000), signatureOrgs: [], signedDate: '', publicityNote: '' }))
    const linesOnPage1 = texts(first[0], 'body').length
    const body: BodyBlock[] = [{ level: 0, text: '督'.repeat(26 + 28 * (linesOnPage1 + 2 * 22 - 1)) }]
    const doc = spec({ body, signatureOrgs: [], signedDate: '', publicityNote: '' })
    const pages = layoutPreview(doc)
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3, 4])
    expect(planPageFit(doc, L).fit.imprint).toEqual({ ownPage: true, blankPageBefore: false, numbered: true })
  })

  it('7.4: the 版记 is always on the last, even page — moved off an odd last text page even when it would fit there; a one-page document keeps it on page 1', () => {
    let moved = 0
    for (let n = 1; n <= 60; n++) {
      for (const format of ['file', 'letter'] as const) {
        const doc = spec({ body: paragraphs(n, 40) }, format === 'letter' ? '函' : '通知', format)
        const { fit, pages } = planPageFit(doc, L)
        const at = pages.findIndex((p) => texts(p, 'imprint').length > 0)
        expect(at).toBe(pages.length - 1)
        const textPages = pages.filter((p) => texts(p, 'body').length > 0).length
        if (pages.length === 1) {
          expect(fit.imprint.ownPage).toBe(false)
          continue
        }
        expect(pages.length % 2).toBe(0)
        if (fit.imprint.ownPage) {
          // 7.5: unnumbered only after a blank page (issue 13 item 8).
          expect(pages[at].number).toBe(fit.imprint.blankPageBefore ? null : at + 1)
          expect(pages[at].items.every((i) => i.role === 'imprint' || i.role === 'imprintLine' || i.role === 'pageNumber')).toBe(true)
          // After an odd last text page the 版记 page follows directly: no blank page.
          if (textPages % 2 === 1) {
            expect(fit.imprint.blankPageBefore).toBe(false)
            expect(pages).toHaveLength(textPages + 1)
          }
        }
        // The 版记 sat on an odd page before this rule: count the moves (the page would have had room).
        if (fit.imprint.ownPage && textPages % 2 === 1) moved++
      }
    }
    expect(moved).toBeGreaterThan(0)
    // One page: the 版记 stays at the foot of page 1, which keeps its number.
    const one = layoutPreview(spec())
    expect(one).toHaveLength(1)
    expect(one[0].number).toBe(1)
    expect(texts(one[0], 'imprint').length).toBeGreaterThan(0)
  })

  it('信函格式: letterhead 30 mm from the page top, red double lines 170 mm long, no page number on page 1', () => {
    const pages = layoutPreview(spec({ mastheadSuffix: '', docNumber: '贺政教督函〔2024〕2号', body: paragraphs(10, 100) }, '函', 'letter'))
    const [m] = texts(pages[0], 'masthead')
    expect(m.y).toBeCloseTo(30, 1)
    const lines = rules(pages[0], 'letterLine')
    expect(lines).toHaveLength(4)
    expect(lines.every((r) => Math.abs(r.width - 170) < 0.01)).toBe(true)
    // Centred on the page, not on the 版心: 20–190 mm from the page's left edge.
    for (const r of lines) {
      expect(r.x).toBeCloseTo(20, 1)
      expect(r.x + r.width).toBeCloseTo(190, 1)
    }
    expect(lines[3].y + lines[3].thickness).toBeCloseTo(297 - 20, 1)
    expect(pages[0].number).toBeNull()
    expect(texts(pages[0], 'pageNumber')).toHaveLength(0)
    expect(pages[1].number).toBe(2)
    const [num] = texts(pages[0], 'docNumber')
    expect(num.align).toBe('right')
    // 版记 of a letter: 抄送 only, no lines.
    const last = pages[pages.length - 1]
    expect(rules(last, 'imprintLine')).toHaveLength(0)
    expect(texts(last, 'imprint').map((t) => t.text)).toEqual(['抄送：银川市人民政府教育督导室，县教育体育局。'])
  })
})

describe('layoutPreview: the 版记 page number (7.5, issue 13 item 8)', () => {
  it('numbers a 版记 page that follows an odd text page directly; the profile option keeps the habit of leaving it unnumbered', () => {
    // The first text of n two-line paragraphs whose 版记 goes to a page of its own right after an odd page.
    const n = Array.from({ length: 40 }, (_, i) => i + 1).find((k) => {
      const f = planPageFit(spec({ body: paragraphs(k, 54) }), L).fit.imprint
      return f.ownPage && !f.blankPageBefore
    })!
    const doc = spec({ body: paragraphs(n, 54) })
    const { fit, pages } = planPageFit(doc, L)
    expect(fit.imprint).toEqual({ ownPage: true, blankPageBefore: false, numbered: true })
    const last = pages.length
    expect(last % 2).toBe(0)
    expect(pages.map((p) => p.number)).toEqual(pages.map((_, i) => i + 1))
    expect(texts(pages[last - 1], 'pageNumber')).toHaveLength(1)
    const habit = planPageFit(doc, { ...L, imprint: { ...L.imprint, ownPageNumber: 'unnumbered' } })
    expect(habit.fit.imprint).toEqual({ ownPage: true, blankPageBefore: false, numbered: false })
    expect(habit.pages.at(-1)!.number).toBeNull()
    expect(texts(habit.pages.at(-1)!, 'pageNumber')).toHaveLength(0)
  })
})
