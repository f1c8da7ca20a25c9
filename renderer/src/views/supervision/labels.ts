import type { LedgerStatus, ProblemLevel } from '../../../../shared/supervision/types'

/** Tag colours of the ledger statuses and the levels (Element Plus tag types). */
export const STATUS_TAG: Record<LedgerStatus, 'danger' | 'warning' | 'primary' | 'success' | 'info'> = {
  pending: 'danger',
  notified: 'warning',
  reported: 'primary',
  verified: 'success',
  closed: 'info',
}
export const LEVEL_TAG: Record<ProblemLevel, 'info' | 'success' | 'primary' | 'warning' | 'danger'> = {
  无意见: 'info',
  小问题: 'success',
  一般问题: 'primary',
  严重问题: 'danger',
  复杂问题: 'warning',
}
/** The ledger's status filter: the five statuses and the three groups the core understands. */
export const STATUS_FILTERS: { value: string; label: string }[] = [
  { value: 'open', label: '未整改完成' },
  { value: 'overdue', label: '已逾期' },
  { value: 'done', label: '已整改完成' },
  { value: 'pending', label: '待整改' },
  { value: 'notified', label: '已发整改通知' },
  { value: 'reported', label: '已报整改结果' },
  { value: 'verified', label: '复查通过' },
  { value: 'closed', label: '已销号' },
]
/** What each history action reads as. */
export const ACTION_LABELS: Record<string, string> = {
  create: '列入台账',
  edit: '修改',
  notify: '发出整改通知',
  progress: '整改进展',
  report: '收到整改报告',
  reviewPassed: '复查通过',
  reviewFailed: '复查不通过',
  close: '销号',
  reopen: '重新打开',
  urge: '督办',
  linkDocument: '关联文书',
}

/** Tag colour of a status or level read from an untyped table row. */
export const statusTag = (s: string) => STATUS_TAG[s as LedgerStatus] ?? 'info'
export const levelTag = (l: string) => LEVEL_TAG[l as ProblemLevel] ?? 'info'
