/**
 * Records that tell the truth (issue 10): local times, real dates, signed text that stays signed,
 * template leftovers refused at 签发, one 断号 count, clean text at the boundary, text limits, and
 * the lifecycle rules. Each case here was accepted (or shown wrongly) before.
 */
process.env.TZ = 'Asia/Shanghai'

import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { exportedFile } from '../../helpers/exported'
import { useOfficeFixture } from '../../helpers/officeFixture'
import { fillTemplate } from './fillTemplate'

const setup = useOfficeFixture()

afterEach(() => {
  vi.useRealTimers()
})

/** Save payload of a template document filled in as a clerk would, with `content` on top. */
const filled = (doc: any, seriesId: number | null, content: Record<string, unknown> = {}) => ({
  id: doc.id,
  kind: doc.kind,
  format: doc.format,
  seriesId,
  content: { ...fillTemplate(doc.content), ...content },
})

/** Save payload with the content exactly as given (template leftovers kept). */
const raw = (doc: any, seriesId: number | null, content: Record<string, unknown> = {}) => ({
  id: doc.id,
  kind: doc.kind,
  format: doc.format,
  seriesId,
  content: { ...doc.content, ...content },
})

async function readXlsx(data: Buffer) {
  const ExcelJS = (await import('exceljs')).default
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(data as any)
  return wb
}

/** The sheet's rows as header → text objects (row 2 holds the headers), and its 合计 line. */
function sheetRows(ws: import('exceljs').Worksheet) {
  const headers = (ws.getRow(2).values as unknown[]).map((v) => String(v ?? ''))
  const rows: Record<string, string>[] = []
  let total = ''
  ws.eachRow((row, n) => {
    if (n <= 2) return
    const first = String(row.getCell(1).value ?? '')
    if (first.startsWith('合计')) total = first
    else if (first) rows.push(Object.fromEntries(headers.map((h, i) => [h, String(row.getCell(i).value ?? '')]).filter(([h]) => h)))
  })
  return { rows, total }
}

describe('times are shown in local time (TZ=Asia/Shanghai)', () => {
  it('the register export and the refusal to void twice give the local date and time, across midnight', async () => {
    const { env, call, fail } = await setup()
    await call('numbers.allocate', { prefix: '固政教督办', year: 2024, title: '一号文' })
    // 01:30 on 22 March in China is still 21 March in UTC.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2024-03-21T17:30:00.000Z'))
    const voided = await call('numbers.void', { docNumber: '固政教督办〔2024〕1号', reason: '内容有误', by: '王芳' })
    expect(voided.voidedAt).toBe('2024-03-21T17:30:00.000Z') // stored unambiguously (UTC, with Z)
    expect(await fail('numbers.void', { docNumber: '固政教督办〔2024〕1号', reason: '再次作废', by: '王芳' })).toContain(
      '2024年3月22日 01:30',
    )
    const file = await exportedFile(env.ws, await call('numbers.exportRegister', { year: 2024 }))
    const { rows } = sheetRows((await readXlsx(file.data)).getWorksheet('固政教督办')!)
    expect(rows[0]['作废时间']).toBe('2024年3月22日 01:30')
  })

  it('a copy made just after midnight is dated today, not yesterday (UTC)', async () => {
    const { call, series } = await setup()
    const doc = await call('documents.create', { templateKey: 'letter' })
    await call('documents.save', filled(doc, series.id, { signedDate: '2024-01-10', printedDate: '' }))
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2024-03-21T16:05:00.000Z')) // 00:05 on 22 March in China
    const copy = await call('documents.duplicate', { id: doc.id })
    expect(copy.content.signedDate).toBe('2024-03-22')
    expect(copy.content.printedDate).toBe('2024-03-22')
    expect(copy.history[0].at).toBe('2024-03-21T16:05:00.000Z')
  })
})

