/**
 * The services date things in the office's time zone (the suite runs with TZ=Asia/Shanghai): at
 * 2027-01-01 01:00 China time (2026-12-31 17:00 UTC) a new document is dated 2027-01-01 and a number
 * allocated without a year is a 2027 number.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useOfficeFixture } from '../helpers/officeFixture'

const setup = useOfficeFixture()

afterEach(() => {
  vi.useRealTimers()
})

describe('local dates in the services, just after midnight China time', () => {
  it('a new document and an allocated number take the local date and year, not UTC', async () => {
    const { call, series } = await setup()
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-31T17:00:00Z'))
    const doc = await call('documents.create', { templateKey: 'distribution-notice' })
    expect(doc.content.signedDate).toBe('2027-01-01')
    expect(doc.content.title).toContain('2027年')
    const allocated = await call('numbers.allocate', { seriesId: series.id, title: '元旦值班安排' })
    expect(allocated).toMatchObject({ docNumber: '固政教督办〔2027〕1号', year: 2027, seq: 1 })
    const register = await call('numbers.register', { year: 2027 })
    expect(register).toEqual([expect.objectContaining({ seq: 1, status: 'used', issuedOn: '2027-01-01' })])
    expect(await call('numbers.register', { year: 2026 })).toEqual([])
  })
})
