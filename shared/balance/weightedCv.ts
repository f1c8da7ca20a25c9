/**
 * The student-weighted 差异系数 (cv) of 教督〔2017〕6号 资源配置 ("所有指标校际差异系数，小学均
 * 小于或等于0.50，初中均小于或等于0.45" [V]), computed exactly as the published method defines it
 * (县域义务教育校际均衡指标计算方法（以生均图书册数为例）, RULES.md §1.2 [V]):
 *
 *   P  = Σ Pi                 Pi = 在校生数 of school i in the 学段
 *   X̄  = Σ Pi·Xi / P          (for a ratio indicator this is the county aggregate Σ numerators / P)
 *   S  = √( Σ Pi·(Xi − X̄)² / P )
 *   CV = S / X̄
 *
 * Population form weighted by students: NOT the unweighted mean of the school ratios and NOT n−1.
 */

export interface CvEntry {
  id: string
  name: string
  /** Pi: 在校生数 (the weight) */
  weight: number
  /** Xi: the school's value of the indicator; null = not reported (the school is left out) */
  value: number | null
}

export interface CvContribution {
  id: string
  name: string
  weight: number
  value: number
  /** Pi·(Xi − X̄)² / P: the school's term under the square root (published tables call it 差异情况) */
  term: number
  /** term ÷ Σ terms (0 when every school has the mean): who pulls the coefficient up */
  share: number
}

export interface CvResult {
  /** schools that entered the computation */
  n: number
  /** P */
  totalWeight: number
  /** X̄ (null when no school entered) */
  mean: number | null
  /** S */
  sd: number | null
  /** CV = S / X̄; null when no school entered or X̄ = 0 */
  cv: number | null
  contributions: CvContribution[]
  /** schools left out, with a Chinese reason (missing value, zero students) */
  excluded: Array<{ id: string; name: string; reason: string }>
  /** Chinese reason when cv is null */
  reason?: string
}

/**
 * Student-weighted coefficient of variation (see the module comment for the formula and source).
 * Schools with a missing value or non-positive weight are left out and listed with the reason; a
 * single school gives CV 0; X̄ = 0 gives cv null with a reason (never NaN). Contributions are
 * sorted largest first.
 */
export function weightedCv(entries: readonly CvEntry[]): CvResult {
  const excluded: CvResult['excluded'] = []
  const used: Array<CvEntry & { value: number }> = []
  for (const e of entries) {
    if (!(e.weight > 0)) excluded.push({ id: e.id, name: e.name, reason: '在校生数为0，不参与计算' })
    else if (e.value === null || !Number.isFinite(e.value)) excluded.push({ id: e.id, name: e.name, reason: '缺少该指标数据，不参与计算' })
    else used.push(e as CvEntry & { value: number })
  }
  if (used.length === 0)
    return { n: 0, totalWeight: 0, mean: null, sd: null, cv: null, contributions: [], excluded, reason: '没有可参与计算的学校' }
  const P = used.reduce((a, e) => a + e.weight, 0)
  const mean = used.reduce((a, e) => a + e.weight * e.value, 0) / P
  const terms = used.map((e) => (e.weight * (e.value - mean) ** 2) / P)
  const variance = terms.reduce((a, b) => a + b, 0)
  const sd = Math.sqrt(variance)
  const contributions = used
    .map((e, i) => ({
      id: e.id,
      name: e.name,
      weight: e.weight,
      value: e.value,
      term: terms[i],
      share: variance > 0 ? terms[i] / variance : 0,
    }))
    .sort((a, b) => b.term - a.term)
  if (mean === 0)
    return { n: used.length, totalWeight: P, mean, sd, cv: null, contributions, excluded, reason: '全县平均值为0，差异系数无意义' }
  return { n: used.length, totalWeight: P, mean, sd, cv: sd / mean, contributions, excluded }
}