describe('dates are real calendar dates', () => {
  it('refuses 2024-02-30 and 2024-13-45 as 成文日期, 印发日期 and 补登 dates; accepts 29 February of a leap year', async () => {
    const { call, fail, series } = await setup()
    const doc = await call('documents.create', { templateKey: 'letter' })
    for (const bad of ['2024-02-30', '2024-13-45', '2023-02-29', '1900-01-01', '2024-2-3']) {
      expect(await fail('documents.save', filled(doc, series.id, { signedDate: bad }))).toMatch(/「成文日期」应为有效的日期/)
      expect(await fail('documents.save', filled(doc, series.id, { printedDate: bad }))).toMatch(/「印发日期」应为有效的日期/)
    }
    await call('documents.save', filled(doc, series.id, { signedDate: '2024-02-29', printedDate: '2024-02-29' }))
    expect(await fail('numbers.record', { docNumber: '固政教督办〔2024〕3号', title: '补登', issuedOn: '2024-02-30' })).toMatch(
      /「成文日期」应为有效的日期/,
    )
    await call('documents.sign', { id: doc.id })
    expect(await fail('documents.markPrinted', { id: doc.id, printedDate: '2024-04-31' })).toMatch(/「印发日期」应为有效的日期/)
  })

  it('a date stored before this check (a bad 成文日期 in the database) cannot be signed', async () => {
    const { env, call, fail, series } = await setup()
    const doc = await call('documents.create', { templateKey: 'letter' })
    await call('documents.save', filled(doc, series.id, { signedDate: '2024-02-28' }))
    const db = env.ws.db()
    db.prepare("UPDATE documents SET content = json_set(content, '$.signedDate', '2024-02-30') WHERE id = ?").run(doc.id)
    expect(await fail('documents.sign', { id: doc.id })).toContain('成文日期「2024-02-30」不是有效的日期')
  })
})

describe('after 签发 the text is what was approved', () => {
  it('locks a signed document (service and database) until 退回修改, which keeps the number and records who and why', async () => {
    const { env, call, fail, series } = await setup()
    const doc = await call('documents.create', { templateKey: 'supervision-bulletin' })
    await call('documents.save', filled(doc, series.id, { signedDate: '2024-04-10', printedDate: '' }))
    const signed = await call('documents.sign', { id: doc.id })
    expect(await fail('documents.save', filled(signed, series.id, { title: '改过的标题' }))).toMatch(/已签发的公文已锁定/)
    const db = env.ws.db()
    expect(() => db.prepare('UPDATE documents SET title = ? WHERE id = ?').run('绕过', doc.id)).toThrow(/已签发的公文已锁定/)
    expect(() => db.prepare("UPDATE documents SET content = json_set(content, '$.title', '绕过') WHERE id = ?").run(doc.id)).toThrow(
      /已签发的公文已锁定/,
    )
    expect((await call('documents.get', { id: doc.id })).title).toBe(signed.title)

    expect(await fail('documents.returnForEdit', { id: doc.id, reason: '', by: '王芳' })).toContain('「退回原因」')
    const back = await call('documents.returnForEdit', { id: doc.id, reason: '标题需修改', by: '王芳' })
    expect(back).toMatchObject({ status: 'draft', docNumber: '固政教督办〔2024〕1号' })
    expect(back.history.at(-1)).toMatchObject({ action: '退回修改', note: '王芳：标题需修改（保留文号 固政教督办〔2024〕1号）' })
    expect(await fail('documents.returnForEdit', { id: doc.id, reason: '再退', by: '王芳' })).toMatch(/只有已签发的公文可以退回修改/)
    expect(await fail('documents.delete', { id: doc.id })).toMatch(/已有文号 固政教督办〔2024〕1号（退回修改），不能删除/)
    await call('documents.save', filled(back, series.id, { title: '改过的标题', signedDate: '2024-04-12', printedDate: '' }))
    expect(await fail('documents.save', filled(back, null))).toMatch(/不能更换文号系列/)
    const again = await call('documents.sign', { id: doc.id })
    expect(again).toMatchObject({ status: 'signed', docNumber: '固政教督办〔2024〕1号', title: '改过的标题' })
    expect(again.history.at(-1)).toMatchObject({ action: '签发', note: '重新签发，沿用文号 固政教督办〔2024〕1号' })
    // Still one number in the register, now dated with the new 成文日期; the next document takes 2号.
    expect(await call('numbers.register', { year: 2024 })).toEqual([
      expect.objectContaining({ seq: 1, status: 'used', issuedOn: '2024-04-12', title: '改过的标题' }),
    ])
    // Printing still writes the 印发日期 into a signed document.
    expect((await call('documents.markPrinted', { id: doc.id, printedDate: '2024-04-15' })).content.printedDate).toBe('2024-04-15')
  })
})

