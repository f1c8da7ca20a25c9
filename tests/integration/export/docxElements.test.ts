/**
 * Elements of the Word output that docxLayout.test.ts does not reach, checked in the XML (no LibreOffice
 * needed): 份号 / 密级 / 紧急程度 (7.2.1–7.2.2), the unsealed 署名 form (7.3.5.2), the centring of the
 * sealed 署名 over the date (7.3.5.1), the 信函格式 number line gap (10.1), the 纪要 出席 indent (10.2).
 *
 * Expected values are the standard's (/shared/domain/GBT9704.md) written here in twips: a 3号 character
 * advances 16 pt − 0.25 pt = 315 twips (5.2.3: 28 to a 156 mm line), the 版心 is 156 mm = 8845 twips wide
 * (11906 − 1587 − 1474), a line is 579 twips.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { exportDocumentDocx } from '../../../electron/core/export/docx/officialDocument'
import { GBT9704_LAYOUT, type LayoutProfile } from '../../../shared/documents/layout'
import type { DocumentSpec } from '../../../shared/documents/types'
import { signaturePlacement } from '../../../shared/documents/compose'

const root = join(__dirname, '../../..')
const demo = JSON.parse(readFileSync(join(root, 'seeds/demo/documents/notice-2024-4.json'), 'utf8')) as DocumentSpec
const L = GBT9704_LAYOUT

/** One 3号 character (16 pt with −0.25 pt spacing), the 版心 width, the line pitch, in twips. */
const CH = 315
const TYPE_W = 8845
const PITCH = 579
/** Faces of the default (GB2312) font profile. */
const FANGSONG = '仿宋_GB2312'
const HEITI = '黑体'

