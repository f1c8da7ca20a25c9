process.env.TZ = 'Asia/Shanghai'

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { localClockTime, localDate, localDateTime, localIsoDateOf } from '../../../shared/format/localTime'

describe("instants are shown in the PC's time zone (TZ=Asia/Shanghai)", () => {
  it('15:46 China time is 15:46, not the UTC 07:46', () => {
    expect(localDateTime('2024-03-22T07:46:00.000Z')).toBe('2024年3月22日 15:46')
    expect(localClockTime('2024-03-22T07:46:00.000Z')).toBe('15:46')
  })

  it('between 00:00 and 08:00 the local date is the next UTC day', () => {
    expect(localDateTime('2024-03-21T17:30:00.000Z')).toBe('2024年3月22日 01:30')
    expect(localDate('2024-12-31T16:00:00.000Z')).toBe('2025年1月1日')
    expect(localIsoDateOf(new Date('2024-12-31T16:00:00.000Z'))).toBe('2025-01-01')
  })

  it('leaves empty or unreadable values alone', () => {
    expect(localDateTime('')).toBe('')
    expect(localDateTime('不是时间')).toBe('不是时间')
  })
})

describe('no code shows an instant by slicing its ISO string', () => {
  // `h.at.slice(11, 16)` or `voidedAt.slice(0, 10)` give UTC clock times and dates.
  const roots = ['renderer/src', 'electron/core', 'shared']
  const files: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (/\.(ts|vue)$/.test(name)) files.push(path)
    }
  }
  roots.forEach((r) => walk(join(__dirname, '../../..', r)))

  it('finds no `.at.slice(`, `At.slice(`, `_at.slice(` or `toISOString().slice(`', () => {
    const offenders = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => [line, i] as const)
        .filter(([line]) => /(\.at|At|_at|toISOString\(\)\)*)\??\.(slice|substring|substr)\(/.test(line))
        .map(([line, i]) => `${f}:${i + 1}: ${line.trim()}`),
    )
    expect(offenders).toEqual([])
  })
})
