import type { BalanceIndicator } from '../../../../shared/balance/indicators'

/** Short column names of the seven indicators (the rubric's full names in the tooltips). */
export const SHORT_NAMES: Record<BalanceIndicator, string> = {
  qualifiedTeachersPer100: '高于规定学历教师',
  keyTeachersPer100: '县级以上骨干教师',
  peArtTeachersPer100: '体育艺术教师',
  teachingSpacePerStudent: '生均教学用房',
  sportsSpacePerStudent: '生均体育场馆',
  equipmentValuePerStudent: '生均仪器设备值',
  multimediaRoomsPer100: '网络多媒体教室',
}

/** Units of the values (per 100 students, ㎡, 元). */
export const VALUE_UNITS: Record<BalanceIndicator, string> = {
  qualifiedTeachersPer100: '人/百生',
  keyTeachersPer100: '人/百生',
  peArtTeachersPer100: '人/百生',
  teachingSpacePerStudent: '㎡',
  sportsSpacePerStudent: '㎡',
  equipmentValuePerStudent: '元',
  multimediaRoomsPer100: '间/百生',
}

export const STATUS_TEXT: Record<string, string> = {
  met: '达标',
  notMet: '未达标',
  noData: '无数据',
  judged: '已评定',
  partlyMet: '基本达标',
}

/** A cell's class: met, near (not met but ≥ 85% of the standard), notMet, noData. */
export function cellClass(value: number | null, standard: number | null, met: boolean | null): 'met' | 'near' | 'notMet' | 'noData' {
  if (met === true) return 'met'
  if (met === null || value === null || standard === null) return 'noData'
  return value >= 0.85 * standard ? 'near' : 'notMet'
}
