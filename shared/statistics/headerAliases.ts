/**
 * The header alias table, as data: which column of a sheet holds which field, found by header TEXT
 * (never by cell address), accepting the 2020 基础基 words, the 教基 words and the words of hand-made
 * sheets (STATISTICS.md, SHEETS.md "Field names seen"). A two-level heading is written `group：sub`
 * (在园（班）人数：合计); matching is done on normalised text (normalizeHeader) and on the header
 * path with leading levels dropped (a form-number or title row above the heading is ignored).
 *
 * Pure data + pure functions: the importer (not part of this module) reads the cells.
 */

export type FieldKind = 'text' | 'count' | 'area' | 'money' | 'flag' | 'code' | 'number'

export interface HeaderField {
  /** the path in the domain record, e.g. enrolledChildren.total, staff.teachers, resources.equipmentValue */
  key: string
  /** the header the app's template writes (statistics words, `group：sub`, unit in the header) */
  label: string
  /** other headers seen for the field (without units); matched after normalizeHeader */
  aliases: readonly string[]
  kind: FieldKind
  /** unit of the stored value: 人, 班, ㎡, 元, 间 */
  unit?: string
  /** unit assumed when the header states none (教学仪器设备资产值 is in 万元 on the statistics forms) */
  defaultUnit?: string
  /** form number hint for the template's header comment */
  form?: string
  /** not on the statistics forms (非统计口径): marked so in the template */
  local?: boolean
  required?: boolean
  /** several columns that add up into this field (e.g. 博士研究生 + 硕士研究生 → postgraduate) */
  sumsInto?: string
}

