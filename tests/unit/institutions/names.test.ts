import { describe, expect, it } from 'vitest'
import { compareNames } from '../../../shared/institutions/names'
import { traceLines } from '../../../shared/preschool/trace'
import { preschoolSettings } from '../../../shared/preschool/indicators'
import { parseRubric } from '../../../shared/rubrics/rubric'
import preschoolJson from '../../../seeds/rubrics/preschool-universality-2020.json'

describe('the one name order', () => {
  it('reads numbers as numbers: 第1, 第2 … 第10 (review of issue 11: 第10…第19 came before 第1)', () => {
    const names = ['贺兰县第10幼儿园', '贺兰县第1幼儿园', '贺兰县第19幼儿园', '贺兰县第2幼儿园', '贺兰县第20幼儿园']
    expect([...names].sort(compareNames)).toEqual([
      '贺兰县第1幼儿园',
      '贺兰县第2幼儿园',
      '贺兰县第10幼儿园',
      '贺兰县第19幼儿园',
      '贺兰县第20幼儿园',
    ])
    // Chinese numerals too (re-review of issue 11: 「贺兰县第二幼儿园、贺兰县第一幼儿园」)
    const cn = ['贺兰县第十一幼儿园', '贺兰县第二幼儿园', '贺兰县第一幼儿园', '贺兰县第十幼儿园', '贺兰县第二十幼儿园']
    expect([...cn].sort(compareNames)).toEqual([
      '贺兰县第一幼儿园',
      '贺兰县第二幼儿园',
      '贺兰县第十幼儿园',
      '贺兰县第十一幼儿园',
      '贺兰县第二十幼儿园',
    ])
    expect(['三中', '一中', '十二中', '二中'].sort(compareNames)).toEqual(['一中', '二中', '三中', '十二中'])
    // Chinese order otherwise (拼音): 安 before 贺
    expect(['贺兰县幼儿园', '安宁幼儿园'].sort(compareNames)).toEqual(['安宁幼儿园', '贺兰县幼儿园'])
  })

  it('orders the 计算明细 of equal sizes by that order', () => {
    const r = parseRubric(preschoolJson)
    if (!r.ok) throw new Error(r.errors.join('\n'))
    const kg = (n: number) => ({
      figures: { id: String(n), name: `第${n}幼儿园`, sponsor: '教育部门', enrolledChildren: { total: 100 } },
      source: 'x',
    })
    const lines = traceLines([kg(10), kg(1), kg(2)], preschoolSettings(r.rubric))
    expect(lines.map((l) => l.name)).toEqual(['第1幼儿园', '第2幼儿园', '第10幼儿园'])
  })
})
