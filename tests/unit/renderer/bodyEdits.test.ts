import { describe, expect, it } from 'vitest'
import type { BodyBlock, TableBlock } from '../../../shared/documents/types'
import {
  insertTable,
  mergeWithNext,
  mergeWithPrevious,
  newTable,
  pasteIntoParagraph,
  splitParagraph,
  tableEdits,
} from '../../../renderer/src/views/documents/editor/bodyEdits'

describe('bodyEdits (the writing surface as pure functions)', () => {
  it('Enter after a title heading opens an ordinary paragraph, after an item the next item', () => {
    expect(splitParagraph([{ level: 1, text: '督导范围' }], 0, 4).blocks).toEqual([
      { level: 1, text: '督导范围' },
      { level: 0, text: '' },
    ])
    expect(splitParagraph([{ level: 3, text: '校园安全。课后服务。' }], 0, 5).blocks).toEqual([
      { level: 3, text: '校园安全。' },
      { level: 3, text: '课后服务。' },
    ])
    // At the very start: an empty paragraph above, the heading keeps its text.
    const top = splitParagraph([{ level: 1, text: '督导范围' }], 0, 0)
    expect(top.blocks).toEqual([
      { level: 0, text: '' },
      { level: 1, text: '督导范围' },
    ])
    expect(top.caret).toEqual({ index: 1, offset: 0 })
    // A selection is replaced.
    expect(splitParagraph([{ level: 0, text: 'abcdef' }], 0, 2, 4).blocks.map((b) => b.text)).toEqual(['ab', 'ef'])
  })

  it('merges with the paragraph before or after; a table stops the merge unless the paragraph is empty', () => {
    const blocks: BodyBlock[] = [
      { level: 1, text: '一' },
      { level: 0, text: '二' },
    ]
    expect(mergeWithPrevious(blocks, 1)).toEqual({ blocks: [{ level: 1, text: '一二' }], caret: { index: 0, offset: 1 } })
    expect(mergeWithNext(blocks, 0)!.blocks).toEqual([{ level: 1, text: '一二' }])
    expect(mergeWithPrevious(blocks, 0)).toBeNull()
    expect(mergeWithNext(blocks, 1)).toBeNull()
    const table = newTable(2, 2, true)
    expect(mergeWithPrevious([table, { level: 0, text: '文字' }], 1)).toBeNull()
    expect(mergeWithPrevious([table, { level: 0, text: '' }], 1)!.blocks).toEqual([table])
  })

  it('pastes one line as text at the caret, several as parsed blocks', () => {
    const one = pasteIntoParagraph([{ level: 0, text: '请于月底前报送。' }], 0, 4, 4, '3月')
    expect(one!.blocks).toEqual([{ level: 0, text: '请于月底3月前报送。' }])
    expect(one!.caret).toEqual({ index: 0, offset: 6 })
    // Into an empty paragraph: the pasted blocks replace it.
    expect(pasteIntoParagraph([{ level: 0, text: '' }], 0, 0, 0, '一、总体要求\n1.提高认识。')!.blocks).toEqual([
      { level: 1, text: '总体要求' },
      { level: 3, text: '提高认识。' },
    ])
    expect(pasteIntoParagraph([{ level: 0, text: '' }], 0, 0, 0, '\n  \n')).toBeNull()
  })

  it('inserts a table after the current block (replacing an empty paragraph), with a paragraph after it to type on', () => {
    const t = newTable(3, 2, true)
    expect(t.table.rows).toEqual([
      ['', ''],
      ['', ''],
      ['', ''],
    ])
    expect(t.table.headerRows).toBe(1)
    expect(newTable(1, 40, true).table.rows).toHaveLength(2) // header + one body row; columns clamped
    expect(newTable(1, 40, true).table.columns).toHaveLength(12)
    const r = insertTable([{ level: 0, text: '问题如下：' }], 0, t)
    expect(r.tableIndex).toBe(1)
    expect(r.blocks).toEqual([{ level: 0, text: '问题如下：' }, t, { level: 0, text: '' }])
    expect(
      insertTable(
        [
          { level: 0, text: '' },
          { level: 0, text: '下文' },
        ],
        0,
        t,
      ).blocks,
    ).toEqual([t, { level: 0, text: '下文' }])
  })

  it('adds and removes rows and columns where the caret is, keeping a header and one body row', () => {
    let t: TableBlock = newTable(2, 2, true)
    t = tableEdits.setCell(t, 0, 0, '学校')
    t = tableEdits.addRow(t, 0) // after the header
    expect(t.table.rows.map((r) => r[0])).toEqual(['学校', '', ''])
    t = tableEdits.addColumn(t, 0)
    expect(t.table.rows[0]).toEqual(['学校', '', ''])
    expect(t.table.columns).toHaveLength(3)
    t = tableEdits.removeColumn(t, 0)
    expect(t.table.rows[0]).toEqual(['', ''])
    t = tableEdits.removeRow(t, 2)
    expect(t.table.rows).toHaveLength(2)
    expect(tableEdits.removeRow(t, 1)).toBe(t) // the last body row stays
    t = tableEdits.removeRow(tableEdits.setHeader(t, false), 0)
    expect(t.table).toMatchObject({ headerRows: 0, rows: [['', '']] })
    expect(tableEdits.setHeader(t, true)).toBe(t) // one row cannot be a header over nothing
    expect(tableEdits.removeColumn(tableEdits.removeColumn(t, 0), 0).table.columns).toHaveLength(1)
  })
})