/** Kindergarten sheet (幼儿园), one row per kindergarten; keys are KindergartenYear paths. */
export const KINDERGARTEN_FIELDS: readonly HeaderField[] = [
  { key: 'id', label: '学校标识码', aliases: ['学校（机构）标识码', '学校代码', '标识码', '机构代码'], kind: 'text' },
  {
    key: 'name',
    label: '学校（机构）名称',
    aliases: ['学校名称', '幼儿园名称', '单位名称', '园所名称', '幼儿园'],
    kind: 'text',
    required: true,
  },
  { key: 'institutionType', label: '学校（机构）办学类型', aliases: ['办学类型', '学校类型', '办学类型代码'], kind: 'code' },
  {
    key: 'sponsor',
    label: '学校（机构）举办者',
    aliases: ['举办者', '办园性质', '办学性质', '办别', '举办者类型'],
    kind: 'code',
    required: true,
  },
  { key: 'subsidised', label: '是否普惠性民办幼儿园', aliases: ['普惠性', '是否普惠', '普惠性民办园', '是否普惠性幼儿园'], kind: 'flag' },
  {
    key: 'townshipCentre',
    label: '是否乡镇中心幼儿园',
    aliases: ['乡镇中心园', '是否乡镇中心园', '乡镇中心幼儿园'],
    kind: 'flag',
    form: '基础基311',
  },
  {
    key: 'urbanRural',
    label: '学校（机构）所在地城乡类型',
    aliases: ['城乡类型', '城乡分类代码', '城乡分类', '所在地城乡类型'],
    kind: 'code',
  },
  { key: 'township', label: '乡镇（街道）', aliases: ['乡镇', '所在乡镇', '乡镇街道', '所属乡镇', '乡镇/街道'], kind: 'text' },
  {
    key: 'schedule',
    label: '办园形式（全日制/半日制）',
    aliases: ['办园形式', '全日制/半日制', '全日制或半日制'],
    kind: 'code',
    local: true,
  },
  {
    key: 'classes.total',
    label: '班数：合计',
    aliases: ['班数', '班级数', '班数合计'],
    kind: 'count',
    unit: '班',
    form: '基础基311 / 教基3101',
  },
  { key: 'classes.nursery', label: '班数：托班', aliases: ['托班班数'], kind: 'count', unit: '班' },
  { key: 'classes.small', label: '班数：小班', aliases: ['小班班数'], kind: 'count', unit: '班' },
  { key: 'classes.middle', label: '班数：中班', aliases: ['中班班数'], kind: 'count', unit: '班' },
  { key: 'classes.large', label: '班数：大班', aliases: ['大班班数'], kind: 'count', unit: '班' },
  {
    key: 'classes.mixed',
    label: '班数：混合班',
    aliases: ['混龄班', '混合班', '混龄班班数', '混合班班数', '班数：混龄班'],
    kind: 'count',
    unit: '班',
    local: true,
  },
  {
    key: 'enrolledChildren.total',
    label: '在园（班）人数：合计',
    aliases: ['在园幼儿数', '在园人数', '在园幼儿', '在园幼儿：合计', '在园（班）人数', '在园幼儿总数'],
    kind: 'count',
    unit: '人',
    form: '基础基311 / 教基3101',
    required: true,
  },
  {
    key: 'enrolledChildren.nursery',
    label: '在园（班）人数：托班',
    aliases: ['在园幼儿：托班', '托班幼儿数', '托班人数'],
    kind: 'count',
    unit: '人',
  },
  {
    key: 'enrolledChildren.small',
    label: '在园（班）人数：小班',
    aliases: ['在园幼儿：小班', '小班幼儿数', '小班人数'],
    kind: 'count',
    unit: '人',
  },
  {
    key: 'enrolledChildren.middle',
    label: '在园（班）人数：中班',
    aliases: ['在园幼儿：中班', '中班幼儿数', '中班人数'],
    kind: 'count',
    unit: '人',
  },
  {
    key: 'enrolledChildren.large',
    label: '在园（班）人数：大班',
    aliases: ['在园幼儿：大班', '大班幼儿数', '大班人数'],
    kind: 'count',
    unit: '人',
  },
  {
    key: 'enrolledChildren.mixed',
    label: '在园（班）人数：混合班',
    aliases: ['混合班幼儿数', '混龄班幼儿数', '混龄班人数'],
    kind: 'count',
    unit: '人',
    local: true,
  },
  { key: 'classesOverLimit', label: '超班额班数', aliases: ['超标班额班数', '超额班数'], kind: 'count', unit: '班', local: true },
  {
    key: 'staff.total',
    label: '教职工数：合计',
    aliases: ['教职工数', '教职工总数', '教职工'],
    kind: 'count',
    unit: '人',
    form: '基础基321 / 教基4149',
  },
  { key: 'staff.principals', label: '教职工数：园长', aliases: ['园长', '园长数'], kind: 'count', unit: '人' },
  { key: 'staff.teachers', label: '教职工数：专任教师', aliases: ['专任教师', '专任教师数'], kind: 'count', unit: '人' },
  { key: 'staff.caregivers', label: '教职工数：保育员', aliases: ['保育员', '保育员数'], kind: 'count', unit: '人' },
  { key: 'staff.health', label: '教职工数：卫生保健人员', aliases: ['卫生保健人员'], kind: 'count', unit: '人' },
  { key: 'staff.other', label: '教职工数：其他', aliases: ['其他人员'], kind: 'count', unit: '人' },
  { key: 'staff.administrative', label: '教职工数：行政人员', aliases: ['行政人员'], kind: 'count', unit: '人', sumsInto: 'staff.other' },
  { key: 'staff.auxiliary', label: '教职工数：教辅人员', aliases: ['教辅人员'], kind: 'count', unit: '人', sumsInto: 'staff.other' },
  { key: 'staff.workers', label: '教职工数：工勤人员', aliases: ['工勤人员'], kind: 'count', unit: '人', sumsInto: 'staff.other' },
  {
    key: 'certifiedPrincipals',
    label: '持证园长数',
    aliases: ['园长持证人数', '持有资格证的园长数'],
    kind: 'count',
    unit: '人',
    local: true,
  },
  {
    key: 'certifiedTeachers',
    label: '持证专任教师数',
    aliases: ['专任教师持证人数', '持有幼儿园教师资格证的专任教师数', '持证教师数'],
    kind: 'count',
    unit: '人',
    local: true,
  },
  {
    key: 'areas.building',
    label: '校舍建筑面积（㎡）',
    aliases: ['校舍建筑面积', '校舍建筑面积：合计', '校舍总建筑面积', '建筑面积'],
    kind: 'area',
    unit: '㎡',
    form: '基础基511',
  },
  {
    key: 'areas.teachingRooms',
    label: '教学及辅助用房（㎡）',
    aliases: ['教学及辅助用房', '教学及辅助用房面积', '校舍建筑面积：教学及辅助用房'],
    kind: 'area',
    unit: '㎡',
  },
  {
    key: 'areas.activityRooms',
    label: '活动室（㎡）',
    aliases: ['活动室', '活动室面积', '教学及辅助用房：活动室'],
    kind: 'area',
    unit: '㎡',
  },
  { key: 'areas.sleepingRooms', label: '睡眠室（㎡）', aliases: ['睡眠室', '午睡室', '寝室', '睡眠室面积'], kind: 'area', unit: '㎡' },
  {
    key: 'areas.sportsGround',
    label: '运动场地面积（㎡）',
    aliases: ['运动场地面积', '占地面积：运动场地面积', '运动场地'],
    kind: 'area',
    unit: '㎡',
    form: '基础基521',
  },
  {
    key: 'areas.outdoorPlay',
    label: '户外活动场地面积（㎡）',
    aliases: ['户外活动场地面积', '户外活动场地', '户外场地面积'],
    kind: 'area',
    unit: '㎡',
    local: true,
  },
]

