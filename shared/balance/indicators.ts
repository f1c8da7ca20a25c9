/**
 * 优质均衡 资源配置: the split of multi-stage schools into 学段 parts, the scope rules, and the
 * seven indicators per school part (教督〔2017〕6号, 资源配置 第1–7项 [V]). Thresholds and
 * definitions come from the rubric (seeds/rubrics/balanced-development-2017.json); the formulas are
 * here. Pure functions, no I/O.
 */
import { resolveThreshold, type ComputedValue } from '../rubrics/evaluate'
import { booleanSetting, listSetting, mapSetting, numberSetting } from '../rubrics/rubric'
import type { Rubric } from '../rubrics/rubricSchema'
import type { BalanceSchoolYear, EducationLevel, PartStage, SchoolStageFigures, Stage } from './types'

/** The rubric settings the 优质均衡 formulas read (see the rubric's `settings` for sources). */
export interface BalanceSettings {
  /** education levels counted as 高于规定学历, per 学段 (小学 专科及以上, 初中 本科及以上 [S]) */
  qualifiedEducation: Record<Stage, EducationLevel[]>
  /** subtract 室内体育用房 from 教学及辅助用房 (default false [S]) */
  subtractIndoorSportsFromTeaching: boolean
  /** weights per 学段 for splitting shared resources: 小学 1, 初中 1.1, 高中 1.32 [S] */
  stageWeights: Record<PartStage, number>
  excludeSpecialSchools: boolean
  /** 教学点 (218) with fewer students are left out [S] */
  teachingPointMinStudents: number
  classSizeLimits: Record<Stage, number>
  maxSchoolSize: number
  maxNineYearSchoolSize: number
  classesPerSpecialRoom: number
  musicRoomMinArea: number
  artRoomMinArea: number
}

const EDUCATION_LEVELS: readonly EducationLevel[] = ['postgraduate', 'bachelor', 'associate', 'highSchool', 'belowHighSchool']

/** Reads the 优质均衡 settings from a rubric (bundled or variant). Throws when one is missing or invalid. */
export function balanceSettings(rubric: Rubric): BalanceSettings {
  const levels = (key: string) => {
    const v = listSetting(rubric, key)
    for (const l of v) if (!EDUCATION_LEVELS.includes(l as EducationLevel)) throw new Error(`设置 ${key} 含未知学历：${l}`)
    return v as EducationLevel[]
  }
  const w = mapSetting(rubric, 'stageWeights')
  const limits = mapSetting(rubric, 'classSizeLimits')
  return {
    qualifiedEducation: { 小学: levels('qualifiedEducationPrimary'), 初中: levels('qualifiedEducationJunior') },
    subtractIndoorSportsFromTeaching: booleanSetting(rubric, 'subtractIndoorSportsFromTeaching'),
    stageWeights: { 小学: w['小学'], 初中: w['初中'], 高中: w['高中'] },
    excludeSpecialSchools: booleanSetting(rubric, 'excludeSpecialSchools'),
    teachingPointMinStudents: numberSetting(rubric, 'teachingPointMinStudents'),
    classSizeLimits: { 小学: limits['小学'], 初中: limits['初中'] },
    maxSchoolSize: numberSetting(rubric, 'maxSchoolSize'),
    maxNineYearSchoolSize: numberSetting(rubric, 'maxNineYearSchoolSize'),
    classesPerSpecialRoom: numberSetting(rubric, 'classesPerSpecialRoom'),
    musicRoomMinArea: numberSetting(rubric, 'musicRoomMinArea'),
    artRoomMinArea: numberSetting(rubric, 'artRoomMinArea'),
  }
}

/** The seven indicator keys (GLOSSARY), in the 办法's order. */
export const BALANCE_INDICATORS = [
  'qualifiedTeachersPer100',
  'keyTeachersPer100',
  'peArtTeachersPer100',
  'teachingSpacePerStudent',
  'sportsSpacePerStudent',
  'equipmentValuePerStudent',
  'multimediaRoomsPer100',
] as const
export type BalanceIndicator = (typeof BALANCE_INDICATORS)[number]

/**
 * How each indicator turns into real units: value = amount × multiplier ÷ students; `unit` is the
 * unit of the amount (教师 人, ㎡, 元, 间) and `whole` says the amount comes in whole units.
 */
export const INDICATOR_UNITS: Readonly<Record<BalanceIndicator, { multiplier: number; unit: string; amountName: string; whole: boolean }>> =
  {
    qualifiedTeachersPer100: { multiplier: 100, unit: '人', amountName: '高于规定学历的专任教师', whole: true },
    keyTeachersPer100: { multiplier: 100, unit: '人', amountName: '县级以上骨干教师', whole: true },
    peArtTeachersPer100: { multiplier: 100, unit: '人', amountName: '体育、艺术专任教师', whole: true },
    teachingSpacePerStudent: { multiplier: 1, unit: '㎡', amountName: '教学及辅助用房面积', whole: true },
    sportsSpacePerStudent: { multiplier: 1, unit: '㎡', amountName: '体育运动场馆面积', whole: true },
    equipmentValuePerStudent: { multiplier: 1, unit: '元', amountName: '教学仪器设备值', whole: true },
    multimediaRoomsPer100: { multiplier: 100, unit: '间', amountName: '网络多媒体教室', whole: true },
  }

