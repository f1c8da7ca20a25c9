import ExcelJS from 'exceljs'
import { formatChineseDate } from '../../../../shared/documents/chineseDate'
import { localDateTime } from '../../../../shared/format/localTime'
import { registerTotals, registerTotalsText } from '../../../../shared/documents/register'
import { DOCUMENT_STATUS_LABELS, NUMBER_STATUS_LABELS, type RegisterEntry } from '../../../../shared/documents/records'

const COLUMNS: { header: string; width: number; value: (e: RegisterEntry) => string | number }[] = [
  { header: '序号', width: 8, value: (e) => e.seq },
  { header: '发文字号', width: 26, value: (e) => e.docNumber },
  { header: '标题', width: 52, value: (e) => e.title },
  { header: '成文日期', width: 16, value: (e) => (e.issuedOn ? formatChineseDate(e.issuedOn) : '') },
  { header: '文号状态', width: 10, value: (e) => NUMBER_STATUS_LABELS[e.status] },
  { header: '公文状态', width: 10, value: (e) => (e.documentStatus ? DOCUMENT_STATUS_LABELS[e.documentStatus] : '') },
  {
    header: '说明',
    width: 36,
    value: (e) =>
      e.status === 'reserved'
        ? `预留：${e.purpose}`
        : e.status === 'voided'
          ? `断号（作废）`
          : e.status === 'gap'
            ? '断号：未登记使用'
            : '',
  },
  { header: '作废原因', width: 30, value: (e) => e.voidReason },
  { header: '经办人', width: 10, value: (e) => e.voidedBy },
  { header: '作废时间', width: 22, value: (e) => localDateTime(e.voidedAt) },
]

const FILLS: Partial<Record<RegisterEntry['status'], string>> = { gap: 'FFFDE2E2', voided: 'FFEDEDED', reserved: 'FFFFF6DA' }

/**
 * 发文登记簿 as an .xlsx workbook: one sheet per 机关代字, one row per number (gaps included), gaps
 * and voided numbers highlighted, 作废原因 / 经办人 / 作废时间 (local time) in their own columns, and a
 * 合计 row counted by shared/documents/register.ts (the screen uses the same counts).
 */
export async function registerWorkbook(officeName: string, year: number, entries: RegisterEntry[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '教育督导工作台'
  wb.created = new Date()
  const prefixes = [...new Set(entries.map((e) => e.prefix))]
  if (prefixes.length === 0) prefixes.push('')
  for (const prefix of prefixes) {
    const rows = entries.filter((e) => e.prefix === prefix)
    const ws = wb.addWorksheet(prefix ? prefix.slice(0, 31) : '登记簿', {
      views: [{ state: 'frozen', ySplit: 2 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    })
    ws.columns = COLUMNS.map((c) => ({ width: c.width }))
    ws.mergeCells(1, 1, 1, COLUMNS.length)
    const title = ws.getCell(1, 1)
    title.value = `${officeName}${year}年发文登记簿${prefix ? `（${prefix}）` : ''}`
    title.font = { name: '宋体', size: 16, bold: true }
    title.alignment = { horizontal: 'center' }
    ws.getRow(1).height = 28
    const header = ws.getRow(2)
    COLUMNS.forEach((c, i) => {
      const cell = header.getCell(i + 1)
      cell.value = c.header
      cell.font = { name: '宋体', bold: true }
      cell.alignment = { horizontal: 'center', vertical: 'middle' }
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }
    })
    for (const entry of rows) {
      const row = ws.addRow(COLUMNS.map((c) => c.value(entry)))
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.font = { name: '宋体' }
        cell.alignment = { vertical: 'middle', wrapText: true }
        cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }
        const fill = FILLS[entry.status]
        if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } }
      })
    }
    ws.addRow([])
    ws.addRow([`合计：${registerTotalsText(registerTotals(rows))}`])
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
