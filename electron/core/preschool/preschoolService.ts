import preschoolRubricJson from '../../../seeds/rubrics/preschool-universality-2020.json'
import type { KindergartenPage, PreschoolTrendPoint, PreschoolYearView } from '../../../shared/preschool/dashboard'
import type { KindergartenYear } from '../../../shared/preschool/types'
import { evaluatePreschool, preschoolIndicatorsJson, type PreschoolEvaluation } from '../../../shared/preschool/evaluatePreschool'
import { kindergartenFlags } from '../../../shared/preschool/breakdown'
import { preschoolCountyValues, preschoolSettings } from '../../../shared/preschool/indicators'
import { evaluateRubric, type Judgement } from '../../../shared/rubrics/evaluate'
import { parseRubric, type RubricVariantSpec } from '../../../shared/rubrics/rubric'
import * as rubrics from '../rubrics/rubricService'
import type { Rubric } from '../../../shared/rubrics/rubricSchema'
import { UserError } from '../errors'
import { keepEvidence, putEvidence } from '../evidence/evidenceRepository'
import { getInstitution } from '../institutions/institutionRepository'
import type { Workspace } from '../workspace'
import * as repo from './preschoolRepository'
import { formatChineseDate } from '../../../shared/documents/chineseDate'
import { GBT9704_LAYOUT } from '../../../shared/documents/layout'
import type { ImageSpec, PrintBlock } from '../../../shared/print/blocks'
import { headlineOption, monochrome, townshipOption } from '../../../shared/preschool/chartOptions'
import { problemSentences } from '../../../shared/preschool/narrative'
import { composePreschoolReport, EMPTY_SECTIONS, reportTitle, type ReportSections } from '../../../shared/preschool/report'
import { localIsoDate } from '../clock'
import { exportBlocksDocx } from '../export/docx/blockWriter'
import { readOffice } from '../office/officeRepository'
import { chartSvg, figureAtlases, outlineTextsGradually, svgPngs } from './chartImages'
import { traceLines, type TraceLine } from '../../../shared/preschool/trace'

let bundled: Rubric | null = null
/** The bundled 普及普惠 rubric (seeds/rubrics/preschool-universality-2020.json), parsed once. */
export function bundledPreschoolRubric(): Rubric {
  if (!bundled) {
    const r = parseRubric(preschoolRubricJson)
    if (!r.ok) throw new Error(`内置指标体系无效：${r.errors.join('；')}`)
    bundled = r.rubric
  }
  return bundled
}

/** Every rubric an office can choose: the bundled one and its stored variants (electron/core/rubrics/). */
export function rubricChoices(ws: Workspace): Rubric[] {
  return rubrics.rubricChoices(ws, bundledPreschoolRubric())
}

/** The rubric that applies to a year: the one chosen for it, else the bundled one. */
export function rubricForYear(ws: Workspace, year: number): Rubric {
  return rubrics.rubricForYear(ws, bundledPreschoolRubric(), year)
}

/** Evaluates one year from the stored data (the indicators are pure; this only loads). */
export function evaluateYear(
  ws: Workspace,
  year: number,
): { evaluation: PreschoolEvaluation; rubric: Rubric; judgements: Record<string, Judgement> } {
  const db = ws.db()
  const rubric = rubricForYear(ws, year)
  const kgs = repo.kindergartenYears(db, year).map((k) => k.figures)
  const { rubricId: _r, ...county } = repo.countyYear(db, year)
  void _r
  const judgements = repo.judgements(db, year)
  return { evaluation: evaluatePreschool(kgs, county, rubric, judgements), rubric, judgements }
}

/** The JSON of `preschool indicators --year Y --json` (issue 11 shape). */
export function indicatorsJson(ws: Workspace, year: number) {
  // County items only: the per-kindergarten flags, breakdowns and gaps are not part of this answer.
  const db = ws.db()
  const rubric = rubricForYear(ws, year)
  const kgs = repo.kindergartenYears(db, year).map((k) => k.figures)
  const { rubricId: _r, ...county } = repo.countyYear(db, year)
  void _r
  const values = preschoolCountyValues(kgs, county, preschoolSettings(rubric))
  const ev = evaluateRubric(rubric, values, repo.judgements(db, year), { level: 'county' })
  return preschoolIndicatorsJson({ year, rubric: ev.rubric, indicators: ev.items } as PreschoolEvaluation)
}

