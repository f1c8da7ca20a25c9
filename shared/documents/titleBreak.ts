/**
 * Line breaking for the 标题 (GB/T 9704-2012 7.3.1): 2号小标宋, centred, "回行时，要做到词意完整，
 * 排列对称，长短适宜，间距恰当，标题排列应当使用梯形或菱形". The 156 mm 版心 holds 20 characters of
 * 22 pt, so callers pass maxCharsPerLine = 20 for the standard layout.
 *
 * How a break is chosen (all lines ≤ maxCharsPerLine; a CJK character counts 1, a half-width
 * character 0.5):
 *
 * Hard rules — never broken:
 *  - no line starts with closing punctuation (、，。）》” …) or ends with opening punctuation (（《“ …);
 *  - a run of Latin letters/digits ("2024", "98.01%") stays whole, and a number stays with the
 *    character after it ("2024年", "4号") and with 第 before it.
 *
 * Costs — the cheapest layout wins (dynamic programming over every break position):
 *  - fewest lines first: each line beyond ⌈width / max⌉ costs a lot;
 *  - shape: the lengths must form a 梯形 (upper lines not shorter than lower ones) or a 菱形
 *    (short–long–short); a "funnel" whose last line is the longest is nearly forbidden;
 *    lines of similar length cost less than a full line over a stub;
 *  - word integrity: breaking inside a known word (教育, 督导, 幼儿园 …) is expensive; breaking at a
 *    known word boundary or after punctuation is cheap; between two unknown characters is in between;
 *  - preferences: right before 关于 (after the issuing organisation's name, as in the reference
 *    documents "固原市人民政府教育督导委员会办公室 / 关于印发…"), right after 关于, and right before the
 *    closing 的通知 / 的通报 / 的意见 / 的报告 / 的请示 / 的函 / 的批复 / 的纪要 are the best breaks;
 *  - 《…》: breaking inside a book title is allowed when the book title alone is wider than a line;
 *    for a book title that fits a line it costs so much that it only happens when keeping it whole
 *    would force an extra line and a lopsided shape. (Reference 003 does exactly that:
 *    "…办公室 / 关于印发《2023年广西壮族自治区 / 教育督导工作要点》的通知".)
 *
 * Judgement call on the reference title `关于印发《贺兰县2024年教育督导工作要点》的通知` (width 23,
 * 20 per line): every more balanced two-line split either breaks inside the 20-wide-or-less book
 * title or leaves "关于印发" alone above a longer line (a funnel), so the result is the real
 * document's ["关于印发《贺兰县2024年教育督导工作要点》", "的通知"]: a trapezoid that keeps the book
 * title whole and breaks right before 的通知.
 *
 * Line breaks typed by the user in the title are kept (each typed line is broken further only if
 * it is too long), so a user can always override the automatic choice.
 */

import { gridCharCount, gridChars, isHan } from '../print/measure'
import { HEAD_NOUNS, KIND_ENDINGS, PHRASE_STARTS, TITLE_WORDS } from './titleLexicon'

/** Characters that must not start a line. */
const CLOSING = new Set([...'、，。：；！？）》”’〕】」』〉…—%,.;:!?)]}'])
/** Characters that must not end a line. */
const OPENING = new Set([...'（《“‘〔【「『〈([{'])
/** Punctuation after which a break is natural. */
const PAUSE = new Set([...'、，：；'])

const WORDS = new Set(TITLE_WORDS)

const MAX_WORD_LENGTH = Math.max(...[...WORDS].map((w) => w.length))

/** Latin letters, digits and the marks that glue a number ("98.01%", "2023-2024", "A/B"). */
function isAlnum(ch: string): boolean {
  return /[A-Za-z0-9.%\-_/:+·]/.test(ch) && gridCharCount(ch) === 0.5
}
const isDigit = (ch: string) => /[0-9]/.test(ch)
const isSpace = (ch: string) => /\s/.test(ch)

interface Analysis {
  chars: string[]
  /** cost[g] = cost of breaking before chars[g] (g = 1 … n−1); Infinity = forbidden. */
  cost: number[]
}

/**
 * Cost of breaking before chars[g], before shape and balance are considered. `terms` are words added to the
 * lexicon for this title (the document's organisation names); with `strict`, a break inside any lexicon word
 * is forbidden, otherwise it is only expensive.
 */
