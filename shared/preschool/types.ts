/**
 * The typed inputs of the 学前教育普及普惠 computations: one kindergarten's figures for one
 * statistical year (统计年度, counted as of 9月1日) and the county's figures of that year.
 * Field words follow the 教育事业统计 forms (STATISTICS.md); "local" fields are not on the forms
 * (非统计口径) and are collected by the office's own sheets.
 *
 * Conventions: counts are whole numbers of people or classes, areas in ㎡. `null` / absent means
 * "not reported" (only the indicators needing the field become 无数据); 0 means reported as none.
 */

/** 全日制 / 半日制: the staffing standard differs (幼儿园教职工配备标准（暂行）, 2013). */
export type Schedule = '全日制' | '半日制'

/** 城区 / 镇区 / 乡村 (GLOSSARY: urban / town / rural), from the 3-digit 城乡类型 code. */
export type UrbanRural = '城区' | '镇区' | '乡村'

/** 在园（班）人数 by grade: 合计 / 托班 / 小班 / 中班 / 大班, plus the local 混合班. */
export interface ChildrenByGrade {
  /** 在园（班）人数：合计 (includes 托班) */
  total: number
  nursery?: number | null
  small?: number | null
  middle?: number | null
  large?: number | null
  /** local (非统计口径): children in 混合班 */
  mixed?: number | null
}

/** 班数：合计 / 托班 / 小班 / 中班 / 大班, plus the local 混合班. */
export interface ClassesByGrade {
  total?: number | null
  nursery?: number | null
  small?: number | null
  middle?: number | null
  large?: number | null
  mixed?: number | null
}

/** 教职工数：合计 / 园长 / 专任教师 / 保育员 / 卫生保健人员 / 其他. */
export interface KindergartenStaff {
  total?: number | null
  principals?: number | null
  /** 专任教师 */
  teachers?: number | null
  /** 保育员 */
  caregivers?: number | null
  health?: number | null
  other?: number | null
}

/** Areas in ㎡: 校舍建筑面积 and its rows, 运动场地面积, and the local 户外活动场地面积. */
export interface KindergartenAreas {
  /** 校舍建筑面积 */
  building?: number | null
  /** 教学及辅助用房 */
  teachingRooms?: number | null
  /** 活动室 */
  activityRooms?: number | null
  /** 睡眠室 (local 午睡室 / 寝室) */
  sleepingRooms?: number | null
  /** 运动场地面积 (on the forms) */
  sportsGround?: number | null
  /** local (非统计口径): 户外活动场地面积, a different measure from 运动场地面积 */
  outdoorPlay?: number | null
}

/** One kindergarten (幼儿园, or a 附设幼儿班) in one statistical year. */
export interface KindergartenYear {
  /** registry id (学校标识码 where present) */
  id: string
  /** 学校（机构）名称 */
  name: string
  /** 办学类型 code: 111 幼儿园, 119 附设幼儿班 (default 111) */
  institutionType?: '111' | '119' | null
  /** 学校（机构）举办者: name or code (教育部门, 集体, 民办 / 999 …) */
  sponsor: string
  /** 是否普惠性民办幼儿园 (meaningful for 民办 only) */
  subsidised?: boolean | null
  /** 乡镇 / 街道 */
  township?: string | null
  urbanRural?: UrbanRural | null
  /** 是否乡镇中心幼儿园 */
  townshipCentre?: boolean | null
  /** default 全日制 */
  schedule?: Schedule | null
  /** 在园幼儿 (enrolledChildren): 在园（班）人数 by grade */
  enrolledChildren: ChildrenByGrade
  classes?: ClassesByGrade | null
  /** local: classes counted one by one as over the size limit (takes precedence over grade averages) */
  classesOverLimit?: number | null
  staff?: KindergartenStaff | null
  /** local: 园长 holding the 幼儿园园长任职资格 / 教师资格证 */
  certifiedPrincipals?: number | null
  /** local: 专任教师 holding a 幼儿园教师资格证 */
  certifiedTeachers?: number | null
  areas?: KindergartenAreas | null
}

/** The county's preschool figures of one statistical year (sheet 全县). */
export interface CountyPreschoolYear {
  statYear: number
  /** 3–5周岁常住人口 (agePopulation): denominator of 毛入园率 */
  agePopulation?: number | null
  /** 3–5周岁常住人口 per 乡镇, when the county has it */
  agePopulationByTownship?: Readonly<Record<string, number>> | null
  /** 社会认可度 survey: satisfied answers and valid answers */
  satisfiedResponses?: number | null
  surveyResponses?: number | null
}

/** GLOSSARY: public / private / subsidisedPrivate (公办园 / 民办园 / 普惠性民办园). */
export type Ownership = 'public' | 'private' | 'subsidisedPrivate'
