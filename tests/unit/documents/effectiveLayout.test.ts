import { describe, expect, it } from 'vitest'
import { effectiveLayout } from '../../../shared/documents/effectiveLayout'
import { GBT9704_LAYOUT } from '../../../shared/documents/layout'

describe('effectiveLayout (one layout for export and preview)', () => {
  it('is the standard profile before setup', () => {
    expect(effectiveLayout(null)).toEqual(GBT9704_LAYOUT)
  })
  it("takes the office's font profile and nothing else", () => {
    const other = GBT9704_LAYOUT.fontProfile === 'gb2312' ? 'windows' : 'gb2312'
    const layout = effectiveLayout({ fontProfile: other as typeof GBT9704_LAYOUT.fontProfile })
    expect(layout.fontProfile).toBe(other)
    expect({ ...layout, fontProfile: GBT9704_LAYOUT.fontProfile }).toEqual(GBT9704_LAYOUT)
  })
})

describe('effectiveLayout: the 版记 page number (issue 13 item 8, 系统设置)', () => {
  it("takes the office's imprintPageNumber into imprint.ownPageNumber; absent = the standard's", () => {
    expect(effectiveLayout({ fontProfile: 'gb2312', imprintPageNumber: 'unnumbered' }).imprint.ownPageNumber).toBe('unnumbered')
    expect(effectiveLayout({ fontProfile: 'gb2312', imprintPageNumber: 'standard' }).imprint.ownPageNumber).toBe('standard')
    expect(effectiveLayout({ fontProfile: 'gb2312' }).imprint).toEqual(GBT9704_LAYOUT.imprint)
  })
})
