/**
 * The county's 政府保障 / 教育质量 / 社会认可度 figures of a year as pairs (numerator ÷ denominator), checked
 * the same way whether they come from the 全县 sheet of an import or from the form (balance.saveCounty).
 * Field names come from COUNTY_FIGURES (shared/balance/importFields.ts). Pure.
 */
import { COUNTY_FIGURES } from './importFields'
import type { BalanceCountyYear, CountFigure } from './types'

export type CountyFigureKey = Exclude<keyof BalanceCountyYear, 'statYear'>

/** A problem with one figure: `field` is `<key>.numerator` / `<key>.denominator`, `message` names it in Chinese. */
export interface CountyFigureProblem {
  field: string
  message: string
}

/**
 * Checks one pair of a county figure. Counts are whole numbers ≥ 0; the numerator may not exceed the
 * denominator, except 初中三年巩固率 (transfers in can lift 初三 above the 初一 entrants); with
 * `requireBoth` (the form) a pair with only one side filled is refused, since it can only give 无数据.
 * Returns the problems, empty when the pair is acceptable.
 */
export function checkCountyFigure(
  key: CountyFigureKey,
  pair: Partial<CountFigure>,
  options: { requireBoth?: boolean } = {},
): CountyFigureProblem[] {
  const f = COUNTY_FIGURES.find((x) => x.key === key)
  if (!f) return [{ field: key, message: `未知的全县数据项：${key}` }]
  const out: CountyFigureProblem[] = []
  for (const [side, field] of [
    ['numerator', f.numerator],
    ['denominator', f.denominator],
  ] as const) {
    const v = pair[side]
    if (v == null) continue
    if (!Number.isInteger(v) || v < 0) out.push({ field: field.key, message: `「${field.label}」应为不小于0的整数` })
  }
  if (out.length > 0) return out
  const { numerator: n, denominator: d } = pair
  if (options.requireBoth && (n == null) !== (d == null)) {
    const missing = n == null ? f.numerator : f.denominator
    const given = n == null ? f.denominator : f.numerator
    return [{ field: missing.key, message: `已填写「${given.label}」，请同时填写「${missing.label}」` }]
  }
  if (n != null && d != null && n > d && key !== 'retention')
    return [{ field: f.numerator.key, message: `「${f.numerator.label}」${n} 大于「${f.denominator.label}」${d}` }]
  if (options.requireBoth && n != null && d === 0 && n === 0)
    return [{ field: f.denominator.key, message: `「${f.denominator.label}」为0，无法计算比例；没有此项时请留空` }]
  return []
}

/** Every problem of a set of county figures (form order), each naming its field. */
export function checkCountyFigures(
  figures: Partial<Record<CountyFigureKey, Partial<CountFigure> | null>>,
  options: { requireBoth?: boolean } = {},
): CountyFigureProblem[] {
  return COUNTY_FIGURES.flatMap((f) => {
    const pair = figures[f.key]
    return pair ? checkCountyFigure(f.key, pair, options) : []
  })
}
