import { ElMessage } from 'element-plus'
import { computed, ref } from 'vue'
import type { Institution } from '../../../../shared/institutions/types'
import type { Inspector, SupervisionItem, SupervisionSettings, Zone } from '../../../../shared/supervision/types'
import { todayLocal } from '../../../../shared/supervision/overdue'
import { call } from '../../api/client'
import { compareNames } from '../../../../shared/institutions/names'

/** An institution as the pickers offer it: registry id, name, and the year's 责任区 and 责任督学 when assigned. */
export interface InstitutionOption {
  id: number
  name: string
  zoneName: string
  inspectorId: number | null
}

const settings = ref<SupervisionSettings | null>(null)
const items = ref<SupervisionItem[]>([])
const inspectors = ref<Inspector[]>([])
const zones = ref<(Zone & { inspectorName: string; institutionNames: string[] })[]>([])
const gaps = ref<Institution[]>([])
const year = ref(Number(todayLocal().slice(0, 4)))
const loaded = ref(false)

/**
 * What every supervision screen needs to name things: settings, the 督导事项 list, the 督学, and the
 * year's 责任区 with the registry's institutions (those in a zone plus the coverage gaps: together, every
 * institution open that year). Shared by the screens (one load, `reload()` after a change).
 */
export function useReference() {
  async function reload(forYear = year.value): Promise<void> {
    try {
      const [s, i, p, z] = await Promise.all([
        call('supervision.settings', {}),
        call('supervision.items', {}),
        call('supervision.inspectors', {}),
        call('supervision.zones', { year: forYear }),
      ])
      settings.value = s
      items.value = i
      inspectors.value = p
      zones.value = z.zones
      gaps.value = z.gaps
      year.value = forYear
      loaded.value = true
    } catch (e) {
      ElMessage.error((e as Error).message)
    }
  }
  async function ensure(): Promise<void> {
    if (!loaded.value) await reload()
  }
  const institutions = computed<InstitutionOption[]>(() => {
    const out: InstitutionOption[] = []
    for (const z of zones.value)
      z.institutionIds.forEach((id, k) => out.push({ id, name: z.institutionNames[k] ?? '', zoneName: z.name, inspectorId: z.inspectorId }))
    for (const g of gaps.value) out.push({ id: g.id, name: g.name, zoneName: '', inspectorId: null })
    return out.sort((a, b) => compareNames(a.name, b.name))
  })
  const itemTitle = (key: string | null) => (key === null ? '未归类' : (items.value.find((i) => i.key === key)?.title ?? key))
  const inspectorName = (id: number | null) => inspectors.value.find((i) => i.id === id)?.name ?? ''
  const activeItems = computed(() => items.value.filter((i) => i.active))
  /** 督学 serving in the given year (active range includes it). */
  const servingIn = (y: number) => inspectors.value.filter((i) => i.activeFrom <= y && (i.activeTo === null || i.activeTo >= y))
  return { settings, items, activeItems, inspectors, zones, gaps, year, institutions, reload, ensure, itemTitle, inspectorName, servingIn }
}
