/**
 * Issue 13, layout defects 2 and 3, in the preview (the .docx follows the same decisions; its rendered pages
 * are checked in tests/integration/export/docxRender.test.ts): a heading is never a page's last line, the
 * 主送机关 never stands at a page foot without 正文.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isStandaloneHeading } from '../../../shared/documents/compose'
import { planPageFit } from '../../../shared/documents/pageFit'
import { GBT9704_LAYOUT } from '../../../shared/documents/layout'
import type { PreviewPage, PreviewText } from '../../../shared/documents/previewLayout'
import type { BodyBlock, DocumentSpec } from '../../../shared/documents/types'

const L = GBT9704_LAYOUT
const root = join(__dirname, '../../..')
const bulletin = JSON.parse(readFileSync(join(root, 'seeds/templates/supervision-bulletin.json'), 'utf8').replace(/\{year\}/g, '2024'))
const demo = JSON.parse(readFileSync(join(root, 'seeds/demo/documents/notice-2024-4.json'), 'utf8')) as DocumentSpec

const bodyTexts = (p: PreviewPage) =>
  p.items.filter(
    (i): i is PreviewText => i.kind === 'text' && (i.role === 'body' || i.role === 'recipients' || i.role === 'attachmentNote'),
  )

/** A paragraph of exactly `lines` 3号 lines (2 characters of first-line indent). */
const filler = (lines: number): BodyBlock => ({ level: 0, text: '督'.repeat(28 * lines - 2) })

/** The 督导通报 template with its intro paragraph `n` lines long and its empty sections filled in. */
function bulletinSpec(n: number): DocumentSpec {
  const body: BodyBlock[] = (bulletin.content.body as BodyBlock[]).map((b, i) =>
    i === 0 ? filler(n) : b.text === '' ? { level: 0, text: '导'.repeat(40) } : b,
  )
  body.splice(5, 0, { level: 2, text: '办学行为进一步规范' }, { level: 0, text: '学'.repeat(60) })
  return {
    kind: '通报',
    format: 'file',
    content: {
      ...demo.content,
      title: bulletin.content.title,
      recipients: bulletin.content.recipients,
      body,
      attachments: [],
      attachmentsIssued: false,
    },
  }
}

describe('headings keep with their next line (issue 13 item 2)', () => {
  it('never ends a page with a 一、 or （一） heading, whatever the length of the text before it', () => {
    const headings = ['一、基本情况', '二、主要成效', '（一）办学行为进一步规范', '三、存在问题', '四、整改要求']
    let moved = 0
    for (let n = 1; n <= 30; n++) {
      const { pages } = planPageFit(bulletinSpec(n), L)
      const lines = pages.map(bodyTexts)
      for (let p = 0; p < lines.length - 1; p++) {
        const last = lines[p].at(-1)
        if (!last || lines[p + 1].length === 0) continue
        expect(headings, `n = ${n}, page ${p + 1} ends with ${last.text}`).not.toContain(last.text)
      }
      // The case of the issue: 「二、主要成效」 would be page 1's 22nd line; it opens page 2 with its text.
      const first2 = lines[1]?.[0]?.text
      if (headings.includes(first2 ?? '') && lines[0].length < 22) moved++
    }
    expect(moved).toBeGreaterThan(0)
  })

  it('moves a heading chain (二、 then （一）) together with the first line after it', () => {
    for (let n = 1; n <= 30; n++) {
      const { pages } = planPageFit(bulletinSpec(n), L)
      const lines = pages.map(bodyTexts)
      for (let p = 0; p < lines.length - 1; p++) {
        const last = lines[p].at(-1)
        expect(last?.text, `n = ${n}`).not.toBe('（一）办学行为进一步规范')
        if (last?.text === '二、主要成效') throw new Error(`n = ${n}: 二、主要成效 at the foot of page ${p + 1}`)
      }
    }
  })
})

/** The notice: a one-line 正文 and three attachments whose names take five lines of 附件说明. */
const strandedSpec = (): DocumentSpec => ({
  kind: '通知',
  format: 'file',
  content: {
    ...demo.content,
    title: '关于做好2024年春季学期开学工作专项督导检查和学校安全隐患排查整治工作的通知',
    recipients: '各中小学、幼儿园，各责任督学',
    body: [{ level: 0, text: '现将有关材料印发给你们，请认真组织落实。' }],
    attachments: [
      { title: '贺兰县2024年春季学期开学工作专项督导检查实施方案及责任督学分组安排表', body: [] },
      { title: '贺兰县中小学幼儿园安全隐患排查整治工作清单及整改情况统计表（样表）', body: [] },
      { title: '责任督学挂牌督导工作记录表', body: [] },
    ],
    attachmentsIssued: false,
  },
})

