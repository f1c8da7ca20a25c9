/**
 * What the 学前教育 pages show, as sent over the channels (plain data, no functions).
 */
import type { Institution } from '../institutions/types'
import type { ItemResult, Judgement } from '../rubrics/evaluate'
import type { PreschoolEvaluation } from './evaluatePreschool'
import type { CountyPreschoolYear, KindergartenYear } from './types'

/** One year's whole picture: the evaluation plus what the screens need around it. */
export interface PreschoolYearView {
  year: number
  /** years with data, newest first */
  years: number[]
  rubric: { id: string; version: string; name: string }
  /** rubrics that can be chosen for the year (bundled + variants) */
  rubricChoices: { id: string; name: string }[]
  county: CountyPreschoolYear
  evaluation: PreschoolEvaluation
  judgements: Record<string, Judgement>
  /** kindergartens of the year: registry id, name, figures, and the row they came from */
  kindergartens: { institutionId: number; figures: KindergartenYear; source: string }[]
}

/** The three headline rates of each year, for the trend chart. */
export interface PreschoolTrendPoint {
  year: number
  grossEnrolmentRate: number | null
  affordableCoverageRate: number | null
  publicShare: number | null
  enrolledChildren: number
  kindergartens: number
}

/** A kindergarten's page: registry entry and every year's figures with its flags. */
export interface KindergartenPage {
  institution: Institution
  years: { statYear: number; figures: KindergartenYear; source: string; flags: ItemResult[] }[]
}
