/**
 * Codes of the 教育事业统计 forms (STATISTICS.md "Codes that appear in the forms"), as data.
 */

/** 城乡类型 leaf codes → 城区 / 镇区 / 乡村 [S; 121 V]. */
export const URBAN_RURAL_CODES: Readonly<Record<string, { name: string; class: '城区' | '镇区' | '乡村' }>> = {
  '111': { name: '主城区', class: '城区' },
  '112': { name: '城乡结合区', class: '城区' },
  '121': { name: '镇中心区', class: '镇区' },
  '122': { name: '镇乡结合区', class: '镇区' },
  '123': { name: '特殊区域', class: '镇区' },
  '210': { name: '乡中心区', class: '乡村' },
  '220': { name: '村庄', class: '乡村' },
}

/**
 * 城区 / 镇区 / 乡村 from a 城乡类型 code (121), a leaf name (镇中心区) or the class name itself (镇区);
 * null when the text is none of these. Surrounding spaces are ignored.
 */
export function urbanRuralClass(text: string | number | null | undefined): '城区' | '镇区' | '乡村' | null {
  if (text == null) return null
  const t = String(text).replace(/\s+/g, '')
  if (t === '城区' || t === '镇区' || t === '乡村') return t
  const byCode = URBAN_RURAL_CODES[t]
  if (byCode) return byCode.class
  const byName = Object.values(URBAN_RURAL_CODES).find((c) => c.name === t)
  return byName ? byName.class : null
}

/** 办学类型 codes [S; 111/119 V]. */
export const INSTITUTION_TYPES: Readonly<Record<string, string>> = {
  '111': '幼儿园',
  '119': '附设幼儿班',
  '211': '小学',
  '218': '小学教学点',
  '311': '初级中学',
  '312': '九年一贯制学校',
  '341': '完全中学',
  '345': '十二年一贯制学校',
}
