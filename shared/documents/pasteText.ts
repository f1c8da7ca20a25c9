/**
 * Turning pasted text into 正文 blocks. Users paste from Word, from web pages and from PDFs; PDF
 * extraction (see /work/shared/reference) breaks every printed line, often puts a blank line
 * between all lines, adds spaces around numbers ("2024 年") and leaves page numbers ("— 3 —").
 */

import { parseChineseDate } from './chineseDate'
import { parseDocNumber, toAsciiDigits } from './docNumber'
import { gridChars, isCjk, isCjkPunctuation, isHan } from '../print/measure'
import type { BodyBlock } from './types'

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' }

const isAsciiAlnum = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9%]/.test(ch)
const isBlank = (ch: string | undefined) => ch !== undefined && /[ \t\u00A0]/.test(ch)

/** Nearest character before index i that is not a space or tab (undefined at the start or a line break). */
function visibleBefore(chars: string[], i: number): string | undefined {
  let k = i - 1
  while (k >= 0 && isBlank(chars[k])) k--
  return k >= 0 && chars[k] !== '\n' ? chars[k] : undefined
}

function visibleAfter(chars: string[], i: number): string | undefined {
  let k = i + 1
  while (k < chars.length && isBlank(chars[k])) k++
  return k < chars.length && chars[k] !== '\n' ? chars[k] : undefined
}

const nextToCjk = (chars: string[], i: number) => {
  const before = visibleBefore(chars, i)
  const after = visibleAfter(chars, i)
  return (before !== undefined && isCjk(before)) || (after !== undefined && isCjk(after))
}

/** Converts matched ASCII parentheses around or next to Chinese text into （）, then lone ones next to Chinese. */
function convertParentheses(chars: string[]): void {
  const stack: number[] = []
  const pairs: [number, number][] = []
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '\n') stack.length = 0
    else if (chars[i] === '(' || chars[i] === '（') stack.push(i)
    else if ((chars[i] === ')' || chars[i] === '）') && stack.length > 0) pairs.push([stack.pop()!, i])
  }
  const paired = new Set<number>()
  for (const [open, close] of pairs) {
    paired.add(open)
    paired.add(close)
    if (chars[open] === '（' && chars[close] === '）') continue
    const inner = chars.slice(open + 1, close)
    const chinese = inner.some((ch) => isHan(ch)) || nextToCjk(chars, open) || nextToCjk(chars, close)
    if (chinese) {
      chars[open] = '（'
      chars[close] = '）'
    }
  }
  for (let i = 0; i < chars.length; i++) {
    if ((chars[i] === '(' || chars[i] === ')') && !paired.has(i) && nextToCjk(chars, i)) chars[i] = HALF_TO_FULL[chars[i]]
  }
}

/** Straight double quotes "…" → “…” in pairs (within a line); quotes already curly are left alone. */
function convertDoubleQuotes(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let open = true
      const count = (line.match(/"/g) ?? []).length
      if (count < 2) return line
      let seen = 0
      return line.replace(/"/g, () => {
        seen++
        // An odd quote left over at the end of the line stays straight.
        if (seen === count && count % 2 === 1) return '"'
        const q = open ? '“' : '”'
        open = !open
        return q
      })
    })
    .join('\n')
}

/**
 * Tidies punctuation and spacing for a Chinese official document:
 *  - half-width , ; : ? ! ( ) next to Chinese text become ，；：？！（）, and a half-width full stop
 *    right after a Chinese character at the end of a sentence becomes 。;
 *  - straight double quotes "…" become “…” in pairs, straight single quotes around Chinese become ‘…’;
 *  - spaces between Chinese characters, between Chinese and digits or letters, and around Chinese
 *    punctuation are removed ("2024 年" → "2024年");
 *  - decimals (98.01%), times (8:30), URLs, "1,000" and the level-3 number "1." are left untouched.
 * Line breaks are kept.
 */
export function normalizePunctuation(text: string): string {
  let s = convertDoubleQuotes(text.replace(/\r\n?/g, '\n'))
  s = s.replace(/'([^'\n]*\p{Script=Han}[^'\n]*)'/gu, '‘$1’')
  const chars = [...s]
  convertParentheses(chars)
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]
    if (ch === '.') {
      const before = chars[i - 1]
      const after = chars[i + 1]
      if (before !== undefined && isHan(before) && (after === undefined || after === '\n' || isBlank(after) || isHan(after)))
        chars[i] = '。'
      continue
    }
    if (!(ch in HALF_TO_FULL) || ch === '(' || ch === ')') continue
    const before = visibleBefore(chars, i)
    const after = visibleAfter(chars, i)
    // 8:30, 1,000, http://, a.php?x=1 and similar stay half-width.
    if (ch === ':' && chars[i + 1] === '/' && chars[i + 2] === '/') continue
    if ((before !== undefined && isCjk(before)) || (after !== undefined && isCjk(after))) chars[i] = HALF_TO_FULL[ch]
  }
  // Remove spaces next to Chinese: between Chinese characters, Chinese and digits/letters, around Chinese punctuation.
  const out: string[] = []
  for (let i = 0; i < chars.length; i++) {
    if (isBlank(chars[i])) {
      let j = i
      while (j < chars.length && isBlank(chars[j])) j++
      const before = out.length > 0 ? out[out.length - 1] : undefined
      const after = chars[j]
      const removable =
        before !== undefined &&
        after !== undefined &&
        before !== '\n' &&
        after !== '\n' &&
        (isCjkPunctuation(before) ||
          isCjkPunctuation(after) ||
          (isHan(before) && (isHan(after) || isAsciiAlnum(after))) ||
          (isAsciiAlnum(before) && isHan(after)))
      if (!removable) out.push(...chars.slice(i, j))
      i = j - 1
      continue
    }
    out.push(chars[i])
  }
  return out.join('')
}

