import { describe, expect, it } from 'vitest'
import { formatSerialNumber, validateSerialPattern } from '../../../../shared/supervision/documents/numbering'

describe('serial 编号 formats of 整改通知书 and 督办单', () => {
  it('formats the year and the sequence, padded when asked', () => {
    expect(formatSerialNumber('督改〔{year}〕{seq}号', 2025, 3)).toBe('督改〔2025〕3号')
    expect(formatSerialNumber('〔{year}〕第{seq}号', 2025, 3)).toBe('〔2025〕第3号')
    expect(formatSerialNumber('DB{year}-{seq:3}', 2025, 7)).toBe('DB2025-007')
    expect(formatSerialNumber('DB{year}-{seq:3}', 2025, 1234)).toBe('DB2025-1234')
  })

  it('refuses a format without exactly one year and one sequence, or with unknown fields', () => {
    expect(validateSerialPattern('督改〔{year}〕{seq}号')).toBeNull()
    expect(validateSerialPattern('〔{year}〕第{seq:3}号')).toBeNull()
    expect(validateSerialPattern('')).toBe('编号格式不能为空')
    expect(validateSerialPattern('督改{seq}号')).toContain('{year}')
    expect(validateSerialPattern('督改〔{year}〕号')).toContain('{seq}')
    expect(validateSerialPattern('{year}{seq}{seq}')).toContain('{seq}')
    expect(validateSerialPattern('{year}-{seq}-{month}')).toContain('只能使用')
    expect(validateSerialPattern('督改 {year}{seq}')).toContain('空格')
  })
})
