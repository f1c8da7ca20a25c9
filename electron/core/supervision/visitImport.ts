import ExcelJS from 'exceljs'
import type Database from 'better-sqlite3'
import { EXAMPLE_ROW_PREFIX, parseDate } from '../../../shared/preschool/importFields'
import type { ImportProblem } from '../../../shared/imports/types'
import type { ProblemLevel, Visit, VisitFinding, VisitMethod } from '../../../shared/supervision/types'
import { PROBLEM_LEVELS, VISIT_METHODS } from '../../../shared/supervision/types'
import { isCalendarDate } from '../../../shared/validation/fields'
import { localIsoDate } from '../clock'
import type { Importer } from '../imports/importSession'
import { readXlsxTable, type ColumnSpec } from '../imports/xlsxTable'
import { listInstitutions } from '../institutions/institutionRepository'
import type { Workspace } from '../workspace'
import * as repo from './supervisionRepository'
import { entriesFromFindings } from './supervisionService'

/**
 * The .xlsx import of visit records collected from the 督学 (one row per visit), through the shared
 * check-then-commit import (importSession + readXlsxTable): every problem is reported with sheet, row,
 * column, value and a Chinese reason (an unknown 督学, school or 督导事项 is named), and a file with any
 * problem writes nothing. Findings are one per line of 「发现的问题」; a line may start with its level in
 * brackets (【严重问题】…), else the row's 处理级别 applies. With 列入问题台账 = 是 (the default) every
 * finding that is not 无意见 becomes a ledger entry in the same transaction.
 */

/** A checked row, ready to write. */
export interface VisitImportRow {
  row: number
  visit: Omit<Visit, 'id' | 'createdAt' | 'updatedAt'>
  toLedger: boolean
  /** for the preview */
  institutionName: string
  inspectorName: string
}

const METHOD_UNITS: Record<VisitMethod, string> = { 听课: '节', 查阅资料: '份', 座谈: '次', 访谈: '人次', 巡视: '次', 问卷: '份' }
const YES = ['是', '已签', '已签字', 'Y', 'y', '1', '√']
const NO = ['否', '未签', '未签字', 'N', 'n', '0', '']
const split = (t: string) =>
  t
    .split(/[、，,；;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)

/** The template's columns, in order, with their header, note and example value. */
export const VISIT_TEMPLATE_COLUMNS: { header: string; note: string; example: string | number; width: number }[] = [
  { header: '督导日期', note: '必填，如 2025-03-18', example: '2025-03-18', width: 12 },
  { header: '责任督学', note: '必填，须与督学名单中的姓名一致', example: '李明', width: 10 },
  { header: '随同督学', note: '可空，多人用顿号分隔', example: '', width: 12 },
  {
    header: '学校',
    note: `必填，须与学校名录中的名称一致；第 2 行示例（以“${EXAMPLE_ROW_PREFIX}”开头）导入时跳过`,
    example: `${EXAMPLE_ROW_PREFIX}城关第一小学`,
    width: 22,
  },
  { header: '督导主题', note: '本月主题，如 开学检查', example: '开学检查', width: 12 },
  { header: '督导事项', note: '督导事项名称，多项用顿号分隔', example: '校园及周边安全、课程与教学', width: 24 },
  ...VISIT_METHODS.map((m) => ({
    header: `${m}（${METHOD_UNITS[m]}）`,
    note: '非负整数，可空',
    example: m === '听课' ? 2 : m === '巡视' ? 1 : '',
    width: 9,
  })),
  {
    header: '发现的问题',
    note: '每行一个问题；可在行首用【】注明处理级别，如【严重问题】……',
    example: '消防通道堆放杂物\n【小问题】课表张贴不规范',
    width: 36,
  },
  { header: '处理级别', note: `${PROBLEM_LEVELS.join('、')}；可空（默认一般问题）`, example: '一般问题', width: 10 },
  { header: '整改意见', note: '可空', example: '立即清理通道，建立每日巡查制度', width: 30 },
  { header: '好的做法', note: '可空', example: '', width: 24 },
  { header: '学校已签字', note: '是 / 否', example: '是', width: 10 },
  { header: '填报日期', note: '督学填写记录的日期，可空（默认导入当天）；用于统计记录是否在两日内填报', example: '2025-03-19', width: 12 },
  { header: '列入问题台账', note: '是 / 否，可空（默认是）：发现的问题直接列入问题台账', example: '是', width: 12 },
]

/** The blank visit template (.xlsx): 督导记录 sheet with the example row and a 说明 sheet. */
export async function visitTemplateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '教育督导工作台'
  const ws = wb.addWorksheet('督导记录', { views: [{ state: 'frozen', xSplit: 4, ySplit: 1 }] })
  ws.columns = VISIT_TEMPLATE_COLUMNS.map((c) => ({ header: c.header, width: c.width }))
  const head = ws.getRow(1)
  head.height = 36
  VISIT_TEMPLATE_COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1)
    cell.font = { bold: true }
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.note.startsWith('必填') ? 'FFDDEBF7' : 'FFF2F2F2' } }
    cell.note = c.note
  })
  const ex = ws.addRow(VISIT_TEMPLATE_COLUMNS.map((c) => c.example))
  ex.alignment = { wrapText: true, vertical: 'top' }
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations
  const col = (h: string) => ws.getColumn(VISIT_TEMPLATE_COLUMNS.findIndex((c) => c.header === h) + 1).letter
  const list = (h: string, values: readonly string[]) =>
    validations.add(`${col(h)}2:${col(h)}1000`, { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] })
  list('处理级别', PROBLEM_LEVELS)
  list('学校已签字', ['是', '否'])
  list('列入问题台账', ['是', '否'])
  const help = wb.addWorksheet('说明')
  ;[
    '督导记录导入模板（教育督导工作台）',
    '1. 每行一次入校督导（一位责任督学到一所学校）。',
    '2. 责任督学、随同督学须已在「督学名单」中；学校须已在学校名录中；督导事项用名称（见「督导事项」设置）。',
    '3. 发现的问题每行一个；处理级别为：无意见、小问题（当场提醒）、一般问题（发整改通知书）、严重问题（报督导室）、复杂问题（协商相关科室）。',
    '4. 检查时列出每个错误（工作表、行、列、内容、原因）；有任何错误时不导入任何数据。',
  ].forEach((t) => help.addRow([t]))
  help.getColumn(1).width = 110
  return Buffer.from(await wb.xlsx.writeBuffer())
}