describe('signing refuses what is left of a template', () => {
  it('lists every placeholder, empty heading and empty numbered item', async () => {
    const { call, fail, series } = await setup()
    const doc = await call('documents.create', { templateKey: 'request' })
    await call('documents.save', raw(doc, series.id, { signers: ['张三'] }))
    const message = await fail('documents.sign', { id: doc.id })
    expect(message).toContain('标题中还有待填写的「××」')
    expect(message).toContain('正文第1段中还有待填写的「（请示缘由）」')
    expect(message).toContain('正文第2段中还有待填写的「（请示事项）」')

    const notice = await call('documents.create', { templateKey: 'supervision-notice' })
    await call(
      'documents.save',
      raw(notice, series.id, {
        body: [
          { level: 0, text: '根据工作安排，现将有关事项通知如下：' },
          { level: 1, text: '' },
          { level: 0, text: '内容。' },
          { level: 1, text: '工作要求' },
          { level: 3, text: '' },
          { level: 3, text: '各学校于×月×日前完成自查。' },
        ],
        attachments: [],
      }),
    )
    const m2 = await fail('documents.sign', { id: notice.id })
    expect(m2).toContain('正文第2段「一、」标题是空的')
    expect(m2).toContain('正文第5段「1.」条目是空的')
    expect(m2).toContain('正文第6段中还有待填写的「×月」')
    expect(m2).toContain('标题中还有待填写的「×月」')
  })

  it('refuses a template section never written (a heading over blank paragraphs)', async () => {
    const { call, fail, series } = await setup()
    const doc = await call('documents.create', { templateKey: 'report' })
    await call('documents.save', raw(doc, series.id, { signers: ['张三'] }))
    expect(await fail('documents.sign', { id: doc.id })).toContain('正文第2段「一、主要工作及成效」下面还没有内容')
  })

  it('signs every template once it is properly filled in', async () => {
    const { call, series } = await setup()
    for (const t of await call('documents.templates', {})) {
      const doc = await call('documents.create', { templateKey: t.key })
      await call('documents.save', filled(doc, series.id, { signers: ['张三'], signedDate: '2024-06-01', printedDate: '2024-06-01' }))
      expect((await call('documents.sign', { id: doc.id })).status, t.name).toBe('signed')
    }
  })
})