// ---------------------------------------------------------------------------------------------
// parsePastedText

const CN_NUM = '[一二三四五六七八九十百零〇]+'
/** Numbering at the start of a line, deepest-specific first. The number itself is dropped: numbering is regenerated. */
const NUMBERING: { level: 1 | 2 | 3 | 4; re: RegExp }[] = [
  { level: 2, re: new RegExp(`^[（(]\\s*${CN_NUM}\\s*[）)]\\s*`) },
  { level: 4, re: /^[（(]\s*\d{1,3}\s*[）)]\s*/ },
  { level: 1, re: new RegExp(`^${CN_NUM}\\s*[、．.]\\s*`) },
  { level: 3, re: /^\d{1,3}\s*[.．、](?!\d)\s*/ },
  // Numbers typed from Word's symbol menu: ⑴–⒇ (U+2474–U+2487) and ①–⑳ (U+2460–U+2473) are the
  // fourth level （1）, ⒈–⒛ (U+2488–U+249B) the third 1.
  { level: 4, re: /^[\u2474-\u2487\u2460-\u2473]\s*/ },
  { level: 3, re: /^[\u2488-\u249B]\s*/ },
]

/** Detects existing numbering (一、 （一） (一) 1. 1． 1、 ⒈ （1） (1) ⑴ ①) and returns the level and the text after it. */
export function detectNumbering(line: string): { level: 0 | 1 | 2 | 3 | 4; text: string } {
  const ascii = toAsciiDigits(line)
  for (const { level, re } of NUMBERING) {
    const m = re.exec(ascii)
    if (m) return { level, text: [...line].slice([...m[0]].length).join('') }
  }
  return { level: 0, text: line }
}

/** Page numbers printed by GB/T 9704 ("— 3 —") and the variants extraction produces ("- 3 -", "－3－", "第 3 页", "第3页 共10页"). */
const PAGE_NUMBER_RES = [
  /^[-—–－―~～]+\s*\d{1,4}\s*[-—–－―~～]+$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
]
const isPageNumber = (line: string) => PAGE_NUMBER_RES.some((re) => re.test(toAsciiDigits(line)))

