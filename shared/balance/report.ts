/**
 * Tables and sentences of the 优质均衡 自评报告 built from a BalanceEvaluation: the per-学段 table of
 * the seven indicators with 全县平均值 / 标准差 / 差异系数 rows (the layout published county result
 * tables use, SHEETS.md "Reporting upward"), and the pre-filled 存在的问题. Pure.
 */
import type { Rubric } from '../rubrics/rubricSchema'
import { formatRational, rationalOf } from '../statistics/decimal'
import type { BalanceEvaluation } from './evaluateBalance'
import { BALANCE_INDICATORS, INDICATOR_UNITS, type BalanceIndicator } from './indicators'
import type { Stage } from './types'

export interface CvTable {
  stage: Stage
  columns: Array<{ key: BalanceIndicator; name: string; unit: string; standard: number | null }>
  /** one row per included school part: displays per indicator ('无数据' when missing), `mark` per indicator: met / notMet / noData */
  rows: Array<{ id: string; name: string; students: number; values: string[]; marks: Array<'met' | 'notMet' | 'noData'>; verdict: string }>
  /** 全县平均值 (Σ PiXi / P), 标准差 (weighted, population form), 差异系数, and 差异系数 标准 / 是否达标 */
  mean: string[]
  sd: string[]
  cv: string[]
  cvLimit: string[]
  cvMet: string[]
}

const VERDICT_TEXT = { met: '达标', notMet: '未达标', noData: '无数据' } as const
const fixed = (x: number | null, d: number) => (x === null ? '无数据' : formatRational(rationalOf(x), d))

/**
 * The 资源配置 table of one 学段: the included school parts (in input order) with the seven values
 * shown to the rubric item's decimals, then 全县平均值 / 标准差 / 差异系数 rows. Returns null when the
 * 学段 has no included school.
 */
export function cvTable(ev: BalanceEvaluation, rubric: Rubric, stage: Stage): CvTable | null {
  const parts = ev.schools.filter((s) => s.stage === stage && s.excluded === null)
  if (parts.length === 0) return null
  const itemOf = (key: string) => rubric.items.find((i) => i.key === key)
  const decimals = (key: string, fallback: number) => {
    const item = itemOf(key)
    return item && item.kind === 'computed' ? item.display.decimals : fallback
  }
  const columns = BALANCE_INDICATORS.map((key) => {
    const item = itemOf(key)
    const standard =
      item && item.kind === 'computed' ? (typeof item.threshold === 'number' ? item.threshold : (item.threshold[stage] ?? null)) : null
    return { key, name: item?.name ?? key, unit: INDICATOR_UNITS[key].unit, standard }
  })
  const cvs = BALANCE_INDICATORS.map((k) => ev.cv.find((c) => c.stage === stage && c.indicator === k))
  return {
    stage,
    columns,
    rows: parts.map((p) => ({
      id: p.id,
      name: p.name,
      students: p.students,
      values: BALANCE_INDICATORS.map((k) => p.indicators[k]?.display ?? '无数据'),
      marks: BALANCE_INDICATORS.map((k) => {
        const m = p.indicators[k]?.met
        return m === true ? 'met' : m === false ? 'notMet' : 'noData'
      }),
      verdict: VERDICT_TEXT[p.verdict],
    })),
    mean: cvs.map((c, i) => fixed(c?.detail.mean ?? null, decimals(BALANCE_INDICATORS[i], 2))),
    sd: cvs.map((c, i) => fixed(c?.detail.sd ?? null, decimals(BALANCE_INDICATORS[i], 2))),
    cv: cvs.map((c) => c?.display ?? '无数据'),
    cvLimit: cvs.map((c) => (c?.limit == null ? '—' : `≤${formatRational(rationalOf(c.limit), 2)}`)),
    cvMet: cvs.map((c) => (c?.met === true ? '达标' : c?.met === false ? '未达标' : '无数据')),
  }
}

/**
 * 存在的问题, pre-filled: per 学段 the 差异系数 over the limit with the improvement plan in real units,
 * the school parts failing 资源配置 with what they need, and the checklist items not met (indicator names from the rubric). The
 * office edits the sentences before printing.
 */
export function balanceProblemSentences(ev: BalanceEvaluation, rubric: Rubric): string[] {
  const out: string[] = []
  const nameOf = (k: BalanceIndicator) => rubric.items.find((i) => i.key === k)?.name ?? k
  for (const c of ev.cv) {
    if (c.met !== false) continue
    const name = INDICATOR_UNITS[c.indicator].amountName
    let s = `${c.stage}${nameOf(c.indicator)}校际差异系数为${c.display}，超过${c.limit === null ? '' : formatRational(rationalOf(c.limit), 2)}`
    if (c.plan?.reached && c.plan.steps.length > 0) {
      s += `；需为${c.plan.steps.map((st) => `${st.name}增加${name}${st.add}${c.plan!.unit}`).join('、')}，可降至${formatRational(rationalOf(c.plan.after!), 3)}`
    } else if (c.plan?.reason) {
      s += `；${c.plan.reason}`
    }
    out.push(`${s}。`)
  }
  for (const s of ev.schools) {
    if (s.excluded !== null || s.verdict !== 'notMet' || !s.plan) continue
    const needs = s.plan.steps.map((st) => `${st.amountName}${st.add}${st.unit}`)
    out.push(
      `${s.name}资源配置${s.metCount}项达标，未达到“至少6项达标、余项不低于85%”的要求${needs.length > 0 ? `，需增加${needs.join('、')}` : ''}。`,
    )
  }
  for (const i of ev.checklist.items) {
    if (!i.counts) continue
    if (i.status === 'notMet') out.push(`${i.name}为${i.display}，未达到${i.thresholdDisplay}的要求。`)
    else if (i.status === 'judged' && i.judgement !== 'met') out.push(`${i.name}评定为${i.display}${i.note ? `：${i.note}` : ''}。`)
  }
  return out
}