describe('the 发文登记簿: one definition of 断号', () => {
  it('counts voided numbers and unrecorded gaps as 断号 alike, on screen data and in the .xlsx (read back)', async () => {
    const { env, call, series } = await setup()
    await call('numbers.allocate', { seriesId: series.id, year: 2024, title: '一号文' })
    await call('numbers.reserve', { seriesId: series.id, year: 2024, purpose: '年度总结' })
    await call('numbers.allocate', { seriesId: series.id, year: 2024, title: '三号文' })
    await call('numbers.void', { docNumber: '固政教督办〔2024〕3号', reason: '内容有误，撤回', by: '王芳' })
    await call('numbers.record', { docNumber: '固政教督办〔2024〕6号', title: '补登的六号文', issuedOn: '2024-05-01' })
    const { registerTotals, isNumberBreak } = await import('../../../shared/documents/register')
    const register = await call('numbers.register', { year: 2024 })
    expect(register.filter(isNumberBreak).map((e: any) => e.seq)).toEqual([3, 4, 5])
    expect(registerTotals(register)).toEqual({ used: 2, reserved: 1, voided: 1, unrecorded: 2, breaks: 3 })

    const { rows, total } = sheetRows(
      (await readXlsx((await exportedFile(env.ws, await call('numbers.exportRegister', { year: 2024 }))).data)).getWorksheet('固政教督办')!,
    )
    expect(rows.map((r) => r['文号状态'])).toEqual(['已用', '预留', '作废', '断号', '断号', '已用'])
    // Every voided row says why, who and when.
    for (const r of rows.filter((x) => x['文号状态'] === '作废')) {
      expect(r['作废原因']).toBe('内容有误，撤回')
      expect(r['经办人']).toBe('王芳')
      expect(r['作废时间']).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
    }
    // The 合计 row agrees with the rows themselves.
    const count = (s: string) => rows.filter((r) => r['文号状态'] === s).length
    expect(total).toBe(
      `合计：已用 ${count('已用')} 个，预留 ${count('预留')} 个，断号 ${count('作废') + count('断号')} 个（作废 ${count('作废')} 个，未登记 ${count('断号')} 个）`,
    )
    expect(total).toBe('合计：已用 2 个，预留 1 个，断号 3 个（作废 1 个，未登记 2 个）')
  })

  it('refuses to void the next number never issued, and says in Chinese when 99999 is reached', async () => {
    const { call, fail } = await setup()
    await call('numbers.allocate', { prefix: '固政教督办', year: 2024 })
    expect(await fail('numbers.void', { docNumber: '固政教督办〔2024〕2号', reason: '提前作废', by: '王芳' })).toMatch(/尚未使用，不能作废/)
    await call('numbers.record', { docNumber: '固政教督办〔2024〕99999号', title: '最后一号', issuedOn: '2024-12-30' })
    expect(await fail('numbers.allocate', { prefix: '固政教督办', year: 2024 })).toBe('「固政教督办」2024年的文号已用尽（最大为99999号）')
    expect(await fail('numbers.reserve', { prefix: '固政教督办', year: 2024, purpose: '预留' })).toContain('已用尽')
  })
})

describe('clean text and clear messages at the boundary', () => {
  it('removes control characters and NUL from every text field', async () => {
    const { call, series } = await setup()
    const doc = await call('documents.create', { templateKey: 'letter' })
    const saved = await call(
      'documents.save',
      filled(doc, series.id, {
        title: '关于\u0000商请\u0007协助的函\u001b',
        body: [{ level: 0, text: '第一行\u0000\n第二行\u0008' }],
        attendance: { present: '张\u0000三', absent: '', observers: '' },
      }),
    )
    expect(saved.content.title).toBe('关于商请协助的函')
    expect(saved.content.body[0].text).toBe('第一行\n第二行')
    expect(saved.content.attendance.present).toBe('张三')
    const n = await call('numbers.allocate', { prefix: '固政教督办', year: 2024, title: '带\u0000控制符' })
    expect((await call('numbers.register', { year: 2024 }))[0].title).toBe('带控制符')
    expect(n.seq).toBe(1)
  })

  it('names fields by their Chinese label, never by a path, with the right bound', async () => {
    const { call, fail, series } = await setup()
    const doc = await call('documents.create', { templateKey: 'letter' })
    const { attendance: _omit, ...withoutAttendance } = doc.content
    const m = await fail('documents.save', {
      id: doc.id,
      kind: doc.kind,
      format: doc.format,
      seriesId: series.id,
      content: withoutAttendance,
    })
    expect(m).toBe('「出席人员」不能为空')
    expect(await fail('documents.get', { id: 0 })).toBe('「公文编号」应大于0')
    for (const message of [m, await fail('documents.save', { id: doc.id, kind: doc.kind, format: doc.format, seriesId: series.id })]) {
      expect(message).not.toMatch(/[a-z]+\.[a-z]+/i)
    }
  })

  it('limits every text field, and refuses a 9.6-million-character document with a clear message', async () => {
    const { call, fail, series } = await setup()
    const doc = await call('documents.create', { templateKey: 'letter' })
    expect(await fail('documents.save', filled(doc, series.id, { title: '长'.repeat(500) }))).toBe('「标题」不能超过200个字')
    const paragraph = '督'.repeat(10_000)
    const huge = Array.from({ length: 960 }, () => ({ level: 0, text: paragraph }))
    const m = await fail('documents.save', filled(doc, series.id, { body: huge }))
    expect(m).toBe('「公文内容」全文不能超过30万字（现有约960万字），请删减或分成几份公文')
    expect((await call('documents.get', { id: doc.id })).content.body).toEqual(doc.content.body)
  })
})

