import type { MinutesAttendance } from './types'

/** 纪要格式 (GB/T 9704 10.2): the 出席 / 请假 / 列席 lines that have names, in the standard's order. */
export function attendanceRows(a: MinutesAttendance): [label: string, names: string][] {
  const rows: [string, string][] = [
    ['出席', a.present],
    ['请假', a.absent],
    ['列席', a.observers],
  ]
  return rows.filter(([, names]) => names.trim() !== '')
}
