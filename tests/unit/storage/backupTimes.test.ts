import { afterEach, describe, expect, it } from 'vitest'
import { parseBackupFileName } from '../../../electron/core/system/backups'
import { localDateTime as formatDateTime } from '../../../shared/format/localTime'

const originalTz = process.env.TZ
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ
  else process.env.TZ = originalTz
})

describe('backup times are the PC’s local time', () => {
  it('in China a backup made at 03:04 local time is shown as 03:04 of that day, not 19:04 of the day before (UTC)', () => {
    process.env.TZ = 'Asia/Shanghai'
    const parsed = parseBackupFileName('自动备份-20260102-030405.sqlite')!
    expect(parsed.createdAt.toISOString()).toBe('2026-01-01T19:04:05.000Z')
    expect(formatDateTime(parsed.createdAt.toISOString())).toBe('2026年1月2日 03:04')
  })
})
