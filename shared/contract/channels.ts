/**
 * Every channel name, as plain data: the preload (which must stay free of dependencies) checks
 * against this list, and the contract is checked at compile time to have exactly these keys.
 */
export const CHANNEL_NAMES = [
  'system.status',
  'system.info',
  'system.backup',
  'system.loadDemo',
  'system.backups',
  'system.restore',
  'system.checkIntegrity',
  'office.get',
  'office.save',
  'numbers.listSeries',
  'numbers.saveSeries',
  'numbers.allocate',
  'numbers.reserve',
  'numbers.record',
  'numbers.void',
  'numbers.register',
  'numbers.exportRegister',
  'documents.templates',
  'documents.list',
  'documents.get',
  'documents.create',
  'documents.save',
  'documents.sign',
  'documents.markPrinted',
  'documents.returnForEdit',
  'documents.revise',
  'documents.duplicate',
  'documents.delete',
  'documents.exportDocx',
  'jobs.get',
  'jobs.list',
  'jobs.cancel',
  'jobs.backup',
  'files.release',
] as const

export type ChannelName = (typeof CHANNEL_NAMES)[number]
