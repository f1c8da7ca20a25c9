import { parseArgs } from 'node:util'
import { describe, expect, it } from 'vitest'
import { CliError, parseArgsMessage, yearOption } from '../../electron/core/cli/command'

describe('command-line year option', () => {
  it('takes a plain four-digit year in 1949–2100', () => {
    expect(yearOption('2024')).toBe(2024)
    expect(yearOption('1949')).toBe(1949)
    expect(yearOption(undefined)).toBeUndefined()
  })

  it('refuses what Number() would read as a year: 2e3, 0x7E8, 2024.0, padded or short values', () => {
    for (const bad of ['2e3', '0x7E8', '2024.0', ' 2024', '2024 ', '24', '02024', '1948', '2101', '２０２４', '', 'abcd']) {
      expect(() => yearOption(bad), bad).toThrow(CliError)
    }
    expect(() => yearOption('2e3')).toThrow('年份「2e3」无效，应为 1949–2100 之间的四位数年份，如 2024')
    expect(() => yearOption(true)).toThrow(CliError)
  })
})

describe('command-line usage errors are in Chinese', () => {
  const parse = (args: string[]) => {
    try {
      parseArgs({ args, options: { year: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: false, strict: true })
    } catch (e) {
      return parseArgsMessage(e)
    }
    throw new Error('expected a parse error')
  }

  it('translates unknown options, missing or unexpected values and extra arguments', () => {
    expect(parse(['--foo'])).toBe('未知选项「--foo」')
    expect(parse(['-x'])).toBe('未知选项「-x」')
    expect(parse(['--year'])).toBe('选项「--year」缺少取值')
    expect(parse(['--json=1'])).toBe('选项「--json」不带取值')
    expect(parse(['extra'])).toBe('多余的参数「extra」')
  })
})
