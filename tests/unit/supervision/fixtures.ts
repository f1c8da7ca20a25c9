import { creationEvent } from '../../../shared/supervision/ledger'
import type { LedgerEntry } from '../../../shared/supervision/types'

/** A stored-looking ledger entry (待整改, created on its 发现日期), fields overridable. */
export function entry(over: Partial<LedgerEntry> = {}): LedgerEntry {
  const foundDate = over.foundDate ?? '2025-03-05'
  return {
    id: 1,
    code: '2025-0001',
    source: '经常性督导',
    foundDate,
    inspectorId: 1,
    institutionId: 1,
    itemKey: 'safety',
    monthTheme: '开学检查',
    description: '消防通道堆放杂物',
    level: '一般问题',
    responsibleUnit: '城关一小',
    responsiblePerson: '',
    measures: '',
    deadline: '2025-03-31',
    visitId: null,
    findingIndex: null,
    progress: [],
    reportDate: null,
    reviewDate: null,
    reviewer: '',
    reviewResult: null,
    reviewNote: '',
    closedDate: null,
    closeBasis: '',
    closeEvidence: [],
    status: 'pending',
    history: [creationEvent(foundDate, '2025-03-05T02:00:00.000Z')],
    createdAt: '2025-03-05T02:00:00.000Z',
    updatedAt: '2025-03-05T02:00:00.000Z',
    ...over,
  }
}
