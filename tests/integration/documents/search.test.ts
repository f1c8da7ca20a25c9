/**
 * The document list at scale, checked against a brute-force reading of a generated corpus: paging and
 * total, every order, filters with and without search terms, ranking, snippets, 文号 in any bracket
 * form, the contentless index kept in step with saves and deletes, and the upgrade from schema 0005.
 * (Speed is measured by tests/bench/documentSearch.ts, never here.)
 */
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/connection'
import { migrate } from '../../../electron/core/db/migrate'
import { MIGRATIONS } from '../../../electron/core/db/migrations'
import { insertDocument, listDocuments, searchTextOf, type DocumentFilter } from '../../../electron/core/documents/documentRepository'
import { createHandlers } from '../../../electron/core/handlers'
import { Workspace } from '../../../electron/core/workspace'
import { runCli } from '../../../electron/doors/cli'
import { normalizeDocNumberText, searchTerms } from '../../../shared/documents/search'
import type { DocumentListItem } from '../../../shared/documents/search'
import { bracketForms, CORPUS_SERIES, generateCorpus, insertCorpus, type CorpusDocument } from '../../bench/documentCorpus'
import { useOfficeFixture } from '../../helpers/officeFixture'
import { tempWorkspace } from '../../helpers/tempWorkspace'
import { fillTemplate } from './fillTemplate'

const COUNT = 300
const corpus = generateCorpus(COUNT, 600)
const setup = useOfficeFixture()

/** The whole text a document is searched in, as the user sees it. */
const haystack = (d: CorpusDocument) => [d.content.docNumber, d.content.title, searchTextOf(d.content)].join('\n').toLowerCase()
const effectiveYear = (d: CorpusDocument) => (d.seq === null ? Number(d.content.signedDate.slice(0, 4)) : d.year)

/** Ids (1-based insertion order) of the corpus documents a filter should return. */
function expected(f: DocumentFilter, seriesIds: number[]): number[] {
  return corpus
    .map((d, i) => ({ d, id: i + 1 }))
    .filter(({ d }) => searchTerms(f.query).every((t) => t.variants.some((v) => haystack(d).includes(v.toLowerCase()))))
    .filter(({ d }) => f.year === undefined || effectiveYear(d) === f.year)
    .filter(({ d }) => f.seriesId === undefined || seriesIds[d.seriesIndex] === f.seriesId)
    .filter(({ d }) => !f.kind || d.kind === f.kind)
    .filter(({ d }) => !f.status || d.status === f.status)
    .map(({ id }) => id)
}

let envs: ReturnType<typeof tempWorkspace>[] = []
afterEach(() => {
  envs.forEach((e) => e.dispose())
  envs = []
})

/** A workspace holding the corpus (ids 1…COUNT in corpus order). */
function corpusWorkspace() {
  const env = tempWorkspace()
  envs.push(env)
  const db = env.ws.db()
  const seriesIds = insertCorpus(db, corpus)
  return { env, db, seriesIds }
}

/** Every page of a filter, pageSize 37 (not a divisor of anything here). */
function allPages(db: ReturnType<Workspace['db']>, f: DocumentFilter): { ids: number[]; totals: number[]; items: DocumentListItem[] } {
  const items: DocumentListItem[] = []
  const totals: number[] = []
  for (let page = 1; page < 100; page++) {
    const r = listDocuments(db, { ...f, page, pageSize: 37 })
    totals.push(r.total)
    items.push(...r.items)
    if (r.items.length < 37) break
  }
  return { ids: items.map((d) => d.id), totals, items }
}

