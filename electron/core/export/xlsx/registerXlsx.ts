import ExcelJS from 'exceljs'
import { formatChineseDate } from '../../../../shared/documents/chineseDate'
import { DOCUMENT_STATUS_LABELS, NUMBER_STATUS_LABELS, type RegisterEntry } from '../../../../shared/documents/records'

const COLUMNS: { header: string; width: number; value: (e: RegisterEntry) => string | number }[] = [
  { header: '序号', width: 8, value: (e) => e.seq },
  { header: '发文字号', width: 26, value: (e) => e.docNumber },
  { header: '标题', width: 52, value: (e) => e.title },
  { header: '成文日期', width: 16, value: (e) => (e.issuedOn ? formatChineseDate(e.issuedOn) : '') },
  { header: '文号状态', width: 10, value: (e) => NUMBER_STATUS_LABELS[e.status] },
  { header: '公文状态', width: 10, value: (e) => (e.documentStatus ? DOCUMENT_STATUS_LABELS[e.documentStatus] : '') },
  { header: '说明', width: 36, value: (e) => (e.status === 'reserved' ? `预留：${e.purpose}` : e.status === 'voided' ? `作废原因：${e.voidReason}` : e.status === 'gap' ? '断号：未登记使用' : '') },
  { header: '经办人', width: 10, value: (e) => e.voidedBy },
  { header: '作废时间', width: 18, value: (e) => (e.voidedAt ? formatChineseDate(e.voidedAt.slice(0, 10)) : '') },
]

const FILLS: Partial<Record<RegisterEntry['status'], string>> = { gap: 'FFFDE2E2', voided: 'FFEDEDED', reserved: 'FFFFF6DA' }

/** 发文登记簿 as an .xlsx workbook: one sheet per 机关代字, gaps and voided numbers highlighted. */
export async function registerWorkbook(officeName: string, year: number, entries: RegisterEntry[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '教育督导工作台'
  wb.created = new Date()
  const prefixes = [...new Set(entries.map((e) => e.prefix))]
  if (prefixes.length === 0) prefixes.push('')
  for (const prefix of prefixes) {
    const rows = entries.filter((e) => e.prefix === prefix)
    const ws = wb.addWorksheet(prefix ? prefix.slice(0, 31) : '登记簿', { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
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
    const count = (s: RegisterEntry['status']) => rows.filter((e) => e.status === s).length
    ws.addRow([])
    ws.addRow([`合计：已用 ${count('used')} 个，预留 ${count('reserved')} 个，作废 ${count('voided')} 个，断号 ${count('gap')} 个`])
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
