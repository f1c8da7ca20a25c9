/**
 * In-app A4 preview of an official document (公文): the typesetter (typeset.ts) run with the page-fit
 * decisions of pageFit.ts — the same decisions the .docx exporter follows, so preview and export agree on
 * where the 署名 and the 版记 go.
 */
import { GBT9704_LAYOUT, type LayoutProfile } from './layout'
import { planPageFit } from './pageFit'
import type { PreviewPage } from '../print/paginate'
import type { DocumentSpec } from './types'

export * from '../print/paginate'
export * from './typeset'
export { fitMasthead } from './typeMetrics'
// Measurement and line breaking: the one model shared with the .docx writer.
export { AUTO_SPACE_EM, autoSpaceBetween, measureChars } from '../print/measure'
export { wrapChars } from '../print/lineBreak'

/**
 * Typesets `spec` on the line grid of `layout` (GB/T 9704-2012 by default) into A4 pages of positioned
 * items in millimetres.
 */
export function layoutPreview(spec: DocumentSpec, layout: LayoutProfile = GBT9704_LAYOUT): PreviewPage[] {
  return planPageFit(spec, layout).pages
}
