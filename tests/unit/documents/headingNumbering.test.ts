import { describe, expect, it } from 'vitest'
import {
  changeLevel,
  chineseNumeral,
  headingLabel,
  moveSection,
  numberBlocks,
  sectionRange,
} from '../../../shared/documents/headingNumbering'
import type { BodyBlock } from '../../../shared/documents/types'

const b = (level: BodyBlock['level'], text: string): BodyBlock => ({ level, text })
const texts = (blocks: BodyBlock[]) => blocks.map((x) => x.text)
const labelled = (blocks: BodyBlock[]) => numberBlocks(blocks).map((x) => x.label + x.text)

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [2, '二'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [14, '十四'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [30, '三十'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [200, '二百'],
    [999, '九百九十九'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
  ])('%i → %s', (n, s) => {
    expect(chineseNumeral(n)).toBe(s)
  })

  it.each([0, -1, 1.5, 10000, Number.NaN])('rejects %s', (n) => {
    expect(() => chineseNumeral(n)).toThrow(RangeError)
  })
})

describe('headingLabel', () => {
  it('uses 一、 / （一） / 1. / （1） with full-width parentheses and a half-width dot', () => {
    expect(headingLabel(1, 1)).toBe('一、')
    expect(headingLabel(2, 1)).toBe('（一）')
    expect(headingLabel(3, 1)).toBe('1.')
    expect(headingLabel(4, 1)).toBe('（1）')
    expect(headingLabel(1, 12)).toBe('十二、')
    expect(headingLabel(2, 10)).toBe('（十）')
    expect(headingLabel(3, 12)).toBe('12.')
    expect(headingLabel(4, 3)).toBe('（3）')
    expect(headingLabel(3, 1).charCodeAt(1)).toBe(0x2e)
    expect(headingLabel(2, 1).charCodeAt(0)).toBe(0xff08)
  })

  it('rejects an index below 1', () => {
    expect(() => headingLabel(3, 0)).toThrow(RangeError)
    expect(() => headingLabel(4, -2)).toThrow(RangeError)
    expect(() => headingLabel(1, 0)).toThrow(RangeError)
  })
})

describe('numberBlocks', () => {
  it('numbers the structure of reference 002 (items 1.–12. run through the whole plan)', () => {
    const blocks = [
      b(0, '根据全区以及银川市2024年教育督导工作安排……'),
      b(1, '总体思路'),
      b(0, '坚持以习近平新时代中国特色社会主义思想为指导……'),
      b(1, '持续深化教育督导体制机制改革'),
      b(3, '强化领导，统一思想。'),
      b(3, '健全机制，真督实导。'),
      b(1, '创新配齐建强督政督学督评队伍'),
      b(3, '建强队伍,走向专业。'),
    ]
    expect(numberBlocks(blocks).map((x) => x.label)).toEqual(['', '一、', '', '二、', '1.', '2.', '三、', '1.'])
  })

  it('resets deeper counters when a shallower heading appears, at every level', () => {
    const blocks = [
      b(1, 'A'),
      b(2, 'a'),
      b(3, 'x'),
      b(4, 'p'),
      b(4, 'q'),
      b(3, 'y'),
      b(4, 'r'),
      b(2, 'b'),
      b(3, 'z'),
      b(1, 'B'),
      b(4, 's'),
      b(2, 'c'),
    ]
    expect(labelled(blocks)).toEqual([
      '一、A',
      '（一）a',
      '1.x',
      '（1）p',
      '（2）q',
      '2.y',
      '（1）r',
      '（二）b',
      '1.z',
      '二、B',
      '（1）s',
      '（一）c',
    ])
  })

  it('does not reset or advance counters on ordinary paragraphs', () => {
    expect(labelled([b(3, 'x'), b(0, 'p'), b(3, 'y'), b(0, 'q'), b(0, 'r'), b(3, 'z')])).toEqual(['1.x', 'p', '2.y', 'q', 'r', '3.z'])
  })

  it('counts past ten in Chinese numerals', () => {
    const labels = numberBlocks(Array.from({ length: 12 }, (_, i) => b(1, String(i)))).map((x) => x.label)
    expect(labels.slice(8)).toEqual(['九、', '十、', '十一、', '十二、'])
  })

  it('keeps the text and level and does not modify the input', () => {
    const blocks = [b(2, '强化学前教育督导评估。')]
    const out = numberBlocks(blocks)
    expect(out).toEqual([{ level: 2, text: '强化学前教育督导评估。', label: '（一）' }])
    expect(blocks[0]).toEqual({ level: 2, text: '强化学前教育督导评估。' })
  })
})

