import type { Office, OfficeProfile } from '../../../shared/office/office'
import type { Workspace } from '../workspace'
import { readOffice, writeOffice } from './officeRepository'

export function getOffice(ws: Workspace): Office | null {
  const db = ws.dbIfExists()
  return db ? readOffice(db) : null
}

export function saveOffice(ws: Workspace, profile: OfficeProfile): Office {
  const db = ws.db()
  db.transaction(() => writeOffice(db, profile))()
  return readOffice(db)!
}