/** One 学段 of one school, counted as a school of its 学段 (RULES.md §1.2, §3). */
export interface SchoolPart {
  /** `${schoolId}:${stage}` */
  id: string
  schoolId: string
  /** the school's name, with 小学部 / 初中部 for a multi-stage school */
  name: string
  schoolName: string
  stage: Stage
  institutionType: string | null
  township: string | null
  urbanRural: string | null
  special: boolean
  multiStage: boolean
  /** Chinese notes on the split (e.g. a 完全中学 without its 高中 students) */
  notes: string[]
  students: number
  figures: SchoolStageFigures
  /** this part's fraction of the whole-school resources: w·students ÷ Σ w·students (1 for a one-stage school) */
  resourceShare: number
  /** the part's share of the whole-school resources; null where the school did not report the resource */
  resources: {
    teachingArea: number | null
    indoorSportsArea: number | null
    sportsGroundArea: number | null
    equipmentValue: number | null
    multimediaRooms: number | null
  }
}

const isNum = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x)

/**
 * Splits a school into its 小学 / 初中 parts (高中 parts only weigh in the split). Students,
 * classes and teachers are reported per 学段 and never split; whole-school areas (L4, L5),
 * equipment value (L6) and rooms (L7) are split in proportion to weighted students with the
 * rubric's stage weights (小学:初中 = 1:1.1, 初中:高中 = 1:1.2, 小:初:高 = 1:1.1:1.32), i.e. the
 * 小学 share of a 九年一贯制 school = A ÷ (A + 1.1·B) (RULES.md §1.2 and §3 [S]; split method of the
 * 2012 基本均衡 practice). Example (RULES.md §3): 166 小学 and 210 初中 students → weighted 397,
 * 小学 share 166/397, 初中 share 231/397, and the 初中 per-student value is 1.1 × the 小学 one.
 * A school with no weighted students gives every part share 0 (its parts are excluded later).
 * Throws when a 学段 appears twice.
 */
export function splitSchool(school: BalanceSchoolYear, settings: BalanceSettings): SchoolPart[] {
  const seen = new Set<string>()
  for (const s of school.stages) {
    if (seen.has(s.stage)) throw new Error(`${school.name}：学段“${s.stage}”重复`)
    seen.add(s.stage)
  }
  const weighted = school.stages.reduce((a, s) => a + settings.stageWeights[s.stage] * Math.max(0, s.students), 0)
  const compulsory = school.stages.filter((s): s is SchoolStageFigures & { stage: Stage } => s.stage !== '高中')
  const multiStage = school.stages.length > 1
  const notes: string[] = []
  if ((school.institutionType === '341' || school.institutionType === '345') && !school.stages.some((s) => s.stage === '高中')) {
    notes.push('未填报高中部在校生数：共用资源全部计入义务教育学段，拆分结果偏高')
  }
  const r = school.resources
  return compulsory.map((s) => {
    const share = weighted > 0 ? (settings.stageWeights[s.stage] * Math.max(0, s.students)) / weighted : 0
    const part = (x: number | null | undefined) => (isNum(x) ? (multiStage ? x * share : x) : null)
    return {
      id: `${school.id}:${s.stage}`,
      schoolId: school.id,
      name: multiStage ? `${school.name}（${s.stage}部）` : school.name,
      schoolName: school.name,
      stage: s.stage,
      institutionType: school.institutionType ?? null,
      township: school.township ?? null,
      urbanRural: school.urbanRural ?? null,
      special: school.special === true,
      multiStage,
      notes,
      students: s.students,
      figures: s,
      resourceShare: multiStage ? share : 1,
      resources: {
        teachingArea: part(r.teachingArea),
        indoorSportsArea: part(r.indoorSportsArea),
        sportsGroundArea: part(r.sportsGroundArea),
        equipmentValue: part(r.equipmentValue),
        multimediaRooms: part(r.multimediaRooms),
      },
    }
  })
}

/** Why a part is left out of the school indicators and the 差异系数, or null when it counts. */
export function exclusionReason(part: SchoolPart, settings: BalanceSettings): string | null {
  if (part.special && settings.excludeSpecialSchools) return '特殊教育学校不参与计算'
  if (!(part.students > 0)) return '在校生数为0，不参与计算'
  if (part.institutionType === '218' && part.students < settings.teachingPointMinStudents) {
    return `不足${settings.teachingPointMinStudents}人的教学点不参与计算`
  }
  return null
}

function per(amount: number | null, students: number, multiplier: number, what: string): ComputedValue {
  if (amount === null) return { numerator: null, denominator: students, value: null, reason: `未填报${what}` }
  if (!(students > 0)) return { numerator: amount, denominator: students, value: null, reason: '在校生数为0' }
  return { numerator: amount, denominator: students, ...(multiplier !== 1 ? { multiplier } : {}), value: (amount * multiplier) / students }
}

