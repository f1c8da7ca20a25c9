import { describe, expect, it } from 'vitest'
import { balanceModule } from '../../../electron/core/balance/module'
import { preschoolModule } from '../../../electron/core/preschool/module'

describe('one set of statistics commands (imports/statisticsCommands.ts) for 学前教育 and 优质均衡', () => {
  it('both modules have template / export / import / report with the same options and usage, words of their own', () => {
    for (const [m, mod] of [
      ['preschool', preschoolModule],
      ['balance', balanceModule],
    ] as const) {
      const c = mod.commands!
      expect(c[`${m} template`].usage).toBe(`${m} template --out 文件.xlsx [--force]`)
      expect(Object.keys(c[`${m} export`].options!)).toEqual(['year', 'out', 'force'])
      expect(c[`${m} import`].usage.startsWith(`${m} import <文件.xlsx> [--year 年度] [--check]`)).toBe(true)
      expect(c[`${m} report`].usage).toBe(`${m} report --year 年度 --out 文件.docx [--force]`)
    }
    expect(preschoolModule.commands!['preschool import'].options).toHaveProperty('close') // its own extra
    expect(balanceModule.commands!['balance import'].options).not.toHaveProperty('close')
    expect(preschoolModule.commands!['preschool report'].summary).toContain('学前教育')
    expect(balanceModule.commands!['balance report'].summary).toContain('优质均衡')
  })
})
