/**
 * 督导通报 for a month or a term: 一、基本情况 with the computed figures, 二、主要成效 (good practice from the visits),
 * 三、存在问题 grouped by 督导事项 or by institution (the office's switch: name institutions or not), 四、整改要求, and
 * the 问题清单 table as its attachment. SUPERVISION.md "督导通报 skeleton". No figure is typed: every number comes
 * from `figures` (shared/supervision/figures.ts periodFigures) and every problem from the ledger.
 */
import type { DocumentSpec } from '../../documents/types'
import {
  cnDate,
  deadlineColumn,
  documentFrame,
  jurisdictionWord,
  nameColumn,
  para,
  percent,
  sentence,
  table,
  type IssuingOffice,
} from './common'

/** The figures the 通报 prints (a structural subset of shared/supervision/types.ts PeriodFigures). */
export interface BulletinFigures {
  period: { kind: 'month' | 'term'; label: string; from: string; to: string }
  /** The day the figures are read on: the period's last day, or today while it runs (absent = its last day). */
  asOf?: string
  visits: number
  institutionsVisited: number
  institutionsTotal: number
  coverage: number | null
  problemsFound: number
  problemsByItem: { itemKey: string | null; title: string; count: number }[]
  previousRectification: { period: { label: string }; found: number; rectified: number; rate: number | null }
  overdue: number
}

/** A problem of the period, as the 通报 lists it. */
export interface BulletinProblem {
  institution: string
  /** 督导事项 title ('' = 未归类). */
  matter: string
  description: string
  /** 整改时限, ISO ('' = not set). */
  deadline: string
}

/** Good practice seen on a visit. */
export interface BulletinPractice {
  institution: string
  text: string
}

export interface BulletinInput {
  office: IssuingOffice
  figures: BulletinFigures
  /** The month's theme(s) ('' or absent for a term). */
  theme: string
  /** The 月度督导通知 the 通报 answers ('' = not named). */
  noticeTitle: string
  practices: BulletinPractice[]
  problems: BulletinProblem[]
  /** 三、存在问题 grouped by 督导事项 (default) or by institution. */
  groupBy: 'matter' | 'institution'
  /** The switch: print institutions' names in 存在问题 (the attachment always names them: it goes to the schools). */
  nameInstitutions: boolean
  /** Days, from the 通报, for the schools to send their 整改报告. */
  reportWithinDays: number
  /** 成文日期, ISO. */
  signedDate: string
  recipients?: string
}

/** 一、基本情况's sentences, every number from the figures. */
export function basicSituation(f: BulletinFigures, theme: string, area = '全县（区）'): string[] {
  const lines: string[] = []
  const themeText = theme.trim() ? `围绕“${theme.trim()}”主题，` : ''
  const coverage =
    f.coverage === null
      ? '（本期未划定责任区学校，无法计算覆盖率）'
      : `，覆盖责任区学校${Math.round(f.coverage * f.institutionsTotal)}所（共${f.institutionsTotal}所），覆盖率${percent(f.coverage)}`
  lines.push(`${f.period.label}，${area}责任督学${themeText}共入校督导${f.visits}所次${coverage}。`)
  const items = f.problemsByItem.filter((i) => i.count > 0)
  lines.push(
    f.problemsFound === 0
      ? '本期督导未发现需要整改的问题。'
      : `共发现需要整改的问题${f.problemsFound}个${items.length ? `，其中${items.map((i) => `${i.title || '未归类'}${i.count}个`).join('，')}` : ''}。`,
  )
  const prev = f.previousRectification
  lines.push(
    prev.rate === null
      ? `${prev.period.label}未发现需要整改的问题，无整改率可计。`
      : `${prev.period.label}发现的${prev.found}个问题，截至${cnDate(f.asOf ?? f.period.to)}已整改到位${prev.rectified}个，整改率${percent(prev.rate)}。`,
  )
  const asOf = cnDate(f.asOf ?? f.period.to)
  lines.push(f.overdue === 0 ? `截至${asOf}，没有逾期未整改的问题。` : `截至${asOf}，仍有${f.overdue}个问题逾期未整改。`)
  return lines
}

