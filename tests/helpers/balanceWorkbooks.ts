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
export async function fillBalanceTemplate(
  template: Buffer,
  year: number,
  parts: PartSpec[],
  county?: Record<string, number>,
): Promise<Buffer> {
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
  s.addRow([
    '学校（机构）标识码',
    '学校（机构）名称',
    '学校（机构）办学类型',
    '是否计校数',
    `${form}`,
    '专任教师',
    '',
    '',
    '',
    `县级以上骨干教师(${stage})`,
    '体育与健康',
    '艺术（音乐、美术）',
    '教学及辅助用房',
    '运动场地面积',
    '教学仪器设备资产值',
    '网络多媒体教室',
  ])
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

/**
 * A small invented county for screens and E2E: 10 小学, 4 初中 and one 九年一贯制 school (two parts),
 * spread so that some schools fail and one 差异系数 per 学段 is over its limit.
 */
export function sampleCounty(): PartSpec[] {
  const out: PartSpec[] = []
  const towns = ['习岗镇', '金贵镇', '立岗镇', '洪广镇', '常信乡']
  for (let i = 0; i < 10; i++) {
    const n = 180 + ((i * 137) % 900)
    const rural = i >= 6
    out.push({
      code: `21640011${String(i).padStart(2, '0')}`,
      name: `贺兰县${['第一', '第二', '第三', '第四', '第五', '第六', '金贵', '立岗', '洪广', '常信'][i]}小学`,
      type: '小学',
      township: towns[i % 5],
      students: n,
      classes: Math.ceil(n / 40),
      teachers: Math.ceil(n / 16),
      postgraduate: i % 3 === 0 ? 1 : 0,
      bachelor: Math.ceil(n / 26),
      associate: Math.ceil(n / 60),
      keyTeachers: rural ? Math.floor(n / 130) : Math.ceil(n / 80),
      pe: Math.ceil(n / 250),
      music: Math.ceil(n / 400),
      art: Math.ceil(n / 450),
      teachingArea: Math.round(n * (rural ? 4.1 : 5.6)),
      sportsGround: Math.round(n * (rural ? 6.8 : 9.5)),
      equipment: Math.round(n * (i === 8 ? 420 : rural ? 1500 : 2900)),
      multimedia: Math.ceil((n * (rural ? 2.0 : 2.8)) / 100),
    })
  }
  for (let i = 0; i < 4; i++) {
    const n = 400 + i * 210
    out.push({
      code: `21640012${String(i).padStart(2, '0')}`,
      name: `贺兰县${['第一', '第二', '第四', '回民'][i]}中学`,
      type: '初中',
      township: towns[i],
      students: n,
      classes: Math.ceil(n / 48),
      teachers: Math.ceil(n / 12),
      postgraduate: 2,
      bachelor: Math.ceil(n / 16),
      associate: Math.ceil(n / 80),
      keyTeachers: Math.ceil(n / 70),
      pe: Math.ceil(n / 200),
      music: Math.ceil(n / 500),
      art: Math.ceil(n / 500),
      teachingArea: Math.round(n * (i === 3 ? 4.6 : 6.4)),
      sportsGround: Math.round(n * (i === 3 ? 5.5 : 11.5)),
      equipment: Math.round(n * (i === 3 ? 900 : 3200)),
      multimedia: Math.ceil((n * 2.6) / 100),
    })
  }
  const nine = (stage: '小学' | '初中'): PartSpec => ({
    code: '2164001300',
    name: '贺兰县第三中学',
    type: '九年一贯制学校',
    stage,
    township: '立岗镇',
    students: stage === '小学' ? 166 : 210,
    classes: 6,
    teachers: stage === '小学' ? 12 : 18,
    bachelor: stage === '小学' ? 8 : 14,
    associate: 4,
    keyTeachers: 3,
    pe: 2,
    music: 1,
    art: 1,
    ...(stage === '小学' ? { teachingArea: 3970, sportsGround: 7940, equipment: 1_985_000, multimedia: 10 } : {}),
  })
  out.push(nine('小学'), nine('初中'))
  return out
}

/**
 * Shape C (SHEETS.md): a hand-made 申报表 — merged title, a two-row heading in older words (学校名称,
 * 学生数, 专任教师 → 本科毕业 / 专科毕业, 骨干教师, 体育 / 艺术, 校舍 → 教学及辅助用房 / 体育馆, 教学仪器设备值（万元）),
 * a 一贯制 school's parts as 「…（小学部）」/「…（初中部）」 rows with the whole-school figures on both rows,
 * and 全县平均值 / 标准差 / 差异系数 rows under the schools.
 */
export async function handMadeDeclaration(year: number, parts: PartSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const s = wb.addWorksheet('申报表')
  s.addRow([`${year}年县域义务教育优质均衡发展学校基本情况表`])
  s.mergeCells('A1:L1')
  s.addRow([
    '序号',
    '学校名称',
    '学生数',
    '专任教师',
    '',
    '',
    '骨干教师',
    '体育',
    '艺术',
    '校舍',
    '',
    '教学仪器设备值（万元）',
    '网络多媒体教室数',
    '运动场地',
  ])
  s.addRow(['', '', '', '合计', '本科毕业', '专科毕业', '', '', '', '教学及辅助用房', '体育馆', '', '', ''])
  for (const c of ['A', 'B', 'C', 'G', 'H', 'I', 'L', 'M', 'N']) s.mergeCells(`${c}2:${c}3`)
  s.mergeCells('D2:F2')
  s.mergeCells('J2:K2')
  parts.forEach((p, i) =>
    s.addRow([
      i + 1,
      p.stage ? `${p.name}（${p.stage}部）` : p.name,
      p.students,
      p.teachers ?? null,
      p.bachelor ?? null,
      p.associate ?? null,
      p.keyTeachers ?? null,
      p.pe ?? null,
      (p.music ?? 0) + (p.art ?? 0),
      p.teachingArea ?? null,
      p.indoorSports ?? null,
      p.equipment === undefined ? null : p.equipment / 10000,
      p.multimedia ?? null,
      p.sportsGround ?? null,
    ]),
  )
  s.addRow(['', '全县平均值', 300])
  s.addRow(['', '标准差', 12])
  s.addRow(['', '差异系数', 0.31])
  return Buffer.from(await wb.xlsx.writeBuffer())
}
