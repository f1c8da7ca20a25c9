/**
 * Issue 13 item 4 — joint issuance 署名 with seals (GB/T 9704 7.3.5.1 联合行文): "将各发文机关署名按照发文机关
 * 顺序整齐横向排列 … 印章中心线对齐，端正、居中下压发文机关署名，最后一个印章端正、居中下压发文机关署名和成文日期，
 * 印章之间排列整齐、互不相交或相切，每排印章两端不得超出版心". Before: the names were stacked one line apart
 * (10.2 mm), so 42 mm seals overlapped. Checked on the composer's decision and on the preview's geometry.
 */
import { describe, expect, it } from 'vitest'
import { signaturePlacement, type PlacedLine, type PlacedPart } from '../../../shared/documents/compose'
import { GBT9704_LAYOUT, mmToTwips, twipsToMm, typeAreaWidthTwips } from '../../../shared/documents/layout'
import { typesetDocument } from '../../../shared/documents/typeset'
import type { PreviewText } from '../../../shared/documents/previewLayout'
import type { DocumentContent, DocumentSpec } from '../../../shared/documents/types'

const L = GBT9704_LAYOUT
const TYPE_W = typeAreaWidthTwips(L)
const SEAL = mmToTwips(L.signature.sealDiameterMm)
const GAP = mmToTwips(L.signature.sealGapMm)
const PITCH = L.grid.linePitchTwips

const centre = (p: PlacedPart) => (p.leftTwips + TYPE_W - p.rightTwips) / 2
const place = (orgs: string[]) => signaturePlacement(L, { signatureOrgs: orgs, signedDate: '2024-03-22' }, 'sealed')

/** Every seal (a circle of the profile's diameter centred on its name, 7.3.5.1) with its centre in twips: x from the 版心's left, y in lines. */
function seals(lines: PlacedLine[]): { name: string; x: number; y: number }[] {
  return lines.flatMap((l, i) => (l.role === 'signature' ? l.parts.map((p) => ({ name: p.text, x: centre(p), y: i * PITCH })) : []))
}

function expectSealsApartAndInside(lines: PlacedLine[]): void {
  const s = seals(lines)
  for (const a of s) {
    expect(a.x - SEAL / 2).toBeGreaterThanOrEqual(-1e-6)
    expect(a.x + SEAL / 2).toBeLessThanOrEqual(TYPE_W + 1e-6)
  }
  for (let i = 0; i < s.length; i++)
    for (let j = i + 1; j < s.length; j++) expect(Math.hypot(s[i].x - s[j].x, s[i].y - s[j].y)).toBeGreaterThanOrEqual(SEAL + GAP - 1e-6)
}

