import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { BackupEntry, BackupResult, IntegrityReport, RestoreResult, SystemInfo, SystemStatus } from '../../../shared/contract/system'
import type { OfficeProfileInput } from '../../../shared/office/office'
import { call } from '../api/client'
import { useJobsStore } from './jobs'

/** Application status, the office profile and database housekeeping (backups, restore, integrity). */
export const useSystemStore = defineStore('system', () => {
  const status = ref<SystemStatus | null>(null)
  const info = ref<SystemInfo | null>(null)
  const backups = ref<BackupEntry[]>([])
  const loadError = ref<string | null>(null)

  const office = computed(() => status.value?.office ?? null)
  const initialized = computed(() => status.value?.initialized ?? false)
  /** The database could not be opened (damaged, foreign): the start page offers a restore. */
  const unavailable = computed(() => status.value?.storage.state === 'unavailable')

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

  /** The automatic backups and safety copies in the data folder's backups/, newest first. */
  async function loadBackups(): Promise<BackupEntry[]> {
    backups.value = await call('system.backups', {})
    return backups.value
  }

  /** Replaces the database with a backup (checked first; the current file is kept), then reloads the status. */
  async function restore(file: string): Promise<RestoreResult> {
    const result = await call('system.restore', { file })
    await refresh()
    if (!unavailable.value) {
      await refreshInfo()
      await loadBackups()
    }
    return result
  }

  async function checkIntegrity(): Promise<IntegrityReport> {
    return call('system.checkIntegrity', {})
  }

  return {
    status,
    info,
    backups,
    loadError,
    office,
    initialized,
    unavailable,
    refresh,
    refreshInfo,
    saveOffice,
    loadDemo,
    backup,
    loadBackups,
    restore,
    checkIntegrity,
  }
})
