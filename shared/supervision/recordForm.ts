import { GBT9704_LAYOUT, type LayoutProfile } from '../documents/layout'
import type { PrintBlock } from '../print/blocks'
import type { SupervisionItem } from './types'
import { PROBLEM_LEVELS, VISIT_METHODS } from './types'

/** What the blank record form prints besides its fixed rows. */
export interface RecordFormInput {
  /** the office's name, printed as the table's caption under the title ('' = none) */
  officeName: string
  /** the 督导事项 offered as tick boxes (active ones, in order) */
  items: Pick<SupervisionItem, 'title' | 'active'>[]
  /** a month's theme, its topics and the standing checklist when the form is for one month; absent = blank */
  month?: { label: string; theme: string; topics: string[]; standingChecklist: string[] }
}

/**
 * The form's page: A4 with the GB/T 9704 margins, but 小四 (12 pt) text on a 37-line grid (17.2 pt
 * pitch) and a 小二 (18 pt) title, so the whole form fits one sheet as paper record forms do; the
 * 公文 layout (3号 on 22 lines) would spread it over three pages.
 */
export const RECORD_FORM_LAYOUT: LayoutProfile = {
  ...GBT9704_LAYOUT,
  id: 'record-form',
  name: '督导记录表',
  grid: { linesPerPage: 37, charsPerLine: 36, linePitchTwips: 344 },
  text: { ...GBT9704_LAYOUT.text, characterSpacing: 0, bodySizePt: 12, titleSizePt: 18 },
}

const UNITS: Record<(typeof VISIT_METHODS)[number], string> = {
  听课: '节',
  查阅资料: '份',
  座谈: '次',
  访谈: '人次',
  巡视: '次',
  问卷: '份',
}
const BOX = '□'
const lines = (n: number) => '\n'.repeat(n - 1)

/**
 * The printable blank 督导记录表 (a table form: label column and writing space), as print blocks for
 * exportBlocksDocx: school, date, 督学, theme, the 督导事项 and the standing checklist as tick boxes,
 * the methods with blanks for counts, findings with their level, good practice, 整改意见 and deadline,
 * the school's signature and seal, the 督学's signature and the day the record was entered (the
 * 挂牌督导办法 asks for records within two days). Pure: the core writes the .docx.
 */
export function recordFormBlocks(input: RecordFormInput): PrintBlock[] {
  const ticks = (names: string[]) => names.map((n) => `${BOX}${n}`).join('　')
  const m = input.month
  const rows: string[][] = [
    ['学校名称', ''],
    ['督导日期', '　　　　年　　月　　日'],
    ['责任督学', ''],
    ['随同督学', ''],
    ['督导主题', m ? `${m.label}：${m.theme || '（本月未定主题）'}${m.topics.length ? `（${m.topics.join('；')}）` : ''}` : ''],
    ['督导事项', ticks(input.items.filter((i) => i.active).map((i) => i.title))],
    ...(m && m.standingChecklist.length ? [['常规检查', ticks(m.standingChecklist)]] : []),
    ['督导方式', VISIT_METHODS.map((k) => `${k}＿＿${UNITS[k]}`).join('　')],
    ['发现的问题', `（逐条填写，并注明处理级别：${PROBLEM_LEVELS.join('、')}）${lines(9)}`],
    ['好的做法', lines(4)],
    ['整改意见', `${lines(4)}\n整改时限：　　　　年　　月　　日前，向责任督学报送整改报告`],
    ['学校意见', `${lines(2)}\n校长（签字）：　　　　　　　　（学校盖章）\n　　　　　　　　　　　　　　　　年　　月　　日`],
    ['督学签字', '\n录入日期：　　　　年　　月　　日（督导后两日内录入）'],
  ]
  const blocks: PrintBlock[] = [{ kind: 'paragraph', role: 'title', runs: [{ text: '中小学校责任督学挂牌督导记录表' }] }]
  blocks.push({
    kind: 'table',
    caption: input.officeName,
    table: { columns: [{ chars: 6 }, { auto: true }], headerRows: 0, rows, align: ['center', 'left'] },
  })
  return blocks
}
