import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { upsertInstitution } from '../../../electron/core/institutions/institutionRepository'
import { useOfficeFixture } from '../../helpers/officeFixture'

const setup = useOfficeFixture()

function startWorker(dataDir: string, ids: number[]) {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), join(__dirname, 'documentsSignWorker.ts'), dataDir, ids.join(',')])
  let out = ''
  let err = ''
  let markReady!: () => void
  const ready = new Promise<void>((r) => (markReady = r))
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => {
    err += d
    if (err.includes('ready')) markReady()
  })
  const result = new Promise<{ numbers: string[] }>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))))
  })
  return { ready, result, go: () => child.stdin.write('go\n') }
}

describe('serial 编号 of 整改通知书 across processes', () => {
  it('two processes signing different drafts get distinct consecutive numbers, none lost', async () => {
    const { env, call } = await setup()
    const db = env.ws.db()
    const school = db.transaction(() => upsertInstitution(db, { kind: 'school', name: '原州区第一小学' }))()
    const inspector = await call('supervision.saveInspector', { name: '马建国', kind: '专职', activeFrom: 2025 })
    await call('supervision.saveZone', { year: 2025, name: '第一责任区', inspectorId: inspector.id, institutionIds: [school] })
    await call('supervisionDocuments.saveRule', { kind: 'rectificationNotice', mode: 'serial', pattern: '〔{year}〕第{seq}号' })
    const ids: number[] = []
    for (let i = 0; i < 16; i++) {
      const entry = await call('supervision.saveEntry', {
        foundDate: '2025-03-12',
        institutionId: school,
        inspectorId: inspector.id,
        description: `问题${i + 1}`,
        deadline: '2025-04-15',
      })
      ids.push(
        (await call('supervisionDocuments.rectificationNotice', { entryIds: [entry.id], reportWithinDays: 7, signedDate: '2025-03-14' }))
          .id,
      )
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
    const [a, b] = await Promise.all(workers.map((w) => w.result))
    const seqs = [...a.numbers, ...b.numbers].map((n) => Number(/第(\d+)号/.exec(n)![1])).sort((x, y) => x - y)
    expect(seqs).toEqual(Array.from({ length: 16 }, (_, i) => i + 1))
    expect(a.numbers[0]).toMatch(/^〔2025〕第\d+号$/)
    const rows = env.ws.db().prepare('SELECT count(*) AS n, count(DISTINCT number) AS d FROM supervision_serial_numbers').get()
    expect(rows).toEqual({ n: 16, d: 16 })
  }, 120_000)
})
