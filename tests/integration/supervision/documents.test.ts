import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, describe, expect, it } from 'vitest'
import { cli } from '../../helpers/cliRunner'
import { exportedFile } from '../../helpers/exported'
import { upsertInstitution } from '../../../electron/core/institutions/institutionRepository'
import { useOfficeFixture } from '../../helpers/officeFixture'

/**
 * A seeded supervision month (2025-03) through the same dispatcher as every door, its figures worked out by hand:
 * - four schools in two 责任区 of 2025 (马建国: 第一小学, 第二小学; 李芳: 第三中学, 中心幼儿园);
 * - February: a visit to 第一小学 (02-20) with two problems due 03-10; one is reported (03-05) and passes 复查
 *   (03-08), the other stays 待整改 (overdue from 03-11), and got a 整改通知书 dated 02-22;
 * - March: 第一小学 03-12 (two problems, good practice), 第二小学 03-13 (one problem), 第三中学 03-20 (none, good
 *   practice), 第一小学 again 03-26 (none). 中心幼儿园 is never visited.
 * So March: 4 所次, 3 of 4 schools (75%), 3 problems (校园及周边安全 2 — one at each 小学 —, 课程与教学 1),
 * February's 整改率 1/2 = 50%, 1 overdue on 03-31.
 */
function useSupervisionMonth() {
  const setup = useOfficeFixture()
  return async function seeded() {
    const f = await setup()
    const { env, call } = f
    const db = env.ws.db()
    const school = (name: string, kind: 'school' | 'kindergarten' = 'school') =>
      db.transaction(() => upsertInstitution(db, { kind, name }))()
    const s1 = school('原州区第一小学')
    const s2 = school('原州区第二小学')
    const s3 = school('原州区第三中学')
    const k1 = school('原州区中心幼儿园', 'kindergarten')
    const ma = await call('supervision.saveInspector', { name: '马建国', kind: '专职', phone: '13909540001', activeFrom: 2024 })
    const li = await call('supervision.saveInspector', { name: '李芳', kind: '兼职', phone: '13909540002', activeFrom: 2024 })
    await call('supervision.saveZone', { year: 2025, name: '第一责任区', inspectorId: ma.id, institutionIds: [s1, s2] })
    await call('supervision.saveZone', { year: 2025, name: '第二责任区', inspectorId: li.id, institutionIds: [s3, k1] })
    await call('supervision.savePlan', {
      year: 2025,
      standingChecklist: ['规范办学行为', '校园安全和学生健康'],
      months: [{ month: 3, theme: '校园食品安全', topics: ['食堂管理'] }],
    })
    const settings = await call('supervision.settings', {})
    await call('supervision.saveSettings', { ...settings, noticeDay: 5, bulletinDay: 10 })

    const visit = async (
      date: string,
      inspectorId: number,
      institutionId: number,
      findings: { description: string; itemKey: string }[],
      goodPractice = '',
    ) => {
      const v = await call('supervision.saveVisit', {
        date,
        inspectorId,
        institutionId,
        itemKeys: [...new Set(findings.map((x) => x.itemKey))],
        methods: { 听课: 2, 查阅资料: 5 },
        findings: findings.map((x) => ({ ...x, level: '一般问题' })),
        goodPractice,
      })
      return v.id as number
    }
    const feb = await visit('2025-02-20', ma.id, s1, [
      { description: '教室灭火器过期未更换', itemKey: 'safety' },
      { description: '作业公示栏未按周更新', itemKey: 'wellbeing' },
    ])
    const febEntries = (await call('supervision.findingsToLedger', { visitId: feb, deadline: '2025-03-10' })) as { id: number }[]
    const [fixed, late] = febEntries.map((e) => e.id)
    const earlier = await call('supervisionDocuments.rectificationNotice', {
      entryIds: [late],
      reportWithinDays: 5,
      signedDate: '2025-02-22',
    })
    await call('supervision.transition', { id: fixed, action: 'report', date: '2025-03-05' })
    await call('supervision.transition', { id: fixed, action: 'review', date: '2025-03-08', result: 'passed', reviewer: '马建国' })

    const m1 = await visit(
      '2025-03-12',
      ma.id,
      s1,
      [
        { description: '食堂留样记录不全', itemKey: 'safety' },
        { description: '体育课每周少于3课时', itemKey: 'teaching' },
      ],
      '建立校长陪餐日志，每日公示菜谱',
    )
    const m2 = await visit('2025-03-13', ma.id, s2, [{ description: '消防通道堆放杂物', itemKey: 'safety' }])
    await visit('2025-03-20', li.id, s3, [], '组织家长代表参加食堂开放日')
    await visit('2025-03-26', ma.id, s1, [])
    const a = (await call('supervision.findingsToLedger', { visitId: m1, deadline: '2025-04-15', responsibleUnit: '原州区第一小学' })) as {
      id: number
    }[]
    const b = (await call('supervision.findingsToLedger', { visitId: m2, deadline: '2025-04-10' })) as { id: number }[]
    return {
      ...f,
      db,
      schools: { s1, s2, s3, k1 },
      inspectors: { ma, li },
      feb: { fixed, late, earlier },
      march: { s1: a.map((e) => e.id), s2: b.map((e) => e.id) },
    }
  }
}

