import { describe, expect, it } from 'vitest'
import {
  advanceEm,
  AUTO_SPACE_EM,
  autoSpaceBetween,
  gridCharCount,
  gridChars,
  isCjk,
  isCjkPunctuation,
  isHan,
  measureChars,
  textWidthTwips,
} from '../../../shared/print/measure'
import { GBT9704_LAYOUT, runMetrics } from '../../../shared/documents/layout'
import { chineseDateOrBlank } from '../../../shared/documents/chineseDate'
import { documentContentSchema } from '../../../shared/documents/documentSchema'

/** 3号 body text with the profile's −0.25 pt spacing: one full-width character is 315 twips. */
const BODY = runMetrics(GBT9704_LAYOUT)
const GAP = AUTO_SPACE_EM * 16 * 20 // 80 twips

describe('gridChars: counting characters as GB/T 9704 does', () => {
  it('counts Chinese characters and full-width punctuation as 1, ASCII as 0.5', () => {
    expect(gridChars('贺政教督发〔2024〕4号')).toBe(5 + 1 + 2 + 1 + 0.5 + 1)
    expect(gridChars('关于印发《贺兰县2024年教育督导工作要点》的通知')).toBe(23)
    expect(gridChars('98.01%')).toBe(3)
    expect(gridChars('“双减”')).toBe(4)
    expect(gridChars('— 3 —')).toBe(3.5)
    expect(gridChars('')).toBe(0)
  })

  it('counts characters outside the BMP once and zero-width characters as nothing', () => {
    expect(gridChars('𠀀')).toBe(1)
    expect(gridChars('督\u200B导\uFEFF')).toBe(2)
    expect(gridCharCount('ｱ')).toBe(0.5)
    expect(gridCharCount('\u3000')).toBe(1)
  })

  it('classifies Han characters and Chinese punctuation', () => {
    expect(isHan('督')).toBe(true)
    expect(isHan('〇')).toBe(true)
    expect(isHan('，')).toBe(false)
    expect(isCjkPunctuation('，')).toBe(true)
    expect(isCjkPunctuation('〔')).toBe(true)
    expect(isCjkPunctuation('“')).toBe(true)
    expect(isCjkPunctuation(',')).toBe(false)
    expect(isCjk('a')).toBe(false)
    expect(isCjk('、')).toBe(true)
  })
})

describe('textWidthTwips: one width model for the preview and the .docx', () => {
  it('CJK: every ideograph and full-width mark one body character (315 twips in 3号)', () => {
    expect(textWidthTwips('贺兰县人民政府教育督导室', BODY)).toBe(12 * 315)
    expect(textWidthTwips('（此件公开发布）', BODY)).toBe(8 * 315)
    // “ ” — … · are set in the CJK face (w:hint="eastAsia"): full width.
    expect(textWidthTwips('“双减”', BODY)).toBe(4 * 315)
    expect(textWidthTwips('·', BODY)).toBe(315)
    expect(textWidthTwips('𠀀', BODY)).toBe(315)
  })

  it('digits: exactly half a body character (Times New Roman digits are ½ em)', () => {
    expect(textWidthTwips('2024', BODY)).toBe(2 * 315)
    expect(advanceEm('0')).toBe(0.5)
    expect(advanceEm('9')).toBe(0.5)
  })

  it('Latin: the Times New Roman advance of each letter, not a flat half', () => {
    expect(advanceEm('A')).toBeCloseTo(0.722, 3)
    expect(advanceEm('i')).toBeCloseTo(0.278, 3)
    expect(advanceEm('W')).toBeCloseTo(0.944, 3)
    expect(advanceEm(' ')).toBeCloseTo(0.25, 3)
    // 2号 title size, no spacing: "ABC" = (0.722 + 0.667 + 0.667) em of 440 twips.
    expect(textWidthTwips('ABC', { sizePt: 22 })).toBeCloseTo(2.056 * 440, 6)
    expect(textWidthTwips('PISA', { sizePt: 16 })).toBeCloseTo((0.556 + 0.333 + 0.556 + 0.722) * 320, 6)
  })

  it('mixed: Word’s automatic gap (¼ em) between an ideograph and a Latin letter or digit, not next to punctuation', () => {
    expect(autoSpaceBetween('年', '3')).toBe(true)
    expect(autoSpaceBetween('C', '教')).toBe(true)
    expect(autoSpaceBetween('（', '2')).toBe(false)
    expect(autoSpaceBetween('2', '）')).toBe(false)
    // 2024年3月22日: 3 ideographs, 7 digits, 5 gaps.
    expect(textWidthTwips('2024年3月22日', BODY)).toBe(6.5 * 315 + 5 * GAP)
    expect(textWidthTwips('（2024）', BODY)).toBe(4 * 315)
    // The 署名 of issue 9: "ABC" in Times New Roman, one gap, four ideographs — 6.31 body characters, as Word
    // draws it (the preview used to count 5.75, 2.9 mm short at 3号).
    const abc = textWidthTwips('ABC教育集团', BODY)
    expect(abc).toBeCloseTo((0.722 + 0.667 + 0.667) * 315 + GAP + 4 * 315, 6)
    expect(abc / 315).toBeGreaterThan(6.3)
    expect(abc / 315).toBeLessThan(6.32)
    expect(measureChars('ABC教育集团', 0)).toBeCloseTo(6.056, 6)
  })
})

describe('chineseDateOrBlank: one behaviour for preview and .docx', () => {
  it('prints a real date, leaves a missing one blank and refuses anything else', () => {
    expect(chineseDateOrBlank('2024-03-22')).toBe('2024年3月22日')
    expect(chineseDateOrBlank('')).toBe('')
    expect(() => chineseDateOrBlank('2024-02-30')).toThrow(RangeError)
    expect(() => chineseDateOrBlank('2024-02-30')).toThrow('无效的日期：「2024-02-30」')
    expect(() => chineseDateOrBlank('2024/3/22')).toThrow(RangeError)
  })

  it('a date that cannot be printed cannot be stored either', () => {
    const field = documentContentSchema.shape.signedDate
    expect(field.safeParse('2024-03-22').success).toBe(true)
    expect(field.safeParse('').success).toBe(true)
    const bad = field.safeParse('2024-02-30')
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0].message).toContain('有效的日期')
    expect(documentContentSchema.shape.printedDate.safeParse('2023-02-29').success).toBe(false)
  })
})
