/**
 * The page decisions of the typesetter (shared/documents/pageFit.ts) for the documents that
 * docxRender.test.ts renders with LibreOffice, checked without LibreOffice so they run everywhere:
 * the outcome of GB/T 9704-2012 7.3.5.4 (署名 and 成文日期 on the page with 正文), where the 版记 goes
 * (7.4), which pages are numbered (7.5), and where the closing lines sit on the page.
 *
 * Distances are the standard's own numbers written here (版心 37–262 mm × 28–184 mm, 22 lines of
 * 579 twips, masthead 35 mm below the 版心, 信函 name 30 mm from the page top, page number 7 mm below the
 * 版心), never read from the layout profile that the typesetter reads.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GBT9704_LAYOUT } from '../../../shared/documents/layout'
import { planPageFit } from '../../../shared/documents/pageFit'
import type { PreviewPage, PreviewText } from '../../../shared/documents/previewLayout'
import type { DocumentSpec } from '../../../shared/documents/types'
import { carriedMinutesSpec } from '../../fixtures/minutesSpec'

const root = join(__dirname, '../../..')
const demo = JSON.parse(readFileSync(join(root, 'seeds/demo/documents/notice-2024-4.json'), 'utf8')) as DocumentSpec
const L = GBT9704_LAYOUT

const TYPE_TOP = 37
const TYPE_BOTTOM = 262
const TYPE_LEFT = 28
const TYPE_RIGHT = 184
const PITCH = (579 * 25.4) / 1440 // 10.21 mm
/** One 3号 character with the −0.25 pt spacing that sets 28 to a line. */
const CHAR = ((16 - 0.25) * 25.4) / 72

const texts = (p: PreviewPage) => p.items.filter((i): i is PreviewText => i.kind === 'text')
const role = (p: PreviewPage, r: PreviewText['role']) => texts(p).filter((i) => i.role === r)
const one = (p: PreviewPage, r: PreviewText['role']) => {
  const found = role(p, r)
  expect(found, r).toHaveLength(1)
  return found[0]
}
const bodyLines = (p: PreviewPage) => role(p, 'body')

const body = (n: number) => Array.from({ length: n }, () => ({ level: 0 as const, text: '督'.repeat(54) }))
const doc = (n: number): DocumentSpec => ({ ...demo, content: { ...demo.content, attachments: [], body: body(n) } })

describe('page decisions of the demo notice (印发 notice, 5 text pages)', () => {
  const { fit, pages } = planPageFit(demo, L)

  it('fits page 1 with two seal lines; pages numbered 1–6, the 版记 alone on the even page 6 (7.5: numbered, no blank page before it)', () => {
    expect(fit).toMatchObject({
      outcome: 'fits',
      signatureBlankLines: 2,
      tightPitchTwips: null,
      imprint: { ownPage: true, blankPageBefore: false, numbered: true },
    })
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6])
    expect(texts(pages[5])[0].text).toMatch(/^抄送：/)
  })

  it('puts the masthead 35 mm below the 版心 top and the page number 7 mm below its bottom', () => {
    expect(one(pages[0], 'masthead').y).toBeCloseTo(TYPE_TOP + 35, 1)
    // 7.5: the 版记 page 6 follows the odd page 5 directly (no blank page): numbered too (issue 13 item 8).
    for (const p of pages.slice(0, 6)) expect(one(p, 'pageNumber').y).toBeCloseTo(TYPE_BOTTOM + 7, 1)
  })

  it('page 1: 署名 three lines below the last 正文 line (two blank lines for the seal), date and 附注 on the next lines, inside the 版心', () => {
    const p = pages[0]
    const last = bodyLines(p).at(-1)!
    expect(last.text.endsWith('做好各项工作落实。')).toBe(true)
    const sign = one(p, 'signature')
    const date = one(p, 'date')
    const note = one(p, 'publicityNote')
    expect(sign.text).toBe('贺兰县人民政府教育督导室')
    expect(date.text).toBe('2024年3月22日')
    expect(sign.y - last.y).toBeCloseTo(3 * PITCH, 1)
    expect(date.y - sign.y).toBeCloseTo(PITCH, 1)
    expect(note.y - date.y).toBeCloseTo(PITCH, 1)
    expect(note.y + note.height).toBeLessThan(TYPE_BOTTOM)
    // The 附注 indented 2 characters; the text boxes reach the right edge of the 版心 (the right indent of the
    // date and the centring of the 署名 are checked in the .docx XML and the rendered PDF).
    expect(note.x - TYPE_LEFT).toBeCloseTo(2 * CHAR, 0)
    expect(date.x + date.width).toBeCloseTo(TYPE_RIGHT, 0)
    expect(sign.x).toBeLessThan(date.x)
  })
})

