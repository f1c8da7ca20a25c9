import { isCalendarDate } from '../validation/fields'
import { numberBlocks, sectionRange } from './headingNumbering'
import { UPWARD_KINDS, type BodyBlock, type DocumentContent, type DocumentFormat, type DocumentKind } from './types'

/**
 * What must still be done before a document can be signed (签发), as Chinese sentences, one per
 * problem, in reading order. Used by the core (`documents.sign` refuses while any is left) and by
 * the composer, which shows the same list live as the 签发 checklist.
 *
 * Besides the required parts (GB/T 9704-2012 7.2–7.3: 标题, 主送机关, 正文, 发文机关署名, 成文日期;
 * 签发人 for 上行文 7.2.6; the contact in a 请示's 附注 7.3.7), it finds what is left of a template:
 * - placeholders: `××` (any run of two or more ×), `×` standing for a number (`×月`, `×日`, `第×次`),
 *   and a paragraph that is nothing but a bracketed instruction (`（请示缘由）`, `（逐条列明问题）`);
 * - headings and numbered items without text (they would print a bare `一、` or `1.`);
 * - 一、/（一） headings over nothing but blank paragraphs (a template section never written);
 * - placeholders in a table's cells (the 问题清单 of the 督导通报 / 整改通知书 templates).
 *
 * A document filled in properly (placeholders replaced, every heading given text and content) has none.
 */
export function signingProblems(kind: DocumentKind, format: DocumentFormat, c: DocumentContent, seriesId: number | null): string[] {
  const problems: string[] = []
  if (seriesId === null) problems.push('请选择文号系列（机关代字）')
  if (!c.title.trim()) problems.push('请填写标题')
  if (!c.body.some((b) => b.text.trim())) problems.push('正文不能为空')
  if (format !== 'minutes' && !c.recipients.trim()) problems.push('请填写主送机关')
  if (format !== 'minutes' && c.signatureOrgs.length === 0) problems.push('请填写发文机关署名')
  if (c.mastheadOrgs.length === 0) problems.push('请填写发文机关标志')
  if (UPWARD_KINDS.includes(kind) && c.signers.length === 0) problems.push(`${kind}是上行文，请填写签发人`)
  if (kind === '请示' && !c.contactNote?.trim()) problems.push('请示应在附注中注明联系人和电话')
  if (c.signedDate && !isCalendarDate(c.signedDate)) problems.push(`成文日期「${c.signedDate}」不是有效的日期`)
  if (c.printedDate && !isCalendarDate(c.printedDate)) problems.push(`印发日期「${c.printedDate}」不是有效的日期`)
  if (c.signedDate && c.printedDate && c.printedDate < c.signedDate) problems.push('印发日期不能早于成文日期')
  c.attachments.forEach((a, i) => {
    if (!a.title.trim()) problems.push(`附件${i + 1}缺少标题`)
  })

  const fields: [string, string][] = [
    ['标题', c.title],
    ['主送机关', format === 'minutes' ? '' : c.recipients],
    ['发文机关署名', c.signatureOrgs.join('、')],
    ['签发人', c.signers.join('、')],
    ['附注', c.contactNote ?? ''],
    ['抄送机关', c.ccRecipients],
  ]
  if (format === 'minutes') fields.push(['出席', c.attendance.present], ['请假', c.attendance.absent], ['列席', c.attendance.observers])
  c.attachments.forEach((a, i) => fields.push([`附件${i + 1}标题`, a.title]))
  for (const [where, text] of fields) {
    const found = placeholderIn(text)
    if (found) problems.push(`${where}中还有待填写的「${found}」`)
  }
  problems.push(...blockProblems('正文', c.body, c.itemNumbering))
  c.attachments.forEach((a, i) => problems.push(...blockProblems(`附件${i + 1}`, a.body, c.itemNumbering)))
  return problems
}

/** `××` runs, and a single × standing for a number: ×年 ×月 ×日 ×次 ×个 ×所 ×名 ×项 ×期 ×周, 第×. */
const PLACEHOLDER = /×{2,}|×[年月日次个所名项期周天号]|第×/
/** A paragraph that is only a bracketed instruction: （请示缘由）, （逐条列明问题）. */
const BRACKETED_INSTRUCTION = /^（[^（）。；！？]{1,30}）$/

/** The first template placeholder in `text` (`××`, `×月`, `（请示缘由）`), or null. */
export function placeholderIn(text: string): string | null {
  const t = text.trim()
  if (BRACKETED_INSTRUCTION.test(t)) return t
  return PLACEHOLDER.exec(t)?.[0] ?? null
}

function blockProblems(where: string, blocks: BodyBlock[], itemNumbering: DocumentContent['itemNumbering']): string[] {
  const problems: string[] = []
  const numbered = numberBlocks(blocks, itemNumbering)
  numbered.forEach((b, i) => {
    const at = `${where}第${i + 1}段`
    const text = b.text.trim()
    if (b.level > 0 && !text) {
      problems.push(`${at}「${b.label}」${b.level <= 2 ? '标题' : '条目'}是空的`)
      return
    }
    const found = placeholderIn(b.text)
    if (found) problems.push(`${at}中还有待填写的「${found}」`)
    // A table's cells (a template's 问题清单 学校 | 问题 | 整改期限): the first placeholder of each row.
    if (b.kind === 'table')
      b.table.rows.forEach((row, r) => {
        const cell = row.map((c) => placeholderIn(c)).find((x) => x !== null)
        if (cell) problems.push(`${at}表格第${r + 1}行中还有待填写的「${cell}」`)
      })
    if (b.level === 1 || b.level === 2) {
      const { end } = sectionRange(blocks, i)
      const under = blocks.slice(i + 1, end)
      // A heading may run on into its text and stand alone; one over blank paragraphs was never written (a
      // table or an image is content).
      if (text && under.length > 0 && !under.some((x) => x.text.trim() || x.kind === 'table' || x.kind === 'image'))
        problems.push(`${at}「${b.label}${text}」下面还没有内容`)
    }
  })
  return problems
}
