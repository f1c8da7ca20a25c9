import { defineModule } from '../module'
import { getOffice, saveOffice } from './officeService'

/** 机关信息: the office profile. */
export const officeModule = defineModule({
  name: 'office',
  handlers: (ws) => ({
    'office.get': () => getOffice(ws),
    'office.save': (profile) => saveOffice(ws, profile),
  }),
})