/** Everything the dashboard shows for a year. */
export function yearView(ws: Workspace, year: number): PreschoolYearView {
  const db = ws.db()
  const { evaluation, rubric, judgements } = evaluateYear(ws, year)
  const { rubricId: _r, ...county } = repo.countyYear(db, year)
  void _r
  return {
    year,
    years: repo.preschoolYears(db),
    rubric: { id: rubric.id, version: rubric.version, name: rubric.name },
    rubricChoices: rubricChoices(ws).map((r) => ({ id: r.id, name: r.name })),
    county,
    evaluation,
    judgements,
    kindergartens: repo.kindergartenYears(db, year).map((k) => ({ institutionId: k.institutionId, figures: k.figures, source: k.source })),
  }
}

/** The three rates of every stored year, oldest first. */
export function trend(ws: Workspace): PreschoolTrendPoint[] {
  return repo
    .preschoolYears(ws.db())
    .reverse()
    .map((year) => {
      const ev = evaluateYear(ws, year).evaluation
      const v = (key: string) => ev.indicators.find((i) => i.key === key)?.value ?? null
      return {
        year,
        grossEnrolmentRate: v('grossEnrolmentRate'),
        affordableCoverageRate: v('affordableCoverageRate'),
        publicShare: v('publicShare'),
        enrolledChildren: ev.counts.enrolledChildren,
        kindergartens: ev.counts.kindergartens,
      }
    })
}

/** A kindergarten's registry entry and history with each year's flags. @throws UserError when unknown */
export function kindergartenPage(ws: Workspace, institutionId: number): KindergartenPage {
  const db = ws.db()
  const institution = getInstitution(db, institutionId)
  if (!institution) throw new UserError('没有这所幼儿园', 'institutionId')
  return {
    institution,
    years: repo.kindergartenHistory(db, institutionId).map((y) => {
      const rubric = rubricForYear(ws, y.statYear)
      const flags = kindergartenFlags([y.figures], rubric, preschoolSettings(rubric))[0]?.flags ?? []
      return { statYear: y.statYear, figures: y.figures, source: y.source, flags }
    }),
  }
}

/** Sets the county's 3–5周岁常住人口 of a year (CLI `preschool population`, the UI). */
export function setPopulation(
  ws: Workspace,
  year: number,
  count: number | null,
  byTownship?: Record<string, number>,
): { year: number; agePopulation: number | null } {
  const db = ws.db()
  db.transaction(() =>
    repo.saveCountyYear(db, year, {
      agePopulation: count,
      ...(byTownship ? { agePopulationByTownship: byTownship } : {}),
      source: '手工录入',
    }),
  )()
  return { year, agePopulation: count }
}

/**
 * Saves the verdict on a judged item with its evidence: `added` files (name and bytes) are stored in the
 * database with the verdict, in one transaction, so backups carry them; names no longer in `j.evidence`
 * are dropped with their contents (evidence/evidenceRepository.ts).
 * @throws UserError when the key is not a judged item of the year's rubric
 */
export function judge(
  ws: Workspace,
  year: number,
  itemKey: string,
  j: Judgement,
  added: readonly { name: string; data: Buffer }[] = [],
): Judgement {
  const item = rubricForYear(ws, year).items.find((i) => i.key === itemKey)
  if (!item || item.kind !== 'judged') throw new UserError(`「${itemKey}」不是评定项`, 'itemKey')
  const db = ws.db()
  db.transaction(() => {
    for (const f of added) putEvidence(db, 'preschool', year, itemKey, f.name, f.data)
    repo.saveJudgement(db, year, itemKey, j)
    keepEvidence(db, 'preschool', year, itemKey, j.evidence ?? [])
  })()
  return j
}

/** Chooses the rubric of a year. @throws UserError when the id is unknown */
export function chooseRubric(ws: Workspace, year: number, rubricId: string): { year: number; rubricId: string } {
  return rubrics.chooseRubric(ws, bundledPreschoolRubric(), year, rubricId)
}

