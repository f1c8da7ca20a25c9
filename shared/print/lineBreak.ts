/**
 * Line breaking of Chinese text with Latin words, on widths from measure.ts (the same model the .docx
 * writer measures with). Pure.
 */
import { advanceAfter } from './measure'

/** Must not begin a line (hung into the margin or pulled back with the previous character). */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉〗”’…—·％‰,.;:?!)]}%'])
/** May hang past the right edge of the line (Word's default "允许标点溢出边界"). */
const HANGING = new Set([...'，。、；：？！,.;:?!'])
/** Must not end a line. */
const NO_LINE_END = new Set([...'（《「『【〔〈〖“‘([{'])
/** Letters and digits kept together (2024, 98.01%, ABC). */
const WORD_CHAR = /^[A-Za-z0-9.%]$/

/**
 * Breaks `chars` (one code point each) into lines; `capacity(i)` is the width of line i in characters of
 * the run, `gap` the width of a CJK–Latin gap in the same unit (measure.ts gapChars). Chinese line-breaking
 * rules: a closing mark never starts a line (a comma or full stop hangs past the edge, other marks pull the
 * previous character down), an opening mark never ends one, and runs of Latin letters and digits are not
 * split when they fit on a line. Returns the lines as arrays of the same characters.
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
      if (HANGING.has(chars[j]) && !(j + 1 < n && NO_LINE_START.has(chars[j + 1]))) {
        j++
      } else {
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
    }
    lines.push(chars.slice(i, j))
    i = j
  }
  return lines
}
