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
    z.object({
      targetDir: z.string().trim().min(1).max(1000).describe('备份文件夹'),
      fileName: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .regex(/^[^\\/:*?"<>|]+$/, '不能包含 \\ / : * ? " < > | 等字符')
        .optional()
        .describe('备份文件名'),
    }).strict(),
  ),
  'system.loadDemo': channel<Office>()('载入示例数据', z.object({}).strict()),
}
