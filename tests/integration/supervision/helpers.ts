import { upsertInstitution } from '../../../electron/core/institutions/institutionRepository'
import type { Workspace } from '../../../electron/core/workspace'

/** Five schools and a kindergarten in the registry; returns their ids by name. */
export function seedSchools(ws: Workspace): Record<string, number> {
  const db = ws.db()
  const names = ['城关一小', '城关二小', '城关中学', '新集小学', '河口小学']
  const ids: Record<string, number> = {}
  db.transaction(() => {
    for (const name of names)
      ids[name] = upsertInstitution(db, { kind: 'school', name, institutionType: name.endsWith('中学') ? '311' : '211' })
    ids['城关幼儿园'] = upsertInstitution(db, { kind: 'kindergarten', name: '城关幼儿园', institutionType: '111' })
  })()
  return ids
}
