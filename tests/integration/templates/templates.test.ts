/**
 * Every template in seeds/templates/ goes the whole way through the same dispatcher as every door:
 * created from the template, filled in as a clerk would (every ××, ×月×日, （请示缘由）-style instruction
 * and empty heading or item replaced by real text), saved, signed (a number allocated) and exported to
 * Word, whose text must then carry the whole number, the filled text and nothing left of the template.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { BodyBlock, DocumentContent } from '../../../shared/documents/types'
import { exportedFile } from '../../helpers/exported'
import { useOfficeFixture } from '../../helpers/officeFixture'

const setup = useOfficeFixture()

const TEMPLATE_DIR = join(__dirname, '../../../seeds/templates')
const templates = readdirSync(TEMPLATE_DIR)
  .filter((f) => f.endsWith('.json'))
  .map(
    (f) =>
      JSON.parse(readFileSync(join(TEMPLATE_DIR, f), 'utf8')) as { key: string; name: string; kind: string; format: string; order: number },
  )
  .sort((a, b) => a.order - b.order)

/** What a clerk types over the template's markers, most specific first. */
const FILLS: [RegExp, string][] = [
  [/×月×日至×月×日/g, '3月10日至3月20日'],
  [/×月×日/g, '3月15日'],
  [/第×次/g, '第3次'],
  [/×月/g, '3月'],
  [/××%/g, '96%'],
  [/××所次/g, '42所次'],
  [/××个/g, '7个'],
  [/××日内/g, '15日内'],
  [/编号：××/g, '编号：固督整〔2026〕3号'],
  [/联系电话：××/g, '联系电话：0954-2031234'],
  [/责任督学××/g, '责任督学李明'],
  [/校长××/g, '校长王华'],
  [/××学校/g, '原州区第一小学'],
  [/××局/g, '原州区教育局'],
  [/××、××、××/g, '王芳、李明、张华'],
  [/督导事项：××/g, '督导事项：校园安全'],
  [/××督导/g, '专项督导'],
  [/××问题/g, '消防通道堵塞问题'],
  [/××工作/g, '义务教育质量监测工作'],
  [/关于××的请示/g, '关于申请教育督导专项工作经费的请示'],
  [/××/g, '校园安全'],
]

/** Real text for paragraphs that are only an instruction in brackets, or empty, by level. */
const INSTRUCTION = /^（[^（）]*）$/
const FILLED_BY_LEVEL: Record<number, string> = {
  0: '全县各中小学按要求完成了自查，督学入校覆盖率达到100%，发现问题已逐项反馈学校。',
  1: '工作推进情况',
  2: '强化统筹协调',
  3: '按期报送整改报告和佐证材料。',
  4: '建立问题整改台账。',
}

const fillText = (text: string) => FILLS.reduce((t, [re, by]) => t.replace(re, by), text)
const fillBlocks = (blocks: BodyBlock[], cells = true): BodyBlock[] =>
  blocks.map((b): BodyBlock => {
    // A table (学校 | 问题 | 整改期限): its caption may stay empty; every cell is written.
    if (b.kind === 'table')
      return { ...b, text: fillText(b.text), table: { ...b.table, rows: cells ? b.table.rows.map((r) => r.map(fillText)) : b.table.rows } }
    if (b.kind === 'image') return b
    return { ...b, text: b.text.trim() === '' || INSTRUCTION.test(b.text.trim()) ? FILLED_BY_LEVEL[b.level] : fillText(b.text) }
  })

/** Every table of the content (正文 and attachments). */
const tablesOf = (c: DocumentContent) =>
  [...c.body, ...c.attachments.flatMap((a) => a.body)].flatMap((b) => (b.kind === 'table' ? [b.table] : []))

function fill(content: DocumentContent, kind: string, cells = true): DocumentContent {
  return {
    ...content,
    title: fillText(content.title),
    recipients: fillText(content.recipients),
    body: fillBlocks(content.body, cells),
    attachments: content.attachments.map((a) => ({ ...a, title: fillText(a.title), body: fillBlocks(a.body, cells) })),
    attendance: {
      present: fillText(content.attendance.present),
      absent: fillText(content.attendance.absent),
      observers: fillText(content.attendance.observers),
    },
    contactNote: fillText(content.contactNote ?? ''),
    signers: ['请示', '报告'].includes(kind) ? ['王芳'] : content.signers,
  }
}

