// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { defineComponent, h, nextTick, ref } from 'vue'
import { describe, expect, it, vi } from 'vitest'
import { GBT9704_LAYOUT } from '../../../shared/documents/layout'
import type { DocumentSpec } from '../../../shared/documents/types'
import notice from '../../../seeds/demo/documents/notice-2024-4.json'

const calls = vi.hoisted(() => ({ n: 0 }))
vi.mock('../../../shared/documents/pageFit', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../../shared/documents/pageFit')>()
  return { ...orig, planPageFit: (...a: Parameters<typeof orig.planPageFit>) => (calls.n++, orig.planPageFit(...a)) }
})
const { useTypeset } = await import('../../../renderer/src/views/documents/editor/useTypeset')

describe('useTypeset (one typesetting per change for the preview and the page-fit notes)', () => {
  it('typesets once per change, not again for an equal document, and answers an undo from its cache', async () => {
    const spec = ref<DocumentSpec>(structuredClone(notice) as unknown as DocumentSpec)
    let typeset!: ReturnType<typeof useTypeset>
    mount(
      defineComponent({
        setup() {
          typeset = useTypeset(
            () => spec.value,
            () => GBT9704_LAYOUT,
          )
          return () => h('div')
        },
      }),
    )
    expect(calls.n).toBe(1)
    expect(typeset.result.value.pages).toHaveLength(6)
    expect(typeset.result.value.fit?.imprint.ownPage).toBe(true)
    const before = spec.value.content.title
    spec.value.content.title = '关于召开督学工作会议的通知'
    await nextTick()
    await typeset.settled()
    expect(calls.n).toBe(2)
    expect(typeset.result.value.pages[0].items.some((i) => i.kind === 'text' && i.text === '关于召开督学工作会议的通知')).toBe(true)
    // The same content again (a new object, equal data): no typesetting.
    spec.value = structuredClone(JSON.parse(JSON.stringify(spec.value)))
    await nextTick()
    expect(calls.n).toBe(2)
    // Undo: from the cache.
    spec.value.content.title = before
    await nextTick()
    expect(calls.n).toBe(2)
    expect(typeset.pending.value).toBe(false)
  })

  it('says why a document cannot be typeset instead of throwing', async () => {
    const spec = ref<DocumentSpec>(structuredClone(notice) as unknown as DocumentSpec)
    spec.value.content.signedDate = '2024-02-30'
    let typeset!: ReturnType<typeof useTypeset>
    mount(
      defineComponent({
        setup: () => (
          (typeset = useTypeset(
            () => spec.value,
            () => GBT9704_LAYOUT,
          )),
          () => h('div')
        ),
      }),
    )
    expect(typeset.result.value.error).toMatch(/^预览生成失败：/)
    expect(typeset.result.value.pages).toEqual([])
  })
})
