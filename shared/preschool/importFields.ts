/**
 * The columns of the 学前教育 import and template: the statistics fields of the header alias table
 * (shared/statistics/headerAliases.ts) plus the registry's own columns (统计年度, 办园等级, 普惠认定日期),
 * and the pure parsers turning a cell's text into a field value with a Chinese reason when refused.
 */
import { KINDERGARTEN_FIELDS, PRESCHOOL_COUNTY_FIELDS, type HeaderField } from '../statistics/headerAliases'
import { INSTITUTION_TYPES, URBAN_RURAL_CODES, urbanRuralClass } from '../statistics/codes'

/** 统计年度: the statistical year (counted as of 9月1日; 2024/2025学年初 = 2024). */
export const STAT_YEAR_FIELD: HeaderField = {
  key: 'statYear',
  label: '统计年度',
  aliases: ['年度', '统计年份', '年份', '学年'],
  kind: 'number',
}

/** The kindergarten sheet's columns, in template order. */
export const PRESCHOOL_SHEET_FIELDS: readonly HeaderField[] = [
  STAT_YEAR_FIELD,
  ...KINDERGARTEN_FIELDS.slice(0, 5),
  {
    key: 'subsidisedSince',
    label: '普惠性民办幼儿园认定日期',
    aliases: ['普惠认定日期', '认定日期', '普惠性认定时间', '认定时间'],
    kind: 'text',
    local: true,
  },
  ...KINDERGARTEN_FIELDS.slice(5, 9),
  { key: 'grade', label: '办园等级', aliases: ['幼儿园等级', '等级', '办园级别'], kind: 'text', local: true },
  ...KINDERGARTEN_FIELDS.slice(9),
]

/** The county sheet's (全县) columns. */
export const PRESCHOOL_COUNTY_SHEET_FIELDS: readonly HeaderField[] = [STAT_YEAR_FIELD, ...PRESCHOOL_COUNTY_FIELDS]

/** 举办者 words (STATISTICS.md [S; 999 V]) plus the 办别 words 公办 / 民办; codes accepted for 民办 (999). */
export const SPONSOR_NAMES = ['教育部门', '其他部门', '地方企业', '事业单位', '部队', '集体', '民办', '公办'] as const
const SPONSOR_ALIASES: Record<string, string> = {
  '999': '民办',
  教育行政部门: '教育部门',
  教育部门举办: '教育部门',
  其他部门举办: '其他部门',
  地方企业举办: '地方企业',
  集体办: '集体',
  民办园: '民办',
  公办园: '公办',
  民营: '民办',
  社会力量: '民办',
}

type Parsed<T> = { value: T } | { error: string }

/** Text that cleanValue leaves as it is: ASCII letters, digits, `.` `-`, and CJK unified ideographs (no NFKC mapping). */
const ALREADY_CLEAN = /^[0-9A-Za-z.\-\u4e00-\u9fff]*$/

/** Cell text normalised for values: NFKC (full-width digits and signs), no spaces, no `_x000D_`. */
export const cleanValue = (text: string): string =>
  ALREADY_CLEAN.test(text)
    ? text // the common case, tens of thousands of cells an import: nothing to normalise
    : text
        .replace(/_x000D_/gi, '')
        .normalize('NFKC')
        .replace(/\s+/g, '')

/**
 * A number from a statistics cell (SHEETS.md habits 4–5): numbers stored as text, thousand separators,
 * full-width digits; `-` / `—` = 0 (none); blank or `*` = not reported (null). `factor` converts the
 * header's unit (万元 → 元: 10000). Counts must be whole and not negative; areas and money not negative.
 */
export function parseNumber(text: string, kind: HeaderField['kind'], factor = 1): Parsed<number | null> {
  if (factor === 1 && /^\d{1,12}$/.test(text)) return { value: Number(text) } // the common case: a plain whole number
  const t = cleanValue(text)
  if (t === '' || t === '*') return { value: null }
  if (/^[-—–－]+$/.test(t)) return { value: 0 }
  if (t.endsWith('%')) return { error: '应为数值，不能是百分数' }
  // a unit written after the number (305人, 12班, 1200㎡ → NFKC m2, 1200平方米) is the field's own unit
  const plain = t.replace(/,(?=\d{3}(\D|$))/g, '').replace(/(人|名|班|个|所|间|m2|平方米|平米|元)$/, '')
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return { error: '应为数字（不能含文字）' }
  const n = Number(plain) * factor
  if (n < 0) return { error: '不能为负数' }
  const v = Math.round(n * 1e6) / 1e6
  if (kind === 'count' && !Number.isInteger(v)) return { error: '人数、班数应为整数' }
  return { value: v }
}

