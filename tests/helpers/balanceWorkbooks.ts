import ExcelJS from 'exceljs'

/** One school part as the generators write it (invented values); resources are whole-school. */
export interface PartSpec {
  code?: string
  name: string
  /** 办学类型 name or code */
  type?: string
  stage?: '小学' | '初中' | '高中'
  township?: string
  students: number
  classes?: number
  teachers?: number
  postgraduate?: number
  bachelor?: number
  associate?: number
  keyTeachers?: number
  pe?: number
  music?: number
  art?: number
  teachingArea?: number
  indoorSports?: number
  sportsGround?: number
  /** 元 */
  equipment?: number
  multimedia?: number
}

const TEMPLATE_COLUMNS: Array<[string, keyof PartSpec]> = [
  ['学校标识码', 'code'],
  ['学校（机构）名称', 'name'],
  ['学校（机构）办学类型', 'type'],
  ['学段', 'stage'],
  ['乡镇（街道）', 'township'],
  ['在校生数：合计', 'students'],
  ['班数：合计', 'classes'],
  ['专任教师：合计', 'teachers'],
  ['专任教师：研究生', 'postgraduate'],
  ['专任教师：本科', 'bachelor'],
  ['专任教师：专科', 'associate'],
  ['县级及以上骨干教师', 'keyTeachers'],
  ['体育专任教师', 'pe'],
  ['音乐专任教师', 'music'],
  ['美术专任教师', 'art'],
  ['教学及辅助用房面积（㎡）', 'teachingArea'],
  ['室内体育用房面积（㎡）', 'indoorSports'],
  ['运动场地面积（㎡）', 'sportsGround'],
  ['教学仪器设备资产值（元）', 'equipment'],
  ['网络多媒体教室（间）', 'multimedia'],
]

/** Fills the app's own template (sheet 学校 by header; sheet 全县 with `county` cells by header) and returns the bytes. */
export async function fillBalanceTemplate(template: Buffer, year: number, parts: PartSpec[], county?: Record<string, number>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(template as unknown as ExcelJS.Buffer)
  const sheet = wb.getWorksheet('学校')!
  const col = new Map<string, number>()
  sheet.getRow(1).eachCell((c, i) => col.set(String(c.value), i))
  sheet.spliceRows(2, 1)
  parts.forEach((p, i) => {
    const row = sheet.getRow(i + 2)
    row.getCell(col.get('统计年度')!).value = year
    for (const [h, k] of TEMPLATE_COLUMNS) {
      const v = p[k]
      if (v !== undefined && v !== '') row.getCell(col.get(h)!).value = v
    }
  })
  if (county) {
    const s = wb.getWorksheet('全县')!
    const cc = new Map<string, number>()
    s.getRow(1).eachCell((c, i) => cc.set(String(c.value), i))
    const row = s.getRow(2)
    row.getCell(1).value = year
    for (const [h, v] of Object.entries(county)) row.getCell(cc.get(h)!).value = v
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * Shape B (SHEETS.md): a county export of ONE 学段 (sheet `教基3112_小学` or `教基3115_初中`), one row per
 * school: a title row with the year, a two-row header whose top row is the form number, 教基 words
 * (县级以上骨干教师(小学), 本科 / 专科 under 专任教师, 体育与健康), 教学仪器设备资产值 without a unit (万元 on
 * the forms), numbers as text, a 是否计校数 column with a campus row at 0, a 合计 row and notes.
 */
export async function countyStageExport(year: number, stage: '小学' | '初中', parts: PartSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const s = wb.addWorksheet(stage === '小学' ? '教基3112_小学' : '教基3115_初中')
  s.addRow([`贺兰县${stage}学校基本情况（${year}/${year + 1}学年初）`])
  s.mergeCells('A1:N1')
  const form = stage === '小学' ? '教基3112' : '教基3115'
  s.addRow(['学校（机构）标识码', '学校（机构）名称', '学校（机构）办学类型', '是否计校数', `${form}`, '专任教师', '', '', '', `县级以上骨干教师(${stage})`, '体育与健康', '艺术（音乐、美术）', '教学及辅助用房', '运动场地面积', '教学仪器设备资产值', '网络多媒体教室'])
  s.addRow(['', '', '', '', '在校生数', '合计', '研究生', '本科', '专科', '', '', '', '', '', '', ''])
  for (const c of ['A', 'B', 'C', 'D', 'J', 'K', 'L', 'M', 'N', 'O', 'P']) s.mergeCells(`${c}2:${c}3`)
  s.mergeCells('F2:I2')
  parts.forEach((p) =>
    s.addRow([
      p.code ?? '',
      p.name,
      p.type ?? '',
      '1',
      String(p.students),
      p.teachers === undefined ? '' : String(p.teachers),
      String(p.postgraduate ?? 0),
      String(p.bachelor ?? 0),
      String(p.associate ?? 0),
      p.keyTeachers === undefined ? '' : String(p.keyTeachers),
      p.pe === undefined ? '' : String(p.pe),
      p.music === undefined && p.art === undefined ? '' : String((p.music ?? 0) + (p.art ?? 0)),
      p.teachingArea === undefined ? '' : p.teachingArea.toLocaleString('en-US'),
      p.sportsGround === undefined ? '' : String(p.sportsGround),
      p.equipment === undefined ? '' : String(p.equipment / 10000),
      p.multimedia === undefined ? '' : String(p.multimedia),
    ]),
  )
  s.addRow(['', `${parts[0]?.name ?? '某校'}东校区`, '', '0', '120'])
  s.addRow(['', '合    计', '', '', String(parts.reduce((a, p) => a + p.students, 0))])
  s.addRow([''])
  s.addRow(['注：教学仪器设备资产值单位为万元。'])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * The published five-school example (县域义务教育校际均衡指标计算方法, RULES.md §1.2): students 45, 37,
 * 89, 76, 55 and books 279, 137, 935, 160, 402 — here as 教学仪器设备值 at 400 元 a book (a scaled value has
 * the same 差异系数: 0.515 → 0.52). Every other indicator is filled at the same level in each school.
 */
export function fiveSchoolExample(): PartSpec[] {
  const students = [45, 37, 89, 76, 55]
  const books = [279, 137, 935, 160, 402]
  return students.map((n, i) => ({
    code: `216400020${i}`,
    name: `示例小学${i + 1}`,
    type: '小学',
    township: '习岗镇',
    students: n,
    classes: 2,
    teachers: 10,
    postgraduate: 0,
    bachelor: 8,
    associate: 2,
    keyTeachers: 2,
    pe: 1,
    music: 1,
    art: 1,
    teachingArea: n * 6,
    sportsGround: n * 10,
    equipment: books[i] * 400,
    multimedia: 3,
  }))
}
