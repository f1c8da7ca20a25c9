import type { BodyBlock, DocumentContent } from '../../../shared/documents/types'

/**
 * What a clerk does to a template before 签发, as a test would: every placeholder replaced
 * (`××` → 示范, `×月` → 3月, `第×次` → 第3次, `（请示缘由）` → a sentence), every empty heading, item and
 * paragraph written, every table cell filled. Fields left empty on purpose (签发人, 附注) stay empty.
 */
export function fillTemplate<C extends Partial<DocumentContent>>(content: C): C {
  const text = (t: string) =>
    t
      .replace(/第×/g, '第3')
      .replace(/×{2,}/g, '示范')
      .replace(/×(?=[年月日次个所名项期周天号])/g, '3')
      .replace(/^（[^（）。；！？]{1,30}）$/, '具体内容已按要求填写。')
  const blocks = (list: BodyBlock[]): BodyBlock[] =>
    list.map((b): BodyBlock => {
      // Tables keep their shape; every cell is filled in (a 问题清单: 学校 | 问题 | 整改期限).
      if (b.kind === 'table') return { ...b, text: text(b.text), table: { ...b.table, rows: b.table.rows.map((r) => r.map(text)) } }
      if (b.kind === 'image') return b
      return { level: b.level, text: b.text.trim() ? text(b.text) : b.level === 0 ? '具体内容已按要求填写。' : '工作要求' }
    })
  const out: Partial<DocumentContent> = { ...content }
  if (out.title !== undefined) out.title = text(out.title)
  if (out.recipients !== undefined) out.recipients = text(out.recipients)
  if (out.contactNote) out.contactNote = text(out.contactNote)
  if (out.body) out.body = blocks(out.body)
  if (out.attachments) out.attachments = out.attachments.map((a) => ({ title: text(a.title), body: blocks(a.body) }))
  if (out.attendance)
    out.attendance = {
      present: text(out.attendance.present),
      absent: text(out.attendance.absent),
      observers: text(out.attendance.observers),
    }
  return out as C
}
