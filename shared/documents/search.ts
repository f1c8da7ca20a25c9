/**
 * Document search, the parts the core and the list page share: how a query is split into terms
 * (文号 brackets and digits normalised), and how a match is cut into a snippet and highlighted.
 * Highlights are data (`HighlightPart[]`), never HTML: the page renders them as text.
 */
import type { DocumentSummary } from './records'
import { normalizeDocNumber, toAsciiDigits } from './docNumber'

/** One search term and the spellings that count as the same term (e.g. [2024] and 〔2024〕). */
export interface SearchTerm {
  /** Every spelling searched for; the first is the normalised one. */
  variants: string[]
}

/** Orders of the document list. relevance only applies with a query of 3+ characters. */
export const DOCUMENT_SORTS = ['relevance', 'updated', 'date', 'docNumber', 'status'] as const
export type DocumentSort = (typeof DOCUMENT_SORTS)[number]

/** A piece of a title or snippet; `hit` pieces are the matched text. */
export interface HighlightPart {
  text: string
  hit: boolean
}

export interface DocumentListItem extends DocumentSummary {
  /** Body text around the first match (about 80 characters), or null without a body match. */
  snippet: HighlightPart[] | null
}

export interface DocumentPage {
  items: DocumentListItem[]
  /** Number of documents matching the filter, over all pages. */
  total: number
  page: number
  pageSize: number
  /** Every spelling of every term, for highlighting titles and numbers. */
  highlights: string[]
}

/** Opening brackets users type around a 文号's year: 〔 [ 【 （ ( ［ ﹝ 〖 {. */
const OPEN = '\u3014\\[\u3010\uFF08(\uFF3B\uFE5D\u3016{\uFF5B'
/** The closing ones: 〕 ] 】 ） ) ］ ﹞ 〗 }. */
const CLOSE = '\u3015\\]\u3011\uFF09)\uFF3D\uFE5E\u3017}\uFF5D'
const YEAR_IN_BRACKETS = new RegExp(`[${OPEN}]\\s*(\\d{4})\\s*[${CLOSE}]\\s*(?:第\\s*)?0*(\\d*)`, 'g')

/**
 * The standard spelling of the 文号 parts of a term: full-width digits to ASCII, any bracket around a
 * four-digit year to 〔〕, no 第 or leading zeros before the sequence number (`【２０２４】第04号` → `〔2024〕4号`).
 */
export function normalizeDocNumberText(term: string): string {
  return toAsciiDigits(term).replace(YEAR_IN_BRACKETS, (_m, year: string, seq: string) => `\u3014${year}\u3015${seq}`)
}

/**
 * Splits a query into terms at white space. A query that is one 文号 with spaces inside (PDF text gives
 * `贺政教督发〔2024〕4 号`) is one term. Each term keeps its own spelling beside the normalised one, so
 * body text quoting `[2024]` is still found.
 */
export function searchTerms(query: string): SearchTerm[] {
  const trimmed = query.trim()
  if (!trimmed) return []
  const compact = trimmed.replace(/\s+/g, '')
  const whole = /\s/.test(trimmed) ? normalizeDocNumber(compact) : null
  const raw = whole ? [compact] : trimmed.split(/\s+/)
  return raw.map((t) => {
    const normal = normalizeDocNumberText(t)
    return { variants: normal === t ? [t] : [normal, t] }
  })
}

/** Case-insensitive positions of any of `words` in `text`, merged, in order. */
function hitRanges(text: string, words: string[]): [number, number][] {
  const lower = text.toLowerCase()
  const ranges: [number, number][] = []
  for (const w of words) {
    if (!w) continue
    const lw = w.toLowerCase()
    for (let i = lower.indexOf(lw); i >= 0; i = lower.indexOf(lw, i + lw.length)) ranges.push([i, i + lw.length])
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: [number, number][] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([...r])
  }
  return merged
}

/** `text` cut into plain and matched pieces. */
export function highlightParts(text: string, words: string[]): HighlightPart[] {
  const parts: HighlightPart[] = []
  let at = 0
  for (const [s, e] of hitRanges(text, words)) {
    if (s > at) parts.push({ text: text.slice(at, s), hit: false })
    parts.push({ text: text.slice(s, e), hit: true })
    at = e
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false })
  return parts
}

/**
 * About `width` characters of `text` around its first match, with … where cut and line breaks as
 * spaces; null when nothing matches.
 */
export function snippetOf(text: string, words: string[], width = 80): HighlightPart[] | null {
  const ranges = hitRanges(text, words)
  if (!ranges.length) return null
  const first = ranges[0][0]
  const start = Math.max(0, first - Math.floor(width / 4))
  const end = Math.min(text.length, start + width)
  const cut = text.slice(start, end).replace(/\s+/g, ' ')
  const parts = highlightParts(cut, words)
  if (start > 0) parts.unshift({ text: '…', hit: false })
  if (end < text.length) parts.push({ text: '…', hit: false })
  return parts
}