/** Everything of the template that a filled document must no longer contain, with where it is. */
function leftovers(c: DocumentContent): string[] {
  const out: string[] = []
  const check = (where: string, text: string, mayBeEmpty = false) => {
    if (/×/.test(text)) out.push(`${where}：「${text}」含 ×`)
    if (/[{}]/.test(text)) out.push(`${where}：「${text}」含未替换的 {…}`)
    if (INSTRUCTION.test(text.trim())) out.push(`${where}：「${text}」是填写说明`)
    if (!mayBeEmpty && text.trim() === '') out.push(`${where} 为空`)
  }
  check('标题', c.title)
  check('主送机关', c.recipients, true)
  const block = (where: string, b: BodyBlock) => {
    if (b.kind !== 'table') return check(where, b.text)
    check(`${where}表题`, b.text, true)
    b.table.rows.forEach((r, k) => r.forEach((cell, m) => check(`${where}表格第${k + 1}行第${m + 1}列`, cell)))
  }
  c.body.forEach((b, i) => block(`正文第${i + 1}段`, b))
  c.attachments.forEach((a, i) => {
    check(`附件${i + 1}标题`, a.title)
    a.body.forEach((b, j) => block(`附件${i + 1}第${j + 1}段`, b))
  })
  check('出席', c.attendance.present, true)
  check('附注', c.contactNote ?? '', true)
  return out
}

/** Paragraph texts of word/document.xml (runs joined). */
async function docxParagraphs(data: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(data)).file('word/document.xml')!.async('string')
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  )
}

describe('every template: created, filled, signed and exported', () => {
  it('there are nine templates, all offered', async () => {
    const { call } = await setup()
    expect(templates).toHaveLength(9)
    expect((await call('documents.templates', {})).map((t: any) => t.key)).toEqual(templates.map((t) => t.key))
  })

  it.each(templates.map((t) => [t.name, t.key] as const))('%s (%s)', async (_name, key) => {
    const { env, call, series } = await setup()
    const draft = await call('documents.create', { templateKey: key })
    expect(draft.status).toBe('draft')
    // The office data went in at creation: no {county}/{year}/{superior}/{office}/{contact}/{phone} left.
    expect(JSON.stringify(draft.content)).not.toMatch(/\{[a-z]+\}/)

    const content = fill(draft.content, draft.kind)
    expect(leftovers(content)).toEqual([])

    // A table left as the template has it (×× in its cells) is refused at 签发, with the row named.
    const tables = tablesOf(draft.content)
    if (tables.length > 0) {
      await call('documents.save', {
        id: draft.id,
        kind: draft.kind,
        format: draft.format,
        seriesId: series.id,
        content: fill(draft.content, draft.kind, false),
      })
      await expect(call('documents.sign', { id: draft.id })).rejects.toThrow(/表格第2行中还有待填写的「××」/)
    }

    const saved = await call('documents.save', { id: draft.id, kind: draft.kind, format: draft.format, seriesId: series.id, content })
    expect(leftovers(saved.content)).toEqual([])

    const signed = await call('documents.sign', { id: draft.id })
    const year = Number(saved.content.signedDate.slice(0, 4))
    const number = `固政教督办〔${year}〕1号`
    expect(signed).toMatchObject({ status: 'signed', docNumber: number, year })
    expect(signed.content.docNumber).toBe(number)
    expect(await call('numbers.register', { year })).toEqual([
      expect.objectContaining({ seq: 1, status: 'used', documentId: draft.id, title: saved.content.title }),
    ])

    const file = await exportedFile(env.ws, await call('documents.exportDocx', { id: draft.id }))
    expect(file.fileName).toBe(`${number} ${saved.content.title}.docx`)
    const paragraphs = await docxParagraphs(file.data)
    const all = paragraphs.join('\n')
    // The whole number on a line of its own (the 上行文 line also carries 签发人).
    expect(paragraphs.some((p) => p === number || p.startsWith(`${number}签发人：`) || p.endsWith(number))).toBe(true)
    expect(all).not.toMatch(/〔\d{4}〕99号/)
    // The filled text, and nothing of the template left.
    for (const b of saved.content.body) expect(all).toContain(b.text)
    for (const a of saved.content.attachments) for (const b of a.body) expect(all).toContain(b.text)
    // Tables (the 督导通报's 问题清单, the 整改通知书's 问题 list) are real Word tables, 学校 | 问题 | 整改期限, every cell written.
    const xml = await (await JSZip.loadAsync(file.data)).file('word/document.xml')!.async('string')
    const wordTables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []
    const contentTables = tablesOf(saved.content)
    if (['supervision-bulletin', 'rectification-notice'].includes(key)) expect(contentTables.length).toBeGreaterThan(0)
    for (const t of contentTables) {
      expect(t.rows[0]).toEqual(['学校', '问题', '整改期限'])
      const w = wordTables.find((x) => x.includes('整改期限'))!
      expect(w.match(/<w:gridCol /g)).toHaveLength(3)
      for (const cell of t.rows.flat()) expect(all).toContain(cell)
    }
    expect(all).not.toContain('×')
    expect(all).not.toMatch(/\{[a-z]+\}/)
    // No bare numbering: every 一、/（一）/1./（1） is followed by text.
    for (const p of paragraphs) expect(p).not.toMatch(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)$/)
  })
})