describe('lifecycle rules', () => {
  async function signedDoc(env: Awaited<ReturnType<typeof setup>>, content: Record<string, unknown> = {}) {
    const doc = await env.call('documents.create', { templateKey: 'supervision-bulletin' })
    await env.call('documents.save', filled(doc, env.series.id, { signedDate: '2024-04-10', printedDate: '', ...content }))
    return env.call('documents.sign', { id: doc.id })
  }

  it('refuses a 印发日期 before the 成文日期, at printing and at signing', async () => {
    const env = await setup()
    const doc = await signedDoc(env)
    expect(await env.fail('documents.markPrinted', { id: doc.id, printedDate: '2024-04-09' })).toBe('印发日期不能早于成文日期')
    const other = await env.call('documents.create', { templateKey: 'letter' })
    await env.call('documents.save', filled(other, env.series.id, { signedDate: '2024-04-10', printedDate: '2024-04-01' }))
    expect(await env.fail('documents.sign', { id: other.id })).toContain('印发日期不能早于成文日期')
  })

  it('refuses to correct a superseded document', async () => {
    const env = await setup()
    const doc = await signedDoc(env)
    await env.call('documents.markPrinted', { id: doc.id, printedDate: '2024-04-11' })
    const revision = await env.call('documents.revise', { id: doc.id })
    await env.call('documents.sign', { id: revision.id })
    expect(await env.fail('documents.revise', { id: doc.id })).toMatch(/该公文已被更正/)
  })

  it('refuses editing after the number was voided (service and database)', async () => {
    const env = await setup()
    const doc = await signedDoc(env)
    await env.call('numbers.void', { docNumber: doc.docNumber, reason: '撤回', by: '王芳' })
    expect(await env.fail('documents.save', filled(doc, env.series.id))).toBe('该公文的文号已作废，不能再修改')
    expect(await env.fail('documents.returnForEdit', { id: doc.id, reason: '想改', by: '王芳' })).toMatch(/只有已签发的公文可以退回修改/)
    expect(() => env.env.ws.db().prepare('UPDATE documents SET title = ? WHERE id = ?').run('绕过', doc.id)).toThrow(/文号已作废/)
  })

  it("refuses another year's reserved number, and an empty 正文", async () => {
    const env = await setup()
    const reserved = await env.call('numbers.reserve', { seriesId: env.series.id, year: 2023, purpose: '去年预留' })
    const doc = await env.call('documents.create', { templateKey: 'supervision-bulletin' })
    await env.call('documents.save', filled(doc, env.series.id, { signedDate: '2024-04-10', printedDate: '' }))
    expect(await env.fail('documents.sign', { id: doc.id, reservedNumberId: reserved.id })).toBe(
      '所选预留文号是2023年的，而成文日期在2024年',
    )
    const empty = await env.call('documents.create', { templateKey: 'letter' })
    await env.call(
      'documents.save',
      raw({ ...empty, content: fillTemplate(empty.content) }, env.series.id, { body: [{ level: 0, text: '  ' }] }),
    )
    expect(await env.fail('documents.sign', { id: empty.id })).toContain('正文不能为空')
    expect(await env.call('numbers.register', { year: 2024 })).toEqual([])
  })

  it('names exported files with characters Windows accepts', async () => {
    const env = await setup()
    const doc = await signedDoc(env, { title: '关于<督导>结果的通报: "A/B" 卷*?|\\ ...' })
    const file = await exportedFile(env.env.ws, await env.call('documents.exportDocx', { id: doc.id }))
    expect(file.fileName).toBe('固政教督办〔2024〕1号 关于_督导_结果的通报_ _A_B_ 卷_.docx')
    expect(file.fileName).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/)
  })

  it('a copy always has a 成文日期 (today), even from a document without one', async () => {
    const env = await setup()
    const doc = await env.call('documents.create', { templateKey: 'letter' })
    await env.call('documents.save', filled(doc, env.series.id, { signedDate: '', printedDate: '' }))
    const copy = await env.call('documents.duplicate', { id: doc.id })
    expect(copy.content.signedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const { localIsoDateOf } = await import('../../../shared/format/localTime')
    expect(copy.content.signedDate).toBe(localIsoDateOf(new Date()))
  })
})

