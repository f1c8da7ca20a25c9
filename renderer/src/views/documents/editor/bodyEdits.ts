/**
 * The edits of the 正文 writing surface (BodyEditor.vue) as pure functions on BodyBlock[]: split at the
 * caret (Enter), merge with the paragraph before or after (Backspace at the start, Delete at the end), paste
 * of several paragraphs through the paste parser, and the table edits (insert, cells, rows, columns). Each
 * returns a new array (the input is never modified) and, where the caret moves, where it goes.
 */
import { parsePastedText } from '../../../../../shared/documents/pasteText'
import { isParagraphBlock, type BodyBlock, type ParagraphBlock, type TableBlock } from '../../../../../shared/documents/types'

/** Where the caret goes after an edit: block index and character offset in its text. */
export interface Caret {
  index: number
  offset: number
}

export interface EditResult {
  blocks: BodyBlock[]
  caret: Caret
}

/** Most rows and columns a table may have (the contract's limits, shared/documents/documentSchema.ts). */
export const TABLE_LIMITS = { rows: 2_000, columns: 12 } as const

/**
 * The level of the paragraph Enter opens after a block of `level`: after a title heading (一、 （一）) the
 * text that follows is an ordinary paragraph; after an item (1. （1）), which runs on into its own text, the
 * next item of the same level.
 */
export function levelAfter(level: BodyBlock['level']): BodyBlock['level'] {
  return level >= 3 ? level : 0
}

/**
 * Enter in paragraph `index` with the selection `start`…`end` (the selection is replaced): the text before
 * stays, the text after becomes a new paragraph (levelAfter). At the very start of a non-empty paragraph an
 * empty ordinary paragraph opens above it instead (the heading keeps its text). Not for tables or images.
 */
export function splitParagraph(blocks: BodyBlock[], index: number, start: number, end = start): EditResult {
  const block = blocks[index]
  if (!block || !isParagraphBlock(block)) return { blocks: blocks.slice(), caret: { index, offset: 0 } }
  const before = block.text.slice(0, start)
  const after = block.text.slice(end)
  const next = blocks.slice()
  if (start === 0 && after !== '') {
    next.splice(index, 0, { level: 0, text: '' })
    return { blocks: next, caret: { index: index + 1, offset: 0 } }
  }
  next.splice(index, 1, { ...block, text: before }, { level: levelAfter(block.level), text: after })
  return { blocks: next, caret: { index: index + 1, offset: 0 } }
}

/**
 * Backspace at the start of paragraph `index`: its text joins the paragraph before (which keeps its level),
 * the caret at the join. Before a table or an image only an empty paragraph goes (the caret then at the end
 * of the next paragraph before it, if any). Null when nothing changes (first block).
 */
export function mergeWithPrevious(blocks: BodyBlock[], index: number): EditResult | null {
  const block = blocks[index]
  if (index <= 0 || !block || !isParagraphBlock(block)) return null
  const prev = blocks[index - 1]
  const next = blocks.slice()
  if (!isParagraphBlock(prev)) {
    if (block.text !== '') return null
    next.splice(index, 1)
    const target = index < next.length && isParagraphBlock(next[index]) ? index : index - 1
    return { blocks: next, caret: { index: target, offset: 0 } }
  }
  next.splice(index - 1, 2, { ...prev, text: prev.text + block.text })
  return { blocks: next, caret: { index: index - 1, offset: prev.text.length } }
}

/** Delete at the end of paragraph `index`: the next paragraph's text joins it. Null when there is none. */
export function mergeWithNext(blocks: BodyBlock[], index: number): EditResult | null {
  const next = blocks[index + 1]
  if (!next || !isParagraphBlock(next) || !isParagraphBlock(blocks[index])) return null
  return mergeWithPrevious(blocks, index + 1)
}

/**
 * Paste of `text` into paragraph `index` over the selection `start`…`end`, through the paste parser
 * (shared/documents/pasteText.ts: numbering read as levels, broken lines joined, punctuation full-width).
 * One ordinary paragraph is inserted at the caret as text; several paragraphs (or a numbered heading) split
 * the paragraph there: the text before stays, the pasted blocks follow, the text after becomes an ordinary
 * paragraph. An empty paragraph pasted into takes the first pasted block's level. Null when the parser finds
 * no text.
 */
export function pasteIntoParagraph(blocks: BodyBlock[], index: number, start: number, end: number, text: string): EditResult | null {
  const block = blocks[index]
  if (!block || !isParagraphBlock(block)) return null
  const pasted = parsePastedText(text)
  if (pasted.length === 0) return null
  const before = block.text.slice(0, start)
  const after = block.text.slice(end)
  const next = blocks.slice()
  if (pasted.length === 1 && pasted[0].level === 0) {
    next[index] = { ...block, text: before + pasted[0].text + after }
    return { blocks: next, caret: { index, offset: before.length + pasted[0].text.length } }
  }
  const head: BodyBlock[] = before.trim() !== '' ? [{ ...block, text: before }] : []
  const tail: BodyBlock[] = after.trim() !== '' ? [{ level: 0, text: after }] : []
  next.splice(index, 1, ...head, ...pasted, ...tail)
  const last = index + head.length + pasted.length - 1
  return { blocks: next, caret: { index: last, offset: pasted.at(-1)!.text.length } }
}

