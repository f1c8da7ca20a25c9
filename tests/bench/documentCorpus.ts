/**
 * A generated set of official documents for search benchmarks and tests: deterministic (seeded), about
 * 2,000 characters each, spread over three 机关代字, six years, every kind and status; about one in ten
 * carries a 问题清单 table (学校 | 问题 | 整改期限) and one in twenty a small chart image (content version 2).
 */
import type Database from 'better-sqlite3'
import { formatDocNumber } from '../../shared/documents/docNumber'
import type { BodyBlock, DocumentContent, DocumentFormat, DocumentKind } from '../../shared/documents/types'

export const CORPUS_SERIES = ['贺政教督发', '贺政教督函', '贺教督办'] as const
export const CORPUS_YEARS = [2020, 2021, 2022, 2023, 2024, 2025] as const
const KINDS: DocumentKind[] = ['通知', '通报', '意见', '报告', '请示', '函', '纪要']

/** Mulberry32: a small seeded generator, so every run builds the same documents. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SCHOOLS = [
  '贺兰县第一中学',
  '贺兰县第二中学',
  '金贵镇中心小学',
  '立岗镇中心小学',
  '洪广镇中学',
  '习岗镇第三幼儿园',
  '常信乡中心小学',
  '南梁台子学校',
  '暖泉农场学校',
  '贺兰县回民小学',
  '贺兰县第四幼儿园',
  '丰登镇中心小学',
]
const SUBJECTS = [
  '校园安全',
  '课后服务',
  '作业管理',
  '体质健康',
  '教师培训',
  '控辍保学',
  '义务教育优质均衡',
  '学前教育普及普惠',
  '校舍维修',
  '营养改善计划',
  '教育教学质量',
  '师德师风',
  '责任督学挂牌督导',
  '办学行为',
  '数字校园建设',
  '劳动教育',
  '家校共育',
  '校园文化',
]
const RARE = ['食品安全', '心理健康', '近视防控', '防溺水', '消防演练', '课外读物']
const VERBS = ['进一步加强', '全面落实', '认真开展', '切实做好', '扎实推进', '统筹推进', '持续深化', '着力提升', '严格规范', '稳步实施']
const RESULTS = [
  '取得明显成效',
  '形成长效机制',
  '群众满意度持续提升',
  '问题整改到位',
  '各项指标达到要求',
  '工作台账完整规范',
  '基本达到评估标准',
  '差异系数进一步缩小',
]
const CONNECT = ['同时', '此外', '在此基础上', '对照评估标准', '按照县政府统一部署', '根据督导检查情况', '结合本校实际']
const PROBLEMS = ['台账不完整', '整改不到位', '制度未上墙', '记录缺失', '经费未落实']
/** A 1 × 1 PNG (base64): image bytes are stored in the content but never searched. */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
const TITLES = [
  '关于开展{s}专项督导的通知',
  '关于{s}督导检查情况的通报',
  '关于进一步加强{s}工作的意见',
  '关于{s}工作情况的报告',
  '关于申请{s}专项经费的请示',
  '关于商请协助开展{s}评估的函',
  '{s}工作推进会议纪要',
]

/** 文号 with the year in any of the brackets users type (for search cases). */
export function bracketForms(prefix: string, year: number, seq: number): string[] {
  const fw = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
  return [
    formatDocNumber({ prefix, year, seq }),
    `${prefix}[${year}]${seq}号`,
    `${prefix}【${year}】${seq}号`,
    `${prefix}（${year}）${seq}号`,
    `${prefix}(${year})${seq}号`,
    `${prefix}﹝${year}﹞${seq}号`,
    `${prefix}〔${fw(String(year))}〕${fw(String(seq))}号`,
    `${prefix}[${year}]第${String(seq).padStart(3, '0')}号`,
  ]
}

export interface CorpusDocument {
  kind: DocumentKind
  format: DocumentFormat
  status: 'draft' | 'signed' | 'printed' | 'voided'
  seriesIndex: number
  year: number
  seq: number | null
  content: DocumentContent
  updatedAt: string
}