/** Stores a variant of the bundled rubric (e.g. 毛入园率 ≥ 90%). @throws UserError listing what the check refused */
export function saveVariant(ws: Workspace, spec: RubricVariantSpec): { id: string; name: string } {
  return rubrics.saveVariant(ws, bundledPreschoolRubric(), spec)
}

/** One line per counted kindergarten: what it adds to each headline figure, and its sheet row. */
export function trace(ws: Workspace, year: number): TraceLine[] {
  const rubric = rubricForYear(ws, year)
  return traceLines(repo.kindergartenYears(ws.db(), year), preschoolSettings(rubric))
}

/** The report's charts of an evaluation as SVG (ECharts without a browser), with their size in CSS pixels. */
function reportChartSvgs(ev: PreschoolEvaluation): { key: 'headline' | 'townships'; svg: string; width: number; height: number }[] {
  // drawn at about the printed size in CSS pixels (470 px for 150 mm), so the 12 px labels print near 10 pt
  const wanted: [key: 'headline' | 'townships', option: object, widthPx: number, heightPx: number][] = [
    ['headline', monochrome(headlineOption({ evaluation: ev }, { mono: true })), 470, 150],
  ]
  if (ev.breakdown.township.length > 1) wanted.push(['townships', monochrome(townshipOption({ evaluation: ev })), 470, 230])
  return wanted.map(([key, option, width, height]) => ({ key, svg: chartSvg(option, width, height), width, height }))
}

/** The charts of the report as PNG images (rendered without a browser, grey for print). */
async function reportCharts(ev: PreschoolEvaluation): Promise<{ headline?: ImageSpec; townships?: ImageSpec }> {
  const wanted = reportChartSvgs(ev).map((c) => [c.key, c.svg, c.width, c.height] as const)
  // rasterised off the main thread, in parallel, once per picture (svgPngs)
  const pngs = await svgPngs(wanted.map(([, svg, width, height]) => ({ svg, width, height })))
  const widthMm = 150
  return Object.fromEntries(
    wanted.map(([key, , widthPx, heightPx], i) => [
      key,
      {
        format: 'png',
        data: pngs[i].png.toString('base64'),
        widthMm,
        heightMm: Math.round((widthMm * heightPx) / widthPx),
      } satisfies ImageSpec,
    ]),
  )
}

/**
 * Draws the report's charts of a year in the background (after the dashboard's answer has gone), so the
 * report opened or saved next finds them drawn (`svgPngs` keeps them per picture). Never throws.
 */
export function prerenderReportCharts(ws: Workspace, year: number): void {
  setImmediate(() => {
    try {
      void reportCharts(evaluateYear(ws, year).evaluation).catch(() => undefined)
    } catch {
      // closed workspace, no data: nothing to draw
    }
  })
}

/**
 * An invented county (300 kindergartens in six invented 乡镇, sizes varied by `round`): its evaluation
 * draws every label the report's charts always carry (indicator names, axis ticks, legend, the
 * standards' marks) and runs the evaluation, the charts and the writer at a real county's size.
 */
function sampleEvaluation(round: number): PreschoolEvaluation {
  const towns = ['示例一镇', '示例二镇', '示例三镇', '示例四乡', '示例五乡', '示例六乡']
  const kgs = Array.from({ length: 300 }, (_, i): KindergartenYear => {
    const n = 60 + ((i * 37 + round * 11) % 240)
    const sponsor = i % 3 === 0 ? '民办' : '教育部门'
    return {
      id: String(i),
      name: `示例${i + 1}园`,
      sponsor,
      subsidised: sponsor === '民办' ? i % 2 === 0 : null,
      township: towns[i % towns.length],
      enrolledChildren: { total: n, small: Math.floor(n / 3), middle: Math.floor(n / 3), large: n - 2 * Math.floor(n / 3) },
      staff: { total: Math.ceil(n / 6), teachers: Math.ceil(n / 14) },
    }
  })
  return evaluatePreschool(kgs, { statYear: 2000, agePopulation: 60_000 + round * 1000 }, bundledPreschoolRubric())
}

/** Waits `ms`, without keeping the process alive for it (a command-line run may end first). */
const pause = (ms: number) => new Promise<void>((next) => setTimeout(next, ms).unref())

