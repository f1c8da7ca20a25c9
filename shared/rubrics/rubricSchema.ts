/**
 * A rubric (评估指标体系) as versioned data: the bundled national rubrics in seeds/rubrics/*.json
 * and the provincial variants an office copies from them. Rules and thresholds live here as data;
 * formulas are pure functions named by `formula` keys (shared/preschool, shared/balance).
 *
 * Shape (validated by `rubricSchema`):
 *   { id, version, name, basis: { title, docNumber }, region, derivedFrom?, variants?, settings,
 *     groups: [ { key, name, level, combine } ], items: [ computed | judged ] }
 *
 * - `level` says what an item is evaluated on: 'county' (the whole county), 'stage' (one 学段 of
 *   the county, e.g. the 差异系数), 'school' (one school part), 'kindergarten' (one kindergarten).
 * - `variants` names the keys a per-variant threshold may use, per level, e.g. school → 小学 / 初中,
 *   kindergarten → 全日制 / 半日制. A threshold is a number or a map from variant to number.
 * - Confidence tags are the RULES.md ones: V (wording confirmed in an official text), S (seen in
 *   summaries or other implementations), U (unconfirmed: editable value, never a constant in code).
 */
import { z } from 'zod'

export const CONFIDENCE = ['V', 'S', 'U'] as const
export const COMPARATORS = ['>=', '<=', '>', '<'] as const
export const LEVELS = ['county', 'stage', 'school', 'kindergarten'] as const
/** met / partlyMet / notMet (GLOSSARY): 达标 / 基本达标 / 未达标, the statuses a person gives a judged item. */
export const JUDGED_STATUSES = ['met', 'partlyMet', 'notMet'] as const
/** The Chinese words of the judged statuses, as the UI and the report show them. */
export const JUDGED_STATUS_LABELS: Readonly<Record<(typeof JUDGED_STATUSES)[number], string>> = {
  met: '达标',
  partlyMet: '基本达标',
  notMet: '未达标',
}

export type Confidence = (typeof CONFIDENCE)[number]
export type Comparator = (typeof COMPARATORS)[number]
export type RubricLevel = (typeof LEVELS)[number]
export type JudgedStatus = (typeof JUDGED_STATUSES)[number]

const sourceSchema = z.object({
  /** the rule's text, e.g. 县域学前教育普及普惠督导评估办法 (教督〔2020〕1号) */
  document: z.string().min(1).describe('依据文件'),
  /** article or table position, e.g. 第五条 / 附件 评估指标 1 */
  article: z.string().optional().describe('条款'),
  note: z.string().optional().describe('说明'),
})

const thresholdSchema = z.union([z.number(), z.record(z.string(), z.number())])

/**
 * How a value and its threshold are shown:
 *  - percent: value is a fraction, shown `82.99%` (decimals places, half-up); threshold `85%`
 *  - ratio: value is "children per adult", shown `1:25.5`; threshold `1:15`
 *  - number: shown with `decimals` places; the unit goes in `unit`
 */
const displaySchema = z.object({
  kind: z.enum(['percent', 'ratio', 'number']),
  decimals: z.number().int().min(0).max(6),
  /** places of the shown threshold (e.g. 2 for ≤0.50 as the 办法 writes it); default: as few as needed (≥4.2, ≥2000) */
  thresholdDecimals: z.number().int().min(0).max(6).optional(),
})

const commonItem = {
  key: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_.]*$/)
    .describe('指标代码'),
  name: z.string().min(1).describe('指标名称'),
  group: z.string().min(1).describe('所属部分'),
  source: sourceSchema,
  confidence: z.enum(CONFIDENCE).describe('可信度'),
  /** false: shown, never counted in the verdict (e.g. a reference line) */
  counts: z.boolean().default(true),
  description: z.string().optional().describe('指标说明'),
}

export const computedItemSchema = z.object({
  ...commonItem,
  kind: z.literal('computed'),
  /** key of the pure function that computes the value (e.g. grossEnrolmentRate) */
  formula: z.string().min(1).describe('计算公式'),
  comparator: z.enum(COMPARATORS).describe('比较方式'),
  threshold: thresholdSchema.describe('标准值'),
  /** shown next to the threshold only (e.g. the staffing range 1:5～1:7): min and max, per variant allowed */
  displayRange: z
    .union([z.object({ min: z.number(), max: z.number() }), z.record(z.string(), z.object({ min: z.number(), max: z.number() }))])
    .optional(),
  unit: z.string().describe('单位'),
  display: displaySchema,
  /** optional lines drawn on charts, never tested (e.g. 公办园占比 60% target for 2027) */
  referenceLines: z.array(z.object({ value: z.number(), label: z.string() })).optional(),
})

