import { describe, expect, it } from 'vitest'
import { breakTitle } from '../../../shared/documents/titleBreak'
import { TITLE_WORDS } from '../../../shared/documents/titleLexicon'
import { titleLines, titleTerms } from '../../../shared/documents/compose'
import { GBT9704_LAYOUT } from '../../../shared/documents/layout'
import { gridChars as textWidth } from '../../../shared/print/measure'

const CLOSING = [...'、，。：；！？）》”’〕】」』…']
const OPENING = [...'（《“‘〔【「『']

/** The rules every result must satisfy. */
function expectWellFormed(title: string, max: number, lines: string[]) {
  expect(lines.join('').replace(/\s/g, '')).toBe(title.replace(/\s/g, ''))
  for (const line of lines) {
    expect(line).toBe(line.trim())
    expect(line.length).toBeGreaterThan(0)
    expect(textWidth(line)).toBeLessThanOrEqual(max)
    expect(CLOSING).not.toContain(line[0])
    expect(OPENING).not.toContain(line[line.length - 1])
  }
}

/** 梯形 or 菱形: lengths rise (optionally) then fall, and the last line is never the strictly longest. */
function expectGoodShape(lines: string[]) {
  const w = lines.map(textWidth)
  let falling = false
  for (let i = 1; i < w.length; i++) {
    if (w[i] < w[i - 1] - 1) falling = true
    else if (w[i] > w[i - 1] + 1) expect(falling, `shape ${w.join('/')}`).toBe(false)
  }
  if (w.length > 1) expect(w[w.length - 1]).toBeLessThanOrEqual(Math.max(...w.slice(0, -1)) + 1)
}

describe('breakTitle on the reference documents (20 characters of 2号 per line)', () => {
  it('002: keeps the book title whole and breaks before 的通知, as the real document did', () => {
    const title = '关于印发《贺兰县2024年教育督导工作要点》的通知'
    expect(breakTitle(title, 20)).toEqual(['关于印发《贺兰县2024年教育督导工作要点》', '的通知'])
  })

  it('000: puts the issuing office on its own line and 关于 at the start of the next', () => {
    const title = '固原市人民政府教育督导委员会办公室关于印发《2023年固原市教育督导工作要点》的通知'
    expect(breakTitle(title, 20)).toEqual(['固原市人民政府教育督导委员会办公室', '关于印发《2023年固原市教育督导工作要点》', '的通知'])
  })

  it('003: breaks inside a book title only when keeping it whole would cost an extra line and a lopsided shape', () => {
    const title = '自治区人民政府教育督导委员会办公室关于印发《2023年广西壮族自治区教育督导工作要点》的通知'
    const lines = breakTitle(title, 20)
    // What the real document did: a clean trapezoid 17 / 15 / 12.
    expect(lines).toEqual(['自治区人民政府教育督导委员会办公室', '关于印发《2023年广西壮族自治区', '教育督导工作要点》的通知'])
    expectGoodShape(lines)
  })
})

