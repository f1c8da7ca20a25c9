import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../electron/core/handlers'
import { MIGRATIONS } from '../../../electron/core/db/migrations'
import { evidenceData, evidenceFiles } from '../../../electron/core/evidence/evidenceRepository'
import { fileStore } from '../../../electron/core/files/fileStore'
import { Workspace } from '../../../electron/core/workspace'

let cleanup: (() => void)[] = []
afterEach(() => {
  cleanup.forEach((f) => f())
  cleanup = []
})
function temp(prefix = 'dudao-evidence-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix))
  cleanup.push(() => rmSync(d, { recursive: true, force: true }))
  return d
}
function open(dir: string, migrations = MIGRATIONS) {
  const ws = new Workspace(dir, migrations)
  cleanup.unshift(() => ws.close())
  return { ws, handlers: createHandlers(ws) }
}
const blobs = (ws: Workspace) => (ws.db().prepare('SELECT count(*) AS n FROM evidence_blobs').get() as { n: number }).n

describe('evidence files of judged items live in the database', () => {
  it('back up, delete the evidence, restore: the files are back (学前教育 and 优质均衡), one copy of shared content', async () => {
    const dir = temp()
    const { ws, handlers } = open(dir)
    await handlers['system.loadDemo']({})
    const inputs = temp('dudao-evidence-in-')
    const upload = (name: string, text: string) => {
      const path = join(inputs, name)
      writeFileSync(path, text)
      return { fileId: fileStore(ws).registerInput(path).fileId }
    }
    await handlers['preschool.judge']({
      year: 2024,
      itemKey: 'leadership',
      status: 'met',
      note: '',
      evidence: [],
      addFiles: [upload('县委常委会纪要.pdf', '%PDF-1.4 纪要'), upload('照片.jpg', 'JPEG 照片')],
    })
    await handlers['balance.judge']({
      year: 2024,
      itemKey: 'layout',
      status: 'met',
      note: '',
      evidence: [],
      addFiles: [upload('同一份纪要.pdf', '%PDF-1.4 纪要')], // same bytes as the 学前教育 minutes
    })
    expect(evidenceFiles(ws.db(), 'preschool', 2024, 'leadership').map((f) => f.name)).toEqual(['县委常委会纪要.pdf', '照片.jpg'])
    expect(blobs(ws)).toBe(2) // content-addressed: the minutes once

    const outDir = temp('dudao-evidence-out-')
    const backup = await handlers['system.backup']({ targetDir: outDir, fileName: '备份.sqlite' })

    // the user removes the evidence (and the old evidence folder, if any, is gone too)
    await handlers['preschool.judge']({ year: 2024, itemKey: 'leadership', status: 'met', note: '', evidence: [], addFiles: [] })
    await handlers['balance.judge']({ year: 2024, itemKey: 'layout', status: 'met', note: '', evidence: [], addFiles: [] })
    rmSync(join(dir, 'evidence'), { recursive: true, force: true })
    expect(evidenceData(ws.db(), 'preschool', 2024, 'leadership', '县委常委会纪要.pdf')).toBeNull()
    expect(blobs(ws)).toBe(0) // contents no item names are deleted

    await handlers['system.restore']({ file: backup.file })
    expect(evidenceData(ws.db(), 'preschool', 2024, 'leadership', '县委常委会纪要.pdf')?.toString()).toBe('%PDF-1.4 纪要')
    expect(evidenceData(ws.db(), 'preschool', 2024, 'leadership', '照片.jpg')?.toString()).toBe('JPEG 照片')
    expect(evidenceData(ws.db(), 'balance', 2024, 'layout', '同一份纪要.pdf')?.toString()).toBe('%PDF-1.4 纪要')
    expect((await handlers['preschool.view']({ year: 2024 }))!.judgements.leadership.evidence).toEqual(['县委常委会纪要.pdf', '照片.jpg'])
  })

  it('migration 0012 moves the files earlier versions kept in <data>/evidence/… into the database', () => {
    const dir = temp()
    const before = MIGRATIONS.filter((m) => m.version < 12)
    const old = open(dir, before)
    const db = old.ws.db()
    db.prepare(
      "INSERT INTO preschool_judgements (stat_year, item_key, status, note, evidence, updated_at) VALUES (2023, 'leadership', 'met', '', ?, 'x')",
    ).run(JSON.stringify(['纪要.pdf', '已丢失.pdf']))
    db.prepare(
      "INSERT INTO balance_judgements (stat_year, item_key, status, note, evidence, updated_at) VALUES (2023, 'q.1', 'met', '', ?, 'x')",
    ).run(JSON.stringify(['方案.docx']))
    const folder = join(dir, 'evidence', 'preschool', '2023', 'leadership')
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, '纪要.pdf'), '%PDF old')
    mkdirSync(join(dir, 'evidence', 'balance', '2023', 'q_1'), { recursive: true })
    writeFileSync(join(dir, 'evidence', 'balance', '2023', 'q_1', '方案.docx'), 'DOCX old')
    old.ws.close()

    const { ws } = open(dir)
    expect(evidenceData(ws.db(), 'preschool', 2023, 'leadership', '纪要.pdf')?.toString()).toBe('%PDF old')
    expect(evidenceData(ws.db(), 'balance', 2023, 'q.1', '方案.docx')?.toString()).toBe('DOCX old')
    expect(evidenceFiles(ws.db(), 'preschool', 2023, 'leadership').map((f) => f.name)).toEqual(['纪要.pdf']) // a file missing on disk is left out
  })
})
