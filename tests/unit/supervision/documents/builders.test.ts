import { describe, expect, it } from 'vitest'
import { isStandaloneHeading } from '../../../../shared/documents/compose'
import { documentContentSchema } from '../../../../shared/documents/documentSchema'
import { numberBlocks } from '../../../../shared/documents/headingNumbering'
import { signingProblems } from '../../../../shared/documents/signing'
import type { BodyBlock, DocumentSpec, TableBlock } from '../../../../shared/documents/types'
import {
  buildBulletin,
  basicSituation,
  type BulletinFigures,
  type BulletinProblem,
} from '../../../../shared/supervision/documents/bulletin'
import { jurisdictionWord, nameColumn, percent } from '../../../../shared/supervision/documents/common'
import { buildMonthlyNotice, defaultMonthWindows, packItems } from '../../../../shared/supervision/documents/monthlyNotice'
import { buildRectificationNotice, deadlineWording } from '../../../../shared/supervision/documents/rectificationNotice'
import { buildUrgingNotice } from '../../../../shared/supervision/documents/urgingNotice'

const office = { fullName: '贺兰县人民政府教育督导室', mastheadText: '贺兰县人民政府教育督导室文件' }

/** 正文 as numbered text lines (一、 … （1）) and tables as rows joined by |. */
function lines(blocks: BodyBlock[]): string[] {
  return numberBlocks(blocks).map((b) =>
    b.kind === 'table' ? `[表${b.text}] ${b.table.rows.map((r) => r.join('|')).join(' / ')}` : `${b.label}${b.text}`,
  )
}
function tables(blocks: BodyBlock[]): TableBlock[] {
  return blocks.filter((b): b is TableBlock => b.kind === 'table')
}
/**
 * A generated document is valid stored content and has nothing left to fill in before 签发 (given a series); its
 * only standalone headings (kept with what follows them) are 一、 and （一）: a list of one-sentence 1. items would
 * be read as a chain of headings and carried to the next page whole, leaving a page nearly empty.
 */
function expectSignable(spec: DocumentSpec) {
  expect(() => documentContentSchema.parse(spec.content)).not.toThrow()
  expect(signingProblems(spec.kind, spec.format, spec.content, 1)).toEqual([])
  expect(spec.content.body.filter((b) => isStandaloneHeading(b) && b.level > 2).map((b) => b.text)).toEqual([])
}

describe('月度督导通知', () => {
  it('derives the month windows from the notice day, clamped to the month', () => {
    expect(defaultMonthWindows(2025, 3, 5)).toEqual({
      noticeDate: '2025-03-05',
      selfCheckFrom: '2025-03-05',
      selfCheckTo: '2025-03-09',
      visitFrom: '2025-03-10',
      visitTo: '2025-03-25',
      recordsDue: '2025-03-31',
    })
    // A late notice day in February: windows never run into March.
    const feb = defaultMonthWindows(2025, 2, 26)
    expect(feb.noticeDate).toBe('2025-02-26')
    expect(feb.selfCheckTo).toBe('2025-02-28')
    expect(feb.visitTo).toBe('2025-02-28')
    expect(feb.recordsDue).toBe('2025-02-28')
  })

  it('prints the theme, the checklist, the windows, the deadline and the record form as attachment', () => {
    const spec = buildMonthlyNotice({
      office,
      year: 2025,
      month: 3,
      theme: '校园食品安全',
      checklist: ['学校办学行为', '校园安全'],
      matters: ['办学行为', '校园安全', '教育教学'],
      windows: defaultMonthWindows(2025, 3, 5),
    })
    expect(spec.kind).toBe('通知')
    expect(spec.content.title).toBe('关于开展2025年3月责任督学挂牌督导工作的通知')
    expect(spec.content.signedDate).toBe('2025-03-05')
    const text = lines(spec.content.body)
    expect(text).toContain('一、督导范围')
    expect(text).toContain('学校办学行为；校园安全。')
    expect(text.join('\n')).toContain('“X”为本月主题“校园食品安全”')
    expect(text.join('\n')).toContain('3月5日至3月9日，各学校对照督导内容开展自查')
    expect(text.join('\n')).toContain('3月10日至3月25日，各责任督学进入责任区学校')
    expect(text.join('\n')).toContain('3月31日前将本月全部记录报送教育督导室')
    expect(spec.content.attachments.map((a) => a.title)).toEqual(['责任督学挂牌督导记录表'])
    const form = tables(spec.content.attachments[0].body)[0].table
    expect(form.headerRows).toBe(1)
    expect(form.rows.map((r) => r[0])).toContain('督导方式')
    expect(form.rows.find((r) => r[0] === '督导事项')![1]).toBe('□办学行为　□校园安全　□教育教学')
    // Long titles stand one to a line rather than wrap inside an item.
    expect(packItems(['□学校管理与制度落实', '□招生、收费与学籍', '□课程与教学'])).toEqual([
      '□学校管理与制度落实',
      '□招生、收费与学籍　□课程与教学',
    ])
    expectSignable(spec)
  })
})