describe('page decisions of plain notices (7.3.5.4, 7.4)', () => {
  it('13 full paragraphs: one seal line kept and the 署名 page tightened; the 版记 after a blank page', () => {
    const { fit, pages } = planPageFit(doc(13), L)
    expect(fit).toMatchObject({ outcome: 'tightened', signatureBlankLines: 1, imprint: { ownPage: true, blankPageBefore: true } })
    expect(fit.tightPitchTwips).toBeLessThan(579)
    expect(fit.tightPitchTwips).toBeGreaterThanOrEqual(L.pageFit.minLinePitchTwips)
    expect(pages.map((p) => p.number)).toEqual([1, 2, null, null])
    const p = pages[1]
    const tight = (fit.tightPitchTwips! * 25.4) / 1440
    const sign = one(p, 'signature')
    // One blank line: the 署名 two tight pitches below the last 正文 line.
    expect(sign.y - bodyLines(p).at(-1)!.y).toBeCloseTo(2 * tight, 1)
    const note = one(p, 'publicityNote')
    expect(note.y + note.height).toBeLessThan(TYPE_BOTTOM)
    expect(texts(pages[2])).toHaveLength(0)
    expect(texts(pages[3])[0].text).toMatch(/^抄送：/)
  })

  it('14 full paragraphs: tightened; page 2 keeps 正文 with the 署名, page 3 blank, the 版记 on page 4, neither numbered', () => {
    const { fit, pages } = planPageFit(doc(14), L)
    expect(fit.outcome).toBe('tightened')
    expect(pages.map((p) => p.number)).toEqual([1, 2, null, null])
    expect(bodyLines(pages[1]).length).toBeGreaterThan(0)
    expect(one(pages[1], 'date').text).toBe('2024年3月22日')
    expect(texts(pages[2])).toHaveLength(0)
    expect(texts(pages[3])[0].text).toMatch(/^抄送：/)
  })

  it('one paragraph, no attachment: fits; the 版记 of a two-page text goes to page 2, numbered (7.5)', () => {
    const { fit, pages } = planPageFit(doc(1), L)
    expect(fit).toMatchObject({
      outcome: 'fits',
      signatureBlankLines: 2,
      imprint: { ownPage: true, blankPageBefore: false, numbered: true },
    })
    expect(pages.map((p) => p.number)).toEqual([1, 2])
  })

  it("a 请示 whose text reaches the 版记's top edge: the 版记 moves on, after a blank page", () => {
    const spec: DocumentSpec = {
      ...demo,
      kind: '请示',
      content: {
        ...demo.content,
        signers: ['张明'],
        attachments: [],
        attachmentsIssued: false,
        contactNote: '联系人：李明，联系电话：0951-8061234',
        body: demo.content.attachments[0].body.slice(0, 6),
      },
    }
    const { fit, pages } = planPageFit(spec, L)
    expect(fit.imprint).toEqual({ ownPage: true, blankPageBefore: true, numbered: false })
    expect(pages.map((p) => p.number)).toEqual([1, 2, null, null])
  })
})

describe('page decisions of the special cases', () => {
  it('请示 (7.3.7): the last 正文 paragraph is split, not kept with the closing part; the contact note on the line after （此件公开发布）, indented 2 characters', () => {
    const spec: DocumentSpec = {
      kind: '请示',
      format: 'file',
      content: {
        ...demo.content,
        signers: ['张明'],
        title: '关于申请教育督导专项工作经费的请示',
        recipients: '县人民政府',
        body: demo.content.attachments[0].body.slice(0, 3),
        attachments: [],
        attachmentsIssued: false,
        contactNote: '联系人：李明，联系电话：0951-8061234',
      },
    }
    const { fit, pages } = planPageFit(spec, L)
    expect(fit).toMatchObject({ outcome: 'fits', keepBodyWithClosing: false, imprint: { ownPage: false, blankPageBefore: false } })
    expect(pages.map((p) => p.number)).toEqual([1, 2])
    expect(bodyLines(pages[1]).length).toBeGreaterThan(0)
    const note = one(pages[1], 'publicityNote')
    const contact = one(pages[1], 'contactNote')
    expect(note.text).toBe('（此件公开发布）')
    expect(contact.text).toBe('（联系人：李明，联系电话：0951-8061234）')
    expect(contact.y - note.y).toBeCloseTo(PITCH, 1)
    expect(contact.x - TYPE_LEFT).toBeCloseTo(2 * CHAR, 0)
    expect(contact.y + contact.height).toBeLessThan(TYPE_BOTTOM)
  })

  it('纪要 (10.2) with a long 出席 list: all of 正文 on page 1, the closing part carried; 出席 opens page 2 on its first line', () => {
    const spec = carriedMinutesSpec(demo.content, { docNumber: '贺政教督办〔2026〕1号' })
    const { fit, pages } = planPageFit(spec, L)
    expect(fit.outcome).toBe('carried')
    expect(pages).toHaveLength(2)
    expect(bodyLines(pages[0]).at(-1)!.text.endsWith('发现问题及时反馈。')).toBe(true)
    const first = texts(pages[1])[0]
    expect(first.role).toBe('attendance')
    expect(first.text.startsWith('出席：')).toBe(true)
    expect(first.y).toBeGreaterThan(TYPE_TOP)
    expect(first.y).toBeLessThan(TYPE_TOP + PITCH)
    expect(one(pages[1], 'date').text).toBe('2026年3月5日')
  })

  it('信函格式 (10.1): the name 30 mm from the page top, no page number on page 1', () => {
    const spec: DocumentSpec = {
      kind: '函',
      format: 'letter',
      content: {
        ...demo.content,
        copyNumber: '000007',
        mastheadSuffix: '',
        docNumber: '贺政教督函〔2024〕12号',
        title: '关于商请协助开展2024年义务教育质量监测工作的函',
        recipients: '县教育体育局',
        body: demo.content.attachments[0].body.slice(0, 6),
        attachments: [],
        printingOrg: '',
        printedDate: '',
      },
    }
    const { pages } = planPageFit(spec, L)
    expect(one(pages[0], 'masthead').y).toBeCloseTo(30, 1)
    expect(pages[0].number).toBeNull()
    expect(pages[1].number).toBe(2)
  })
})
