/**
 * Page fit of the part after 正文 — 附件说明, 署名, 成文日期, 附注 — and placement of the 版记: ONE pure
 * decision, taken by running the preview typesetter (previewTypeset.ts), that the preview draws and the
 * .docx exporter (electron/core/export/docx/) writes, so the two always paginate alike.
 *
 * GB/T 9704-2012 7.3.5.4: when the space below 正文 cannot hold the 署名 and 成文日期, adjust line spacing or
 * character spacing so it does — the 署名 page must carry 正文. In order:
 * 1. the part fits below 正文 as it is;
 * 2. (sealed form) fewer blank lines reserved for the seal above the 署名: 2 → 1 → 0;
 * 3. no such blank line, and the lines of that page from its first whole 正文 paragraph on (the part after
 *    正文 included) set at one tighter exact pitch, never below the profile's pageFit.minLinePitchTwips;
 * 4. otherwise the grid as it is, and the part moves to the next page with the last two lines of 正文
 *    (Word's keep-with-next with widow/orphan control, which the exporter writes).
 * The 版记 goes on a page of its own when the last page has no room for it, after a blank page when that
 * page would be odd (7.4, 7.5); neither page carries a number.
 */
import { typeAreaHeightTwips, type LayoutProfile } from './layout'
import { gridFit, signatureForm, typesetDocument, type FitSettings, type ImprintPlacement, type PreviewPage, type TypesetFlow } from './previewTypeset'
import type { DocumentSpec } from './types'

export type { FitSettings, ImprintPlacement } from './previewTypeset'

/** How the part after 正文 was placed. */
export type FitOutcome = 'fits' | 'fewerSealLines' | 'tightened' | 'carried'

export interface PageFit extends FitSettings {
  outcome: FitOutcome
  imprint: ImprintPlacement
}

/**
 * Room left unused on a tightened page, in twips (1 pt): the lines are computed to fit exactly, and a
 * word processor that places the 版头 a fraction of a point lower must not push the 附注 over the edge.
 */
export const FIT_SLACK_TWIPS = 20

/** The decision and the pages typeset with it. */
export function planPageFit(spec: DocumentSpec, layout: LayoutProfile): { fit: PageFit; pages: PreviewPage[] } {
  const done = (fit: FitSettings, r: { pages: PreviewPage[]; flow: TypesetFlow }, outcome: FitOutcome) => ({
    fit: { ...fit, outcome, imprint: r.flow.imprint },
    pages: r.pages,
  })
  const base = gridFit(spec, layout)
  let r = typesetDocument(spec, layout, base)
  if (!r.flow.carried) return done(base, r, 'fits')

  // 2. Fewer blank lines above the sealed 署名 (the seal then presses on the lines above, as it may).
  let fit = base
  if (signatureForm(spec, layout) === 'sealed') {
    for (let k = base.signatureBlankLines - 1; k >= 0; k--) {
      fit = { ...base, signatureBlankLines: k }
      r = typesetDocument(spec, layout, fit)
      if (!r.flow.carried) return done(fit, r, 'fewerSealLines')
    }
  }

  // 3. A tighter pitch for the lines of the page where 正文 ends (wrapping does not change with the pitch).
  const { bodyEnd, blocks, closingLines } = r.flow
  const pitch = layout.grid.linePitchTwips
  let from = blocks.length
  while (from > 0 && blocks[from - 1].page === bodyEnd.page) from--
  const bodyLines = blocks.slice(from).reduce((n, b) => n + b.lines, 0)
  const lines = bodyLines + closingLines
  const start = bodyEnd.cursor - bodyLines * pitch
  const room = typeAreaHeightTwips(layout) - FIT_SLACK_TWIPS - start
  if (lines > 0 && room > 0) {
    const first = Math.min(pitch - 1, Math.floor(room / lines))
    for (let p = first; p >= layout.pageFit.minLinePitchTwips && p > first - 3; p--) {
      const tight: FitSettings = { ...fit, tightPitchTwips: p, tightFromBlock: from }
      r = typesetDocument(spec, layout, tight)
      if (!r.flow.carried) return done(tight, r, 'tightened')
    }
  }

  // 4. Cannot be made to fit: the grid as it is; the part moves with the last lines of 正文.
  return done(base, typesetDocument(spec, layout, base), 'carried')
}
