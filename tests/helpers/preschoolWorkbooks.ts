import ExcelJS from 'exceljs'

/** One kindergarten as the generators write it (invented values). */
export interface KgSpec {
  code?: string
  name: string
  sponsor: string
  subsidised?: '是' | '否' | ''
  township?: string
  urbanRural?: string
  small: number
  middle: number
  large: number
  teachers?: number
  staff?: number
  classes?: number
  building?: number
}

/**
 * The county of the 2024 work plan (shared/reference/002): 60 kindergartens, 39 公办 with 9169
 * children, 21 民办 of which 12 普惠 with 2133 children, 13619 children in all.
 */
export function workPlanKindergartens(): KgSpec[] {
  const spread = (total: number, n: number) => Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0))
  const towns = ['习岗镇', '金贵镇', '立岗镇', '洪广镇', '常信乡']
  const kg = (name: string, sponsor: string, subsidised: KgSpec['subsidised'], children: number, i: number): KgSpec => {
    const small = Math.floor(children / 3)
    const middle = Math.floor(children / 3)
    return {
      code: `21640${String(10000 + i).slice(1)}1`,
      name,
      sponsor,
      subsidised,
      township: towns[i % 5],
      urbanRural: i % 3 === 0 ? '121' : '220',
      small,
      middle,
      large: children - small - middle,
      teachers: Math.ceil(children / 14),
      staff: Math.ceil(children / 6),
      classes: Math.ceil(children / 30),
      building: children * 11,
    }
  }
  const out: KgSpec[] = []
  const publicSizes = spread(9169, 39)
  publicSizes[0] += 150 // 贺兰县第1幼儿园 over the 360-child limit (a flagged kindergarten)…
  publicSizes[1] -= 150 // … the county total unchanged
  publicSizes.forEach((c, i) => out.push(kg(`贺兰县第${i + 1}幼儿园`, i % 4 === 0 ? '集体' : '教育部门', '', c, i)))
  spread(2133, 12).forEach((c, i) => out.push(kg(`贺兰县阳光${i + 1}幼儿园`, '民办', '是', c, 39 + i)))
  spread(13619 - 9169 - 2133, 9).forEach((c, i) => out.push(kg(`贺兰县小天使${i + 1}幼儿园`, '民办', '否', c, 51 + i)))
  return out
}

