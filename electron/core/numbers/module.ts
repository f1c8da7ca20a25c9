import { NUMBER_STATUS_LABELS } from '../../../shared/documents/records'
import { CliError, FORCE_OPTION, requireOut, yearOption } from '../cli/command'
import { registerWorkbook } from '../export/xlsx/registerXlsx'
import { fileStore } from '../files/fileStore'
import { defineModule } from '../module'
import { readOffice } from '../office/officeRepository'
import * as numbers from './numberService'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** 文号: number series, allocation, 预留 / 作废 / 补登 and the 发文登记簿. */
export const numbersModule = defineModule({
  name: 'numbers',
  handlers: (ws) => ({
    'numbers.listSeries': () => numbers.listSeries(ws),
    'numbers.saveSeries': (input) => numbers.saveSeries(ws, input),
    'numbers.allocate': (input) => numbers.allocate(ws, input),
    'numbers.reserve': (input) => numbers.reserve(ws, input),
    'numbers.record': (input) => numbers.record(ws, input),
    'numbers.void': (input) => numbers.voidNumber(ws, input),
    'numbers.register': (input) => numbers.register(ws, input),
    'numbers.exportRegister': async (input) => {
      const entries = numbers.register(ws, input)
      const office = ws.dbIfExists() ? readOffice(ws.db()) : null
      const buffer = await registerWorkbook(office?.fullName ?? '', input.year, entries)
      return fileStore(ws).stash({ fileName: `发文登记簿-${input.year}年.xlsx`, mimeType: XLSX_MIME, data: buffer })
    },
  }),
  commands: {
    'numbers allocate': {
      usage: 'numbers allocate <机关代字> [--year 年份] [--title 标题]',
      summary: '取下一个文号（用于本程序之外制作的文件）',
      options: { year: { type: 'string' }, title: { type: 'string' } },
      async run({ positionals, values, call }) {
        const prefix = positionals[0]
        if (!prefix) throw new CliError('请给出机关代字，例如：numbers allocate 贺政教督发')
        const n = await call('numbers.allocate', { prefix, year: yearOption(values.year), title: (values.title as string) ?? '' })
        return { data: n, text: n.docNumber }
      },
    },
    'numbers reserve': {
      usage: 'numbers reserve <机关代字> --purpose 用途 [--year 年份]',
      summary: '预留一个文号',
      options: { year: { type: 'string' }, purpose: { type: 'string' } },
      async run({ positionals, values, call }) {
        const prefix = positionals[0]
        if (!prefix) throw new CliError('请给出机关代字')
        const n = await call('numbers.reserve', { prefix, year: yearOption(values.year), purpose: (values.purpose as string) ?? '' })
        return { data: n, text: `已预留 ${n.docNumber}` }
      },
    },
    'numbers void': {
      usage: 'numbers void <文号> --reason 原因 [--by 经办人]',
      summary: '作废一个文号（永不再用）',
      options: { reason: { type: 'string' }, by: { type: 'string' } },
      async run({ positionals, values, call }) {
        const docNumber = positionals[0]
        if (!docNumber) throw new CliError('请给出要作废的文号')
        const entry = await call('numbers.void', {
          docNumber,
          reason: (values.reason as string) ?? '',
          by: (values.by as string) ?? '命令行',
        })
        return { data: entry, text: `已作废 ${entry.docNumber}` }
      },
    },
    'numbers register': {
      usage: 'numbers register --year 年份 [--out 文件.xlsx [--force]]',
      summary: '显示或导出发文登记簿（含断号；--force 覆盖已有文件）',
      options: { year: { type: 'string' }, out: { type: 'string' }, ...FORCE_OPTION },
      async run({ values, call, saveOutput }) {
        const year = yearOption(values.year) ?? new Date().getFullYear()
        if (values.out !== undefined) {
          const out = requireOut(values.out, '.xlsx')
          const file = await call('numbers.exportRegister', { year })
          const written = await saveOutput(file, out, values.force === true)
          return { data: { file: written }, text: `已导出登记簿：${written}` }
        }
        const entries = await call('numbers.register', { year })
        const note = (e: (typeof entries)[number]) =>
          e.status === 'voided'
            ? `作废原因：${e.voidReason}（${e.voidedBy}）`
            : e.status === 'reserved'
              ? `预留：${e.purpose}`
              : e.status === 'gap'
                ? '未登记使用'
                : e.title
        const lines = entries.map((e) => `${e.docNumber.padEnd(20)}  ${NUMBER_STATUS_LABELS[e.status]}  ${note(e)}`)
        return { data: entries, text: lines.length ? lines.join('\n') : `${year}年没有文号记录` }
      },
    },
  },
})
