import { basename, dirname } from 'node:path'
import { formatBytes } from '@shared/format/bytes'
import { CliError } from '../cli/command'
import { defineModule } from '../module'
import { loadDemo } from './demo'
import { backupToDir, getInfo, getStatus } from './systemService'

/** 系统: status, database information, backup, the demo county. */
export const systemModule = defineModule({
  name: 'system',
  handlers: (ws) => ({
    'system.status': () => getStatus(ws),
    'system.info': () => getInfo(ws),
    'system.backup': ({ targetDir, fileName }) => backupToDir(ws, targetDir, fileName),
    'system.loadDemo': () => loadDemo(ws),
  }),
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
      summary: '把数据库备份到指定文件（SQLite 在线备份，使用中也一致）',
      async run({ positionals, call }) {
        const file = positionals[0]
        if (!file) throw new CliError('请给出备份文件路径，例如：backup D:\\备份\\督导.sqlite')
        const result = await call('system.backup', { targetDir: dirname(file), fileName: basename(file) })
        return { data: result, text: `已备份到 ${result.file}（${formatBytes(result.bytes)}）` }
      },
    },
  },
})
