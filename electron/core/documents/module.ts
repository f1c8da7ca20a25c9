import { formatDocNumber, parseDocNumber } from '../../../shared/documents/docNumber'
import { DOCUMENT_SORTS, type DocumentSort } from '../../../shared/documents/search'
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
      usage:
        'documents list [--year 年份] [--query 搜索词] [--page 页码] [--page-size 条数] [--sort updated|date|docNumber|status|relevance] [--asc]',
      summary: '列出公文（按年份筛选、全文搜索、分页与排序）',
      options: {
        year: { type: 'string' },
        query: { type: 'string' },
        page: { type: 'string' },
        'page-size': { type: 'string' },
        sort: { type: 'string' },
        asc: { type: 'boolean' },
      },
      async run({ values, call }) {
        const int = (v: unknown, name: string): number | undefined => {
          if (v === undefined) return undefined
          if (!/^\d{1,6}$/.test(String(v)) || Number(v) < 1) throw new CliError(`${name}应为正整数`)
          return Number(v)
        }
        const sort = values.sort as string | undefined
        if (sort !== undefined && !(DOCUMENT_SORTS as readonly string[]).includes(sort))
          throw new CliError(`排序方式只能是 ${DOCUMENT_SORTS.join('、')}`)
        const result = await call('documents.list', {
          year: yearOption(values.year),
          query: (values.query as string) ?? '',
          page: int(values.page, '页码') ?? 1,
          pageSize: int(values['page-size'], '每页条数') ?? 20,
          sort: sort as DocumentSort | undefined,
          order: values.asc === true ? 'asc' : 'desc',
        })
        const lines: string[] = []
        for (const d of result.items) {
          lines.push(
            `${String(d.id).padStart(4)}  ${(d.docNumber || '（未编号）').padEnd(20)}  ${DOCUMENT_STATUS_LABELS[d.status]}  ${d.title}`,
          )
          if (d.snippet) lines.push(`      ${d.snippet.map((p) => (p.hit ? `【${p.text}】` : p.text)).join('')}`)
        }
        const pages = Math.max(1, Math.ceil(result.total / result.pageSize))
        if (result.total) lines.push(`共 ${result.total} 份，第 ${result.page}/${pages} 页`)
        return { data: result, text: lines.length ? lines.join('\n') : '没有符合条件的公文' }
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
          const found = (
            await call('documents.list', { query: formatDocNumber(parts), year: parts.year, page: 1, pageSize: 100, order: 'desc' })
          ).items.find(
            (d) =>
              parseDocNumber(d.docNumber)?.seq === parts.seq &&
              parseDocNumber(d.docNumber)?.prefix === parts.prefix &&
              d.supersededBy === null,
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
