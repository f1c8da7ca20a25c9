import { RECORD_FORM_LAYOUT, recordFormBlocks } from '../../../shared/supervision/recordForm'
import { exportBlocksDocx } from '../export/docx/blockWriter'
import { readOffice } from '../office/officeRepository'
import type { Workspace } from '../workspace'
import * as repo from './supervisionRepository'

/**
 * The printable blank 督导记录表 as .docx (exportBlocksDocx, GB/T 9704 page); with `month` (YYYY-MM)
 * the form carries that month's theme, topics and the standing checklist of its year's plan.
 */
export async function recordFormDocx(ws: Workspace, month?: string): Promise<{ fileName: string; data: Buffer }> {
  const db = ws.db()
  const plan = month ? repo.readPlan(db, Number(month.slice(0, 4))) : null
  const pm = plan?.months.find((m) => m.month === Number(month!.slice(5, 7)))
  const blocks = recordFormBlocks({
    officeName: readOffice(db)?.fullName ?? '',
    items: repo.listItems(db),
    month:
      month && plan
        ? {
            label: `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`,
            theme: pm?.theme ?? '',
            topics: pm?.topics ?? [],
            standingChecklist: plan.standingChecklist,
          }
        : undefined,
  })
  const title = '中小学校责任督学挂牌督导记录表'
  return {
    fileName: month ? `${title}（${month}）.docx` : `${title}.docx`,
    data: await exportBlocksDocx(
      blocks,
      { title },
      { ...RECORD_FORM_LAYOUT, fontProfile: readOffice(db)?.fontProfile ?? RECORD_FORM_LAYOUT.fontProfile },
    ),
  }
}
