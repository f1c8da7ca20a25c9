/**
 * What every document the supervision ledger writes shares: the 公文 frame (masthead, 署名, dates, 版记) taken
 * from the office, small text helpers (Chinese dates, ranges, percentages) and the table helpers of the
 * problem lists. Pure: plain data in, a DocumentSpec (shared/documents/types.ts, content version 2) out.
 */
import { formatChineseDate } from '../../documents/chineseDate'
import type { ColumnWidth, TableSpec } from '../../print/blocks'
import { AUTO_SPACE_EM, measureChars } from '../../print/measure'
import {
  CONTENT_VERSION,
  type Attachment,
  type BodyBlock,
  type DocumentContent,
  type ParagraphBlock,
  type PublicityNote,
  type TableBlock,
} from '../../documents/types'

/** The office data a generated document prints: its name (署名, 印发机关) and its 发文机关标志 text. */
export interface IssuingOffice {
  /** 机关全称, e.g. 贺兰县人民政府教育督导室. */
  fullName: string
  /** 发文机关标志 as entered in 机关信息, usually the full name + 文件. */
  mastheadText: string
}

/**
 * The office's area as its documents say it — 全县, 全区 (a 市辖区 or 旗 office says 全区 / 全旗), 全市 — from the level
 * named in its 机关全称 before 人民政府 (贺兰县人民政府教育督导室 → 全县, 金凤区人民政府… → 全区); 全县（区） when
 * the name says none of them.
 */
export function jurisdictionWord(office: Pick<IssuingOffice, 'fullName'>): string {
  const m = /(县|区|旗|市)(?:人民政府|政府|教育)/.exec(office.fullName)
  return m ? `全${m[1]}` : '全县（区）'
}

/** The parts of a generated document that differ per kind; the frame comes from `documentFrame`. */
export interface DocumentParts {
  title: string
  recipients: string
  body: BodyBlock[]
  attachments?: Attachment[]
  /** 成文日期 and 印发日期, ISO YYYY-MM-DD. */
  signedDate: string
  publicityNote: PublicityNote
  /** The number printed in the 发文字号 slot ('' = given at 签发 by the register). */
  docNumber?: string
  ccRecipients?: string
}

/**
 * A whole DocumentContent (文件格式) from the office and the kind's parts: masthead = the office's 发文机关标志
 * without its trailing 文件 (the suffix is printed separately), 署名 and 印发机关 = the full name.
 */
export function documentFrame(office: IssuingOffice, parts: DocumentParts): DocumentContent {
  const masthead = office.mastheadText.trim()
  const mastheadOrg = masthead.endsWith('文件') && masthead.length > 2 ? masthead.slice(0, -2) : office.fullName
  return {
    version: CONTENT_VERSION,
    copyNumber: '',
    secrecy: '',
    urgency: '',
    mastheadOrgs: [mastheadOrg],
    mastheadSuffix: '文件',
    docNumber: parts.docNumber ?? '',
    signers: [],
    title: parts.title,
    recipients: parts.recipients,
    body: parts.body,
    attachments: parts.attachments ?? [],
    signatureOrgs: [office.fullName],
    signedDate: parts.signedDate,
    publicityNote: parts.publicityNote,
    ccRecipients: parts.ccRecipients ?? '',
    printingOrg: office.fullName,
    printedDate: parts.signedDate,
    attendance: { present: '', absent: '', observers: '' },
    itemNumbering: 'perSection',
    contactNote: '',
    attachmentsIssued: false,
  }
}

/** A paragraph (level 0) or heading (1 一、 … 4 （1）) of 正文. */
export function para(text: string, level: ParagraphBlock['level'] = 0): ParagraphBlock {
  return { kind: 'paragraph', level, text }
}

/** A table block of 正文 with one header row; `caption` '' = no 表题. */
export function table(caption: string, header: string[], rows: string[][], columns: ColumnWidth[], align?: TableSpec['align']): TableBlock {
  return { kind: 'table', level: 0, text: caption, table: { columns, headerRows: 1, rows: [header, ...rows], ...(align ? { align } : {}) } }
}

/** '2025-03-05' → 2025年3月5日. @throws RangeError on a date that is not a real ISO date. */
export const cnDate = formatChineseDate

/** '2025-03-05' → 3月5日 (the year left out, as a notice about its own month writes it). */
export function cnMonthDay(isoDate: string): string {
  return cnDate(isoDate).replace(/^\d+年/, '')
}

/** A date range in words: 3月6日至3月10日; the same day once. */
export function cnRange(from: string, to: string): string {
  return from === to ? cnMonthDay(from) : `${cnMonthDay(from)}至${cnMonthDay(to)}`
}

/** 2025年3月 for a month. */
export function cnMonth(year: number, month: number): string {
  return `${year}年${month}月`
}

/**
 * A ratio as a percentage with one decimal, trailing .0 dropped: 0.8 → 80%, 2/3 → 66.7%; null → 无 (nothing to
 * divide: no entry was due).
 */
export function percent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '无'
  const value = Math.round(ratio * 1000) / 10
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`
}

/** The calendar date a UTC-midnight Date stands for, YYYY-MM-DD (date arithmetic only: never an instant). */
function isoOfUtc(t: Date): string {
  return `${t.getUTCFullYear()}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`
}

/** ISO date plus `days` (calendar days, no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  return isoOfUtc(new Date(Date.UTC(y, m - 1, d + days)))
}

/** The last day of a month, ISO. */
export function monthEnd(year: number, month: number): string {
  return isoOfUtc(new Date(Date.UTC(year, month, 0)))
}

/** Day `day` of a month as ISO, clamped to the month's last day (day 31 of February → 28 or 29). */
export function dayOfMonth(year: number, month: number, day: number): string {
  const last = Number(monthEnd(year, month).slice(8))
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(Math.max(1, day), last)).padStart(2, '0')}`
}

/** Names joined the Chinese way: 甲、乙和丙. */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join('、')}和${names[names.length - 1]}`
}

/** Ends a sentence with 。 unless it already ends with a full stop, ！ or ？. */
export function sentence(text: string): string {
  const t = text.trim()
  return t === '' || /[。！？；]$/.test(t) ? t.replace(/；$/, '。') : `${t}。`
}

/**
 * A column of names (学校 in a 问题清单): as wide as the longest name plus its cell padding (½ 字), in whole 字, at
 * least `min` and at most `max` (8: a longer name wraps rather than squeeze the 问题 column below 11 字), so that
 * short names leave the 问题 column more room.
 */
export function nameColumn(names: string[], min = 4, max = 8): ColumnWidth {
  const widest = Math.max(0, ...names.map((n) => measureChars(n.trim(), AUTO_SPACE_EM)))
  return { chars: Math.min(max, Math.max(min, Math.ceil(widest + 0.5))) }
}

/**
 * The 整改期限 column of a problem table: dates of the document's own year without the year (10月15日, a column of
 * 6 字 with its cell padding), any other year's in full (2026年10月10日, 8 字); '' → 未定.
 */
export function deadlineColumn(deadlines: string[], documentYear: number): { texts: string[]; width: ColumnWidth } {
  const sameYear = deadlines.every((d) => d === '' || Number(d.slice(0, 4)) === documentYear)
  return {
    texts: deadlines.map((d) => (d === '' ? '未定' : sameYear ? cnMonthDay(d) : cnDate(d))),
    width: { chars: sameYear ? 6 : 8 },
  }
}
