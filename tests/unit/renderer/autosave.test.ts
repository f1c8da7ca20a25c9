// The suite runs in TZ=Asia/Shanghai (vitest.config.mts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { AUTOSAVE_DELAY_MS, useAutosave } from '../../../renderer/src/views/documents/editor/useAutosave'

/** A draft being edited: `type()` changes the text and marks it dirty, as the composer does. */
function draft(saveResult = true) {
  const text = ref('')
  const dirty = ref(false)
  const enabled = ref(true)
  const saved: string[] = []
  const save = vi.fn(async () => {
    saved.push(text.value)
    if (saveResult) dirty.value = false
    return saveResult
  })
  const scope = effectScope()
  const autosave = scope.run(() => useAutosave({ dirty, source: text, enabled, save }))!
  const type = async (t: string) => {
    text.value += t
    dirty.value = true
    await nextTick()
  }
  return { text, dirty, enabled, save, saved, autosave, type, scope }
}

describe('drafts save themselves', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2024-03-22T07:46:10.000Z'))
  })
  afterEach(() => vi.useRealTimers())

  it('a few seconds after typing stops, not while typing goes on', async () => {
    const d = draft()
    await d.type('关于')
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1000)
    await d.type('开展')
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1000)
    expect(d.save).not.toHaveBeenCalled()
    expect(d.autosave.status.value).toBe('有未保存的修改')
    await vi.advanceTimersByTimeAsync(1000)
    expect(d.saved).toEqual(['关于开展'])
    // Shown discreetly, in local time: 15:46 China time (07:46 UTC).
    expect(d.autosave.status.value).toBe('已自动保存 15:46')
    d.scope.stop()
  })

  it('at once when a field is left, and on Ctrl+S (without the browser dialog)', async () => {
    const d = draft()
    await d.type('标题')
    await d.autosave.flush()
    expect(d.save).toHaveBeenCalledTimes(1)
    await d.type('改')
    const event = { ctrlKey: true, metaKey: false, altKey: false, key: 's', preventDefault: vi.fn() } as unknown as KeyboardEvent
    d.autosave.onKeydown(event)
    await vi.advanceTimersByTimeAsync(0)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(d.saved).toEqual(['标题', '标题改'])
    // Nothing pending: the countdown was cancelled by the save.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2)
    expect(d.save).toHaveBeenCalledTimes(2)
    d.scope.stop()
  })

  it('never for a locked document, and says when a save failed', async () => {
    const d = draft(false)
    await d.type('x')
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    expect(d.save).toHaveBeenCalledTimes(1)
    expect(d.autosave.status.value).toBe('未能保存')
    d.enabled.value = false
    await d.type('y')
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2)
    await d.autosave.flush()
    expect(d.save).toHaveBeenCalledTimes(1)
    d.scope.stop()
  })
})