/** `count` documents of about `chars` characters each. */
export function generateCorpus(count: number, chars = 2000, seed = 20241122): CorpusDocument[] {
  const r = rng(seed)
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]
  const seqs = new Map<string, number>()
  const docs: CorpusDocument[] = []
  for (let i = 0; i < count; i++) {
    const kindIndex = Math.floor(r() * KINDS.length)
    const kind = KINDS[kindIndex]
    const seriesIndex = Math.floor(r() * CORPUS_SERIES.length)
    const year = CORPUS_YEARS[Math.floor((i / count) * CORPUS_YEARS.length)]
    const roll = r()
    const status = roll < 0.12 ? 'draft' : roll < 0.22 ? 'signed' : roll < 0.96 ? 'printed' : 'voided'
    let seq: number | null = null
    if (status !== 'draft') {
      const key = `${seriesIndex}-${year}`
      seq = (seqs.get(key) ?? 0) + 1
      seqs.set(key, seq)
    }
    const subject = pick(SUBJECTS)
    const rare = r() < 0.08 ? pick(RARE) : ''
    const body: BodyBlock[] = []
    let length = 0
    let h1 = 0
    while (length < chars) {
      let text: string
      let level: BodyBlock['level'] = 0
      if (length === 0)
        text = `为${pick(VERBS)}${subject}工作，根据县人民政府教育督导室年度工作安排，现就有关事项${kind === '通报' ? '通报如下' : '通知如下'}。`
      else if (r() < 0.12 && h1 < 6) {
        level = 1
        h1++
        text = `${pick(VERBS)}${pick(SUBJECTS)}`
      } else {
        level = r() < 0.2 ? 3 : 0
        const sentences: string[] = []
        const n = 2 + Math.floor(r() * 4)
        for (let k = 0; k < n; k++) {
          const topic = rare && r() < 0.15 ? rare : pick(SUBJECTS)
          sentences.push(`${pick(CONNECT)}，${pick(SCHOOLS)}${pick(VERBS)}${topic}工作，${pick(RESULTS)}`)
        }
        text = `${sentences.join('；')}。`
      }
      body.push({ level, text })
      length += text.length
    }
    if (r() < 0.1) {
      const rows = [['学校', '问题', '整改期限']]
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--)
        rows.push([pick(SCHOOLS), `${rare || pick(SUBJECTS)}${pick(PROBLEMS)}`, `${year}年${1 + Math.floor(r() * 12)}月底前`])
      body.push({
        kind: 'table',
        level: 0,
        text: '问题清单',
        table: { columns: [{ chars: 8 }, { auto: true }, { chars: 7 }], headerRows: 1, rows, align: ['left', 'left', 'center'] },
      })
    }
    if (r() < 0.05)
      body.push({ kind: 'image', level: 0, text: '图1 督导评估得分', image: { format: 'png', data: TINY_PNG, widthMm: 120, heightMm: 60 } })
    const title = pick(TITLES).replace('{s}', subject)
    const month = 1 + Math.floor(r() * 12)
    const day = 1 + Math.floor(r() * 28)
    const signedDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    const prefix = CORPUS_SERIES[seriesIndex]
    const content: DocumentContent = {
      copyNumber: '',
      secrecy: '',
      urgency: '',
      mastheadOrgs: ['贺兰县人民政府教育督导室'],
      mastheadSuffix: kind === '函' ? '' : kind === '纪要' ? '纪要' : '文件',
      docNumber: seq === null ? '' : formatDocNumber({ prefix, year, seq }),
      signers: kind === '请示' || kind === '报告' ? ['张明'] : [],
      title,
      recipients: '各中小学、幼儿园，各责任督学',
      body,
      attachments: [],
      version: 2,
      signatureOrgs: ['贺兰县人民政府教育督导室'],
      signedDate,
      publicityNote: '此件公开发布',
      ccRecipients: '县教育体育局',
      printingOrg: '贺兰县人民政府教育督导室',
      printedDate: signedDate,
      attendance: { present: '', absent: '', observers: '' },
    }
    const updatedAt = new Date(Date.UTC(year, month - 1, day, 8, Math.floor(r() * 600))).toISOString()
    docs.push({
      kind,
      format: kind === '函' ? 'letter' : kind === '纪要' ? 'minutes' : 'file',
      status,
      seriesIndex,
      year,
      seq,
      content,
      updatedAt,
    })
  }
  return docs
}

/**
 * Writes the corpus through the documents table as the app does (the triggers feed the index), with
 * `extraColumns` for older schemas (e.g. search_text before migration 0006). Returns the series ids.
 */
export function insertCorpus(
  db: Database.Database,
  docs: CorpusDocument[],
  extraColumns: Record<string, (d: CorpusDocument) => unknown> = {},
): number[] {
  const at = '2024-01-01T00:00:00.000Z'
  const seriesIds = CORPUS_SERIES.map((prefix, i) =>
    Number(
      db.prepare('INSERT INTO number_series (prefix, name, sort_order, created_at) VALUES (?, ?, ?, ?)').run(prefix, prefix, i, at)
        .lastInsertRowid,
    ),
  )
  const extra = Object.keys(extraColumns)
  const insert = db.prepare(
    `INSERT INTO documents (kind, format, status, series_id, template_key, title, doc_number, year, content, revision, created_at, updated_at${extra.map((c) => `, ${c}`).join('')})
     VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, 1, ?, ?${extra.map(() => ', ?').join('')})`,
  )
  db.transaction(() => {
    for (const d of docs) {
      insert.run(
        d.kind,
        d.format,
        d.status,
        seriesIds[d.seriesIndex],
        d.content.title,
        d.content.docNumber,
        d.seq === null ? null : d.year,
        JSON.stringify(d.content),
        d.updatedAt,
        d.updatedAt,
        ...extra.map((c) => extraColumns[c](d)),
      )
    }
  })()
  return seriesIds
}
