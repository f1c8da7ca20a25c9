import { GBT9704_LAYOUT, type FontProfileId, type LayoutProfile } from './layout'

/**
 * The layout an office's documents are set in: the GB/T 9704-2012 profile with the office's choices in
 * 系统设置 — its font profile (GB2312 faces or the Windows faces) and the page number of a 版记 page of its
 * own (imprint.ownPageNumber; absent = the standard's). The ONE place that combines them: the .docx export
 * and the composer's A4 preview both call it, so they never disagree.
 * @param office the office profile, or null before setup (→ the standard's defaults)
 */
export function effectiveLayout(
  office: { fontProfile: FontProfileId; imprintPageNumber?: LayoutProfile['imprint']['ownPageNumber'] } | null | undefined,
): LayoutProfile {
  return {
    ...GBT9704_LAYOUT,
    fontProfile: office?.fontProfile ?? GBT9704_LAYOUT.fontProfile,
    imprint: { ...GBT9704_LAYOUT.imprint, ownPageNumber: office?.imprintPageNumber ?? GBT9704_LAYOUT.imprint.ownPageNumber },
  }
}
