/**
 * 责任督学挂牌督导 (issue 14): the domain types shared by the core, the documents and the screens.
 * Rules follow 《教育督导条例》(2012) and 《中小学校责任督学挂牌督导办法》(2013); the ledger columns and
 * the problem-handling chain follow ../shared/domain/SUPERVISION.md. Dates are local calendar dates
 * `YYYY-MM-DD`; instants (`*At`) are ISO 8601 UTC with `Z`, shown through shared/format/localTime.ts.
 */

/** 专职 (full-time) or 兼职 (part-time) 督学. */
export type InspectorKind = '专职' | '兼职'
/** The two kinds of 督学, in the order offered. */
export const INSPECTOR_KINDS: readonly InspectorKind[] = ['专职', '兼职']

/** 督学: a person the office appoints as 责任督学. */
export interface Inspector {
  id: number
  name: string
  kind: InspectorKind
  /** 工作单位 */
  unit: string
  phone: string
  /** first year the person serves (inclusive) */
  activeFrom: number
  /** last year the person serves (inclusive); null = still serving */
  activeTo: number | null
  note: string
  createdAt: string
  updatedAt: string
}

/** 责任区 of one year: one 责任督学 and the institutions (registry ids) in their charge that year. */
export interface Zone {
  id: number
  year: number
  /** e.g. 第一责任区 */
  name: string
  inspectorId: number
  /** institution registry ids; an institution belongs to at most one zone a year */
  institutionIds: number[]
  note: string
}

/** 督导事项: one area of the 挂牌督导 list; the office edits the list (key stays, title may change). */
export interface SupervisionItem {
  /** stable key stored in visits and ledger entries, e.g. `management` */
  key: string
  title: string
  description: string
  sortOrder: number
  /** retired items stay for old records but are not offered for new ones */
  active: boolean
}

/** One month of the 年度计划: the month's topic(s) (the X of 1+X). */
export interface PlanMonth {
  /** 1–12 */
  month: number
  /** 月主题, e.g. 开学检查; '' = no visit month (holidays) */
  theme: string
  /** the month's focus points under the theme */
  topics: string[]
  note: string
}

/** 年度计划: the standing checklist (the 1 of 1+X, checked on every visit) and the twelve months. */
export interface AnnualPlan {
  year: number
  standingChecklist: string[]
  months: PlanMonth[]
  updatedAt: string | null
}

/** How many visits an institution needs: 条例 art. 14 asks at least two a term; many counties one a month. */
export interface VisitRequirement {
  per: 'month' | 'term'
  count: number
}

/** The office's settings of the module. */
export interface SupervisionSettings {
  /** day of month the 月度督导通知 goes out (1–28) */
  noticeDay: number
  /** day of month the 督导通报 goes out (1–28) */
  bulletinDay: number
  /** visits each institution needs */
  requirement: VisitRequirement
  /** a visit record is timely when entered within this many days of the visit (办法: two) */
  recordDays: number
  /** default 整改时限 in days after the 发现日期 for 一般问题 and above */
  rectifyDays: number
  /** the 秋季学期 starts in this month (its 春季学期 the month after it ends); default 9 / 3 */
  autumnTermStartMonth: number
  springTermStartMonth: number
}

/** Methods of a visit, counted (听课 3 节, 座谈 1 次 …). */
export type VisitMethod = '听课' | '查阅资料' | '座谈' | '访谈' | '巡视' | '问卷'
/** The methods of a visit, in the order of the record form. */
export const VISIT_METHODS: readonly VisitMethod[] = ['听课', '查阅资料', '座谈', '访谈', '巡视', '问卷']

/** 五级处理: how a finding is followed up (SUPERVISION.md "Problem handling"). */
export type ProblemLevel = '无意见' | '小问题' | '一般问题' | '严重问题' | '复杂问题'
/** The five levels, lightest first. */
export const PROBLEM_LEVELS: readonly ProblemLevel[] = ['无意见', '小问题', '一般问题', '严重问题', '复杂问题']

