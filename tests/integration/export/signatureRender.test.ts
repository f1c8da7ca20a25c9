/**
 * Issue 13 items 4 and 7 and the 主送机关 keep rule on pages LibreOffice renders from the exported .docx,
 * against the composer's decisions (shared/documents/compose.ts) that the preview draws:
 * - joint issuance 署名 (GB/T 9704 7.3.5.1): side by side, each name where the composer centred it on its
 *   seal, the last over the date;
 * - several 签发人 (7.2.4 均匀编排): every line's names start at the same column positions;
 * - a 主送机关 whose one-line 正文 is carried whole with the 署名 goes along (never a page's last line alone).
 * Set DOCX_RENDER_DIR to keep the PNG pages (looked at: names in rows, seal room between them).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportDocumentDocx } from '../../../electron/core/export/docx/officialDocument'
import { signaturePlacement, signerLines } from '../../../shared/documents/compose'
import { GBT9704_LAYOUT, twipsToMm } from '../../../shared/documents/layout'
import { planPageFit } from '../../../shared/documents/pageFit'
import type { DocumentSpec } from '../../../shared/documents/types'
import { hasCommand, pngPages, renderPdf, textLayout, type PdfPage } from '../../helpers/pdfLayout'

const root = join(__dirname, '../../..')
const demo = JSON.parse(readFileSync(join(root, 'seeds/demo/documents/notice-2024-4.json'), 'utf8')) as DocumentSpec
const L = GBT9704_LAYOUT
/** GB/T 9704 5.2.2: the 版心's left edge, 28 mm from the page's. */
const TYPE_LEFT = 28
const ORGS = ['贺兰县人民政府教育督导室', '贺兰县教育体育局', '贺兰县财政局']
const SIGNERS = ['张三', '欧阳明华', '李四', '王五五', '马六']

const joint: DocumentSpec = {
  kind: '通知',
  format: 'file',
  content: {
    ...demo.content,
    title: '关于开展2024年春季开学工作专项督导的通知',
    recipients: '各乡镇中心学校、各乡镇中心学校、各乡镇中心学校、各乡镇中心学校、各乡镇中心学校',
    body: [{ level: 0, text: '现将有关事项通知如下。' }],
    attachments: [],
    attachmentsIssued: false,
    signatureOrgs: ORGS,
  },
}
const request: DocumentSpec = {
  ...demo,
  kind: '请示',
  content: { ...demo.content, signers: SIGNERS, attachments: [], attachmentsIssued: false, body: demo.content.body.slice(0, 3) },
}

describe.skipIf(!hasCommand('libreoffice'))('joint 署名, several 签发人 and the 主送机关 keep, rendered by LibreOffice', () => {
  let dir: string
  let jointPages: PdfPage[]
  let requestPages: PdfPage[]

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'signature-render-'))
    const a = renderPdf(await exportDocumentDocx(joint, L), dir, 'joint')
    const b = renderPdf(await exportDocumentDocx(request, L), dir, 'request')
    jointPages = textLayout(a)
    requestPages = textLayout(b)
    const keep = process.env.DOCX_RENDER_DIR
    if (keep) {
      mkdirSync(keep, { recursive: true })
      for (const [pdf, name] of [
        [a, 'joint'],
        [b, 'request'],
      ]) {
        mkdirSync(join(keep, name), { recursive: true })
        pngPages(pdf, join(keep, name))
      }
    }
  }, 240_000)

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  const find = (pages: PdfPage[], text: string) => {
    for (let p = 0; p < pages.length; p++) {
      const line = pages[p].lines.find((l) => l.text === text || l.text.endsWith(text))
      if (line) return { page: p, ...line }
    }
    throw new Error(`not rendered: ${text}`)
  }

  it('the 主送机关 stands on the page of 正文 and the 署名, as the preview puts it', () => {
    const plan = planPageFit(joint, L)
    expect(plan.fit.recipientsNewPage).toBe(true)
    const recipients = find(jointPages, '各乡镇中心学校：')
    const body = find(jointPages, '现将有关事项通知如下。')
    expect(recipients.page).toBe(body.page)
    expect(find(jointPages, ORGS[0]).page).toBe(body.page)
    expect(jointPages[0].lines.some((l) => l.text.includes('各乡镇'))).toBe(false)
  })

  it('the joint 署名 start where the composer put them (within 1 mm): two side by side, the third under the second, over the date', () => {
    const placed = signaturePlacement(L, { signatureOrgs: ORGS, signedDate: joint.content.signedDate }, 'sealed')
    const parts = placed.flatMap((l) => l.parts)
    const rendered = parts.map((p) => find(jointPages, p.text))
    // The names where the composer put them; the date (right-aligned, its digits spaced by LibreOffice's own
    // CJK–Latin gap) within 1.5 mm.
    rendered.forEach((r, i) =>
      expect(Math.abs(r.xMin - (TYPE_LEFT + twipsToMm(parts[i].leftTwips))), parts[i].text).toBeLessThan(i === 3 ? 1.5 : 1),
    )
    expect(Math.abs(rendered[0].yMin - rendered[1].yMin)).toBeLessThan(0.5)
    // Rows five lines apart (a 42 mm seal + 3 mm), the date on the line after the last 署名.
    expect(rendered[2].yMin - rendered[1].yMin).toBeGreaterThan(45)
    expect(Math.abs(rendered[3].yMin - rendered[2].yMin - twipsToMm(L.grid.linePitchTwips))).toBeLessThan(0.5)
  })

  it('several 签发人: two columns, every line starting its names at the same two positions', () => {
    const sl = signerLines(L, SIGNERS)!
    const xs = sl.columnX.map((x) => TYPE_LEFT + twipsToMm(x))
    const at = SIGNERS.map((n) => find(requestPages, n))
    // 张三 may share its PDF line with the label 签发人：: its start is the line's end minus its width (李四's).
    const first = at[0].xMax - (at[2].xMax - at[2].xMin)
    expect(Math.abs(first - xs[0])).toBeLessThan(1)
    for (const i of [2, 4]) expect(Math.abs(at[i].xMin - xs[0])).toBeLessThan(1)
    for (const i of [1, 3]) expect(Math.abs(at[i].xMin - xs[1])).toBeLessThan(1)
  })
})
