import ExcelJS from 'exceljs'
import type { Institution } from '../../../shared/institutions/types'
import { EXAMPLE_ROW_PREFIX, PRESCHOOL_SHEET_FIELDS, SPONSOR_NAMES } from '../../../shared/preschool/importFields'
import type { CountyPreschoolYear, KindergartenYear } from '../../../shared/preschool/types'
import { URBAN_RURAL_CODES } from '../../../shared/statistics/codes'
import type { HeaderField } from '../../../shared/statistics/headerAliases'

const LISTS: Record<string, string[]> = {
  institutionType: ['幼儿园', '附设幼儿班'],
  sponsor: [...SPONSOR_NAMES],
  subsidised: ['是', '否'],
  townshipCentre: ['是', '否'],
  urbanRural: Object.values(URBAN_RURAL_CODES).map((c) => c.name),
  schedule: ['全日制', '半日制'],
}

function comment(f: HeaderField): string {
  const parts: string[] = []
  if (f.local) parts.push('非统计口径：本项不在教育事业统计报表中，由本县自行收集')
  if (f.form) parts.push(`统计报表：${f.form}`)
  if (f.required) parts.push('必填')
  if (f.key === 'subsidised') parts.push('民办园必填；公办园留空')
  if (f.key === 'statYear') parts.push('按 9月1日 统计的学年初年份，如 2024/2025学年初 填 2024')
  if (f.key === 'enrolledChildren.total') parts.push('含托班；应等于各班级人数之和')
  if (f.key === 'urbanRural') parts.push('可填城乡类型代码（如 121）或名称')
  return parts.join('\n')
}

const EXAMPLE: Record<string, string | number> = {
  statYear: 2024,
  id: '2164000001',
  name: `${EXAMPLE_ROW_PREFIX}贺兰县第一幼儿园`,
  institutionType: '幼儿园',
  sponsor: '教育部门',
  townshipCentre: '是',
  urbanRural: '主城区',
  township: '习岗镇',
  schedule: '全日制',
  grade: '自治区级示范园',
  'classes.total': 12,
  'classes.small': 4,
  'classes.middle': 4,
  'classes.large': 4,
  'enrolledChildren.total': 360,
  'enrolledChildren.small': 110,
  'enrolledChildren.middle': 120,
  'enrolledChildren.large': 130,
  'staff.total': 48,
  'staff.principals': 2,
  'staff.teachers': 26,
  'staff.caregivers': 12,
  'areas.building': 4200,
  'areas.activityRooms': 1900,
  'areas.outdoorPlay': 2600,
}

/** A kindergarten year as the template's cells (field key → cell value). */
export function templateCells(f: KindergartenYear, statYear: number, inst: Institution | null): Record<string, string | number | null> {
  const flag = (b: boolean | null | undefined) => (b === true ? '是' : b === false ? '否' : null)
  const attrs = inst?.attributes ?? {}
  const get = (path: string): unknown =>
    path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), f)
  const out: Record<string, string | number | null> = {}
  for (const field of PRESCHOOL_SHEET_FIELDS) {
    const k = field.key
    if (k === 'statYear') out[k] = statYear
    else if (k === 'id') out[k] = inst?.code ?? null
    else if (k === 'institutionType') out[k] = f.institutionType === '119' ? '附设幼儿班' : f.institutionType === '111' ? '幼儿园' : null
    else if (k === 'subsidised' || k === 'townshipCentre') out[k] = flag(f[k])
    else if (k === 'urbanRural') out[k] = attrs.urbanRuralText ?? inst?.urbanRuralCode ?? f.urbanRural ?? null
    else if (k === 'grade') out[k] = (attrs.grade as string | undefined) ?? null
    else if (k === 'subsidisedSince') out[k] = (attrs.subsidisedSince as string | undefined) ?? null
    else if (field.sumsInto) out[k] = null
    else {
      const v = get(k)
      out[k] = typeof v === 'number' || typeof v === 'string' ? v : null
    }
  }
  return out
}

