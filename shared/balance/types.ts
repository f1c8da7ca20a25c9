/**
 * Typed inputs of the 义务教育优质均衡 (balancedDevelopment, 教督〔2017〕6号) computations: one
 * school in one statistical year, with its figures per 学段 (stage) and its whole-school resources,
 * and the county's figures of that year. Words follow the 教育事业统计 forms (STATISTICS.md);
 * "local" fields are not on the forms (非统计口径).
 *
 * Units: people and rooms are whole numbers, areas in ㎡, equipment value in 元 (the statistics give
 * 万元: the importer converts). `null` / absent = not reported; 0 = reported as none.
 */

/** 学段 evaluated by 优质均衡. */
export type Stage = '小学' | '初中'
/** A school part's 学段; 高中 parts only count in the split of shared resources. */
export type PartStage = Stage | '高中'

/** Education levels of 专任教师, both generations of form words normalised (博士 + 硕士 = postgraduate). */
export type EducationLevel = 'postgraduate' | 'bachelor' | 'associate' | 'highSchool' | 'belowHighSchool'

/** Students, classes and teachers of one 学段 of a school (reported per 学段 by the statistics). */
export interface SchoolStageFigures {
  stage: PartStage
  /** 在校生数 (具有学籍并在本学年初注册的在校生) */
  students: number
  /** 班数 */
  classes?: number | null
  /** classes above the stage's limit (小学 45, 初中 50): as given, or derived (shared/balance/classBands.ts classSizeFigures) */
  classesOverLimit?: number | null
  /** 超过45人的班数 (46人及以上), as a sheet may give it instead of bands */
  classesOver45?: number | null
  /** 超过50人的班数 (51人及以上), as a sheet may give it instead of bands */
  classesOver50?: number | null
  /** 最大班额: the largest class's students */
  largestClass?: number | null
  /** 专任教师 by education (研究生 / 本科 / 专科 / 高中阶段 / 高中阶段以下); absent levels count as 0 */
  teachersByEducation?: Partial<Record<EducationLevel, number | null>> | null
  /** 专任教师 total (used for 持证 and 培训 rates) */
  teachers?: number | null
  /** 县级及以上骨干教师 */
  keyTeachers?: number | null
  /** 体育（与健康）专任教师 */
  peTeachers?: number | null
  /** 音乐 专任教师 */
  musicTeachers?: number | null
  /** 美术 专任教师 */
  artTeachers?: number | null
  /** 艺术（音乐、美术）专任教师 when the sheet gives them together (used when music / art are absent) */
  artsTeachers?: number | null
  /** local: 专任教师 holding a 教师资格证 */
  certifiedTeachers?: number | null
  /** local: 专任教师 who completed 360 学时 in 5 years */
  trainedTeachers?: number | null
}

/** Whole-school resources, reported once per school; split between 学段 by weighted students. */
export interface SchoolResources {
  /** 教学及辅助用房面积 (㎡) */
  teachingArea?: number | null
  /** 其中：室内体育用房 (older forms: 体育馆) (㎡) */
  indoorSportsArea?: number | null
  /** 运动场地面积 (㎡) */
  sportsGroundArea?: number | null
  /** 教学仪器设备资产值 (元) */
  equipmentValue?: number | null
  /** 网络多媒体教室 (间) */
  multimediaRooms?: number | null
  /** local: 音乐专用教室 count and total area (㎡) */
  musicRooms?: number | null
  musicRoomArea?: number | null
  /** local: 美术专用教室 count and total area (㎡) */
  artRooms?: number | null
  artRoomArea?: number | null
}

/** One school (学校（机构）) in one statistical year. */
export interface BalanceSchoolYear {
  id: string
  name: string
  /** 办学类型: 211 小学, 218 教学点, 311 初中, 312 九年一贯制, 341 完全中学, 345 十二年一贯制 */
  institutionType?: string | null
  township?: string | null
  urbanRural?: '城区' | '镇区' | '乡村' | null
  /** 特殊教育学校 (excluded from the school indicators when the rubric says so) */
  special?: boolean | null
  boarding?: boolean | null
  /** per 学段 figures; a 九年一贯制 school has a 小学 and an 初中 entry */
  stages: SchoolStageFigures[]
  resources: SchoolResources
}

/** A numerator / denominator pair from the county's own figures. */
export interface CountFigure {
  numerator: number | null
  denominator: number | null
}

/** The county's 政府保障 / 教育质量 / 社会认可度 figures of one year. */
export interface BalanceCountyYear {
  statYear: number
  /** 交流轮岗 teachers ÷ teachers eligible for exchange */
  rotation?: CountFigure | null
  /** 骨干教师 among the exchanged ÷ exchanged teachers */
  rotationKeyTeachers?: CountFigure | null
  /** 优质高中 places allocated to 初中 ÷ 优质高中 enrolment plan */
  quotaAllocation?: CountFigure | null
  /** 随迁子女 in 公办 and government-purchased 民办 places ÷ eligible 随迁子女 */
  migrantChildren?: CountFigure | null
  /** 初中三年巩固率: 初三 students ÷ 初一 entrants three years earlier (as the county reports them) */
  retention?: CountFigure | null
  /** 残疾儿童少年 enrolled ÷ 残疾儿童少年 of school age */
  disabledEnrolment?: CountFigure | null
  /** 社会认可度 survey: satisfied ÷ valid answers */
  satisfaction?: CountFigure | null
}
