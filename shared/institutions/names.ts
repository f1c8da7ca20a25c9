/**
 * The order of institution and person names everywhere a list is shown or printed: Chinese order (by 拼音 as
 * the zh-CN collation does) with numbers read as numbers, so that 第2幼儿园 comes before 第10幼儿园 (a plain
 * text order put 第10…第19 before 第1). Pure.
 */
const NAME_COLLATOR = new Intl.Collator('zh-CN', { numeric: true })

/** Compares two names for sorting (negative: `a` first). */
export function compareNames(a: string, b: string): number {
  return NAME_COLLATOR.compare(a, b)
}