/**
 * A new table of `rows` × `columns` (header row included when `header`), every column sharing the width
 * (auto), empty cells, no caption. Clamped to 1…TABLE_LIMITS; with a header there are at least two rows.
 */
export function newTable(rows: number, columns: number, header: boolean): TableBlock {
  const c = Math.min(TABLE_LIMITS.columns, Math.max(1, Math.floor(columns)))
  const r = Math.min(TABLE_LIMITS.rows, Math.max(header ? 2 : 1, Math.floor(rows)))
  return {
    kind: 'table',
    level: 0,
    text: '',
    table: {
      columns: Array.from({ length: c }, () => ({ auto: true as const })),
      headerRows: header ? 1 : 0,
      rows: Array.from({ length: r }, () => Array.from({ length: c }, () => '')),
    },
  }
}

/**
 * Inserts `table` after block `index` (−1: at the start); an empty paragraph follows it when it would be the
 * last block, so typing can go on below it. An empty ordinary paragraph at `index` is replaced by the table.
 */
export function insertTable(blocks: BodyBlock[], index: number, table: TableBlock): { blocks: BodyBlock[]; tableIndex: number } {
  const next = blocks.slice()
  const at = blocks[index]
  let tableIndex: number
  if (at && isParagraphBlock(at) && at.text === '' && at.level === 0) {
    next[index] = table
    tableIndex = index
  } else {
    next.splice(index + 1, 0, table)
    tableIndex = index + 1
  }
  if (tableIndex === next.length - 1) next.push({ level: 0, text: '' })
  return { blocks: next, tableIndex }
}

/** The table operations of the table editor: each returns the changed table block (a new object). */
export const tableEdits = {
  setCell(block: TableBlock, row: number, column: number, text: string): TableBlock {
    const rows = block.table.rows.map((r, i) => (i === row ? r.map((cell, j) => (j === column ? text : cell)) : r))
    return { ...block, table: { ...block.table, rows } }
  },
  /** A row of empty cells inserted after `row` (−1: at the top, under the header when there is one). */
  addRow(block: TableBlock, row: number): TableBlock {
    const t = block.table
    if (t.rows.length >= TABLE_LIMITS.rows) return block
    const at = Math.max(row + 1, t.headerRows)
    const rows = t.rows.slice()
    rows.splice(
      at,
      0,
      t.columns.map(() => ''),
    )
    return { ...block, table: { ...t, rows } }
  },
  /** Removes row `row`; at least one body row stays (and the header row, while there is one). */
  removeRow(block: TableBlock, row: number): TableBlock {
    const t = block.table
    if (t.rows.length <= t.headerRows + 1 || row < 0 || row >= t.rows.length) return block
    const headerRows = row < t.headerRows ? t.headerRows - 1 : t.headerRows
    return { ...block, table: { ...t, headerRows, rows: t.rows.filter((_, i) => i !== row) } }
  },
  /** A column of empty cells (auto width) inserted after `column`. */
  addColumn(block: TableBlock, column: number): TableBlock {
    const t = block.table
    if (t.columns.length >= TABLE_LIMITS.columns) return block
    const at = Math.min(t.columns.length, Math.max(0, column + 1))
    const insert = <T>(list: T[], item: T) => [...list.slice(0, at), item, ...list.slice(at)]
    return {
      ...block,
      table: {
        ...t,
        columns: insert(t.columns, { auto: true as const }),
        rows: t.rows.map((r) => insert(r, '')),
        ...(t.align ? { align: insert(t.align, 'left' as const) } : {}),
      },
    }
  },
  /** Removes column `column`; one column always stays. */
  removeColumn(block: TableBlock, column: number): TableBlock {
    const t = block.table
    if (t.columns.length <= 1 || column < 0 || column >= t.columns.length) return block
    const drop = <T>(list: T[]) => list.filter((_, j) => j !== column)
    return {
      ...block,
      table: { ...t, columns: drop(t.columns), rows: t.rows.map(drop), ...(t.align ? { align: drop(t.align) } : {}) },
    }
  },
  /** The first row as a header (repeated on every page the table runs onto), or not. */
  setHeader(block: TableBlock, header: boolean): TableBlock {
    const t = block.table
    if (header && t.rows.length < 2) return block
    return { ...block, table: { ...t, headerRows: header ? Math.max(1, t.headerRows) : 0 } }
  },
}

/** An empty ordinary paragraph (what Enter and 「添加段落」 open). */
export const emptyParagraph = (): ParagraphBlock => ({ level: 0, text: '' })
