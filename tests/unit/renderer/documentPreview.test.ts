// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DocumentPreview from '../../../renderer/src/components/documentPreview/DocumentPreview.vue'
import { fontFamilyFor } from '../../../renderer/src/components/documentPreview/fontStacks'
import { lineSegments, textBoxStyle } from '../../../renderer/src/components/documentPreview/itemStyle'
import { GBT9704_LAYOUT, type LayoutProfile } from '../../../shared/documents/layout'
import { layoutPreview, type PreviewPage, type PreviewText } from '../../../shared/documents/previewLayout'
import type { DocumentSpec } from '../../../shared/documents/types'
import notice from '../../../seeds/demo/documents/notice-2024-4.json'

const spec = notice as unknown as DocumentSpec

describe('DocumentPreview', () => {
  it('draws one A4 sheet per page with every line placed in millimetres, and marks itself for printing', async () => {
    const wrapper = mount(DocumentPreview, { props: { spec, scale: 0.5 } })
    const expected = layoutPreview(spec)
    const sheets = wrapper.findAll('[data-test=preview-page]')
    expect(sheets).toHaveLength(expected.length)
    expect(sheets[0].attributes('style')).toContain('width: 210mm')
    expect(sheets[0].attributes('style')).toContain('height: 297mm')
    const masthead = sheets[0].find('[data-role=masthead]')
    expect(masthead.text()).toBe('贺兰县人民政府教育督导室文件')
    expect(masthead.attributes('style')).toMatch(/top: 72(\.00\d)?mm/)
    expect(sheets[0].find('[data-role=pageNumber]').text()).toBe('— 1 —')
    expect(sheets[0].findAll('.doc-rule--separator')).toHaveLength(1)
    expect(wrapper.classes()).toContain('print-root')
    expect(wrapper.find('.doc-preview__pages').attributes('style')).toContain('zoom: 0.5')
    const emitted = wrapper.emitted('paginated')?.[0]?.[0] as PreviewPage[]
    expect(emitted).toHaveLength(expected.length)
  })

  it('re-typesets when the spec changes and can leave printing to others', async () => {
    const wrapper = mount(DocumentPreview, { props: { spec, scale: 1, printable: false } })
    expect(wrapper.classes()).not.toContain('print-root')
    await wrapper.setProps({ spec: { ...spec, content: { ...spec.content, attachments: [], title: '关于召开督学工作会议的通知' } } })
    const titles = wrapper.findAll('[data-role=title]').map((t) => t.text())
    expect(titles).toEqual(['关于召开督学工作会议的通知'])
    expect(wrapper.findAll('[data-role=attachmentLabel]')).toHaveLength(0)
  })
})

describe('preview font stacks', () => {
  it('puts the profile face first, falls back to free CJK faces, and sends Latin to the Latin alias', () => {
    const fangsong = fontFamilyFor(GBT9704_LAYOUT, 'fangsong')
    expect(fangsong.startsWith("'PreviewLatin', '仿宋_GB2312'")).toBe(true)
    expect(fangsong).toContain("'FangSong'")
    expect(fangsong).toContain("'Noto Serif CJK SC'")
    expect(fangsong.endsWith('serif')).toBe(true)
    expect(fontFamilyFor(GBT9704_LAYOUT, 'title')).toContain("'方正小标宋简体'")
    expect(fontFamilyFor(GBT9704_LAYOUT, 'title')).toContain("'PreviewTitleFallback'")
    expect(fontFamilyFor(GBT9704_LAYOUT, 'heiti')).toContain("'SimHei'")
    expect(fontFamilyFor(GBT9704_LAYOUT, 'kaiti')).toContain("'KaiTi'")
    expect(fontFamilyFor(GBT9704_LAYOUT, 'songti', true).startsWith("'PreviewStrut', '宋体'")).toBe(true)
    const windows: LayoutProfile = { ...GBT9704_LAYOUT, fontProfile: 'windows' }
    expect(fontFamilyFor(windows, 'fangsong').startsWith("'PreviewLatin', '仿宋'")).toBe(true)
    expect(fontFamilyFor(windows, 'title')).toMatch(/^'PreviewLatin', '华文中宋'/)
  })

  it('styles a line from its item: mm box, pt size, grid letter spacing, justified lines', () => {
    const item = layoutPreview(spec)[2].items.find(
      (i): i is PreviewText => i.kind === 'text' && i.role === 'body' && i.align === 'justify',
    )!
    const style = textBoxStyle(item, 'serif')
    expect(style.fontSize).toBe('16pt')
    expect(style.letterSpacing).toBe('-0.25pt')
    expect(style.textAlignLast).toBe('justify')
    expect(style.left).toMatch(/mm$/)
    const pageNumber = layoutPreview(spec)[0].items.find((i): i is PreviewText => i.kind === 'text' && i.role === 'pageNumber')!
    expect(lineSegments(pageNumber).map((s) => [s.text, s.dash])).toEqual([
      ['—', true],
      [' 1 ', false],
      ['—', true],
    ])
    const line: PreviewText = { ...pageNumber, role: 'body', text: '贺兰县2024年（2024）', font: 'fangsong', runs: undefined }
    expect(lineSegments(line).map((s) => [s.text, s.gap])).toEqual([
      ['贺兰县', false],
      ['2024', true],
      ['年（2024）', true],
    ])
  })
})
