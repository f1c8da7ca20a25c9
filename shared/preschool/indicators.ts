/**
 * 学前教育普及普惠 indicators: pure functions over the kindergartens of one statistical year and
 * the county's figures. Each returns a ComputedValue `{ numerator, denominator, value, reason?,
 * missing? }` that the rubric engine (shared/rubrics/evaluate.ts) compares with the rubric's
 * threshold; rules and thresholds come from the rubric (seeds/rubrics/preschool-universality-2020.json),
 * never from constants here. A zero or missing denominator gives `value: null` with a Chinese
 * reason, never NaN.
 */
import type { ComputedValue } from '../rubrics/evaluate'
import { resolveThreshold } from '../rubrics/evaluate'
import { booleanSetting, listSetting, mapSetting } from '../rubrics/rubric'
import type { Rubric } from '../rubrics/rubricSchema'
import type { CountyPreschoolYear, KindergartenYear, Ownership, Schedule } from './types'
import { compareNames } from '../institutions/names'

/** The rubric settings the preschool formulas read (see the rubric's `settings`). */
export interface PreschoolSettings {
  /** 举办者 names / codes counted as 民办 (all others are 公办) [U] */
  privateSponsors: string[]
  /** whether 附设幼儿班 (办学类型 119) count as kindergartens [U] */
  includeAttachedClasses: boolean
  /** whether 托班 children count in the numerator of 毛入园率 [U] */
  includeNurseryInGrossEnrolment: boolean
  /** per-class limits 小班 / 中班 / 大班 / 混合班 (幼儿园工作规程 第十一条) [V] */
  classSizeLimits: { small: number; middle: number; large: number; mixed: number }
  /** 规模 limit (幼儿园工作规程 第十一条: 一般不超过360人) [V], the threshold of item kgSize */
  maxChildren: number
}

/** Reads the preschool settings from a rubric (the bundled one or a variant). Throws when a setting or the kgSize item is missing. */
export function preschoolSettings(rubric: Rubric): PreschoolSettings {
  const limits = mapSetting(rubric, 'classSizeLimits')
  const size = rubric.items.find((i) => i.key === 'kgSize')
  const maxChildren = size && size.kind === 'computed' ? resolveThreshold(size) : null
  if (maxChildren === null) throw new Error(`指标体系 ${rubric.id} 缺少办园规模指标 kgSize 的标准值`)
  return {
    privateSponsors: listSetting(rubric, 'privateSponsors'),
    includeAttachedClasses: booleanSetting(rubric, 'includeAttachedClasses'),
    includeNurseryInGrossEnrolment: booleanSetting(rubric, 'includeNurseryInGrossEnrolment'),
    classSizeLimits: { small: limits.small, middle: limits.middle, large: limits.large, mixed: limits.mixed },
    maxChildren,
  }
}

const norm = (s: string) => s.replace(/\s+/g, '')

/**
 * 公办园 / 民办园 / 普惠性民办园 of a kindergarten: 民办 when its 举办者 is one of the rubric's
 * `privateSponsors` (default 民办 / 999; 公办园 = every other 举办者, an inference from the 办法's
 * definition, RULES.md §2.1 [V] and STATISTICS.md [S]); a 民办园 is subsidisedPrivate when
 * 是否普惠性民办幼儿园 is true (a missing flag counts as not 普惠).
 */
export function ownershipOf(kg: KindergartenYear, settings: PreschoolSettings): Ownership {
  const isPrivate = settings.privateSponsors.some((s) => norm(s) === norm(kg.sponsor))
  if (!isPrivate) return 'public'
  return kg.subsidised === true ? 'subsidisedPrivate' : 'private'
}

/** The kindergartens counted for the year: all, or without 附设幼儿班 (119) when the rubric says so. */
export function countedKindergartens(kgs: readonly KindergartenYear[], settings: PreschoolSettings): KindergartenYear[] {
  return kgs.filter((k) => settings.includeAttachedClasses || k.institutionType !== '119')
}

