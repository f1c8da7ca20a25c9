/**
 * Line breaking of Chinese text with Latin words, on widths from measure.ts (the same model the .docx
 * writer measures with). Pure.
 */
import { advanceAfter } from './measure'

/** Must not begin a line (行首禁则): pulled back to the previous line with the character before it. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉〗”’…—·％‰,.;:?!)]}%'])
/** Must not end a line. */
const NO_LINE_END = new Set([...'（《「『【〔〈〖“‘([{'])
/** Letters and digits kept together (2024, 98.01%, ABC). */
const WORD_CHAR = /^[A-Za-z0-9.%]$/

/**
 * Breaks `chars` (one code point each) into lines; `capacity(i)` is the width of line i in characters of
 * the run, `gap` the width of a CJK–Latin gap in the same unit (measure.ts gapChars). Chinese line-breaking
 * rules (禁则): a closing mark never starts a line and never hangs past the line's end either (GB/T 9704
 * 5.2.1: every character inside the 版心, 28 to a line): the character before it goes down with it, as Word
 * and LibreOffice do with w:overflowPunct off (styles.ts). An opening mark never ends a line, and runs of
 * Latin letters and digits are not split when they fit on a line. Returns the lines as arrays of the same
 * characters.
 */
export function wrapChars(chars: string[], capacity: (line: number) => number, gap = 0): string[][] {
  const lines: string[][] = []
  let i = 0
  const n = chars.length
  while (i < n) {
    const cap = capacity(lines.length)
    let w = 0
    let j = i
    while (j < n) {
      const u = advanceAfter(j > i ? chars[j - 1] : undefined, chars[j], gap)
      if (w + u > cap + 1e-9) break
      w += u
      j++
    }
    if (j === i) j = i + 1
    if (j < n) {
      let k = j
      while (k > i + 1 && NO_LINE_START.has(chars[k])) k--
      if (!NO_LINE_START.has(chars[k])) j = k
      while (j > i + 1 && NO_LINE_END.has(chars[j - 1])) j--
      if (j < n && WORD_CHAR.test(chars[j - 1]) && WORD_CHAR.test(chars[j])) {
        let s = j
        while (s > i && WORD_CHAR.test(chars[s - 1])) s--
        if (s > i) j = s
      }
    }
    lines.push(chars.slice(i, j))
    i = j
  }
  return lines
}
