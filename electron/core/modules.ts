import { balanceModule } from './balance/module'
import { documentsModule } from './documents/module'
import { evidenceModule } from './evidence/module'
import { filesModule } from './files/module'
import { jobsModule } from './jobs/module'
import { numbersModule } from './numbers/module'
import { officeModule } from './office/module'
import { preschoolModule } from './preschool/module'
import { supervisionModule } from './supervision/module'
import { supervisionDocumentsModule } from './supervision/documents/module'
import { systemModule } from './system/module'

/**
 * Every module of the core, in menu order. A new module is one folder per side plus one line here
 * (and its contract file in shared/contract/index.ts, its routes in renderer/src/router.ts).
 */
export const CORE_MODULES = [
  systemModule,
  officeModule,
  numbersModule,
  documentsModule,
  preschoolModule,
  balanceModule,
  supervisionModule,
  supervisionDocumentsModule,
  evidenceModule,
  jobsModule,
  filesModule,
] as const