/** A line ending like this ends a sentence, so it ends a paragraph (the closing quote/bracket after 。 counts too). */
const SENTENCE_END = /[。！？；：…!?;][”’）)》」』]*$/
/** A line ending like this cannot end a paragraph. */
const CONTINUES = /[，、（《“‘(,]$/
/**
 * In text with one paragraph per line, a line without final punctuation continues on the next line
 * (a paragraph split by a page break) only when it is at least this wide or holds clause
 * punctuation; a shorter phrase is a heading, a title or a signature.
 */
const PER_LINE_LONG = 40
/** A title line ends with the 文种 or 工作要点 … and holds no clause punctuation and no unclosed 《. */
const TITLE_END = /(的(通知|通报|意见|报告|请示|函|批复|纪要|决定|公告|通告)|工作要点|实施方案|工作方案)$/
const isTitleLine = (line: Line) =>
  line.level === 0 &&
  TITLE_END.test(line.text) &&
  !/[，。；：、]/.test(line.text) &&
  (line.text.match(/《/g) ?? []).length <= (line.text.match(/》/g) ?? []).length

interface Line {
  text: string
  level: 0 | 1 | 2 | 3 | 4
  width: number
  indented: boolean
  blankBefore: boolean
  standalone: boolean
}

interface Layout {
  /** Blank lines separate paragraphs (false when the text has a blank line between most lines). */
  blankLinesBreak: boolean
  /** Hard-wrapped text (PDF): most lines are full; a line narrower than shortWidth ends its paragraph. */
  wrapped: boolean
  shortWidth: number
  /** One paragraph per line (Word, web pages, some PDF extractors); false when there are too few lines to tell. */
  perLine: boolean
}

function readLines(text: string): Line[] {
  const raw = text
    .replace(/\r\n?|[\f\v\u2028\u2029\u0085]/g, '\n')
    .replace(/\uFEFF/g, '')
    .split('\n')
  const lines: Line[] = []
  let blank = false
  let afterPageNumber = false
  for (const r of raw) {
    const trimmed = r.trim()
    if (trimmed === '') {
      if (!afterPageNumber) blank = true
      continue
    }
    if (isPageNumber(trimmed)) {
      // A page break: the paragraph around it continues, blank lines next to it mean nothing.
      blank = false
      afterPageNumber = true
      continue
    }
    afterPageNumber = false
    const { level, text: rest } = detectNumbering(trimmed)
    const body = normalizePunctuation(rest).trim()
    const compact = trimmed.replace(/\s+/g, '')
    lines.push({
      text: body,
      level,
      width: gridChars(normalizePunctuation(trimmed)),
      indented: /^(\u3000|\t| {2,})/.test(r),
      blankBefore: blank,
      standalone: parseChineseDate(compact) !== null || parseDocNumber(compact) !== null,
    })
    blank = false
  }
  return lines
}

function detectLayout(lines: Line[]): Layout {
  const gaps = lines.length - 1
  const blankGaps = lines.slice(1).filter((l) => l.blankBefore).length
  const doubleSpaced = gaps >= 3 && blankGaps / gaps >= 0.6
  if (lines.length < 4) return { blankLinesBreak: !doubleSpaced, wrapped: false, shortWidth: 0, perLine: false }
  const widths = lines.map((l) => l.width).sort((a, b) => a - b)
  const full = widths[Math.floor(widths.length * 0.9)]
  const nearFull = widths.filter((w) => w >= full - 3).length
  // PDF text: most lines are printed full width (28 characters of 3号 in the standard layout).
  const wrapped = full >= 15 && full <= 60 && nearFull >= 0.4 * widths.length
  return { blankLinesBreak: !doubleSpaced, wrapped, shortWidth: full - 4, perLine: !wrapped }
}

/** A heading alone on its line (no sentence inside), e.g. "二、持续深化教育督导体制机制改革". */
const isBareHeading = (line: Line) => (line.level === 1 || line.level === 2) && !/[。！？；]/.test(line.text)

function continues(prev: Line, cur: Line, layout: Layout): boolean {
  if (prev.text === '' && prev.level !== 0) return true // "一、" alone on its line: the heading text follows
  if (cur.level !== 0 || cur.indented || cur.standalone || prev.standalone) return false
  if (cur.blankBefore && layout.blankLinesBreak) return false
  if (SENTENCE_END.test(prev.text)) return false
  if (CONTINUES.test(prev.text)) return true
  if (layout.wrapped) return prev.width >= layout.shortWidth
  if (isBareHeading(prev) || isTitleLine(prev)) return false
  if (layout.perLine) return prev.width >= PER_LINE_LONG || /[，、；：,]/.test(prev.text)
  return true
}

function join(a: string, b: string): string {
  const last = a[a.length - 1]
  return /[A-Za-z]/.test(last ?? '') && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b
}

/**
 * Turns pasted plain text into 正文 blocks:
 *  - existing numbering at a line start (一、 / （一） or (一) / 1. 1． 1、 ⒈ / （1） (1) ⑴ ①) sets the level
 *    1–4 and is removed (numbers are regenerated by numberBlocks);
 *  - lines broken by the source are joined back into paragraphs. A line continues the previous one
 *    unless the previous line ends a sentence (。！？；：), the line starts a new numbered item or is
 *    indented, a date or a document number stands alone, or a blank line separates them — blank
 *    lines count only when the text does not put a blank line between most lines (PDF extraction
 *    does, so there they mean nothing);
 *  - in hard-wrapped text (PDF: most lines equally full) a line clearly shorter than a full line
 *    ends its paragraph ("一、总体思路"); in text with one paragraph per line (Word, web pages) a
 *    numbered heading without a sentence, a title ("…的通知", "…工作要点") and a phrase under 40
 *    characters without clause punctuation (a signature) stand alone, while a longer line or one
 *    with ，、 inside continues (a paragraph split by a page break); with fewer than four lines
 *    only punctuation, numbering and blank lines decide;
 *  - a line ending with ，、 or an opening bracket always continues;
 *  - page-number lines ("— 3 —", "- 3 -", "第3页") are dropped and the paragraph around them rejoined;
 *  - punctuation and spacing are normalised with normalizePunctuation.
 */
export function parsePastedText(text: string): BodyBlock[] {
  const lines = readLines(text)
  if (lines.length === 0) return []
  const layout = detectLayout(lines)
  const blocks: BodyBlock[] = []
  let current: Line = lines[0]
  for (const line of lines.slice(1)) {
    if (continues(current, line, layout)) {
      current = { ...current, text: join(current.text, line.text), width: line.width, standalone: false }
      continue
    }
    blocks.push({ level: current.level, text: current.text })
    current = line
  }
  blocks.push({ level: current.level, text: current.text })
  return blocks.map((b) => ({ level: b.level, text: normalizePunctuation(b.text) })).filter((b) => b.text !== '')
}
