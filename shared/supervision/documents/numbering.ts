/**
 * How an office numbers the documents its ledger writes, per kind (整改通知书, 督办单): either a serial 编号 with
 * its own format, counted per year (督改〔2025〕3号, 〔2025〕第3号), or a 发文字号 of one series of the 发文登记簿,
 * given at 签发 like any 公文. SUPERVISION.md: "The number format must be configurable per document kind" [U].
 * Pure: formatting and checking of the serial format; the allocation is electron/core/supervision/documents/.
 */

/** The kinds of document the ledger writes. */
export const SUPERVISION_DOCUMENT_KINDS = ['monthlyNotice', 'rectificationNotice', 'urgingNotice', 'bulletin'] as const
export type SupervisionDocumentKind = (typeof SUPERVISION_DOCUMENT_KINDS)[number]
export const SUPERVISION_DOCUMENT_LABELS: Record<SupervisionDocumentKind, string> = {
  monthlyNotice: '月度督导通知',
  rectificationNotice: '整改通知书',
  urgingNotice: '督办单',
  bulletin: '督导通报',
}

/** The kinds whose numbering rule the office chooses (the notice and the 通报 always take a 发文字号). */
export const NUMBERED_KINDS = ['rectificationNotice', 'urgingNotice'] as const
export type NumberedKind = (typeof NUMBERED_KINDS)[number]

/** serial = own 编号 in `pattern`, per year; series = a 发文字号 of register series `seriesId`. */
export type NumberingRule =
  { kind: NumberedKind; mode: 'serial'; pattern: string } | { kind: NumberedKind; mode: 'series'; seriesId: number }

/** The rule of an office that has chosen none. */
export const DEFAULT_RULES: Record<NumberedKind, NumberingRule> = {
  rectificationNotice: { kind: 'rectificationNotice', mode: 'serial', pattern: '督改〔{year}〕{seq}号' },
  urgingNotice: { kind: 'urgingNotice', mode: 'serial', pattern: '督办〔{year}〕{seq}号' },
}

const TOKEN = /\{(year|seq)(?::(\d))?\}/g

/**
 * The 编号 of a serial format: `{year}` → 2025, `{seq}` → 3, `{seq:3}` → 003 (zero-padded to that width).
 * 督改〔{year}〕{seq}号 → 督改〔2025〕3号; 〔{year}〕第{seq}号 → 〔2025〕第3号.
 */
export function formatSerialNumber(pattern: string, year: number, seq: number): string {
  return pattern.replace(TOKEN, (_, name: string, width?: string) =>
    name === 'year' ? String(year) : String(seq).padStart(width ? Number(width) : 1, '0'),
  )
}

/**
 * Checks a serial format: 1–30 characters, `{seq}` exactly once and `{year}` exactly once (numbers restart each
 * year, so the year must be printed or two years' 3号 would read the same), no other `{…}`. Returns a Chinese
 * message, or null when acceptable.
 */
export function validateSerialPattern(pattern: string): string | null {
  const p = pattern.trim()
  if (p === '') return '编号格式不能为空'
  if ([...p].length > 30) return '编号格式不能超过30个字'
  const tokens = [...p.matchAll(TOKEN)].map((m) => m[1])
  if (tokens.filter((t) => t === 'seq').length !== 1) return '编号格式中应有且只有一个 {seq}（顺序号）'
  if (tokens.filter((t) => t === 'year').length !== 1) return '编号格式中应有且只有一个 {year}（年份），编号每年从1起编'
  if (/[{}]/.test(p.replace(TOKEN, ''))) return '编号格式中只能使用 {year} 和 {seq}（或 {seq:3} 补零到3位）'
  if (/\s/.test(p)) return '编号格式不能包含空格'
  return null
}
