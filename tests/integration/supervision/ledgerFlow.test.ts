import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { linkDocuments } from '../../../electron/core/supervision/supervisionRepository'
import { useOfficeFixture } from '../../helpers/officeFixture'
import { seedSchools } from './helpers'

const setup = useOfficeFixture()

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(2025, 2, 20, 10, 0)) // 2025-03-20 local
})
afterEach(() => vi.useRealTimers())

async function world() {
  const s = await setup()
  const ids = seedSchools(s.env.ws)
  const li = await s.call('supervision.saveInspector', {
    name: '李明',
    kind: '兼职',
    unit: '城关中学',
    phone: '13900000001',
    activeFrom: 2024,
  })
  const wang = await s.call('supervision.saveInspector', { name: '王红', kind: '专职', activeFrom: 2020 })
  await s.call('supervision.saveZone', {
    year: 2025,
    name: '第一责任区',
    inspectorId: li.id,
    institutionIds: [ids['城关一小'], ids['城关二小']],
  })
  return { ...s, ids, li, wang }
}

describe('supervision: zones, visits and the ledger through dispatch', () => {
  it('one 责任督学 per institution a year; coverage gaps are the open institutions in no zone', async () => {
    const { call, fail, ids, wang } = await world()
    const msg = await fail('supervision.saveZone', {
      year: 2025,
      name: '第二责任区',
      inspectorId: wang.id,
      institutionIds: [ids['城关二小']],
    })
    expect(msg).toBe('「城关二小」2025年已在「第一责任区」，每所学校一年只有一位责任督学')
    const view = await call('supervision.zones', { year: 2025 })
    expect(view.zones[0]).toMatchObject({ name: '第一责任区', inspectorName: '李明', institutionNames: ['城关一小', '城关二小'] })
    expect(view.gaps.map((i: any) => i.name).sort()).toEqual(['城关中学', '城关幼儿园', '新集小学', '河口小学'].sort())
  })

  it('a visit → findings in the ledger → notice → report → failed 复查 → report → 复查 → 销号, history kept', async () => {
    const { call, fail, ids, li, wang } = await world()
    const v = await call('supervision.saveVisit', {
      date: '2025-03-18',
      inspectorId: li.id,
      companionIds: [wang.id],
      institutionId: ids['城关一小'],
      theme: '开学检查',
      itemKeys: ['safety', 'teaching'],
      methods: { 听课: 2, 巡视: 1 },
      findings: [
        { description: '消防通道堆放杂物', itemKey: 'safety', level: '一般问题', suggestion: '立即清理，建立巡查制度' },
        { description: '课表与实际不符', itemKey: 'teaching', level: '小问题' },
        { description: '食堂整洁', itemKey: 'hygiene', level: '无意见' },
      ],
    })
    expect(v).toMatchObject({ inspectorName: '李明', companionNames: ['王红'], recordDelayDays: 2, recordedInTime: true })
    const made = await call('supervision.findingsToLedger', { visitId: v.id })
    expect(made.map((e: any) => [e.code, e.status, e.deadline, e.responsibleUnit])).toEqual([
      ['2025-0001', 'pending', '2025-04-17', '城关一小'],
      ['2025-0002', 'pending', '2025-04-17', '城关一小'],
    ])
    const again = await call('supervision.visit', { id: v.id })
    expect(again.findings.map((f: any) => f.entryId)).toEqual([made[0].id, made[1].id, null])
    expect(await fail('supervision.findingsToLedger', { visitId: v.id })).toBe('这条督导记录没有尚未列入台账的问题')

    const id = made[0].id
    expect(await fail('supervision.transition', { id, action: 'close', date: '2025-03-19', basis: '已清理' })).toBe(
      '问题 2025-0001（待整改）不能销号：复查通过之后才能销号。',
    )
    await call('supervision.transition', { id, action: 'notify', date: '2025-03-19' })
    await call('supervision.transition', { id, action: 'report', date: '2025-03-19' })
    const failed = await call('supervision.transition', {
      id,
      action: 'review',
      date: '2025-03-20',
      result: 'failed',
      reviewer: '李明',
      note: '仍有杂物',
    })
    expect(failed.status).toBe('notified')
    await call('supervision.transition', { id, action: 'report', date: '2025-03-20' })
    await call('supervision.transition', { id, action: 'review', date: '2025-03-20', result: 'passed', reviewer: '李明' })
    const closed = await call('supervision.transition', { id, action: 'close', date: '2025-03-20', basis: '现场复查照片' })
    expect(closed.status).toBe('closed')
    expect(closed.history.map((h: any) => h.action)).toEqual([
      'create',
      'notify',
      'report',
      'reviewFailed',
      'report',
      'reviewPassed',
      'close',
    ])
    const reopened = await call('supervision.transition', { id, action: 'reopen', date: '2025-03-20', reason: '回访发现反弹' })
    expect(reopened).toMatchObject({ status: 'notified', closedDate: null, reviewResult: null })
    expect(reopened.history).toHaveLength(8)
    expect(reopened.history[6]).toMatchObject({ action: 'close', note: '现场复查照片' })
  })

  it('a linked document stays on the entry when voided (已作废), and a deleted draft shows as 已删除', async () => {
    const { call, env, ids, li } = await world()
    const e = await call('supervision.saveEntry', {
      foundDate: '2025-03-10',
      institutionId: ids['城关二小'],
      inspectorId: li.id,
      description: '未公示收费项目',
    })
    const doc = await call('documents.create', { templateKey: 'letter' })
    const draft = await call('documents.create', { templateKey: 'letter' })
    const db = env.ws.db()
    db.transaction(() => {
      linkDocuments(db, [e.id], doc.id, '整改通知书')
      linkDocuments(db, [e.id], draft.id, '督办单')
      linkDocuments(db, [e.id], draft.id, '督办单') // twice = once
    })()
    db.prepare("UPDATE documents SET status = 'voided' WHERE id = ?").run(doc.id) // as markNumberVoided does
    await call('documents.delete', { id: draft.id })
    const row = await call('supervision.entry', { id: e.id })
    expect(row.documents.map((d: any) => [d.documentId, d.role, d.statusLabel])).toEqual([
      [doc.id, '整改通知书', '已作废'],
      [draft.id, '督办单', '已删除'],
    ])
    expect(row.history.filter((h: any) => h.action === 'linkDocument')).toHaveLength(2)
  })

  it('ledger filters: overdue is computed for the local day', async () => {
    const { call, fail, ids, li } = await world()
    // a problem registered by hand cannot be found tomorrow
    expect(
      await fail('supervision.saveEntry', {
        foundDate: '2025-03-21',
        institutionId: ids['城关一小'],
        inspectorId: li.id,
        description: 'X',
      }),
    ).toContain('发现日期 2025-03-21 晚于今天')
    await call('supervision.saveEntry', {
      foundDate: '2025-02-01',
      institutionId: ids['城关一小'],
      inspectorId: li.id,
      description: 'A',
      deadline: '2025-03-19',
    })
    await call('supervision.saveEntry', {
      foundDate: '2025-02-01',
      institutionId: ids['城关二小'],
      inspectorId: li.id,
      description: 'B',
      deadline: '2025-03-20',
    })
    const overdue = await call('supervision.ledger', { status: 'overdue' })
    expect(overdue.rows.map((r: any) => [r.description, r.overdueDays])).toEqual([['A', 1]])
    expect(overdue.today).toBe('2025-03-20')
    const page = await call('supervision.ledger', { sort: 'code', order: 'asc', limit: 1, offset: 1 })
    expect(page.total).toBe(2)
    expect(page.rows.map((r: any) => r.description)).toEqual(['B'])
  })
})
