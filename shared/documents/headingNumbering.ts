/**
 * 正文 heading numbers (GB/T 9704-2012 7.3.3): level 1 "一、", level 2 "（一）", level 3 "1.",
 * level 4 "（1）". Numbers are never stored in a block's text; they are generated here from the
 * block levels, so moving or re-levelling a section renumbers everything.
 */

import { isParagraphBlock, type BodyBlock, type ItemNumbering } from './types'

export type HeadingLevel = 1 | 2 | 3 | 4
type BlockLevel = BodyBlock['level']

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const UNITS = ['', '十', '百', '千']

/**
 * Chinese numeral for 1–9999 as written in headings: 1 一, 10 十, 11 十一, 20 二十, 100 一百,
 * 101 一百零一, 110 一百一十, 1001 一千零一.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`序号超出范围：${n}`)
  const digits = String(n).split('').map(Number)
  let out = ''
  let pendingZero = false
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i]
    if (d === 0) {
      pendingZero = out !== ''
      return
    }
    if (pendingZero) out += '零'
    pendingZero = false
    out += DIGITS[d] + unit
  })
  // 10–19 are read 十, 十一 … not 一十, 一十一.
  return n >= 10 && n < 20 ? out.slice(1) : out
}

/** The number printed before a heading: headingLabel(1, 3) = '三、', (2, 3) = '（三）', (3, 3) = '3.', (4, 3) = '（3）'. */
export function headingLabel(level: HeadingLevel, index: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(index)}、`
    case 2:
      return `（${chineseNumeral(index)}）`
    case 3:
      if (!Number.isInteger(index) || index < 1) throw new RangeError(`序号超出范围：${index}`)
      // GB/T 9704 prints level 3 with a half-width full stop: "1."
      return `${index}.`
    case 4:
      if (!Number.isInteger(index) || index < 1) throw new RangeError(`序号超出范围：${index}`)
      return `（${index}）`
  }
}

/** A block with its generated number ('' for an ordinary paragraph, a table or an image). */
export type NumberedBlock = BodyBlock & { label: string }

/**
 * Numbers every heading. A heading restarts the counters of all deeper levels: 一、 restarts
 * （一）, 1. and （1）; （一） restarts 1. and （1）; 1. restarts （1）. Ordinary paragraphs
 * (level 0) neither take a number nor reset one.
 *
 * With `itemNumbering: 'continuous'` the 1. items run on across 一、 and （一） sections, as many
 * 工作要点 do (贺政教督发〔2024〕4号 numbers its items 1.–12. through four sections).
 */
export function numberBlocks(blocks: BodyBlock[], itemNumbering: ItemNumbering = 'perSection'): NumberedBlock[] {
  const counters = [0, 0, 0, 0, 0]
  return blocks.map((block) => {
    if (block.level === 0) return { ...block, label: '' }
    counters[block.level] += 1
    for (let deeper = block.level + 1; deeper <= 4; deeper++) {
      if (!(itemNumbering === 'continuous' && deeper === 3)) counters[deeper] = 0
    }
    return { ...block, label: headingLabel(block.level, counters[block.level]) }
  })
}

/** A heading at `level` or shallower closes a section opened by a heading at `level`. */
function closes(block: BodyBlock, level: BlockLevel): boolean {
  return block.level !== 0 && block.level <= level
}

/**
 * The blocks that belong to the heading at `index`: the heading itself plus every following block
 * that is deeper or an ordinary paragraph, up to the next heading of the same or a shallower level.
 * `end` is exclusive. An ordinary paragraph (level 0) is a section of its own: { index, index + 1 }.
 */
export function sectionRange(blocks: BodyBlock[], index: number): { start: number; end: number } {
  if (index < 0 || index >= blocks.length) throw new RangeError(`段落序号超出范围：${index}`)
  const level = blocks[index].level
  if (level === 0) return { start: index, end: index + 1 }
  let end = index + 1
  while (end < blocks.length && !closes(blocks[end], level)) end++
  return { start: index, end }
}

/**
 * Moves the section at `index` (heading + its content) above its previous or below its next
 * sibling section of the same level. Nothing moves when there is no such sibling (first or last
 * child of its parent heading). An ordinary paragraph (level 0) moves one block up or down.
 * Returns a new array; the input is not modified.
 */
export function moveSection(blocks: BodyBlock[], index: number, direction: 'up' | 'down'): BodyBlock[] {
  const copy = blocks.slice()
  if (index < 0 || index >= blocks.length) return copy
  const level = blocks[index].level

  if (level === 0) {
    const other = direction === 'up' ? index - 1 : index + 1
    if (other < 0 || other >= blocks.length) return copy
    copy[index] = blocks[other]
    copy[other] = blocks[index]
    return copy
  }

  const current = sectionRange(blocks, index)
  let first: { start: number; end: number }
  let second: { start: number; end: number }
  if (direction === 'up') {
    // The previous sibling is the nearest earlier heading that closes this level; it must be at the same level.
    let prev = index - 1
    while (prev >= 0 && !closes(blocks[prev], level)) prev--
    if (prev < 0 || blocks[prev].level !== level) return copy
    first = { start: prev, end: index }
    second = current
  } else {
    if (current.end >= blocks.length || blocks[current.end].level !== level) return copy
    first = current
    second = sectionRange(blocks, current.end)
  }
  return [
    ...blocks.slice(0, first.start),
    ...blocks.slice(second.start, second.end),
    ...blocks.slice(first.start, first.end),
    ...blocks.slice(second.end),
  ]
}

/**
 * Promotes (delta −1) or demotes (delta +1) one block, clamped to 0 (ordinary paragraph) … 4
 * (（1）). Only that block changes; numbering follows through numberBlocks. Returns a new array.
 */
export function changeLevel(blocks: BodyBlock[], index: number, delta: 1 | -1): BodyBlock[] {
  const copy = blocks.slice()
  if (index < 0 || index >= blocks.length) return copy
  const block = blocks[index]
  // Tables and images stay at level 0.
  if (!isParagraphBlock(block)) return copy
  const level = Math.min(4, Math.max(0, block.level + delta)) as BlockLevel
  copy[index] = { ...block, level }
  return copy
}