/** Fills the app's own template (sheet 幼儿园 by header, sheet 全县) and returns the workbook bytes. */
export async function fillTemplate(template: Buffer, year: number, kgs: KgSpec[], population?: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(template as unknown as ExcelJS.Buffer)
  const sheet = wb.getWorksheet('幼儿园')!
  const col = new Map<string, number>()
  sheet.getRow(1).eachCell((c, i) => col.set(String(c.value), i))
  sheet.spliceRows(2, 1) // the example row
  kgs.forEach((k, i) => {
    const row = sheet.getRow(i + 2)
    const set = (h: string, v: string | number | undefined) => {
      if (v !== undefined && v !== '') row.getCell(col.get(h)!).value = v
    }
    set('统计年度', year)
    set('学校标识码', k.code)
    set('学校（机构）名称', k.name)
    set('学校（机构）办学类型', '幼儿园')
    set('学校（机构）举办者', k.sponsor)
    set('是否普惠性民办幼儿园', k.subsidised)
    set('乡镇（街道）', k.township)
    set('学校（机构）所在地城乡类型', k.urbanRural)
    set('班数：合计', k.classes)
    set('在园（班）人数：合计', k.small + k.middle + k.large)
    set('在园（班）人数：小班', k.small)
    set('在园（班）人数：中班', k.middle)
    set('在园（班）人数：大班', k.large)
    set('教职工数：合计', k.staff)
    set('教职工数：专任教师', k.teachers)
    set('校舍建筑面积（㎡）', k.building)
  })
  if (population !== undefined) wb.getWorksheet('全县')!.addRow([year, null, population])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * Shape B (SHEETS.md): a county export in 教基 words, one row per kindergarten — hidden helper
 * column A (row numbers) and hidden row 1 (column letters) (habit 11), a title row with the year and
 * the unit (1), a three-row header with merged cells, leaves merged down (2), a numbering row (3),
 * numbers stored as text with thousand separators and full-width digits (4), `-` for none and `*` (5),
 * a 合计 row among the schools (7), notes under the data (8), label noise: spaces, line breaks,
 * `_x000D_`, full-width brackets (9), 校舍建筑面积 in 万平方米 (10), a second sheet (12), a header
 * variant 及以上 / 园所名称 (13), a cell coloured red (14).
 */
export async function countyExportWorkbook(year: number, kgs: KgSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const other = wb.addWorksheet('封面')
  other.addRow(['教育事业统计 基层表 封面'])
  const s = wb.addWorksheet('教基3101')
  // hidden row 1: column letters
  s.addRow(['', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M'])
  s.getRow(1).hidden = true
  s.addRow(['', `贺兰县幼儿园基本情况（${year}/${year + 1}学年初）  单位：人`])
  s.mergeCells('B2:M2')
  s.addRow([
    '',
    '学校（机构）\n标识码',
    '园  所  名  称',
    '学校（机构）举办者',
    '是否普惠性\n民办幼儿园',
    '所在乡镇',
    '城乡分类代码',
    '在园（班）人数',
    '',
    '',
    '',
    '教职工数',
    '',
    '校舍建筑面积（万平方米）',
  ])
  s.addRow(['', '', '', '', '', '', '', '合计', '其中：', '', '', '合计', '专任教师', ''])
  s.addRow(['', '', '', '', '', '', '', '', '小班', '中班', '大班', '', '', ''])
  for (const [a, b] of [
    ['B3', 'B5'],
    ['C3', 'C5'],
    ['D3', 'D5'],
    ['E3', 'E5'],
    ['F3', 'F5'],
    ['G3', 'G5'],
    ['H3', 'K3'],
    ['H4', 'H5'],
    ['I4', 'K4'],
    ['L3', 'M3'],
    ['L4', 'L5'],
    ['M4', 'M5'],
    ['N3', 'N5'],
  ] as const)
    s.mergeCells(`${a}:${b}`)
  s.getCell('H4').value = '合计'
  s.getCell('I5').value = '小班'
  s.addRow(['', '甲', '乙', '丙', '丁', '戊', '己', '1', '2', '3', '4', '5', '6', '7'])
  const fullWidth = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
  const thousands = (n: number) => n.toLocaleString('en-US')
  kgs.forEach((k, i) => {
    const total = k.small + k.middle + k.large
    s.addRow([
      String(i + 1),
      k.code ?? '',
      k.name,
      k.sponsor,
      k.subsidised === '是' ? '1' : k.subsidised === '否' ? '0' : '',
      k.township ?? '',
      k.urbanRural ?? '',
      thousands(total),
      i % 2 ? fullWidth(k.small) : String(k.small),
      String(k.middle),
      String(k.large),
      k.staff === undefined ? '*' : String(k.staff),
      k.teachers === undefined ? '-' : String(k.teachers),
      k.building === undefined ? '' : String(k.building / 10000),
    ])
  })
  const sumRow = s.addRow(['', '', '合    计', '', '', '', '', String(kgs.reduce((a, k) => a + k.small + k.middle + k.large, 0))])
  sumRow.getCell(8).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } }
  s.addRow([''])
  s.addRow(['', '注：1. 本表由各园填报，县教育局汇总。'])
  s.addRow(['', '2. 在园人数不含离园幼儿。'])
  s.getColumn(1).hidden = true
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * Shape C (SHEETS.md): a hand-made collection sheet — a merged title, a two-row heading in the older
 * words (幼儿园名称, 办别 公办/民办, 普惠性 是/空, 在园幼儿 → 小计/小班/中班/大班), 平均值 and 全县合计 rows.
 */
export async function handMadeWorkbook(year: number, kgs: KgSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const s = wb.addWorksheet('Sheet1')
  s.addRow([`${year}年全县幼儿园情况统计表`])
  s.mergeCells('A1:I1')
  s.addRow(['序号', '幼儿园名称', '办别', '普惠性', '乡镇', '在园幼儿', '', '', '', '专任教师数'])
  s.addRow(['', '', '', '', '', '在园幼儿数', '小班人数', '中班人数', '大班人数', ''])
  for (const c of ['A', 'B', 'C', 'D', 'E', 'J']) s.mergeCells(`${c}2:${c}3`)
  s.mergeCells('F2:I2')
  kgs.forEach((k, i) =>
    s.addRow([
      i + 1,
      k.name,
      k.sponsor === '民办' ? '民办' : '公办',
      k.sponsor === '民办' ? (k.subsidised === '是' ? '是' : '否') : '',
      k.township ?? '',
      k.small + k.middle + k.large,
      k.small,
      k.middle,
      k.large,
      k.teachers ?? null,
    ]),
  )
  s.addRow(['', '平均值', '', '', '', Math.round(kgs.reduce((a, k) => a + k.small + k.middle + k.large, 0) / kgs.length)])
  s.addRow(['', '全县合计', '', '', '', kgs.reduce((a, k) => a + k.small + k.middle + k.large, 0)])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * Shape A (SHEETS.md): one kindergarten's own statistics workbook — 基础基111 as a vertical list
 * (label | value), 基础基311 with rows as indicators (总计 / 其中：女) under a title, a two-row merged
 * heading and a numbering row, 基础基321 (教职工 by post, 总计 row), 基础基511 (校舍 rows
 * 一、教学及辅助用房 / 活动室 / 睡眠室 in ㎡), hidden helper column A and hidden row 1.
 */
export async function ownStatisticsWorkbook(year: number, k: KgSpec, opts: { badSmall?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const id = wb.addWorksheet('基础基111')
  id.addRow(['学校（机构）基本情况'])
  id.addRow(['项目', '内容'])
  id.addRow(['学校（机构）标识码', k.code ?? ''])
  id.addRow(['学校（机构）名称', k.name])
  id.addRow(['学校（机构）办学类型', '111'])
  id.addRow(['学校（机构）举办者', k.sponsor])
  id.addRow(['是否普惠性民办幼儿园', k.subsidised ?? ''])
  id.addRow(['学校（机构）所在地城乡类型', k.urbanRural ?? ''])
  id.addRow(['乡镇（街道）', k.township ?? ''])

  const c = wb.addWorksheet('基础基311')
  c.addRow(['', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'])
  c.getRow(1).hidden = true
  c.addRow(['', `基础基311 幼儿园班数、幼儿数（${year}/${year + 1}学年初）`])
  c.addRow(['', '', '班数', '', '', '', '在园（班）人数', '', '', '', ''])
  c.addRow(['', '', '合计', '小班', '中班', '大班', '合计', '托班', '小班', '中班', '大班'])
  c.mergeCells('C3:F3')
  c.mergeCells('G3:K3')
  c.addRow(['', '甲', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
  const total = k.small + k.middle + k.large
  const classes = k.classes ?? 3
  c.addRow([
    '1',
    '总计',
    String(classes),
    '1',
    '1',
    String(classes - 2),
    String(total),
    '0',
    opts.badSmall ?? String(k.small),
    String(k.middle),
    String(k.large),
  ])
  c.addRow(['2', '其中：女', '', '', '', '', String(Math.floor(total / 2)), '0', '1', '1', '1'])
  c.getColumn(1).hidden = true

  const s = wb.addWorksheet('基础基321')
  s.addRow([`基础基321 幼儿园教职工情况（${year}/${year + 1}学年初） 单位：人`])
  s.addRow(['', '教职工数', '', '', '', '', ''])
  s.addRow(['', '合计', '园长', '专任教师', '保育员', '卫生保健人员', '其他'])
  s.mergeCells('B2:G2')
  const teachers = k.teachers ?? 0
  const staff = k.staff ?? teachers
  s.addRow(['总  计', staff, 1, teachers, Math.max(0, staff - teachers - 2), 1, 0])
  s.addRow(['其中：女', staff - 1, 1, teachers, 0, 0, 0])

  const b = wb.addWorksheet('基础基511')
  b.addRow(['基础基511 校舍情况（单位：平方米）'])
  b.addRow(['', '校舍建筑面积', '', ''])
  b.addRow(['', '合计', '其中：危房', '当年新增'])
  b.mergeCells('B2:D2')
  const building = k.building ?? 1000
  b.addRow(['总计', building, 0, 0])
  b.addRow(['一、教学及辅助用房', Math.round(building * 0.7), 0, 0])
  b.addRow(['  其中：活动室', Math.round(building * 0.4), 0, 0])
  b.addRow(['        睡眠室', Math.round(building * 0.2), 0, 0])
  b.addRow(['二、行政办公用房', Math.round(building * 0.1), 0, 0])
  return Buffer.from(await wb.xlsx.writeBuffer())
}
