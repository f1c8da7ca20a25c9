/**
 * 附注 lines (GB/T 9704-2012 7.3.6/7.3.7), shared by the preview typesetter and the .docx exporter: the 公开
 * note (（此件公开发布）) and the contact note (（联系人：李明，联系电话：0951-8061234）, which a 请示 must
 * carry), each in full-width parentheses, the contact note on the line after the 公开 note or in its place.
 */
import type { DocumentContent } from './types'

/** `note` in full-width parentheses (half-width or partial parentheses replaced); '' stays ''. */
export function parenthesize(note: string): string {
  const n = note.trim()
  if (!n) return ''
  if (/^（.*）$/.test(n)) return n
  return `（${n.replace(/^[（(]/, '').replace(/[）)]$/, '')}）`
}

export interface AnnotationLine {
  role: 'publicityNote' | 'contactNote'
  text: string
}

/** The 附注 paragraphs in order: the 公开 note, then the contact note; empty ones left out. */
export function annotationTexts(content: Pick<DocumentContent, 'publicityNote' | 'contactNote'>): AnnotationLine[] {
  const out: AnnotationLine[] = []
  const pub = parenthesize(content.publicityNote)
  if (pub) out.push({ role: 'publicityNote', text: pub })
  const contact = parenthesize(content.contactNote ?? '')
  if (contact) out.push({ role: 'contactNote', text: contact })
  return out
}