function value(
  numerator: number,
  denominator: number | null,
  opts: { multiplier?: number; missing?: string[]; noDenominator: string; zeroDenominator: string; note?: string },
): ComputedValue {
  const missing = opts.missing && opts.missing.length > 0 ? { missing: opts.missing } : {}
  if (denominator === null) return { numerator, denominator: null, value: null, reason: opts.noDenominator, ...missing }
  if (denominator === 0) return { numerator, denominator, value: null, reason: opts.zeroDenominator, ...missing }
  const m = opts.multiplier ?? 1
  return {
    numerator,
    denominator,
    ...(m !== 1 ? { multiplier: m } : {}),
    value: (numerator * m) / denominator,
    ...(opts.note ? { reason: opts.note } : {}),
    ...missing,
  }
}

const isNum = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x)
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

/**
 * 学前三年毛入园率 (grossEnrolmentRate) = 在园幼儿数 ÷ 3–5周岁常住适龄人口.
 * Source: 县域学前教育普及普惠督导评估办法 (教督〔2020〕1号), 普及普惠水平 [V]; threshold ≥85% in the rubric.
 * Numerator: 在园（班）人数 合计 of the counted kindergartens, without 托班 when the rubric's
 * `includeNurseryInGrossEnrolment` is false (a missing 托班 figure then counts as 0 and is listed).
 * 无数据 when the county's 3–5周岁常住人口 is missing or 0.
 */
export function grossEnrolmentRate(
  kgs: readonly KindergartenYear[],
  county: CountyPreschoolYear,
  settings: PreschoolSettings,
): ComputedValue {
  const counted = countedKindergartens(kgs, settings)
  const missing = settings.includeNurseryInGrossEnrolment
    ? []
    : counted.filter((k) => !isNum(k.enrolledChildren.nursery)).map((k) => k.name)
  const numerator = sum(
    counted.map((k) => k.enrolledChildren.total - (settings.includeNurseryInGrossEnrolment ? 0 : (k.enrolledChildren.nursery ?? 0))),
  )
  return value(numerator, isNum(county.agePopulation) ? county.agePopulation : null, {
    missing,
    noDenominator: '未填报3–5周岁常住人口',
    zeroDenominator: '3–5周岁常住人口为0',
  })
}

function childrenBy(kgs: readonly KindergartenYear[], settings: PreschoolSettings, pick: (o: Ownership) => boolean): number {
  return sum(kgs.filter((k) => pick(ownershipOf(k, settings))).map((k) => k.enrolledChildren.total))
}

function unflaggedPrivate(kgs: readonly KindergartenYear[], settings: PreschoolSettings): string[] {
  return kgs
    .filter((k) => ownershipOf(k, settings) !== 'public' && (k.subsidised === null || k.subsidised === undefined))
    .map((k) => k.name)
}

/**
 * 普惠性幼儿园覆盖率 (affordableCoverageRate) = (公办园在园幼儿 + 普惠性民办园在园幼儿) ÷ 在园幼儿总数,
 * counted by CHILDREN, not by kindergartens.
 * Source: 教督〔2020〕1号, 普及普惠水平 [V]; threshold ≥80% in the rubric.
 * 民办园 without the 普惠 flag count as not 普惠 and are listed in `missing`.
 */
export function affordableCoverageRate(kgs: readonly KindergartenYear[], settings: PreschoolSettings): ComputedValue {
  const counted = countedKindergartens(kgs, settings)
  return value(
    childrenBy(counted, settings, (o) => o !== 'private'),
    sum(counted.map((k) => k.enrolledChildren.total)),
    {
      missing: unflaggedPrivate(counted, settings),
      noDenominator: '没有幼儿园数据',
      zeroDenominator: '在园幼儿总数为0',
    },
  )
}

/**
 * 公办园在园幼儿占比 (publicShare) = 公办园在园幼儿 ÷ 在园幼儿总数.
 * Source: 教督〔2020〕1号, 普及普惠水平 [V]; threshold ≥50% in the rubric (the 2023 national
 * plan's 60% by 2027 is a target, kept as a reference line only, RULES.md §3).
 */