describe('breakTitle rules', () => {
  it('leaves a title that fits on one line, counting digits as half a character', () => {
    expect(breakTitle('关于印发《贺兰县2024年教育督导工作要点》的通知', 23)).toEqual(['关于印发《贺兰县2024年教育督导工作要点》的通知'])
    // 18 CJK + 4 digits = 20 wide: fits exactly.
    expect(breakTitle('关于商请协助开展2024年质量监测工作的函', 20)).toEqual(['关于商请协助开展2024年质量监测工作的函'])
    expect(breakTitle('  关于召开督学工作会议的通知  ', 20)).toEqual(['关于召开督学工作会议的通知'])
  })

  it('returns no lines for an empty title and rejects a line width below 1', () => {
    expect(breakTitle('', 20)).toEqual([])
    expect(breakTitle(' \n ', 20)).toEqual([])
    expect(() => breakTitle('关于', 0)).toThrow(RangeError)
    expect(() => breakTitle('关于', Number.NaN)).toThrow(RangeError)
  })

  it('prefers a balanced trapezoid to a full line over a stub when word boundaries allow', () => {
    const lines = breakTitle('关于进一步加强全县中小学幼儿园校园安全管理工作的通知', 20)
    expect(lines).toEqual(['关于进一步加强全县中小学幼儿园', '校园安全管理工作的通知'])
    expectGoodShape(lines)
  })

  it('keeps a phrase such as 开学工作 together rather than split it for a slightly better balance', () => {
    expect(breakTitle('关于开展2024年春季学期开学工作专项督导检查的通知', 20)).toEqual([
      '关于开展2024年春季学期开学工作',
      '专项督导检查的通知',
    ])
  })

  it('breaks before a conjunction rather than inside 校园安全', () => {
    const title = '关于开展“双减”工作、课后服务和校园安全专项督导检查情况的通报'
    const lines = breakTitle(title, 20)
    expect(lines).toEqual(['关于开展“双减”工作、课后服务', '和校园安全专项督导检查情况的通报'])
    expectWellFormed(title, 20, lines)
  })

  it('never separates 的 from the closing 文种', () => {
    for (const title of [
      '关于2023年度县域义务教育优质均衡发展自评情况的报告',
      '关于申请对贺兰县学前教育普及普惠进行督导评估的请示',
      '贺兰县人民政府教育督导室2024年第一次督导工作会议纪要',
    ]) {
      const lines = breakTitle(title, 16)
      expectWellFormed(title, 16, lines)
      expect(lines.at(-1)).not.toMatch(/^(通知|通报|报告|请示|函|纪要)$/)
      for (const line of lines) expect(line.endsWith('的')).toBe(false)
    }
  })

  it('keeps numbers whole and with their unit (2024年, 第一次)', () => {
    const title = '贺兰县人民政府教育督导室关于2023年度县域义务教育优质均衡发展自评情况的报告'
    for (const max of [20, 18, 15, 12]) {
      const lines = breakTitle(title, max)
      expectWellFormed(title, max, lines)
      expect(lines.some((l) => l.includes('2023年'))).toBe(true)
    }
  })

  it('breaks inside a book title that alone is wider than a line', () => {
    const title = '关于印发《贺兰县人民政府教育督导室关于进一步加强中小学幼儿园责任督学挂牌督导工作的实施方案》的通知'
    const lines = breakTitle(title, 20)
    expect(lines).toHaveLength(3)
    expectWellFormed(title, 20, lines)
    expectGoodShape(lines)
    // the book title itself is split, but 关于 still starts a line
    expect(lines[1].startsWith('进一步') || lines[1].startsWith('关于')).toBe(true)
  })

  it('with narrow lines, splits the reference title inside the book title because it no longer fits', () => {
    const title = '关于印发《贺兰县2024年教育督导工作要点》的通知'
    expect(breakTitle(title, 12)).toEqual(['关于印发《贺兰县2024年', '教育督导工作要点》的通知'])
  })

  it('never starts a line with closing or ends one with opening punctuation', () => {
    const titles = [
      '关于开展“双减”工作、课后服务和校园安全专项督导检查情况的通报',
      '关于转发《教育部办公厅关于进一步加强中小学（幼儿园）责任督学挂牌督导工作的通知》的通知',
      '关于对城区、镇区、乡村学校（含教学点）开展春季开学工作专项督导的通知',
      '关于表彰“优秀责任督学”“优秀督导工作者”的决定',
    ]
    for (const title of titles) for (const max of [20, 17, 14, 11]) expectWellFormed(title, max, breakTitle(title, max))
  })

  it('produces a 梯形 or 菱形, never a funnel, for typical titles', () => {
    const titles = [
      '关于印发《贺兰县2024年教育督导工作要点》的通知',
      '关于做好2024年义务教育优质均衡发展督导评估工作的通知',
      '关于公布2023年度贺兰县优秀责任督学名单的通知',
      '关于2024年第一季度责任督学挂牌督导问题整改情况的通报',
      '关于申请对贺兰县学前教育普及普惠进行督导评估的请示',
    ]
    for (const title of titles) {
      const lines = breakTitle(title, 20)
      expect(lines.length).toBeGreaterThan(1)
      expectWellFormed(title, 20, lines)
      expectGoodShape(lines)
    }
  })

  it('keeps the line breaks a user typed and breaks a typed line further only when it is too long', () => {
    expect(breakTitle('关于印发\n《贺兰县2024年教育督导工作要点》的通知', 30)).toEqual([
      '关于印发',
      '《贺兰县2024年教育督导工作要点》的通知',
    ])
    expect(breakTitle('贺兰县人民政府教育督导室\r\n关于印发《贺兰县2024年教育督导工作要点》的通知', 20)).toEqual([
      '贺兰县人民政府教育督导室',
      '关于印发《贺兰县2024年教育督导工作要点》',
      '的通知',
    ])
  })

  it('treats pasted spaces as breakable but not as content to keep at line ends', () => {
    const title = '关于印发《贺兰县 2024 年教育督导工作要点》的通知'
    const lines = breakTitle(title, 20)
    expectWellFormed(title, 20, lines)
    expect(lines.some((l) => l.includes('2024 年'))).toBe(true)
  })

  it('falls back to cutting by width when a Latin run is longer than a line', () => {
    const title = `关于${'A'.repeat(60)}的通知`
    const lines = breakTitle(title, 20)
    expect(lines.join('')).toBe(title)
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(20)
  })

  it('is fast enough for live preview', () => {
    const title = '关于印发《贺兰县人民政府教育督导室关于进一步加强中小学幼儿园责任督学挂牌督导工作的实施方案》的通知'
    const start = performance.now()
    for (let i = 0; i < 20; i++) breakTitle(title, 20)
    expect((performance.now() - start) / 20).toBeLessThan(50)
  })
})

/** Break positions (character offsets in the title without spaces) of `lines`. */
const breaksOf = (lines: string[]) => lines.slice(0, -1).reduce<number[]>((acc, l) => [...acc, (acc.at(-1) ?? 0) + [...l].length], [])