/** County sheet (全县) fields for the preschool year. */
export const PRESCHOOL_COUNTY_FIELDS: readonly HeaderField[] = [
  {
    key: 'agePopulation',
    label: '3–5周岁常住人口',
    aliases: [
      '3-5周岁常住人口',
      '3~5周岁常住人口',
      '3至5周岁常住人口',
      '三至五周岁常住人口',
      '学前三年适龄人口',
      '3-5岁常住人口',
      '3–5周岁常住适龄人口',
    ],
    kind: 'count',
    unit: '人',
  },
  { key: 'township', label: '乡镇（街道）', aliases: ['乡镇', '乡镇街道', '所属乡镇'], kind: 'text' },
]

/** School sheets (one row per school part), keys as BalanceSchoolYear paths (stage figures under stage.*). */
export const SCHOOL_FIELDS: readonly HeaderField[] = [
  { key: 'id', label: '学校标识码', aliases: ['学校（机构）标识码', '学校代码', '标识码'], kind: 'text' },
  { key: 'name', label: '学校（机构）名称', aliases: ['学校名称', '单位名称', '学校'], kind: 'text', required: true },
  { key: 'institutionType', label: '学校（机构）办学类型', aliases: ['办学类型', '学校类型'], kind: 'code' },
  { key: 'stage', label: '学段', aliases: ['学部', '学段（小学/初中）'], kind: 'code' },
  { key: 'urbanRural', label: '学校（机构）所在地城乡类型', aliases: ['城乡类型', '城乡分类代码', '城乡分类'], kind: 'code' },
  { key: 'township', label: '乡镇（街道）', aliases: ['乡镇', '所在乡镇', '乡镇街道'], kind: 'text' },
  { key: 'special', label: '是否特殊教育学校', aliases: ['特殊教育学校'], kind: 'flag' },
  { key: 'boarding', label: '是否寄宿制学校', aliases: ['寄宿制学校', '是否寄宿制'], kind: 'flag' },
  {
    key: 'stage.students',
    label: '在校生数：合计',
    aliases: ['在校生数', '在校学生数', '学生数', '在校生'],
    kind: 'count',
    unit: '人',
    form: '基础基312 / 基础基313 / 教基3112 / 教基3115',
    required: true,
  },
  { key: 'stage.classes', label: '班数：合计', aliases: ['班数', '教学班数', '班级数'], kind: 'count', unit: '班' },
  {
    key: 'stage.classesOverLimit',
    label: '超过规定班额的班数',
    // not 大班额班数: 大班额 means 56–65 students, not over 45 / 50
    aliases: ['超班额班数', '超标准班额班数'],
    kind: 'count',
    unit: '班',
    local: true,
  },
  {
    key: 'stage.classesOver45',
    label: '超过45人的班数',
    aliases: ['超45人班数', '45人以上班数', '46人及以上班数', '班额超过45人的班数', '班额45人以上班数'],
    kind: 'count',
    unit: '班',
    local: true,
  },
  {
    key: 'stage.classesOver50',
    label: '超过50人的班数',
    aliases: ['超50人班数', '50人以上班数', '51人及以上班数', '班额超过50人的班数', '班额50人以上班数'],
    kind: 'count',
    unit: '班',
    local: true,
  },
  {
    key: 'stage.largestClass',
    label: '最大班额',
    aliases: ['最大班额（人）', '最大班级人数', '最大班额人数', '最大班人数'],
    kind: 'count',
    unit: '人',
    local: true,
  },
  { key: 'stage.classBands.upTo25', label: '班额：25人及以下', aliases: ['25人及以下', '25人以下'], kind: 'count', unit: '班' },
  { key: 'stage.classBands.b26to30', label: '班额：26-30人', aliases: ['26-30人', '26～30人'], kind: 'count', unit: '班' },
  { key: 'stage.classBands.b31to35', label: '班额：31-35人', aliases: ['31-35人'], kind: 'count', unit: '班' },
  { key: 'stage.classBands.b36to40', label: '班额：36-40人', aliases: ['36-40人'], kind: 'count', unit: '班' },
  { key: 'stage.classBands.b41to45', label: '班额：41-45人', aliases: ['41-45人'], kind: 'count', unit: '班' },
  { key: 'stage.classBands.b46to50', label: '班额：46-50人', aliases: ['46-50人'], kind: 'count', unit: '班' },
  { key: 'stage.classBands.b51to55', label: '班额：51-55人', aliases: ['51-55人'], kind: 'count', unit: '班' },
  { key: 'stage.classBands.b56to60', label: '班额：56-60人', aliases: ['56-60人'], kind: 'count', unit: '班' },
  { key: 'stage.classBands.b61to65', label: '班额：61-65人', aliases: ['61-65人'], kind: 'count', unit: '班' },
  { key: 'stage.classBands.from66', label: '班额：66人及以上', aliases: ['66人及以上', '66人以上'], kind: 'count', unit: '班' },
  { key: 'stage.teachers', label: '专任教师：合计', aliases: ['专任教师', '专任教师数'], kind: 'count', unit: '人', form: '教基4155' },
  {
    key: 'stage.teachersByEducation.postgraduate',
    label: '专任教师：研究生',
    aliases: ['研究生毕业', '研究生'],
    kind: 'count',
    unit: '人',
  },
  {
    key: 'stage.teachersByEducation.doctoral',
    label: '专任教师：博士研究生',
    aliases: ['博士研究生', '博士'],
    kind: 'count',
    unit: '人',
    sumsInto: 'stage.teachersByEducation.postgraduate',
  },
  {
    key: 'stage.teachersByEducation.master',
    label: '专任教师：硕士研究生',
    aliases: ['硕士研究生', '硕士'],
    kind: 'count',
    unit: '人',
    sumsInto: 'stage.teachersByEducation.postgraduate',
  },
  { key: 'stage.teachersByEducation.bachelor', label: '专任教师：本科', aliases: ['本科毕业', '本科'], kind: 'count', unit: '人' },
  { key: 'stage.teachersByEducation.associate', label: '专任教师：专科', aliases: ['专科毕业', '专科'], kind: 'count', unit: '人' },
  {
    key: 'stage.teachersByEducation.highSchool',
    label: '专任教师：高中阶段',
    aliases: ['高中阶段毕业', '高中阶段'],
    kind: 'count',
    unit: '人',
  },
  {
    key: 'stage.teachersByEducation.belowHighSchool',
    label: '专任教师：高中阶段以下',
    aliases: ['高中阶段毕业以下', '高中阶段以下'],
    kind: 'count',
    unit: '人',
  },
  {
    key: 'stage.keyTeachers',
    label: '县级及以上骨干教师',
    aliases: [
      '县级以上骨干教师',
      '县级及以上骨干教师（小学）',
      '县级及以上骨干教师（初中）',
      '县级以上骨干教师（小学）',
      '县级以上骨干教师（初中）',
      '骨干教师',
    ],
    kind: 'count',
    unit: '人',
    form: '基础基411 / 教基1102',
  },
  { key: 'stage.peTeachers', label: '体育专任教师', aliases: ['体育与健康', '体育', '体育教师'], kind: 'count', unit: '人' },
  { key: 'stage.musicTeachers', label: '音乐专任教师', aliases: ['音乐', '音乐教师'], kind: 'count', unit: '人' },
  { key: 'stage.artTeachers', label: '美术专任教师', aliases: ['美术', '美术教师'], kind: 'count', unit: '人' },
  {
    key: 'stage.artsTeachers',
    label: '艺术（音乐、美术）专任教师',
    aliases: ['艺术（音乐、美术）', '艺术', '艺术教师'],
    kind: 'count',
    unit: '人',
  },
  {
    key: 'stage.certifiedTeachers',
    label: '持有教师资格证的专任教师数',
    aliases: ['持证专任教师数', '持证教师数'],
    kind: 'count',
    unit: '人',
    local: true,
  },
  {
    key: 'stage.trainedTeachers',
    label: '近5年培训满360学时专任教师数',
    aliases: ['5年360学时培训完成人数', '培训满360学时教师数'],
    kind: 'count',
    unit: '人',
    local: true,
  },
  {
    key: 'resources.teachingArea',
    label: '教学及辅助用房面积（㎡）',
    aliases: ['教学及辅助用房', '教学及辅助用房面积', '教学及辅助用房（计）'],
    kind: 'area',
    unit: '㎡',
    form: '基础基511 / 教基5176',
  },
  {
    key: 'resources.indoorSportsArea',
    label: '室内体育用房面积（㎡）',
    aliases: ['室内体育用房', '体育馆', '室内体育用房面积', '体育馆面积', '教学及辅助用房：室内体育用房'],
    kind: 'area',
    unit: '㎡',
  },
  {
    key: 'resources.sportsGroundArea',
    label: '运动场地面积（㎡）',
    aliases: ['运动场地面积', '运动场地', '体育运动场地面积'],
    kind: 'area',
    unit: '㎡',
    form: '基础基521',
  },
  {
    key: 'resources.equipmentValue',
    label: '教学仪器设备资产值（元）',
    aliases: ['教学仪器设备资产值', '教学仪器设备值', '教学仪器设备总值', '仪器设备值'],
    kind: 'money',
    unit: '元',
    defaultUnit: '万元',
    form: '基础基522',
  },
  {
    key: 'resources.multimediaRooms',
    label: '网络多媒体教室（间）',
    aliases: ['网络多媒体教室', '网络多媒体教室数', '多媒体教室'],
    kind: 'count',
    unit: '间',
  },
  {
    key: 'resources.musicRooms',
    label: '音乐专用教室（间）',
    aliases: ['音乐专用教室', '音乐教室', '音乐专用教室数'],
    kind: 'count',
    unit: '间',
    local: true,
  },
  { key: 'resources.musicRoomArea', label: '音乐专用教室面积（㎡）', aliases: ['音乐教室面积'], kind: 'area', unit: '㎡', local: true },
  {
    key: 'resources.artRooms',
    label: '美术专用教室（间）',
    aliases: ['美术专用教室', '美术教室', '美术专用教室数'],
    kind: 'count',
    unit: '间',
    local: true,
  },
  { key: 'resources.artRoomArea', label: '美术专用教室面积（㎡）', aliases: ['美术教室面积'], kind: 'area', unit: '㎡', local: true },
]