interface Lookups {
  inspectors: Map<string, number>
  institutions: Map<string, number[]>
  items: Map<string, string>
  existing: Set<string>
  today: string
}

function lookups(db: Database.Database): Lookups {
  const institutions = new Map<string, number[]>()
  for (const i of listInstitutions(db)) {
    if (i.kind === 'zone') continue
    institutions.set(i.name, [...(institutions.get(i.name) ?? []), i.id])
  }
  const items = new Map<string, string>()
  for (const it of repo.listItems(db)) {
    items.set(it.title, it.key)
    items.set(it.key, it.key)
  }
  return {
    inspectors: new Map(repo.listInspectors(db).map((i) => [i.name, i.id])),
    institutions,
    items,
    existing: new Set(repo.listVisits(db).map((v) => `${v.date}/${v.inspectorId}/${v.institutionId}`)),
    today: localIsoDate(),
  }
}

const ok = <V>(value: V) => ({ value })
const yesNo = (label: string, dflt: boolean) => (t: string) =>
  t === '' ? ok(dflt) : YES.includes(t) ? ok(true) : NO.includes(t) ? ok(false) : { error: `「${label}」应填 是 或 否` }

function columns(L: Lookups): ColumnSpec[] {
  const date = (label: string, required: boolean) => (t: string) => {
    const p = parseDate(t)
    if ('error' in p) return { error: `「${label}」${p.error.replace(/^日期/, '')}` }
    if (p.value === null) return required ? { error: `「${label}」不能为空` } : ok(null)
    if (!isCalendarDate(p.value)) return { error: `「${label}」不是有效的日期` }
    if (p.value > L.today) return { error: `「${label}」晚于今天` }
    return ok(p.value)
  }
  const person = (t: string) => {
    const id = L.inspectors.get(t)
    return id ? ok(id) : { error: `督学名单中没有「${t}」，请先在督学名单中添加` }
  }
  return [
    { field: 'date', label: '督导日期', aliases: ['督导日期', '入校日期', '日期'], required: true, parse: date('督导日期', true) },
    { field: 'inspector', label: '责任督学', aliases: ['责任督学', '督学', '督学姓名'], required: true, parse: person },
    {
      field: 'companions',
      label: '随同督学',
      aliases: ['随同督学', '陪同督学', '同行督学'],
      parse: (t) => {
        const ids: number[] = []
        for (const n of split(t)) {
          const p = person(n)
          if ('error' in p) return p
          ids.push(p.value)
        }
        return ok(ids)
      },
    },
    {
      field: 'institution',
      label: '学校',
      aliases: ['学校', '学校名称', '学校（机构）名称', '被督导学校', '督导学校'],
      required: true,
      parse: (t) => {
        if (t.startsWith(EXAMPLE_ROW_PREFIX)) return ok(0)
        const ids = L.institutions.get(t) ?? []
        if (ids.length === 1) return ok(ids[0])
        if (ids.length > 1) return { error: `学校名录中有 ${ids.length} 个「${t}」（幼儿园和学校同名），请在应用中录入这条记录` }
        return { error: `学校名录中没有「${t}」，请先在学校名录中添加或检查名称` }
      },
    },
    { field: 'theme', label: '督导主题', aliases: ['督导主题', '月主题', '主题'], parse: (t) => ok(t.slice(0, 60)) },
    {
      field: 'items',
      label: '督导事项',
      aliases: ['督导事项', '督导内容'],
      parse: (t) => {
        const keys: string[] = []
        for (const n of split(t)) {
          const k = L.items.get(n)
          if (!k) return { error: `没有名为「${n}」的督导事项` }
          keys.push(k)
        }
        return ok([...new Set(keys)])
      },
    },
    ...VISIT_METHODS.map((m): ColumnSpec => ({
      field: `method:${m}`,
      label: m,
      aliases: [`${m}（${METHOD_UNITS[m]}）`, `${m}(${METHOD_UNITS[m]})`, m],
      parse: (t) => (t === '' ? ok(0) : /^\d{1,3}$/.test(t) ? ok(Number(t)) : { error: `「${m}」应为 0–999 的整数` }),
    })),
    { field: 'findings', label: '发现的问题', aliases: ['发现的问题', '存在问题', '发现问题', '问题'], parse: (t) => ok(t) },
    {
      field: 'level',
      label: '处理级别',
      aliases: ['处理级别', '问题级别', '级别'],
      parse: (t) =>
        t === ''
          ? ok('一般问题')
          : PROBLEM_LEVELS.includes(t as ProblemLevel)
            ? ok(t)
            : { error: `处理级别应为 ${PROBLEM_LEVELS.join('、')} 之一` },
    },
    { field: 'opinion', label: '整改意见', aliases: ['整改意见', '整改建议', '意见建议'], parse: (t) => ok(t.slice(0, 4000)) },
    { field: 'goodPractice', label: '好的做法', aliases: ['好的做法', '经验做法', '亮点'], parse: (t) => ok(t.slice(0, 4000)) },
    { field: 'signed', label: '学校已签字', aliases: ['学校已签字', '学校签字', '是否签字'], parse: yesNo('学校已签字', false) },
    { field: 'recorded', label: '填报日期', aliases: ['填报日期', '记录日期', '录入日期'], parse: date('填报日期', false) },
    { field: 'toLedger', label: '列入问题台账', aliases: ['列入问题台账', '列入台账'], parse: yesNo('列入问题台账', true) },
  ]
}

