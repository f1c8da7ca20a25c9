/**
 * Issue 13 item 5: a 函 with 抄送 whose 正文 ends on a full even page, tightened to keep its 署名 and date,
 * got a blank page and a page holding only the 抄送 line. The page fit counts the 信函格式 版记.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { planPageFit } from '../../../shared/documents/pageFit'
import { GBT9704_LAYOUT } from '../../../shared/documents/layout'
import type { PreviewText } from '../../../shared/documents/previewLayout'
import type { DocumentSpec } from '../../../shared/documents/types'

const demo = JSON.parse(readFileSync(join(__dirname, '../../../seeds/demo/documents/notice-2024-4.json'), 'utf8')) as DocumentSpec

/** A 函 with `n` two-line paragraphs and one 抄送. */
const letterSpec = (n: number): DocumentSpec => ({
  kind: '函',
  format: 'letter',
  content: {
    ...demo.content,
    mastheadSuffix: '',
    docNumber: '贺政教督函〔2024〕5号',
    title: '关于商请协助开展2024年春季学期督导检查的函',
    recipients: '县卫生健康局',
    body: Array.from({ length: n }, () => ({ level: 0 as const, text: '督'.repeat(54) })),
    attachments: [],
    attachmentsIssued: false,
    ccRecipients: '县教育体育局',
  },
})

const roles = (items: PreviewText[]) => items.map((i) => i.role)

describe('信函格式 版记 in the page fit (issue 13 item 5)', () => {
  it('keeps the 抄送 on the tightened even page with the 署名 and the date: no blank page, no 抄送-only page', () => {
    for (const n of [37, 38]) {
      const { fit, pages } = planPageFit(letterSpec(n), GBT9704_LAYOUT)
      expect(fit.outcome, `n = ${n}`).toBe('tightened')
      expect(fit.imprint).toEqual({ ownPage: false, blankPageBefore: false, numbered: false })
      expect(pages, `n = ${n}`).toHaveLength(4)
      const last = roles(pages[3].items.filter((i): i is PreviewText => i.kind === 'text'))
      expect(last).toContain('body')
      expect(last).toContain('signature')
      expect(last).toContain('date')
      expect(last).toContain('imprint')
    }
  })

  it('never leaves a blank page before the 抄送: the page fit makes room for it or carries the 署名 with 正文', () => {
    for (let n = 1; n <= 50; n++) {
      const { pages } = planPageFit(letterSpec(n), GBT9704_LAYOUT)
      const texts = pages.map((p) => p.items.filter((i): i is PreviewText => i.kind === 'text' && i.role !== 'pageNumber'))
      expect(
        texts.findIndex((t) => t.length === 0),
        `n = ${n}`,
      ).toBe(-1)
    }
  })
})