export const judgedItemSchema = z.object({
  ...commonItem,
  kind: z.literal('judged'),
  /** the requirement as the 办法 words it */
  requirement: z.string().min(1).describe('评估要求'),
})

export const rubricItemSchema = z.discriminatedUnion('kind', [computedItemSchema, judgedItemSchema])

/**
 * How a group's items combine:
 *  - all: every counted item met; `partlyMetCounts` says whether a judged 基本达标 counts as met
 *  - atLeast: at least `minMet` counted items met, and every other one reaches `floorRatio` of its
 *    threshold (优质均衡 资源配置: 6 of 7, the rest ≥ 85%; defined for '>=' comparators only)
 */
export const combineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all'), partlyMetCounts: z.boolean().default(false) }),
  z.object({ kind: z.literal('atLeast'), minMet: z.number().int().min(0), floorRatio: z.number().min(0).max(1) }),
])

export const groupSchema = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  level: z.enum(LEVELS),
  combine: combineSchema,
  source: sourceSchema.optional(),
})

const settingSchema = z.object({
  value: z.union([z.number(), z.boolean(), z.string(), z.array(z.string()), z.record(z.string(), z.number())]),
  label: z.string().min(1),
  source: sourceSchema,
  confidence: z.enum(CONFIDENCE),
})

export const rubricSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .describe('指标体系代码'),
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/)
      .describe('版本'),
    name: z.string().min(1).describe('名称'),
    basis: z.object({ title: z.string().min(1), docNumber: z.string().min(1) }),
    /** 全国 for the bundled rubrics, the province for a variant */
    region: z.string().min(1).describe('适用地区'),
    derivedFrom: z.object({ id: z.string(), version: z.string() }).optional(),
    variants: z.partialRecord(z.enum(LEVELS), z.array(z.string().min(1))).optional(),
    settings: z.record(z.string(), settingSchema).default({}),
    groups: z.array(groupSchema).min(1),
    items: z.array(rubricItemSchema).min(1),
  })
  .superRefine((rubric, ctx) => {
    const groups = new Map(rubric.groups.map((g) => [g.key, g]))
    if (groups.size !== rubric.groups.length) ctx.addIssue({ code: 'custom', message: '部分代码重复', path: ['groups'] })
    const keys = new Set<string>()
    rubric.items.forEach((item, i) => {
      if (keys.has(item.key)) ctx.addIssue({ code: 'custom', message: `指标代码重复：${item.key}`, path: ['items', i, 'key'] })
      keys.add(item.key)
      const group = groups.get(item.group)
      if (!group) {
        ctx.addIssue({ code: 'custom', message: `指标“${item.name}”所属部分不存在：${item.group}`, path: ['items', i, 'group'] })
        return
      }
      if (item.kind !== 'computed') return
      if (typeof item.threshold === 'object') {
        const declared = rubric.variants?.[group.level] ?? []
        for (const v of declared) {
          if (!(v in item.threshold))
            ctx.addIssue({ code: 'custom', message: `指标“${item.name}”缺少“${v}”的标准值`, path: ['items', i, 'threshold'] })
        }
        for (const v of Object.keys(item.threshold)) {
          if (!declared.includes(v))
            ctx.addIssue({
              code: 'custom',
              message: `指标“${item.name}”的标准值类别“${v}”未在 variants 中声明`,
              path: ['items', i, 'threshold'],
            })
        }
      }
      if (group.combine.kind === 'atLeast' && item.comparator !== '>=') {
        ctx.addIssue({
          code: 'custom',
          message: `指标“${item.name}”所在部分按“至少几项达标”合成，只支持“≥”比较`,
          path: ['items', i, 'comparator'],
        })
      }
    })
    rubric.groups.forEach((g, i) => {
      const count = rubric.items.filter((it) => it.group === g.key && it.counts !== false).length
      if (g.combine.kind === 'atLeast' && g.combine.minMet > count) {
        ctx.addIssue({
          code: 'custom',
          message: `部分“${g.name}”要求至少${g.combine.minMet}项达标，但只有${count}项`,
          path: ['groups', i, 'combine'],
        })
      }
    })
  })

export type Rubric = z.infer<typeof rubricSchema>
export type RubricItem = z.infer<typeof rubricItemSchema>
export type ComputedItem = z.infer<typeof computedItemSchema>
export type JudgedItem = z.infer<typeof judgedItemSchema>
export type RubricGroup = z.infer<typeof groupSchema>
export type RubricSource = z.infer<typeof sourceSchema>
export type RubricSetting = z.infer<typeof settingSchema>
