/**
 * Sentences of the 自评报告 generated from the data (一、基本情况 and the pre-filled 四、存在的问题),
 * in the words county documents use (see the 贺兰县 work plan, reference 002, item 7). Pure.
 */
import type { ItemResult } from '../rubrics/evaluate'
import type { PreschoolEvaluation } from './evaluatePreschool'

function item(ev: PreschoolEvaluation, key: string): ItemResult | undefined {
  return ev.indicators.find((i) => i.key === key)
}

function rateClause(ev: PreschoolEvaluation, key: string, label: string): string | null {
  const i = item(ev, key)
  return i && i.status !== 'noData' ? `${label}为${i.display}` : null
}

/**
 * 基本情况 paragraph: "全县共有幼儿园60所，其中，公办园39所，民办园21所；全县在园幼儿13619人，公办园在园幼儿
 * 9169人，普惠性民办园幼儿2133人，普惠园幼儿11302人。学前三年毛入园率为98.01%，普惠性幼儿园覆盖率为82.99%，
 * 公办园在园幼儿占比为67.33%。" Rates without data are left out of the second sentence; `prefix`
 * (e.g. "2024年春季") goes before 全县.
 */
export function basicSituation(ev: PreschoolEvaluation, prefix = ''): string {
  const c = ev.counts
  const first =
    `${prefix}全县共有幼儿园${c.kindergartens}所，其中，公办园${c.publicKindergartens}所，民办园${c.privateKindergartens}所；` +
    `全县在园幼儿${c.enrolledChildren}人，公办园在园幼儿${c.publicChildren}人，普惠性民办园幼儿${c.subsidisedChildren}人，普惠园幼儿${c.affordableChildren}人。`
  const rates = [
    rateClause(ev, 'grossEnrolmentRate', '学前三年毛入园率'),
    rateClause(ev, 'affordableCoverageRate', '普惠性幼儿园覆盖率'),
    rateClause(ev, 'publicShare', '公办园在园幼儿占比'),
  ].filter((x): x is string => x !== null)
  return rates.length > 0 ? `${first}${rates.join('，')}。` : first
}

/**
 * 存在的问题, pre-filled: one sentence per failing county item (with the gap calculator's figures
 * for the two coverage rates), per judged item not 达标 (with its note), and for the flagged
 * kindergartens (规模, 专任教师 to add). The office edits them before printing.
 */
export function problemSentences(ev: PreschoolEvaluation): string[] {
  const out: string[] = []
  for (const i of ev.indicators) {
    if (!i.counts) continue
    if (i.status === 'notMet') {
      let s = `${i.name}为${i.display}，未达到${i.thresholdDisplay}的标准`
      if (i.key === 'affordableCoverageRate' && ev.gaps.affordable && !ev.gaps.affordable.reached) {
        s += `，还需${ev.gaps.affordable.transfer}名在园幼儿进入公办园或普惠性民办园`
        const conv = ev.gaps.affordableConversion
        if (conv?.reached && conv.converted.length > 0) s += `（如将${conv.converted.map((k) => k.name).join('、')}认定为普惠性民办园）`
      }
      if (i.key === 'publicShare' && ev.gaps.public && !ev.gaps.public.reached) {
        s += `，公办园还需增加${ev.gaps.public.transfer}名在园幼儿（新增公办学位需${ev.gaps.public.newPlaces ?? '—'}个）`
      }
      out.push(`${s}。`)
    } else if (i.status === 'judged' && i.judgement !== 'met') {
      out.push(`${i.name}评定为${i.display}${i.note ? `：${i.note}` : ''}。`)
    }
  }
  const oversized = ev.kindergartens.filter((k) => k.flags.some((f) => f.key === 'kgSize'))
  if (oversized.length > 0) out.push(`${oversized.length}所幼儿园规模超过标准：${oversized.map((k) => k.name).join('、')}。`)
  const short = ev.gaps.teachers.filter((t) => (t.teachersToAdd ?? 0) > 0)
  if (short.length > 0) {
    const total = short.reduce((a, t) => a + (t.teachersToAdd ?? 0), 0)
    out.push(`${short.length}所幼儿园专任教师配备不足，共需补充专任教师${total}名。`)
  }
  return out
}
