/**
 * The columns of the 优质均衡 import and template: the school fields of the header alias table
 * (shared/statistics/headerAliases.ts SCHOOL_FIELDS, statistics words and their 2020 / 教基 variants),
 * the registry's own columns (统计年度, 是否计校数), and the county sheet (全县) with the 政府保障 /
 * 教育质量 / 社会认可度 figures as numerator / denominator pairs. Pure data and parsers.
 */
import { SCHOOL_FIELDS, type HeaderField } from '../statistics/headerAliases'
import { INSTITUTION_TYPES } from '../statistics/codes'
import { cleanValue, STAT_YEAR_FIELD } from '../preschool/importFields'
import type { BalanceCountyYear, PartStage } from './types'

/** 是否计校数 (county exports): 0 marks a campus or 教学点 counted under its parent school (SHEETS.md shape B). */
export const COUNTS_AS_SCHOOL_FIELD: HeaderField = { key: 'countsAsSchool', label: '是否计校数', aliases: ['计校数'], kind: 'flag' }

/** The school sheet's columns (one row per school part), in template order. */
export const BALANCE_SHEET_FIELDS: readonly HeaderField[] = [STAT_YEAR_FIELD, ...SCHOOL_FIELDS, COUNTS_AS_SCHOOL_FIELD]

/** The fields stored once per school (whole-school resources), keys without the `resources.` prefix. */
export const RESOURCE_KEYS = [
  'teachingArea',
  'indoorSportsArea',
  'sportsGroundArea',
  'equipmentValue',
  'multimediaRooms',
  'musicRooms',
  'musicRoomArea',
  'artRooms',
  'artRoomArea',
] as const

/** County figure pairs of the 全县 sheet: BalanceCountyYear key → the two columns (numerator, denominator). */
export const COUNTY_FIGURES: ReadonlyArray<{
  key: Exclude<keyof BalanceCountyYear, 'statYear'>
  item: string
  numerator: HeaderField
  denominator: HeaderField
}> = [
  {
    key: 'rotation',
    item: '政府保障程度 第11项 交流轮岗比例',
    numerator: {
      key: 'rotation.numerator',
      label: '交流轮岗教师数',
      aliases: ['交流轮岗人数', '交流教师数'],
      kind: 'count',
      unit: '人',
      local: true,
    },
    denominator: {
      key: 'rotation.denominator',
      label: '符合交流条件教师数',
      aliases: ['符合交流条件的教师数', '应交流教师数'],
      kind: 'count',
      unit: '人',
      local: true,
    },
  },
  {
    key: 'rotationKeyTeachers',
    item: '政府保障程度 第11项 骨干教师占交流轮岗教师比例',
    numerator: {
      key: 'rotationKeyTeachers.numerator',
      label: '交流轮岗骨干教师数',
      aliases: ['交流骨干教师数'],
      kind: 'count',
      unit: '人',
      local: true,
    },
    denominator: { key: 'rotationKeyTeachers.denominator', label: '交流轮岗教师总数', aliases: [], kind: 'count', unit: '人', local: true },
  },
  {
    key: 'quotaAllocation',
    item: '政府保障程度 第14项 优质高中招生名额分配比例',
    numerator: {
      key: 'quotaAllocation.numerator',
      label: '优质高中分配到初中的招生名额',
      aliases: ['优质高中名额分配数', '分配生名额'],
      kind: 'count',
      unit: '人',
      local: true,
    },
    denominator: {
      key: 'quotaAllocation.denominator',
      label: '优质高中招生计划数',
      aliases: ['优质高中招生计划'],
      kind: 'count',
      unit: '人',
      local: true,
    },
  },
  {
    key: 'migrantChildren',
    item: '政府保障程度 第15项 随迁子女在公办学校和政府购买服务的民办学校就读比例',
    numerator: {
      key: 'migrantChildren.numerator',
      label: '在公办学校和政府购买服务民办学校就读的随迁子女数',
      aliases: ['公办学校就读随迁子女数'],
      kind: 'count',
      unit: '人',
      local: true,
    },
    denominator: {
      key: 'migrantChildren.denominator',
      label: '符合条件的随迁子女数',
      aliases: ['随迁子女数'],
      kind: 'count',
      unit: '人',
      local: true,
    },
  },
  {
    key: 'retention',
    item: '教育质量 第1项 初中三年巩固率',
    numerator: {
      key: 'retention.numerator',
      label: '初中毕业年级在校生数',
      aliases: ['初三在校生数', '九年级在校生数'],
      kind: 'count',
      unit: '人',
    },
    denominator: {
      key: 'retention.denominator',
      label: '该年级初一入学人数',
      aliases: ['三年前初一入学人数', '初一入学人数'],
      kind: 'count',
      unit: '人',
    },
  },
  {
    key: 'disabledEnrolment',
    item: '教育质量 第2项 残疾儿童少年入学率',
    numerator: {
      key: 'disabledEnrolment.numerator',
      label: '入学的残疾儿童少年数',
      aliases: ['残疾儿童少年入学数'],
      kind: 'count',
      unit: '人',
    },
    denominator: {
      key: 'disabledEnrolment.denominator',
      label: '适龄残疾儿童少年数',
      aliases: ['残疾儿童少年数'],
      kind: 'count',
      unit: '人',
    },
  },
  {
    key: 'satisfaction',
    item: '社会认可度',
    numerator: {
      key: 'satisfaction.numerator',
      label: '满意人数',
      aliases: ['满意份数', '认可人数'],
      kind: 'count',
      unit: '人',
      local: true,
    },
    denominator: {
      key: 'satisfaction.denominator',
      label: '有效问卷数',
      aliases: ['有效答卷数', '调查人数', '有效样本数'],
      kind: 'count',
      unit: '人',
      local: true,
    },
  },
]

