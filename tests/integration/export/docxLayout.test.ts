/**
 * The .docx of the demo notice (贺政教督发〔2024〕4号), unzipped: every GB/T 9704-2012 number of the layout
 * profile must be in word/document.xml, styles.xml, settings.xml and the footers, in integer twips.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportDocumentDocx } from '../../../electron/core/export/docx/officialDocument'
import { FONT_PROFILES, GBT9704_LAYOUT, mmToTwips, type LayoutProfile } from '../../../shared/documents/layout'
import { planPageFit } from '../../../shared/documents/pageFit'
import type { DocumentSpec } from '../../../shared/documents/types'
import { carriedMinutesSpec } from '../../fixtures/minutesSpec'
import { ROLE_TABLE, type PrintTextRole } from '../../../shared/print/roles'

const root = join(__dirname, '../../..')
const demo = JSON.parse(readFileSync(join(root, 'seeds/demo/documents/notice-2024-4.json'), 'utf8')) as DocumentSpec
const L = GBT9704_LAYOUT
const F = FONT_PROFILES.gb2312

interface Docx {
  document: string
  styles: string
  settings: string
  /** Footer XML by relationship type (default / even / first). */
  footers: Record<string, string>
  headers: Record<string, string>
}

async function unzip(buffer: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(buffer)
  const read = (p: string) => zip.file(p)!.async('string')
  const document = await read('word/document.xml')
  const rels = await read('word/_rels/document.xml.rels')
  const target = (id: string) =>
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]
  const refs = async (kind: 'footer' | 'header') => {
    const out: Record<string, string> = {}
    // The first section's (the numbered pages'); a 版记 section of its own follows with empty footers.
    const firstSection = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(document)?.[0] ?? document
    for (const m of firstSection.matchAll(new RegExp(`<w:${kind}Reference w:type="(\\w+)" r:id="(\\w+)"/>`, 'g')))
      if (!(m[1] in out)) out[m[1]] = await read(`word/${target(m[2])}`)
    return out
  }
  return {
    document,
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    footers: await refs('footer'),
    headers: await refs('header'),
  }
}