let warming: Promise<void> | null = null
/** The report renderer's warm-up when it has been started (the module used), else null. */
export const reportRendererWarmUp = (): Promise<void> | null => warming

/**
 * Prepares, once per process and in the background, what the first 自评报告 would otherwise pay for
 * when asked (most of a first report's 430 ms on the reference machine): ECharts' first charts, the
 * glyph atlases of the figures (`figureAtlases`: any value is then drawn without shaping), the outlines
 * of the labels every report chart carries (`outlineTextsGradually`: resvg shapes each label once, one
 * label per turn of the event loop), and the evaluation, composer and .docx writer at a real county's
 * size (an invented county's report, twice, thrown away). The year's own words (its 乡镇 names) are
 * shaped when its report is asked for (or while its dashboard is open: `prerenderReportCharts`). Each step waits for a turn of the event
 * loop that does not keep the process alive (a command that ends first is not held up). Never throws.
 * @returns the warm-up (resolves when done; tests wait for it)
 */
export function warmReportRenderer(idle: () => boolean = () => true): Promise<void> {
  warming ??= (async () => {
    // each step on a later turn of the event loop, and only while `idle` (no request of the module running)
    const nextTurn = async () => {
      await pause(0)
      while (!idle()) await pause(20)
    }
    try {
      // twice, with other figures: the second pass runs the code the first one compiled at full speed
      for (const round of [0, 1]) {
        await nextTurn()
        const evaluation = sampleEvaluation(round)
        const charts = reportChartSvgs(evaluation)
        await figureAtlases(
          charts.map((c) => c.svg),
          nextTurn,
        )
        await outlineTextsGradually(
          charts.map((c) => c.svg),
          nextTurn,
        )
        await nextTurn()
        const blocks = composePreschoolReport({
          county: '示例县',
          office: '示例县人民政府教育督导室',
          date: formatChineseDate(localIsoDate()),
          evaluation,
          sections: EMPTY_SECTIONS,
          charts: await reportCharts(evaluation),
        })
        await nextTurn()
        await exportBlocksDocx(blocks, { title: reportTitle('示例县') }, GBT9704_LAYOUT)
      }
    } catch {
      // a warm-up only: the report itself reports its errors
    }
  })()
  return warming
}

/** The 自评报告 of a year as print blocks, with its saved sections and the generated 存在的问题. */
export async function reportView(
  ws: Workspace,
  year: number,
  options: { charts?: boolean } = {},
): Promise<{ title: string; blocks: PrintBlock[]; sections: ReportSections; generatedProblems: string[] }> {
  const db = ws.db()
  const office = readOffice(db)
  const county = office?.county ?? ''
  const { evaluation } = evaluateYear(ws, year)
  // an ordinary empty year, said as such (the composer refuses it too), not an internal failure
  if (evaluation.counts.kindergartens === 0) throw new UserError(`${year} 年没有学前教育数据：请先导入该年度的幼儿园数据`, 'year')
  const sections = repo.reportSections(db, year)
  const blocks = composePreschoolReport({
    county,
    office: office?.fullName ?? '',
    date: formatChineseDate(localIsoDate()),
    evaluation,
    sections,
    charts: options.charts === false ? undefined : await reportCharts(evaluation),
  })
  return { title: reportTitle(county), blocks, sections, generatedProblems: problemSentences(evaluation) }
}

/** Saves the narrative sections of a year's report. */
export function saveReport(ws: Workspace, year: number, sections: ReportSections): ReportSections {
  const db = ws.db()
  db.transaction(() => repo.saveReportSections(db, year, sections))()
  return sections
}

/** The 自评报告 as a .docx (GB/T 9704 page and grid, body format). */
export async function reportDocx(ws: Workspace, year: number): Promise<{ fileName: string; data: Buffer }> {
  const { title, blocks } = await reportView(ws, year)
  // the office's font profile (GB2312 faces or the Windows faces), as for its 公文
  const layout = { ...GBT9704_LAYOUT, fontProfile: readOffice(ws.db())?.fontProfile ?? GBT9704_LAYOUT.fontProfile }
  return { fileName: `${title}（${year}年）.docx`, data: await exportBlocksDocx(blocks, { title }, layout) }
}
