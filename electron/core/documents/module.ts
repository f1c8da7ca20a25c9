import { parseDocNumber } from '../../../shared/documents/docNumber'
import { DOCUMENT_STATUS_LABELS } from '../../../shared/documents/records'
import type { OutputFile } from '../../../shared/files/types'
import { CliError, FORCE_OPTION, requireOut, yearOption } from '../cli/command'
import { defineModule } from '../module'
import * as documents from './documentService'
import { startDocxExport } from './exportJob'

/** 公文: templates, drafting, 签发 / 印发 / correction, search and the Word export. */
export const documentsModule = defineModule({
  name: 'documents',
  handlers: (ws) => ({
    'documents.templates': () => documents.templates(),
    'documents.list': (filter) => documents.list(ws, filter),
    'documents.get': ({ id }) => documents.get(ws, id),
    'documents.create': ({ templateKey }) => documents.create(ws, templateKey),
    'documents.save': (input) => documents.save(ws, input),
    'documents.sign': (input) => documents.sign(ws, input),
    'documents.markPrinted': (input) => documents.markPrinted(ws, input),
    'documents.returnForEdit': (input) => documents.returnForEdit(ws, input),
    'documents.revise': ({ id }) => documents.revise(ws, id),
    'documents.duplicate': ({ id }) => documents.duplicate(ws, id),
    'documents.delete': ({ id }) => documents.remove(ws, id),
    'documents.exportDocx': ({ id }) => startDocxExport(ws, id),
  }),
  commands: {
    'documents list': {
      usage: 'documents list [--year 年份] [--query 搜索词]',
      summary: '列出公文（按年份筛选、全文搜索）',
      options: { year: { type: 'string' }, query: { type: 'string' } },
      async run({ values, call }) {
        const list = await call('documents.list', { year: yearOption(values.year), query: (values.query as string) ?? '' })
        const lines = list.map((d) => `${String(d.id).padStart(4)}  ${(d.docNumber || '（未编号）').padEnd(20)}  ${DOCUMENT_STATUS_LABELS[d.status]}  ${d.title}`)
        return { data: list, text: lines.length ? lines.join('\n') : '没有符合条件的公文' }
      },
    },
    'documents export': {
      usage: 'documents export <文号或编号> --out 文件.docx [--force]',
      summary: '把公文导出为符合 GB/T 9704 的 Word 文件（--force 覆盖已有文件）',
      options: { out: { type: 'string' }, ...FORCE_OPTION },
      async run({ positionals, values, call, waitJob, saveOutput }) {
        const ref = positionals[0]
        if (!ref) throw new CliError('请给出公文的文号或编号')
        const out = requireOut(values.out, '.docx')
        let id = /^\d+$/.test(ref) ? Number(ref) : undefined
        if (id === undefined) {
          const parts = parseDocNumber(ref)
          if (!parts) throw new CliError(`无法识别文号「${ref}」`)
          const found = (await call('documents.list', { query: '', year: parts.year })).find(
            (d) => parseDocNumber(d.docNumber)?.seq === parts.seq && parseDocNumber(d.docNumber)?.prefix === parts.prefix && d.supersededBy === null,
          )
          if (!found) throw new CliError(`没有文号为「${ref}」的公文`)
          id = found.id
        }
        const file = await waitJob<OutputFile>(await call('documents.exportDocx', { id }))
        const written = await saveOutput(file, out, values.force === true)
        return { data: { file: written }, text: `已导出：${written}` }
      },
    },
  },
})
