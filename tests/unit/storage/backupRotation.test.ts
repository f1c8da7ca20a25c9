import { describe, expect, it } from 'vitest'
import { backupFileName, backupsToPrune, parseBackupFileName } from '../../../electron/core/system/backups'
import { withTimeout } from '../../../electron/core/system/fileOps'

/** One automatic backup per day at 09:00 local time for `days` days ending on `last`. */
function daily(last: Date, days: number) {
  return Array.from({ length: days }, (_, i) => {
    const d = new Date(last.getFullYear(), last.getMonth(), last.getDate() - i, 9, 0, 0)
    return { file: backupFileName('auto', d), createdAt: d }
  })
}

describe('automatic backup rotation', () => {
  it('keeps the last 7 days and then one per week for 4 weeks', () => {
    const last = new Date(2026, 10, 30, 9) // Monday 30 Nov 2026
    const entries = daily(last, 60)
    const removed = new Set(backupsToPrune(entries))
    const kept = entries.filter((e) => !removed.has(e.file)).map((e) => e.file)
    expect(kept).toEqual([
      '自动备份-20261130-090000.sqlite',
      '自动备份-20261129-090000.sqlite',
      '自动备份-20261128-090000.sqlite',
      '自动备份-20261127-090000.sqlite',
      '自动备份-20261126-090000.sqlite',
      '自动备份-20261125-090000.sqlite',
      '自动备份-20261124-090000.sqlite',
      // Then the newest of each older week (weeks start on Monday): 23 Nov (Mon) is the week of 23–29 Nov.
      '自动备份-20261123-090000.sqlite',
      '自动备份-20261122-090000.sqlite',
      '自动备份-20261115-090000.sqlite',
      '自动备份-20261108-090000.sqlite',
    ])
  })

  it('keeps only the newest of several backups on one day and never removes the only backups', () => {
    const a = { file: 'a', createdAt: new Date(2026, 10, 30, 8) }
    const b = { file: 'b', createdAt: new Date(2026, 10, 30, 17) }
    expect(backupsToPrune([a, b])).toEqual(['a'])
    expect(backupsToPrune(daily(new Date(2026, 10, 30), 5))).toEqual([])
  })

  it('names carry the local date and time and read back to the same instant', () => {
    const when = new Date(2026, 0, 2, 3, 4, 5)
    expect(backupFileName('auto', when)).toBe('自动备份-20260102-030405.sqlite')
    expect(backupFileName('safety', when)).toBe('恢复前-20260102-030405.sqlite')
    expect(parseBackupFileName('自动备份-20260102-030405.sqlite')).toEqual({ kind: 'auto', createdAt: when })
    expect(parseBackupFileName('教育督导工作台-备份-20260102-030405.sqlite')).toBeNull()
  })
})

describe('bounded file operations', () => {
  it('an operation that never finishes is answered with a Chinese timeout message', async () => {
    await expect(withTimeout(new Promise(() => undefined), '写入备份文件', 20)).rejects.toThrow(
      /写入备份文件超时.*磁盘、U 盘或网络位置可能没有响应/,
    )
    await expect(withTimeout(Promise.resolve(7), 'x', 20)).resolves.toBe(7)
  })
})
