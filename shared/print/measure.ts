/**
 * Text measurement: the ONE width model of everything the product prints, used by the A4 preview
 * (shared/print/paginate.ts, shared/documents/elements.ts) and by the .docx writer
 * (electron/core/export/docx/), so that an element centred or indented by computation lands on the same
 * spot in both. Pure: no DOM, no Node.
 *
 * The model is Word's (and LibreOffice's, which copies it for .docx) for text set with the CJK face for
 * ideographs and Times New Roman for Latin letters and digits (w:hint="eastAsia", FONT_PROFILES.latin):
 * - a full-width character (ideograph, CJK punctuation, full-width form, and the “ ” ‘ ’ — … · that the
 *   eastAsia hint sets in the CJK face) is 1 em;
 * - a Latin letter, digit or ASCII mark takes its Times New Roman advance (digits exactly ½ em, "A" 0.722 em,
 *   "i" 0.278 em); other half-width characters ½ em; zero-width characters nothing;
 * - Word's automatic gap ("自动调整中文与西文、数字的间距", AUTO_SPACE_EM) between an ideograph and a Latin
 *   letter or digit, not next to punctuation or spaces.
 * A run's character spacing (w:spacing, −0.25 pt in 3号 body text so that a line holds 28 characters) is
 * counted per full-width character and in proportion to the advance for Latin (½ of it for a digit): a
 * digit is then exactly half a body character, as on the 22 × 28 grid; the difference to Word (which adds
 * the whole spacing to every character) is under 0.05 mm per character.
 *
 * `gridChars` is something else: the COUNT of characters in GB/T 9704's sense (a half-width character
 * counts ½), used where the standard or a rule counts characters (title lines of at most N characters,
 * pasted-line lengths), never to place text.
 */

// ---------------------------------------------------------------------------------------------
// Character classes

/** Han ideographs (BMP blocks and the supplementary planes). */
export function isHan(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch)
}

/** CJK punctuation, full-width forms and Chinese quotes/dashes/ellipsis (not ASCII). */
export function isCjkPunctuation(ch: string): boolean {
  return /[\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\u2018\u2019\u201C\u201D\u2014\u2026\u00B7\uFE30-\uFE4F\uFE50-\uFE6F]/.test(
    ch,
  )
}

/** A Han character or a Chinese punctuation mark. */
export function isCjk(ch: string): boolean {
  return isHan(ch) || isCjkPunctuation(ch)
}

const isZeroWidth = (cp: number) => cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff

// ---------------------------------------------------------------------------------------------
// Counting on the grid (GB/T 9704: 28 characters a line, a half-width character counts ½)

/** Count of one character (one code point) on the character grid: full-width 1, half-width ½, zero-width 0. */
export function gridCharCount(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0
  if (isZeroWidth(cp)) return 0
  if (cp < 0x1100) return 0.5
  if (cp >= 0xff61 && cp <= 0xffdc) return 0.5 // half-width katakana and hangul
  return 1
}

/** Count of characters in `text` on the grid (full-width 1, half-width ½): for rules that count characters, not for placing text. */
export function gridChars(text: string): number {
  let n = 0
  for (const ch of text) n += gridCharCount(ch)
  return n
}

// ---------------------------------------------------------------------------------------------
// Widths as drawn

/**
 * The gap Word and LibreOffice put between an ideograph and a Latin letter or digit ("自动调整中文与西文、
 * 数字的间距", on by default; LibreOffice ignores w:autoSpaceDE, so the exporter keeps the default for both
 * to agree), in em of the font size. Measured in LibreOffice 7.4: 0.2–0.22 em; estimated a little wide so
 * that a line computed to fit does fit.
 */
export const AUTO_SPACE_EM = 0.25

/**
 * Advance widths of Times New Roman (= Times-Roman AFM, = Liberation Serif / Tinos, its metric twins) for
 * printable ASCII U+0020…U+007E, in thousandths of an em.
 */
