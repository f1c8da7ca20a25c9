import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { BackupResult, SystemInfo, SystemStatus } from '../../../shared/contract/system'
import type { OfficeProfileInput } from '../../../shared/office/office'
import { call } from '../api/client'
import { useJobsStore } from './jobs'

/** Application status, the office profile and database housekeeping. */
export const useSystemStore = defineStore('system', () => {
  const status = ref<SystemStatus | null>(null)
  const info = ref<SystemInfo | null>(null)
  const loadError = ref<string | null>(null)

  const office = computed(() => status.value?.office ?? null)
  const initialized = computed(() => status.value?.initialized ?? false)

  async function refresh(): Promise<void> {
    try {
      status.value = await call('system.status', {})
      loadError.value = null
    } catch (e) {
      loadError.value = (e as Error).message
    }
  }

  async function refreshInfo(): Promise<SystemInfo> {
    info.value = await call('system.info', {})
    status.value = info.value
    return info.value
  }

  async function saveOffice(profile: OfficeProfileInput): Promise<void> {
    await call('office.save', profile)
    await refresh()
  }

  async function loadDemo(): Promise<void> {
    await call('system.loadDemo', {})
    await refresh()
  }

  async function backup(targetDir: string): Promise<BackupResult> {
    const result = await useJobsStore().run<BackupResult>(() => call('jobs.backup', { targetDir }))
    await refreshInfo()
    return result
  }

  return { status, info, loadError, office, initialized, refresh, refreshInfo, saveOffice, loadDemo, backup }
})
