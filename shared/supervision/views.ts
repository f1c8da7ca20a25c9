import type { Institution } from '../institutions/types'
import type { Inspector, LedgerRow, LinkedDocument, PeriodFigures, Visit } from './types'

/**
 * What the supervision screens read (the core computes it; svui shows it). Dates are local YYYY-MM-DD.
 */

/** A visit with names resolved and its timeliness (recorded within `recordDays` of the visit). */
export interface VisitRow extends Visit {
  institutionName: string
  inspectorName: string
  companionNames: string[]
  /** whole days from the visit to the local date it was recorded */
  recordDelayDays: number
  recordedInTime: boolean
}

/** One institution on the month board: visits done against required, its 责任区 and last visit. */
export interface BoardInstitution {
  institutionId: number
  name: string
  zoneName: string
  inspectorId: number | null
  inspectorName: string
  done: number
  required: number
  /** last visit on or before the month's end, '' when never */
  lastVisit: string
  openProblems: number
}

/** 月度看板: the month's theme, visits against the requirement, problems opened and closed. */
export interface MonthBoard {
  month: string
  theme: string
  topics: string[]
  standingChecklist: string[]
  /** the month's notice and 通报 days from the settings */
  noticeDate: string
  bulletinDate: string
  figures: PeriodFigures
  /** every institution of the year's zones, then visited ones outside any zone */
  institutions: BoardInstitution[]
  visits: VisitRow[]
}

/** A document linked to some of an institution's entries, once, with the entries' codes. */
export interface InstitutionDocument extends LinkedDocument {
  entryCodes: string[]
}

/** 学校页: an institution's visits, open problems and documents. */
export interface InstitutionSummary {
  institution: Institution
  year: number
  zoneName: string
  inspectorName: string
  visits: VisitRow[]
  /** entries not yet rectified (any year) */
  openEntries: LedgerRow[]
  /** every entry of the year */
  entries: LedgerRow[]
  documents: InstitutionDocument[]
  overdue: number
}

/**
 * 督学页 (the 责任督学考核 figures) for a year:
 * - visits done / required (the requirement over the year's months for the institutions of their zones);
 * - timeliness: records entered within `recordDays` of the visit / all their records;
 * - problems found by them in the year; reviewed (at least one 复查 recorded); rectified now
 *   (复查通过 or 已销号); overdue now.
 */
export interface InspectorSummary {
  inspector: Inspector
  year: number
  zoneNames: string[]
  institutions: { institutionId: number; name: string; visits: number; lastVisit: string }[]
  visits: VisitRow[]
  visitsDone: number
  visitsRequired: number
  recordsInTime: number
  recordsTotal: number
  /** recordsInTime / recordsTotal, null without records */
  timeliness: number | null
  problemsFound: number
  problemsReviewed: number
  problemsRectified: number
  problemsOverdue: number
}

/** Chart data for a year (the ECharts wrapper draws them). */
export interface SupervisionCharts {
  year: number
  /** `2025-01` … `2025-12` */
  months: string[]
  /** problems found by 督导事项 and month: counts[i][m] for items[i] and months[m] */
  byItemMonth: { items: { itemKey: string | null; title: string }[]; counts: number[][] }
  /**
   * per month M of the year (up to the current one): the 整改率 of the problems found in M, read on the
   * last day of M+1 (as the 通报 of M+1 prints it as last period's), or today when M+1 is not over
   */
  rectificationTrend: { month: string; found: number; rectified: number; rate: number | null }[]
  /** institutions with overdue problems today, most first */
  overdueByInstitution: { institutionId: number; name: string; count: number }[]
}