describe('documents.list over a generated corpus', () => {
  beforeAll(() => {
    expect(corpus.length).toBe(COUNT)
  })

  it('pages through every document once, with the total on every page, newest change first', () => {
    const { db } = corpusWorkspace()
    const { ids, totals } = allPages(db, { query: '' })
    expect(ids).toHaveLength(COUNT)
    expect(new Set(ids).size).toBe(COUNT)
    expect(new Set(totals)).toEqual(new Set([COUNT]))
    const byUpdate = corpus.map((d, i) => ({ id: i + 1, at: d.updatedAt })).sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id)
    expect(ids).toEqual(byUpdate.map((x) => x.id))
    const beyond = listDocuments(db, { query: '', page: 50, pageSize: 20 })
    expect(beyond).toMatchObject({ items: [], total: COUNT, page: 50, pageSize: 20 })
  })

  it('sorts by 成文日期, 文号 and 状态 in both directions', () => {
    const { db } = corpusWorkspace()
    const rows = corpus.map((d, i) => ({ id: i + 1, d }))
    const date = [...rows].sort((a, b) => a.d.content.signedDate.localeCompare(b.d.content.signedDate) || a.id - b.id).map((x) => x.id)
    expect(allPages(db, { query: '', sort: 'date', order: 'asc' }).ids).toEqual(date)
    expect(allPages(db, { query: '', sort: 'date', order: 'desc' }).ids).toEqual([...date].reverse())

    const numbered = allPages(db, { query: '', sort: 'docNumber', order: 'desc' }).items.filter((d) => d.docNumber)
    const key = (n: string) => {
      const m = /^(.+)〔(\d{4})〕(\d+)号$/.exec(n)!
      return [Number(m[2]), CORPUS_SERIES.indexOf(m[1] as (typeof CORPUS_SERIES)[number]), Number(m[3])]
    }
    const keys = numbered.map((d) => key(d.docNumber))
    const sortedKeys = [...keys].sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2])
    expect(keys).toEqual(sortedKeys)

    const rank = { draft: 0, signed: 1, printed: 2, voided: 3 }
    const statuses = allPages(db, { query: '', sort: 'status', order: 'asc' }).items.map((d) => rank[d.status])
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b))
    expect(statuses[0]).toBe(0)
  })

  it.each<[string, Partial<DocumentFilter>]>([
    ['a 3+ character term', { query: '食品安全' }],
    ['a common term', { query: '校园安全' }],
    ['two terms', { query: '校园安全 取得明显成效' }],
    ['a 2-character term (bigram index)', { query: '均衡' }],
    ['a 1-character term (bigram index)', { query: '督' }],
    ['two short terms, one of them a digit', { query: '督 2' }],
    ['a short term with a character the bigram index does not keep (LIKE)', { query: '\u200b督' }],
    ['a 2-character term found in table cells', { query: '缺失' }],
    ['an ASCII term of 2 characters, not matched in JSON keys', { query: 'le' }],
    ['a year in brackets', { query: '[2024]' }],
    ['a term with year, kind and status', { query: '校园安全', year: 2023, kind: '通知', status: 'printed' }],
    ['year and series only', { query: '', year: 2022 }],
    ['a short term with filters', { query: '督导', status: 'draft' }],
  ])('finds exactly the documents a brute-force reading finds: %s', (_name, filter) => {
    const { db, seriesIds } = corpusWorkspace()
    const f: DocumentFilter = { query: '', ...filter }
    if (f.query === '' && f.year === 2022) f.seriesId = seriesIds[1]
    const want = expected(f, seriesIds)
    for (const sort of ['relevance', 'updated', 'date', 'docNumber', 'status'] as const) {
      const { ids, totals } = allPages(db, { ...f, sort })
      expect([...ids].sort((a, b) => a - b)).toEqual(want)
      expect(totals.every((t) => t === want.length)).toBe(true)
    }
  })

  it.each<[string, Partial<DocumentFilter>]>([
    ['one common term', { query: '校园安全' }],
    ['two terms', { query: '校园安全 取得明显成效' }],
    ['a term found in titles and bodies', { query: '督导检查' }],
    ['a year in brackets (文号 matches)', { query: '[2024]' }],
    ['a term and a short term with a filter', { query: '校园安全 督', status: 'printed' }],
  ])(
    'orders by relevance as a brute-force reading does (文号 10, 标题 5, 正文 1 per term; newest first), ascending the exact reverse: %s',
    (_name, filter) => {
      const { db, seriesIds } = corpusWorkspace()
      const f: DocumentFilter = { query: '', ...filter }
      const terms = searchTerms(f.query).filter((t) => t.variants.every((v) => [...v].length >= 3))
      const score = (d: CorpusDocument) =>
        terms
          .map((t) => {
            const found = (text: string) => t.variants.some((v) => text.toLowerCase().includes(v.toLowerCase()))
            return found(d.content.docNumber) ? 10 : found(d.content.title) ? 5 : 1
          })
          .reduce((a, b) => a + b, 0)
      const want = expected(f, seriesIds)
        .map((id) => ({ id, d: corpus[id - 1] }))
        .sort((a, b) => score(b.d) - score(a.d) || b.d.updatedAt.localeCompare(a.d.updatedAt) || b.id - a.id)
        .map((x) => x.id)
      const { ids, totals } = allPages(db, { ...f, sort: 'relevance' })
      expect(ids).toEqual(want)
      expect(new Set(totals)).toEqual(new Set([want.length]))
      expect(allPages(db, { ...f, sort: 'relevance', order: 'asc' }).ids).toEqual([...want].reverse())
      expect(listDocuments(db, f).items.map((d) => d.id)).toEqual(want.slice(0, 20))
    },
  )

  it('every bracket form and full-width digits of a 文号 find it', async () => {
    const { db } = corpusWorkspace()
    const doc = corpus.findIndex((d) => d.seq === 7 && d.seriesIndex === 0)
    const { year } = corpus[doc]
    for (const form of bracketForms(CORPUS_SERIES[0], year, 7)) {
      const items = listDocuments(db, { query: form }).items
      expect(
        items.map((d) => d.id),
        form,
      ).toContain(doc + 1)
      expect(items[0].docNumber, form).toBe(`${CORPUS_SERIES[0]}〔${year}〕7号`)
    }
    expect(listDocuments(db, { query: `${CORPUS_SERIES[0]}〔${year}〕7 号` }).items[0].id).toBe(doc + 1)
    expect(normalizeDocNumberText('﹝２０２４﹞第004号')).toBe('〔2024〕4号')
    expect(normalizeDocNumberText('(2024)')).toBe('〔2024〕')
  })
})

