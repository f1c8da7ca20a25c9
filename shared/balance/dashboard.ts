/**
 * What the 优质均衡 screens receive for a year (channel balance.view) and the trend over years.
 */
import type { BalanceEvaluation, SchoolPartResult } from './evaluateBalance'
import type { Institution } from '../institutions/types'
import type { CvTable } from './report'
import type { BalanceCountyYear, PartStage, SchoolResources } from './types'
import type { Judgement, Verdict } from '../rubrics/evaluate'
import type { RubricChoice } from '../rubrics/variants'
import type { BalanceThresholds } from './indicators'

/** A school of the year as imported: registry fields, its 学段 and whole-school resources, where each came from. */
export interface BalanceSchoolRow {
  institutionId: number
  name: string
  institutionType: string | null
  township: string | null
  stages: PartStage[]
  resources: SchoolResources
  /** `小学：文件 / 工作表 第 N 行` …: every figure traceable to its row */
  sources: string[]
}

export interface BalanceYearView {
  year: number
  /** years with data, newest first */
  years: number[]
  rubric: { id: string; version: string; name: string }
  /** the rubrics that can be chosen for the year: the bundled one, then the stored variants */
  rubricChoices: RubricChoice[]
  /** the year's rubric's standards per indicator and 学段 (school level) and 差异系数 limit per 学段 */
  thresholds: BalanceThresholds
  evaluation: BalanceEvaluation
  judgements: Record<string, Judgement>
  county: BalanceCountyYear
  countySource: string
  schools: BalanceSchoolRow[]
  /** per 学段: the seven indicators per school with 全县平均值 / 标准差 / 差异系数 rows */
  tables: CvTable[]
  /** 存在的问题, pre-filled from the failures and the plans */
  problems: string[]
}

export interface BalanceTrendPoint {
  year: number
  stages: Array<{ stage: string; verdict: Verdict; schools: number; schoolsMet: number; cv: Record<string, number | null> }>
}

/** One year of a school on its page: its 学段 parts as evaluated that year (without the rubric detail) and where the figures came from. */
export interface BalanceSchoolPageYear {
  year: number
  parts: Array<
    Omit<SchoolPartResult, 'evaluation'> & {
      /** 班额 of the part (政府保障 第5项): 班数, classes over the 学段's limit, and what is missing (classSizeFigures) */
      classSize: { classes: number | null; overLimit: number | null; limit: number; missing: string | null }
    }
  >
  sources: string[]
}

/** A school's page (channel balance.school): its registry entry and every stored year, oldest first. */
export interface BalanceSchoolPage {
  institution: Institution
  years: BalanceSchoolPageYear[]
}