describe('which items are headings that keep with what follows', () => {
  it('一、 and （一） labels are headings; a 1. or （1） item is one only when it reads as a one-line label', () => {
    expect(isStandaloneHeading({ level: 1, text: '基本情况' })).toBe(true)
    expect(isStandaloneHeading({ level: 2, text: '督学入校。' })).toBe(true)
    expect(isStandaloneHeading({ level: 2, text: '督学入校。各责任督学按月入校。' })).toBe(false)
    expect(isStandaloneHeading({ level: 3, text: '工作要求' })).toBe(true)
    // a list of one-sentence items (as the 督导通报 and the demo notice write them) is text, not a chain of headings
    expect(isStandaloneHeading({ level: 3, text: '成立工作专班。' })).toBe(false)
    expect(isStandaloneHeading({ level: 4, text: '按时报送整改报告；' })).toBe(false)
    expect(isStandaloneHeading({ level: 3, text: '督'.repeat(29) })).toBe(false)
  })

  it('a run of one-sentence 1. items after a 一、 heading does not move as one block to the next page', () => {
    const items: BodyBlock[] = Array.from({ length: 12 }, (_, k) => ({ level: 3, text: `第${k + 1}项工作按计划推进并按时报送有关材料。` }))
    const spec = bulletinSpec(10)
    spec.content.body = [filler(4), { level: 1, text: '工作要求' }, ...items]
    const pages = planPageFit(spec, L).pages
    // page 1 ends with items, not with a gap the size of the whole list
    const page1 = bodyTexts(pages[0])
    expect(page1.some((t) => t.text.includes('第1项'))).toBe(true)
  })
})

describe('主送机关 never stranded; 附件说明 breaks between items (issue 13 item 3)', () => {
  it('keeps 正文 on page 1 under the 主送机关 and breaks the 附件说明 between items, the last item with the 署名', () => {
    const spec = strandedSpec()
    const { pages, fit } = planPageFit(spec, L)
    expect(fit.outcome).toBe('carried')
    const page1 = bodyTexts(pages[0])
    const page2 = bodyTexts(pages[1])
    // The 附件说明 takes five lines.
    expect([...page1, ...page2].filter((i) => i.role === 'attachmentNote')).toHaveLength(5)
    expect(page1.at(-1)!.role).not.toBe('recipients')
    expect(page1.some((i) => i.role === 'body' && i.text.startsWith('现将有关材料'))).toBe(true)
    expect(page1.at(-1)!.role).toBe('attachmentNote')
    // The next page opens with an item (never in the middle of one) and holds the 署名.
    expect(page2[0].role).toBe('attachmentNote')
    expect(page2[0].text).toMatch(/^\d\./)
    expect(pages[1].items.some((i) => i.kind === 'text' && i.role === 'signature')).toBe(true)
  })
})

/** A notice whose 主送机关 takes `recipientChars` characters, a one-line 正文 (or a table first) and `orgs` sealed joint 署名. */
function keepSpec(recipientChars: number, orgs: number, tableFirst = false): DocumentSpec {
  const body: BodyBlock[] = [{ level: 0, text: '现将有关事项通知如下。' }]
  if (tableFirst)
    body.unshift({
      kind: 'table',
      level: 0,
      text: '',
      table: {
        columns: [{ chars: 8 }, { chars: 20 }],
        headerRows: 1,
        rows: [['学校', '问题'], ...Array.from({ length: 6 }, (_, i) => [`第${i + 1}小学`, '校舍安全隐患未整改'])],
      },
    })
  return {
    kind: '通知',
    format: 'file',
    content: {
      ...demo.content,
      title: '关于开展2024年春季开学工作专项督导的通知',
      recipients: '各乡镇中心学校、'.repeat(40).slice(0, recipientChars),
      body,
      attachments: [],
      attachmentsIssued: false,
      signatureOrgs: ['贺兰县人民政府教育督导室', '贺兰县教育体育局', '贺兰县财政局'].slice(0, orgs),
    },
  }
}

describe('主送机关 keeps with 正文 even when 正文 is carried whole', () => {
  it('the issue case: a one-line 正文 carried whole with a joint 署名 takes the 主送机关 along (page 1 no longer ends with it)', () => {
    const { pages, fit } = planPageFit(keepSpec(40, 3), L)
    expect(fit.recipientsNewPage).toBe(true)
    const withRecipients = pages.findIndex((p) => bodyTexts(p).some((i) => i.role === 'recipients'))
    expect(bodyTexts(pages[withRecipients]).at(-1)!.role).toBe('body')
    expect(pages[withRecipients].items.some((i) => i.kind === 'text' && i.role === 'signature')).toBe(true)
  })

  it('for every length of 主送机关, with one or three 署名 and with a table first: never a page whose last line is the 主送机关', () => {
    let moved = 0
    for (const orgs of [1, 3])
      for (const tableFirst of [false, true])
        for (let k = 8; k <= 320; k += 12) {
          const { pages, fit } = planPageFit(keepSpec(k, orgs, tableFirst), L)
          if (fit.recipientsNewPage) moved++
          // The page of the 主送机关's last line (a long one may start on the page before) holds 正文 after it.
          const i = pages.findLastIndex((p) => p.items.some((it) => it.role === 'recipients'))
          const rest = pages[i].items.filter((it) => it.role !== 'pageNumber')
          expect(rest.at(-1)?.role, `k = ${k}, orgs = ${orgs}, table ${tableFirst}, page ${i + 1}`).not.toBe('recipients')
        }
    expect(moved).toBeGreaterThan(0)
  })
})
