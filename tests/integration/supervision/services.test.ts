import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fileStore } from '../../../electron/core/files/fileStore'
import { commandEntries } from '../../../electron/core/supervision/supervisionService'
import { exportedFile } from '../../helpers/exported'
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
  const li = await s.call('supervision.saveInspector', { name: '李明', kind: '兼职', activeFrom: 2024 })
  const file = (name: string, text: string) => {
    const path = join(s.env.dir, `in-${name}`)
    writeFileSync(path, text)
    return { fileId: fileStore(s.env.ws).registerInput(path, { name }).fileId }
  }
  const visit = (over: Record<string, unknown> = {}) =>
    s.call('supervision.saveVisit', {
      date: '2025-03-18',
      inspectorId: li.id,
      institutionId: ids['城关一小'],
      findings: [
        { description: '消防通道堆放杂物', itemKey: 'safety' },
        { description: '课表与实际不符', itemKey: 'teaching', level: '小问题' },
      ],
      ...over,
    })
  return { ...s, ids, li, file, visit }
}

describe('supervision services through dispatch', () => {
  it('visit attachments are stored with the record; kept ones stay, dropped ones go, same names get (2)', async () => {
    const { call, fail, env, file, visit } = await world()
    const v = await visit({ addFiles: [file('签字页.jpg', 'A'), file('照片.jpg', 'B')] })
    expect(v.attachments.map((a: any) => a.name)).toEqual(['签字页.jpg', '照片.jpg'])
    const got = async (name: string) =>
      (await exportedFile(env.ws, await call('supervision.attachment', { owner: 'visit', id: v.id, name }))).data.toString()
    expect(await got('照片.jpg')).toBe('B')
    const again = await call('supervision.saveVisit', {
      ...pick(v),
      keepAttachments: ['照片.jpg'],
      addFiles: [file('照片.jpg', 'C')],
    })
    expect(again.attachments.map((a: any) => a.name)).toEqual(['照片.jpg', '照片 (2).jpg'])
    expect(await fail('supervision.attachment', { owner: 'visit', id: v.id, name: '签字页.jpg' })).toBe(
      '没有找到附件「签字页.jpg」，可能已被删除',
    )
    expect(await got('照片 (2).jpg')).toBe('C')
    expect(await got('照片.jpg')).toBe('B')
    await call('supervision.deleteVisit', { id: v.id })
    expect(await fail('supervision.attachment', { owner: 'visit', id: v.id, name: '照片.jpg' })).toBe('没有找到这条督导记录，可能已被删除')
    expect(env.ws.db().prepare("SELECT count(*) AS n FROM evidence_files WHERE module = 'supervision'").get()).toEqual({ n: 0 })
  })

  it('a finding in the ledger stays on its visit: editing keeps the link, dropping it or deleting the visit is refused', async () => {
    const { call, fail, visit } = await world()
    const v = await visit()
    const [first] = await call('supervision.findingsToLedger', { visitId: v.id, indexes: [0] })
    const read = await call('supervision.visit', { id: v.id })
    // reorder: the entry follows its finding
    const swapped = await call('supervision.saveVisit', { ...pick(read), findings: [read.findings[1], read.findings[0]].map(finding) })
    expect(swapped.findings.map((f: any) => f.entryId)).toEqual([null, first.id])
    expect((await call('supervision.entry', { id: first.id })).findingIndex).toBe(1)
    expect(await fail('supervision.saveVisit', { ...pick(read), findings: [finding(read.findings[1])] })).toBe(
      '问题 2025-0001 已列入问题台账，不能从督导记录中删去；请在台账中处理',
    )
    expect(await fail('supervision.deleteVisit', { id: v.id })).toContain('不能删除：每个问题都要能追溯到发现它的督导记录')
  })

  it('a visit in the future, an unknown 督导事项 or the lead 督学 as companion is refused in Chinese', async () => {
    const { fail, visit, li } = await world()
    const msg = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: Error) => e.message,
      )
    expect(await msg(visit({ date: '2025-03-21' }))).toBe('督导日期 2025-03-21 晚于今天：督导记录只记已经进行的督导')
    expect(await msg(visit({ itemKeys: ['nope'] }))).toBe('没有编码为「nope」的督导事项')
    expect(await msg(visit({ companionIds: [li.id] }))).toBe('随同督学不能与责任督学是同一人')
    void fail
  })

  it('bulk update sets the deadline and responsible unit of several entries, each with an edit event', async () => {
    const { call, fail, visit } = await world()
    const v = await visit()
    const made = await call('supervision.findingsToLedger', { visitId: v.id })
    const ids = made.map((e: any) => e.id)
    expect(await call('supervision.bulkUpdate', { ids, deadline: '2025-04-30', responsibleUnit: '县财政局' })).toEqual({ updated: 2 })
    for (const id of ids) {
      const e = await call('supervision.entry', { id })
      expect(e).toMatchObject({ deadline: '2025-04-30', responsibleUnit: '县财政局' })
      expect(e.history.at(-1)).toMatchObject({ action: 'edit', note: '修改了责任单位、整改时限' })
    }
    expect(await call('supervision.bulkUpdate', { ids, deadline: '2025-04-30' })).toEqual({ updated: 0 })
    expect(await fail('supervision.bulkUpdate', { ids, deadline: '2025-03-01' })).toBe(
      '整改时限不能早于问题 2025-0001 的发现日期（2025-03-18）',
    )
  })

  it('the 督导事项 list is editable: a used item is retired, not deleted; settings and the plan round-trip', async () => {
    const { call, visit } = await world()
    await visit({ itemKeys: ['safety'] })
    const items = await call('supervision.items', {})
    expect(items).toHaveLength(8)
    const kept = items.filter((i: any) => i.key !== 'safety' && i.key !== 'ethos').map((i: any) => ({ key: i.key, title: i.title }))
    const after = await call('supervision.saveItems', { items: [...kept, { key: 'afterSchool', title: '课后服务' }] })
    expect(after.find((i: any) => i.key === 'safety')).toMatchObject({ active: false })
    expect(after.find((i: any) => i.key === 'ethos')).toBeUndefined()
    expect(after.find((i: any) => i.key === 'afterSchool')).toMatchObject({ active: true, sortOrder: 7 })

    const s = await call('supervision.settings', {})
    expect(s).toMatchObject({ noticeDay: 5, bulletinDay: 10, requirement: { per: 'month', count: 1 }, recordDays: 2 })
    expect(await call('supervision.saveSettings', { ...s, requirement: { per: 'term', count: 2 } })).toMatchObject({
      requirement: { per: 'term', count: 2 },
    })

    const plan = await call('supervision.savePlan', {
      year: 2025,
      standingChecklist: ['校园安全'],
      months: [{ month: 3, theme: '开学检查', topics: ['教学秩序'] }],
    })
    expect(plan.months).toHaveLength(12)
    expect(plan.months[2]).toMatchObject({ month: 3, theme: '开学检查', topics: ['教学秩序'] })
    expect(plan.months[3]).toMatchObject({ month: 4, theme: '' })
  })

  it('commandEntries (for the documents): a 整改通知书 marks its entries 已发整改通知 in the caller’s transaction, or none', async () => {
    const { call, env, visit } = await world()
    const v = await visit()
    const ids = (await call('supervision.findingsToLedger', { visitId: v.id })).map((e: any) => e.id)
    const db = env.ws.db()
    await call('supervision.transition', { id: ids[1], action: 'report', date: '2025-03-19' })
    expect(() => db.transaction(() => commandEntries(db, ids, { action: 'notify', date: '2025-03-20' }))()).toThrow('不能再发整改通知')
    expect((await call('supervision.entry', { id: ids[0] })).status).toBe('pending') // rolled back
    db.transaction(() => commandEntries(db, [ids[0]], { action: 'notify', date: '2025-03-20', note: '整改通知书' }))()
    expect((await call('supervision.entry', { id: ids[0] })).status).toBe('notified')
  })

  it('a 督学 in use is not deleted; a 销号 keeps its evidence files', async () => {
    const { call, fail, li, visit, file, env } = await world()
    const v = await visit()
    const [e] = await call('supervision.findingsToLedger', { visitId: v.id, indexes: [0] })
    expect(await fail('supervision.deleteInspector', { id: li.id })).toContain('不能删除')
    await call('supervision.transition', { id: e.id, action: 'report', date: '2025-03-19' })
    await call('supervision.transition', { id: e.id, action: 'review', date: '2025-03-20', result: 'passed', reviewer: '李明' })
    const closed = await call('supervision.transition', {
      id: e.id,
      action: 'close',
      date: '2025-03-20',
      addFiles: [file('复查照片.jpg', 'P')],
    })
    expect(closed).toMatchObject({ status: 'closed', closeEvidence: [{ name: '复查照片.jpg', size: 1 }] })
    const out = await call('supervision.attachment', { owner: 'entry', id: e.id, name: '复查照片.jpg' })
    expect(await exportedFile(env.ws, out)).toEqual({ fileName: '复查照片.jpg', mimeType: 'image/jpeg', data: Buffer.from('P') })
  })
})

/** The editable fields of a visit as read, for saving it again. */
function pick(v: any) {
  return {
    id: v.id,
    date: v.date,
    inspectorId: v.inspectorId,
    companionIds: v.companionIds,
    institutionId: v.institutionId,
    theme: v.theme,
    itemKeys: v.itemKeys,
    methods: v.methods,
    findings: v.findings.map(finding),
    goodPractice: v.goodPractice,
    opinion: v.opinion,
    schoolSigned: v.schoolSigned,
  }
}
const finding = (f: any) => ({
  description: f.description,
  itemKey: f.itemKey,
  level: f.level,
  suggestion: f.suggestion,
  entryId: f.entryId,
})
