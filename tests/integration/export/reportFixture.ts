/**
 * A document whose 正文 holds a 4-column table running over a page break and a PNG chart with a caption
 * (issue 9), for the XML and render tests of tables and images. The chart is drawn here, pixel by pixel,
 * into a real PNG (zlib from Node, no image library): a pale blue panel with four bars.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import type { BodyBlock, DocumentSpec } from '../../../shared/documents/types'
import type { PrintBlock } from '../../../shared/print/blocks'

const root = join(__dirname, '../../..')
export const demo = JSON.parse(readFileSync(join(root, 'seeds/demo/documents/notice-2024-4.json'), 'utf8')) as DocumentSpec

/** The chart's background colour: its pixels give the image's box on a rendered page. */
export const CHART_BACKGROUND = [0xd8, 0xec, 0xff] as const

function crc32(bytes: Uint8Array): number {
  let c = ~0
  for (const b of bytes) {
    c ^= b
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

/** A w × h RGB PNG of a bar chart: pale blue panel, four dark blue bars of the given heights (0–1). */
export function barChartPng(w: number, h: number, values: number[]): Buffer {
  const raw = Buffer.alloc((w * 3 + 1) * h)
  const barW = Math.floor(w / (values.length * 2 + 1))
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0 // filter: none
    for (let x = 0; x < w; x++) {
      const bar = Math.floor(x / barW)
      const inBar = bar % 2 === 1 && (bar - 1) / 2 < values.length && y >= h * (1 - values[(bar - 1) / 2] * 0.9)
      const rgb = inBar ? [0x1f, 0x4e, 0x9a] : CHART_BACKGROUND
      raw.set(rgb, y * (w * 3 + 1) + 1 + x * 3)
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ])
}

const SCHOOLS = [
  '贺兰县第一中学',
  '贺兰县第二中学',
  '贺兰县回民中学',
  '贺兰县第一小学',
  '贺兰县第二小学',
  '贺兰县第三小学',
  '贺兰县第四小学',
  '贺兰县第五小学',
  '贺兰县金山小学',
  '贺兰县洪广小学',
  '贺兰县立岗小学',
  '贺兰县常信小学',
]

/** The table: a header row and 24 schools (some names wrap onto two lines), 4 columns. */
export const TABLE_ROWS: string[][] = [
  ['学校', '班额达标率', '生均校舍面积（平方米）', '督导结论'],
  ...Array.from({ length: 24 }, (_, i) => [
    i >= SCHOOLS.length ? `${SCHOOLS[i % SCHOOLS.length].replace('贺兰县', '县')}分校` : SCHOOLS[i],
    `${(90 + ((i * 7) % 10)).toFixed(1)}%`,
    `${(8 + ((i * 13) % 9) / 2).toFixed(1)}`,
    i % 5 === 3 ? '基本达标，需限期整改' : '达标',
  ]),
]

export const CHART_MM = { widthMm: 120, heightMm: 60 }

/** 正文: two paragraphs, the table (over a page break), a paragraph, the chart with its caption, a closing paragraph. */
export function reportBody(): BodyBlock[] {
  return [
    {
      level: 0,
      text: '根据《贺兰县2024年教育督导工作要点》，县人民政府教育督导室对全县中小学办学条件开展了专项督导，现将有关情况通报如下。',
    },
    { level: 1, text: '主要指标达标情况' },
    {
      kind: 'table',
      level: 0,
      text: '表1 各校主要指标达标情况',
      table: {
        columns: [{ chars: 9 }, { chars: 5 }, { auto: true }, { chars: 7 }],
        headerRows: 1,
        rows: TABLE_ROWS,
        align: ['left', 'center', 'center', 'left'],
      },
    },
    { level: 0, text: '从上表可以看出，全县中小学班额达标率均达到规定要求，生均校舍面积总体达到国家标准，部分学校仍需整改。' },
    {
      kind: 'image',
      level: 0,
      text: '图1 各学段班额达标率',
      image: { format: 'png', data: barChartPng(480, 240, [0.92, 0.97, 0.88, 0.95]).toString('base64'), ...CHART_MM },
    },
    { level: 0, text: '请各学校对照督导结论，认真抓好整改落实。' },
  ]
}

/** The report as a 通报 of the demo office, without attachments. */
export function reportSpec(): DocumentSpec {
  return {
    kind: '通报',
    format: 'file',
    content: {
      ...demo.content,
      title: '关于全县中小学办学条件专项督导情况的通报',
      body: reportBody(),
      attachments: [],
      attachmentsIssued: false,
    },
  }
}

/**
 * A report that is not a 公文, as a newcomer writes its composer (issue 9 "done means"): title, headings,
 * paragraphs, a table over a page break and a chart, straight into the block model.
 */
export function composeSampleReport(): PrintBlock[] {
  const p = (role: 'title' | 'body' | 'tableCaption', text: string, font?: 'heiti' | 'kaiti'): PrintBlock => ({
    kind: 'paragraph',
    role,
    runs: [{ text, ...(font ? { font } : {}) }],
  })
  return [
    p('title', '贺兰县学前教育普及普惠督导评估自评报告'),
    { kind: 'blank', lines: 1 },
    { kind: 'paragraph', role: 'body', keepNext: true, runs: [{ text: '一、基本情况', font: 'heiti' }] },
    p(
      'body',
      '全县共有幼儿园四十二所，其中公办园二十一所，普惠性民办园十五所，在园幼儿一万零三百二十一人。学前三年毛入园率达到百分之九十三点五，普惠性幼儿园覆盖率达到百分之九十一点二。',
    ),
    { kind: 'paragraph', role: 'body', keepNext: true, runs: [{ text: '二、主要指标', font: 'heiti' }] },
    {
      kind: 'table',
      caption: '表1 各校主要指标达标情况',
      table: {
        columns: [{ chars: 9 }, { chars: 5 }, { auto: true }, { chars: 7 }],
        headerRows: 1,
        rows: TABLE_ROWS,
        align: ['left', 'center', 'center', 'left'],
      },
    },
    { kind: 'paragraph', role: 'body', keepNext: true, runs: [{ text: '三、发展趋势', font: 'heiti' }] },
    {
      kind: 'image',
      caption: '图1 各学段班额达标率',
      image: { format: 'png', data: barChartPng(480, 240, [0.92, 0.97, 0.88, 0.95]).toString('base64'), ...CHART_MM },
    },
    { kind: 'pageBreak' },
    p('body', '附：自评工作组成员名单另附。'),
  ]
}
