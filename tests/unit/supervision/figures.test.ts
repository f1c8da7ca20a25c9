import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../shared/supervision/defaults'
import { monthPeriod, periodFigures, previousPeriod, requiredVisits, termOf, termPeriod } from '../../../shared/supervision/figures'
import type { AnnualPlan, LedgerEntry, LedgerEvent, SupervisionItem, Visit, Zone } from '../../../shared/supervision/types'
import { entry } from './fixtures'

const ITEMS: SupervisionItem[] = [
  { key: 'safety', title: '校园及周边安全', description: '', sortOrder: 1, active: true },
  { key: 'teaching', title: '课程与教学', description: '', sortOrder: 2, active: true },
  { key: 'hygiene', title: '食堂、饮水与卫生', description: '', sortOrder: 3, active: true },
  { key: 'old', title: '已停用事项', description: '', sortOrder: 4, active: false },
]
const ZONES: Zone[] = [
  { id: 1, year: 2025, name: '第一责任区', inspectorId: 1, institutionIds: [1, 2, 3], note: '' },
  { id: 2, year: 2025, name: '第二责任区', inspectorId: 2, institutionIds: [4, 5], note: '' },
  { id: 3, year: 2024, name: '旧责任区', inspectorId: 1, institutionIds: [1, 2, 3, 4, 5, 6], note: '' },
]
const INSPECTORS = [
  { id: 1, name: '李明' },
  { id: 2, name: '王红' },
]
let vid = 0
const visit = (inspectorId: number, institutionId: number, date: string): Visit => ({
  id: ++vid,
  date,
  inspectorId,
  companionIds: [],
  institutionId,
  theme: '',
  itemKeys: [],
  methods: {},
  findings: [],
  goodPractice: '',
  opinion: '',
  attachments: [],
  schoolSigned: false,
  recordedAt: `${date}T02:00:00.000Z`,
  source: 'app',
  createdAt: '',
  updatedAt: '',
})
const ev = (action: LedgerEvent['action'], date: string, to: LedgerEvent['to']): LedgerEvent => ({
  action,
  date,
  at: '',
  from: null,
  to,
  by: '',
  note: '',
})
let eid = 0
/** An entry with later events appended (their business dates drive statusOn). */
const e = (foundDate: string, over: Partial<LedgerEntry>, events: LedgerEvent[] = []): LedgerEntry => {
  const base = entry({ id: ++eid, code: `x-${eid}`, foundDate, deadline: null, ...over })
  return { ...base, history: [...base.history, ...events], status: events.at(-1)?.to ?? 'pending' }
}

describe('periodFigures: March 2025 recomputed by hand', () => {
  const visits = [
    visit(1, 1, '2025-03-05'),
    visit(1, 2, '2025-03-12'),
    visit(1, 1, '2025-03-20'), // a second visit to school 1
    visit(2, 4, '2025-03-10'),
    visit(2, 6, '2025-03-11'), // school 6 is in no 2025 zone
    visit(1, 3, '2025-02-20'), // February: not counted
  ]
  const entries = [
    // found in March
    e('2025-03-05', { itemKey: 'safety', deadline: '2025-03-30' }), // overdue on 03-31
    e('2025-03-12', { itemKey: 'safety', level: '小问题', deadline: '2025-04-11' }),
    e('2025-03-10', { itemKey: 'teaching' }, [ev('report', '2025-03-20', 'reported'), ev('reviewPassed', '2025-03-25', 'verified')]),
    e('2025-03-10', { itemKey: 'hygiene', level: '无意见' }), // not a problem
    e('2025-03-20', { itemKey: null }),
    // found in February (last period)
    e('2025-02-10', { itemKey: 'old' }, [ev('report', '2025-03-01', 'reported'), ev('reviewPassed', '2025-03-15', 'verified')]),
    e('2025-02-20', { deadline: '2025-03-25' }, [ev('report', '2025-03-28', 'reported'), ev('reviewPassed', '2025-04-03', 'verified')]),
    e('2025-02-25', { deadline: '2025-03-20' }), // overdue on 03-31
    e('2025-02-26', { level: '无意见' }),
  ]
  const input = {
    period: monthPeriod('2025-03'),
    visits,
    entries,
    zones: ZONES,
    inspectors: INSPECTORS,
    items: ITEMS,
    settings: DEFAULT_SETTINGS,
    plans: [],
    today: '2025-04-10',
  }

  it('visits, coverage, problems by item, closed, last period 整改率, overdue, per 督学', () => {
    const f = periodFigures(input)
    expect(f.asOf).toBe('2025-03-31')
    expect(f.visits).toBe(5)
    expect(f.institutionsVisited).toBe(4) // 1, 2, 4, 6
    expect(f.institutionsTotal).toBe(5) // the 2025 zones: 1–5
    expect(f.coverage).toBeCloseTo(3 / 5) // 1, 2, 4 of 1–5
    expect(f.problemsFound).toBe(4)
    expect(f.problemsByItem).toEqual([
      { itemKey: 'safety', title: '校园及周边安全', count: 2 },
      { itemKey: 'teaching', title: '课程与教学', count: 1 },
      { itemKey: 'hygiene', title: '食堂、饮水与卫生', count: 0 },
      { itemKey: null, title: '未归类', count: 1 },
    ])
    expect(f.problemsClosed).toBe(1)
    expect(f.rectifiedInPeriod).toBe(2) // 03-25 and 03-15; 04-03 is April
    expect(f.previousRectification).toMatchObject({ found: 3, rectified: 1 })
    expect(f.previousRectification.rate).toBeCloseTo(1 / 3)
    expect(f.previousRectification.period.key).toBe('2025-02')
    expect(f.overdue).toBe(2)
    expect(f.perInspector).toEqual([
      { inspectorId: 1, name: '李明', done: 3, required: 3, institutionsVisited: 2, institutionsInZone: 3 },
      { inspectorId: 2, name: '王红', done: 2, required: 2, institutionsVisited: 1, institutionsInZone: 2 },
    ])
  })

  it('a month not yet over is read as of today', () => {
    const f = periodFigures({ ...input, today: '2025-03-22' })
    expect(f.asOf).toBe('2025-03-22')
    expect(f.problemsClosed).toBe(0) // the 复查 of 03-25 has not happened yet
    expect(f.overdue).toBe(1) // only the one due 03-20
    expect(f.previousRectification.rectified).toBe(1)
  })

  it('a retired item shows only when it counts', () => {
    const f = periodFigures({ ...input, period: monthPeriod('2025-02'), today: '2025-04-10' })
    expect(f.problemsByItem.map((i) => [i.title, i.count])).toEqual([
      ['校园及周边安全', 2], // the fixture's default item
      ['课程与教学', 0],
      ['食堂、饮水与卫生', 0],
      ['已停用事项', 1],
    ])
  })
})