/** Row labels of total and statistic rows found among school rows: skipped, and the user told (SHEETS.md habit 7). */
export const SUMMARY_ROW_LABELS: readonly string[] = [
  '合计',
  '总计',
  '小计',
  '全县',
  '全县合计',
  '全县平均值',
  '平均值',
  '平均',
  '标准差',
  '差异系数',
  '全区',
  '全市',
]

/** Labels that start the notes under the data: stop reading there (habit 8). */
export const NOTE_MARKERS: readonly string[] = ['注：', '注:', '说明', '填表说明', '备注']

/** Units a header may state and the factor to the stored unit (habit 10); other units are refused. */
export const UNIT_FACTORS: Readonly<Record<string, { unit: string; factor: number }>> = {
  元: { unit: '元', factor: 1 },
  万元: { unit: '元', factor: 10000 },
  千元: { unit: '元', factor: 1000 },
  '㎡': { unit: '㎡', factor: 1 },
  m2: { unit: '㎡', factor: 1 },
  平方米: { unit: '㎡', factor: 1 },
  万平方米: { unit: '㎡', factor: 10000 },
  人: { unit: '人', factor: 1 },
  个: { unit: '个', factor: 1 },
  班: { unit: '班', factor: 1 },
  间: { unit: '间', factor: 1 },
  所: { unit: '所', factor: 1 },
}

