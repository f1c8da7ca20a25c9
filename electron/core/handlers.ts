import type { Handlers } from '../../shared/contract'
import { readOffice } from './office/officeRepository'
import * as documents from './documents/documentService'
import { registerWorkbook } from './export/xlsx/registerXlsx'
import * as numbers from './numbers/numberService'
import { getOffice, saveOffice } from './office/officeService'
import { loadDemo } from './system/demo'
import { backupToDir, getInfo, getStatus } from './system/systemService'
import type { Workspace } from './workspace'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The handler table every door serves: one function per contract channel. */
export function createHandlers(ws: Workspace): Handlers {
  return {
    'system.status': () => getStatus(ws),
    'system.info': () => getInfo(ws),
    'system.backup': ({ targetDir, fileName }) => backupToDir(ws, targetDir, fileName),
    'system.loadDemo': () => loadDemo(ws),
    'office.get': () => getOffice(ws),
    'office.save': (profile) => saveOffice(ws, profile),

    'numbers.listSeries': () => numbers.listSeries(ws),
    'numbers.saveSeries': (input) => numbers.saveSeries(ws, input),
    'numbers.allocate': (input) => numbers.allocate(ws, input),
    'numbers.reserve': (input) => numbers.reserve(ws, input),
    'numbers.record': (input) => numbers.record(ws, input),
    'numbers.void': (input) => numbers.voidNumber(ws, input),
    'numbers.register': (input) => numbers.register(ws, input),
    'numbers.exportRegister': async (input) => {
      const entries = numbers.register(ws, input)
      const office = ws.dbIfExists() ? readOffice(ws.db()) : null
      const buffer = await registerWorkbook(office?.fullName ?? '', input.year, entries)
      return { fileName: `发文登记簿-${input.year}年.xlsx`, mimeType: XLSX_MIME, base64: buffer.toString('base64') }
    },

    'documents.templates': () => documents.templates(),
    'documents.list': (filter) => documents.list(ws, filter),
    'documents.get': ({ id }) => documents.get(ws, id),
    'documents.create': ({ templateKey }) => documents.create(ws, templateKey),
    'documents.save': (input) => documents.save(ws, input),
    'documents.sign': (input) => documents.sign(ws, input),
    'documents.markPrinted': (input) => documents.markPrinted(ws, input),
    'documents.revise': ({ id }) => documents.revise(ws, id),
    'documents.duplicate': ({ id }) => documents.duplicate(ws, id),
    'documents.delete': ({ id }) => documents.remove(ws, id),
    'documents.exportDocx': ({ id }) => documents.exportDocx(ws, id),
  }
}
