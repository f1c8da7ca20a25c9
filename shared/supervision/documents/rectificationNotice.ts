/**
 * 整改通知书: to one institution, from ledger entries selected on the problem ledger. SUPERVISION.md "Problem
 * handling": it lists the problems and what is required; the school sends its 整改报告 to its 责任督学 within N
 * days (N per notice); the 督学 files it with the office within 3 days; 核查 on site within 30 days.
 * Wording is this project's own.
 */
import type { DocumentSpec } from '../../documents/types'
import { cnDate, deadlineColumn, documentFrame, para, sentence, table, type IssuingOffice } from './common'

/** One problem of the notice (a ledger entry). */
export interface NoticeProblem {
  /** 问题描述. */
  description: string
  /** 整改措施 / 整改要求 ('' = 请制定措施予以整改). */
  requirement: string
  /** 整改时限, ISO date. */
  deadline: string
  /** 督导事项 the problem belongs to. */
  matter: string
}

export interface RectificationNoticeInput {
  office: IssuingOffice
  /** 主送: the institution's name. */
  institution: string
  /** The visit(s) that found the problems: the earliest date, ISO. */
  foundOn: string
  /** 责任督学 of the institution (who receives the 整改报告). */
  inspector: string
  /** The 督学's phone ('' = not printed). */
  inspectorPhone: string
  problems: NoticeProblem[]
  /** N: days from receipt within which the 整改报告 reaches the 督学. */
  reportWithinDays: number
  /** 成文日期, ISO. */
  signedDate: string
  /** The serial 编号 when the office numbers these by its own serial ('' = 发文字号 at 签发). */
  number: string
}

/**
 * The deadline wording: one date for every problem → 请于2025年4月15日前完成全部整改; several → each problem by the
 * date in its row, the last one named.
 */
export function deadlineWording(deadlines: string[]): string {
  const distinct = [...new Set(deadlines)].sort()
  if (distinct.length === 0) return '请立即组织整改'
  if (distinct.length === 1) return `请于${cnDate(distinct[0])}前完成全部整改`
  return `请按问题清单所列期限逐项完成整改，最迟不晚于${cnDate(distinct[distinct.length - 1])}`
}

/** The problem table: 序号 | 问题 | 整改要求 | 整改期限 (dates of `documentYear` without the year). */
export function problemTable(problems: NoticeProblem[], documentYear: number) {
  const deadlines = deadlineColumn(
    problems.map((p) => p.deadline),
    documentYear,
  )
  return table(
    '督导发现的问题及整改要求',
    ['序号', '问题', '整改要求', '整改期限'],
    problems.map((p, i) => [
      String(i + 1),
      sentence(p.description),
      p.requirement.trim() ? sentence(p.requirement) : '制定整改措施，明确责任人，按期整改到位。',
      deadlines.texts[i],
    ]),
    [{ chars: 3 }, { auto: true }, { auto: true }, deadlines.width],
    ['center', 'left', 'left', 'center'],
  )
}

/**
 * The 整改通知书 as a 公文 draft (通知, 文件格式).
 * @throws Error when no problem is given or N is not 1–90 days; RangeError on a date that is not real.
 */
export function buildRectificationNotice(input: RectificationNoticeInput): DocumentSpec {
  if (input.problems.length === 0) throw new Error('整改通知书至少要列出一个问题')
  if (!Number.isInteger(input.reportWithinDays) || input.reportWithinDays < 1 || input.reportWithinDays > 90)
    throw new Error('整改报告的报送期限应为1至90日')
  const phone = input.inspectorPhone.trim() ? `（联系电话：${input.inspectorPhone.trim()}）` : ''
  const body = [
    para(
      `${cnDate(input.foundOn)}，责任督学${input.inspector}到你校开展挂牌督导，发现${input.problems.length}个需要整改的问题。现将问题和整改要求通知如下：`,
    ),
    // The table's caption (表题) stays on the page with the table, where a lead-in paragraph could be left behind.
    problemTable(input.problems, Number(input.signedDate.slice(0, 4))),
    para('请你校按以下要求抓好整改：'),
    para(
      `${deadlineWording(input.problems.map((p) => p.deadline))}。学校主要负责人是整改第一责任人，要逐项制定措施，明确责任人和完成时间。`,
    ),
    para(
      `自收到本通知之日起${input.reportWithinDays}日内，将整改报告（附整改前后的佐证材料）报送责任督学${input.inspector}${phone}；责任督学收到后3日内报教育督导室备案。`,
    ),
    para('教育督导室将在整改期限届满后30日内组织复查，复查通过的问题予以销号；复查不通过的，退回学校继续整改。'),
    para('逾期未报送整改报告或未完成整改的，将发出督办单，并视情约谈学校负责人、在督导通报中通报。'),
  ]
  return {
    kind: '通知',
    format: 'file',
    content: documentFrame(input.office, {
      title: `关于${input.institution}督导发现问题限期整改的通知`,
      recipients: input.institution,
      body,
      signedDate: input.signedDate,
      publicityNote: '此件不予公开',
      docNumber: input.number,
    }),
  }
}