const doc = [
  b(0, 'intro'), // 0
  b(1, 'A'), // 1
  b(0, 'A text'), // 2
  b(2, 'A.a'), // 3
  b(3, 'A.a.1'), // 4
  b(2, 'A.b'), // 5
  b(0, 'A.b text'), // 6
  b(1, 'B'), // 7
  b(3, 'B.1'), // 8
  b(1, 'C'), // 9
  b(0, 'C text'), // 10
]

describe('sectionRange', () => {
  it('spans the heading, its paragraphs and deeper headings (end exclusive)', () => {
    expect(sectionRange(doc, 1)).toEqual({ start: 1, end: 7 })
    expect(sectionRange(doc, 3)).toEqual({ start: 3, end: 5 })
    expect(sectionRange(doc, 5)).toEqual({ start: 5, end: 7 })
    expect(sectionRange(doc, 7)).toEqual({ start: 7, end: 9 })
    expect(sectionRange(doc, 9)).toEqual({ start: 9, end: 11 })
  })

  it('stops a deep heading at any shallower heading', () => {
    expect(sectionRange(doc, 4)).toEqual({ start: 4, end: 5 })
    expect(sectionRange(doc, 8)).toEqual({ start: 8, end: 9 })
  })

  it('treats an ordinary paragraph as a one-block section', () => {
    expect(sectionRange(doc, 0)).toEqual({ start: 0, end: 1 })
    expect(sectionRange(doc, 2)).toEqual({ start: 2, end: 3 })
  })

  it('throws on an index outside the list', () => {
    expect(() => sectionRange(doc, 11)).toThrow(RangeError)
    expect(() => sectionRange(doc, -1)).toThrow(RangeError)
  })
})