export function publicShare(kgs: readonly KindergartenYear[], settings: PreschoolSettings): ComputedValue {
  const counted = countedKindergartens(kgs, settings)
  return value(
    childrenBy(counted, settings, (o) => o === 'public'),
    sum(counted.map((k) => k.enrolledChildren.total)),
    {
      noDenominator: '没有幼儿园数据',
      zeroDenominator: '在园幼儿总数为0',
    },
  )
}

/**
 * Sums `num` and `den` over the kindergartens that have both; the others are listed in `missing`
 * (their children are left out of the numerator as well, so the ratio stays like for like).
 */
function pooled(
  kgs: readonly KindergartenYear[],
  num: (k: KindergartenYear) => number | null,
  den: (k: KindergartenYear) => number | null,
  opts: { multiplier?: number; noDenominator: string; zeroDenominator: string },
): ComputedValue {
  const complete = kgs.filter((k) => isNum(num(k)) && isNum(den(k)))
  const missing = kgs.filter((k) => !complete.includes(k)).map((k) => k.name)
  if (complete.length === 0)
    return { numerator: null, denominator: null, value: null, reason: opts.noDenominator, ...(missing.length > 0 ? { missing } : {}) }
  return value(sum(complete.map((k) => num(k)!)), sum(complete.map((k) => den(k)!)), { ...opts, missing })
}

/** 专任教师 of a kindergarten, or null when not reported. */
const teachersOf = (k: KindergartenYear) => k.staff?.teachers ?? null
/** 教职工 合计: the reported total, else the sum of the reported parts, else null. */
export function staffTotalOf(k: KindergartenYear): number | null {
  const s = k.staff
  if (!s) return null
  if (isNum(s.total)) return s.total
  const parts = [s.principals, s.teachers, s.caregivers, s.health, s.other].filter(isNum)
  return parts.length > 0 ? sum(parts) : null
}
/** 保教人员 = 专任教师 + 保育员 (幼儿园教职工配备标准（暂行）, 2013 [V]); null when either is missing. */
export function careStaffOf(k: KindergartenYear): number | null {
  const t = k.staff?.teachers
  const c = k.staff?.caregivers
  return isNum(t) && isNum(c) ? t + c : null
}
/** 班数 合计: the reported total, else the sum of the grades, else null. */
export function classesOf(k: KindergartenYear): number | null {
  const c = k.classes
  if (!c) return null
  if (isNum(c.total)) return c.total
  const parts = [c.nursery, c.small, c.middle, c.large, c.mixed].filter(isNum)
  return parts.length > 0 ? sum(parts) : null
}

/**
 * 在园幼儿:专任教师 (childrenPerTeacher) = 在园幼儿 ÷ 专任教师, shown `1:25.5`, over the
 * kindergartens that report 专任教师 (the others listed). Threshold ≤ 1:15 in the rubric [U: a
 * value one county published as national].
 */
export function childrenPerTeacher(kgs: readonly KindergartenYear[], settings: PreschoolSettings): ComputedValue {
  return pooled(countedKindergartens(kgs, settings), (k) => k.enrolledChildren.total, teachersOf, {
    noDenominator: '没有幼儿园填报专任教师数',
    zeroDenominator: '专任教师数为0',
  })
}

/**
 * 持证上岗率 (certifiedRate) = (持证园长 + 持证专任教师) ÷ (园长 + 专任教师), over the kindergartens
 * reporting all four counts (local, 非统计口径). Threshold 100% in the rubric [U].
 */
export function certifiedRate(kgs: readonly KindergartenYear[], settings: PreschoolSettings): ComputedValue {
  return pooled(
    countedKindergartens(kgs, settings),
    (k) => (isNum(k.certifiedTeachers) && isNum(k.certifiedPrincipals) ? k.certifiedTeachers + k.certifiedPrincipals : null),
    (k) => (isNum(k.staff?.teachers) && isNum(k.staff?.principals) ? k.staff!.teachers! + k.staff!.principals! : null),
    { noDenominator: '没有幼儿园填报持证人数（非统计口径）', zeroDenominator: '园长和专任教师数为0' },
  )
}

/** One kindergarten's classes within the size limits (托班 not assessed), or null when it cannot be told. */
export interface ClassSizeCompliance {
  classes: number
  compliant: number
  /** 'counted' from the local 超班额班数, 'average' from children ÷ classes per grade (an approximation) */
  basis: 'counted' | 'average'
}

