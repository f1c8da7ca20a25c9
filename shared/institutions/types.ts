/**
 * The one registry of institutions every module shares (issue 11): kindergartens now, schools
 * (优质均衡) and supervision zones next. An institution is keyed by its 学校标识码 where it has one,
 * else by its name within the county (one workspace = one county).
 */

export type InstitutionKind = 'kindergarten' | 'school' | 'zone'

/** Per-kind attributes of a kindergarten (kept as the latest values; yearly figures keep their own copy). */
export interface KindergartenAttributes {
  /** 是否普惠性民办幼儿园 */
  subsidised?: boolean | null
  /** 普惠性民办幼儿园 认定日期 (YYYY-MM-DD) */
  subsidisedSince?: string | null
  /** 是否乡镇中心幼儿园 */
  townshipCentre?: boolean | null
  /** 办园等级 (e.g. 省级示范园, 一级园) */
  grade?: string | null
  /** 全日制 / 半日制 */
  schedule?: '全日制' | '半日制' | null
  /** 城乡类型 as the sheet wrote it (code or name), written back by the export */
  urbanRuralText?: string | null
}

export interface Institution {
  id: number
  /** 学校标识码, null when the sheets never gave one */
  code: string | null
  /** 学校（机构）名称 */
  name: string
  kind: InstitutionKind
  /** 办学类型 code: 111 幼儿园, 119 附设幼儿班, 211 小学, 218 教学点, 311 初中, 312 九年一贯制, 341 完全中学, 345 十二年一贯制 */
  institutionType: string | null
  /** 学校（机构）举办者 (教育部门, 集体, 民办 …) */
  sponsor: string | null
  urbanRural: '城区' | '镇区' | '乡村' | null
  /** the 3-digit 城乡类型 code when the sheet gave one */
  urbanRuralCode: string | null
  /** 乡镇（街道） */
  township: string | null
  /** first statistical year it no longer existed; null = open (closed ones stay in history) */
  closedYear: number | null
  attributes: KindergartenAttributes & Record<string, unknown>
  updatedAt: string
}
