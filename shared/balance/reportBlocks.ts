/**
 * The 县域义务教育优质均衡发展督导评估自评报告 as print blocks (shared/print/blocks.ts), for the block .docx
 * writer and the paginator: 基本情况, 资源配置 (per 学段 the seven indicators per school with marks and the
 * 全县平均值 / 标准差 / 差异系数 rows, as published county tables have them; the 差异系数 chart), 政府保障程度
 * (15 items), 教育质量 (9 items), 社会认可度, 不予认定情形, 存在的问题 (pre-filled from the failures and the
 * plans), 下一步工作. Pure: the caller passes the evaluation and the charts.
 */
import type { RubricEvaluation } from '../rubrics/evaluate'
import type { Rubric } from '../rubrics/rubricSchema'
import type { ImageSpec, PrintBlock } from '../print/blocks'
import type { BalanceEvaluation } from './evaluateBalance'
import { balanceProblemSentences, cvTable } from './report'
import type { Stage } from './types'

const SHORT = ['高学历教师', '骨干教师', '体艺教师', '教学用房', '体育场馆', '仪器设备值', '多媒体教室']
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const STATUS: Record<string, string> = { met: '达标', notMet: '未达标', noData: '无数据', partlyMet: '基本达标' }

export interface BalanceReportInput {
  /** 所属县（区）, e.g. 贺兰县 */
  county: string
  year: number
  evaluation: BalanceEvaluation
  rubric: Rubric
  /** per 学段 the 差异系数 chart (SVG with its PNG stand-in) */
  charts: Partial<Record<Stage, ImageSpec>>
}

const para = (text: string): PrintBlock => ({ kind: 'paragraph', role: 'body', runs: [{ text }] })
const heading = (text: string): PrintBlock => ({ kind: 'paragraph', role: 'body', keepNext: true, runs: [{ text, font: 'heiti' }] })
const subheading = (text: string): PrintBlock => ({ kind: 'paragraph', role: 'body', keepNext: true, runs: [{ text, font: 'kaiti' }] })

function itemLines(ev: RubricEvaluation, group: string): PrintBlock[] {
  const items = ev.items.filter((i) => i.group === group)
  return items.map((i, n) => {
    const result =
      i.kind === 'judged'
        ? i.judgement
          ? `自评${STATUS[i.judgement]}${i.note ? `：${i.note}` : '。'}${i.evidence?.length ? `（佐证材料：${i.evidence.join('、')}）` : ''}`
          : '尚未评定。'
        : i.status === 'noData'
          ? `暂无数据${i.reason ? `（${i.reason}）` : ''}。`
          : `${i.display}，标准${i.thresholdDisplay}，${STATUS[i.status]}。`
    return para(`${n + 1}. ${i.name}：${result}`)
  })
}

/**
 * The report's blocks. Tables: per 学段 two tables 表N {stage}学校资源配置指标 (教师配置: school, 在校生, L1–L3;
 * 办学条件: school, L4–L7, 达标项), the values with √ / × marks, with 全县平均值 / 标准差 / 差异系数 / 是否达标 rows; figures: 图N {stage}各项指标校际差异系数.
 */
