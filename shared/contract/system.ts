import { z } from 'zod'
import { channel } from './define'
import type { Office } from '../office/office'

export interface SystemStatus {
  appVersion: string
  dataDir: string
  dbPath: string
  dbExists: boolean
  /** True once the office profile has been entered (setup done). */
  initialized: boolean
  office: Office | null
  schemaVersion: number
  latestSchemaVersion: number
  dbSizeBytes: number
  /** Whether the database could be opened, and how. */
  storage: StorageStatus
}

/**
 * The state of the database file: `ok`; `readOnly` (opened for reading only: the file or folder cannot
 * be written); `unavailable` (damaged, not a database, another program's: not opened, nothing changed).
 */
export interface StorageStatus {
  state: 'ok' | 'readOnly' | 'unavailable'
  /** What happened and what to do, in Chinese; null when `ok`. */
  message: string | null
  /** Something that happened when the database was opened (a stale -wal set aside), in Chinese. */
  notice: string | null
  /** The newest backup that passes a check, offered for restoring when `unavailable`. */
  latestGoodBackup: BackupEntry | null
  /** The log file in the data folder where technical details go. */
  logFile: string
}

/** `auto`: the daily automatic backup; `safety`: the copy kept before a restore. */
export type BackupKind = 'auto' | 'safety'

/** One backup file in the data folder's `backups/`. */
export interface BackupEntry {
  /** Absolute path. */
  file: string
  fileName: string
  kind: BackupKind
  /** When it was made, an ISO instant (UTC); shown in the PC's local time. */
  createdAt: string
  bytes: number
}

export interface RestoreResult {
  /** The backup that was restored (absolute path). */
  restoredFrom: string
  /** Where the database as it was before the restore was kept (absolute path), if there was one. */
  safetyCopy: string | null
  /** The restored database's schema version after opening (older backups are migrated). */
  schemaVersion: number
}

export interface IntegrityReport {
  /** True when `PRAGMA integrity_check` answered ok. */
  ok: boolean
  /** What SQLite found (up to 20 lines), empty when ok. */
  problems: string[]
  /** When the check ran, an ISO instant. */
  checkedAt: string
}

export interface TableCount {
  table: string
  rows: number
}

export interface SystemInfo extends SystemStatus {
  tables: TableCount[]
}

export interface BackupResult {
  file: string
  bytes: number
}

export const systemContract = {
  'system.status': channel<SystemStatus>()('读取运行状态', z.object({}).strict()),
  'system.info': channel<SystemInfo>()('读取数据库信息', z.object({}).strict()),
  'system.backup': channel<BackupResult>()(
    '备份数据库',
    z
      .object({
        targetDir: z.string().trim().min(1).max(1000).describe('备份文件夹'),
        fileName: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .regex(/^[^\\/:*?"<>|]+$/, '不能包含 \\ / : * ? " < > | 等字符')
          .optional()
          .describe('备份文件名'),
      })
      .strict(),
  ),
  'system.loadDemo': channel<Office>()('载入示例数据', z.object({}).strict()),
  'system.backups': channel<BackupEntry[]>()('列出自动备份', z.object({}).strict()),
  'system.restore': channel<RestoreResult>()(
    '从备份恢复',
    z.object({ file: z.string().trim().min(1).max(1000).describe('备份文件') }).strict(),
  ),
  'system.checkIntegrity': channel<IntegrityReport>()('检查数据库完整性', z.object({}).strict()),
}