describe('documents.list through the dispatcher', () => {
  const saveInput = (doc: any, seriesId: number, content: Record<string, unknown>) => ({
    id: doc.id,
    kind: doc.kind,
    format: doc.format,
    seriesId,
    content: { ...fillTemplate(doc.content), ...content },
  })

  it('ranks a match in the title above matches in the body, and cuts a highlighted snippet from the body', async () => {
    const { call, series } = await setup()
    const bodyOnly = await call('documents.create', { templateKey: 'letter' })
    await call(
      'documents.save',
      saveInput(bodyOnly, series.id, {
        title: '关于商请协助开展评估的函',
        body: [{ level: 0, text: `${'按照年度工作安排，'.repeat(8)}请协助做好近视防控抽查工作，并于月底前反馈。` }],
      }),
    )
    const inTitle = await call('documents.create', { templateKey: 'letter' })
    await call(
      'documents.save',
      saveInput(inTitle, series.id, { title: '关于近视防控工作的函', body: [{ level: 0, text: '请按要求办理。' }] }),
    )
    const page = await call('documents.list', { query: '近视防控' })
    expect(page.total).toBe(2)
    expect(page.items.map((d: any) => d.id)).toEqual([inTitle.id, bodyOnly.id])
    expect(page.highlights).toEqual(['近视防控'])
    const snippet = page.items[1].snippet
    expect(snippet.filter((p: any) => p.hit).map((p: any) => p.text)).toEqual(['近视防控'])
    expect(snippet[0].text).toBe('…')
    expect(snippet.map((p: any) => p.text).join('').length).toBeLessThanOrEqual(84)
    expect(page.items[0].snippet).toBeNull()
  })

  it('finds table cell text in 正文 and attachments with a highlighted snippet, and never image bytes, block kinds or alignments', async () => {
    const { call, series } = await setup()
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
    const table = (cell: string) => ({
      kind: 'table',
      level: 0,
      text: '问题清单',
      table: {
        columns: [{ chars: 8 }, { auto: true }, { chars: 6 }],
        headerRows: 1,
        rows: [
          ['学校', '问题', '整改期限'],
          ['金贵镇中心小学', cell, '6月底前'],
        ],
        align: ['left', 'center', 'right'],
      },
    })
    const inBody = await call('documents.create', { templateKey: 'letter' })
    await call(
      'documents.save',
      saveInput(inBody, series.id, {
        title: '关于整改问题的函',
        body: [
          { level: 0, text: '现将督导发现的问题通报如下。' },
          table('晨午检记录缺失'),
          { kind: 'image', level: 0, text: '图1 得分', image: { format: 'png', data: png, widthMm: 60, heightMm: 30 } },
        ],
      }),
    )
    const inAttachment = await call('documents.create', { templateKey: 'letter' })
    await call(
      'documents.save',
      saveInput(inAttachment, series.id, {
        title: '关于报送材料的函',
        body: [{ level: 0, text: '请按附件要求报送。' }],
        attachments: [{ title: '问题清单', body: [table('饮用水檙检报告未公示')] }],
      }),
    )
    const found = async (query: string) => (await call('documents.list', { query })).items.map((d: any) => d.id)
    expect(await found('晨午检记录')).toEqual([inBody.id])
    expect(await found('晨午')).toEqual([inBody.id])
    expect(await found('檙')).toEqual([inAttachment.id])
    expect(await found('饮用水檙检')).toEqual([inAttachment.id])
    const snippet = (await call('documents.list', { query: '晨午检记录' })).items[0].snippet
    expect(snippet.filter((p: any) => p.hit).map((p: any) => p.text)).toEqual(['晨午检记录'])
    expect(snippet.map((p: any) => p.text).join('')).toContain('金贵镇中心小学 晨午检记录缺失 6月底前')
    for (const query of ['iVBOR', 'png', 'table', 'image', 'center', 'right', 'le', 'g']) expect(await found(query), query).toEqual([])
  })

  it('returns text as data, never markup: a title with <b> and & comes back as typed', async () => {
    const { call, series } = await setup()
    const doc = await call('documents.create', { templateKey: 'letter' })
    await call(
      'documents.save',
      saveInput(doc, series.id, {
        title: '关于<b>标签</b>&amp;的函',
        body: [{ level: 0, text: '正文含有<script>alert(1)</script>字样。' }],
      }),
    )
    const page = await call('documents.list', { query: 'script' })
    expect(page.items[0].title).toBe('关于<b>标签</b>&amp;的函')
    expect(page.items[0].snippet.map((p: any) => p.text).join('')).toContain('<script>alert(1)</script>')
  })

  it('keeps the contentless index in step with saves and deletes', async () => {
    const { call, series } = await setup()
    const doc = await call('documents.create', { templateKey: 'letter' })
    await call('documents.save', saveInput(doc, series.id, { body: [{ level: 0, text: '开展防溺水专题教育。' }] }))
    expect((await call('documents.list', { query: '防溺水' })).total).toBe(1)
    await call('documents.save', saveInput(doc, series.id, { body: [{ level: 0, text: '开展消防演练。' }] }))
    expect((await call('documents.list', { query: '防溺水' })).total).toBe(0)
    expect((await call('documents.list', { query: '消防演练' })).items.map((d: any) => d.id)).toEqual([doc.id])
    await call('documents.delete', { id: doc.id })
    expect((await call('documents.list', { query: '消防演练' })).total).toBe(0)
  })

  it('keeps the number/title index of the relevance order in step with saves and deletes', async () => {
    const { call, series } = await setup()
    const a = await call('documents.create', { templateKey: 'letter' })
    const b = await call('documents.create', { templateKey: 'letter' })
    await call('documents.save', saveInput(a, series.id, { title: '关于消防演练的函', body: [{ level: 0, text: '请按要求办理。' }] }))
    await call('documents.save', saveInput(b, series.id, { title: '关于其他工作的函', body: [{ level: 0, text: '开展消防演练。' }] }))
    const order = async () => (await call('documents.list', { query: '消防演练' })).items.map((d: any) => d.id)
    expect(await order()).toEqual([a.id, b.id])
    await call('documents.save', saveInput(a, series.id, { title: '关于安全工作的函', body: [{ level: 0, text: '组织消防演练。' }] }))
    expect(await order()).toEqual([a.id, b.id])
    await call('documents.save', saveInput(b, series.id, { title: '关于消防演练的函', body: [{ level: 0, text: '请按要求办理。' }] }))
    await call('documents.save', saveInput(a, series.id, { title: '关于安全工作的函', body: [{ level: 0, text: '组织消防演练，' }] }))
    expect(await order()).toEqual([b.id, a.id])
    await call('documents.delete', { id: b.id })
    expect(await order()).toEqual([a.id])
  })

  it('lists no search index among the tables of 系统信息', async () => {
    const { call } = await setup()
    const tables = ((await call('system.info', {})) as { tables: { table: string }[] }).tables.map((t) => t.table)
    expect(tables).toContain('documents')
    expect(tables.filter((t) => /^documents_(fts|grams|heads)/.test(t))).toEqual([])
  })

  it('refuses a page size over 100 and an unknown order, in Chinese', async () => {
    const { fail } = await setup()
    expect(await fail('documents.list', { query: '', pageSize: 500 })).toContain('每页条数')
    expect(await fail('documents.list', { query: '', sort: 'title' })).toContain('排序')
  })
})

