import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../../electron/core/dispatch'
import { tempWorkspace } from '../../helpers/tempWorkspace'

let envs: ReturnType<typeof tempWorkspace>[] = []
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(2025, 3, 10, 9, 0)) // 2025-04-10 local: the demo's visits fall in March 2025
})
afterEach(() => {
  vi.useRealTimers()
  envs.forEach((e) => e.dispose())
  envs = []
})

async function demo() {
  const env = tempWorkspace()
  envs.push(env)
  const call = async (channel: string, payload: unknown) => {
    const r = await dispatch(env.handlers, channel, payload)
    if (!r.ok) throw new Error(r.error.message)
    return r.data as any
  }
  await call('system.loadDemo', {})
  const id = (name: string) => (env.ws.db().prepare('SELECT id FROM institutions WHERE name = ?').get(name) as { id: number }).id
  return { env, call, id }
}

describe('the demo county runs a supervision month (views through dispatch)', () => {
  it('zones with a coverage gap, last month’s visits and a ledger in every state, two overdue today', async () => {
    const { call } = await demo()
    const zones = await call('supervision.zones', { year: 2025 })
    expect(zones.zones.map((z: any) => [z.name, z.inspectorName, z.institutionIds.length])).toEqual([
      ['第一责任区', '马建国', 3],
      ['第二责任区', '李淑芳', 3],
      ['第三责任区', '王立新', 2],
    ])
    expect(zones.gaps.map((g: any) => g.name)).toEqual(['洪广镇中学'])
    const ledger = await call('supervision.ledger', { sort: 'code', order: 'asc' })
    expect(ledger.rows.map((r: any) => [r.institutionName, r.statusLabel, r.overdue])).toEqual([
      ['贺兰县第一小学', '已销号', false],
      ['贺兰县第二小学', '已报整改结果', false],
      ['贺兰县回民小学', '复查通过', false],
      ['贺兰县第一中学', '已发整改通知', true],
      ['贺兰县第一中学', '已发整改通知', true],
      ['金贵镇中心小学', '待整改', false],
      ['贺兰县第一幼儿园', '已发整改通知', false],
    ])
    expect(ledger.rows[3].overdueDays).toBe(3)
    expect(ledger.rows[6].history.map((h: any) => h.action)).toEqual(['create', 'notify', 'progress', 'report', 'reviewFailed'])
  })

  it('the month board of March and the 通报 figures', async () => {
    const { call } = await demo()
    const board = await call('supervision.monthBoard', { month: '2025-03' })
    expect(board).toMatchObject({ theme: '开学检查', noticeDate: '2025-03-05', bulletinDate: '2025-03-10' })
    expect(board.standingChecklist).toHaveLength(5)
    expect(board.figures).toMatchObject({
      visits: 7,
      institutionsVisited: 7,
      institutionsTotal: 8,
      problemsFound: 7,
      problemsClosed: 2,
      rectifiedInPeriod: 2,
      overdue: 0, // on 31 March nothing was overdue yet
    })
    expect(board.figures.coverage).toBeCloseTo(7 / 8)
    const unvisited = board.institutions.filter((i: any) => i.done < i.required).map((i: any) => i.name)
    expect(unvisited).toEqual(['常信乡中心小学'])
    expect(board.figures.perInspector.map((p: any) => [p.name, p.done, p.required])).toEqual([
      ['李淑芳', 2, 3],
      ['马建国', 3, 3],
      ['王立新', 2, 2],
    ])
    const april = await call('supervision.figures', { kind: 'month', key: '2025-04' })
    expect(april).toMatchObject({ visits: 0, overdue: 2, asOf: '2025-04-10' })
    expect(april.previousRectification).toMatchObject({ found: 7, rectified: 2 })
    const term = await call('supervision.figures', { kind: 'term', key: '2025-spring' })
    expect(term.period).toMatchObject({ from: '2025-03-01', to: '2025-08-31', label: '2025年春季学期' })
  })

  it('the institution page, the 督学 page (timeliness) and the chart data', async () => {
    const { call, id } = await demo()
    const school = await call('supervision.institution', { institutionId: id('贺兰县第一中学'), year: 2025 })
    expect(school).toMatchObject({ zoneName: '第二责任区', inspectorName: '李淑芳', overdue: 2 })
    expect(school.openEntries).toHaveLength(2)
    expect(school.visits).toHaveLength(1)
    const people = await call('supervision.inspectors', {})
    const li = people.find((p: any) => p.name === '李淑芳')
    const page = await call('supervision.inspector', { inspectorId: li.id, year: 2025 })
    expect(page).toMatchObject({
      visitsDone: 2,
      recordsInTime: 1,
      recordsTotal: 2,
      problemsFound: 3,
      problemsReviewed: 1,
      problemsRectified: 1,
      problemsOverdue: 2,
    })
    expect(page.visitsRequired).toBe(3 * 4) // three schools, one a month from January to April (every month has a theme)
    const charts = await call('supervision.charts', { year: 2025 })
    const safety = charts.byItemMonth.items.findIndex((i: any) => i.itemKey === 'safety')
    expect(charts.byItemMonth.counts[safety][2]).toBe(3)
    expect(charts.overdueByInstitution).toEqual([{ institutionId: id('贺兰县第一中学'), name: '贺兰县第一中学', count: 2 }])
    expect(charts.rectificationTrend.find((t: any) => t.month === '2025-03')).toMatchObject({ found: 7, rectified: 2 })
  })
})