describe('整改通知书', () => {
  const base = {
    office,
    institution: '贺兰县第一小学',
    foundOn: '2025-03-12',
    inspector: '马建国',
    inspectorPhone: '13909510001',
    reportWithinDays: 7,
    signedDate: '2025-03-14',
    number: '督改〔2025〕3号',
  }
  it('lists the problems as a table 序号 | 问题 | 整改要求 | 整改期限 and words one deadline', () => {
    const spec = buildRectificationNotice({
      ...base,
      problems: [
        { description: '食堂留样记录不全', requirement: '补齐留样登记，每餐留样不少于125克', deadline: '2025-04-15', matter: '校园安全' },
        { description: '课后服务未公示收费标准', requirement: '', deadline: '2025-04-15', matter: '办学行为' },
      ],
    })
    expect(spec.content.recipients).toBe('贺兰县第一小学')
    expect(spec.content.docNumber).toBe('督改〔2025〕3号')
    const [t] = tables(spec.content.body)
    expect(t.table.headerRows).toBe(1)
    expect(t.table.rows).toEqual([
      ['序号', '问题', '整改要求', '整改期限'],
      ['1', '食堂留样记录不全。', '补齐留样登记，每餐留样不少于125克。', '4月15日'],
      ['2', '课后服务未公示收费标准。', '制定整改措施，明确责任人，按期整改到位。', '4月15日'],
    ])
    const text = lines(spec.content.body).join('\n')
    expect(text).toContain('2025年3月12日，责任督学马建国到你校开展挂牌督导，发现2个需要整改的问题。')
    expect(text).toContain('[表督导发现的问题及整改要求]')
    expect(text).toContain('请于2025年4月15日前完成全部整改')
    expect(text).toContain('自收到本通知之日起7日内，将整改报告（附整改前后的佐证材料）报送责任督学马建国（联系电话：13909510001）')
    expectSignable(spec)
  })

  it('prints a deadline of another year in full, widening the column', () => {
    const p = { description: '围墙破损', requirement: '', matter: '校园安全' }
    const spec = buildRectificationNotice({ ...base, signedDate: '2025-12-20', problems: [{ ...p, deadline: '2026-01-10' }] })
    const t = tables(spec.content.body)[0].table
    expect(t.rows[1][3]).toBe('2026年1月10日')
    expect(t.columns[3]).toEqual({ chars: 8 })
  })

  it('words several deadlines by the table, naming the last', () => {
    expect(deadlineWording(['2025-04-30', '2025-04-15', '2025-04-30'])).toBe('请按问题清单所列期限逐项完成整改，最迟不晚于2025年4月30日')
    expect(deadlineWording(['2025-04-15'])).toBe('请于2025年4月15日前完成全部整改')
  })

  it('refuses a notice without problems or with an unreasonable N', () => {
    expect(() => buildRectificationNotice({ ...base, problems: [] })).toThrow('至少要列出一个问题')
    const p = [{ description: 'x', requirement: '', deadline: '2025-04-15', matter: '' }]
    expect(() => buildRectificationNotice({ ...base, problems: p, reportWithinDays: 0 })).toThrow('1至90日')
  })
})