/**
 * The 学前教育 workbook: sheet 幼儿园 (one header row in the statistics words with units, drop-down
 * lists for coded columns, header comments marking 非统计口径 columns, frozen header and name column)
 * and sheet 全县 (统计年度 · 乡镇（街道） · 3–5周岁常住人口), plus 填表说明. Without `data` it is the
 * empty template with one example row; with `data` the stored figures (round trip with the importer).
 */
export async function preschoolWorkbook(data?: {
  kindergartens: { statYear: number; figures: KindergartenYear; institution: Institution | null }[]
  counties: CountyPreschoolYear[]
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '教育督导工作台'
  const fields = PRESCHOOL_SHEET_FIELDS.filter((f) => !f.sumsInto)
  const ws = wb.addWorksheet('幼儿园', { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] })
  ws.columns = fields.map((f) => ({ header: f.label, key: f.key, width: Math.max(10, Math.min(28, f.label.length * 2 + 2)) }))
  const head = ws.getRow(1)
  head.height = 42
  fields.forEach((f, i) => {
    const cell = head.getCell(i + 1)
    cell.font = { bold: true }
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: f.local ? 'FFFFF2CC' : f.required ? 'FFDDEBF7' : 'FFF2F2F2' } }
    const note = comment(f)
    if (note) cell.note = note
  })
  const rows = data ? data.kindergartens.map((k) => templateCells(k.figures, k.statYear, k.institution)) : [EXAMPLE]
  for (const r of rows) ws.addRow(fields.map((f) => r[f.key] ?? null))
  // drop-down lists on the rows to fill (exceljs expands a validation range cell by cell: keep it to 500 rows more)
  const last = rows.length + 501
  fields.forEach((f, i) => {
    const list = LISTS[f.key]
    const letter = ws.getColumn(i + 1).letter
    const range = `${letter}2:${letter}${last}`
    if (list) {
      ;(ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, {
        type: 'list',
        allowBlank: !f.required,
        formulae: [`"${list.join(',')}"`],
        // 城乡类型 also takes the 3-digit code (121): the list only proposes
        showErrorMessage: f.key !== 'urbanRural',
        errorTitle: f.label,
        error: `请从下拉列表中选择：${list.join('、')}`,
      })
    }
  })

  const county = wb.addWorksheet('全县', { views: [{ state: 'frozen', ySplit: 1 }] })
  county.columns = [
    { header: '统计年度', key: 'statYear', width: 12 },
    { header: '乡镇（街道）', key: 'township', width: 16 },
    { header: '3–5周岁常住人口', key: 'agePopulation', width: 18 },
  ]
  county.getRow(1).font = { bold: true }
  county.getCell('A1').note = '按 9月1日 统计的学年初年份'
  county.getCell('B1').note = '留空表示全县合计；分乡镇填写时每个乡镇一行（可选）'
  county.getCell('C1').note = '学前三年毛入园率的分母（公安、统计部门数据）'
  for (const c of data?.counties ?? []) {
    if (c.agePopulation !== null && c.agePopulation !== undefined) county.addRow([c.statYear, null, c.agePopulation])
    for (const [t, n] of Object.entries(c.agePopulationByTownship ?? {})) county.addRow([c.statYear, t, n])
  }

  const help = wb.addWorksheet('填表说明')
  ;[
    '学前教育数据导入模板（教育督导工作台）',
    '1. 「幼儿园」表每行一所幼儿园（含附设幼儿班）；表头用语与教育事业统计报表一致，请勿修改表头。',
    `2. 第 2 行为示例（名称以“${EXAMPLE_ROW_PREFIX}”开头），导入时自动跳过，可删除。`,
    '3. 必填：学校（机构）名称、学校（机构）举办者、在园（班）人数：合计；民办园必填“是否普惠性民办幼儿园”。',
    '4. 黄色表头为非统计口径项目（本县自行收集，不在统计报表中），鼠标停在表头上可看说明。',
    '5. 面积单位为平方米（㎡）；金额单位为元。若填万元，请在表头注明“（万元）”，导入时自动换算。',
    '6. 「全县」表填写 3–5周岁常住人口（学前三年毛入园率的分母），可分乡镇填写。',
  ].forEach((t) => help.addRow([t]))
  help.getColumn(1).width = 110
  return Buffer.from(await wb.xlsx.writeBuffer())
}