const seeded = useSupervisionMonth()
const outDir = mkdtempSync(join(tmpdir(), 'svdocs-out-'))
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

async function documentXml(docx: Buffer): Promise<string> {
  return (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string')
}
/** The rows of every table of the document, as cell texts. */
function tableRows(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1].matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => [...c[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    ),
  )
}

describe('督导通报 of a seeded month', () => {
  it('prints the figures worked out by hand, the problems and the good practice of the month', async () => {
    const { call } = await seeded()
    const data = await call('supervisionDocuments.bulletinData', { month: '2025-03' })
    const f = data.figures
    expect(f.period.label).toBe('2025年3月')
    expect([f.visits, f.institutionsVisited, f.institutionsTotal, f.coverage]).toEqual([4, 3, 4, 0.75])
    expect(f.problemsFound).toBe(3)
    expect(
      f.problemsByItem.filter((i: { count: number }) => i.count > 0).map((i: { itemKey: string; count: number }) => [i.itemKey, i.count]),
    ).toEqual([
      ['teaching', 1],
      ['safety', 2],
    ])
    expect(f.previousRectification).toMatchObject({ found: 2, rectified: 1, rate: 0.5 })
    expect(f.overdue).toBe(1)
    expect(data.theme).toBe('校园食品安全、食堂管理')
    expect(data.problems.map((p: { institution: string; description: string }) => `${p.institution}:${p.description}`).sort()).toEqual([
      '原州区第一小学:体育课每周少于3课时',
      '原州区第一小学:食堂留样记录不全',
      '原州区第二小学:消防通道堆放杂物',
    ])
    expect(data.practices).toEqual([
      { institution: '原州区第一小学', text: '建立校长陪餐日志，每日公示菜谱' },
      { institution: '原州区第三中学', text: '组织家长代表参加食堂开放日' },
    ])
  })

  it('drafts the 通报 as a 公文 linked to its entries, naming the month notice; the .docx has the 问题清单 table with a header row', async () => {
    const { call, env, march } = await seeded()
    const notice = await call('supervisionDocuments.monthlyNotice', { month: '2025-03' })
    expect(notice.content.signedDate).toBe('2025-03-05')
    const doc = await call('supervisionDocuments.bulletin', { month: '2025-03', groupBy: 'institution', nameInstitutions: true })
    expect(doc.kind).toBe('通报')
    expect(doc.status).toBe('draft')
    expect(doc.content.signedDate).toBe('2025-04-10')
    const text = doc.content.body.map((b: { text: string }) => b.text).join('\n')
    expect(text).toContain(`根据《${notice.title}》安排`)
    expect(text).toContain('共入校督导4所次，覆盖责任区学校3所（共4所），覆盖率75%')
    expect(text).toContain('整改率50%')
    expect(text).toContain('截至2025年3月31日，仍有1个问题逾期未整改')
    expect(text).toContain('原州区第一小学（2个）')
    for (const id of [...march.s1, ...march.s2]) {
      const entry = await call('supervision.entry', { id })
      expect(entry.documents.map((d: { documentId: number; role: string }) => [d.documentId, d.role])).toContainEqual([doc.id, '督导通报'])
    }
    // 签发 through the register like any 公文: the number prints in the 发文字号 slot.
    await call('documents.sign', { id: doc.id })
    const file = await exportedFile(env.ws, await call('documents.exportDocx', { id: doc.id }))
    const xml = await documentXml(file.data)
    expect(xml).toContain('固政教督办〔2025〕1号')
    const [list] = tableRows(xml)
    expect(list[0]).toEqual(['序号', '学校', '问题', '整改期限'])
    expect(list).toHaveLength(4)
    const firstRow = /<w:tbl>[\s\S]*?<w:tr[ >]([\s\S]*?)<\/w:tr>/.exec(xml)![1]
    expect(firstRow).toContain('<w:tblHeader/>')
    expect(xml).toMatch(/w:eastAsia="仿宋/)
  })
})

describe('整改通知书', () => {
  it('is drafted for one institution from its entries, numbered by the office serial at 签发 without gaps, and kept on 退回修改', async () => {
    const { call, fail, env, march, feb } = await seeded()
    const db = env.ws.db()
    const doc = await call('supervisionDocuments.rectificationNotice', {
      entryIds: march.s1,
      reportWithinDays: 7,
      signedDate: '2025-03-14',
    })
    expect(doc.content.recipients).toBe('原州区第一小学')
    expect(doc.seriesId).toBeNull()
    const table = doc.content.body.find((b: { kind?: string }) => b.kind === 'table').table
    expect(table.rows.map((r: string[]) => r[3])).toEqual(['整改期限', '4月15日', '4月15日'])
    expect(doc.content.body.map((b: { text: string }) => b.text).join('')).toContain('报送责任督学马建国（联系电话：13909540001）')
    for (const id of march.s1) {
      const entry = await call('supervision.entry', { id })
      expect(entry.documents.map((d: { documentId: number; role: string }) => [d.documentId, d.role])).toContainEqual([
        doc.id,
        '整改通知书',
      ])
    }
    expect(await fail('supervisionDocuments.rectificationNotice', { entryIds: [...march.s1, ...march.s2], reportWithinDays: 7 })).toContain(
      '只发给一所学校',
    )
    expect(
      await fail('supervisionDocuments.rectificationNotice', { entryIds: march.s2, institution: '原州区第一小学', reportWithinDays: 7 }),
    ).toBe('所选问题属于「原州区第二小学」，不是「原州区第一小学」')
    expect(await fail('documents.sign', { id: doc.id })).toContain('请选择文号系列')

    // The February notice is signed first: 1号; this one 2号.
    expect((await call('supervisionDocuments.sign', { id: feb.earlier.id })).docNumber).toBe('督改〔2025〕1号')
    // Signing records in the ledger that the notice went out, dated with its 成文日期.
    const late = await call('supervision.entry', { id: feb.late })
    expect(late.status).toBe('notified')
    expect(late.history.at(-1)).toMatchObject({
      action: 'notify',
      date: '2025-02-22',
      note: `整改通知书 督改〔2025〕1号（文书 ${feb.earlier.id}）`,
    })
    expect(await call('supervisionDocuments.issued', { id: feb.earlier.id })).toEqual({ changed: 0 })
    // The 公文 editor asks before its 签发 dialog: this one takes the office's serial, 2号 next.
    expect(await call('supervisionDocuments.numberingOf', { id: doc.id })).toEqual({
      mode: 'serial',
      kindLabel: '整改通知书',
      next: '督改〔2025〕2号',
    })
    expect(await call('supervisionDocuments.numberingOf', { id: feb.earlier.id })).toEqual({
      mode: 'serial',
      kindLabel: '整改通知书',
      next: '督改〔2025〕1号',
    })
    const signed = await call('supervisionDocuments.sign', { id: doc.id })
    expect(signed.status).toBe('signed')
    expect(signed.docNumber).toBe('督改〔2025〕2号')
    await call('documents.returnForEdit', { id: doc.id, reason: '改措辞', by: '王芳' })
    expect((await call('supervisionDocuments.sign', { id: doc.id })).docNumber).toBe('督改〔2025〕2号')
    expect(await fail('supervisionDocuments.sign', { id: doc.id })).toContain('不能重复签发')
    const serials = db.prepare('SELECT seq FROM supervision_serial_numbers ORDER BY seq').all()
    expect(serials).toEqual([{ seq: 1 }, { seq: 2 }])

    // The Word file: the serial in the 发文字号 slot, the problem table with its header row.
    const xml = await documentXml((await exportedFile(env.ws, await call('documents.exportDocx', { id: doc.id }))).data)
    expect(xml).toContain('督改〔2025〕2号')
    expect(tableRows(xml)[0][0]).toEqual(['序号', '问题', '整改要求', '整改期限'])
    expect(xml).toContain('<w:tblHeader/>')
  })

  it('takes a 发文字号 of the register when the office numbers them by a series', async () => {
    const { call, fail, march, series } = await seeded()
    expect(await fail('supervisionDocuments.saveRule', { kind: 'rectificationNotice', mode: 'serial', pattern: '督改{seq}号' })).toContain(
      '{year}',
    )
    await call('supervisionDocuments.saveRule', { kind: 'rectificationNotice', mode: 'series', seriesId: series.id })
    const rules = await call('supervisionDocuments.rules', {})
    expect(rules[0]).toEqual({ kind: 'rectificationNotice', mode: 'series', seriesId: series.id })
    const doc = await call('supervisionDocuments.rectificationNotice', {
      entryIds: march.s2,
      reportWithinDays: 5,
      signedDate: '2025-03-15',
    })
    expect(doc.seriesId).toBe(series.id)
    expect(await call('supervisionDocuments.numberingOf', { id: doc.id })).toEqual({ mode: 'series', kindLabel: '整改通知书', next: null })
    const plain = await call('documents.create', { templateKey: 'letter' })
    expect(await call('supervisionDocuments.numberingOf', { id: plain.id })).toBeNull()
    expect(await fail('supervisionDocuments.sign', { id: doc.id })).toContain('使用发文字号')
    expect((await call('documents.sign', { id: doc.id })).docNumber).toBe('固政教督办〔2025〕1号')
    // Numbered by the register, the notice is recorded as sent when the caller says it was signed.
    expect(await call('supervisionDocuments.issued', { id: doc.id })).toEqual({ changed: 1 })
    expect((await call('supervision.entry', { id: march.s2[0] })).status).toBe('notified')
    expect(await call('supervisionDocuments.issued', { id: doc.id })).toEqual({ changed: 0 })
    // Voiding its 发文字号 in the register voids the document; the entry keeps the link and shows it as 已作废.
    await call('numbers.void', { docNumber: '固政教督办〔2025〕1号', reason: '发错学校', by: '王芳' })
    const entry = await call('supervision.entry', { id: march.s2[0] })
    expect(entry.documents.find((d: { documentId: number }) => d.documentId === doc.id)).toMatchObject({
      role: '整改通知书',
      status: 'voided',
    })
  })
})

describe('督办单', () => {
  it('is proposed for each overdue entry without one, names the earlier notice and its date, and a voided one leaves its link', async () => {
    const { call, feb } = await seeded()
    await call('supervisionDocuments.sign', { id: feb.earlier.id })
    const proposals = await call('supervisionDocuments.urgingProposals', { today: '2025-03-31' })
    expect(proposals).toHaveLength(1)
    expect(proposals[0]).toMatchObject({
      entryId: feb.late,
      institution: '原州区第一小学',
      deadline: '2025-03-10',
      overdueDays: 21,
      notice: { documentId: feb.earlier.id, number: '督改〔2025〕1号', date: '2025-02-22' },
    })
    expect(await call('supervisionDocuments.urgingProposals', { today: '2025-03-10' })).toEqual([])

    const [urging] = await call('supervisionDocuments.urgeAll', { replyDays: 10, signedDate: '2025-03-31' })
    const form = Object.fromEntries(urging.content.body.find((b: { kind?: string }) => b.kind === 'table').table.rows)
    expect(form['督办事项']).toContain(`《${feb.earlier.title}》（督改〔2025〕1号，2025年2月22日）要求于2025年3月10日前整改到位`)
    expect(form['办理期限']).toBe('2025年4月10日前')
    expect(await call('supervisionDocuments.urgingProposals', { today: '2025-03-31' })).toEqual([])
    expect(await call('supervisionDocuments.urgeAll', { replyDays: 10, signedDate: '2025-03-31' })).toEqual([])

    expect((await call('supervisionDocuments.sign', { id: urging.id })).docNumber).toBe('督办〔2025〕1号')
    const urged = await call('supervision.entry', { id: feb.late })
    expect(urged.history.at(-1)).toMatchObject({ action: 'urge', date: '2025-03-31', from: 'notified', to: 'notified' })
    const voided = await call('supervisionDocuments.void', { id: urging.id, reason: '责任单位写错', by: '王芳' })
    expect(voided.status).toBe('voided')
    const entry = await call('supervision.entry', { id: feb.late })
    expect(entry.documents.find((d: { documentId: number }) => d.documentId === urging.id)).toMatchObject({
      role: '督办单',
      status: 'voided',
    })
    // The voided one no longer counts: the entry is proposed again, and the next 督办单 never reuses 1号.
    const [again] = await call('supervisionDocuments.urgeAll', { replyDays: 10, signedDate: '2025-04-01' })
    expect((await call('supervisionDocuments.sign', { id: again.id })).docNumber).toBe('督办〔2025〕2号')
  })
})

describe('command line', () => {
  it('writes the 整改通知书, the 督办单 and the 通报 with its figures', async () => {
    const { env, march, call } = await seeded()
    const dir = env.dir
    const codes = await Promise.all(march.s2.map(async (id: number) => (await call('supervision.entry', { id })).code as string))
    expect(codes[0]).toMatch(/^2025-\d+$/)
    const notice = await cli([
      'supervision',
      'notice',
      '--institution',
      '原州区第二小学',
      '--entries',
      codes.join(','),
      '--out',
      join(outDir, '整改通知书.docx'),
      '--date',
      '2025-03-14',
      '--data-dir',
      dir,
    ])
    expect(notice.err).toBe('')
    expect(notice.code).toBe(0)
    expect(notice.out).toContain('关于原州区第二小学督导发现问题限期整改的通知')
    const xml = await documentXml(readFileSync(join(outDir, '整改通知书.docx')))
    expect(tableRows(xml)[0][1]).toEqual(['1', '消防通道堆放杂物。', '制定整改措施，明确责任人，按期整改到位。', '4月10日'])

    const bad = await cli([
      'supervision',
      'notice',
      '--institution',
      '原州区第二小学',
      '--entries',
      'x',
      '--out',
      join(outDir, 'x.docx'),
      '--data-dir',
      dir,
    ])
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('--entries')
    const unknown = await cli([
      'supervision',
      'notice',
      '--institution',
      '原州区第二小学',
      '--entries',
      '2025-9999',
      '--out',
      join(outDir, 'x.docx'),
      '--data-dir',
      dir,
    ])
    expect(unknown.err).toContain('问题台账中没有这些编号：2025-9999')

    const list = await cli(['supervision', 'urging', '--list', '--date', '2025-03-31', '--data-dir', dir])
    expect(list.out).toContain('应发督办单 1 份')
    expect(list.out).toContain('原州区第一小学\t时限 2025-03-10，逾期 21 天')
    const rules = await cli(['supervision', 'numbering', '--kind', 'urging', '--serial', '〔{year}〕督办第{seq}号', '--data-dir', dir])
    expect(rules.out).toBe('整改通知书：本室编号 督改〔{year}〕{seq}号\n督办单：本室编号 〔{year}〕督办第{seq}号')
    const bySeries = await cli(['supervision', 'numbering', '--kind', 'rectification', '--series', '无此代字', '--data-dir', dir])
    expect(bySeries.err).toContain('没有机关代字为「无此代字」的文号系列')
    const noFolder = await cli([
      'supervision',
      'urging',
      '--out-dir',
      join(outDir, '没有这个文件夹'),
      '--date',
      '2025-03-31',
      '--data-dir',
      dir,
    ])
    expect(noFolder.err).toContain('文件夹不存在')
    const urging = await cli(['supervision', 'urging', '--out-dir', join(outDir), '--date', '2025-03-31', '--data-dir', dir])
    expect(urging.code).toBe(0)
    expect(urging.out).toContain('已生成督办单 1 份')
    expect(readdirSync(outDir).filter((n) => n.startsWith('督办单'))).toHaveLength(1)

    const figures = await cli(['supervision', 'bulletin', '--month', '2025-03', '--data-dir', dir, '--json'])
    const json = JSON.parse(figures.out)
    expect(json.figures).toMatchObject({ visits: 4, institutionsVisited: 3, institutionsTotal: 4, problemsFound: 3, overdue: 1 })
    // A term: 春季学期 2025 runs March–August; the term before (autumn 2024) found February's two problems; on
    // 31 August every March problem is past its deadline as well.
    const term = JSON.parse((await cli(['supervision', 'bulletin', '--term', '2025-spring', '--data-dir', dir, '--json'])).out).figures
    expect(term.period.label).toBe('2025年春季学期')
    expect([term.visits, term.problemsFound, term.previousRectification.found, term.previousRectification.rectified, term.overdue]).toEqual(
      [4, 3, 2, 1, 4],
    )
    const both = await cli(['supervision', 'bulletin', '--month', '2025-03', '--term', '2025-spring', '--data-dir', dir])
    expect(both.code).toBe(1)
    expect(both.err).toContain('二选一')
    const bulletin = await cli(['supervision', 'bulletin', '--month', '2025-03', '--out', join(outDir, '通报.docx'), '--data-dir', dir])
    expect(bulletin.code).toBe(0)
    expect(bulletin.out).toContain('入校督导：4 所次；覆盖学校 3/4（覆盖率 75%）')
    expect(bulletin.out).toContain('2025年2月问题整改率：50%（1/2）')
    const monthly = await cli([
      'supervision',
      'monthly-notice',
      '--month',
      '2025-03',
      '--out',
      join(outDir, '通知.docx'),
      '--data-dir',
      dir,
    ])
    expect(monthly.code).toBe(0)
    expect(tableRows(await documentXml(readFileSync(join(outDir, '通知.docx'))))[0][0]).toEqual(['项　目', '内　容'])
  })
})