function analyse(text: string, maxWidth: number, terms: readonly string[], strict: boolean): Analysis {
  const words = terms.length > 0 ? new Set([...WORDS, ...terms]) : WORDS
  const maxWordLength = Math.max(MAX_WORD_LENGTH, ...terms.map((t) => [...t].length))
  const chars = [...text]
  const n = chars.length
  const cost = new Array<number>(n + 1).fill(8)
  cost[0] = Infinity
  cost[n] = 0

  // Word lexicon: mark gaps inside known words and gaps at their edges.
  const inside = new Array<boolean>(n + 1).fill(false)
  const edge = new Array<number>(n + 1).fill(0)
  const startsHere = new Array<boolean>(n + 1).fill(false)
  const endsHere = new Array<boolean>(n + 1).fill(false)
  for (let i = 0; i < n; i++) {
    for (let len = 1; len <= maxWordLength && i + len <= n; len++) {
      const w = chars.slice(i, i + len).join('')
      if (!words.has(w)) continue
      for (let g = i + 1; g < i + len; g++) inside[g] = true
      startsHere[i] = true
      endsHere[i + len] = true
    }
  }
  for (let g = 1; g < n; g++) edge[g] = (startsHere[g] ? 1 : 0) + (endsHere[g] ? 1 : 0)

  // Book titles 《…》: a gap inside one is expensive, unless the book title alone exceeds a line.
  const inBook = new Array<number>(n + 1).fill(0)
  for (let i = 0; i < n; i++) {
    if (chars[i] !== '《') continue
    let depth = 0
    let j = i
    for (; j < n; j++) {
      if (chars[j] === '《') depth++
      else if (chars[j] === '》' && --depth === 0) break
    }
    if (j >= n) continue
    const wide = gridChars(chars.slice(i, j + 1).join('')) > maxWidth
    for (let g = i + 1; g <= j; g++) inBook[g] = Math.max(inBook[g], wide ? 4 : 40)
    i = j
  }

  const startsAt = (i: number, word: string) => chars.slice(i, i + word.length).join('') === word
  const endsAt = (i: number, word: string) => i >= word.length && chars.slice(i - word.length, i).join('') === word
  for (let g = 1; g < n; g++) {
    // Spaces (pasted "2024 年") are transparent: only the gap before a run of spaces is a candidate,
    // judged by the visible characters on either side.
    if (isSpace(chars[g - 1])) {
      cost[g] = Infinity
      continue
    }
    let b = g
    while (b < n && isSpace(chars[b])) b++
    if (b === n) {
      cost[g] = Infinity
      continue
    }
    const before = chars[g - 1]
    const after = chars[b]
    let c: number
    if (PAUSE.has(before)) c = 0
    else if (isAlnum(before) && isAlnum(after)) c = Infinity
    else if (isDigit(before))
      c = Infinity // a number keeps its unit: 2024年, 4号
    else if (before === '第' && isDigit(after)) c = Infinity
    else if (before === '》' || before === '”' || before === '）') c = 1
    else if (after === '《' || after === '“' || after === '（') c = 1
    else if (isAlnum(after) || isAlnum(before)) c = 2
    else if (inside[g] && inside[b]) c = strict ? Infinity : 40
    else if (after === '的' && KIND_ENDINGS.some((k) => b === n - k.length && endsAt(n, k))) c = -4
    else if (before === '的' && KIND_ENDINGS.some((k) => b === n - k.length + 1 && endsAt(n, k))) c = 60
    else if (startsAt(b, '关于')) c = -6
    else if (endsAt(g, '关于')) c = 1
    else if (HEAD_NOUNS.some((h) => startsAt(b, h)) && endsHere[g]) c = 5
    else if (PHRASE_STARTS.some((p) => startsAt(b, p))) c = 0
    else if (HEAD_NOUNS.some((h) => endsAt(g, h))) c = 1
    else if ('和与及暨并'.includes(after)) c = 0
    else if (edge[g] === 2) c = 2
    else if (after === '的' || before === '的') c = 3
    else if (edge[g] === 1 || startsHere[b]) c = 3
    else c = isHan(before) && isHan(after) ? 8 : 4
    // Kinsoku: never start a line with closing or end one with opening punctuation.
    if (CLOSING.has(after) || OPENING.has(before)) c = Infinity
    if (Number.isFinite(c)) c += inBook[g]
    cost[g] = c
  }
  return { chars, cost }
}

/** Widths of chars[i, j) without the spaces a break leaves at either end, from prefix sums. */
function widthTable(chars: string[]): (i: number, j: number) => number {
  const n = chars.length
  const prefix = new Array<number>(n + 1).fill(0)
  for (let k = 0; k < n; k++) prefix[k + 1] = prefix[k] + gridCharCount(chars[k])
  // firstVisible[i]: first non-space index ≥ i; lastVisibleEnd[j]: end of the last non-space char ≤ j.
  const firstVisible = new Array<number>(n + 1).fill(n)
  for (let k = n - 1; k >= 0; k--) firstVisible[k] = isSpace(chars[k]) ? firstVisible[k + 1] : k
  const lastVisibleEnd = new Array<number>(n + 1).fill(0)
  for (let k = 1; k <= n; k++) lastVisibleEnd[k] = isSpace(chars[k - 1]) ? lastVisibleEnd[k - 1] : k
  return (i, j) => {
    const a = firstVisible[i]
    const b = lastVisibleEnd[j]
    return b > a ? prefix[b] - prefix[a] : 0
  }
}

const EXTRA_LINE = 25
const SHAPE_VIOLATION = 200
const BALANCE_WEIGHT = 15
const STUB = 20
/** A 菱形 that stops narrowing after its widest line ("long / longer / short / short"). */
const DIAMOND_TAIL = 100
/** Lines whose widths differ by no more than this count as equally long for the shape rule. */
const SAME = 1
/** Line counts tried beyond the fewest possible (each costs EXTRA_LINE). */
const EXTRA_LINES_TRIED = 3

