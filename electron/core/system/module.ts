import { basename, dirname } from 'node:path'
import { formatBytes } from '@shared/format/bytes'
import { CliError } from '../cli/command'
import { logError } from '../errors'
import { defineModule } from '../module'
import type { Workspace } from '../workspace'
import { autoBackupIfDue, listBackups, newestBackupSync } from './backups'
import { loadDemo } from './demo'
import { restoreFromFile } from './restore'
import { backupToDir, checkDatabase, getInfo, getStatus } from './systemService'

/** Local date and time for the command line: 2024-11-22 15:30. */
function localTime(iso: string): string {
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** Local date and time in Chinese: 2024年11月22日 15:30. */
function chineseTime(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

const KIND_LABELS = { auto: '自动备份', safety: '恢复前的副本' } as const

/**
 * Wires the workspace: the daily automatic backup at the first open of an existing database (in the
 * background; `ws.idle()` waits for it), and the advice naming the newest backup when the file is damaged.
 */
function wire(ws: Workspace): void {
  ws.onOpen((w, { existed }) => {
    if (!existed || w.readOnly) return
    void w.track(autoBackupIfDue(w)).catch((e: unknown) => logError(w.dataDir, '自动备份', e))
  })
  ws.recoveryHint = () => {
    const newest = newestBackupSync(ws)
    return newest
      ? `可以用最近的备份（${chineseTime(newest.createdAt)}）恢复：在程序里点「从这个备份恢复」，或在命令行运行 dudao restore "${newest.file}"。恢复前会保留当前文件的副本。`
      : '数据文件夹里还没有自动备份；如有以前手工备份的文件，可以在程序首页或用 dudao restore <备份文件> 恢复。'
  }
}

/** 系统: status, database information, backup and restore, integrity, the demo county. */
export const systemModule = defineModule({
  name: 'system',
  handlers: (ws) => {
    wire(ws)
    return {
      'system.status': () => getStatus(ws),
      'system.info': () => getInfo(ws),
      'system.backup': ({ targetDir, fileName }) => backupToDir(ws, targetDir, fileName),
      'system.loadDemo': () => loadDemo(ws),
      'system.backups': async () => {
        await ws.idle() // today's automatic backup, if it is being written
        return listBackups(ws)
      },
      'system.restore': ({ file }) => restoreFromFile(ws, file),
      'system.checkIntegrity': () => checkDatabase(ws),
    }
  },
  commands: {
    info: {
      usage: 'info',
      summary: '显示机关信息、数据库位置、结构版本和各表行数',
      async run({ call }) {
        const info = await call('system.info', {})
        const lines = [
          `机关：${info.office?.fullName ?? '（尚未设置）'}`,
          `数据库：${info.dbExists ? info.dbPath : `${info.dbPath}（尚未创建）`}`,
          `大小：${formatBytes(info.dbSizeBytes)}`,
          `结构版本：${info.schemaVersion} / ${info.latestSchemaVersion}`,
          `程序版本：${info.appVersion}`,
          ...(info.storage.message ? [`注意：${info.storage.message}`] : []),
          ...info.tables.map((t) => `  ${t.table.padEnd(24)} ${t.rows} 行`),
        ]
        return { data: info, text: lines.join('\n') }
      },
    },
    demo: {
      usage: 'demo',
      summary: '把示例县（贺兰县）的数据载入数据目录',
      async run({ call }) {
        const office = await call('system.loadDemo', {})
        return { data: office, text: `已载入示例数据：${office.fullName}` }
      },
    },
    backup: {
      usage: 'backup <文件>',
      summary: '把数据库备份到指定文件（文件夹须已存在，且在数据文件夹之外；备份后做完整性检查）',
      async run({ positionals, call }) {
        const file = positionals[0]
        if (!file) throw new CliError('请给出备份文件路径，例如：backup D:\\备份\\督导.sqlite')
        const result = await call('system.backup', { targetDir: dirname(file), fileName: basename(file) })
        return { data: result, text: `已备份到 ${result.file}（${formatBytes(result.bytes)}，完整性检查通过）` }
      },
    },
    backups: {
      usage: 'backups',
      summary: '列出数据文件夹 backups/ 里的自动备份和恢复前的副本',
      async run({ call }) {
        const list = await call('system.backups', {})
        const lines = list.map(
          (b) => `${localTime(b.createdAt)}  ${KIND_LABELS[b.kind].padEnd(8)}  ${formatBytes(b.bytes).padStart(9)}  ${b.file}`,
        )
        return { data: list, text: lines.length ? lines.join('\n') : '还没有备份' }
      },
    },
    restore: {
      usage: 'restore <备份文件>',
      summary: '从备份恢复数据库（先检查备份，并把当前数据库另存到 backups/）',
      async run({ positionals, call }) {
        const file = positionals[0]
        if (!file) throw new CliError('请给出备份文件路径，例如：restore D:\\备份\\督导.sqlite（可用 backups 命令列出自动备份）')
        const r = await call('system.restore', { file })
        const kept = r.safetyCopy ? `\n恢复前的数据库已另存为：${r.safetyCopy}` : ''
        return { data: r, text: `已从 ${r.restoredFrom} 恢复，完整性检查通过。${kept}` }
      },
    },
    check: {
      usage: 'check',
      summary: '检查数据库完整性（PRAGMA integrity_check）',
      async run({ call }) {
        const r = await call('system.checkIntegrity', {})
        if (!r.ok)
          throw new CliError(
            `数据库完整性检查未通过：${r.problems.slice(0, 3).join('；')}。请用最近的完好备份恢复（dudao backups 列出备份）。`,
          )
        return { data: r, text: '数据库完整性检查通过' }
      },
    },
  },
})
