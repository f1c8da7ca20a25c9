// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import PreviewZoom from '../../../renderer/src/views/documents/editor/PreviewZoom.vue'

describe('PreviewZoom (the composer preview’s scale, from outside the preview)', () => {
  it('steps through the zoom levels, goes back to fit-to-width and to real size', async () => {
    const w = mount(PreviewZoom, { props: { modelValue: 1 } })
    expect(w.find('[data-test=zoom-value]').text()).toBe('100%')
    await w.find('[data-test=zoom-in]').trigger('click')
    await w.find('[data-test=zoom-out]').trigger('click')
    await w.find('[data-test=zoom-fit]').trigger('click')
    expect(w.emitted('update:modelValue')!.map((e) => e[0])).toEqual([1.1, 0.9, 'fit'])
    await w.setProps({ modelValue: 'fit' })
    expect(w.find('[data-test=zoom-value]').text()).toBe('适合宽度')
    await w.find('[data-test=zoom-actual]').trigger('click')
    expect(w.emitted('update:modelValue')!.at(-1)![0]).toBe(1)
    // At the ends the scale stays within the steps.
    await w.setProps({ modelValue: 2 })
    await w.find('[data-test=zoom-in]').trigger('click')
    expect(w.emitted('update:modelValue')!.at(-1)![0]).toBe(2)
  })

  it('says the preview is being typeset only when that takes a while', async () => {
    vi.useFakeTimers()
    const w = mount(PreviewZoom, { props: { modelValue: 'fit', pending: true } })
    expect(w.attributes('data-pending')).toBe('true')
    expect(w.find('[data-test=preview-pending]').exists()).toBe(false)
    vi.advanceTimersByTime(300)
    await w.vm.$nextTick()
    expect(w.find('[data-test=preview-pending]').exists()).toBe(true)
    await w.setProps({ pending: false })
    expect(w.find('[data-test=preview-pending]').exists()).toBe(false)
    vi.useRealTimers()
  })
})