/** The lexicon words and `terms` that a break at one of `breaks` would cut, as "word@offset". */
function cutWords(title: string, lines: string[], terms: string[] = []): string[] {
  const chars = [...title]
  const cut: string[] = []
  for (const b of breaksOf(lines))
    for (const w of [...TITLE_WORDS, ...terms]) {
      const n = [...w].length
      for (let i = Math.max(0, b - n + 1); i < b; i++) if (chars.slice(i, i + n).join('') === w) cut.push(`${w}@${b}`)
    }
  return cut
}

/** 梯形 (never longer than the line above) or 菱形 (longer up to the widest line, then shorter line by line). */
function expectTrapezoidOrDiamond(lines: string[]) {
  const w = lines.map(textWidth)
  let rose = false
  let falling = false
  for (let i = 1; i < w.length; i++) {
    const d = w[i] - w[i - 1]
    if (d > 1) {
      expect(falling, `shape ${w.join('/')}: longer again after getting shorter`).toBe(false)
      rose = true
    } else if (d < -1) falling = true
    else if (rose && falling) throw new Error(`shape ${w.join('/')}: a 菱形 that stops narrowing (long/longer/short/short)`)
  }
  if (w.length > 1) expect(w[w.length - 1]).toBeLessThanOrEqual(Math.max(...w.slice(0, -1)) + 1)
}

describe('long titles (issue 13 item 6): breaks only between words, a 梯形 or 菱形 over every line count', () => {
  it('the issue case: a 66-character title no longer breaks inside 普及普惠县 or 优质均衡发展县', () => {
    const title =
      '贺兰县人民政府教育督导室贺兰县教育体育局关于开展2024年度全县学前教育普及普惠县创建和义务教育优质均衡发展县督导评估自查工作的通知'
    const lines = breakTitle(title, 20, ['贺兰县人民政府教育督导室', '贺兰县教育体育局'])
    expectWellFormed(title, 20, lines)
    expect(cutWords(title, lines, ['贺兰县人民政府教育督导室', '贺兰县教育体育局'])).toEqual([])
    expectTrapezoidOrDiamond(lines)
    expect(lines).toEqual([
      '贺兰县人民政府教育督导室贺兰县教育体育局',
      '关于开展2024年度全县学前教育普及普惠县',
      '创建和义务教育优质均衡发展县',
      '督导评估自查工作的通知',
    ])
  })

  it('never splits an organisation name of the document (发文机关, 署名) that fits a line', () => {
    const org = '金凤区人民政府教育督导委员会办公室'
    const title = `关于转发${org}关于开展2024年责任督学培训工作的通知的通知`
    const lines = breakTitle(title, 20, [org])
    expectWellFormed(title, 20, lines)
    expect(lines.some((l) => l.includes(org))).toBe(true)
    // titleLines takes the names from the document (compose.ts titleTerms).
    expect(titleTerms({ mastheadOrgs: [` ${org} `, ''], signatureOrgs: [org, '贺兰县教育体育局'] })).toEqual([org, '贺兰县教育体育局'])
    expect(titleLines(GBT9704_LAYOUT, title, [org]).map((l) => l.text)).toEqual(lines)
  })

  it('a name wider than a line is still broken (at the cheapest place), never dropped', () => {
    const org = '宁夏回族自治区银川市贺兰县人民政府教育督导委员会办公室'
    const title = `${org}关于开展督学培训的通知`
    const lines = breakTitle(title, 20, [org])
    expectWellFormed(title, 20, lines)
  })

  it('for generated titles of 20 to 90 characters: no lexicon word cut, a 梯形 or 菱形, all at once', () => {
    const heads = ['', '贺兰县人民政府教育督导室', '贺兰县人民政府教育督导室贺兰县教育体育局']
    const verbs = ['关于开展', '关于印发', '关于做好', '关于转发自治区人民政府教育督导委员会办公室关于做好']
    const subjects = [
      '2024年度学前教育普及普惠县创建',
      '县域义务教育优质均衡发展督导评估',
      '2024年春季学期开学工作专项督导',
      '学前教育普及普惠县和义务教育优质均衡县创建暨责任督学挂牌督导',
      '中小学幼儿园校园安全专项督导检查',
    ]
    const tails = ['工作的通知', '自查工作的通知', '情况的通报', '工作实施方案的通知', '自评情况的报告']
    let count = 0
    for (const h of heads)
      for (const v of verbs)
        for (const s of subjects)
          for (const t of tails) {
            const title = h + v + s + t
            const lines = breakTitle(title, 20, h ? [h.slice(0, 12), ...(h.length > 12 ? [h.slice(12)] : [])] : [])
            expectWellFormed(title, 20, lines)
            expect(cutWords(title, lines), `${title} → ${lines.join(' / ')}`).toEqual([])
            expectTrapezoidOrDiamond(lines)
            count++
          }
    expect(count).toBe(300)
  })
})
