import demoOffice from '../../../seeds/demo/office.json'
import demoRegister from '../../../seeds/demo/register.json'
import notice2024No4 from '../../../seeds/demo/documents/notice-2024-4.json'
import { documentContentSchema, documentFormatSchema, documentKindSchema } from '../../../shared/documents/documentSchema'
import type { Attachment, BodyBlock } from '../../../shared/documents/types'
import { officeProfileSchema, type Office } from '../../../shared/office/office'
import * as documents from '../documents/documentService'
import { UserError } from '../errors'
import * as numbers from '../numbers/numberService'
import { readOffice, writeOffice } from '../office/officeRepository'
import { loadSupervisionDemo } from '../supervision/demo'
import type { Workspace } from '../workspace'

const noticeSpec = {
  kind: documentKindSchema.parse(notice2024No4.kind),
  format: documentFormatSchema.parse(notice2024No4.format),
  content: documentContentSchema.parse(notice2024No4.content),
}

/**
 * Loads the demo county (seeds/demo) into a workspace that has no data yet, all in one
 * transaction: the office, its number series, and a 2024 register that shows every state (used,
 * reserved, voided, a gap) around the real notice 贺政教督发〔2024〕4号.
 */
export function loadDemo(ws: Workspace): Office {
  const db = ws.db()
  if (readOffice(db)) {
    throw new UserError('当前数据库已有机关信息，不能再载入示例数据。如需体验示例，请另选一个空的数据目录（--data-dir）。')
  }
  const profile = officeProfileSchema.parse(demoOffice)
  const r = demoRegister
  db.transaction(() => {
    writeOffice(db, profile)
    const [fa] = r.series.map((s) => numbers.saveSeries(ws, { prefix: s.prefix, name: s.name }))

    // 1号: a supervision notice made from the template, signed and printed.
    const spring = documents.create(ws, 'supervision-notice')
    documents.save(ws, {
      id: spring.id,
      kind: spring.kind,
      format: spring.format,
      seriesId: fa.id,
      content: {
        ...spring.content,
        title: r.springCheck.title,
        signedDate: r.springCheck.signedDate,
        printedDate: r.springCheck.signedDate,
        body: r.springCheck.body as BodyBlock[],
        attachments: r.springCheck.attachments as Attachment[],
      },
    })
    documents.sign(ws, { id: spring.id })
    documents.markPrinted(ws, { id: spring.id })

    // 2号 recorded from the old Excel register; 3号 reserved then voided.
    numbers.record(ws, r.recorded[0])
    const three = numbers.reserve(ws, { seriesId: fa.id, year: 2024, purpose: r.voided.purpose })
    numbers.voidNumber(ws, { docNumber: three.docNumber, reason: r.voided.reason, by: r.voided.by })

    // 4号: the real notice with its 工作要点 attachment.
    const notice = documents.create(ws, 'distribution-notice')
    documents.save(ws, {
      id: notice.id,
      kind: noticeSpec.kind,
      format: noticeSpec.format,
      seriesId: fa.id,
      content: { ...noticeSpec.content, docNumber: '' },
    })
    documents.sign(ws, { id: notice.id })
    documents.markPrinted(ws, { id: notice.id, printedDate: noticeSpec.content.printedDate })

    // 6号 recorded (so 5号 shows as a gap), 7号 reserved, and a draft bulletin.
    numbers.record(ws, r.recorded[1])
    numbers.reserve(ws, { seriesId: fa.id, year: 2024, purpose: r.reserved.purpose })
    const bulletin = documents.create(ws, 'supervision-bulletin')
    documents.save(ws, {
      id: bulletin.id,
      kind: bulletin.kind,
      format: bulletin.format,
      seriesId: fa.id,
      content: { ...bulletin.content, title: r.draftBulletin.title, signedDate: '2024-05-10', printedDate: '2024-05-10' },
    })

    // 责任督学挂牌督导: schools, 督学, 责任区, the plan and last month's visits and ledger.
    loadSupervisionDemo(db)
  })()
  return readOffice(db)!
}
