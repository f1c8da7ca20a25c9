import { describe, expect, it } from 'vitest'
import balanceJson from '../../../seeds/rubrics/balanced-development-2017.json'
import { parseRubric } from '../../../shared/rubrics/rubric'
import type { Rubric } from '../../../shared/rubrics/rubricSchema'
import { chosenRubric, rubricChoicesOf } from '../../../shared/rubrics/variants'

const base = (parseRubric(balanceJson) as { ok: true; rubric: Rubric }).rubric
const threshold = (r: Rubric, key: string) => (r.items.find((i) => i.key === key) as { threshold: unknown }).threshold

describe('rubric variants (shared by every module)', () => {
  it('a partial per-学段 map changes only the 学段 it names; other bases and broken specs are left out', () => {
    const choices = rubricChoicesOf(base, [
      {
        id: 'p1',
        baseId: base.id,
        spec: { id: 'p1', name: '某省', region: '某省', thresholds: { equipmentValuePerStudent: { 小学: 2600 } } },
      },
      { id: 'kg', baseId: 'preschool-universality-2020', spec: { id: 'kg', name: '学前', region: '某省' } },
      { id: 'bad', baseId: base.id, spec: { id: 'bad', name: '坏', region: '某省', thresholds: { gone: 1 } } },
    ])
    expect(choices.map((r) => r.id)).toEqual([base.id, 'p1'])
    expect(threshold(choices[1], 'equipmentValuePerStudent')).toEqual({ 小学: 2600, 初中: 2500 })
    expect(choices[1].derivedFrom).toEqual({ id: base.id, version: base.version })
    expect(threshold(base, 'equipmentValuePerStudent')).toEqual({ 小学: 2000, 初中: 2500 })
    expect(chosenRubric(choices, 'p1').id).toBe('p1')
    expect(chosenRubric(choices, null).id).toBe(base.id)
    expect(chosenRubric(choices, 'removed').id).toBe(base.id)
  })
})