/** 是/否 flags: 是 / 1 / Y / √ / true; 否 / 0 / N / × / false; blank = not reported. */
export function parseFlag(text: string): Parsed<boolean | null> {
  const t = cleanValue(text).toLowerCase()
  if (t === '') return { value: null }
  if (['是', '1', 'y', 'yes', '√', 'true', '有'].includes(t)) return { value: true }
  if (['否', '0', 'n', 'no', '×', 'x', 'false', '无'].includes(t)) return { value: false }
  return { error: '应填“是”或“否”' }
}

/** 举办者 by name or code → the statistics word (教育部门, 集体, 民办 …). */
export function parseSponsor(text: string): Parsed<string> {
  const t = cleanValue(text)
  if (t === '') return { error: '「学校（机构）举办者」不能为空' }
  if ((SPONSOR_NAMES as readonly string[]).includes(t)) return { value: t }
  const alias = SPONSOR_ALIASES[t]
  if (alias) return { value: alias }
  return { error: `举办者应为 ${SPONSOR_NAMES.join('、')} 之一（或代码 999 = 民办）` }
}

/** A code table's names → their codes (the first code of a name), built once per table. */
function codesByName<T>(table: Readonly<Record<string, T>>, nameOf: (entry: T) => string): Map<string, string> {
  const m = new Map<string, string>()
  for (const [code, entry] of Object.entries(table)) if (!m.has(nameOf(entry))) m.set(nameOf(entry), code)
  return m
}
const INSTITUTION_TYPE_BY_NAME = codesByName(INSTITUTION_TYPES, (name) => name)
const URBAN_RURAL_BY_NAME = codesByName(URBAN_RURAL_CODES, (c) => c.name)

/** 办学类型 by code or name; the preschool sheet takes 111 幼儿园 and 119 附设幼儿班. */
export function parseInstitutionType(text: string): Parsed<'111' | '119' | null> {
  const t = cleanValue(text)
  if (t === '') return { value: null }
  const code = INSTITUTION_TYPES[t] ? t : INSTITUTION_TYPE_BY_NAME.get(t)
  if (code === '111' || code === '119') return { value: code }
  if (code) return { error: `办学类型 ${code} ${INSTITUTION_TYPES[code]} 不属于学前教育（应为 111 幼儿园 或 119 附设幼儿班）` }
  return { error: '办学类型应为 111 幼儿园 或 119 附设幼儿班（代码或名称）' }
}

/** 城乡类型 by 3-digit code, leaf name or class → { class, code }. */
export function parseUrbanRural(text: string): Parsed<{ class: '城区' | '镇区' | '乡村'; code: string | null } | null> {
  const t = cleanValue(text)
  if (t === '') return { value: null }
  const cls = urbanRuralClass(t)
  if (!cls) return { error: `城乡类型应为代码（${Object.keys(URBAN_RURAL_CODES).join('、')}）或 城区/镇区/乡村` }
  const code = URBAN_RURAL_CODES[t] ? t : (URBAN_RURAL_BY_NAME.get(t) ?? null)
  return { value: { class: cls, code } }
}

/** 全日制 / 半日制. */
export function parseSchedule(text: string): Parsed<'全日制' | '半日制' | null> {
  const t = cleanValue(text)
  if (t === '') return { value: null }
  if (t === '全日制' || t === '全日') return { value: '全日制' }
  if (t === '半日制' || t === '半日') return { value: '半日制' }
  return { error: '应填“全日制”或“半日制”' }
}

/** 统计年度: 2024, 2024年, 2024/2025学年, 2024-2025 → 2024. */
export function parseStatYear(text: string): Parsed<number | null> {
  const t = cleanValue(text)
  if (t === '') return { value: null }
  const m = /^(\d{4})(年|年度)?([/-]\d{4}(学年(初|度)?)?)?$/.exec(t)
  const y = m ? Number(m[1]) : NaN
  if (!m || y < 1949 || y > 2100) return { error: '统计年度应为四位年份，如 2024' }
  return { value: y }
}

/** The statistical year a title row states: `2024年`, `（2024/2025学年初）`; null when none. */
export function yearInTitle(text: string): number | null {
  const t = cleanValue(text)
  const m = /(\d{4})[/-]\d{4}学年/.exec(t) ?? /(\d{4})年/.exec(t)
  if (!m) return null
  const y = Number(m[1])
  return y >= 1949 && y <= 2100 ? y : null
}

/** A date as YYYY-MM-DD from 2021-09-01, 2021/9/1, 2021年9月1日, 2021.9. */
export function parseDate(text: string): Parsed<string | null> {
  const t = cleanValue(text)
  if (t === '') return { value: null }
  const m = /^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?$/.exec(t)
  if (!m) return { error: '日期应写作 2021-09-01' }
  return { value: `${m[1]}-${m[2].padStart(2, '0')}-${(m[3] ?? '1').padStart(2, '0')}` }
}

/** Name prefix of the template's example row: the importer skips it. */
export const EXAMPLE_ROW_PREFIX = '（示例）'
