import { DOCUMENT_STATUS_LABELS, type DocumentStatus, type NumberStatus } from '../../../../shared/documents/records'

export const STATUS_TAG: Record<DocumentStatus, 'info' | 'warning' | 'success' | 'danger'> = {
  draft: 'info',
  signed: 'warning',
  printed: 'success',
  voided: 'danger',
}

export const NUMBER_TAG: Record<NumberStatus | 'gap', 'success' | 'warning' | 'info' | 'danger'> = {
  used: 'success',
  reserved: 'warning',
  voided: 'info',
  gap: 'danger',
}

export { DOCUMENT_STATUS_LABELS }