describe('search uses the full-text index', () => {
  it('runs terms of 3+ characters through FTS5 (the query plan reads documents_fts), shorter ones through the bigram index, never LIKE', async () => {
    const { env, call, series } = await setup()
    const doc = await call('documents.create', { templateKey: 'letter' })
    await call('documents.save', filled(doc, series.id, { body: [{ level: 0, text: '重点检查校园食品安全。' }] }))
    const db = env.ws.db()
    const prepared: string[] = []
    const original = db.prepare.bind(db)
    const spy = vi.spyOn(db, 'prepare').mockImplementation(((sql: string) => {
      prepared.push(sql)
      return original(sql)
    }) as typeof db.prepare)
    expect((await call('documents.list', { query: '食品安全' })).items.map((d: any) => d.id)).toEqual([doc.id])
    const ftsSql = prepared.find((s) => s.includes('documents_fts MATCH'))!
    expect(ftsSql).toContain('documents_fts MATCH')
    expect(ftsSql).not.toContain('LIKE')
    const placeholders = ftsSql.match(/\?/g)!.length
    const plan = (original(`EXPLAIN QUERY PLAN ${ftsSql}`).all(...Array(placeholders).fill('"食品安全"')) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n')
    expect(plan).toMatch(/VIRTUAL TABLE INDEX/)
    prepared.length = 0
    for (const query of ['食品', '食']) {
      expect((await call('documents.list', { query })).items.map((d: any) => d.id)).toEqual([doc.id])
      const sql = prepared.filter((s) => s.includes('FROM documents d'))
      expect(sql.join('\n')).toContain('documents_grams MATCH')
      expect(sql.join('\n')).not.toContain('LIKE')
      prepared.length = 0
    }
    spy.mockRestore()
  })
})

describe('signing is serialised across processes', () => {
  interface SignResult {
    numbers: string[]
    startedAt: number
    endedAt: number
  }
  function startWorker(dataDir: string, ids: number[]) {
    const tsxCli = require.resolve('tsx/cli')
    const child = spawn(process.execPath, [tsxCli, join(__dirname, 'signWorker.ts'), dataDir, ids.join(',')])
    let out = ''
    let err = ''
    let markReady!: () => void
    const ready = new Promise<void>((r) => (markReady = r))
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => {
      err += d
      if (err.includes('ready')) markReady()
    })
    const result = new Promise<SignResult>((resolve, reject) => {
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))))
    })
    return { ready, result, go: () => child.stdin.write('go\n') }
  }

  it('two processes signing different drafts of one series get distinct consecutive numbers', async () => {
    const { env, call, series } = await setup()
    const ids: number[] = []
    for (let i = 0; i < 40; i++) {
      const doc = await call('documents.create', { templateKey: 'letter' })
      await call(
        'documents.save',
        filled(doc, series.id, { title: `关于并发签发测试的函（${i + 1}）`, signedDate: '2024-07-01', printedDate: '' }),
      )
      ids.push(doc.id)
    }
    env.ws.close()
    const workers = [
      startWorker(
        env.dir,
        ids.filter((_, i) => i % 2 === 0),
      ),
      startWorker(
        env.dir,
        ids.filter((_, i) => i % 2 === 1),
      ),
    ]
    await Promise.all(workers.map((w) => w.ready))
    workers.forEach((w) => w.go())
    const [ra, rb] = await Promise.all(workers.map((w) => w.result))
    const seqs = [...ra.numbers, ...rb.numbers].map((n) => Number(/〕(\d+)号/.exec(n)![1])).sort((x, y) => x - y)
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    expect(ra.startedAt < rb.endedAt && rb.startedAt < ra.endedAt).toBe(true)
    const db = env.ws.db()
    expect(db.prepare("SELECT count(*) AS n, count(DISTINCT doc_number) AS d FROM documents WHERE status = 'signed'").get()).toEqual({
      n: 40,
      d: 40,
    })
  }, 120_000)
})
