import type { Handlers } from '../../shared/contract'
import { getOffice, saveOffice } from './office/officeService'
import { loadDemo } from './system/demo'
import { backupToDir, getInfo, getStatus } from './system/systemService'
import type { Workspace } from './workspace'

/** The handler table every door serves: one function per contract channel. */
export function createHandlers(ws: Workspace): Handlers {
  return {
    'system.status': () => getStatus(ws),
    'system.info': () => getInfo(ws),
    'system.backup': ({ targetDir, fileName }) => backupToDir(ws, targetDir, fileName),
    'system.loadDemo': () => loadDemo(ws),
    'office.get': () => getOffice(ws),
    'office.save': (profile) => saveOffice(ws, profile),
  }
}
