import { describe, expect, it } from 'vitest'
import type { ImportColumn, ImportProblem } from '../../../shared/imports/types'
import { findHeader, mapHeaderColumns, type SheetGrid } from '../../../electron/core/preschool/sheetGrid'
import { KINDERGARTEN_FIELDS } from '../../../shared/statistics/headerAliases'

const grid = (rows: string[][]): SheetGrid => ({ name: '幼儿园', cells: rows, letters: rows[0].map((_, i) => String.fromCharCode(65 + i)) })

describe('mapHeaderColumns (one column mapping for every statistics import)', () => {
  it('maps fields, warns on an unknown column and on a repeated field, and reports an unreadable unit', () => {
    const sheet = grid([
      ['幼儿园名称', '举办者', '在园幼儿数', '备注栏', '幼儿园名称', '校舍建筑面积（单位：亩）'],
      ['甲园', '教育部门', '100', '', '乙', '1'],
    ])
    const header = findHeader(sheet, KINDERGARTEN_FIELDS)!
    const out = { columns: [] as ImportColumn[], warnings: [] as string[], problems: [] as ImportProblem[] }
    const colOf = mapHeaderColumns(sheet, header, out)
    expect(colOf.get('name')).toBe(0)
    expect(out.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('第 D 列「备注栏」不是可导入的项目'),
        expect.stringContaining('第 E 列「幼儿园名称」与第 A 列都对应'),
      ]),
    )
    expect(out.problems).toEqual([
      expect.objectContaining({ sheet: '幼儿园', column: 'F', reason: expect.stringContaining('无法识别的单位「亩」') }),
    ])
  })
})