/**
 * Normalised header text for comparison (SHEETS.md habit 9): NFKC (full-width brackets, colons and
 * digits become ASCII, ㎡ becomes m2), `_x000D_` and all whitespace removed, '及以上' read as '以上',
 * a leading '#' or '其中' / '其中:' dropped from each level, '—' / '～' / '~' read as '-'.
 * Levels stay separated by ':'.
 */
export function normalizeHeader(text: string): string {
  return text
    .replace(/_x000D_/gi, '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[–—～~]/g, '-')
    .replace(/及以上/g, '以上')
    .replace(/^#+/, '')
    .replace(/^其中:?/, '')
    .replace(/:(?:#+|其中:?)/g, ':')
    .split(/:(?![^()]*\))/)
    .filter((level) => level.length > 0)
    .join(':')
}

const UNIT_RE = /\(([^()]*)\)$/

/**
 * Splits a normalised header level into its words and the unit in brackets at its end:
 * '教学仪器设备资产值(万元)' → { text: '教学仪器设备资产值', unit: '万元', factor: 10000 }. A bracket that is
 * not a unit (在园(班)人数, 县级以上骨干教师(小学)) stays in the text. `unknownUnit` is set when the
 * bracket looks like a unit (单位 / 计量 words) but is not one the app converts.
 */
export function splitUnit(level: string): { text: string; unit: string | null; factor: number; unknownUnit?: string } {
  const m = UNIT_RE.exec(level)
  if (m) {
    const raw = m[1].replace(/^单位:?/, '')
    const known = UNIT_FACTORS[raw] ?? UNIT_FACTORS[raw.toLowerCase()]
    if (known) return { text: level.slice(0, m.index), unit: raw, factor: known.factor }
    if (/^(单位|计量)/.test(m[1])) return { text: level.slice(0, m.index), unit: null, factor: 1, unknownUnit: raw }
  }
  return { text: level, unit: null, factor: 1 }
}

export interface HeaderMatch {
  field: HeaderField
  /** multiply the cell value by this to get the stored unit (万元 → 元: 10000) */
  factor: number
  /** the unit the header stated, or the field's default unit when it stated none */
  statedUnit: string | null
  /** how many leading levels of the header path were dropped to match (0 = the whole path) */
  droppedLevels: number
}

const ALIAS_INDEX = new WeakMap<readonly HeaderField[], Map<string, HeaderField>>()

/** Normalised label / alias (unit dropped) → field, built once per field table (the tables are constants). */
function aliasIndex(fields: readonly HeaderField[]): Map<string, HeaderField> {
  let index = ALIAS_INDEX.get(fields)
  if (index) return index
  index = new Map<string, HeaderField>()
  for (const f of fields) {
    for (const name of [f.label, ...f.aliases]) {
      const n = normalizeHeader(name)
      const key = n
        .split(/:(?![^()]*\))/)
        .map((l, i, all) => (i === all.length - 1 ? splitUnit(l).text : l))
        .join(':')
      if (!index.has(key)) index.set(key, f)
    }
  }
  ALIAS_INDEX.set(fields, index)
  return index
}

/**
 * Words sheets use for the group level of a two-row heading (the merged cell above 合计 / 小班 / 中班 …), each
 * with the group word of the labels: a county export's 「在园幼儿数」 over 合计 and 小班 is 在园（班）人数. As data;
 * compared normalised (normalizeHeader: full-width brackets become ASCII).
 */
const GROUP_SYNONYMS: readonly (readonly [string, readonly string[]])[] = [
  ['在园（班）人数', ['在园幼儿', '在园幼儿数', '在园人数', '在园儿童', '在园儿童数', '在园（班）幼儿数', '幼儿数', '幼儿人数']],
  ['教职工数', ['教职工', '教职工人数', '教职员工数']],
  ['专任教师', ['专任教师数', '专任教师人数']],
  ['班数', ['班级数', '班级', '班级个数']],
  ['在校生数', ['在校学生数', '在校生', '学生数']],
]
const GROUP_CANONICAL = new Map<string, string>(
  GROUP_SYNONYMS.flatMap(([group, words]) => words.map((w) => [normalizeHeader(w), normalizeHeader(group)] as const)),
)

/**
 * Finds the field of a header path (levels joined with '：' or ':', e.g. '在园（班）人数：合计', or
 * '教基1102：县级以上骨干教师(小学)'). Tries the whole normalised path against each field's label
 * and aliases, then drops leading levels one at a time (a form-number or title row above the
 * heading); a unit in brackets at the end of the last level is read and converted; a field with a
 * default unit (教学仪器设备资产值: 万元) gets its factor when the header states none; a group level in other words
 * (GROUP_SYNONYMS: 在园幼儿数 for 在园（班）人数) is read as the labels' group.
 * Returns null when no field matches; throws nothing.
 */
export function matchHeader(header: string, fields: readonly HeaderField[]): HeaderMatch | null {
  const levels = normalizeHeader(header).split(/:(?![^()]*\))/)
  const last = splitUnit(levels[levels.length - 1] ?? '')
  const base = [...levels.slice(0, -1), last.text]
  // The group levels in the labels' words (在园幼儿数：小班 → 在园(班)人数：小班), tried after the path as written.
  const grouped = base.map((l, i) => (i < base.length - 1 ? (GROUP_CANONICAL.get(l) ?? l) : l))
  const index = aliasIndex(fields)
  for (let drop = 0; drop < base.length; drop++) {
    const field = index.get(base.slice(drop).join(':')) ?? index.get(grouped.slice(drop).join(':'))
    if (!field) continue
    let factor = last.factor
    let statedUnit = last.unit
    if (!statedUnit && field.defaultUnit) {
      statedUnit = field.defaultUnit
      factor = UNIT_FACTORS[field.defaultUnit]?.factor ?? 1
    }
    return { field, factor, statedUnit, droppedLevels: drop }
  }
  return null
}

/** True when a row label is a total or statistic row (合计, 平均值, 差异系数 …), compared normalised. */
export function isSummaryRow(label: string): boolean {
  const n = normalizeHeader(label)
  return SUMMARY_ROW_LABELS.some((l) => n === l || (n.startsWith(l) && n.length <= l.length + 2))
}

/** True when a cell starts the notes under the data (注：, 说明, 填表说明, 备注). */
export function isNoteRow(label: string): boolean {
  const n = label.normalize('NFKC').replace(/\s+/g, '')
  return NOTE_MARKERS.some((m) => n.startsWith(m.normalize('NFKC')))
}
