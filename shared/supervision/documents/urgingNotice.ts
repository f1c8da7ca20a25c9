/**
 * 督办单: sent when a problem's deadline has passed without an accepted 整改报告. No education form was found
 * (SUPERVISION.md [U]); general government practice [S] gives its fields: 督办单编号, 督办事项 (which overdue
 * problem, which earlier notice), 责任单位 and 责任人, 办理期限, 回复内容, 办结时间, 状态. One per overdue entry.
 * Printed as a 公文 whose 正文 carries those fields as a form table. Wording is this project's own.
 */
import type { DocumentSpec } from '../../documents/types'
import { cnDate, documentFrame, para, sentence, table, type IssuingOffice } from './common'

/** The earlier notice the 督办单 names. */
export interface EarlierNotice {
  title: string
  /** Its 发文字号 or serial 编号 ('' when it never got one). */
  number: string
  /** Its 成文日期, ISO. */
  date: string
}

export interface UrgingNoticeInput {
  office: IssuingOffice
  /** 督办单编号 when numbered by the office's serial ('' = 发文字号 at 签发, printed there). */
  number: string
  /** The ledger entry's own 编号 (台账编号), e.g. 2025-017. */
  entryCode: string
  institution: string
  description: string
  /** 整改时限 that passed, ISO. */
  deadline: string
  /** The 整改通知书 that set it; null when the problem was never sent one (the ledger's own deadline). */
  notice: EarlierNotice | null
  /** 责任单位 and 责任人 from the ledger ('' = the institution / its principal). */
  responsibleUnit: string
  responsiblePerson: string
  /** 办理期限: the new deadline, ISO. */
  replyBy: string
  /** 成文日期, ISO. */
  signedDate: string
}

/** How the 督办单 names the earlier notice: 《关于…的通知》（督改〔2025〕3号，2025年3月12日）. */
export function earlierNoticeWording(notice: EarlierNotice | null): string {
  if (!notice) return '问题台账'
  const when = cnDate(notice.date)
  return `《${notice.title}》（${notice.number ? `${notice.number}，` : ''}${when}）`
}

/**
 * The 督办单 of one overdue ledger entry, as a 公文 draft (通知, 文件格式).
 * @throws Error when the 办理期限 is not after the passed deadline; RangeError on a date that is not real.
 */
export function buildUrgingNotice(input: UrgingNoticeInput): DocumentSpec {
  if (input.replyBy <= input.deadline) throw new Error('办理期限应晚于原整改期限')
  const unit = input.responsibleUnit.trim() || input.institution
  const source = earlierNoticeWording(input.notice)
  const form = table(
    '督办单',
    ['项　目', '内　容'],
    [
      ['督办单编号', input.number || '同本文发文字号'],
      [
        '督办事项',
        `${sentence(input.description)}该问题（台账编号${input.entryCode}）经${source}要求于${cnDate(input.deadline)}前整改到位，逾期未报送合格的整改报告。`,
      ],
      ['责任单位', `${unit}（责任人：${input.responsiblePerson.trim() || '单位主要负责人'}）`],
      ['办理期限', `${cnDate(input.replyBy)}前`],
      ['回复内容', '\n\n\n\n'],
      ['办结时间', '　　年　　月　　日'],
      ['状　　态', '待办理'],
    ],
    [{ chars: 6 }, { auto: true }],
  )
  const body = [
    para(
      `${input.notice ? `本室于${cnDate(input.notice.date)}以${source}` : '经问题台账'}要求你单位对督导发现的问题限期整改。截至目前，该问题已超过整改期限，现予督办。`,
    ),
    form,
    para(
      `请你单位于${cnDate(input.replyBy)}前完成整改，在“回复内容”栏写明整改措施和结果，连同佐证材料报送教育督导室。逾期仍未办结的，将约谈你单位负责人，并在督导通报中通报。`,
    ),
  ]
  return {
    kind: '通知',
    format: 'file',
    content: documentFrame(input.office, {
      title: `关于督促${input.institution}限期完成督导整改的通知`,
      recipients: unit,
      body,
      signedDate: input.signedDate,
      publicityNote: '此件不予公开',
      docNumber: input.number,
    }),
  }
}
