/**
 * 月度督导通知: the notice that opens a month of 责任督学挂牌督导, drafted from the year's plan (the month's theme and
 * the standing checklist, "1+X") and the office's calendar settings (the day the notice goes out). SUPERVISION.md
 * "The month": 范围 · 内容 · 方式 · 自查 window · 入校 window · report deadline · 要求 · 附件 (record form).
 * Every sentence is this project's own wording.
 */
import type { DocumentSpec } from '../../documents/types'
import {
  addDays,
  cnMonth,
  cnMonthDay,
  cnRange,
  dayOfMonth,
  documentFrame,
  jurisdictionWord,
  monthEnd,
  para,
  table,
  type IssuingOffice,
} from './common'

/** The dates of a month's cycle, ISO YYYY-MM-DD. */
export interface MonthWindows {
  /** 成文日期 of the notice. */
  noticeDate: string
  selfCheckFrom: string
  selfCheckTo: string
  visitFrom: string
  visitTo: string
  /** The day the 督学 hand in their records (督导记录) to the office. */
  recordsDue: string
}

/**
 * The default cycle of a month from the office's notice day [U, a design choice on SUPERVISION.md's evidence]:
 * notice on `noticeDay`; schools' 自查 the five days from the notice; 督学入校 from the day after the 自查 to the
 * 25th (or the 自查's end + 5 days when later); records due on the month's last day. Days past the month's end
 * are clamped to it.
 */
export function defaultMonthWindows(year: number, month: number, noticeDay: number): MonthWindows {
  const last = monthEnd(year, month)
  const clamp = (d: string) => (d > last ? last : d)
  const noticeDate = dayOfMonth(year, month, noticeDay)
  const selfCheckTo = clamp(addDays(noticeDate, 4))
  const visitFrom = clamp(addDays(selfCheckTo, 1))
  const day25 = dayOfMonth(year, month, 25)
  const visitTo = clamp(day25 > addDays(visitFrom, 4) ? day25 : addDays(visitFrom, 4))
  return { noticeDate, selfCheckFrom: noticeDate, selfCheckTo, visitFrom, visitTo, recordsDue: last }
}

export interface MonthlyNoticeInput {
  office: IssuingOffice
  year: number
  month: number
  /** The month's theme(s) (the "X"), e.g. 校园食品安全; '' = the standing checklist only. */
  theme: string
  /** The standing checklist looked at on every visit (the "1"). */
  checklist: string[]
  /** The 督导事项 (editable list of the office), printed on the record form. */
  matters: string[]
  windows: MonthWindows
  /** Who receives it; default 各中小学、幼儿园，各责任督学. */
  recipients?: string
  /** 督导范围; default 全县各中小学、幼儿园 (全区, 全市 … after the office: jurisdictionWord). */
  scope?: string
}

/**
 * Check-box items packed into lines of at most `width` characters (the form's 内容 column holds about 19 字),
 * separated by an ideographic space; an item longer than a line stands alone.
 */
export function packItems(items: string[], width = 18): string[] {
  const out: string[] = []
  for (const item of items) {
    const last = out[out.length - 1]
    if (last !== undefined && [...last].length + 1 + [...item].length <= width) out[out.length - 1] = `${last}　${item}`
    else out.push(item)
  }
  return out
}

/** The blank 督导记录表 (a two-column form) printed as the notice's attachment. */
export function visitRecordForm(matters: string[]): { title: string; body: DocumentSpec['content']['body'] } {
  const rows = [
    ['学校（幼儿园）', ''],
    ['督导时间', '　　年　　月　　日'],
    ['责任督学', ''],
    ['陪同人员', ''],
    ['本月主题', ''],
    ['督导事项', packItems(matters.map((m) => `□${m}`)).join('\n')],
    ['督导方式', '□听课（　节）　□查阅资料（　份）\n□座谈（　人）　□访谈（　人）\n□巡视（　处）　□问卷（　份）'],
    ['发现的问题', '\n\n\n'],
    ['好的做法', '\n\n'],
    ['整改意见及期限', '\n\n'],
    ['学校意见', '\n\n负责人签字：　　　　　（公章）'],
  ]
  return {
    title: '责任督学挂牌督导记录表',
    body: [table('', ['项　目', '内　容'], rows, [{ chars: 8 }, { auto: true }])],
  }
}

/** The 月度督导通知 as a 公文 draft (通知, 文件格式). @throws RangeError when a window date is not a real date. */
export function buildMonthlyNotice(input: MonthlyNoticeInput): DocumentSpec {
  const { year, month, windows: w } = input
  const monthText = cnMonth(year, month)
  const theme = input.theme.trim()
  const body = [
    para(`按照本年度教育督导工作计划，现就${monthText}责任督学挂牌督导工作安排如下：`),
    para('督导范围', 1),
    para(`${input.scope?.trim() || `${jurisdictionWord(input.office)}各中小学、幼儿园`}。`),
    para('督导内容', 1),
    para(theme ? `本月实行“1+X”督导：“1”为每次入校都要查看的常规事项，“X”为本月主题“${theme}”。` : '本月按常规事项开展经常性督导。'),
    ...(input.checklist.length
      ? [para('常规事项', 2), para(`${input.checklist.map((c) => c.trim().replace(/[。；;]$/, '')).join('；')}。`)]
      : []),
    ...(theme ? [para('本月主题', 2), para(`${theme}。请各学校对照主题逐项梳理本校做法和不足，督学入校时重点查看。`)] : []),
    para('方式和时间', 1),
    para('学校自查', 2),
    para(`${cnRange(w.selfCheckFrom, w.selfCheckTo)}，各学校对照督导内容开展自查，形成自查报告报本校责任督学。`),
    para('督学入校', 2),
    para(
      `${cnRange(w.visitFrom, w.visitTo)}，各责任督学进入责任区学校，通过听课、查阅资料、座谈、访谈、巡视、问卷等方式开展督导，当场反馈意见。`,
    ),
    para('记录报送', 2),
    para(`督学应在入校后两日内填写督导记录表，${cnMonthDay(w.recordsDue)}前将本月全部记录报送教育督导室。`),
    para('工作要求', 1),
    para('各学校要如实开展自查，主动提供资料，为督学入校提供便利。'),
    para('各责任督学要按时入校，客观记录发现的问题，对需要整改的问题提出明确的整改意见和期限。'),
    para('督导中发现的问题纳入问题台账，逐项跟踪整改、复查和销号，结果在下月督导通报中通报。'),
  ]
  const form = visitRecordForm(input.matters)
  return {
    kind: '通知',
    format: 'file',
    content: documentFrame(input.office, {
      title: `关于开展${monthText}责任督学挂牌督导工作的通知`,
      recipients: input.recipients?.trim() || '各中小学、幼儿园，各责任督学',
      body,
      attachments: [form],
      signedDate: w.noticeDate,
      publicityNote: '此件公开发布',
    }),
  }
}