/** 三、存在问题 as level-2 groups with one level-3 item per problem. */
export function problemSections(problems: BulletinProblem[], groupBy: 'matter' | 'institution', nameInstitutions: boolean) {
  const byInstitution = groupBy === 'institution' && nameInstitutions
  const groups = new Map<string, BulletinProblem[]>()
  for (const p of problems) {
    const key = byInstitution ? p.institution : p.matter || '未归类'
    groups.set(key, [...(groups.get(key) ?? []), p])
  }
  if (!byInstitution && groupBy === 'institution') {
    // Grouped by institution without naming them: one anonymous group per institution, in order.
    const anonymous = new Map<string, BulletinProblem[]>()
    for (const p of problems) anonymous.set(p.institution, [...(anonymous.get(p.institution) ?? []), p])
    return [...anonymous.values()].flatMap((list, i) => [
      para(`第${i + 1}所学校（${list.length}个问题）`, 2),
      ...list.map((p) => para(sentence(`${p.matter ? `${p.matter}方面：` : ''}${p.description}`))),
    ])
  }
  return [...groups.entries()].flatMap(([key, list]) => [
    para(`${key}（${list.length}个）`, 2),
    ...list.map((p) =>
      para(
        sentence(
          byInstitution
            ? `${p.matter ? `${p.matter}方面：` : ''}${p.description}`
            : nameInstitutions
              ? `${p.institution}：${p.description}`
              : p.description,
        ),
      ),
    ),
  ])
}

/** The 问题清单 table: 序号 | 学校 | 问题 (with its 督导事项) | 整改期限 (dates of `documentYear` without the year). */
export function problemListTable(problems: BulletinProblem[], documentYear: number) {
  const deadlines = deadlineColumn(
    problems.map((p) => p.deadline),
    documentYear,
  )
  return table(
    '',
    ['序号', '学校', '问题', '整改期限'],
    problems.map((p, i) => [
      String(i + 1),
      p.institution,
      sentence(`${p.matter ? `（${p.matter}）` : ''}${p.description}`),
      deadlines.texts[i],
    ]),
    // 学校 as wide as the longest name (≤ 8 字): the 问题 column takes the rest.
    [{ chars: 3 }, nameColumn(problems.map((p) => p.institution)), { auto: true }, deadlines.width],
    ['center', 'left', 'left', 'center'],
  )
}

/** The 督导通报 as a 公文 draft (通报, 文件格式). @throws RangeError on a date that is not real. */
export function buildBulletin(input: BulletinInput): DocumentSpec {
  const f = input.figures
  const label = f.period.label
  const opening = input.noticeTitle.trim()
    ? `根据《${input.noticeTitle.trim()}》安排，各责任督学对责任区学校开展了挂牌督导。现将${label}督导情况通报如下：`
    : `现将${label}责任督学挂牌督导情况通报如下：`
  const practices = input.practices.filter((p) => p.text.trim())
  const body = [
    para(opening),
    para('基本情况', 1),
    para(basicSituation(f, input.theme, jurisdictionWord(input.office)).join('')),
    para('主要成效', 1),
    ...(practices.length
      ? practices.map((p) => para(sentence(`${p.institution}${p.text.trim()}`)))
      : [para('本期督导记录中未填写值得推广的做法。')]),
    para('存在问题', 1),
    ...(input.problems.length
      ? [...problemSections(input.problems, input.groupBy, input.nameInstitutions), para('具体问题及整改期限见附件。')]
      : [para('本期督导未发现需要整改的问题。')]),
    para('整改要求', 1),
    para(
      `有问题的学校要按问题清单所列期限逐项整改，自本通报印发之日起${input.reportWithinDays}日内将整改报告报送本校责任督学，由责任督学审核后报教育督导室。`,
    ),
    para('责任督学要跟踪整改进展，整改期限届满后及时复查，复查通过的予以销号，并在下期通报中通报整改情况。'),
    para('逾期未整改的，教育督导室将发出督办单；督办后仍未整改到位的，约谈学校负责人。'),
  ]
  return {
    kind: '通报',
    format: 'file',
    content: documentFrame(input.office, {
      title: `关于${label}责任督学挂牌督导情况的通报`,
      recipients: input.recipients?.trim() || '各中小学、幼儿园，各责任督学',
      body,
      attachments: input.problems.length
        ? [{ title: `${label}督导发现问题清单`, body: [problemListTable(input.problems, Number(input.signedDate.slice(0, 4)))] }]
        : [],
      signedDate: input.signedDate,
      publicityNote: '此件不予公开',
    }),
  }
}
