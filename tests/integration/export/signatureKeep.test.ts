/**
 * The 署名 and the date of a report never open a page alone (issue 11): the last paragraph before them keeps
 * with them — in the preview (paginateBlocks: its last two lines go along, the whole paragraph under four
 * lines) and in the .docx (keepNext with widow control on it and the blank lines between), and LibreOffice
 * puts them on the preview's page.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { exportBlocksDocx } from '../../../electron/core/export/docx/blockWriter'
import { GBT9704_LAYOUT } from '../../../shared/documents/layout'
import type { PrintBlock } from '../../../shared/print/blocks'
import { paginateBlocks } from '../../../shared/print/paginate'
import { hasCommand, renderPdf, textLayout } from '../../helpers/pdfLayout'

const L = GBT9704_LAYOUT
const HAN = '督导评估工作组对全县幼儿园逐一核查了在园幼儿人数与专任教师配备情况并形成整改清单'
const text = (chars: number, seed: number) => Array.from({ length: chars }, (_, i) => HAN[(i + seed) % HAN.length]).join('')
const LAST = '综上所述'
const para = (chars: number, seed: number, lead = ''): PrintBlock => ({
  kind: 'paragraph',
  role: 'body',
  runs: [{ text: lead + text(chars - lead.length, seed) }],
})

/** A report whose first paragraph has `lead` characters, then a 5-line last paragraph, a blank line, 署名 and date. */
function report(lead: number): PrintBlock[] {
  return [
    para(lead, 0),
    para(28 * 4 + 10, 7, LAST), // five lines (26 characters after the two-character indent, then 28 a line)
    { kind: 'blank', lines: 1 },
    { kind: 'paragraph', role: 'signature', runs: [{ text: '贺兰县人民政府教育督导室' }] },
    { kind: 'paragraph', role: 'date', runs: [{ text: '2025年3月1日' }] },
  ]
}

const pageTexts = (pages: ReturnType<typeof paginateBlocks>) =>
  pages.map((p) => p.items.flatMap((i) => (i.kind === 'text' ? [{ role: i.role, text: i.text }] : [])))

describe('the 署名 keeps with the last paragraph', () => {
  it('preview: at every position of the page end, the 署名 page also holds the last paragraph’s lines (two at least), and the date', () => {
    let carried = 0
    for (let lead = 20; lead <= 28 * 24; lead += 14) {
      const pages = pageTexts(paginateBlocks(report(lead), L))
      const at = pages.findIndex((p) => p.some((t) => t.role === 'signature'))
      const body = pages[at].filter((t) => t.role === 'body')
      expect(body.length, `lead ${lead}: 署名 on page ${at + 1} with ${body.length} lines of 正文`).toBeGreaterThanOrEqual(2)
      expect(pages[at].some((t) => t.role === 'date')).toBe(true)
      if (at > 0 && pages[at][0].role === 'body' && pages[at - 1].some((t) => t.text.startsWith(LAST))) carried++
    }
    expect(carried).toBeGreaterThan(0) // the sweep did reach the page end inside the last paragraph
  })

  it('.docx: keepNext + widowControl on the last paragraph, keepNext on the blank line, 署名 keeps with the date', async () => {
    const xml = await (
      await JSZip.loadAsync(await exportBlocksDocx(report(100), { title: '自评报告' }))
    )
      .file('word/document.xml')!
      .async('string')
    const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0])
    const last = paragraphs.findIndex((p) => p.includes(LAST))
    expect(paragraphs[last]).toMatch(/<w:keepNext\/>/)
    expect(paragraphs[last]).toMatch(/<w:widowControl\/>/)
    expect(paragraphs[last + 1]).toMatch(/<w:keepNext\/>/) // the blank line
    expect(paragraphs[last + 2]).toContain('贺兰县人民政府教育督导室')
    expect(paragraphs[0]).not.toMatch(/<w:keepNext\/>/)
  })

  it.skipIf(!hasCommand('libreoffice'))('LibreOffice puts the 署名 on the preview’s page, with the last lines of 正文', async () => {
    // the lead length where the 署名 alone would open page 2
    let lead = 20
    for (; lead <= 28 * 24; lead += 14) {
      const pages = pageTexts(paginateBlocks(report(lead), L))
      const at = pages.findIndex((p) => p.some((t) => t.role === 'signature'))
      if (at > 0 && pages[at][0].role === 'body' && pages[at].filter((t) => t.role === 'body').length <= 3) break
    }
    const pages = pageTexts(paginateBlocks(report(lead), L))
    const at = pages.findIndex((p) => p.some((t) => t.role === 'signature'))
    const dir = mkdtempSync(join(tmpdir(), 'signature-keep-'))
    try {
      const pdf = textLayout(renderPdf(await exportBlocksDocx(report(lead), { title: '自评报告' }), dir, 'keep'))
      expect(pdf.length).toBe(pages.length)
      const pdfAt = pdf.findIndex((p) => p.lines.some((l) => l.text.replace(/\s/g, '').includes('贺兰县人民政府教育督导室')))
      expect(pdfAt).toBe(at)
      const firstOnPage = pages[at][0].text.slice(0, 8)
      const pdfLines = pdf[at].lines.map((l) => l.text.replace(/\s/g, ''))
      expect(
        pdfLines.some((t) => t.startsWith(firstOnPage)),
        `${firstOnPage} | ${pdfLines.join(' / ')}`,
      ).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
