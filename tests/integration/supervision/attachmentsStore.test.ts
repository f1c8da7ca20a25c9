import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MIGRATIONS } from '../../../electron/core/db/migrations'
import { dispatch } from '../../../electron/core/dispatch'
import { evidenceData, putEvidence } from '../../../electron/core/evidence/evidenceRepository'
import { fileStore } from '../../../electron/core/files/fileStore'
import { createHandlers } from '../../../electron/core/handlers'
import { Workspace } from '../../../electron/core/workspace'
import { exportedFile } from '../../helpers/exported'
import { SAMPLE_PROFILE } from '../../helpers/tempWorkspace'
import { seedSchools } from './helpers'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(2025, 2, 20, 10, 0)) // 2025-03-20 local
})
let cleanup: (() => void)[] = []
afterEach(() => {
  vi.useRealTimers()
  cleanup.forEach((f) => f())
  cleanup = []
})
function temp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix))
  cleanup.push(() => rmSync(d, { recursive: true, force: true }))
  return d
}

/** A workspace in `dir` at the given migrations, with `call` / `fail` through the dispatcher and `file` to upload. */
async function open(dir: string, migrations = MIGRATIONS) {
  const ws = new Workspace(dir, migrations)
  cleanup.unshift(() => ws.close())
  const handlers = createHandlers(ws)
  const call = async (channel: string, payload: unknown) => {
    const r = await dispatch(handlers, channel, payload)
    if (!r.ok) throw new Error(r.error.message)
    return r.data as any
  }
  const fail = async (channel: string, payload: unknown) => {
    const r = await dispatch(handlers, channel, payload)
    if (r.ok) throw new Error(`expected ${channel} to fail`)
    return r.error.message
  }
  const inputs = temp('dudao-svfiles-in-')
  const file = (name: string, text: string) => {
    const path = join(inputs, name)
    writeFileSync(path, text)
    return { fileId: fileStore(ws).registerInput(path, { name }).fileId }
  }
  /** The bytes of a stored file through `supervision.attachment`, as text. */
  const got = async (owner: 'visit' | 'entry', id: number, name: string) =>
    (await exportedFile(ws, await call('supervision.attachment', { owner, id, name }))).data.toString()
  return { ws, call, fail, file, got }
}

/** The office, five schools, a 督学 and a visit with two findings (the first put in the ledger). */
async function world(s: Awaited<ReturnType<typeof open>>) {
  await s.call('office.save', SAMPLE_PROFILE)
  const ids = seedSchools(s.ws)
  const li = await s.call('supervision.saveInspector', { name: '李明', kind: '兼职', activeFrom: 2024 })
  const visit = (over: Record<string, unknown> = {}) =>
    s.call('supervision.saveVisit', {
      date: '2025-03-18',
      inspectorId: li.id,
      institutionId: ids['城关一小'],
      findings: [{ description: '消防通道堆放杂物', itemKey: 'safety' }],
      ...over,
    })
  return { ids, li, visit }
}

const supervisionFiles = (ws: Workspace) =>
  (ws.db().prepare("SELECT count(*) AS n FROM evidence_files WHERE module = 'supervision'").get() as { n: number }).n

