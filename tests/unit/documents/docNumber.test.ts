import { describe, expect, it } from 'vitest'
import { formatDocNumber, normalizeDocNumber, parseDocNumber, validatePrefix } from '../../../shared/documents/docNumber'

describe('formatDocNumber', () => {
  it('writes the GB/T 9704 form with 六角括号 U+3014/U+3015', () => {
    const s = formatDocNumber({ prefix: '贺政教督发', year: 2024, seq: 4 })
    expect(s).toBe('贺政教督发〔2024〕4号')
    expect(s.codePointAt(5)).toBe(0x3014)
    expect(s.codePointAt(10)).toBe(0x3015)
  })

  it('never pads the sequence and keeps multi-digit numbers whole', () => {
    expect(formatDocNumber({ prefix: '桂教督委办', year: 2023, seq: 11 })).toBe('桂教督委办〔2023〕11号')
    expect(formatDocNumber({ prefix: '固政教督办', year: 2023, seq: 123 })).toBe('固政教督办〔2023〕123号')
  })
})

describe('parseDocNumber', () => {
  const expected = { prefix: '贺政教督发', year: 2024, seq: 4 }

  it('reads the standard form of the reference documents', () => {
    expect(parseDocNumber('贺政教督发〔2024〕4号')).toEqual(expected)
    expect(parseDocNumber('桂教督委办〔2023〕11号')).toEqual({ prefix: '桂教督委办', year: 2023, seq: 11 })
    expect(parseDocNumber('白洮政教督办〔2023〕1号')).toEqual({ prefix: '白洮政教督办', year: 2023, seq: 1 })
  })

  it('accepts the spaces PDF extraction inserts (reference 000 and 002)', () => {
    expect(parseDocNumber('贺政教督发〔2024〕4 号')).toEqual(expected)
    expect(parseDocNumber('固政教督办〔2023〕 3 号')).toEqual({ prefix: '固政教督办', year: 2023, seq: 3 })
    expect(parseDocNumber('  贺 政 教 督 发 〔 2024 〕 4 号  ')).toEqual(expected)
    expect(parseDocNumber('贺政教督发\u3000〔2024〕\t4号\n')).toEqual(expected)
  })

  it.each([
    '贺政教督发[2024]4号',
    '贺政教督发【2024】4号',
    '贺政教督发（2024）4号',
    '贺政教督发(2024)4号',
    '贺政教督发［2024］4号',
    '贺政教督发{2024}4号',
    '贺政教督发｛2024｝4号',
    '贺政教督发〈2024〉4号',
    '贺政教督发﹝2024﹞4号',
    '贺政教督发〔2024]4号',
  ])('normalises the bracket variant %s', (text) => {
    expect(parseDocNumber(text)).toEqual(expected)
  })

  it('normalises full-width digits, leading zeros, 第 and a missing 号', () => {
    expect(parseDocNumber('贺政教督发〔２０２４〕４号')).toEqual(expected)
    expect(parseDocNumber('贺政教督发〔2024〕04号')).toEqual(expected)
    expect(parseDocNumber('贺政教督发〔2024〕004号')).toEqual(expected)
    expect(parseDocNumber('贺政教督发〔2024〕第4号')).toEqual(expected)
    expect(parseDocNumber('贺政教督发〔2024〕第 04 号')).toEqual(expected)
    expect(parseDocNumber('贺政教督发〔2024〕4')).toEqual(expected)
    expect(parseDocNumber('贺政教督发[2024]第０４')).toEqual(expected)
  })

  it('keeps a letter prefix', () => {
    expect(parseDocNumber('XJ教督〔2024〕7号')).toEqual({ prefix: 'XJ教督', year: 2024, seq: 7 })
  })

  it.each([
    ['', 'empty'],
    ['〔2024〕4号', 'no prefix'],
    ['贺政教督发2024年4号', 'no brackets'],
    ['贺政教督发〔24〕4号', 'two-digit year'],
    ['贺政教督发〔1948〕4号', 'year before 1949'],
    ['贺政教督发〔2101〕4号', 'year after 2100'],
    ['贺政教督发〔2024〕0号', 'sequence 0'],
    ['贺政教督发〔2024〕000号', 'sequence 000'],
    ['贺政教督发〔2024〕100000号', 'sequence above 99999'],
    ['贺政教督发〔2024〕号', 'no sequence'],
    ['贺政教督发〔2024〕4号文件', 'trailing text'],
    ['贺政教督发〔2024〕4.5号', 'decimal sequence'],
    ['贺政2教督发〔2024〕4号', 'digit in prefix'],
    ['贺〔2024〕4号', 'one-character prefix'],
    ['关于印发《贺兰县2024年教育督导工作要点》的通知', 'a title'],
  ])('rejects %s (%s)', (text) => {
    expect(parseDocNumber(text)).toBeNull()
  })

  it('accepts the boundaries 1949, 2100, 1 and 99999', () => {
    expect(parseDocNumber('贺政教督发〔1949〕1号')).toEqual({ prefix: '贺政教督发', year: 1949, seq: 1 })
    expect(parseDocNumber('贺政教督发〔2100〕99999号')).toEqual({ prefix: '贺政教督发', year: 2100, seq: 99999 })
  })
})

describe('normalizeDocNumber', () => {
  it('rewrites pasted variants into the standard form', () => {
    expect(normalizeDocNumber('贺政教督发〔2024〕4 号')).toBe('贺政教督发〔2024〕4号')
    expect(normalizeDocNumber('贺政教督发[2024]第04号')).toBe('贺政教督发〔2024〕4号')
    expect(normalizeDocNumber('教基(２０２０)5')).toBe('教基〔2020〕5号')
    expect(normalizeDocNumber('教督【2017】06号')).toBe('教督〔2017〕6号')
  })

  it('is idempotent and returns null for nonsense', () => {
    const once = normalizeDocNumber('固政教督办（2023）03号')
    expect(once).toBe('固政教督办〔2023〕3号')
    expect(normalizeDocNumber(once!)).toBe(once)
    expect(normalizeDocNumber('4号')).toBeNull()
  })
})

describe('validatePrefix', () => {
  it('accepts real prefixes', () => {
    for (const p of ['贺政教督发', '贺政教督函', '固政教督办', '桂教督委办', '教督', 'XJ教督', '白洮政教督办'])
      expect(validatePrefix(p)).toBeNull()
  })

  it('explains each problem in Chinese', () => {
    expect(validatePrefix('')).toBe('机关代字不能为空')
    expect(validatePrefix('   ')).toBe('机关代字不能为空')
    expect(validatePrefix('贺政 教督发')).toBe('机关代字不能包含空格')
    expect(validatePrefix('贺政教督发2024')).toContain('不能包含数字')
    expect(validatePrefix('贺政教督发２')).toContain('不能包含数字')
    expect(validatePrefix('贺政教督发〔')).toContain('不能包含括号')
    expect(validatePrefix('贺政教督发[')).toContain('不能包含括号')
    expect(validatePrefix('贺政教督发（')).toContain('不能包含括号')
    expect(validatePrefix('贺政、教督')).toBe('机关代字只能由汉字或字母组成')
    expect(validatePrefix('贺')).toBe('机关代字应为2至20个字')
    expect(validatePrefix('督'.repeat(21))).toBe('机关代字应为2至20个字')
    expect(validatePrefix('督'.repeat(20))).toBeNull()
  })
})
