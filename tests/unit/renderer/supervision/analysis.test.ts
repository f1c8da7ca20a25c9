import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../../shared/supervision/defaults'
import { applyLedgerCommand, creationEvent } from '../../../../shared/supervision/ledger'
import type { LedgerEntry, SupervisionItem } from '../../../../shared/supervision/types'
import {
  institutionProgress,
  overdueByInstitutionOption,
  percentText,
  problemsByItemOption,
  rectificationTrendOption,
  yearFigures,
} from '../../../../renderer/src/views/supervision/analysis'

/** A 待整改 entry found on `foundDate` (only what the figures read matters). */
function entry(over: Partial<LedgerEntry> & { foundDate: string }): LedgerEntry {
  const at = `${over.foundDate}T02:00:00.000Z`
  return {
    id: 1,
    code: '2025-0001',
    source: '经常性督导',
    inspectorId: 1,
    institutionId: 1,
    itemKey: 'safety',
    monthTheme: '',
    description: '消防通道堆放杂物',
    level: '一般问题',
    responsibleUnit: '',
    responsiblePerson: '',
    measures: '',
    deadline: null,
    visitId: null,
    findingIndex: null,
    progress: [],
    reportDate: null,
    reviewDate: null,
    reviewer: '',
    reviewResult: null,
    reviewNote: '',
    closedDate: null,
    closeBasis: '',
    closeEvidence: [],
    status: 'pending',
    history: [creationEvent(over.foundDate, at)],
    createdAt: at,
    updatedAt: at,
    ...over,
  }
}

const items: SupervisionItem[] = [
  { key: 'management', title: '学校管理与制度落实', description: '', sortOrder: 1, active: true },
  { key: 'safety', title: '校园及周边安全', description: '', sortOrder: 2, active: true },
]
const schools = [
  { id: 1, name: '城关一小', zoneName: '第一责任区', inspectorId: 7 },
  { id: 2, name: '城关二小', zoneName: '第一责任区', inspectorId: 7 },
  { id: 3, name: '新集小学', zoneName: '', inspectorId: null },
]

describe('month board figures (renderer/src/views/supervision/analysis.ts)', () => {
  it('counts a school’s visits in the month only, its last visit up to the month’s end, and lists the least visited first', () => {
    const visits = [
      { institutionId: 1, date: '2025-03-04' },
      { institutionId: 1, date: '2025-03-31' },
      { institutionId: 2, date: '2025-02-28' }, // the month before: not this month's visit, but its last visit
      { institutionId: 2, date: '2025-04-01' }, // after the month: neither
    ]
    const rows = institutionProgress(schools, visits, [{ institutionId: 2 }, { institutionId: 2 }], '2025-03', 1)
    expect(rows.map((r) => [r.name, r.done, r.required, r.lastVisit, r.openProblems])).toEqual([
      ['城关二小', 0, 1, '2025-02-28', 2],
      ['新集小学', 0, 1, '', 0],
      ['城关一小', 2, 1, '2025-03-31', 0],
    ])
  })

  it('charts overdue entries per school, most first from the top, and nothing that is not overdue', () => {
    const option = overdueByInstitutionOption([
      { institutionName: '城关一小', overdue: true },
      { institutionName: '城关二小', overdue: true },
      { institutionName: '城关二小', overdue: true },
      { institutionName: '新集小学', overdue: false },
    ])
    // a horizontal bar chart draws its first category at the bottom
    expect(option.yAxis.data).toEqual(['城关一小', '城关二小'])
    expect(option.series[0].data).toEqual([1, 2])
  })

  it('draws the 整改率 of each month from the same figures as the 通报, with no point for a month without problems', () => {
    const found = entry({ id: 1, foundDate: '2025-02-10', deadline: '2025-03-10' })
    const reported = applyLedgerCommand(found, { action: 'report', date: '2025-02-20' }, '2025-02-20T01:00:00Z')
    const passed = applyLedgerCommand(
      reported,
      { action: 'review', date: '2025-02-25', result: 'passed', reviewer: '李明' },
      '2025-02-25T01:00:00Z',
    )
    const open = entry({ id: 2, code: '2025-0002', foundDate: '2025-02-12', itemKey: 'management' })
    const figures = yearFigures(2025, {
      visits: [],
      entries: [passed, open],
      zones: [],
      inspectors: [],
      items,
      settings: DEFAULT_SETTINGS,
      plans: [],
      today: '2025-03-15',
    })
    expect(figures.map((f) => f.period.key)).toEqual(['2025-01', '2025-02', '2025-03']) // no month after today
    expect(rectificationTrendOption(figures).series[0].data).toEqual([null, 50, null])
    const byItem = problemsByItemOption(figures, items)
    expect(byItem.series.map((s) => [s.name, s.data])).toEqual([
      ['学校管理与制度落实', [0, 1, 0]],
      ['校园及周边安全', [0, 1, 0]],
    ])
  })

  it('writes shares as percent with one decimal and a dash when there is nothing to divide', () => {
    expect(percentText(6 / 7)).toBe('85.7%')
    expect(percentText(1)).toBe('100.0%')
    expect(percentText(null)).toBe('—')
  })
})