describe('督办单', () => {
  it('names the earlier notice and its date, the responsible unit and person, the new deadline, a reply space and the status', () => {
    const spec = buildUrgingNotice({
      office,
      number: '督办〔2025〕1号',
      entryCode: '2025-0007',
      institution: '贺兰县第一小学',
      description: '食堂留样记录不全',
      deadline: '2025-04-15',
      notice: { title: '关于贺兰县第一小学督导发现问题限期整改的通知', number: '督改〔2025〕3号', date: '2025-03-14' },
      responsibleUnit: '',
      responsiblePerson: '张校长',
      replyBy: '2025-04-25',
      signedDate: '2025-04-16',
    })
    const rows = Object.fromEntries(tables(spec.content.body)[0].table.rows)
    expect(rows['督办单编号']).toBe('督办〔2025〕1号')
    expect(rows['督办事项']).toBe(
      '食堂留样记录不全。该问题（台账编号2025-0007）经《关于贺兰县第一小学督导发现问题限期整改的通知》（督改〔2025〕3号，2025年3月14日）要求于2025年4月15日前整改到位，逾期未报送合格的整改报告。',
    )
    expect(rows['责任单位']).toBe('贺兰县第一小学（责任人：张校长）')
    expect(rows['办理期限']).toBe('2025年4月25日前')
    expect(rows['回复内容'].trim()).toBe('')
    expect(rows['状　　态']).toBe('待办理')
    expect(spec.content.docNumber).toBe('督办〔2025〕1号')
    expectSignable(spec)
  })

  it('refuses a reply deadline that is not after the passed one', () => {
    const input = {
      office,
      number: '',
      entryCode: '1',
      institution: 'A校',
      description: 'x',
      deadline: '2025-04-15',
      notice: null,
      responsibleUnit: '',
      responsiblePerson: '',
      replyBy: '2025-04-15',
      signedDate: '2025-04-16',
    }
    expect(() => buildUrgingNotice(input)).toThrow('办理期限应晚于原整改期限')
  })
})