/** Top-level paragraphs of the body, in order. */
const paragraphs = (xml: string): string[] => xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []
const runs = (xml: string): string[] => xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? []
const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
const attr = (xml: string, el: string, name: string) => new RegExp(`<${el}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1]
const paragraphWith = (xml: string, t: string) => paragraphs(xml).find((p) => text(p) === t || text(p).startsWith(t))!

/** The w:style element of `id` in styles.xml. */
const styleXml = (styles: string, id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? ''
/** The style chain of `id`: the style, the style it is based on, … (Normal last). */
function styleChain(styles: string, id: string): string[] {
  const chain: string[] = []
  for (let s = styleXml(styles, id); s && chain.length < 10; s = styleXml(styles, attr(s, 'w:basedOn', 'w:val') ?? '')) chain.push(s)
  return chain
}
/** `attribute` of `element` as the paragraph `p` gets it: set on the paragraph, else from its style chain (pPr), else undefined. */
function effective(styles: string, p: string, element: string, attribute: string): string | undefined {
  const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0] ?? ''
  const direct = attr(pPr.replace(/<w:rPr>[\s\S]*?<\/w:rPr>/, ''), element, attribute)
  if (direct !== undefined) return direct
  for (const s of styleChain(styles, attr(p, 'w:pStyle', 'w:val') ?? 'Normal')) {
    const v = attr(s, element, attribute)
    if (v !== undefined) return v
  }
  return undefined
}
/** Is paragraph `p` off the line grid (w:snapToGrid off on it or in its style chain)? */
const offGrid = (styles: string, p: string) => effective(styles, p, 'w:snapToGrid', 'w:val') === '0'

/** The demo notice with its attachment as an ordinary one (附件说明, "附件" label) rather than issued text. */
const labelled: DocumentSpec = { ...demo, content: { ...demo.content, attachmentsIssued: false } }

describe('docx layout of the demo notice (GB/T 9704-2012)', () => {
  let d: Docx
  /** The same notice with an ordinary attachment. */
  let a: Docx

  beforeAll(async () => {
    d = await unzip(await exportDocumentDocx(demo))
    a = await unzip(await exportDocumentDocx(labelled))
  })

  it('uses A4 with the four margins in integer twips (top 2098, bottom 1984, left 1587, right 1474)', () => {
    const sect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(d.document)![0]
    expect(attr(sect, 'w:pgSz', 'w:w')).toBe('11906')
    expect(attr(sect, 'w:pgSz', 'w:h')).toBe('16838')
    expect(attr(sect, 'w:pgMar', 'w:top')).toBe('2098')
    expect(attr(sect, 'w:pgMar', 'w:bottom')).toBe('1984')
    expect(attr(sect, 'w:pgMar', 'w:left')).toBe('1587')
    expect(attr(sect, 'w:pgMar', 'w:right')).toBe('1474')
    expect(mmToTwips(37)).toBe(2098) // rounded, not floored
    // No unit strings anywhere ("37mm", "1in", "12pt" in an attribute).
    expect(d.document).not.toMatch(/w:[a-zA-Z]+="-?[\d.]+(mm|cm|in|pt|pc|pi)"/)
    // Footer distance puts the page number's top 7 mm below the 版心: 1984 − 397 − 308 = 1279.
    expect(attr(sect, 'w:pgMar', 'w:footer')).toBe(String(1984 - mmToTwips(7) - 308))
  })

  it('declares the line grid: w:docGrid type="lines" linePitch="579"', () => {
    const grid = /<w:docGrid [^>]*\/>/.exec(d.document)![0]
    expect(grid).toContain('w:type="lines"')
    expect(grid).toContain('w:linePitch="579"')
  })

  it('gives every paragraph an exact line height, and every 正文 paragraph exactly 579', () => {
    for (const p of paragraphs(d.document)) {
      const spacing = /<w:spacing [^>]*w:line="(\d+)"[^>]*\/>/.exec(p)
      expect(spacing, text(p)).not.toBeNull()
      expect(spacing![0]).toContain('w:lineRule="exact"')
      expect(spacing![0]).not.toContain('"exactly"')
    }
    const body = [
      ...demo.content.body.map((b) => b.text),
      ...demo.content.attachments[0].body.filter((b) => b.level === 0).map((b) => b.text),
    ]
    for (const t of body) {
      const p = paragraphWith(d.document, t)
      expect(attr(p, 'w:spacing', 'w:line')).toBe('579')
      expect(attr(p, 'w:ind', 'w:firstLine')).toBe('630') // two characters of 315 twips
    }
    // The default paragraph properties say the same for text typed later in Word.
    expect(d.styles).toMatch(/<w:pPrDefault><w:pPr>.*<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"\/>/)
  })

  it('names a font per slot in every run: Times New Roman for Latin, the profile face for CJK, hint eastAsia, zh-CN', () => {
    const faces = new Set<string>(Object.values(F))
    const all = [d.document, ...Object.values(d.footers)].flatMap(runs)
    expect(all.length).toBeGreaterThan(40)
    for (const r of all) {
      const fonts = /<w:rFonts [^>]*\/>/.exec(r)
      if (!fonts) continue // field-character runs of the page number carry their own properties below
      expect(fonts[0], text(r)).toContain('w:hint="eastAsia"')
      expect(faces.has(attr(fonts[0], 'w:rFonts', 'w:eastAsia')!)).toBe(true)
      const latin = attr(fonts[0], 'w:rFonts', 'w:ascii')
      expect(attr(fonts[0], 'w:rFonts', 'w:hAnsi')).toBe(latin)
      // Times New Roman, or the slot's own face where the standard asks for it (页码 半角宋体, "附件1" 黑体).
      expect([F.latin, attr(fonts[0], 'w:rFonts', 'w:eastAsia')]).toContain(latin)
      expect(r).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/)
    }
    // Body text: 3号 仿宋_GB2312 with Times New Roman digits and −0.25 pt spacing, so 28 characters fit a line.
    const body = runs(paragraphWith(d.document, demo.content.body[0].text))[0]
    expect(body).toContain(`w:eastAsia="${F.fangsong}"`)
    expect(body).toContain(`w:ascii="${F.latin}"`)
    expect(body).toContain('<w:sz w:val="32"/>')
    expect(body).toContain(`<w:spacing w:val="${L.text.characterSpacing}"/>`)
    expect(L.text.characterSpacing).toBe(-5)
    expect(d.styles).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"[^>]*w:hint="eastAsia"\/>.*<w:sz w:val="32"\/>.*<w:lang [^>]*w:eastAsia="zh-CN"/,
    )
  })

  it('sets the title in 2号 (44 half-points) 方正小标宋简体, centred, broken before 的通知', () => {
    const p = paragraphWith(d.document, '关于印发')
    expect(text(p)).toBe(demo.content.title)
    expect(p).toContain('<w:jc w:val="center"/>')
    const rs = runs(p)
    expect(rs).toHaveLength(2)
    for (const r of rs) {
      expect(r).toContain('<w:sz w:val="44"/>')
      expect(r).toContain(`w:eastAsia="${F.title}"`)
    }
    expect(rs[1]).toContain('<w:br/>')
    expect(text(rs[1])).toBe('的通知')
  })

  it('paints only the masthead and the separator red; everything else is black', () => {
    const colours = [...d.document.matchAll(/<w:color w:val="([0-9A-Fa-f]{6}|auto)"\/>/g)].map((m) => m[1])
    expect(new Set(colours)).toEqual(new Set(['000000', 'FF0000']))
    const red = runs(d.document).filter((r) => r.includes('<w:color w:val="FF0000"/>'))
    expect(red.map(text)).toEqual(['贺兰县人民政府教育督导室文件'])
    expect(red[0]).toContain(`w:eastAsia="${F.title}"`)
    // 14 characters narrowed (w:w) to fit the masthead width at 初号 (42 pt).
    expect(red[0]).toContain(`<w:sz w:val="${L.masthead.maxSizePt * 2}"/>`)
    const scale = Number(attr(red[0], 'w:w', 'w:val'))
    expect(14 * 42 * (scale / 100) * (25.4 / 72)).toBeLessThanOrEqual(L.masthead.maxWidthMm)
    // The masthead line: exact 1.1 × size so its top edge is the line top.
    const masthead = paragraphWith(d.document, '贺兰县人民政府教育督导室文件')
    expect(attr(masthead, 'w:spacing', 'w:line')).toBe(String(Math.round((42 * 20 * 0.88) / 0.8)))
    // The spacer above it is 35 mm exactly (no 份号 / 密级 / 紧急程度 lines in this notice).
    const first = paragraphs(d.document)[0]
    expect(text(first)).toBe('')
    expect(attr(first, 'w:spacing', 'w:line')).toBe(String(mmToTwips(35)))
    expect(first).toContain('<w:pStyle w:val="GwFixed"/>')
    // The red separator: a 156 mm line shape, red, anchored in the number's paragraph.
    const number = paragraphWith(d.document, demo.content.docNumber)
    expect(number).toContain('<w:jc w:val="center"/>')
    expect(number).toMatch(/<a:ln w="19050"><a:solidFill><a:srgbClr val="FF0000"\/>/)
    expect(attr(number, 'wp:extent', 'cx')).toBe(String(mmToTwips(156) * 635))
    expect(number).toMatch(/<wp:positionV relativeFrom="paragraph"><wp:posOffset>(\d+)<\/wp:posOffset>/)
    // 4 mm below the number's characters: em bottom (0.8 × 579 + 0.12 × 320) + 227 twips + half the 1.5 pt line.
    const offset = Number(/<wp:positionV relativeFrom="paragraph"><wp:posOffset>(\d+)</.exec(number)![1]) / 635
    expect(offset).toBeCloseTo(0.8 * 579 + 0.12 * 320 + mmToTwips(4) + 15, 0)
  })

  it('never hangs punctuation past the line end: w:overflowPunct off and w:kinsoku on for every paragraph (document defaults, no paragraph overriding them)', () => {
    // Issue 13 item 1: without it Word and WPS hang ，、。 as a 29th character 5.7 mm into the margin.
    const defaults = /<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(d.styles)![0]
    expect(defaults).toContain('<w:overflowPunct w:val="0"/>')
    expect(defaults).toContain('<w:kinsoku/>')
    for (const xml of [d.document, d.styles.replace(defaults, ''), a.document]) {
      expect(xml).not.toMatch(/<w:overflowPunct(?! w:val="(?:0|false|off)")/)
      expect(xml).not.toMatch(/<w:kinsoku w:val="(?:0|false|off)"/)
    }
  })

  it('declares every font it uses in word/fontTable.xml, with the GB2312 charset and an alternative name for the CJK faces', async () => {
    // Issue 13 item 9: the table was empty, so a PC without the GB2312 faces substituted blindly.
    for (const [profile, alt] of [
      [L, { 仿宋_GB2312: '仿宋', 楷体_GB2312: '楷体', 方正小标宋简体: '宋体', 黑体: 'SimHei', 宋体: 'SimSun' }],
      [
        { ...L, fontProfile: 'windows' as const },
        { 仿宋: 'FangSong', 楷体: 'KaiTi', 华文中宋: '宋体', 黑体: 'SimHei', 宋体: 'SimSun' },
      ],
    ] as const) {
      const zip = await JSZip.loadAsync(
        await exportDocumentDocx({ ...labelled, content: { ...labelled.content, signers: ['张明'] }, kind: '请示' }, profile),
      )
      const table = await zip.file('word/fontTable.xml')!.async('string')
      const declared = new Map([...table.matchAll(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g)].map((m) => [m[1], m[2]]))
      const used = new Set<string>()
      for (const name of Object.keys(zip.files).filter((n) => /^word\/(document|styles|header\d*|footer\d*)\.xml$/.test(n))) {
        const xml = await zip.file(name)!.async('string')
        for (const f of xml.matchAll(/<w:rFonts\b([^>]*)\/>/g))
          for (const m of f[1].matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g)) used.add(m[1])
      }
      expect(used.size).toBeGreaterThan(2)
      for (const name of used) expect(declared.has(name), name).toBe(true)
      for (const [name, altName] of Object.entries(alt)) {
        expect(declared.get(name), name).toContain(`<w:altName w:val="${altName}"/>`)
        expect(declared.get(name), name).toContain('<w:charset w:val="86"/>')
      }
      expect(declared.get('Times New Roman')).toContain('<w:charset w:val="00"/>')
    }
  })

  it('sets the × of placeholders in the CJK face: runs of × name the East Asian face in every slot', async () => {
    const spec: DocumentSpec = {
      ...labelled,
      content: {
        ...labelled.content,
        title: '关于××的通知',
        body: [{ level: 0, text: '本月督导主题为“××”，督学共入校××所次，覆盖率××%。' }],
      },
    }
    const xml = await JSZip.loadAsync(await exportDocumentDocx(spec)).then((z) => z.file('word/document.xml')!.async('string'))
    const timesRuns = runs(xml).filter((r) => text(r).includes('×'))
    expect(timesRuns.length).toBeGreaterThanOrEqual(4)
    for (const r of timesRuns) {
      expect(text(r)).toMatch(/^×+$/)
      const face = attr(r, 'w:rFonts', 'w:eastAsia')
      expect(attr(r, 'w:rFonts', 'w:ascii')).toBe(face)
      expect(attr(r, 'w:rFonts', 'w:hAnsi')).toBe(face)
    }
    // The text around them is intact and keeps Times New Roman for digits and %.
    expect(text(paragraphWith(xml, '本月督导主题为'))).toBe('本月督导主题为“××”，督学共入校××所次，覆盖率××%。')
    expect(
      runs(paragraphWith(xml, '本月督导主题为'))
        .filter((r) => text(r).includes('%'))
        .every((r) => attr(r, 'w:rFonts', 'w:ascii') === 'Times New Roman'),
    ).toBe(true)
  })

  it('keeps positioned paragraphs off the line grid (w:snapToGrid off in the GwFixed style)', () => {
    expect(d.styles).toMatch(
      /<w:style w:type="paragraph" w:customStyle="1" w:styleId="GwFixed">.*?<w:pPr><w:snapToGrid w:val="0"\/><\/w:pPr>/,
    )
  })

  it('writes every element in the named paragraph style of its role (公文标题, 主送机关, 公文正文, 一级标题 …), which carries the role’s font, size, colour, indent and pitch', () => {
    const firstPara = (xml: string) => /<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/.exec(xml)![0]
    // With its attachment listed, the notice's closing part sits on a tightened page (off the grid; see pageFit below).
    const cases: [
      xml: string,
      styles: string,
      role: PrintTextRole,
      face: string,
      sizePt: number,
      indent?: Record<string, string>,
      tightened?: boolean,
    ][] = [
      [paragraphWith(d.document, '贺兰县人民政府教育督导室文件'), d.styles, 'masthead', F.title, L.masthead.maxSizePt],
      [paragraphWith(d.document, demo.content.docNumber), d.styles, 'docNumber', F.fangsong, 16],
      [paragraphWith(d.document, '关于印发'), d.styles, 'title', F.title, 22],
      [paragraphWith(d.document, '各中小学、幼儿园：'), d.styles, 'recipients', F.fangsong, 16],
      [paragraphWith(d.document, '一、总体思路'), d.styles, 'heading1', F.heiti, 16, { 'w:firstLine': '630' }],
      [paragraphWith(d.document, '1.强化领导'), d.styles, 'heading3', F.fangsong, 16, { 'w:firstLine': '630' }],
      [
        paragraphs(d.document).find((p) => attr(p, 'w:pStyle', 'w:val') === 'GwBody')!,
        d.styles,
        'body',
        F.fangsong,
        16,
        { 'w:firstLine': '630' },
      ],
      [paragraphWith(a.document, '附件：'), a.styles, 'attachmentNote', F.fangsong, 16, undefined, true],
      [paragraphs(d.document).find((p) => text(p) === '贺兰县人民政府教育督导室')!, d.styles, 'signature', F.fangsong, 16],
      [paragraphWith(d.document, '2024年3月22日'), d.styles, 'date', F.fangsong, 16],
      [paragraphWith(d.document, '（此件公开发布）'), d.styles, 'publicityNote', F.fangsong, 16, { 'w:firstLine': '630' }],
      [paragraphs(a.document).find((p) => text(p) === '附件')!, a.styles, 'attachmentLabel', F.heiti, 16],
      [paragraphWith(d.document, '抄送：'), d.styles, 'imprint', F.fangsong, 14, { 'w:left': '1120', 'w:right': '280' }],
      [
        paragraphWith(d.document, '贺兰县人民政府教育督导室2024年3月22日印发'),
        d.styles,
        'imprint',
        F.fangsong,
        14,
        { 'w:left': '280', 'w:right': '280' },
      ],
      [firstPara(d.footers.default), d.styles, 'pageNumber', F.songti, 14, { 'w:right': '280' }],
      [firstPara(d.footers.even), d.styles, 'pageNumber', F.songti, 14, { 'w:left': '280' }],
    ]
    for (const [p, styles, role, face, sizePt, indent, tightened] of cases) {
      const { id, name } = ROLE_TABLE[role].docxStyle
      expect(p, role).toBeDefined()
      expect(attr(p, 'w:pStyle', 'w:val'), role).toBe(id)
      const style = styleXml(styles, id)
      expect(style, role).toContain(`<w:name w:val="${name}"/>`)
      expect(attr(style, 'w:basedOn', 'w:val'), role).toBe(ROLE_TABLE[role].onGrid ? 'Normal' : 'GwFixed')
      // The style's run properties: the role's face and size, red only for the masthead, 3号 with the −0.25 pt spacing.
      const rPr = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(style)![0]
      expect(attr(rPr, 'w:rFonts', 'w:eastAsia'), role).toBe(face)
      expect(attr(rPr, 'w:rFonts', 'w:ascii'), role).toBe(ROLE_TABLE[role].latinInSlot ? face : F.latin)
      expect(attr(rPr, 'w:sz', 'w:val'), role).toBe(String(sizePt * 2))
      expect(attr(rPr, 'w:color', 'w:val'), role).toBe(role === 'masthead' ? 'FF0000' : '000000')
      expect(attr(rPr, 'w:spacing', 'w:val'), role).toBe(sizePt === 16 ? '-5' : undefined)
      // The text is set as the style says (its runs repeat the face; the masthead's size is fitted below its maximum).
      const run = runs(p).find((r) => text(r) !== '')!
      expect(attr(run, 'w:rFonts', 'w:eastAsia'), role).toBe(face)
      if (role !== 'masthead') expect(attr(run, 'w:sz', 'w:val'), role).toBe(String(sizePt * 2))
      // Exact pitch and the role's indent, in effect on the paragraph (from the style or set on it).
      expect(effective(styles, p, 'w:spacing', 'w:lineRule'), role).toBe('exact')
      for (const [k, v] of Object.entries(indent ?? {})) expect(effective(styles, p, 'w:ind', k), `${role} ${k}`).toBe(v)
      expect(offGrid(styles, p), role).toBe(!ROLE_TABLE[role].onGrid || tightened === true)
    }
    // The profile's indents are the styles' own: 正文 two characters, the 版记 one character each side.
    expect(attr(styleXml(d.styles, 'GwBody'), 'w:ind', 'w:firstLine')).toBe('630')
    expect(attr(styleXml(d.styles, 'GwImprint'), 'w:ind', 'w:left')).toBe('280')
    expect(attr(styleXml(d.styles, 'GwImprint'), 'w:ind', 'w:right')).toBe('280')
    // No paragraph with text is left in Normal or GwFixed: every one names its role.
    for (const doc of [d.document, a.document])
      for (const p of paragraphs(doc).filter((x) => text(x).trim() !== ''))
        expect(['Normal', 'GwFixed'], text(p)).not.toContain(attr(p, 'w:pStyle', 'w:val'))
    // …and states its alignment itself, so that a style's alignment never moves a line the composer placed.
    for (const doc of [d.document, a.document, ...Object.values(d.footers)])
      for (const p of paragraphs(doc).filter((x) => !['Normal', 'GwFixed'].includes(attr(x, 'w:pStyle', 'w:val') ?? 'Normal')))
        expect(/<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)![0], text(p)).toMatch(/<w:jc w:val="\w+"\/>/)
  })

  it('sets headings in their level fonts: 一、黑体 (heading part only), 1. 仿宋', () => {
    const h1 = paragraphWith(d.document, '一、总体思路')
    expect(runs(h1).map(text)).toEqual(['一、总体思路'])
    expect(runs(h1)[0]).toContain(`w:eastAsia="${F.heiti}"`)
    const h3 = paragraphWith(d.document, '1.强化领导')
    expect(runs(h3).every((r) => r.includes(`w:eastAsia="${F.fangsong}"`))).toBe(true)
    expect(paragraphWith(d.document, '四、聚焦“国检区考市强”任务强力督导')).toBeDefined()
    // The demo notice numbers its items straight through (itemNumbering: continuous), as the original: 4. under 三、.
    expect(paragraphWith(d.document, '4.建强队伍，走向专业。')).toBeDefined()
    expect(paragraphWith(d.document, '12.完成区、市政府教育督导部门安排的其他工作。')).toBeDefined()
  })

  it('writes 附件说明, 署名 and 成文日期 and 附注 where the standard puts them', () => {
    const note = paragraphWith(a.document, '附件：')
    expect(text(note)).toBe('附件：贺兰县2024年教育督导工作要点')
    expect(attr(note, 'w:ind', 'w:hanging')).toBeDefined()
    expect(note).toContain('<w:keepNext/>') // travels with the 署名 to the next page rather than leave it alone there
    const date = paragraphWith(d.document, '2024年3月22日')
    expect(date).toContain('<w:jc w:val="right"/>')
    expect(attr(date, 'w:ind', 'w:right')).toBe(String(4 * 315))
    const sign = paragraphs(d.document)[paragraphs(d.document).indexOf(date) - 1]
    expect(text(sign)).toBe('贺兰县人民政府教育督导室')
    expect(sign).toContain('<w:keepNext/>')
    const publicity = paragraphWith(d.document, '（此件公开发布）')
    expect(attr(publicity, 'w:ind', 'w:firstLine')).toBe('630')
  })

  it('starts each attachment on a new page with "附件" in 3号黑体 and its title in 2号小标宋', () => {
    const label = paragraphs(a.document).find((p) => text(p) === '附件')!
    expect(label).toContain('<w:pageBreakBefore/>')
    expect(runs(label)[0]).toContain(`w:eastAsia="${F.heiti}"`)
    expect(runs(label)[0]).toContain('<w:sz w:val="32"/>')
    const all = paragraphs(a.document)
    const i = all.indexOf(label)
    expect(text(all[i + 1])).toBe('') // line 2 blank
    expect(text(all[i + 2])).toBe('贺兰县2024年教育督导工作要点') // line 3
    expect(runs(all[i + 2])[0]).toContain('<w:sz w:val="44"/>')
  })

  it('印发 notice (attachmentsIssued): no 附件说明, no "附件" label; the issued text opens a new page with its 2号 centred title', () => {
    const all = paragraphs(d.document)
    expect(all.some((p) => text(p).startsWith('附件'))).toBe(false)
    const t = all.find((p) => text(p) === demo.content.attachments[0].title)!
    expect(t).toContain('<w:pageBreakBefore/>')
    expect(t).toContain('<w:jc w:val="center"/>')
    expect(runs(t)[0]).toContain('<w:sz w:val="44"/>')
    expect(runs(t)[0]).toContain(`w:eastAsia="${F.title}"`)
    const i = all.indexOf(t)
    expect(text(all[i + 1])).toBe('') // one blank line, then the body as 正文
    expect(text(all[i + 2])).toBe(demo.content.attachments[0].body[0].text)
    expect(attr(all[i + 2], 'w:ind', 'w:firstLine')).toBe('630')
    // Page numbers continue through the issued text (one numbered section); the 版记 follows on the even
    // page 6 in a section of its own, since the text ends on the odd page 5 (7.4).
    expect(planPageFit(demo, L).pages.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6])
    expect(d.document.match(/<w:sectPr>/g)).toHaveLength(2)
  })

  it('floats the 版记 to the bottom of the 版心 with thick/thin/thick rules (0.35/0.25/0.35 mm)', () => {
    const table = /<w:tbl>(?:(?!<w:tbl>)[\s\S])*?抄送：[\s\S]*?<\/w:tbl>/.exec(d.document)![0]
    const tblpPr = /<w:tblpPr [^>]*\/>/.exec(table)![0]
    expect(tblpPr).toContain('w:vertAnchor="margin"')
    expect(tblpPr).toContain('w:tblpYSpec="bottom"')
    expect(tblpPr).toContain('w:horzAnchor="page"')
    expect(tblpPr).toContain(`w:tblpX="1587"`) // 28 mm: the left edge of the 版心
    expect(attr(table, 'w:tblW', 'w:w')).toBe(String(11906 - 1587 - 1474))
    const cells = table.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!
    expect(cells).toHaveLength(2)
    expect(text(cells[0])).toBe('抄送：银川市人民政府教育督导室，县教育体育局。')
    expect(text(cells[1])).toBe('贺兰县人民政府教育督导室2024年3月22日印发')
    expect(cells[1]).toContain('<w:tab/>')
    const border = (cell: string, side: string) => attr(cell, `w:${side}`, 'w:sz')
    expect(border(cells[0], 'top')).toBe('8') // 1 pt ≈ 0.35 mm
    expect(border(cells[1], 'top')).toBe('6') // 0.75 pt ≈ 0.25 mm
    expect(border(cells[1], 'bottom')).toBe('8')
    // 4号仿宋, one character (280 twips) in on each side; 抄送 wraps under the names.
    const ccPara = /<w:p>[\s\S]*?<\/w:p>/.exec(cells[0])![0]
    expect(runs(ccPara)[0]).toContain('<w:sz w:val="28"/>')
    expect(runs(ccPara)[0]).toContain(`w:eastAsia="${F.fangsong}"`)
    expect(attr(ccPara, 'w:ind', 'w:left')).toBe(String(280 + 3 * 280))
    expect(attr(ccPara, 'w:ind', 'w:hanging')).toBe(String(3 * 280))
    expect(attr(ccPara, 'w:ind', 'w:right')).toBe('280')
    expect(attr(cells[1], 'w:tab', 'w:pos')).toBe(String(11906 - 1587 - 1474 - 280))
    // The table is the last thing in the document, followed only by its anchor paragraph.
    expect(d.document.indexOf(table)).toBeGreaterThan(d.document.indexOf('完成区、市政府教育督导部门安排的其他工作。'))
  })

  it('numbers pages "— PAGE —" in 4号宋体: odd right one character in, even left one character in', () => {
    expect(d.settings).toContain('<w:evenAndOddHeaders/>')
    expect(Object.keys(d.footers).sort()).toEqual(['default', 'even'])
    const odd = d.footers.default
    const even = d.footers.even
    expect(odd).toContain('<w:jc w:val="right"/>')
    expect(attr(odd, 'w:ind', 'w:right')).toBe('280')
    expect(even).toContain('<w:jc w:val="left"/>')
    expect(attr(even, 'w:ind', 'w:left')).toBe('280')
    for (const f of [odd, even]) {
      expect(f).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/)
      expect(text(f).replace(/\s/g, '')).toBe('——')
      expect(f).toContain(`w:ascii="${F.songti}"`)
      expect(f).toContain(`w:eastAsia="${F.songti}"`)
      expect(f).toContain('<w:sz w:val="28"/>')
    }
  })

  it('switches every face with the font profile (windows: 仿宋, 楷体, 黑体, 华文中宋)', async () => {
    const layout: LayoutProfile = { ...L, fontProfile: 'windows' }
    const w = await unzip(await exportDocumentDocx(demo, layout))
    const eastAsia = new Set([...w.document.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]).filter((f) => f !== 'zh-CN'))
    expect(eastAsia).toEqual(new Set(['仿宋', '黑体', '华文中宋']))
    expect(w.styles).toContain('w:eastAsia="仿宋"')
  })
})

describe('docx layout of the special formats', () => {
  const base = demo.content

  it('信函格式: letterhead in the first-page header 30 mm from the page top, red double lines, number flush right, no number on page 1', async () => {
    const spec: DocumentSpec = {
      kind: '函',
      format: 'letter',
      content: {
        ...base,
        mastheadSuffix: '',
        docNumber: '贺政教督函〔2024〕12号',
        title: '关于商请协助开展义务教育质量监测工作的函',
        attachments: [],
      },
    }
    const d = await unzip(await exportDocumentDocx(spec))
    expect(d.document).toContain('<w:titlePg/>')
    expect(Object.keys(d.footers).sort()).toEqual(['default', 'even', 'first'])
    expect(d.footers.first).not.toContain('PAGE')
    const header = d.headers.first
    const frame = /<w:framePr [^>]*\/>/.exec(header)![0]
    expect(frame).toContain(`w:y="${mmToTwips(30)}"`)
    expect(frame).toContain('w:vAnchor="page"')
    expect(text(header)).toBe('贺兰县人民政府教育督导室')
    expect(header).not.toContain('文件')
    // Two double lines of two red lines each, 170 mm long.
    const lines = header.match(/<wps:wsp>[\s\S]*?<\/wps:wsp>/g)!
    expect(lines).toHaveLength(4)
    for (const l of lines) {
      expect(l).toContain('prst="line"')
      expect(l).toContain('<a:srgbClr val="FF0000"/>')
      expect(attr(l, 'a:ext', 'cx')).toBe(String(mmToTwips(170) * 635))
    }
    // Centred on the page (20–190 mm from its left edge), not on the 版心.
    const xs = [...header.matchAll(/<wp:positionH relativeFrom="(\w+)"><wp:posOffset>(-?\d+)</g)]
    expect(xs).toHaveLength(4)
    for (const m of xs) {
      expect(m[1]).toBe('page')
      expect(Number(m[2]) / 635).toBeCloseTo((11906 - mmToTwips(170)) / 2, 0)
    }
    const ys = [...header.matchAll(/<wp:positionV relativeFrom="page"><wp:posOffset>(\d+)</g)].map((m) => Number(m[1]) / 635)
    expect(ys[3]).toBeCloseTo(16838 - mmToTwips(20) - 15, 0) // thick line's lower edge 20 mm above the page bottom
    const numberPara = paragraphs(d.document).find((p) => text(p).includes('贺政教督函〔2024〕12号'))!
    expect(attr(numberPara, 'w:tab', 'w:val')).toBe('right')
    expect(attr(numberPara, 'w:tab', 'w:pos')).toBe(String(11906 - 1587 - 1474))
    // No 印发机关/印发日期 and no rules in its 版记.
    expect(d.document).not.toContain('印发</w:t>')
    const table = /<w:tbl>[\s\S]*?抄送：[\s\S]*?<\/w:tbl>/.exec(d.document)![0]
    expect(table).not.toMatch(/<w:(top|bottom) w:val="single"/)
  })

  it('纪要格式: "××纪要" masthead, 出席/请假/列席 in 黑体 with names in 仿宋', async () => {
    const spec: DocumentSpec = {
      kind: '纪要',
      format: 'minutes',
      content: {
        ...base,
        mastheadSuffix: '纪要',
        docNumber: '第3期',
        recipients: '',
        attachments: [],
        signatureOrgs: [],
        signedDate: '',
        attendance: { present: '张明、李华', absent: '王芳', observers: '' },
      },
    }
    const d = await unzip(await exportDocumentDocx(spec))
    expect(runs(d.document).find((r) => r.includes('FF0000')) && text(runs(d.document).find((r) => r.includes('FF0000'))!)).toBe(
      '贺兰县人民政府教育督导室纪要',
    )
    const present = paragraphWith(d.document, '出席：')
    expect(runs(present)[0]).toContain(`w:eastAsia="${F.heiti}"`)
    expect(text(runs(present)[0])).toBe('出席：')
    expect(runs(present)[1]).toContain(`w:eastAsia="${F.fangsong}"`)
    expect(attr(present, 'w:ind', 'w:hanging')).toBe(String(3 * 315))
    expect(paragraphWith(d.document, '请假：王芳')).toBeDefined()
    expect(d.document).not.toContain('列席：')
  })

  it('纪要格式, closing part carried: no keep-with-next on the last 正文 paragraph; 出席 opens the next page (page break, no blank line above)', async () => {
    const spec = carriedMinutesSpec(base)
    expect(planPageFit(spec, L).fit.outcome).toBe('carried')
    const ps = paragraphs((await unzip(await exportDocumentDocx(spec))).document)
    const last = ps.find((p) => text(p).endsWith('发现问题及时反馈。'))!
    expect(last).not.toContain('<w:keepNext/>')
    const i = ps.findIndex((p) => text(p).startsWith('出席：'))
    expect(ps[i]).toContain('<w:pageBreakBefore/>')
    expect(ps[i]).toContain('<w:keepNext/>')
    expect(ps[i - 1]).toBe(last)
    // Not carried (short 正文 with room): the blank line above 出席 stays, no page break.
    const short = paragraphs(
      (
        await unzip(
          await exportDocumentDocx({
            ...spec,
            content: { ...spec.content, body: spec.content.body.slice(0, 1), attendance: { ...spec.content.attendance, present: '王××' } },
          }),
        )
      ).document,
    )
    const j = short.findIndex((p) => text(p).startsWith('出席：'))
    expect(short[j]).not.toContain('<w:pageBreakBefore/>')
    expect(text(short[j - 1])).toBe('')
  })

  it('上行文 (请示): number flush left one character in, 签发人 (仿宋) + names (楷体) on the same line', async () => {
    const spec: DocumentSpec = {
      kind: '请示',
      format: 'file',
      content: { ...base, signers: ['张明'], title: '关于申请教育督导专项工作经费的请示', attachments: [] },
    }
    const d = await unzip(await exportDocumentDocx(spec))
    const p = paragraphs(d.document).find((x) => text(x).startsWith(base.docNumber))!
    expect(text(p)).toBe(`${base.docNumber}签发人：张明`)
    expect(attr(p, 'w:ind', 'w:left')).toBe('315')
    expect(attr(p, 'w:tab', 'w:val')).toBe('right')
    // The label ends at a right tab 10 twips before the names' column (7.2.4 columns; a tab after it reaches that
    // column's left stop); 张明 ends one character from the right edge.
    expect(attr(p, 'w:tab', 'w:pos')).toBe(String(11906 - 1587 - 1474 - 315 - 2 * 315 - 10))
    const rs = runs(p).filter((r) => text(r) !== '')
    expect(text(rs.find((r) => text(r) === '签发人：')!)).toBe('签发人：')
    expect(rs.find((r) => text(r) === '签发人：')).toContain(`w:eastAsia="${F.fangsong}"`)
    expect(rs.find((r) => text(r) === '张明')).toContain(`w:eastAsia="${F.kaiti}"`)
  })

  it('number lines keep their own alignment under their named style: 请示 without 签发人 flush left, a 信函 without 份号 flush left with the number at the right tab', async () => {
    // 发文字号's style centres (文件格式); a paragraph that sits otherwise says so itself.
    const request = await unzip(
      await exportDocumentDocx({
        kind: '请示',
        format: 'file',
        content: { ...base, signers: [], title: '关于申请经费的请示', attachments: [] },
      }),
    )
    const p = paragraphs(request.document).find((x) => text(x) === base.docNumber)!
    expect(attr(p, 'w:pStyle', 'w:val')).toBe('GwDocNumber')
    expect(effective(request.styles, p, 'w:jc', 'w:val')).toBe('left')
    expect(attr(p, 'w:ind', 'w:left')).toBe('315')
    const letter = await unzip(
      await exportDocumentDocx({
        kind: '函',
        format: 'letter',
        content: { ...base, copyNumber: '', secrecy: '', urgency: '', attachments: [] },
      }),
    )
    const q = paragraphs(letter.document).find((x) => text(x) === base.docNumber)!
    expect(attr(q, 'w:pStyle', 'w:val')).toBe('GwDocNumber')
    expect(effective(letter.styles, q, 'w:jc', 'w:val')).toBe('left')
    expect(attr(q, 'w:tab', 'w:val')).toBe('right')
  })

  it('请示 contact 附注 (7.3.7): full-width parentheses, indented 2 characters, after the 公开 note, chained to it', async () => {
    const spec: DocumentSpec = {
      kind: '请示',
      format: 'file',
      content: {
        ...base,
        signers: ['张明'],
        title: '关于申请教育督导专项工作经费的请示',
        attachments: [],
        contactNote: '联系人：李明，联系电话：0951-8061234',
      },
    }
    const ps = paragraphs((await unzip(await exportDocumentDocx(spec))).document)
    const i = ps.findIndex((p) => text(p) === '（联系人：李明，联系电话：0951-8061234）')
    expect(i).toBeGreaterThan(0)
    expect(text(ps[i - 1])).toBe('（此件公开发布）')
    expect(ps[i - 1]).toContain('<w:keepNext/>')
    expect(ps[i]).not.toContain('<w:keepNext/>')
    expect(attr(ps[i], 'w:ind', 'w:firstLine')).toBe('630')
    expect(attr(ps[i], 'w:spacing', 'w:line')).toBe('579')
    expect(runs(ps[i])[0]).toContain(`w:eastAsia="${F.fangsong}"`)
    expect(runs(ps[i])[0]).toContain('<w:sz w:val="32"/>')
    // No 公开 note: the contact note follows the date, which keeps with it.
    const alone = paragraphs((await unzip(await exportDocumentDocx({ ...spec, content: { ...spec.content, publicityNote: '' } }))).document)
    const j = alone.findIndex((p) => text(p) === '（联系人：李明，联系电话：0951-8061234）')
    expect(text(alone[j - 1])).toBe('2024年3月22日')
    expect(alone[j - 1]).toContain('<w:keepNext/>')
  })

  it('联合行文: the organisations stacked with 文件 to their right, vertically centred', async () => {
    const spec: DocumentSpec = {
      kind: '通知',
      format: 'file',
      content: { ...base, mastheadOrgs: ['贺兰县人民政府教育督导室', '贺兰县教育体育局'] },
    }
    const d = await unzip(await exportDocumentDocx(spec))
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(d.document)![0]
    expect(text(table)).toBe('贺兰县人民政府教育督导室文件贺兰县教育体育局')
    expect(table).toContain('<w:vMerge w:val="restart"/>')
    expect(table).toContain('<w:vAlign w:val="center"/>')
    expect(table).toContain('<w:jc w:val="distribute"/>')
  })
})

describe('docx pagination from shared/documents/pageFit.ts (GB/T 9704 7.3.5.4, 7.4, 7.5)', () => {
  const body = (n: number) => Array.from({ length: n }, () => ({ level: 0 as const, text: '督'.repeat(54) }))
  const doc = (over: Partial<DocumentSpec['content']>): DocumentSpec => ({
    ...demo,
    content: { ...demo.content, attachments: [], ...over },
  })
  const sections = (xml: string) => [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0])

  it('demo notice, issued: fits with the two seal lines; as an ordinary attachment: one seal line kept and the page tightened, the last 正文 paragraph kept with the closing part (widow control)', async () => {
    expect(planPageFit(demo, L).fit).toMatchObject({ outcome: 'fits', signatureBlankLines: 2 })
    const { fit } = planPageFit(labelled, L)
    expect(fit).toMatchObject({ outcome: 'tightened', signatureBlankLines: 1 })
    const w = await unzip(await exportDocumentDocx(labelled))
    const ps = paragraphs(w.document)
    const note = ps.findIndex((p) => text(p).startsWith('附件：'))
    // One blank line (for the seal) between 附件说明 and 署名, at the tight pitch, chained.
    expect(text(ps[note + 1])).toBe('')
    expect(ps[note + 1]).toContain('<w:keepNext/>')
    expect(attr(ps[note + 1], 'w:spacing', 'w:line')).toBe(String(fit.tightPitchTwips))
    expect(text(ps[note + 2])).toBe('贺兰县人民政府教育督导室')
    const last = ps[ps.findIndex((p) => text(p).endsWith('做好各项工作落实。'))]
    expect(last).toContain('<w:keepNext/>')
    expect(last).toContain('<w:widowControl/>')
    // The blank line above 附件说明 and every closing paragraph but the 附注 chain into the next one.
    expect(ps[note - 1]).toContain('<w:keepNext/>')
    expect(ps[note]).toContain('<w:keepNext/>')
    expect(paragraphWith(w.document, '（此件公开发布）')).not.toContain('<w:keepNext/>')
  })

  it('keeps the last 正文 paragraph with the closing part only when it does not run over from the page before (or the part is carried)', async () => {
    const split = doc({ body: [...body(2), { level: 0, text: '导'.repeat(150) }] })
    const { fit } = planPageFit(split, L)
    expect(fit).toMatchObject({ outcome: 'fits', keepBodyWithClosing: false })
    const ps = paragraphs((await unzip(await exportDocumentDocx(split))).document)
    expect(ps.find((p) => text(p) === '导'.repeat(150))).not.toContain('<w:keepNext/>')
    for (const n of [1, 3, 14]) {
      const { fit: f } = planPageFit(doc({ body: body(n) }), L)
      expect(f.keepBodyWithClosing).toBe(true)
    }
  })

  it('tightens the lines of the page where 正文 ends (exact pitch, off the grid) when dropping the seal lines is not enough', async () => {
    const spec = doc({ body: body(14) })
    const { fit } = planPageFit(spec, L)
    expect(fit.outcome).toBe('tightened')
    const pitch = fit.tightPitchTwips!
    expect(pitch).toBeGreaterThanOrEqual(L.pageFit.minLinePitchTwips)
    const tightDocx = await unzip(await exportDocumentDocx(spec))
    const styles = tightDocx.styles
    const ps = paragraphs(tightDocx.document)
    const bodyPs = ps.filter((p) => text(p) === '督'.repeat(54))
    // Every 正文 paragraph in 公文正文 (on the grid); the tightened ones off it (w:snapToGrid off), or LibreOffice
    // would round each line up to a whole grid line again.
    bodyPs.forEach((p, i) => {
      const tight = i >= fit.tightFromBlock
      expect(attr(p, 'w:spacing', 'w:line')).toBe(String(tight ? pitch : 579))
      expect(attr(p, 'w:pStyle', 'w:val')).toBe('GwBody')
      expect(offGrid(styles, p)).toBe(tight)
    })
    for (const [t, style] of [
      ['贺兰县人民政府教育督导室', 'GwSignature'],
      ['2024年3月22日', 'GwDate'],
      ['（此件公开发布）', 'GwAnnotation'],
    ]) {
      const p = ps.find((x) => text(x) === t)!
      expect(attr(p, 'w:spacing', 'w:line')).toBe(String(pitch))
      expect(attr(p, 'w:pStyle', 'w:val')).toBe(style)
      expect(offGrid(styles, p)).toBe(true)
    }
  })

  it('puts a 版记 without room on the last page in a NEXT_PAGE section with empty footers, after a blank page when it would be odd', async () => {
    for (const [n, blank] of [
      [1, false],
      [14, true],
    ] as const) {
      const spec = doc({ body: body(n) })
      expect(planPageFit(spec, L).fit.imprint).toEqual({ ownPage: true, blankPageBefore: blank, numbered: !blank })
      const buffer = await exportDocumentDocx(spec)
      const zip = await JSZip.loadAsync(buffer)
      const xml = await zip.file('word/document.xml')!.async('string')
      const rels = await zip.file('word/_rels/document.xml.rels')!.async('string')
      const [first, second] = sections(xml)
      expect(sections(xml)).toHaveLength(2)
      expect(first).toMatch(/<w:footerReference w:type="default"/)
      expect(second).toContain('<w:type w:val="nextPage"/>')
      // 7.5: after a blank page all three footers of the 版记 section are empty (no PAGE field, no text);
      // right after an odd text page the 版记 page is numbered like the others (issue 13 item 8).
      const footers = [...second.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)]
      expect(footers.map((m) => m[1]).sort()).toEqual(blank ? ['default', 'even', 'first'] : ['default', 'even'])
      for (const m of footers) {
        const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1]
        const footer = await zip.file(`word/${target}`)!.async('string')
        if (blank) expect(footer).not.toMatch(/PAGE|<w:t[ >]/)
        else expect(footer).toMatch(/PAGE/)
      }
      // The 版记 table lives in the second section; the blank page is a paragraph with page-break-before before it.
      const tail = xml.slice(xml.indexOf(first) + first.length)
      expect(tail).toContain('<w:tbl>')
      expect(tail).toContain('抄送：')
      expect(tail.slice(0, tail.indexOf('<w:tbl>')).includes('<w:pageBreakBefore/>')).toBe(blank)
    }
  })

  it('7.4: moves a 版记 that would fit on an odd last page to the next, even page (no blank page, no number); a one-page document keeps it on page 1', async () => {
    // The demo ends on page 5: the 版记 goes to page 6, in its own section with empty footers, no blank page.
    expect(planPageFit(demo, L).fit.imprint).toEqual({ ownPage: true, blankPageBefore: false, numbered: true })
    const xml = (await unzip(await exportDocumentDocx(demo))).document
    const [first, second] = sections(xml)
    expect(sections(xml)).toHaveLength(2)
    const tail = xml.slice(xml.indexOf(first) + first.length)
    expect(tail).toContain('抄送：')
    expect(tail).not.toContain('<w:pageBreakBefore/>')
    expect(second).toContain('<w:type w:val="nextPage"/>')
    // One page (no attachment): a single sheet printed on one side keeps the 版记 at the foot of page 1.
    const one = doc({ title: '关于开展春季开学工作专项督导的通知', body: [{ level: 0, text: '现将有关事项通知如下，请遵照执行。' }] })
    const { fit, pages } = planPageFit(one, L)
    expect(pages).toHaveLength(1)
    expect(fit.imprint).toEqual({ ownPage: false, blankPageBefore: false, numbered: false })
    expect(sections((await unzip(await exportDocumentDocx(one))).document)).toHaveLength(1)
  })
})