/** Phase of the shape so far: 0 level, 1 rising (a line longer than the one above), 2 falling. */
type Phase = 0 | 1 | 2
interface State {
  cost: number
  pos: number
  lines: number
  width: number
  phase: Phase
  /** Some line was longer than the one above (a 菱形, not a 梯形). */
  rose: boolean
  prev: State | null
}

/**
 * The cheapest breaks of one typed line over every line count from the fewest possible to EXTRA_LINES_TRIED
 * more: word costs (analyse) plus the shape — a 梯形 (never longer than the line above) or a 菱形 (longer
 * up to its widest line, then shorter line by line: "long / longer / short / short" is neither) — and balance. Breaks inside lexicon words are forbidden; only when no layout avoids them (a word or name
 * wider than a line) are they allowed at a cost, and cutting by width is the last resort.
 */
function breakLine(text: string, maxWidth: number, terms: readonly string[]): string[] {
  return bestBreaks(text, maxWidth, terms, true) ?? bestBreaks(text, maxWidth, terms, false) ?? hardBreak([...text], maxWidth)
}

function bestBreaks(text: string, maxWidth: number, terms: readonly string[], strict: boolean): string[] | null {
  const { chars, cost } = analyse(text, maxWidth, terms, strict)
  const n = chars.length
  const lineWidth = widthTable(chars)
  const total = lineWidth(0, n)
  if (total <= maxWidth) return [text]
  const minLines = Math.ceil(total / maxWidth)
  const maxLines = minLines + EXTRA_LINES_TRIED

  // Forward dynamic programming over (position, lines, last width, phase, whether it rose).
  const states: Map<number, State>[] = Array.from({ length: n + 1 }, () => new Map())
  states[0].set(-1, { cost: 0, pos: 0, lines: 0, width: 0, phase: 0, rose: false, prev: null })
  for (let i = 0; i < n; i++) {
    for (const s of states[i].values()) {
      if (s.lines >= maxLines) continue
      for (let j = i + 1; j <= n; j++) {
        const w = lineWidth(i, j)
        if (w > maxWidth) break
        const c = cost[j]
        if (!Number.isFinite(c) || w === 0) continue
        let step = c
        let phase = s.phase
        if (s.lines > 0) {
          const diff = w - s.width
          if (diff > SAME) {
            if (phase === 2) step += SHAPE_VIOLATION
            else phase = 1
          } else if (diff < -SAME) phase = 2
          else if (phase === 2 && s.rose) step += DIAMOND_TAIL
          step += BALANCE_WEIGHT * (diff / maxWidth) ** 2
        }
        const lines = s.lines + 1
        const rose = s.rose || (s.lines > 0 && w - s.width > SAME)
        if (j === n) {
          if (phase === 1) step += SHAPE_VIOLATION // the last line is the longest: a funnel
          if (w < 2) step += STUB
          step += Math.max(0, lines - minLines) * EXTRA_LINE
        }
        const next: State = { cost: s.cost + step, pos: j, lines, width: w, phase, rose, prev: s }
        const key = ((lines * 10_000 + w * 2) * 3 + phase) * 2 + (rose ? 1 : 0)
        const known = states[j].get(key)
        if (!known || next.cost < known.cost) states[j].set(key, next)
      }
    }
  }

  let best: State | null = null
  for (const s of states[n].values()) if (!best || s.cost < best.cost || (s.cost === best.cost && s.lines < best.lines)) best = s
  if (!best) return null
  const cuts: number[] = []
  for (let s: State | null = best; s && s.pos > 0; s = s.prev) cuts.unshift(s.pos)
  const lines: string[] = []
  let from = 0
  for (const to of cuts) {
    lines.push(chars.slice(from, to).join('').trim())
    from = to
  }
  return lines
}

/** Last resort (a run of letters wider than a line): cut by width, still keeping punctuation off line starts. */
function hardBreak(chars: string[], maxWidth: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of chars) {
    if (line !== '' && gridChars(line + ch) > maxWidth && !CLOSING.has(ch)) {
      lines.push(line.trim())
      line = ''
    }
    line += ch
  }
  if (line.trim() !== '') lines.push(line.trim())
  return lines
}

/**
 * Splits a 标题 into centred lines of at most `maxCharsPerLine` characters (CJK 1, half-width 0.5),
 * at word boundaries and in a 梯形 / 菱形 shape; see the rules at the top of this file. A title that
 * fits stays one line. Line breaks the user typed are kept.
 */
export function breakTitle(title: string, maxCharsPerLine: number, terms: readonly string[] = []): string[] {
  if (!(maxCharsPerLine >= 1)) throw new RangeError(`每行字数应至少为1：${maxCharsPerLine}`)
  const typed = title
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  if (typed.length === 0) return []
  const names = terms.map((t) => t.trim()).filter((t) => [...t].length >= 2)
  return typed.flatMap((line) => breakLine(line, maxCharsPerLine, names))
}