/**
 * Classes within the limits of 幼儿园工作规程 第十一条 [V] (小班25、中班30、大班35、混合班30, from
 * the rubric's classSizeLimits). With the local count of oversized classes, compliant = classes − that
 * count; otherwise per grade the average class size decides for all classes of that grade (the
 * statistics have no per-class sizes). Null when the classes or children by grade are missing.
 */
export function classSizeCompliance(k: KindergartenYear, settings: PreschoolSettings): ClassSizeCompliance | null {
  const c = k.classes
  if (!c) return null
  const grades = ['small', 'middle', 'large', 'mixed'] as const
  const assessed = grades.map((g) => c[g]).filter(isNum)
  if (isNum(k.classesOverLimit)) {
    const total = assessed.length > 0 ? sum(assessed) : isNum(c.total) ? c.total - (c.nursery ?? 0) : null
    if (total === null) return null
    return { classes: total, compliant: Math.max(0, total - k.classesOverLimit), basis: 'counted' }
  }
  let classes = 0
  let compliant = 0
  for (const g of grades) {
    const n = c[g]
    if (!isNum(n) || n === 0) continue
    const children = k.enrolledChildren[g]
    if (!isNum(children)) return null
    classes += n
    if (children <= n * settings.classSizeLimits[g]) compliant += n
  }
  if (classes === 0) return null
  return { classes, compliant, basis: 'average' }
}

/** 班额达标率 (classSizeComplianceRate) = compliant classes ÷ classes (托班 excluded). Threshold ≥85% [U]. */
export function classSizeComplianceRate(kgs: readonly KindergartenYear[], settings: PreschoolSettings): ComputedValue {
  const counted = countedKindergartens(kgs, settings)
  const per = counted.map((k) => ({ k, c: classSizeCompliance(k, settings) }))
  const ok = per.filter((x) => x.c !== null)
  const missing = per.filter((x) => x.c === null).map((x) => x.k.name)
  if (ok.length === 0)
    return {
      numerator: null,
      denominator: null,
      value: null,
      reason: '没有幼儿园填报分年级班数和幼儿数',
      ...(missing.length > 0 ? { missing } : {}),
    }
  const average = ok.some((x) => x.c!.basis === 'average')
  return value(sum(ok.map((x) => x.c!.compliant)), sum(ok.map((x) => x.c!.classes)), {
    missing,
    noDenominator: '没有班级数据',
    zeroDenominator: '班数为0',
    note: average ? '无逐班人数的幼儿园按年级平均班额计' : undefined,
  })
}

/** Per-child area (㎡) over the kindergartens that report the area. */
function areaPerChild(kgs: readonly KindergartenYear[], area: (k: KindergartenYear) => number | null, label: string): ComputedValue {
  return pooled(kgs, area, (k) => k.enrolledChildren.total, { noDenominator: `没有幼儿园填报${label}`, zeroDenominator: '在园幼儿数为0' })
}

/** 活动室 + 睡眠室 when 活动室 is reported (睡眠室 missing counts as 0), else 教学及辅助用房, else null. */
export function activityRoomAreaOf(k: KindergartenYear): number | null {
  const a = k.areas
  if (!a) return null
  if (isNum(a.activityRooms)) return a.activityRooms + (a.sleepingRooms ?? 0)
  return isNum(a.teachingRooms) ? a.teachingRooms : null
}
/** 户外活动场地面积 (local) when reported, else 运动场地面积, else null. */
export function outdoorAreaOf(k: KindergartenYear): number | null {
  const a = k.areas
  if (!a) return null
  return isNum(a.outdoorPlay) ? a.outdoorPlay : isNum(a.sportsGround) ? a.sportsGround : null
}

/**
 * 有公办中心园的乡镇比例 (publicCentreTownshipRate): 乡镇 with at least one 公办 乡镇中心幼儿园 ÷
 * 乡镇 that have a kindergarten ("每个乡镇至少一所公办中心园", 政府保障情况 [S]). Kindergartens
 * without a 乡镇 are listed; the data cannot tell a 街道 from a 乡镇, so the office reviews the list.
 * 无数据 when no kindergarten says whether it is a 乡镇中心幼儿园 (a blank is not a 否); when some do, the 公办园
 * left blank in 乡镇 without a known centre are listed (the rate may be higher once they are filled in).
 */