describe('sealed joint 署名 (7.3.5.1)', () => {
  it('two organisations: side by side on one line, in order, seals apart, the last over the date', () => {
    const lines = place(['贺兰县人民政府教育督导室', '贺兰县教育体育局'])
    expect(lines.map((l) => l.role)).toEqual(['signature', 'date'])
    expect(lines[0].parts.map((p) => p.text)).toEqual(['贺兰县人民政府教育督导室', '贺兰县教育体育局'])
    expect(lines[0].parts[0].leftTwips + 12 * 315).toBeLessThan(lines[0].parts[1].leftTwips)
    expect(centre(lines[0].parts[1])).toBeCloseTo(centre(lines[1].parts[0]), 6)
    expect(lines[1].parts[0].rightTwips).toBe(4 * 315)
    expectSealsApartAndInside(lines)
  })

  it('three short names: one row of three, evenly spaced seal gaps', () => {
    const lines = place(['县督导室', '县教体局', '县财政局'])
    expect(lines.map((l) => l.role)).toEqual(['signature', 'date'])
    const xs = lines[0].parts.map(centre)
    expect(xs[2] - xs[1]).toBeCloseTo(xs[1] - xs[0], 6)
    expect(xs[2]).toBeCloseTo(centre(lines[1].parts[0]), 6)
    expectSealsApartAndInside(lines)
  })

  it('three long names: two rows, columns aligned, the third in the right column over the date, rows a seal apart', () => {
    const lines = place(['贺兰县人民政府教育督导室', '贺兰县教育体育局', '贺兰县财政局'])
    const rows = lines.filter((l) => l.role === 'signature')
    expect(rows.map((r) => r.parts.map((p) => p.text))).toEqual([['贺兰县人民政府教育督导室', '贺兰县教育体育局'], ['贺兰县财政局']])
    expect(centre(rows[1].parts[0])).toBeCloseTo(centre(rows[0].parts[1]), 6)
    expect(centre(rows[1].parts[0])).toBeCloseTo(centre(lines[lines.length - 1].parts[0]), 6)
    // Blank lines between the rows: ⌈(42 + 3) mm / 10.2 mm⌉ = 5 lines from name to name.
    expect(lines.indexOf(rows[1]) - lines.indexOf(rows[0])).toBe(Math.ceil((SEAL + GAP) / PITCH))
    expectSealsApartAndInside(lines)
  })

  it('a single organisation stays centred over the date; the unsealed form stays stacked (7.3.5.2 依次向下编排)', () => {
    const one = place(['贺兰县人民政府教育督导室'])
    expect(one.map((l) => l.parts.length)).toEqual([1, 1])
    expect(centre(one[0].parts[0])).toBeCloseTo(centre(one[1].parts[0]), 6)
    const unsealed = signaturePlacement(
      L,
      { signatureOrgs: ['贺兰县人民政府教育督导室', '贺兰县教育体育局'], signedDate: '2024-03-22' },
      'unsealed',
    )
    expect(unsealed.map((l) => l.role)).toEqual(['signature', 'signature', 'date'])
  })

  it('the preview draws the names where the composer put them (same lines, same x)', () => {
    const content: DocumentContent = {
      copyNumber: '',
      secrecy: '',
      urgency: '',
      mastheadOrgs: ['贺兰县人民政府教育督导室', '贺兰县教育体育局'],
      mastheadSuffix: '文件',
      docNumber: '贺政教督发〔2024〕4号',
      signers: [],
      title: '关于开展2024年春季开学工作专项督导的通知',
      recipients: '各中小学、幼儿园',
      body: [{ level: 0, text: '现将有关事项通知如下。' }],
      attachments: [],
      signatureOrgs: ['贺兰县人民政府教育督导室', '贺兰县教育体育局', '贺兰县财政局'],
      signedDate: '2024-03-22',
      publicityNote: '此件公开发布',
      ccRecipients: '',
      printingOrg: '',
      printedDate: '',
      attendance: { present: '', absent: '', observers: '' },
    }
    const spec: DocumentSpec = { kind: '通知', format: 'file', content }
    const { pages } = typesetDocument(spec, L)
    const items = pages
      .flatMap((p) => p.items)
      .filter((i): i is PreviewText => i.kind === 'text' && (i.role === 'signature' || i.role === 'date'))
    const placed = place(content.signatureOrgs)
    const parts = placed.flatMap((l) => l.parts)
    expect(items.map((i) => i.text)).toEqual(parts.map((p) => p.text))
    const left = twipsToMm(L.page.marginLeftTwips)
    items.forEach((item, k) => expect(item.x - left).toBeCloseTo(twipsToMm(parts[k].leftTwips), 3))
    // Same line for the first two, five lines down for the third, the date on the next line.
    const ys = items.map((i) => i.y)
    expect(ys[1]).toBeCloseTo(ys[0], 6)
    expect(ys[2] - ys[0]).toBeCloseTo(5 * twipsToMm(PITCH), 3)
    expect(ys[3] - ys[2]).toBeCloseTo(twipsToMm(PITCH), 3)
  })
})

describe('sealed 署名 without names', () => {
  it('gives the date alone, or nothing', () => {
    expect(place([]).map((l) => l.role)).toEqual(['date'])
    expect(signaturePlacement(L, { signatureOrgs: [' '], signedDate: '' }, 'sealed')).toEqual([])
  })
})