describe('moveSection', () => {
  it('moves a level-1 section with all its content below the next one', () => {
    expect(texts(moveSection(doc, 1, 'down'))).toEqual([
      'intro',
      'B',
      'B.1',
      'A',
      'A text',
      'A.a',
      'A.a.1',
      'A.b',
      'A.b text',
      'C',
      'C text',
    ])
  })

  it('moves a level-1 section above the previous one', () => {
    expect(texts(moveSection(doc, 9, 'up'))).toEqual(['intro', 'A', 'A text', 'A.a', 'A.a.1', 'A.b', 'A.b text', 'C', 'C text', 'B', 'B.1'])
  })

  it('swaps sibling sub-sections inside their parent', () => {
    expect(texts(moveSection(doc, 5, 'up'))).toEqual(['intro', 'A', 'A text', 'A.b', 'A.b text', 'A.a', 'A.a.1', 'B', 'B.1', 'C', 'C text'])
    expect(texts(moveSection(doc, 3, 'down'))).toEqual(texts(moveSection(doc, 5, 'up')))
  })

  it('renumbers after the move', () => {
    const moved = moveSection(doc, 5, 'up')
    expect(labelled(moved).filter((s) => s.includes('A.'))).toEqual(['（一）A.b', 'A.b text', '（二）A.a', '1.A.a.1'])
  })

  it('does not cross the parent heading or the ends of the list', () => {
    expect(moveSection(doc, 3, 'up')).toEqual(doc) // first child of A
    expect(moveSection(doc, 5, 'down')).toEqual(doc) // last child of A: next heading is the level-1 B
    expect(moveSection(doc, 1, 'up')).toEqual(doc) // only an intro paragraph above
    expect(moveSection(doc, 9, 'down')).toEqual(doc) // last section
    expect(moveSection(doc, 8, 'up')).toEqual(doc) // B.1 is the only child of B
    expect(moveSection(doc, 4, 'down')).toEqual(doc) // A.a.1 is followed by the level-2 A.b
  })

  it('moves an ordinary paragraph one block at a time', () => {
    expect(texts(moveSection(doc, 2, 'up'))).toEqual(['intro', 'A text', 'A', 'A.a', 'A.a.1', 'A.b', 'A.b text', 'B', 'B.1', 'C', 'C text'])
    expect(texts(moveSection(doc, 6, 'down')).slice(5, 8)).toEqual(['A.b', 'B', 'A.b text'])
    expect(moveSection(doc, 0, 'up')).toEqual(doc)
    expect(moveSection(doc, 10, 'down')).toEqual(doc)
  })

  it('returns a new array, leaves the input alone and ignores a bad index', () => {
    const copy = doc.map((x) => ({ ...x }))
    const out = moveSection(doc, 1, 'down')
    expect(out).not.toBe(doc)
    expect(doc).toEqual(copy)
    expect(moveSection(doc, 99, 'up')).toEqual(doc)
    expect(moveSection(doc, 99, 'up')).not.toBe(doc)
  })

  it('skips a deeper heading when looking for the previous sibling', () => {
    const blocks = [b(2, 'a'), b(3, 'a1'), b(4, 'a1x'), b(2, 'b')]
    expect(texts(moveSection(blocks, 3, 'up'))).toEqual(['b', 'a', 'a1', 'a1x'])
  })
})

describe('changeLevel', () => {
  it('demotes and promotes a single block', () => {
    expect(changeLevel(doc, 2, 1)[2]).toEqual({ level: 1, text: 'A text' })
    expect(changeLevel(doc, 3, -1)[3]).toEqual({ level: 1, text: 'A.a' })
    expect(changeLevel(doc, 3, -1).filter((x, i) => x !== doc[i])).toHaveLength(1)
  })

  it('clamps to 0..4', () => {
    expect(changeLevel([b(0, 'p')], 0, -1)[0].level).toBe(0)
    expect(changeLevel([b(4, 'p')], 0, 1)[0].level).toBe(4)
  })

  it('renumbers: demoting 二、 makes it （一） under 一、', () => {
    const blocks = [b(1, 'A'), b(1, 'B'), b(1, 'C')]
    expect(labelled(changeLevel(blocks, 1, 1))).toEqual(['一、A', '（一）B', '二、C'])
  })

  it('does not modify the input and ignores a bad index', () => {
    const blocks = [b(1, 'A')]
    changeLevel(blocks, 0, 1)
    expect(blocks[0].level).toBe(1)
    expect(changeLevel(blocks, 5, 1)).toEqual(blocks)
  })
})

describe('continuous item numbering (贺政教督发〔2024〕4号 numbers 1.–12. across sections)', () => {
  it('runs 1. items on across 一、 sections but still restarts （1） under each item', () => {
    const blocks = [
      { level: 1, text: '总体思路' },
      { level: 1, text: '体制机制' },
      { level: 3, text: 'a' },
      { level: 3, text: 'b' },
      { level: 4, text: 'b1' },
      { level: 1, text: '队伍' },
      { level: 2, text: '分项' },
      { level: 3, text: 'c' },
      { level: 4, text: 'c1' },
    ] as const
    const labels = (mode?: 'perSection' | 'continuous') => numberBlocks([...blocks], mode).map((b) => b.label)
    expect(labels('continuous')).toEqual(['一、', '二、', '1.', '2.', '（1）', '三、', '（一）', '3.', '（1）'])
    expect(labels()).toEqual(['一、', '二、', '1.', '2.', '（1）', '三、', '（一）', '1.', '（1）'])
  })
})
