import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/connection'
import { migrate } from '../../../electron/core/db/migrate'
import { MIGRATIONS } from '../../../electron/core/db/migrations'
import { createHandlers } from '../../../electron/core/handlers'
import { Workspace } from '../../../electron/core/workspace'

let dirs: string[] = []
afterEach(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }))
  dirs = []
})

describe('migration 0014: the rubric of a year becomes generic', () => {
  it("keeps a 学前教育 year's chosen variant (county_preschool_years.rubric_id → rubric_choices)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dudao-m14-'))
    dirs.push(dir)
    const file = join(dir, 'dudao.sqlite')
    const before = MIGRATIONS.filter((m) => m.version < 14)
    const db = openDatabase(file)
    migrate(db, before, () => null)
    const spec = { id: 'ningxia-2024', name: '宁夏实施细则', region: '宁夏', thresholds: { grossEnrolmentRate: 0.99 } }
    db.prepare('INSERT INTO rubric_variants (id, base_id, spec, created_at) VALUES (?, ?, ?, ?)').run(
      spec.id,
      'preschool-universality-2020',
      JSON.stringify(spec),
      '2024-05-01T08:00:00.000Z',
    )
    db.prepare(
      "INSERT INTO county_preschool_years (stat_year, rubric_id, updated_at) VALUES (2024, 'ningxia-2024', '2024-05-01T08:00:00.000Z')",
    ).run()
    db.prepare(
      "INSERT INTO county_preschool_years (stat_year, rubric_id, updated_at) VALUES (2023, NULL, '2024-05-01T08:00:00.000Z')",
    ).run()
    db.close()

    const ws = new Workspace(dir)
    try {
      expect(ws.db().prepare('SELECT base_id, stat_year, rubric_id FROM rubric_choices').all()).toEqual([
        { base_id: 'preschool-universality-2020', stat_year: 2024, rubric_id: 'ningxia-2024' },
      ])
      const handlers = createHandlers(ws)
      expect((await handlers['preschool.indicators']({ year: 2024 })).rubric.id).toBe('ningxia-2024')
      expect((await handlers['preschool.indicators']({ year: 2023 })).rubric.id).toBe('preschool-universality-2020')
    } finally {
      ws.close()
    }
  })
})