describe('督导通报', () => {
  const figures: BulletinFigures = {
    period: { kind: 'month', label: '2025年3月', from: '2025-03-01', to: '2025-03-31' },
    visits: 9,
    institutionsVisited: 7,
    institutionsTotal: 8,
    coverage: 7 / 8,
    problemsFound: 3,
    problemsByItem: [
      { itemKey: 'safety', title: '校园安全', count: 2 },
      { itemKey: 'teaching', title: '教育教学', count: 0 },
      { itemKey: 'conduct', title: '办学行为', count: 1 },
    ],
    previousRectification: { period: { label: '2025年2月' }, found: 3, rectified: 2, rate: 2 / 3 },
    overdue: 1,
  }
  const problems: BulletinProblem[] = [
    { institution: '贺兰县第一小学', matter: '校园安全', description: '食堂留样记录不全', deadline: '2025-04-15' },
    { institution: '贺兰县第二小学', matter: '校园安全', description: '消防通道堆放杂物', deadline: '2025-04-10' },
    { institution: '贺兰县第一小学', matter: '办学行为', description: '课后服务未公示收费标准', deadline: '2025-04-15' },
  ]
  const input = {
    office,
    figures,
    theme: '校园食品安全',
    noticeTitle: '关于开展2025年3月责任督学挂牌督导工作的通知',
    practices: [{ institution: '贺兰县第二小学', text: '建立校长陪餐日志，每日公示菜谱' }],
    problems,
    groupBy: 'matter' as const,
    nameInstitutions: false,
    reportWithinDays: 10,
    signedDate: '2025-04-10',
  }

  it('prints every figure from PeriodFigures in 一、基本情况', () => {
    expect(basicSituation(figures, '校园食品安全')).toEqual([
      '2025年3月，全县（区）责任督学围绕“校园食品安全”主题，共入校督导9所次，覆盖责任区学校7所（共8所），覆盖率87.5%。',
      '共发现需要整改的问题3个，其中校园安全2个，办学行为1个。',
      '2025年2月发现的3个问题，截至2025年3月31日已整改到位2个，整改率66.7%。',
      '截至2025年3月31日，仍有1个问题逾期未整改。',
    ])
    expect(basicSituation(figures, '校园食品安全', '全区')[0]).toMatch(/^2025年3月，全区责任督学/)
    // the office's own level, from its 机关全称
    expect(jurisdictionWord({ fullName: '贺兰县人民政府教育督导室' })).toBe('全县')
    expect(jurisdictionWord({ fullName: '银川市金凤区人民政府教育督导委员会办公室' })).toBe('全区')
    expect(jurisdictionWord({ fullName: '阿拉善左旗人民政府教育督导室' })).toBe('全旗')
    expect(jurisdictionWord({ fullName: '灵武市人民政府教育督导室' })).toBe('全市')
    expect(jurisdictionWord({ fullName: '教育督导室' })).toBe('全县（区）')
    expect(percent(null)).toBe('无')
    expect(percent(0.8)).toBe('80%')
  })

  it('groups 存在问题 by 督导事项 without names, by institution with names, and always lists the 问题清单', () => {
    const spec = buildBulletin(input)
    expect(spec.kind).toBe('通报')
    const text = lines(spec.content.body)
    expect(text.slice(0, 2)).toEqual([
      '根据《关于开展2025年3月责任督学挂牌督导工作的通知》安排，各责任督学对责任区学校开展了挂牌督导。现将2025年3月督导情况通报如下：',
      '一、基本情况',
    ])
    expect(text).toContain('二、主要成效')
    expect(text).toContain('贺兰县第二小学建立校长陪餐日志，每日公示菜谱。')
    expect(text).toContain('（一）校园安全（2个）')
    expect(text).toContain('食堂留样记录不全。')
    expect(text.join('\n')).not.toMatch(/存在问题[\s\S]*贺兰县第一小学[\s\S]*四、整改要求/)
    expect(text).toContain('四、整改要求')

    const named = lines(buildBulletin({ ...input, groupBy: 'institution', nameInstitutions: true }).content.body)
    expect(named).toContain('（一）贺兰县第一小学（2个）')
    expect(named).toContain('办学行为方面：课后服务未公示收费标准。')

    const anonymous = lines(buildBulletin({ ...input, groupBy: 'institution', nameInstitutions: false }).content.body)
    expect(anonymous).toContain('（一）第1所学校（2个问题）')
    expect(anonymous.join('\n')).not.toContain('贺兰县第一小学')

    expect(spec.content.attachments[0].title).toBe('2025年3月督导发现问题清单')
    const list = tables(spec.content.attachments[0].body)[0].table
    expect(list.headerRows).toBe(1)
    expect(list.rows[0]).toEqual(['序号', '学校', '问题', '整改期限'])
    expect(list.rows[2]).toEqual(['2', '贺兰县第二小学', '（校园安全）消防通道堆放杂物。', '4月10日'])
    expect(list.columns[3]).toEqual({ chars: 6 })
    // 学校 as wide as the longest name (贺兰县第一小学: 7 字 + padding), the 问题 column the rest
    expect(list.columns[1]).toEqual({ chars: 8 })
    expect(list.columns[2]).toEqual({ auto: true })
    expectSignable(spec)
  })

  it('sizes the 学校 column of the 问题清单 to the names: short names leave 问题 its room, a long one wraps at 8 字', () => {
    const listOf = (institution: string) =>
      tables(buildBulletin({ ...input, problems: input.problems.map((p) => ({ ...p, institution })) }).content.attachments[0].body)[0].table
    expect(listOf('一中').columns[1]).toEqual({ chars: 4 })
    expect(listOf('贺兰县第一小学').columns[1]).toEqual({ chars: 8 })
    expect(listOf('贺兰县金贵镇中心幼儿园（分园）').columns[1]).toEqual({ chars: 8 })
    expect(listOf('第十中学').columns[1]).toEqual({ chars: 5 })
    expect(nameColumn(['A1小学'])).toEqual({ chars: 4 })
  })

  it('says so when nothing was found and last period had nothing to rectify', () => {
    const quiet = buildBulletin({
      ...input,
      problems: [],
      practices: [],
      figures: {
        ...figures,
        problemsFound: 0,
        problemsByItem: [],
        coverage: null,
        overdue: 0,
        previousRectification: { period: { label: '2025年2月' }, found: 0, rectified: 0, rate: null },
      },
    })
    const text = lines(quiet.content.body).join('\n')
    expect(text).toContain('本期督导未发现需要整改的问题。')
    expect(text).toContain('2025年2月未发现需要整改的问题，无整改率可计。')
    expect(text).toContain('无法计算覆盖率')
    expect(quiet.content.attachments).toEqual([])
    expectSignable(quiet)
  })
})
