import { z } from 'zod'
import { fileRef } from '../files/types'

/**
 * Imports are two steps. `<module>.importCheck { file }` reads the file, maps its columns and returns a
 * preview with every problem and a token; nothing is written. `<module>.importCommit { token }` writes
 * what was checked, in one transaction, or nothing. A module's contract uses the schemas below.
 */

/** One thing wrong with the file, located as precisely as the reader can. */
export interface ImportProblem {
  /** Worksheet name ('' for a file without sheets). */
  sheet: string
  /** 1-based row number in the sheet, null when the problem is not about one row. */
  row: number | null
  /** Column letter (`C`) or header text, null when not about one column. */
  column: string | null
  /** The cell's value as text ('' when empty). */
  value: string
  /** What is wrong, in Chinese. */
  reason: string
}

/** How one column of the file was understood. */
export interface ImportColumn {
  /** Column letter in the sheet. */
  column: string
  /** The header text found in the file. */
  header: string
  /** The field it maps to (Chinese label), null when the column is ignored. */
  field: string | null
}

/** What `importCheck` answers. */
export interface ImportPreview {
  /** Pass to `importCommit`; valid until `expiresAt` and only for the file as it was checked. */
  token: string
  fileName: string
  /** Data rows read (header rows not counted). */
  rowsRead: number
  /** Rows that would be written. */
  rowsAccepted: number
  columns: ImportColumn[]
  /** Every problem; any problem blocks the commit. */
  problems: ImportProblem[]
  /** Things worth knowing that do not block the commit (e.g. an ignored column). */
  warnings: string[]
  /** The first rows as they will be written, for display (at most 20). */
  sample: Record<string, string | number | null>[]
  /** True when there is nothing blocking the commit. */
  canCommit: boolean
  /** ISO instant after which the token is refused. */
  expiresAt: string
}

/** What `importCommit` answers. */
export interface ImportCommitResult {
  rowsWritten: number
}

/** The shape of an import token: `i_` + 32 url-safe random characters. */
export const IMPORT_TOKEN_PATTERN = /^i_[A-Za-z0-9_-]{32}$/

/** Input of every `<module>.importCheck` channel. */
export const importCheckInput = z.object({ file: fileRef('导入文件') }).strict()
/** Input of every `<module>.importCommit` channel. */
export const importCommitInput = z
  .object({ token: z.string().regex(IMPORT_TOKEN_PATTERN, '导入凭据无效，请重新检查文件').describe('导入凭据') })
  .strict()
