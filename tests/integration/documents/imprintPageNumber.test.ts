/**
 * Issue 13 item 8, its setting: the page number of a 版记 page of its own (GB/T 9704 7.5 — numbered unless a
 * blank page precedes it; some offices never number it) is chosen in 系统设置 (office profile
 * imprintPageNumber), saved with the office, and used by the Word export as by the preview (effectiveLayout).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { effectiveLayout } from '../../../shared/documents/effectiveLayout'
import { planPageFit } from '../../../shared/documents/pageFit'
import type { DocumentSpec } from '../../../shared/documents/types'
import { exportedFile } from '../../helpers/exported'
import { useOfficeFixture } from '../../helpers/officeFixture'
import { SAMPLE_PROFILE } from '../../helpers/tempWorkspace'

const setup = useOfficeFixture()
const root = join(__dirname, '../../..')
/** The demo notice ends its text on page 5: its 版记 goes on page 6 directly, numbered by the standard (7.5). */
const demo = JSON.parse(readFileSync(join(root, 'seeds/demo/documents/notice-2024-4.json'), 'utf8')) as DocumentSpec

/** The footer references of the last section (the 版记 page's), by type. */
async function lastSectionFooters(data: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(data)).file('word/document.xml')!.async('string')
  const sections = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? []
  expect(sections).toHaveLength(2)
  const rels = await (await JSZip.loadAsync(data)).file('word/_rels/document.xml.rels')!.async('string')
  const footers: string[] = []
  for (const m of sections[1].matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1]
    const footer = await (await JSZip.loadAsync(data)).file(`word/${target}`)!.async('string')
    footers.push(`${m[1]}:${footer.includes('PAGE') ? 'number' : 'empty'}`)
  }
  return footers.sort()
}

describe('版记页页码 in 系统设置 (office imprintPageNumber)', () => {
  it('is saved with the office (default: the standard) and refused when unknown', async () => {
    const { call, fail } = await setup()
    expect((await call('office.get', {})).imprintPageNumber).toBe('standard')
    await call('office.save', { ...SAMPLE_PROFILE, imprintPageNumber: 'unnumbered' })
    expect((await call('office.get', {})).imprintPageNumber).toBe('unnumbered')
    expect(await fail('office.save', { ...SAMPLE_PROFILE, imprintPageNumber: 'never' })).toContain('版记页页码')
  })

  it('the preview layout and the Word export follow it: numbered by default, unnumbered with the habit', async () => {
    const { env, call, series } = await setup()
    const doc = await call('documents.create', { templateKey: 'distribution-notice' })
    await call('documents.save', { id: doc.id, kind: demo.kind, format: demo.format, seriesId: series.id, content: demo.content })
    const exportFooters = async () =>
      lastSectionFooters((await exportedFile(env.ws, await call('documents.exportDocx', { id: doc.id }))).data)

    const office = await call('office.get', {})
    expect(planPageFit(demo, effectiveLayout(office)).fit.imprint).toEqual({ ownPage: true, blankPageBefore: false, numbered: true })
    expect(await exportFooters()).toContain('default:number')

    await call('office.save', { ...SAMPLE_PROFILE, imprintPageNumber: 'unnumbered' })
    const habit = await call('office.get', {})
    expect(planPageFit(demo, effectiveLayout(habit)).fit.imprint).toEqual({ ownPage: true, blankPageBefore: false, numbered: false })
    expect((await exportFooters()).every((f) => f.endsWith(':empty'))).toBe(true)
  })
})