/** The county sheet's (全县) columns: 统计年度, then each figure's numerator and denominator. */
export const BALANCE_COUNTY_SHEET_FIELDS: readonly HeaderField[] = [
  STAT_YEAR_FIELD,
  ...COUNTY_FIGURES.flatMap((f) => [f.numerator, f.denominator]),
]

type Parsed<T> = { value: T } | { error: string }

/** 办学类型 codes of compulsory schools and the 学段 they span. */
export const SCHOOL_TYPE_STAGES: Readonly<Record<string, readonly PartStage[]>> = {
  '211': ['小学'],
  '218': ['小学'],
  '311': ['初中'],
  '312': ['小学', '初中'],
  '341': ['初中', '高中'],
  '345': ['小学', '初中', '高中'],
}
const TYPE_NAMES: Record<string, string> = {
  小学教学点: '218',
  教学点: '218',
  初中: '311',
  初级中学: '311',
  九年一贯制: '312',
  九年一贯制学校: '312',
  完全中学: '341',
  十二年一贯制: '345',
  十二年一贯制学校: '345',
  小学: '211',
}

/** 办学类型 by code or name → the code (211, 218, 311, 312, 341, 345); a kindergarten code is refused. */
export function parseSchoolType(text: string): Parsed<string | null> {
  const t = cleanValue(text)
  if (t === '') return { value: null }
  if (SCHOOL_TYPE_STAGES[t]) return { value: t }
  if (TYPE_NAMES[t]) return { value: TYPE_NAMES[t] }
  const byName = Object.entries(INSTITUTION_TYPES).find(([, n]) => n === t)?.[0]
  if (byName && SCHOOL_TYPE_STAGES[byName]) return { value: byName }
  return {
    error: '办学类型应为 小学、小学教学点、初级中学、九年一贯制学校、完全中学、十二年一贯制学校（或代码 211、218、311、312、341、345）',
  }
}

/** 学段: 小学 / 初中 / 高中, also written 小学部, 初中部, 小学段, 初中阶段, 高中部. */
export function parseStage(text: string): Parsed<PartStage | null> {
  const t = cleanValue(text).replace(/(部|段|阶段)$/, '')
  if (t === '') return { value: null }
  if (t === '小学' || t === '初中' || t === '高中') return { value: t }
  if (t === '初级中学') return { value: '初中' }
  return { error: '学段应为 小学、初中 或 高中' }
}

/**
 * A name with a 学段 suffix as the 申报表 writes a 一贯制 school's parts — 「贺兰县第二中学（小学部）」,
 * 「XX学校初中部」 — split into the school name and the 学段; the name unchanged (stage null) otherwise.
 */
export function splitStageSuffix(name: string): { name: string; stage: PartStage | null } {
  const m = /^(.*?)[（(]?(小学|初中|高中)部[）)]?$/.exec(name.trim())
  if (!m || !m[1]) return { name: name.trim(), stage: null }
  return { name: m[1], stage: m[2] as PartStage }
}

/** The 学段 a school's name states: …小学 / …教学点 → 小学, …初级中学 / …初中 → 初中; null otherwise (…中学 may be a 完全中学). */
export function stageOfName(name: string): PartStage | null {
  const t = cleanValue(name)
  if (/(小学|教学点)$/.test(t)) return '小学'
  if (/(初级中学|初中)$/.test(t)) return '初中'
  return null
}

/**
 * The 学段 a whole sheet or file stands for (a county export comes one file per 学段, SHEETS.md shape B):
 * read from the sheet name, the title rows or the file name — 小学 / 初中 words, or the form numbers
 * 教基3112 (小学) / 教基3115 (初中), 基础基312 (小学) / 基础基313 (初中). Null when none or both.
 */
export function stageOfText(...texts: string[]): PartStage | null {
  for (const raw of texts) {
    const t = cleanValue(raw).replace(/中小学/g, '')
    const forms = /教基3112|基础基312(?!\d)/.test(t) ? '小学' : /教基3115|基础基313(?!\d)/.test(t) ? '初中' : null
    if (forms) return forms
    const p = t.includes('小学')
    const j = t.includes('初中') || t.includes('初级中学')
    if (p !== j) return p ? '小学' : '初中'
  }
  return null
}
