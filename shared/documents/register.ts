import type { RegisterEntry } from './records'

/**
 * 断号 (a break in the number sequence): a number of the register that no issued document carries,
 * i.e. a gap never recorded (`gap`) or a voided number (`voided`, explained by its 作废原因). One
 * definition for the 发文登记簿 screen (its red 断号 tags), its counts and the .xlsx 合计 row.
 */
export function isNumberBreak(entry: Pick<RegisterEntry, 'status'>): boolean {
  return entry.status === 'gap' || entry.status === 'voided'
}

/** Counts of one register (or one series of it). `breaks` = `voided` + `unrecorded`. */
export interface RegisterTotals {
  used: number
  reserved: number
  voided: number
  /** Gaps nobody has recorded or voided yet (to be 补登 or 作废). */
  unrecorded: number
  /** 断号: every entry for which isNumberBreak() is true. */
  breaks: number
}

export function registerTotals(entries: Pick<RegisterEntry, 'status'>[]): RegisterTotals {
  const t: RegisterTotals = { used: 0, reserved: 0, voided: 0, unrecorded: 0, breaks: 0 }
  for (const e of entries) {
    if (e.status === 'used') t.used++
    else if (e.status === 'reserved') t.reserved++
    else if (e.status === 'voided') t.voided++
    else t.unrecorded++
    if (isNumberBreak(e)) t.breaks++
  }
  return t
}

/** `已用 3 个，预留 1 个，断号 2 个（作废 1 个，未登记 1 个）`: the same sentence on screen and in the .xlsx. */
export function registerTotalsText(t: RegisterTotals): string {
  return `已用 ${t.used} 个，预留 ${t.reserved} 个，断号 ${t.breaks} 个（作废 ${t.voided} 个，未登记 ${t.unrecorded} 个）`
}
