import ExcelJS from 'exceljs'
import { BALANCE_SHEET_FIELDS, COUNTY_FIGURES } from '../../../shared/balance/importFields'
import type { BalanceCountyYear, SchoolResources, SchoolStageFigures } from '../../../shared/balance/types'
import type { Institution } from '../../../shared/institutions/types'
import { EXAMPLE_ROW_PREFIX } from '../../../shared/preschool/importFields'
import { INSTITUTION_TYPES, URBAN_RURAL_CODES } from '../../../shared/statistics/codes'
import type { HeaderField } from '../../../shared/statistics/headerAliases'

const SCHOOL_TYPE_NAMES = ['211', '218', '311', '312', '341', '345'].map((c) => INSTITUTION_TYPES[c])
const LISTS: Record<string, string[]> = {
  institutionType: SCHOOL_TYPE_NAMES,
  stage: ['小学', '初中', '高中'],
  urbanRural: Object.values(URBAN_RURAL_CODES).map((c) => c.name),
  special: ['是', '否'],
  boarding: ['是', '否'],
}

/** The template's columns: every field except the ones that only sum into another (博士 + 硕士 → 研究生) and 是否计校数. */
export const TEMPLATE_FIELDS: readonly HeaderField[] = BALANCE_SHEET_FIELDS.filter((f) => !f.sumsInto && f.key !== 'countsAsSchool')

function comment(f: HeaderField): string {
  const parts: string[] = []
  if (f.local) parts.push('非统计口径：本项不在教育事业统计报表中，由本县自行收集')
  if (f.form) parts.push(`统计报表：${f.form}`)
  if (f.required) parts.push('必填')
  if (f.key === 'statYear') parts.push('按 9月1日 统计的学年初年份，如 2024/2025学年初 填 2024')
  if (f.key === 'stage') parts.push('一贯制学校、完全中学每个学段一行（如 小学、初中 各一行）；单一学段的学校可留空')
  if (f.key === 'institutionType') parts.push('学段和办学类型至少填一项')
  if (f.key.startsWith('stage.')) parts.push('按本行学段填写')
  if (f.key.startsWith('resources.'))
    parts.push('全校数据：一贯制学校只在其中一行填写（或各行填同一数值），程序按各学段在校生（小学:初中:高中 = 1:1.1:1.32）拆分')
  if (f.key === 'resources.equipmentValue') parts.push('单位：元（统计报表为万元：表头写“（万元）”时自动换算）')
  if (f.key === 'stage.classesOverLimit') parts.push('小学超过45人、初中超过50人的班数；填了班额分段时可不填')
  if (f.key === 'stage.classesOver45' || f.key === 'stage.classesOver50')
    parts.push('没有班额分段时填写：小学用超过45人的班数，初中用超过50人的班数')
  if (f.key === 'stage.largestClass') parts.push('只掌握最大班额时填写：不超过45人（小学）/50人（初中）即全部班级达标')
  return parts.join('\n')
}

const EXAMPLE: Record<string, string | number> = {
  statYear: 2024,
  id: '2164000101',
  name: `${EXAMPLE_ROW_PREFIX}贺兰县第一小学`,
  institutionType: '小学',
  stage: '小学',
  urbanRural: '主城区',
  township: '习岗镇',
  'stage.students': 1200,
  'stage.classes': 27,
  'stage.teachers': 72,
  'stage.teachersByEducation.postgraduate': 3,
  'stage.teachersByEducation.bachelor': 55,
  'stage.teachersByEducation.associate': 14,
  'stage.keyTeachers': 15,
  'stage.peTeachers': 6,
  'stage.musicTeachers': 4,
  'stage.artTeachers': 3,
  'resources.teachingArea': 6500,
  'resources.sportsGroundArea': 9800,
  'resources.equipmentValue': 2600000,
  'resources.multimediaRooms': 30,
}

/** One school part as template cells (field key → value); `withResources` writes the whole-school columns. */
export function partCells(
  statYear: number,
  inst: Institution | null,
  name: string,
  figures: SchoolStageFigures & { classBands?: Record<string, number | null> },
  resources: SchoolResources | null,
): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {}
  const get = (o: unknown, path: string): unknown =>
    path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o)
  const flag = (b: unknown) => (b === true ? '是' : b === false ? '否' : null)
  for (const f of TEMPLATE_FIELDS) {
    const k = f.key
    if (k === 'statYear') out[k] = statYear
    else if (k === 'id') out[k] = inst?.code ?? null
    else if (k === 'name') out[k] = name
    else if (k === 'institutionType')
      out[k] = inst?.institutionType ? (INSTITUTION_TYPES[inst.institutionType] ?? inst.institutionType) : null
    else if (k === 'stage') out[k] = figures.stage
    else if (k === 'urbanRural')
      out[k] = (inst?.attributes.urbanRuralText as string | undefined) ?? inst?.urbanRuralCode ?? inst?.urbanRural ?? null
    else if (k === 'township') out[k] = inst?.township ?? null
    else if (k === 'special' || k === 'boarding') out[k] = flag(inst?.attributes[k])
    else if (k.startsWith('stage.')) {
      const v = get(figures, k.slice(6))
      out[k] = typeof v === 'number' ? v : null
    } else if (k.startsWith('resources.')) {
      const v = resources ? get(resources, k.slice(10)) : undefined
      out[k] = typeof v === 'number' ? v : null
    }
  }
  return out
}