// prettier-ignore
const TIMES_ASCII = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // space ! " # $ % & ' ( ) * + , - . /
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0–9 : ; < = > ?
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @ A–O
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P–Z [ \ ] ^ _
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // ` a–o
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, //      p–z { | } ~
]

/** Latin-1 marks that appear in Chinese text, in Times New Roman (others of U+00A0–U+00FF: ½ em). */
const TIMES_LATIN1: Record<string, number> = { '\u00A0': 250, '°': 400, '±': 564, '×': 564, '÷': 564, '§': 500, '©': 760, '®': 760 }

/**
 * Characters below U+1100 set full-width in the CJK face: the · that the eastAsia hint puts there, and the ×
 * of template placeholders (××, ×月), which the .docx writer sets in the CJK face explicitly
 * (electron/core/export/docx/fontTable.ts); the preview's PreviewLatin face leaves both out.
 */
const EAST_ASIAN_AMBIGUOUS = new Set(['\u00B7', '×'])

/**
 * Advance of one character (one code point) in em of its font size, as drawn: full-width 1, Latin its Times
 * New Roman advance, other half-width ½, zero-width 0.
 */
export function advanceEm(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0
  if (cp >= 0x20 && cp <= 0x7e) return TIMES_ASCII[cp - 0x20] / 1000
  if (isZeroWidth(cp)) return 0
  if (cp < 0x1100) {
    if (EAST_ASIAN_AMBIGUOUS.has(ch)) return 1
    return (TIMES_LATIN1[ch] ?? 500) / 1000
  }
  if (cp >= 0xff61 && cp <= 0xffdc) return 0.5
  return 1
}

type CharKind = 'han' | 'latin' | 'other'
const kindOf = (ch: string): CharKind => (isHan(ch) ? 'han' : /^[A-Za-z0-9]$/.test(ch) ? 'latin' : 'other')

/** Is there an automatic CJK–Latin gap between these two neighbours (an ideograph and a Latin letter or digit, either order)? */
export function autoSpaceBetween(a: string, b: string): boolean {
  const ka = kindOf(a)
  const kb = kindOf(b)
  return (ka === 'han' && kb === 'latin') || (ka === 'latin' && kb === 'han')
}

/**
 * Width of `text` in characters of its run (a full-width character is 1, a digit ½, "A" 0.722), plus `gap`
 * for every CJK–Latin gap (AUTO_SPACE_EM, or its share of a character when the run has character spacing).
 */
export function measureChars(text: string, gap: number): number {
  let w = 0
  let prev = ''
  for (const ch of text) {
    w += advanceEm(ch) + (prev && autoSpaceBetween(prev, ch) ? gap : 0)
    prev = ch
  }
  return w
}

/** A run's type: font size in points and character spacing in twips (twentieths of a point, w:spacing). */
export interface RunMetrics {
  sizePt: number
  /** Added to every full-width character (in proportion to the advance for others); 0 by default. */
  spacingTwips?: number
}

/** Advance of one full-width character of the run in twips: size plus spacing (16 pt − 0.25 pt = 315 for 3号 body text). */
export function charTwips(run: RunMetrics): number {
  return run.sizePt * 20 + (run.spacingTwips ?? 0)
}

/** A CJK–Latin gap of the run, in characters of the run. */
export function gapChars(run: RunMetrics): number {
  return (AUTO_SPACE_EM * run.sizePt * 20) / charTwips(run)
}

/**
 * Width of `text` in twips as Word draws it in the run `run` (see the model above); not rounded.
 * '贺兰县人民政府教育督导室' at 3号 with −5 twips spacing: 12 × 315 = 3780.
 */
export function textWidthTwips(text: string, run: RunMetrics): number {
  return measureChars(text, gapChars(run)) * charTwips(run)
}

/** Advance of one character in characters of its run, CJK–Latin gap to `prev` included (line breaking). */
export function advanceAfter(prev: string | undefined, ch: string, gap: number): number {
  return advanceEm(ch) + (prev !== undefined && autoSpaceBetween(prev, ch) ? gap : 0)
}