/** One finding written on a visit record; `entryId` once it became a ledger entry. */
export interface VisitFinding {
  description: string
  itemKey: string | null
  level: ProblemLevel
  /** 整改意见 / suggestion written on the record */
  suggestion: string
  entryId: number | null
}

/** A file kept with a visit or a 销号 (a photo, a scan of the signed record). */
export interface StoredAttachment {
  /** file name inside the module's evidence folder */
  name: string
  /** bytes */
  size: number
}

/** 督导记录: one visit of a 责任督学 to one institution. */
export interface Visit {
  id: number
  /** 督导日期 */
  date: string
  inspectorId: number
  /** accompanying 督学 (ids) */
  companionIds: number[]
  institutionId: number
  /** the month's theme as visited */
  theme: string
  /** 督导事项 touched (keys) */
  itemKeys: string[]
  /** counts per method; absent = 0 */
  methods: Partial<Record<VisitMethod, number>>
  findings: VisitFinding[]
  /** 好的做法 / 经验 */
  goodPractice: string
  /** 整改意见 and other remarks */
  opinion: string
  attachments: StoredAttachment[]
  /** 学校已签字盖章 */
  schoolSigned: boolean
  /** when the record was entered (instant); timeliness = local date of this − `date` ≤ recordDays */
  recordedAt: string
  /** `app`, or the import's file / sheet / row */
  source: string
  createdAt: string
  updatedAt: string
}

/** 来源 of a ledger entry. */
export type LedgerSource = '经常性督导' | '专项督导' | '投诉' | '自查' | '上级交办'
/** The sources of a ledger entry (SUPERVISION.md 问题台账 columns). */
export const LEDGER_SOURCES: readonly LedgerSource[] = ['经常性督导', '专项督导', '投诉', '自查', '上级交办']

/**
 * Status of a ledger entry (SUPERVISION.md): 待整改 → 已发整改通知 (整改通知书 已发出) → 已报整改结果 →
 * 复查通过 (督学已核查, 整改完成) → 已销号. 复查不通过 sends it back to the school (待整改 or 已发整改通知).
 */
export type LedgerStatus = 'pending' | 'notified' | 'reported' | 'verified' | 'closed'
/** The Chinese label of each status. */
export const LEDGER_STATUS_LABELS: Record<LedgerStatus, string> = {
  pending: '待整改',
  notified: '已发整改通知',
  reported: '已报整改结果',
  verified: '复查通过',
  closed: '已销号',
}

/** What happened to an entry; every action appends one event, none is overwritten. */
export type LedgerAction =
  'create' | 'edit' | 'notify' | 'progress' | 'report' | 'reviewPassed' | 'reviewFailed' | 'close' | 'reopen' | 'urge' | 'linkDocument'

export interface LedgerEvent {
  action: LedgerAction
  /** business date of the action (local, YYYY-MM-DD): statuses at a past date are read from these */
  date: string
  /** when it was recorded (instant) */
  at: string
  from: LedgerStatus | null
  to: LedgerStatus
  /** who did it (a name typed or the 督学), '' when unknown */
  by: string
  note: string
}

/** 整改进展: one dated line of progress. */
export interface ProgressEntry {
  date: string
  text: string
  by: string
  at: string
}

/** The role a document plays for an entry. */
export type DocumentRole = '整改通知书' | '督办单' | '督导通报' | '月度通知' | '协商意见书'
/** The roles a linked document can play. */
export const DOCUMENT_ROLES: readonly DocumentRole[] = ['整改通知书', '督办单', '督导通报', '月度通知', '协商意见书']

/** A 公文 linked to an entry, with its current status (a voided one shows as 已作废, a deleted draft as 已删除). */
export interface LinkedDocument {
  documentId: number
  role: DocumentRole
  title: string
  docNumber: string
  /** documents.status, or `deleted` when the draft no longer exists */
  status: 'draft' | 'signed' | 'printed' | 'voided' | 'deleted'
  /** 草稿 / 已签发 / 已印发 / 已作废 / 已删除 */
  statusLabel: string
  /** the document's 成文日期 or creation day (local), '' when unknown */
  date: string
  linkedAt: string
}

/** 复查结果 */
export type ReviewResult = 'passed' | 'failed'

