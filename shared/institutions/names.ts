/**
 * The order of institution and person names everywhere a list is shown or printed: Chinese order (by 拼音 as
 * the zh-CN collation does) with numbers read as numbers, Arabic or Chinese, so that 第2幼儿园 comes before
 * 第10幼儿园 (a plain text order put 第10…第19 before 第1) and 第一小学 before 第二小学. Pure.
 */
const NAME_COLLATOR = new Intl.Collator('zh-CN', { numeric: true })

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** The value of a Chinese numeral below 1000 (一, 十二, 二十, 一百零五, 三〇), or null when it is not one. */
function chineseNumber(s: string): number | null {
  if (/^[〇零一二两三四五六七八九]{2,}$/.test(s) && !/[十百]/.test(s)) return Number([...s].map((c) => DIGITS[c]).join(''))
  const m = /^(?:([一二两三四五六七八九])百)?(?:[零〇])?(?:([一二三四五六七八九])?(十))?([一二三四五六七八九])?$/.exec(s)
  if (!m || s === '') return null
  const hundreds = m[1] ? DIGITS[m[1]] * 100 : 0
  const tens = m[3] ? (m[2] ? DIGITS[m[2]] : 1) * 10 : 0
  const units = m[4] ? DIGITS[m[4]] : 0
  return hundreds + tens + units
}

/** The name with its Chinese numerals written in digits, for sorting only. */
function sortKey(name: string): string {
  return name.replace(/[〇零一二两三四五六七八九十百]+/g, (run) => {
    const n = chineseNumber(run)
    return n === null ? run : String(n)
  })
}

/** Compares two names for sorting (negative: `a` first). */
export function compareNames(a: string, b: string): number {
  return NAME_COLLATOR.compare(sortKey(a), sortKey(b)) || NAME_COLLATOR.compare(a, b)
}