export function publicCentreTownshipRate(kgs: readonly KindergartenYear[], settings: PreschoolSettings): ComputedValue {
  const counted = countedKindergartens(kgs, settings)
  const known = (k: KindergartenYear) => k.townshipCentre === true || k.townshipCentre === false
  if (counted.length > 0 && !counted.some(known))
    return {
      numerator: null,
      denominator: null,
      value: null,
      reason: '未填报“是否乡镇中心幼儿园”',
      missing: counted.map((k) => k.name),
    }
  const townships = [...new Set(counted.map((k) => k.township).filter((t): t is string => !!t))]
  const withCentre = townships.filter((t) =>
    counted.some((k) => k.township === t && k.townshipCentre === true && ownershipOf(k, settings) === 'public'),
  )
  const unknownCentres = counted.filter(
    (k) => k.township && !withCentre.includes(k.township) && !known(k) && ownershipOf(k, settings) === 'public',
  )
  return value(withCentre.length, townships.length, {
    missing: [...counted.filter((k) => !k.township), ...unknownCentres].map((k) => k.name),
    noDenominator: '没有乡镇数据',
    zeroDenominator: '没有幼儿园填报所在乡镇',
  })
}

/** 社会认可度 (satisfactionRate) = 满意问卷 ÷ 有效问卷 from the county's survey. Threshold ≥85% [U]. */
export function satisfactionRate(county: CountyPreschoolYear): ComputedValue {
  if (!isNum(county.satisfiedResponses))
    return { numerator: null, denominator: county.surveyResponses ?? null, value: null, reason: '未填报社会认可度调查结果' }
  return value(county.satisfiedResponses, isNum(county.surveyResponses) ? county.surveyResponses : null, {
    noDenominator: '未填报有效问卷数',
    zeroDenominator: '有效问卷数为0',
  })
}

/** Kindergartens over the size limit (规模 > 360, 幼儿园工作规程 第十一条 [V]), largest first. */
export function oversizedKindergartens(kgs: readonly KindergartenYear[], settings: PreschoolSettings): KindergartenYear[] {
  return countedKindergartens(kgs, settings)
    .filter((k) => k.enrolledChildren.total > settings.maxChildren)
    .sort((a, b) => b.enrolledChildren.total - a.enrolledChildren.total || compareNames(a.name, b.name))
}

/** Formula keys of the county-level items, as the rubric names them. */
export const PRESCHOOL_COUNTY_FORMULAS = [
  'grossEnrolmentRate',
  'affordableCoverageRate',
  'publicShare',
  'publicCentreTownshipRate',
  'classSizeComplianceRate',
  'childrenPerTeacher',
  'certifiedRate',
  'buildingAreaPerChild',
  'activityRoomAreaPerChild',
  'outdoorAreaPerChild',
  'satisfactionRate',
  'oversizedKindergartens',
] as const

/** Formula keys of the per-kindergarten items. */
export const PRESCHOOL_KINDERGARTEN_FORMULAS = [
  'kgChildren',
  'kgClassSizeRate',
  'kgChildrenPerStaff',
  'kgChildrenPerCareStaff',
  'kgTeachersPerClass',
  'kgCareStaffPerClass',
  'kgChildrenPerTeacher',
  'kgCertifiedRate',
  'kgBuildingAreaPerChild',
] as const

/**
 * Every county-level value the 普及普惠 rubric names, keyed by formula: feed to evaluateRubric
 * (level 'county').
 */