describe('the bigram index', () => {
  it('holds every piece of a text longer than 10,000 characters (stored before the paragraph limit)', () => {
    const env = tempWorkspace()
    envs.push(env)
    const db = env.ws.db()
    const long = `${'按照年度工作安排'.repeat(1500)}鑫淼`
    expect(long.length).toBe(12002)
    const id = insertDocument(db, {
      kind: '通知',
      format: 'file',
      seriesId: null,
      templateKey: '',
      content: { ...corpus[0].content, title: '关于测试的通知', body: [{ level: 0, text: long }] },
      at: '2024-01-01T00:00:00.000Z',
    })
    for (const query of ['鑫淼', '淼', '鑫', '排按', '安排鑫'])
      expect(
        listDocuments(db, { query }).items.map((d) => d.id),
        query,
      ).toEqual([id])
  })
})

describe('upgrade from schema 0005', () => {
  it('moves the text into the contentless index, drops search_text and finds the same documents', () => {
    const env = tempWorkspace()
    envs.push(env)
    const file = join(env.dir, 'old.sqlite')
    const db = openDatabase(file)
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 5),
      () => null,
    )
    const seriesIds = insertCorpus(db, corpus, {
      search_text: (d) =>
        [d.content.docNumber, d.content.title, d.content.recipients, ...d.content.body.map((b) => b.text), d.content.ccRecipients].join(
          '\n',
        ),
    })
    migrate(db, MIGRATIONS, () => null)
    const columns = (db.prepare('PRAGMA table_info(documents)').all() as { name: string }[]).map((c) => c.name)
    expect(columns).not.toContain('search_text')
    for (const query of ['食品安全', '校园安全 取得明显成效', '均衡', '[2023]']) {
      const { ids } = allPages(db, { query })
      expect(
        [...ids].sort((a, b) => a - b),
        query,
      ).toEqual(expected({ query }, seriesIds))
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})

describe('documents list on the command line', () => {
  it('prints a page with snippets and the page count', async () => {
    const { env, seriesIds } = corpusWorkspace()
    expect(seriesIds).toHaveLength(3)
    env.ws.close()
    const out: string[] = []
    const opened: Workspace[] = []
    const code = await runCli(
      ['documents', 'list', '--query', '食品安全', '--page-size', '5', '--data-dir', env.dir],
      (dataDir) => {
        const ws = new Workspace(dataDir!)
        opened.push(ws)
        return { workspace: ws, handlers: createHandlers(ws) }
      },
      { out: (t) => out.push(t), err: (t) => out.push(t) },
    )
    opened.forEach((w) => w.close())
    const text = out.join('\n')
    expect(code).toBe(0)
    expect(text).toContain('【食品安全】')
    const total = expected({ query: '食品安全' }, seriesIds).length
    expect(text).toContain(`共 ${total} 份，第 1/${Math.ceil(total / 5)} 页`)
  })
})
