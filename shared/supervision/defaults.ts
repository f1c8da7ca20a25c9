import type { SupervisionSettings } from './types'

/**
 * The settings a new workspace starts with: notice on the 5th and 通报 on the 10th (one county's plan,
 * SUPERVISION.md), one visit a month to each institution (many counties; the 条例's floor is two a term),
 * records within two days (挂牌督导办法), 30 days to rectify, 秋季学期 from September, 春季学期 from March.
 */
export const DEFAULT_SETTINGS: SupervisionSettings = {
  noticeDay: 5,
  bulletinDay: 10,
  requirement: { per: 'month', count: 1 },
  recordDays: 2,
  rectifyDays: 30,
  autumnTermStartMonth: 9,
  springTermStartMonth: 3,
}