export function preschoolCountyValues(
  kgs: readonly KindergartenYear[],
  county: CountyPreschoolYear,
  settings: PreschoolSettings,
): Record<string, ComputedValue> {
  const counted = countedKindergartens(kgs, settings)
  const over = oversizedKindergartens(kgs, settings)
  return {
    grossEnrolmentRate: grossEnrolmentRate(kgs, county, settings),
    affordableCoverageRate: affordableCoverageRate(kgs, settings),
    publicShare: publicShare(kgs, settings),
    publicCentreTownshipRate: publicCentreTownshipRate(kgs, settings),
    classSizeComplianceRate: classSizeComplianceRate(kgs, settings),
    childrenPerTeacher: childrenPerTeacher(kgs, settings),
    certifiedRate: certifiedRate(kgs, settings),
    buildingAreaPerChild: areaPerChild(counted, (k) => k.areas?.building ?? null, '校舍建筑面积'),
    activityRoomAreaPerChild: areaPerChild(counted, activityRoomAreaOf, '活动室面积'),
    outdoorAreaPerChild: areaPerChild(counted, outdoorAreaOf, '户外活动场地面积'),
    satisfactionRate: satisfactionRate(county),
    // A year without kindergartens has no size to judge (not "none oversized": 无数据, never 达标).
    oversizedKindergartens:
      counted.length === 0
        ? { numerator: null, denominator: null, value: null, reason: '没有幼儿园数据' }
        : {
            numerator: null,
            denominator: null,
            value: over.length,
            ...(over.length > 0
              ? { reason: `超过${settings.maxChildren}人：${over.map((k) => `${k.name}（${k.enrolledChildren.total}人）`).join('、')}` }
              : {}),
          },
  }
}

/** 全日制 unless the kindergarten says 半日制. */
export function scheduleOf(k: KindergartenYear): Schedule {
  return k.schedule ?? '全日制'
}

/**
 * One kindergarten's values for the rubric's kindergarten-level items (规模, 班额, 教职工:幼儿,
 * 保教人员:幼儿, 每班专任教师 / 保教人员, 幼儿:专任教师, 持证上岗率, 生均校舍), keyed by formula.
 * Sources per item in the rubric (幼儿园工作规程 第十一条; 幼儿园教职工配备标准（暂行）2013).
 */
export function kindergartenValues(k: KindergartenYear, settings: PreschoolSettings): Record<string, ComputedValue> {
  const children = k.enrolledChildren.total
  const cs = classSizeCompliance(k, settings)
  const classes = classesOf(k)
  const teachers = teachersOf(k)
  const staff = staffTotalOf(k)
  const care = careStaffOf(k)
  const ratioOrNone = (num: number | null, den: number | null, what: string, zero: string): ComputedValue =>
    num === null
      ? { numerator: null, denominator: den, value: null, reason: `未填报${what}` }
      : value(num, den, { noDenominator: `未填报${what}`, zeroDenominator: zero })
  const principals = k.staff?.principals
  return {
    kgChildren: { numerator: null, denominator: null, value: children },
    kgClassSizeRate: cs
      ? value(cs.compliant, cs.classes, {
          noDenominator: '',
          zeroDenominator: '班数为0',
          note: cs.basis === 'average' ? '按年级平均班额计' : undefined,
        })
      : { numerator: null, denominator: null, value: null, reason: '未填报分年级班数和幼儿数' },
    kgChildrenPerStaff: ratioOrNone(children, staff, '教职工数', '教职工数为0'),
    kgChildrenPerCareStaff: ratioOrNone(children, care, '专任教师或保育员数', '保教人员数为0'),
    kgTeachersPerClass: ratioOrNone(teachers, classes, teachers === null ? '专任教师数' : '班数', '班数为0'),
    kgCareStaffPerClass: ratioOrNone(care, classes, care === null ? '专任教师或保育员数' : '班数', '班数为0'),
    kgChildrenPerTeacher: ratioOrNone(children, teachers, '专任教师数', '专任教师数为0'),
    kgCertifiedRate:
      isNum(k.certifiedTeachers) && isNum(k.certifiedPrincipals) && isNum(teachers) && isNum(principals)
        ? value(k.certifiedTeachers + k.certifiedPrincipals, teachers + principals, {
            noDenominator: '',
            zeroDenominator: '园长和专任教师数为0',
          })
        : { numerator: null, denominator: null, value: null, reason: '未填报持证人数（非统计口径）' },
    kgBuildingAreaPerChild: ratioOrNone(k.areas?.building ?? null, children, '校舍建筑面积', '在园幼儿数为0'),
  }
}
