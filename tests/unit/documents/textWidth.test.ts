import { describe, expect, it } from 'vitest'
import { charWidth, isCjk, isCjkPunctuation, isHan, textWidth } from '../../../shared/documents/textWidth'

describe('textWidth', () => {
  it('counts Chinese characters and full-width punctuation as 1, ASCII as 0.5', () => {
    expect(textWidth('贺政教督发〔2024〕4号')).toBe(5 + 1 + 2 + 1 + 0.5 + 1)
    expect(textWidth('关于印发《贺兰县2024年教育督导工作要点》的通知')).toBe(23)
    expect(textWidth('98.01%')).toBe(3)
    expect(textWidth('“双减”')).toBe(4)
    expect(textWidth('— 3 —')).toBe(3.5)
    expect(textWidth('')).toBe(0)
  })

  it('counts characters outside the BMP once and zero-width characters as nothing', () => {
    expect(textWidth('𠀀')).toBe(1)
    expect(textWidth('督\u200B导\uFEFF')).toBe(2)
    expect(charWidth('ｱ')).toBe(0.5)
    expect(charWidth('\u3000')).toBe(1)
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