/** 问题台账: one problem, from the finding to its 销号. `overdue` is never stored: see overdue.ts. */
export interface LedgerEntry {
  id: number
  /** 编号, e.g. 2025-0012 (year of the 发现日期, then a serial) */
  code: string
  source: LedgerSource
  /** 发现日期 */
  foundDate: string
  inspectorId: number | null
  institutionId: number
  itemKey: string | null
  /** 月主题 at the time */
  monthTheme: string
  description: string
  level: ProblemLevel
  /** 责任单位: whoever must solve it (the school, 财政, 人社 …) */
  responsibleUnit: string
  responsiblePerson: string
  /** 整改措施 */
  measures: string
  /** 整改时限 (last day allowed); null = none set */
  deadline: string | null
  /** the visit that found it */
  visitId: number | null
  /** index of the finding on that visit */
  findingIndex: number | null
  progress: ProgressEntry[]
  /** 整改报告 received on */
  reportDate: string | null
  reviewDate: string | null
  reviewer: string
  reviewResult: ReviewResult | null
  reviewNote: string
  /** 销号日期 */
  closedDate: string | null
  /** 销号依据 (text) */
  closeBasis: string
  /** 销号依据 files */
  closeEvidence: StoredAttachment[]
  status: LedgerStatus
  history: LedgerEvent[]
  createdAt: string
  updatedAt: string
}

/** A ledger entry as the ledger table shows it: names resolved, overdue computed for `today`. */
export interface LedgerRow extends LedgerEntry {
  institutionName: string
  inspectorName: string
  itemTitle: string
  statusLabel: string
  /** computed (overdue.ts) for the day the list was read */
  overdue: boolean
  /** days past the deadline (0 when not overdue) */
  overdueDays: number
  documents: LinkedDocument[]
}

/** A month (`2025-03`) or a term, as closed date ranges. */
export interface Period {
  kind: 'month' | 'term'
  /** `2025-03`, or `2025-autumn` / `2025-spring` (autumn 2025 runs into early 2026) */
  key: string
  /** first day, YYYY-MM-DD */
  from: string
  /** last day, YYYY-MM-DD */
  to: string
  /** 2025年3月 / 2025年秋季学期 */
  label: string
}

/** Visits done against visits required, for one 督学 in a period. */
export interface InspectorPeriodFigures {
  inspectorId: number
  name: string
  /** visits made as the lead 督学 */
  done: number
  /** sum over the institutions of their zone of what the requirement asks in this period */
  required: number
  /** institutions of the zone visited at least once / in the zone */
  institutionsVisited: number
  institutionsInZone: number
}

/**
 * The figures of a month or a term, as the 督导通报 prints them (periodFigures in figures.ts).
 */
export interface PeriodFigures {
  period: Period
  /** the day statuses are read on: the period's last day, or today when the period is not over */
  asOf: string
  /** 入校 所次: visits in the period (one visit to one institution = 1) */
  visits: number
  /** distinct institutions visited */
  institutionsVisited: number
  /** institutions in a zone of the period's year (open that year) */
  institutionsTotal: number
  /** institutionsVisited / institutionsTotal (0–1), null when no institution is assigned */
  coverage: number | null
  /** entries found in the period (level 无意见 not counted) */
  problemsFound: number
  /** the same, by 督导事项, in the list's order; `itemKey` null = 未归类 */
  problemsByItem: { itemKey: string | null; title: string; count: number }[]
  /** entries of the period that reached 复查通过 or 已销号 by the period's last day */
  problemsClosed: number
  /** entries of any period whose 复查 passed on a day of the period (the month board's "closed") */
  rectifiedInPeriod: number
  /**
   * Last period's 整改率: of the entries found in the previous period (month before / term before;
   * level 无意见 not counted), the share whose status on this period's last day (read from their
   * dated history) was 复查通过 or 已销号. `rate` is 0–1, null when the previous period found none.
   */
  previousRectification: { period: Period; found: number; rectified: number; rate: number | null }
  /** entries overdue on the period's last day (or on `today` when the period is not over) */
  overdue: number
  perInspector: InspectorPeriodFigures[]
}
