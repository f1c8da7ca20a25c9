/**
 * One typesetting of a 公文 for the composer: the page-fit decision and its pages (shared/documents/pageFit.ts,
 * the same decision the .docx exporter takes), from a serialised job so the same code runs in the typesetting
 * worker (typeset.worker.ts) and, where no worker can start, on the page itself. Pure: no DOM, no Vue.
 */
import { planPageFit, type PageFit } from '../../../../../shared/documents/pageFit'
import type { LayoutProfile } from '../../../../../shared/documents/layout'
import type { PreviewPage } from '../../../../../shared/documents/previewLayout'
import type { DocumentSpec } from '../../../../../shared/documents/types'

/** What the preview draws and the editor says about the page fit; `error` (Chinese) when it cannot be typeset. */
export interface TypesetResult {
  pages: PreviewPage[]
  fit: PageFit | null
  error: string
}

/** The job's key: the spec and layout as JSON (plain data, no reactive proxies); equal keys give equal results. */
export function typesetKey(spec: DocumentSpec, layout: LayoutProfile): string {
  return JSON.stringify({ spec, layout })
}

/** Typesets the job `key` (typesetKey). Never throws: an unprintable document gives `error` and no pages. */
export function runTypeset(key: string): TypesetResult {
  try {
    const { spec, layout } = JSON.parse(key) as { spec: DocumentSpec; layout: LayoutProfile }
    const { fit, pages } = planPageFit(spec, layout)
    return { pages, fit, error: '' }
  } catch (e) {
    return { pages: [], fit: null, error: `预览生成失败：${e instanceof Error ? e.message : String(e)}` }
  }
}
