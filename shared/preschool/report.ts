/**
 * The 学前教育普及普惠督导评估自评报告 as blocks of the print model (shared/print/blocks.ts): one
 * composer for the A4 preview and the .docx. Body format (no red masthead: a 报告 sent with a 文号 goes
 * through 公文管理). Sections: 一、基本情况 (sentences from the data, then the office's own text),
 * 二、主要指标达成情况 (every item of the rubric: value, standard, result, in a table whose header row
 * repeats; the charts as images), 三、主要做法和成效, 四、存在的问题 (the office's text, else sentences
 * from the failing items and the gap calculator), 五、下一步工作; then 署名 and 成文日期. Pure.
 */
import type { BlockRun, ImageSpec, PrintBlock } from '../print/blocks'
import type { PreschoolEvaluation } from './evaluatePreschool'
import { basicSituation, problemSentences } from './narrative'

/** The narrative sections an office writes (saved per year); empty = not written. */
export interface ReportSections {
  /** added after the generated 基本情况 sentences */
  basic: string
  /** 三、主要做法和成效 */
  practices: string
  /** 四、存在的问题; empty = the generated sentences */
  problems: string
  /** 五、下一步工作 */
  nextSteps: string
}

export const EMPTY_SECTIONS: ReportSections = { basic: '', practices: '', problems: '', nextSteps: '' }

export interface PreschoolReportInput {
  /** 县（区）name, e.g. 贺兰县 */
  county: string
  /** the office signing the report (署名) */
  office: string
  /** 成文日期 as written, e.g. 2024年11月30日 */
  date: string
  evaluation: PreschoolEvaluation
  sections: ReportSections
  /** charts as images (PNG rendered without a browser); absent ones are left out */
  charts?: { headline?: ImageSpec; townships?: ImageSpec }
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const itemNumber = (i: number) => `（${i < 10 ? NUMERALS[i] : i + 1}）`
const STATUS_TEXT: Record<string, string> = { met: '达标', notMet: '未达标', noData: '无数据' }

const para = (text: string, extra: Partial<{ keepNext: boolean }> = {}): PrintBlock => ({
  kind: 'paragraph',
  role: 'body',
  runs: [{ text }],
  ...extra,
})
const heading = (text: string): PrintBlock => ({
  kind: 'paragraph',
  role: 'body',
  keepNext: true,
  runs: [{ text, font: 'heiti' } as BlockRun],
})
const paragraphsOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
/** An unfilled narrative section: an empty line under its heading for the office to write in (no instruction printed). */
const placeholder = (): PrintBlock => ({ kind: 'blank', lines: 1 })

/** The narrative sections the office has not written yet (their headings), for the page and the CLI to say so. */
export function unfilledSections(s: Pick<ReportSections, 'practices' | 'nextSteps'>): string[] {
  return [
    ...(paragraphsOf(s.practices).length ? [] : ['三、主要做法和成效']),
    ...(paragraphsOf(s.nextSteps).length ? [] : ['五、下一步工作']),
  ]
}

/** The report title: 贺兰县学前教育普及普惠督导评估自评报告. */
export const reportTitle = (county: string) => `${county}学前教育普及普惠督导评估自评报告`

/** The 二、主要指标达成情况 table: 序号 · 评估指标 · 实际值 · 标准 · 结果, one row per item of the rubric. */
export function indicatorTable(ev: PreschoolEvaluation): string[][] {
  const rows = ev.indicators.map((i, n) => [
    String(n + 1),
    i.name,
    i.kind === 'judged' ? '—' : i.display,
    i.kind === 'judged' ? '评定' : i.thresholdDisplay,
    i.kind === 'judged' ? i.display : (STATUS_TEXT[i.status] ?? i.display),
  ])
  return [['序号', '评估指标', '实际值', '标准', '结果'], ...rows]
}

/** Composes the whole report as print blocks. */
export function composePreschoolReport(input: PreschoolReportInput): PrintBlock[] {
  const ev = input.evaluation
  // A year without data has nothing to report (every figure would be 0 or 无数据).
  if (ev.counts.kindergartens === 0) throw new RangeError(`${ev.year} 年没有学前教育数据：请先导入该年度的幼儿园数据`)
  const s = input.sections
  const blocks: PrintBlock[] = [
    { kind: 'paragraph', role: 'title', runs: [{ text: reportTitle(input.county) }] },
    { kind: 'blank', lines: 1 },
  ]

  blocks.push(heading('一、基本情况'))
  blocks.push(para(basicSituation(ev, `${ev.year}年`)))
  for (const t of paragraphsOf(s.basic)) blocks.push(para(t))

  blocks.push(heading('二、主要指标达成情况'))
  const met = ev.indicators.filter((i) => i.kind === 'computed' && i.status === 'met').length
  const computed = ev.indicators.filter((i) => i.kind === 'computed').length
  const judged = ev.indicators.filter((i) => i.kind === 'judged')
  blocks.push(
    para(
      `对照${ev.rubric.id === 'preschool-universality-2020' ? '《县域学前教育普及普惠督导评估办法》' : '评估标准'}，${computed}项计算指标中${met}项达标` +
        `${judged.length ? `，${judged.length}项评定指标中${judged.filter((i) => i.judgement === 'met').length}项评定为达标` : ''}，详见表1。`,
    ),
  )
  blocks.push({
    kind: 'table',
    caption: `表1 ${input.county}${ev.year}年学前教育普及普惠主要指标达成情况`,
    table: {
      columns: [{ chars: 3 }, { auto: true }, { chars: 5 }, { chars: 5 }, { chars: 5.5 }],
      headerRows: 1,
      rows: indicatorTable(ev),
      align: ['center', 'left', 'center', 'center', 'center'],
    },
  })
  let figure = 0
  if (input.charts?.headline)
    blocks.push({ kind: 'image', caption: `图${++figure} 三项普及普惠指标与评估标准`, image: input.charts.headline })
  if (input.charts?.townships)
    blocks.push({ kind: 'image', caption: `图${++figure} 分乡镇普惠性幼儿园覆盖率和公办园在园幼儿占比`, image: input.charts.townships })

  blocks.push(heading('三、主要做法和成效'))
  const practices = paragraphsOf(s.practices)
  blocks.push(...(practices.length ? practices.map((t) => para(t)) : [placeholder()]))

  blocks.push(heading('四、存在的问题'))
  const problems = paragraphsOf(s.problems)
  const generated = problemSentences(ev)
  if (problems.length) blocks.push(...problems.map((t) => para(t)))
  else if (generated.length) blocks.push(...generated.map((t, i) => para(`${itemNumber(i)}${t}`)))
  else blocks.push(para('各项计算指标均已达到评估标准。'))

  blocks.push(heading('五、下一步工作'))
  const next = paragraphsOf(s.nextSteps)
  blocks.push(...(next.length ? next.map((t) => para(t)) : [placeholder()]))

  blocks.push({ kind: 'blank', lines: 1 })
  blocks.push({ kind: 'paragraph', role: 'signature', runs: [{ text: input.office }] })
  blocks.push({ kind: 'paragraph', role: 'date', runs: [{ text: input.date }] })
  return blocks
}