/**
 * The 优质均衡 workbook: sheet 学校 (one row per school part in the statistics words, units in the
 * header, drop-downs, 非统计口径 notes, frozen header and name column), sheet 全县 (统计年度 and the county
 * figures as numerator / denominator columns) and 填表说明. Without `data`: the empty template with an
 * example row; with `data`: the stored figures (round trip with the importer).
 */
export async function balanceWorkbook(data?: {
  parts: Array<{
    statYear: number
    institution: Institution | null
    name: string
    figures: SchoolStageFigures
    resources: SchoolResources | null
  }>
  counties: BalanceCountyYear[]
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '教育督导工作台'
  const fields = TEMPLATE_FIELDS
  const ws = wb.addWorksheet('学校', { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] })
  ws.columns = fields.map((f) => ({ header: f.label, key: f.key, width: Math.max(10, Math.min(26, f.label.length * 2 + 2)) }))
  const head = ws.getRow(1)
  head.height = 54
  fields.forEach((f, i) => {
    const cell = head.getCell(i + 1)
    cell.font = { bold: true }
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: f.local ? 'FFFFF2CC' : f.required ? 'FFDDEBF7' : f.key.startsWith('resources.') ? 'FFE2EFDA' : 'FFF2F2F2' },
    }
    const note = comment(f)
    if (note) cell.note = note
  })
  const rows = data ? data.parts.map((p) => partCells(p.statYear, p.institution, p.name, p.figures, p.resources)) : [EXAMPLE]
  for (const r of rows) ws.addRow(fields.map((f) => r[f.key] ?? null))
  const last = Math.max(rows.length + 1, 1000)
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations
  fields.forEach((f, i) => {
    const letter = ws.getColumn(i + 1).letter
    const range = `${letter}2:${letter}${last}`
    const list = LISTS[f.key]
    if (list)
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: f.key !== 'urbanRural' && f.key !== 'institutionType',
        errorTitle: f.label,
        error: `请从下拉列表中选择：${list.join('、')}`,
      })
    else if (f.kind === 'count')
      validations.add(range, {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        error: '应为不小于 0 的整数',
      })
    else if (f.kind === 'area' || f.kind === 'money')
      validations.add(range, {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        error: '应为不小于 0 的数',
      })
  })

  const county = wb.addWorksheet('全县', { views: [{ state: 'frozen', ySplit: 1 }] })
  const countyFields = [{ key: 'statYear', label: '统计年度' }, ...COUNTY_FIGURES.flatMap((f) => [f.numerator, f.denominator])]
  county.columns = countyFields.map((f) => ({ header: f.label, key: f.key, width: Math.max(12, Math.min(30, f.label.length * 2)) }))
  county.getRow(1).font = { bold: true }
  county.getRow(1).alignment = { wrapText: true, vertical: 'middle' }
  county.getRow(1).height = 42
  COUNTY_FIGURES.forEach((f, i) => {
    county.getRow(1).getCell(2 + 2 * i).note = `${f.item}：分子${f.numerator.local ? '（非统计口径）' : ''}`
    county.getRow(1).getCell(3 + 2 * i).note = `${f.item}：分母`
  })
  for (const c of data?.counties ?? []) {
    const row: (number | null)[] = [c.statYear]
    for (const f of COUNTY_FIGURES) row.push(c[f.key]?.numerator ?? null, c[f.key]?.denominator ?? null)
    if (row.slice(1).some((v) => v !== null)) county.addRow(row)
  }

  const help = wb.addWorksheet('填表说明')
  ;[
    '义务教育优质均衡数据导入模板（教育督导工作台）',
    '1. 「学校」表每行一个学校学段：九年一贯制学校的小学部、初中部各占一行（与省级申报表相同），学段列填 小学 / 初中。',
    `2. 第 2 行为示例（名称以“${EXAMPLE_ROW_PREFIX}”开头），导入时自动跳过，可删除。`,
    '3. 必填：学校（机构）名称、在校生数；学段与办学类型至少填一项。其余各项可空：缺少数据的指标显示“无数据”，并列出缺数的学校。',
    '4. 在校生、班数、教师按本行学段填写；绿色表头为全校数据（校舍面积、运动场地、仪器设备、网络多媒体教室、专用教室），一贯制学校只需在一行填写，程序按在校生加权拆分（小学:初中:高中 = 1:1.1:1.32）。',
    '5. 黄色表头为非统计口径项目（本县自行收集）。面积单位为平方米（㎡），金额单位为元；若填万元，请在表头注明“（万元）”。',
    '6. 也可直接导入教育事业统计的县级导出表（每个学段一个文件，如 教基3112_小学、教基3115_初中）：一贯制学校在两个文件中各出现一次，导入后合并为一所学校。',
    '7. 「全县」表每年一行，填写政府保障程度、教育质量、社会认可度中可计算指标的分子、分母。',
  ].forEach((t) => help.addRow([t]))
  help.getColumn(1).width = 120
  return Buffer.from(await wb.xlsx.writeBuffer())
}
