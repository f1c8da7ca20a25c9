import type Database from 'better-sqlite3'
import demo from '../../../seeds/demo/supervision.json'
import { applyLedgerCommand, type LedgerCommand } from '../../../shared/supervision/ledger'
import { addDays } from '../../../shared/supervision/overdue'
import type { InspectorKind, PlanMonth, ProblemLevel, Visit, VisitMethod } from '../../../shared/supervision/types'
import { localIsoDate, nowIso } from '../clock'
import { upsertInstitution } from '../institutions/institutionRepository'
import * as repo from './supervisionRepository'
import { entriesFromFindings } from './supervisionService'

type Step = [string, number, ...string[]]
interface DemoVisit {
  day: number
  inspector: string
  companions?: string[]
  school: string
  items: string[]
  methods: Record<string, number>
  findings: { description: string; itemKey: string; level: string; suggestion: string }[]
  goodPractice: string
  opinion: string
  signed: boolean
  recordDelay: number
  ledger?: { deadlineFromFound?: number; deadlineFromToday?: number; steps: Step[] }
}

const PLAN_MONTHS = demo.plan.months as unknown as Record<string, [string, string[]]>
const VISITS = demo.visits as unknown as DemoVisit[]

/** The month before the one `today` is in, as `YYYY-MM`. */
function previousMonth(today: string): string {
  const y = Number(today.slice(0, 4))
  const m = Number(today.slice(5, 7))
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/**
 * The demo county's supervision (seeds/demo/supervision.json, names and events invented): eight
 * institutions in the registry, four 督学, three 责任区 (洪广镇中学 left out: a coverage gap), the year's
 * plan, and last month's visits with ledger entries in every state, one of them overdue today. Dates
 * are placed relative to today (visits in the previous month) so the demo always looks current.
 * Runs inside the demo loader's transaction.
 */
export function loadSupervisionDemo(db: Database.Database, today = localIsoDate()): void {
  const month = previousMonth(today)
  const years = [...new Set([Number(month.slice(0, 4)), Number(today.slice(0, 4))])]
  const school = new Map<string, number>()
  for (const s of demo.schools) {
    const kind = s.kind as 'school' | 'kindergarten'
    school.set(
      s.name,
      upsertInstitution(db, {
        kind,
        name: s.name,
        institutionType: s.institutionType,
        township: s.township,
        urbanRural: s.urbanRural as '城区',
      }),
    )
  }
  const person = new Map<string, number>()
  for (const i of demo.inspectors) {
    const id = repo.writeInspector(db, {
      name: i.name,
      kind: i.kind as InspectorKind,
      unit: i.unit,
      phone: i.phone,
      activeFrom: years[0] - 2,
      activeTo: null,
      note: '',
    })
    person.set(i.name, id)
  }
  for (const year of years) {
    for (const z of demo.zones) {
      repo.writeZone(db, {
        year,
        name: z.name,
        inspectorId: person.get(z.inspector)!,
        institutionIds: z.schools.map((n) => school.get(n)!),
        note: '',
      })
    }
    const months: PlanMonth[] = Object.entries(PLAN_MONTHS).map(([m, [theme, topics]]) => ({
      month: Number(m),
      theme,
      topics,
      note: '',
    }))
    repo.writePlan(db, { year, standingChecklist: demo.plan.standingChecklist, months })
  }
  const theme = PLAN_MONTHS[String(Number(month.slice(5, 7)))]?.[0] ?? ''
  for (const v of VISITS) {
    const date = `${month}-${String(v.day).padStart(2, '0')}`
    const recorded = addDays(date, v.recordDelay)
    const id = repo.writeVisit(db, {
      date,
      inspectorId: person.get(v.inspector)!,
      companionIds: (v.companions ?? []).map((n) => person.get(n)!),
      institutionId: school.get(v.school)!,
      theme,
      itemKeys: v.items,
      methods: v.methods as Partial<Record<VisitMethod, number>>,
      findings: v.findings.map((f) => ({ ...f, level: f.level as ProblemLevel, entryId: null })),
      goodPractice: v.goodPractice,
      opinion: v.opinion,
      attachments: [],
      schoolSigned: v.signed,
      recordedAt: new Date(Number(recorded.slice(0, 4)), Number(recorded.slice(5, 7)) - 1, Number(recorded.slice(8, 10)), 17).toISOString(),
      source: '示例数据',
    })
    if (!v.ledger) continue
    const visit = repo.getVisit(db, id) as Visit
    const indexes = visit.findings.map((f, i) => (f.level === '无意见' ? -1 : i)).filter((i) => i >= 0)
    const deadline =
      v.ledger.deadlineFromToday !== undefined
        ? addDays(today, v.ledger.deadlineFromToday)
        : addDays(date, v.ledger.deadlineFromFound ?? 30)
    for (const entryId of entriesFromFindings(db, visit, indexes, { deadline })) {
      let e = repo.getEntry(db, entryId)!
      for (const [action, offset, a, b] of v.ledger.steps) {
        const d = addDays(date, offset)
        const cmd: LedgerCommand =
          action === 'review'
            ? { action: 'review', date: d, result: a as 'passed' | 'failed', reviewer: v.inspector, note: b ?? '' }
            : action === 'close'
              ? { action: 'close', date: d, basis: a, by: v.inspector }
              : action === 'progress'
                ? { action: 'progress', date: d, text: a, by: '' }
                : { action: action as 'notify' | 'report', date: d, by: '' }
        e = applyLedgerCommand(e, cmd, nowIso())
      }
      repo.updateEntry(db, e)
    }
  }
}