describe('supervision files live in the database', () => {
  it('back up, delete the visit and the evidence rows and the old folders, restore: attachments and 销号 evidence are back', async () => {
    const dir = temp('dudao-svfiles-')
    const s = await open(dir)
    const { visit } = await world(s)
    const a = await visit({ addFiles: [s.file('签字页.pdf', '%PDF 签字页'), s.file('照片.jpg', 'JPEG 照片')] })
    const b = await visit({ date: '2025-03-19' })
    const [e] = await s.call('supervision.findingsToLedger', { visitId: b.id, indexes: [0] })
    await s.call('supervision.transition', { id: e.id, action: 'report', date: '2025-03-19' })
    await s.call('supervision.transition', { id: e.id, action: 'review', date: '2025-03-20', result: 'passed', reviewer: '李明' })
    await s.call('supervision.transition', {
      id: e.id,
      action: 'close',
      date: '2025-03-20',
      addFiles: [s.file('复查照片.jpg', 'JPEG 复查')],
    })
    // nothing is written to the data folder any more
    expect(existsSync(join(dir, 'evidence', 'supervision'))).toBe(false)
    expect(supervisionFiles(s.ws)).toBe(3)

    const backup = await s.call('system.backup', { targetDir: temp('dudao-svfiles-out-'), fileName: '备份.sqlite' })

    await s.call('supervision.deleteVisit', { id: a.id })
    s.ws.db().prepare("DELETE FROM evidence_files WHERE module = 'supervision'").run()
    s.ws.db().prepare('DELETE FROM evidence_blobs').run()
    expect(await s.fail('supervision.attachment', { owner: 'entry', id: e.id, name: '复查照片.jpg' })).toBe(
      '没有找到销号佐证材料「复查照片.jpg」，可能已被删除',
    )

    await s.call('system.restore', { file: backup.file })
    expect((await s.call('supervision.visit', { id: a.id })).attachments).toEqual([
      { name: '签字页.pdf', size: Buffer.byteLength('%PDF 签字页') },
      { name: '照片.jpg', size: Buffer.byteLength('JPEG 照片') },
    ])
    expect(await s.got('visit', a.id, '签字页.pdf')).toBe('%PDF 签字页')
    expect(await s.got('visit', a.id, '照片.jpg')).toBe('JPEG 照片')
    expect(await s.got('entry', e.id, '复查照片.jpg')).toBe('JPEG 复查')
    const out = await s.call('supervision.attachment', { owner: 'visit', id: a.id, name: '签字页.pdf' })
    expect(out).toMatchObject({ fileName: '签字页.pdf', mimeType: 'application/pdf', bytes: Buffer.byteLength('%PDF 签字页') })
  })

  it('the channel refuses in Chinese a record or a name that does not exist', async () => {
    const s = await open(temp('dudao-svfiles-'))
    const { visit } = await world(s)
    const v = await visit({ addFiles: [s.file('照片.jpg', 'B')] })
    expect(await s.fail('supervision.attachment', { owner: 'visit', id: v.id, name: '别的.jpg' })).toBe(
      '没有找到附件「别的.jpg」，可能已被删除',
    )
    expect(await s.fail('supervision.attachment', { owner: 'visit', id: 999, name: '照片.jpg' })).toBe('没有找到这条督导记录，可能已被删除')
    expect(await s.fail('supervision.attachment', { owner: 'entry', id: 999, name: '照片.jpg' })).toBe('没有找到这个问题，可能已被删除')
    // a file of the same name on another record is not handed out
    const w = await visit({ date: '2025-03-19' })
    expect(await s.fail('supervision.attachment', { owner: 'visit', id: w.id, name: '照片.jpg' })).toBe(
      '没有找到附件「照片.jpg」，可能已被删除',
    )
  })

  it('a save that fails stores neither record nor file and keeps the input; the same content on two records is stored once', async () => {
    const s = await open(temp('dudao-svfiles-'))
    const { visit, ids, li } = await world(s)
    const f = s.file('照片.jpg', 'SAME')
    const refused = await s.fail('supervision.saveVisit', {
      date: '2025-03-18',
      inspectorId: li.id,
      institutionId: ids['城关一小'],
      itemKeys: ['nokey'],
      addFiles: [f],
    })
    expect(refused).toContain('没有编码为「nokey」的督导事项')
    expect(supervisionFiles(s.ws)).toBe(0)
    // the file cannot be stored (a trigger stands for a write that fails): the record is not saved either
    const db = s.ws.db()
    db.exec("CREATE TRIGGER test_no_files BEFORE INSERT ON evidence_files BEGIN SELECT RAISE(ABORT, 'disk I/O'); END")
    await expect(visit({ addFiles: [f] })).rejects.toThrow()
    db.exec('DROP TRIGGER test_no_files')
    expect(db.prepare('SELECT count(*) AS n FROM supervision_visits').get()).toEqual({ n: 0 })
    expect((db.prepare('SELECT count(*) AS n FROM evidence_blobs').get() as { n: number }).n).toBe(0)
    const v = await visit({ addFiles: [f] }) // the input was not released by the refused save
    const w = await visit({ date: '2025-03-19', addFiles: [s.file('同一张.jpg', 'SAME')] })
    expect(await s.got('visit', v.id, '照片.jpg')).toBe('SAME')
    expect(await s.got('visit', w.id, '同一张.jpg')).toBe('SAME')
    expect((s.ws.db().prepare('SELECT count(*) AS n FROM evidence_blobs').get() as { n: number }).n).toBe(1)
    await s.call('supervision.deleteVisit', { id: v.id })
    expect(await s.got('visit', w.id, '同一张.jpg')).toBe('SAME') // the shared content stays while a record names it
  })

  it('migration 0015 moves the files earlier versions kept in <data>/evidence/supervision/… into the database, keeping other evidence', async () => {
    const dir = temp('dudao-svfiles-')
    const old = await open(
      dir,
      MIGRATIONS.filter((m) => m.version < 15),
    )
    const { visit } = await world(old)
    const v = await visit()
    const [e] = await old.call('supervision.findingsToLedger', { visitId: v.id, indexes: [0] })
    const db = old.ws.db()
    db.prepare('UPDATE supervision_visits SET attachments = ? WHERE id = ?').run(
      JSON.stringify([
        { name: '签字页.pdf', size: 7 },
        { name: '已丢失.jpg', size: 3 },
      ]),
      v.id,
    )
    db.prepare('UPDATE supervision_entries SET close_evidence = ? WHERE id = ?').run(
      JSON.stringify([{ name: '整改报告.docx', size: 8 }]),
      e.id,
    )
    db.transaction(() => putEvidence(db, 'preschool', 2024, 'leadership', '纪要.pdf', Buffer.from('%PDF 纪要')))()
    const visitDir = join(dir, 'evidence', 'supervision', 'visits', String(v.id))
    const entryDir = join(dir, 'evidence', 'supervision', 'entries', String(e.id))
    mkdirSync(visitDir, { recursive: true })
    mkdirSync(entryDir, { recursive: true })
    writeFileSync(join(visitDir, '签字页.pdf'), '%PDF old')
    writeFileSync(join(visitDir, '未列出.jpg'), 'not listed')
    writeFileSync(join(entryDir, '整改报告.docx'), 'DOCX old')
    old.ws.close()

    const s = await open(dir)
    expect(await s.got('visit', v.id, '签字页.pdf')).toBe('%PDF old')
    expect(await s.got('entry', e.id, '整改报告.docx')).toBe('DOCX old')
    expect(await s.fail('supervision.attachment', { owner: 'visit', id: v.id, name: '已丢失.jpg' })).toBe(
      '没有找到附件「已丢失.jpg」，可能已被删除',
    )
    expect(supervisionFiles(s.ws)).toBe(2) // a listed file missing on disk and an unlisted one are left out
    expect(evidenceData(s.ws.db(), 'preschool', 2024, 'leadership', '纪要.pdf')?.toString()).toBe('%PDF 纪要') // kept through the rebuild
    expect(readFileSync(join(visitDir, '签字页.pdf'), 'utf8')).toBe('%PDF old') // the disk copies stay
  })
})
