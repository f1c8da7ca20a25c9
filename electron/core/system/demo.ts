import demoOffice from '../../../seeds/demo/office.json'
import { officeProfileSchema, type Office } from '../../../shared/office/office'
import { UserError } from '../errors'
import { readOffice, writeOffice } from '../office/officeRepository'
import type { Workspace } from '../workspace'

/**
 * Loads the demo county (seeds/demo) into a workspace that has no data yet, in one transaction.
 * Later modules add their demo rows here.
 */
export function loadDemo(ws: Workspace): Office {
  const db = ws.db()
  if (readOffice(db)) {
    throw new UserError('当前数据库已有机关信息，不能再载入示例数据。如需体验示例，请另选一个空的数据目录（--data-dir）。')
  }
  const profile = officeProfileSchema.parse(demoOffice)
  db.transaction(() => {
    writeOffice(db, profile)
  })()
  return readOffice(db)!
}
