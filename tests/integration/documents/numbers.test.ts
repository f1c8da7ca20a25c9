import { spawn } from 'node:child_process'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { useOfficeFixture } from '../../helpers/officeFixture'
import { exportedFile } from '../../helpers/exported'

const setup = useOfficeFixture()

interface WorkerResult {
  taken: number[]
  startedAt: number
  endedAt: number
}

interface Worker {
  ready: Promise<void>
  go(): void
  result: Promise<WorkerResult>
}

function startWorker(dataDir: string, count: number): Worker {
  const tsxCli = require.resolve('tsx/cli')
  const child = spawn(process.execPath, [tsxCli, join(__dirname, 'allocateWorker.ts'), dataDir, String(count), '固政教督办'])
  let out = ''
  let err = ''
  let markReady!: () => void
  const ready = new Promise<void>((r) => (markReady = r))
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => {
    err += d
    if (err.includes('ready')) markReady()
  })
  const result = new Promise<WorkerResult>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))))
  })
  return { ready, result, go: () => child.stdin.write('go\n') }
}

describe('number register (发文登记簿)', () => {
  it('allocates per series and year from 1, formatted to the standard', async () => {
    const { call } = await setup()
    await call('numbers.saveSeries', { prefix: '固政教督发', name: '发文' })
    expect((await call('numbers.allocate', { prefix: '固政教督办', year: 2023 })).docNumber).toBe('固政教督办〔2023〕1号')
    expect((await call('numbers.allocate', { prefix: '固政教督办', year: 2023 })).docNumber).toBe('固政教督办〔2023〕2号')
    expect((await call('numbers.allocate', { prefix: '固政教督发', year: 2023 })).docNumber).toBe('固政教督发〔2023〕1号')
    expect((await call('numbers.allocate', { prefix: '固政教督办', year: 2024 })).docNumber).toBe('固政教督办〔2024〕1号')
  })

  it('two processes allocating 500 each get 1000 distinct consecutive numbers, no gaps', async () => {
    const { env } = await setup()
    env.ws.close()
    const workers = [startWorker(env.dir, 500), startWorker(env.dir, 500)]
    await Promise.all(workers.map((w) => w.ready))
    workers.forEach((w) => w.go())
    const [ra, rb] = await Promise.all(workers.map((w) => w.result))
    const [a, b] = [ra.taken, rb.taken]
    const all = [...a, ...b].sort((x, y) => x - y)
    expect(new Set(all).size).toBe(1000)
    expect(all[0]).toBe(1)
    expect(all[999]).toBe(1000)
    // Both really ran at the same time (each started before the other finished), so they contended for
    // the write lock; whether their numbers interleave depends on SQLite's busy back-off, not on us.
    expect(ra.startedAt < rb.endedAt && rb.startedAt < ra.endedAt).toBe(true)
    const db = new Database(env.ws.dbPath, { readonly: true })
    expect(db.prepare('SELECT count(*) AS n, count(DISTINCT seq) AS d FROM doc_numbers').get()).toEqual({ n: 1000, d: 1000 })
    db.close()
  }, 120_000)

  it('the database itself refuses a duplicate number', async () => {
    const { env, call, series } = await setup()
    await call('numbers.allocate', { prefix: '固政教督办', year: 2024 })
    const db = env.ws.db()
    expect(() =>
      db.prepare(`INSERT INTO doc_numbers (series_id, year, seq, status, created_at) VALUES (?, 2024, 1, 'used', 'x')`).run(series.id),
    ).toThrow(/UNIQUE/)
  })

  it('reserve, void and record, with the gaps (断号) shown explicitly', async () => {
    const { call, fail } = await setup()
    await call('numbers.allocate', { prefix: '固政教督办', year: 2024, title: '一号文' })
    const reserved = await call('numbers.reserve', { prefix: '固政教督办', year: 2024, purpose: '年度总结' })
    expect(reserved.docNumber).toBe('固政教督办〔2024〕2号')
    await call('numbers.record', { docNumber: '固政教督办[2024]05号', title: '补登的五号文', issuedOn: '2024-05-01' })
    const voided = await call('numbers.void', { docNumber: '固政教督办（2024）2号', reason: '计划取消', by: '王芳' })
    expect(voided).toMatchObject({ status: 'voided', voidReason: '计划取消', voidedBy: '王芳' })

    const register = await call('numbers.register', { year: 2024 })
    expect(register.map((e: any) => [e.seq, e.status])).toEqual([
      [1, 'used'],
      [2, 'voided'],
      [3, 'gap'],
      [4, 'gap'],
      [5, 'used'],
    ])
    expect(register[4].title).toBe('补登的五号文')
    // The next number continues after the highest ever taken: voided numbers are never reused.
    expect((await call('numbers.allocate', { prefix: '固政教督办', year: 2024 })).seq).toBe(6)

    // Voiding a gap records it; voiding twice, a number never reached, or a duplicate record is refused.
    await call('numbers.void', { docNumber: '固政教督办〔2024〕3号', reason: '漏号说明', by: '王芳' })
    expect((await call('numbers.register', { year: 2024 }))[2].status).toBe('voided')
    expect(await fail('numbers.void', { docNumber: '固政教督办〔2024〕3号', reason: '再次作废', by: '王芳' })).toMatch(/已于.*作废/)
    expect(await fail('numbers.void', { docNumber: '固政教督办〔2024〕99号', reason: '超前作废', by: '王芳' })).toMatch(/尚未使用/)
    expect(await fail('numbers.record', { docNumber: '固政教督办〔2024〕5号', title: '重复', issuedOn: '2024-05-01' })).toMatch(
      /已在登记簿中/,
    )
    expect(await fail('numbers.void', { docNumber: '固政教督办〔2024〕1号', reason: '', by: '王芳' })).toContain('「作废原因」')
    expect(await fail('numbers.allocate', { prefix: '不存在的代字' })).toMatch(/没有机关代字为「不存在的代字」/)
  })

  it('refuses invalid or duplicate series prefixes', async () => {
    const { fail } = await setup()
    expect(await fail('numbers.saveSeries', { prefix: '固政教督办', name: '' })).toMatch(/已存在/)
    expect(await fail('numbers.saveSeries', { prefix: '固政〔教督', name: '' })).toBeTruthy()
  })

  it('exports the register to .xlsx with gaps and voided numbers', async () => {
    const { env, call } = await setup()
    await call('numbers.allocate', { prefix: '固政教督办', year: 2024, title: '一号文' })
    await call('numbers.record', { docNumber: '固政教督办〔2024〕3号', title: '三号文', issuedOn: '2024-03-01' })
    const file = await exportedFile(env.ws, await call('numbers.exportRegister', { year: 2024 }))
    expect(file.fileName).toBe('发文登记簿-2024年.xlsx')
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(file.data as any)
    const ws = wb.getWorksheet('固政教督办')!
    expect(ws.getCell('A1').value).toBe('固原市人民政府教育督导委员会办公室2024年发文登记簿（固政教督办）')
    const rows = [3, 4, 5].map((r) => [ws.getCell(r, 2).value, ws.getCell(r, 3).value, ws.getCell(r, 5).value])
    expect(rows).toEqual([
      ['固政教督办〔2024〕1号', '一号文', '已用'],
      ['固政教督办〔2024〕2号', '', '断号'],
      ['固政教督办〔2024〕3号', '三号文', '已用'],
    ])
    expect(ws.getCell(5, 4).value).toBe('2024年3月1日')
  })
})
