import { describe, expect, it } from 'vitest'
import { highlightParts, normalizeDocNumberText, searchTerms, snippetOf } from '../../../shared/documents/search'

describe('searchTerms', () => {
  it('splits at white space and keeps each spelling beside the normalised one', () => {
    expect(searchTerms('  校园安全   取得明显成效 ')).toEqual([{ variants: ['校园安全'] }, { variants: ['取得明显成效'] }])
    expect(searchTerms('')).toEqual([])
    expect(searchTerms('[2024]')).toEqual([{ variants: ['〔2024〕', '[2024]'] }])
  })

  it.each([
    ['贺政教督发[2024]4号', '贺政教督发〔2024〕4号'],
    ['贺政教督发【2024】4号', '贺政教督发〔2024〕4号'],
    ['贺政教督发（2024）4号', '贺政教督发〔2024〕4号'],
    ['贺政教督发(2024)4号', '贺政教督发〔2024〕4号'],
    ['贺政教督发﹝2024﹞4号', '贺政教督发〔2024〕4号'],
    ['贺政教督发［2024］4号', '贺政教督发〔2024〕4号'],
    ['贺政教督发〔２０２４〕４号', '贺政教督发〔2024〕4号'],
    ['贺政教督发[2024]第004号', '贺政教督发〔2024〕4号'],
    ['(2024)', '〔2024〕'],
    ['〔2024〕', '〔2024〕'],
  ])('%s is searched as %s', (typed, normal) => {
    expect(normalizeDocNumberText(typed)).toBe(normal)
    expect(searchTerms(typed)[0].variants[0]).toBe(normal)
  })

  it('reads a 文号 broken by spaces (PDF text) as one term', () => {
    expect(searchTerms('贺政教督发〔2024〕4 号')).toEqual([{ variants: ['贺政教督发〔2024〕4号'] }])
    expect(searchTerms('贺政教督发 [2024] 4号')[0].variants[0]).toBe('贺政教督发〔2024〕4号')
  })

  it('leaves other brackets and numbers alone', () => {
    expect(normalizeDocNumberText('（一）强化督导')).toBe('（一）强化督导')
    expect(normalizeDocNumberText('(1)按时上报')).toBe('(1)按时上报')
    expect(normalizeDocNumberText('98.01%')).toBe('98.01%')
  })
})

describe('highlightParts and snippetOf', () => {
  it('marks every match, case-insensitively, merging overlaps', () => {
    expect(highlightParts('ABC 督导 abc', ['abc'])).toEqual([
      { text: 'ABC', hit: true },
      { text: ' 督导 ', hit: false },
      { text: 'abc', hit: true },
    ])
    expect(highlightParts('教育督导室', ['教育督', '督导'])).toEqual([
      { text: '教育督导', hit: true },
      { text: '室', hit: false },
    ])
    expect(highlightParts('无匹配', ['督导'])).toEqual([{ text: '无匹配', hit: false }])
  })

  it('cuts about 80 characters around the first match, with … where cut and lines joined by spaces', () => {
    const text = `${'甲'.repeat(100)}\n食品安全${'乙'.repeat(100)}`
    const parts = snippetOf(text, ['食品安全'])!
    const joined = parts.map((p) => p.text).join('')
    expect(parts[0]).toEqual({ text: '…', hit: false })
    expect(parts[parts.length - 1]).toEqual({ text: '…', hit: false })
    expect(joined.length).toBe(82)
    expect(joined).toContain(' 食品安全')
    expect(parts.filter((p) => p.hit)).toEqual([{ text: '食品安全', hit: true }])
    expect(snippetOf('短文食品安全。', ['食品安全'])).toEqual([
      { text: '短文', hit: false },
      { text: '食品安全', hit: true },
      { text: '。', hit: false },
    ])
    expect(snippetOf('没有', ['食品安全'])).toBeNull()
  })

  it('keeps markup as text pieces', () => {
    expect(highlightParts('<b>督导</b>', ['督导'])).toEqual([
      { text: '<b>', hit: false },
      { text: '督导', hit: true },
      { text: '</b>', hit: false },
    ])
  })
})
