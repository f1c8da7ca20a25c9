import ExcelJS from 'exceljs'
import type { LedgerRow } from '../../../shared/supervision/types'

/** The 问题台账 columns of SUPERVISION.md, in order, with how each is read from a row. */
export const LEDGER_EXPORT_COLUMNS: { header: string; width: number; value: (r: LedgerRow) => string }[] = [
  { header: '编号', width: 11, value: (r) => r.code },
  { header: '来源', width: 10, value: (r) => r.source },
  { header: '发现日期', width: 11, value: (r) => r.foundDate },
  { header: '督学', width: 8, value: (r) => r.inspectorName },
  { header: '学校', width: 18, value: (r) => r.institutionName },
  { header: '督导事项', width: 14, value: (r) => r.itemTitle },
  { header: '月主题', width: 10, value: (r) => r.monthTheme },
  { header: '问题描述', width: 36, value: (r) => r.description },
  { header: '处理级别', width: 9, value: (r) => r.level },
  { header: '责任单位', width: 14, value: (r) => r.responsibleUnit },
  { header: '责任人', width: 8, value: (r) => r.responsiblePerson },
  { header: '整改措施', width: 30, value: (r) => r.measures },
  { header: '整改时限', width: 11, value: (r) => r.deadline ?? '' },
  {
    header: '关联文书',
    width: 30,
    value: (r) =>
      r.documents
        .map((d) => `${d.role}${d.docNumber ? ` ${d.docNumber}` : ''}${d.title ? `《${d.title}》` : ''}（${d.statusLabel}）`)
        .join('\n'),
  },
  { header: '整改进展', width: 36, value: (r) => r.progress.map((p) => `${p.date} ${p.text}`).join('\n') },
  { header: '整改报告日期', width: 11, value: (r) => r.reportDate ?? '' },
  { header: '复查日期', width: 11, value: (r) => r.reviewDate ?? '' },
  { header: '复查人', width: 8, value: (r) => r.reviewer },
  { header: '复查结果', width: 9, value: (r) => (r.reviewResult === 'passed' ? '通过' : r.reviewResult === 'failed' ? '不通过' : '') },
  { header: '销号日期', width: 11, value: (r) => r.closedDate ?? '' },
  {
    header: '销号依据',
    width: 24,
    value: (r) => [r.closeBasis, ...r.closeEvidence.map((f) => `附件：${f.name}`)].filter(Boolean).join('\n'),
  },
  { header: '是否逾期', width: 9, value: (r) => (r.overdue ? `逾期${r.overdueDays}天` : '否') },
  { header: '状态', width: 11, value: (r) => r.statusLabel },
]

/**
 * The ledger as an .xlsx workbook: one sheet 问题台账 with a title row (the as-of day), the header,
 * one row per entry; long texts wrap; overdue rows in red. `today` is the day overdue was computed for.
 */
export async function ledgerWorkbook(rows: LedgerRow[], today: string, title = '问题台账'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '教育督导工作台'
  const ws = wb.addWorksheet('问题台账', { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] })
  const n = LEDGER_EXPORT_COLUMNS.length
  ws.columns = LEDGER_EXPORT_COLUMNS.map((c) => ({ width: c.width }))
  ws.addRow([`${title}（截至 ${today}，共 ${rows.length} 条）`])
  ws.mergeCells(1, 1, 1, n)
  ws.getRow(1).font = { bold: true, size: 14 }
  const head = ws.addRow(LEDGER_EXPORT_COLUMNS.map((c) => c.header))
  head.font = { bold: true }
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } }
  })
  for (const r of rows) {
    const row = ws.addRow(LEDGER_EXPORT_COLUMNS.map((c) => c.value(r)))
    row.alignment = { vertical: 'top', wrapText: true }
    if (r.overdue) row.getCell(n - 1).font = { color: { argb: 'FFC00000' }, bold: true }
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: n } }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