/** 高于规定学历 专任教师 of a part: the sum of the rubric's levels for its 学段; null when not reported. */
export function qualifiedTeachersOf(f: SchoolStageFigures, stage: Stage, settings: BalanceSettings): number | null {
  const e = f.teachersByEducation
  if (!e) return null
  return settings.qualifiedEducation[stage].reduce((a, l) => a + (e[l] ?? 0), 0)
}

/** 体育 + 音乐 + 美术 专任教师 (艺术 combined when music / art are absent); null when neither PE nor arts is reported. */
export function peArtTeachersOf(f: SchoolStageFigures): number | null {
  const arts =
    isNum(f.musicTeachers) || isNum(f.artTeachers)
      ? (f.musicTeachers ?? 0) + (f.artTeachers ?? 0)
      : isNum(f.artsTeachers)
        ? f.artsTeachers
        : null
  if (!isNum(f.peTeachers) && arts === null) return null
  return (f.peTeachers ?? 0) + (arts ?? 0)
}

/**
 * The seven 资源配置 values of one school part, keyed by indicator (教督〔2017〕6号 资源配置 第1–7项 [V];
 * numerator definitions [S] as the rubric's settings say):
 *  - qualifiedTeachersPer100 = 高于规定学历专任教师 × 100 ÷ 在校生
 *  - keyTeachersPer100 = 县级及以上骨干教师 × 100 ÷ 在校生
 *  - peArtTeachersPer100 = (体育 + 音乐 + 美术 专任教师) × 100 ÷ 在校生
 *  - teachingSpacePerStudent = 教学及辅助用房 (− 室内体育用房 if set) ÷ 在校生 (㎡)
 *  - sportsSpacePerStudent = (运动场地 + 室内体育用房) ÷ 在校生 (㎡; a missing 室内体育用房 counts as 0)
 *  - equipmentValuePerStudent = 教学仪器设备值 (元) ÷ 在校生
 *  - multimediaRoomsPer100 = 网络多媒体教室 × 100 ÷ 在校生
 * Shared resources are the part's split share. Missing data → value null with the reason.
 */
export function schoolPartValues(part: SchoolPart, settings: BalanceSettings): Record<BalanceIndicator, ComputedValue> {
  const f = part.figures
  const r = part.resources
  const n = part.students
  const teaching =
    r.teachingArea === null ? null : r.teachingArea - (settings.subtractIndoorSportsFromTeaching ? (r.indoorSportsArea ?? 0) : 0)
  const sports = r.sportsGroundArea === null ? null : r.sportsGroundArea + (r.indoorSportsArea ?? 0)
  return {
    qualifiedTeachersPer100: per(qualifiedTeachersOf(f, part.stage, settings), n, 100, '专任教师学历'),
    keyTeachersPer100: per(isNum(f.keyTeachers) ? f.keyTeachers : null, n, 100, '县级及以上骨干教师数'),
    peArtTeachersPer100: per(peArtTeachersOf(f), n, 100, '体育、艺术专任教师数'),
    teachingSpacePerStudent: per(teaching, n, 1, '教学及辅助用房面积'),
    sportsSpacePerStudent: per(sports, n, 1, '运动场地面积'),
    equipmentValuePerStudent: per(r.equipmentValue, n, 1, '教学仪器设备值'),
    multimediaRoomsPer100: per(r.multimediaRooms, n, 100, '网络多媒体教室数'),
  }
}

/** A rubric's standards for the seven indicators per 学段, and the 差异系数 limit per 学段 (the variant form's fields). */
export interface BalanceThresholds {
  standards: Record<BalanceIndicator, Record<'小学' | '初中', number | null>>
  cvLimits: Record<'小学' | '初中', number | null>
}

/**
 * The standards of the seven school-level items and the 差异系数 limit of a rubric (bundled or variant):
 * `standards[key][学段]` from item `key`, the limit from `cv.<key>` (the bundled rubric has one limit per
 * 学段 for all seven; the largest is shown when a variant set them apart). null where the rubric sets none.
 */
export function schoolThresholds(rubric: Rubric): BalanceThresholds {
  const of = (key: string, stage: '小学' | '初中'): number | null => {
    const item = rubric.items.find((i) => i.key === key)
    return item && item.kind === 'computed' ? resolveThreshold(item, stage) : null
  }
  const standards = Object.fromEntries(
    BALANCE_INDICATORS.map((k) => [k, { 小学: of(k, '小学'), 初中: of(k, '初中') }]),
  ) as BalanceThresholds['standards']
  const limit = (stage: '小学' | '初中') => {
    const values = BALANCE_INDICATORS.map((k) => of(`cv.${k}`, stage)).filter((v): v is number => v !== null)
    return values.length ? Math.max(...values) : null
  }
  return { standards, cvLimits: { 小学: limit('小学'), 初中: limit('初中') } }
}