/** 【严重问题】消防通道… → level and text; other lines take the row's level. */
function findingsOf(text: string, level: ProblemLevel, onlyItem: string | null, suggestion: string): VisitFinding[] | { error: string } {
  const out: VisitFinding[] = []
  for (const raw of text.split(/\n+/).map((l) => l.trim().replace(/^\d+[.、．)）]\s*/, ''))) {
    if (!raw) continue
    const m = /^[【[［](.+?)[】\]］]\s*(.*)$/.exec(raw)
    if (m && !PROBLEM_LEVELS.includes(m[1] as ProblemLevel))
      return { error: `「${m[1]}」不是处理级别（应为 ${PROBLEM_LEVELS.join('、')}）` }
    const description = (m ? m[2] : raw).slice(0, 1000)
    if (!description) continue
    out.push({
      description,
      itemKey: onlyItem,
      level: m ? (m[1] as ProblemLevel) : level,
      suggestion: suggestion.slice(0, 1000),
      entryId: null,
    })
  }
  return out
}

/** The visits importer of a workspace (names resolved against its 督学 list, registry and 督导事项). */
export function visitImporter(ws: Workspace): Importer<VisitImportRow> {
  return {
    key: 'supervision.visits',
    async read(file, ctx) {
      const L = lookups(ws.db())
      const t = await readXlsxTable(file.path, columns(L), { ctx })
      const problems: ImportProblem[] = [...t.problems]
      const rows: VisitImportRow[] = []
      const seen = new Map<string, number>()
      const inspectorNames = new Map([...L.inspectors].map(([n, id]) => [id, n]))
      const instNames = new Map([...L.institutions].flatMap(([n, ids]) => ids.map((id) => [id, n] as const)))
      let examples = 0
      for (const { row, values: v } of t.rows) {
        if (v.institution === 0) {
          examples++
          continue
        }
        const at = (label: string, value: string, reason: string) =>
          problems.push({ sheet: t.sheet, row, column: t.columns.find((c) => c.field === label)?.column ?? label, value, reason })
        const key = `${v.date}/${v.inspector}/${v.institution}`
        if (L.existing.has(key)) {
          at('督导日期', String(v.date), '已有同一天、同一督学、同一学校的督导记录（可能已导入过）')
          continue
        }
        if (seen.has(key)) {
          at('督导日期', String(v.date), `与第 ${seen.get(key)} 行重复（同一天、同一督学、同一学校）`)
          continue
        }
        seen.set(key, row)
        const companions = (v.companions as number[] | undefined) ?? []
        if (companions.includes(v.inspector as number)) {
          at('随同督学', inspectorNames.get(v.inspector as number) ?? '', '随同督学不能与责任督学是同一人')
          continue
        }
        const items = (v.items as string[] | undefined) ?? []
        const findings = findingsOf(String(v.findings ?? ''), v.level as ProblemLevel, items.length === 1 ? items[0] : null, '')
        if ('error' in findings) {
          at('发现的问题', String(v.findings).slice(0, 200), findings.error)
          continue
        }
        if (v.recorded && (v.recorded as string) < (v.date as string)) {
          at('填报日期', String(v.recorded), '填报日期早于督导日期')
          continue
        }
        const recorded = v.recorded as string | null
        const methods = Object.fromEntries(
          VISIT_METHODS.map((m) => [m, (v[`method:${m}`] as number | undefined) ?? 0]).filter(([, n]) => (n as number) > 0),
        )
        rows.push({
          row,
          toLedger: v.toLedger !== false,
          institutionName: instNames.get(v.institution as number) ?? '',
          inspectorName: inspectorNames.get(v.inspector as number) ?? '',
          visit: {
            date: v.date as string,
            inspectorId: v.inspector as number,
            companionIds: [...new Set(companions)],
            institutionId: v.institution as number,
            theme: (v.theme as string | undefined) ?? '',
            itemKeys: items,
            methods,
            findings: findings.map((f) => ({ ...f, suggestion: '' })),
            goodPractice: (v.goodPractice as string | undefined) ?? '',
            opinion: (v.opinion as string | undefined) ?? '',
            attachments: [],
            schoolSigned: v.signed === true,
            recordedAt: recorded
              ? new Date(Number(recorded.slice(0, 4)), Number(recorded.slice(5, 7)) - 1, Number(recorded.slice(8, 10)), 12).toISOString()
              : new Date().toISOString(),
            source: `${file.name} / ${t.sheet} / 第 ${row} 行`,
          },
        })
      }
      const warnings = [...t.warnings]
      if (examples) warnings.push('已跳过示例行')
      return { rowsRead: t.rowsRead - examples, columns: t.columns, rows: problems.length ? [] : rows, problems, warnings }
    },
    write(db, rows) {
      for (const r of rows) {
        const id = repo.writeVisit(db, r.visit)
        const stored = repo.getVisit(db, id) as Visit
        const indexes = stored.findings.map((f, i) => (f.level === '无意见' ? -1 : i)).filter((i) => i >= 0)
        if (r.toLedger && indexes.length) entriesFromFindings(db, stored, indexes)
      }
      return rows.length
    },
    describe(r) {
      return {
        行: r.row,
        督导日期: r.visit.date,
        责任督学: r.inspectorName,
        学校: r.institutionName,
        督导主题: r.visit.theme,
        发现问题: r.visit.findings.length,
        列入台账: r.toLedger ? '是' : '否',
      }
    },
  }
}