const paragraphs = (xml: string): string[] => xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []
const runs = (xml: string): string[] => xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? []
const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
const attr = (xml: string, el: string, name: string) => new RegExp(`<${el}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1]
const num = (xml: string, el: string, name: string) => Number(attr(xml, el, name) ?? 0)
const lineOf = (p: string) => num(p, 'w:spacing', 'w:line')

async function documentXml(spec: DocumentSpec, layout: LayoutProfile = L): Promise<string> {
  const zip = await JSZip.loadAsync(await exportDocumentDocx(spec, layout))
  return zip.file('word/document.xml')!.async('string')
}

async function firstPageHeader(spec: DocumentSpec): Promise<string> {
  const zip = await JSZip.loadAsync(await exportDocumentDocx(spec, L))
  const document = await zip.file('word/document.xml')!.async('string')
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string')
  const id = /<w:headerReference w:type="first" r:id="(\w+)"\/>/.exec(document)![1]
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]
  return zip.file(`word/${target}`)!.async('string')
}

/**
 * Width in twips of a line of 3号 text: CJK and full-width characters 315, Times New Roman digits half an
 * em (160 − 5), plus the quarter-em gap Word and LibreOffice put between an ideograph and a digit
 * (自动调整中文与西文/数字的间距, on by default).
 */
function width3(s: string): number {
  let w = 0
  let prev = ''
  for (const c of s) {
    const digit = /[0-9]/.test(c)
    w += digit ? 155 : CH
    if (prev && /[0-9]/.test(prev) !== digit) w += 80
    prev = c
  }
  return w
}

/** The run holding `t`, and its East Asian / Latin faces and size. */
function runOf(p: string, t: string) {
  const r = runs(p).find((x) => text(x) === t)
  expect(r, t).toBeDefined()
  return {
    eastAsia: attr(r!, 'w:rFonts', 'w:eastAsia'),
    ascii: attr(r!, 'w:rFonts', 'w:ascii'),
    size: attr(r!, 'w:sz', 'w:val'),
    colour: attr(r!, 'w:color', 'w:val'),
  }
}

describe('份号, 密级和保密期限, 紧急程度 (7.2.1, 7.2.2)', () => {
  const spec: DocumentSpec = { ...demo, content: { ...demo.content, copyNumber: '000007', secrecy: '机密★3年', urgency: '特急' } }

  it('文件格式: one per line at the top left of the 版心, in order; 份号 3号 numerals, 密级 and 紧急程度 3号黑体', async () => {
    const ps = paragraphs(await documentXml(spec))
    expect(ps.slice(0, 3).map(text)).toEqual(['000007', '机密★3年', '特急'])
    for (const p of ps.slice(0, 3)) {
      // Flush left on the 3号 grid line: no centring, no indent, the 579-twip pitch.
      expect(p).not.toMatch(/<w:jc w:val="(center|right|both|distribute)"\/>/)
      expect(num(p, 'w:ind', 'w:left') + num(p, 'w:ind', 'w:firstLine')).toBe(0)
      expect(lineOf(p)).toBe(PITCH)
    }
    const copy = runOf(ps[0], '000007')
    expect(copy).toMatchObject({ size: '32', colour: '000000' })
    expect(copy.ascii).toBe('Times New Roman') // Arabic numerals
    const secrecy = runOf(ps[1], '机密★3年')
    expect(secrecy).toMatchObject({ eastAsia: HEITI, ascii: HEITI, size: '32', colour: '000000' })
    const urgency = runOf(ps[2], '特急')
    expect(urgency).toMatchObject({ eastAsia: HEITI, size: '32', colour: '000000' })
    // The masthead stays 35 mm (1984 twips) below the top of the 版心: three lines plus the spacer.
    const masthead = ps.findIndex((p) => text(p) === '贺兰县人民政府教育督导室文件')
    expect(ps.slice(0, masthead).reduce((h, p) => h + lineOf(p), 0)).toBe(1984)
  })

  it('without them the masthead spacer alone is 35 mm', async () => {
    const ps = paragraphs(await documentXml(demo))
    expect(text(ps[0])).toBe('')
    expect(lineOf(ps[0])).toBe(1984)
  })

  it('信函格式: 份号 flush left on the line of 发文字号 (flush right), 密级 and 紧急程度 on the lines below', async () => {
    const letter: DocumentSpec = {
      kind: '函',
      format: 'letter',
      content: {
        ...spec.content,
        mastheadSuffix: '',
        docNumber: '贺政教督函〔2024〕12号',
        title: '关于商请协助开展义务教育质量监测工作的函',
        attachments: [],
      },
    }
    const ps = paragraphs(await documentXml(letter))
    const i = ps.findIndex((p) => text(p) === '000007贺政教督函〔2024〕12号')
    expect(i).toBeGreaterThanOrEqual(0)
    expect(ps[i]).toContain('<w:tab/>')
    expect(attr(ps[i], 'w:tab', 'w:val')).toBe('right')
    expect(attr(ps[i], 'w:tab', 'w:pos')).toBe(String(TYPE_W))
    expect(text(ps[i + 1])).toBe('机密★3年')
    expect(text(ps[i + 2])).toBe('特急')
    expect(runOf(ps[i + 1], '机密★3年')).toMatchObject({ eastAsia: HEITI, size: '32' })
    expect(runOf(ps[i + 2], '特急')).toMatchObject({ eastAsia: HEITI, size: '32' })
    for (const p of ps.slice(i, i + 3)) expect(lineOf(p)).toBe(PITCH)
  })
})

describe('署名 and 成文日期 (7.3.5)', () => {
  const lastBody = (ps: string[]) => ps.findIndex((p) => text(p).endsWith('做好各项工作落实。'))
  const notice: DocumentSpec = { ...demo, content: { ...demo.content, attachmentsIssued: false, attachments: [] } }

  it('sealed form: the date right-indented 4 characters, each 署名 centred over it', async () => {
    const ps = paragraphs(await documentXml(notice))
    const date = ps.find((p) => text(p) === '2024年3月22日')!
    expect(date).toContain('<w:jc w:val="right"/>')
    expect(num(date, 'w:ind', 'w:right')).toBe(4 * CH)
    const sign = ps[ps.indexOf(date) - 1]
    expect(text(sign)).toBe('贺兰县人民政府教育督导室')
    expect(sign).toContain('<w:jc w:val="right"/>')
    // Centre of the 署名 = centre of the date, both measured from the right edge of the 版心.
    const dateCentre = 4 * CH + width3('2024年3月22日') / 2
    const signCentre = num(sign, 'w:ind', 'w:right') + (12 * CH) / 2
    // Within 20 twips (0.35 mm): the CJK–digit gap is modelled as a quarter em here and with the run's spacing share
    // in shared/print/measure.ts; LibreOffice draws 0.20–0.22 em (the render test measures the real centring).
    expect(Math.abs(signCentre - dateCentre)).toBeLessThanOrEqual(20)
    // Joint issuance (7.3.5.1, issue 13 item 4): the 署名 side by side on one line, each at a left tab stop
    // where the composer put it, the last one centred over the date; no longer stacked one line apart.
    const orgs = ['贺兰县人民政府教育督导室', '贺兰县教育体育局']
    const joint = paragraphs(await documentXml({ ...notice, content: { ...notice.content, signatureOrgs: orgs } }))
    const d = joint.findIndex((p) => text(p) === '2024年3月22日')
    const row = joint[d - 1]
    expect(text(row)).toBe(orgs.join(''))
    expect(text(joint[d - 2])).toBe('')
    const stops = [...row.matchAll(/<w:tab w:val="left" w:pos="(\d+)"\/>/g)].map((m) => Number(m[1]))
    const placed = signaturePlacement(L, { signatureOrgs: orgs, signedDate: '2024-03-22' }, 'sealed')[0].parts
    expect(stops).toEqual(placed.map((p) => Math.round(p.leftTwips)))
    expect(row.match(/<w:tab\/>/g)).toHaveLength(2)
    expect(Math.abs(stops[1] + (8 * CH) / 2 - (TYPE_W - dateCentre))).toBeLessThanOrEqual(20)
    // The two 42 mm seals centred on the names do not touch.
    expect(stops[1] + 4 * CH - (stops[0] + 6 * CH)).toBeGreaterThan(Math.round((45 * 1440) / 25.4))
  })

  it('unsealed form: one blank line below 正文, 署名 right-indented 2 characters, the date on the next line 2 characters further right', async () => {
    const layout: LayoutProfile = { ...L, signature: { ...L.signature, form: 'unsealed' } }
    const ps = paragraphs(await documentXml(notice, layout))
    const b = lastBody(ps)
    expect(b).toBeGreaterThan(0)
    // Exactly one blank line between 正文 and the 署名.
    expect(text(ps[b + 1])).toBe('')
    expect(lineOf(ps[b + 1])).toBe(PITCH)
    const sign = ps[b + 2]
    const date = ps[b + 3]
    expect(text(sign)).toBe('贺兰县人民政府教育督导室')
    expect(text(date)).toBe('2024年3月22日')
    for (const p of [sign, date]) expect(p).not.toMatch(/<w:jc w:val="(right|center)"\/>/)
    // The 署名 (12 characters) ends 2 characters from the right edge.
    expect(num(sign, 'w:ind', 'w:left')).toBe(TYPE_W - 2 * CH - 12 * CH)
    expect(num(date, 'w:ind', 'w:left') - num(sign, 'w:ind', 'w:left')).toBe(2 * CH)
    expect(text(ps[b + 4])).toBe('（此件公开发布）')
  })

  it('纪要 carries no seal: its 署名, when given, takes the unsealed form even with the sealed profile', async () => {
    const minutes: DocumentSpec = {
      kind: '纪要',
      format: 'minutes',
      content: {
        ...notice.content,
        mastheadSuffix: '纪要',
        docNumber: '第3期',
        recipients: '',
        signatureOrgs: ['贺兰县人民政府教育督导室'],
        attendance: { present: '张明、李华', absent: '', observers: '' },
      },
    }
    const ps = paragraphs(await documentXml(minutes))
    const sign = ps.find((p) => text(p) === '贺兰县人民政府教育督导室' && !p.includes('FF0000'))!
    expect(sign).not.toContain('<w:jc w:val="right"/>')
    expect(num(sign, 'w:ind', 'w:left')).toBe(TYPE_W - 2 * CH - 12 * CH)
  })
})

describe('信函格式 number line (10.1)', () => {
  it('the first line below the upper double line sits 7/8 of a 3号 character (280 twips) below its lower edge', async () => {
    const spec: DocumentSpec = {
      kind: '函',
      format: 'letter',
      content: {
        ...demo.content,
        mastheadSuffix: '',
        docNumber: '贺政教督函〔2024〕12号',
        title: '关于商请协助开展义务教育质量监测工作的函',
        attachments: [],
      },
    }
    const header = await firstPageHeader(spec)
    // The four red lines: page-relative centre offsets (EMU) and widths (EMU); 635 EMU a twip.
    const shapes = (header.match(/<w:drawing>[\s\S]*?<\/w:drawing>/g) ?? []).map((d) => ({
      y: Number(/<wp:positionV relativeFrom="page"><wp:posOffset>(-?\d+)</.exec(d)![1]) / 635,
      weight: Number(/<a:ln w="(\d+)"/.exec(d)![1]) / 635,
    }))
    expect(shapes).toHaveLength(4)
    shapes.sort((a, b) => a.y - b.y)
    // Upper pair thick over thin; its lower edge is the thin line's lower edge.
    expect(shapes[0].weight).toBeGreaterThan(shapes[1].weight)
    const upperBottom = shapes[1].y + shapes[1].weight / 2
    // The body starts at the top margin (37 mm = 2098 twips): spacer paragraphs down to the number line.
    const ps = paragraphs(await documentXml(spec))
    const i = ps.findIndex((p) => text(p).includes('贺政教督函〔2024〕12号'))
    const lineTop = 2098 + ps.slice(0, i).reduce((h, p) => h + lineOf(p), 0)
    expect(lineOf(ps[i])).toBe(PITCH)
    // Where a 3号 character's em box sits in an exact 579-twip line: baseline at 0.8 of the line, em top
    // 0.88 × 320 above it (the model the rendered tests confirm in LibreOffice).
    const emTop = lineTop + 0.8 * PITCH - 0.88 * 320
    expect(Math.abs(emTop - upperBottom - (7 / 8) * 320)).toBeLessThanOrEqual(10)
  })
})

describe('纪要格式 出席/请假/列席 (10.2)', () => {
  it('"出席：" starts 2 characters in; wrapped names align after the colon', async () => {
    const spec: DocumentSpec = {
      kind: '纪要',
      format: 'minutes',
      content: {
        ...demo.content,
        mastheadSuffix: '纪要',
        docNumber: '第3期',
        recipients: '',
        attachments: [],
        signatureOrgs: [],
        signedDate: '',
        attendance: { present: '张明、李华', absent: '王芳', observers: '赵强' },
      },
    }
    const ps = paragraphs(await documentXml(spec))
    for (const label of ['出席：', '请假：', '列席：']) {
      const p = ps.find((x) => text(x).startsWith(label))!
      expect(p, label).toBeDefined()
      // Left edge of the first line = left − hanging = 2 characters; the rest at 2 + 3 characters.
      expect(num(p, 'w:ind', 'w:left') - num(p, 'w:ind', 'w:hanging'), label).toBe(2 * CH)
      expect(num(p, 'w:ind', 'w:left'), label).toBe(2 * CH + 3 * CH)
      expect(num(p, 'w:ind', 'w:firstLine'), label).toBe(0)
      expect(runOf(p, label)).toMatchObject({ eastAsia: HEITI, size: '32' })
      expect(
        runs(p)
          .filter((r) => text(r) !== label)
          .every((r) => attr(r, 'w:rFonts', 'w:eastAsia') === FANGSONG),
      ).toBe(true)
    }
    // One blank line between 正文 and 出席.
    const i = ps.findIndex((x) => text(x).startsWith('出席：'))
    expect(text(ps[i - 1])).toBe('')
    expect(text(ps[i - 2])).not.toBe('')
  })
})
