/**
 * Where the headline figures come from: one line per counted kindergarten with what it adds to the
 * numerators and denominators of 普惠性幼儿园覆盖率, 公办园在园幼儿占比, 学前三年毛入园率 and
 * 在园幼儿:专任教师, and the sheet row it was imported from. Summing the lines gives the figures the
 * indicators show (same settings, same counted kindergartens).
 */
import { countedKindergartens, ownershipOf, type PreschoolSettings } from './indicators'
import type { KindergartenYear } from './types'
import { compareNames } from '../institutions/names'

export const OWNERSHIP_LABELS = { public: '公办园', subsidisedPrivate: '普惠性民办园', private: '民办园（非普惠）' } as const

export interface TraceLine {
  id: string
  name: string
  ownership: (typeof OWNERSHIP_LABELS)[keyof typeof OWNERSHIP_LABELS]
  /** 在园（班）人数：合计 (denominator of the two coverage rates) */
  enrolledChildren: number
  /** children in the numerator of 普惠性幼儿园覆盖率 (公办 + 普惠性民办) */
  affordableChildren: number
  /** children in the numerator of 公办园在园幼儿占比 */
  publicChildren: number
  /** children in the numerator of 学前三年毛入园率 (without 托班 when the rubric says so) */
  grossEnrolmentChildren: number
  /** 专任教师, null when not reported (then left out of 在园幼儿:专任教师) */
  teachers: number | null
  /** file / sheet / row */
  source: string
}

/** One line per counted kindergarten (附设幼儿班 left out when the rubric says so), largest first. */
export function traceLines(kgs: readonly { figures: KindergartenYear; source: string }[], settings: PreschoolSettings): TraceLine[] {
  const counted = new Set(
    countedKindergartens(
      kgs.map((k) => k.figures),
      settings,
    ),
  )
  return kgs
    .filter((k) => counted.has(k.figures))
    .map(({ figures: k, source }) => {
      const own = ownershipOf(k, settings)
      const total = k.enrolledChildren.total
      return {
        id: k.id,
        name: k.name,
        ownership: OWNERSHIP_LABELS[own],
        enrolledChildren: total,
        affordableChildren: own === 'private' ? 0 : total,
        publicChildren: own === 'public' ? total : 0,
        grossEnrolmentChildren: total - (settings.includeNurseryInGrossEnrolment ? 0 : (k.enrolledChildren.nursery ?? 0)),
        teachers: k.staff?.teachers ?? null,
        source,
      }
    })
    .sort((a, b) => b.enrolledChildren - a.enrolledChildren || compareNames(a.name, b.name))
}