describe('periods and the visit requirement', () => {
  it('terms: 秋季 September – February, 春季 March – August; previous periods', () => {
    expect(termPeriod('2025-autumn', DEFAULT_SETTINGS)).toMatchObject({ from: '2025-09-01', to: '2026-02-28', label: '2025年秋季学期' })
    expect(termPeriod('2024-autumn', DEFAULT_SETTINGS).to).toBe('2025-02-28')
    expect(termPeriod('2027-autumn', DEFAULT_SETTINGS).to).toBe('2028-02-29')
    expect(termPeriod('2025-spring', DEFAULT_SETTINGS)).toMatchObject({ from: '2025-03-01', to: '2025-08-31' })
    expect(termOf('2026-01-15', DEFAULT_SETTINGS).key).toBe('2025-autumn')
    expect(termOf('2026-03-01', DEFAULT_SETTINGS).key).toBe('2026-spring')
    expect(previousPeriod(termPeriod('2025-spring', DEFAULT_SETTINGS), DEFAULT_SETTINGS).key).toBe('2024-autumn')
    expect(previousPeriod(monthPeriod('2025-01'), DEFAULT_SETTINGS)).toMatchObject({ key: '2024-12', from: '2024-12-01', to: '2024-12-31' })
    expect(monthPeriod('2024-02').to).toBe('2024-02-29')
  })

  it('one a month: each visit month; the plan leaves holidays empty', () => {
    const plan: AnnualPlan = {
      year: 2025,
      standingChecklist: [],
      months: [3, 4, 5, 6].map((m) => ({ month: m, theme: `主题${m}`, topics: [], note: '' })),
      updatedAt: null,
    }
    expect(requiredVisits(monthPeriod('2025-03'), DEFAULT_SETTINGS, [plan])).toBe(1)
    expect(requiredVisits(monthPeriod('2025-07'), DEFAULT_SETTINGS, [plan])).toBe(0)
    expect(requiredVisits(termPeriod('2025-spring', DEFAULT_SETTINGS), DEFAULT_SETTINGS, [plan])).toBe(4)
    expect(requiredVisits(termPeriod('2025-spring', DEFAULT_SETTINGS), DEFAULT_SETTINGS, [])).toBe(6)
  })

  it('two a term (条例 art. 14): a month asks its share, front-loaded', () => {
    const s = { ...DEFAULT_SETTINGS, requirement: { per: 'term' as const, count: 2 } }
    const plan: AnnualPlan = {
      year: 2025,
      standingChecklist: [],
      months: [3, 4, 5, 6].map((m) => ({ month: m, theme: `主题${m}`, topics: [], note: '' })),
      updatedAt: null,
    }
    expect(['03', '04', '05', '06', '07'].map((m) => requiredVisits(monthPeriod(`2025-${m}`), s, [plan]))).toEqual([1, 0, 1, 0, 0])
    expect(requiredVisits(termPeriod('2025-spring', s), s, [plan])).toBe(2)
  })
})