export function composeBalanceReport(input: BalanceReportInput): PrintBlock[] {
  const { evaluation: ev, rubric, county, year } = input
  const blocks: PrintBlock[] = []
  let table = 0
  let figure = 0
  let section = 0
  const h = (t: string) => blocks.push(heading(`${CN_NUM[section++]}、${t}`))
  blocks.push({ kind: 'paragraph', role: 'title', runs: [{ text: `${county}县域义务教育优质均衡发展督导评估自评报告` }] })
  blocks.push({ kind: 'blank', lines: 1 })

  h('基本情况')
  const counted = ev.schools.filter((s) => s.excluded === null)
  const byStage = (st: Stage) => counted.filter((s) => s.stage === st)
  const students = (st: Stage) => byStage(st).reduce((a, s) => a + s.students, 0)
  const multi = new Set(ev.schools.filter((s) => s.name.endsWith('部）')).map((s) => s.schoolId)).size
  blocks.push(
    para(
      `${year}年（${year}/${year + 1}学年初），全县参与评估的义务教育学校学段共${counted.length}个，其中小学${byStage('小学').length}个、在校生${students('小学')}人，初中${byStage('初中').length}个、在校生${students('初中')}人${multi ? `；${multi}所一贯制学校按学段拆分，各学段分别计为一所学校，全校共用的校舍、场地、仪器设备和网络多媒体教室按在校生加权（小学:初中:高中 = 1:1.1:1.32）拆分` : ''}。`,
    ),
  )
  const excluded = ev.schools.filter((s) => s.excluded !== null)
  if (excluded.length) blocks.push(para(`未参与计算：${excluded.map((s) => `${s.name}（${s.excluded}）`).join('；')}。`))
  blocks.push(
    para(
      `评估依据《县域义务教育优质均衡发展督导评估办法》（${rubric.basis.docNumber}）。自评结论：${ev.stages.map((s) => `${s.stage}${STATUS[s.verdict]}（${s.schoolsMet}/${s.schools}所学校资源配置达标）`).join('，')}；政府保障程度、教育质量、社会认可度见下文。`,
    ),
  )

  h('资源配置')
  for (const st of ['小学', '初中'] as Stage[]) {
    const t = cvTable(ev, rubric, st)
    if (!t) continue
    blocks.push(subheading(`（${st === '小学' ? '一' : '二'}）${st}`))
    const over = ev.cv.filter((c) => c.stage === st && c.met === false)
    const s = ev.stages.find((x) => x.stage === st)!
    blocks.push(
      para(
        `全县${st}${s.schools}所学校中，${s.schoolsMet}所资源配置达标（至少6项指标达到标准、余项不低于标准的85%）。七项指标的校际差异系数按在校生加权计算，${over.length ? `${over.map((c) => `${t.columns.find((x) => x.key === c.indicator)!.name}为${c.display}`).join('，')}，超过${st === '小学' ? '0.50' : '0.45'}` : `均不超过${st === '小学' ? '0.50' : '0.45'}`}。`,
      ),
    )
    // Two tables per 学段 (教师配置 L1–L3, 办学条件 L4–L7): ten columns do not fit the 3号 type area.
    const halves: Array<{ title: string; idx: number[]; first: boolean }> = [
      { title: '教师配置', idx: [0, 1, 2], first: true },
      { title: '办学条件', idx: [3, 4, 5, 6], first: false },
    ]
    for (const half of halves) {
      // 元 per student without decimals: the column stays narrow enough for 3号 type
      const whole = (v: string, i: number) => (i === 5 && /^\d+(\.\d+)?$/.test(v) ? String(Math.round(Number(v))) : v)
      const pick = <T>(xs: T[]) => half.idx.map((i) => (typeof xs[i] === 'string' ? (whole(xs[i] as string, i) as T) : xs[i]))
      const head = half.first ? ['学校', '在校生', ...pick(SHORT)] : ['学校', ...pick(SHORT), '达标项']
      const rows: string[][] = [head]
      const std = pick(t.columns).map((c) => (c.standard === null ? '—' : `≥${c.standard}`))
      rows.push(half.first ? ['标准', '', ...std] : ['标准', ...std, '≥6'])
      for (const r of t.rows) {
        const part = counted.find((p) => p.id === r.id)!
        const vals = half.idx.map((i) => `${whole(r.values[i], i)}${r.marks[i] === 'met' ? '√' : r.marks[i] === 'notMet' ? '×' : ''}`)
        rows.push(
          half.first
            ? [r.name, String(r.students), ...vals]
            : [r.name, ...vals, `${part.metCount}${part.verdict === 'met' ? '√' : part.verdict === 'notMet' ? '×' : ''}`],
        )
      }
      const stat = (label: string, xs: string[], first: string) =>
        rows.push(half.first ? [label, first, ...pick(xs)] : [label, ...pick(xs), ''])
      stat('全县平均值', t.mean, String(students(st)))
      stat('标准差', t.sd, '')
      stat('差异系数', t.cv, '')
      stat('是否达标', t.cvMet, '')
      table++
      const n = half.idx.length
      blocks.push({
        kind: 'table',
        caption: `表${table} ${st}学校资源配置指标（${half.title}，√ 达标，× 未达标）`,
        table: half.first
          ? {
              columns: [{ chars: 8 }, { chars: 3 }, ...Array.from({ length: n }, () => ({ auto: true }) as const)],
              headerRows: 2,
              rows,
              align: ['left', 'right', ...Array.from({ length: n }, () => 'right' as const)],
            }
          : {
              columns: [{ chars: 8 }, ...Array.from({ length: n }, () => ({ auto: true }) as const), { chars: 4 }],
              headerRows: 2,
              rows,
              align: ['left', ...Array.from({ length: n }, () => 'right' as const), 'center'],
            },
      })
    }
    const chart = input.charts[st]
    if (chart) {
      figure++
      blocks.push({ kind: 'image', caption: `图${figure} ${st}各项指标校际差异系数（虚线为上限）`, image: chart })
    }
  }

  h('政府保障程度')
  blocks.push(...itemLines(ev.checklist, 'government'))
  h('教育质量')
  blocks.push(...itemLines(ev.checklist, 'quality'))
  h('社会认可度')
  blocks.push(...itemLines(ev.checklist, 'recognition'))
  h('不予认定情形')
  blocks.push(...itemLines(ev.checklist, 'veto'))

  h('存在的问题')
  const problems = balanceProblemSentences(ev, rubric)
  if (problems.length === 0) blocks.push(para('经自评，各项指标均达到要求。'))
  problems.forEach((p, i) => blocks.push(para(`${i + 1}. ${p}`)))

  h('下一步工作')
  blocks.push(
    para(
      '针对上述问题，县人民政府将按照“缺什么补什么”的原则，优先补足未达标学校的教师、校舍、场地和仪器设备，推进县域内教师交流轮岗和优质资源共享，缩小校际差距，确保各项指标全面达到县域义务教育优质均衡发展要求。',
    ),
  )
  return blocks
}
