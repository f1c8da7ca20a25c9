/**
 * 责任督学挂牌督导 at county scale (issue 14): 150 schools in 30 责任区, five years of monthly visits
 * (7,500 visits) with one problem on every visit (7,500 ledger entries, a third still open). Targets on
 * this shared 2-core machine: a ledger page with a filter and a sort ≤ 300 ms, the month board ≤ 500 ms,
 * a month's 通报 figures ≤ 200 ms, a year's chart data ≤ 1 s. Best of 3 runs each.
 *   npx tsx tests/bench/supervision.ts
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { upsertInstitution } from '../../electron/core/institutions/institutionRepository'
import * as repo from '../../electron/core/supervision/supervisionRepository'
import { entriesFromFindings, ledger } from '../../electron/core/supervision/supervisionService'
import { charts, figures, monthBoard } from '../../electron/core/supervision/supervisionViews'
import { Workspace } from '../../electron/core/workspace'
import { applyLedgerCommand } from '../../shared/supervision/ledger'
import type { Visit } from '../../shared/supervision/types'

const SCHOOLS = 150
const ZONES = 30
const YEARS = [2021, 2022, 2023, 2024, 2025]
const MONTHS = [1, 3, 4, 5, 6, 9, 10, 11, 12, 2]
const ITEMS = ['management', 'admission', 'teaching', 'wellbeing', 'teachers', 'hygiene', 'safety', 'ethos']

function best(label: string, target: number, run: () => unknown): void {
  let ms = Infinity
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    run()
    ms = Math.min(ms, performance.now() - t)
  }
  console.log(`${label}: ${ms.toFixed(0)} ms (target ≤ ${target} ms)${ms > target ? '  ← over target' : ''}`)
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'dudao-bench-supervision-'))
  const ws = new Workspace(dir)
  try {
    const db = ws.db()
    const t0 = performance.now()
    db.transaction(() => {
      const schools = Array.from({ length: SCHOOLS }, (_, i) => upsertInstitution(db, { kind: 'school', name: `第${i + 1}学校` }))
      const people = Array.from({ length: ZONES }, (_, i) =>
        repo.writeInspector(db, { name: `督学${i + 1}`, kind: '兼职', unit: '', phone: '', activeFrom: 2020, activeTo: null, note: '' }),
      )
      for (const year of YEARS) {
        people.forEach((p, z) =>
          repo.writeZone(db, { year, name: `第${z + 1}责任区`, inspectorId: p, institutionIds: schools.slice(z * 5, z * 5 + 5), note: '' }),
        )
        for (const m of MONTHS) {
          schools.forEach((s, i) => {
            const date = `${year}-${String(m).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`
            const id = repo.writeVisit(db, {
              date,
              inspectorId: people[Math.floor(i / 5)],
              companionIds: [],
              institutionId: s,
              theme: '开学检查',
              itemKeys: [ITEMS[i % 8]],
              methods: { 听课: 2 },
              findings: [{ description: `问题${i}`, itemKey: ITEMS[(i + m) % 8], level: '一般问题', suggestion: '', entryId: null }],
              goodPractice: '',
              opinion: '',
              attachments: [],
              schoolSigned: true,
              recordedAt: `${date}T09:00:00.000Z`,
              source: 'bench',
            })
            const v = repo.getVisit(db, id) as Visit
            const [eid] = entriesFromFindings(db, v, [0])
            if ((i + m) % 3 !== 0) {
              let e = repo.getEntry(db, eid)!
              const d = date.slice(0, 8) + '28'
              e = applyLedgerCommand(e, { action: 'report', date: d }, '')
              e = applyLedgerCommand(e, { action: 'review', date: d, result: 'passed', reviewer: 'x' }, '')
              repo.updateEntry(db, e)
            }
          })
        }
      }
    })()
    console.log(
      `seeded ${repo.listVisits(db).length} visits and ${repo.listEntries(db).length} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    )
    const today = '2025-12-20'
    best('ledger page (open, sorted by deadline, 50 rows)', 300, () =>
      ledger(ws, { status: 'open', sort: 'deadline', order: 'asc', offset: 0, limit: 50 }, today),
    )
    best('month board 2025-11', 500, () => monthBoard(ws, '2025-11', today))
    best('通报 figures 2025-11', 200, () => figures(ws, { kind: 'month', key: '2025-11' }, today))
    best('chart data 2025', 1000, () => charts(ws, 2025, today))
  } finally {
    ws.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main()
