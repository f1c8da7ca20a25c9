/**
 * Page fit of the part after 正文 — 附件说明, 署名, 成文日期, 附注 — and placement of the 版记: ONE pure
 * decision, taken by running the typesetter (typeset.ts), that the preview draws and the
 * .docx exporter (electron/core/export/docx/) writes, so the two always paginate alike.
 *
 * GB/T 9704-2012 7.3.5.4: when the space below 正文 cannot hold the 署名 and 成文日期, adjust line spacing or
 * character spacing so it does — the 署名 page must carry 正文. In order:
 * 1. the part fits below 正文 as it is;
 * 2. (sealed form) fewer blank lines reserved for the seal above the 署名: 2 → 1;
 * 3. one seal line kept, and the lines of that page from its first whole 正文 paragraph on (the part after
 *    正文 included) set at one tighter exact pitch, never below the profile's pageFit.minLinePitchTwips —
 *    7.3.5.4 prescribes adjusting the line spacing, and with no blank line a 42 mm seal would cover the
 *    附件说明 or 正文 above the 署名;
 * 4. only then no seal line: at the grid pitch, else tightened as in 3;
 * 5. otherwise the grid as it is, and the part moves to the next page with the last two lines of 正文
 *    (Word's keep-with-next with widow/orphan control, which the exporter writes).
 * Whatever the outcome, a 主送机关 that would end its page without any of 正文 after it (正文 carried whole,
 * a table moved on, a full page) opens the next page with 正文 (FitSettings.recipientsNewPage).
 * The 版记 goes on the last, even page (7.4): on a page of its own when the last text page has no room for
 * it, after a blank page when that page would be odd, and on the next (even) page when the last text page is
 * odd — except in a one-page document, which keeps it on page 1 (7.4, 7.5); neither page carries a number.
 */
import { typeAreaHeightTwips, type LayoutProfile } from './layout'
import { gridFit, signatureForm, typesetDocument, type FitSettings, type ImprintPlacement, type TypesetFlow } from './typeset'
import type { PreviewPage } from '../print/paginate'
import type { DocumentSpec } from './types'

export type { FitSettings, ImprintPlacement } from './typeset'

/** How the part after 正文 was placed. */
export type FitOutcome = 'fits' | 'fewerSealLines' | 'tightened' | 'carried'

export interface PageFit extends FitSettings {
  outcome: FitOutcome
  imprint: ImprintPlacement
  /**
   * Whether the exporter keeps the last 正文 paragraph with the part after it (keep-with-next + widow
   * control): when that part is carried, and as a safety net when the paragraph lies wholly on the page
   * where 正文 ends. Not when it runs over from the page before and the part fits: LibreOffice then moves
   * the whole paragraph to the next page (measured), while the preview and Word split it.
   */
  keepBodyWithClosing: boolean
}

/**
 * Room left unused on a tightened page, in twips (1 pt): the lines are computed to fit exactly, and a
 * word processor that places the 版头 a fraction of a point lower must not push the 附注 over the edge.
 */
export const FIT_SLACK_TWIPS = 20

/** The decision and the pages typeset with it. */
export function planPageFit(spec: DocumentSpec, layout: LayoutProfile): { fit: PageFit; pages: PreviewPage[] } {
  const done = (
    fit: FitSettings,
    r: { pages: PreviewPage[]; flow: TypesetFlow },
    outcome: FitOutcome,
  ): { fit: PageFit; pages: PreviewPage[] } => {
    // A 主送机关 left as its page's last line without 正文 (正文 carried whole, a table moved on, or the page
    // simply full) opens the next page instead — keep-with-next, as the .docx writes it.
    if (r.flow.recipientsStranded && !fit.recipientsNewPage) {
      const moved = { ...fit, recipientsNewPage: true }
      const m = typesetDocument(spec, layout, moved)
      return done(moved, m, m.flow.carried ? 'carried' : outcome === 'carried' ? 'fits' : outcome)
    }
    const last = r.flow.blocks.at(-1)
    const keepBodyWithClosing = outcome === 'carried' || !last || last.page === r.flow.bodyEnd.page
    return { fit: { ...fit, outcome, imprint: r.flow.imprint, keepBodyWithClosing }, pages: r.pages }
  }
  const base = gridFit(spec, layout)
  const r = typesetDocument(spec, layout, base)
  if (!r.flow.carried) return done(base, r, 'fits')

  const sealed = signatureForm(spec, layout) === 'sealed'
  // The seal lines kept while the pitch is tightened: one (a 42 mm seal then presses on the 署名 and the line
  // above it, as it should, instead of covering 正文 or the 附件说明); none only when that cannot fit either.
  const keep = sealed ? Math.min(1, base.signatureBlankLines) : base.signatureBlankLines
  const grid = (k: number) => {
    const fit = { ...base, signatureBlankLines: k }
    return { fit, r: typesetDocument(spec, layout, fit) }
  }

  // 2. Fewer blank lines above the sealed 署名, down to `keep` (2 → 1).
  if (sealed) {
    for (let k = base.signatureBlankLines - 1; k >= keep; k--) {
      const g = grid(k)
      if (!g.r.flow.carried) return done(g.fit, g.r, 'fewerSealLines')
    }
  }
  // 3. A tighter pitch keeping `keep` seal lines; 4. only then no seal line, at the grid pitch, then tightened.
  const t = tighten(spec, layout, grid(keep))
  if (t) return done(t.fit, t.r, 'tightened')
  if (sealed && keep > 0) {
    const g = grid(0)
    if (!g.r.flow.carried) return done(g.fit, g.r, 'fewerSealLines')
    const t0 = tighten(spec, layout, g)
    if (t0) return done(t0.fit, t0.r, 'tightened')
  }

  // 5. Cannot be made to fit: the grid as it is; the part moves with the last lines of 正文 — and the 主送机关
  // with them when 正文 moves whole (done(): never a page's last line without its 正文).
  return done(base, r, 'carried')
}

/**
 * The lines of the page where 正文 ends, from its first whole 正文 paragraph on, and the part after 正文 at
 * one tighter exact pitch (wrapping does not change with the pitch), never below the profile's minimum;
 * `g` is the grid typesetting (carried) with the seal lines to keep. Null when no such pitch fits.
 */
function tighten(
  spec: DocumentSpec,
  layout: LayoutProfile,
  g: { fit: FitSettings; r: { flow: TypesetFlow } },
): { fit: FitSettings; r: { pages: PreviewPage[]; flow: TypesetFlow } } | null {
  const { bodyEnd, blocks, closingLines, reserveTwips } = g.r.flow
  const pitch = layout.grid.linePitchTwips
  let from = blocks.length
  while (from > 0 && blocks[from - 1].page === bodyEnd.page) from--
  const bodyLines = blocks.slice(from).reduce((n, b) => n + b.lines, 0)
  const lines = bodyLines + closingLines
  const start = bodyEnd.cursor - bodyLines * pitch
  // The 信函格式 版记 keeps its grid lines below the tightened ones (typeset.ts reserveTwips).
  const room = typeAreaHeightTwips(layout) - FIT_SLACK_TWIPS - start - reserveTwips
  if (lines <= 0 || room <= 0) return null
  const first = Math.min(pitch - 1, Math.floor(room / lines))
  for (let p = first; p >= layout.pageFit.minLinePitchTwips && p > first - 3; p--) {
    const fit: FitSettings = { ...g.fit, tightPitchTwips: p, tightFromBlock: from }
    const r = typesetDocument(spec, layout, fit)
    if (!r.flow.carried) return { fit, r }
  }
  return null
}
