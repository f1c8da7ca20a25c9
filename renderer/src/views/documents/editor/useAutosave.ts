import { computed, onScopeDispose, ref, watch, type Ref, type WatchSource } from 'vue'
import { localClockTime } from '../../../format'

/** Quiet time after the last change before a draft saves itself, in milliseconds. */
export const AUTOSAVE_DELAY_MS = 3000

export interface AutosaveOptions {
  /** True while there are unsaved changes. */
  dirty: Ref<boolean>
  /** What the user edits (watched deeply): every change restarts the quiet-time countdown. */
  source: WatchSource<unknown>
  /** True while the document may be saved at all (a draft). */
  enabled: Ref<boolean>
  /** Saves; resolves true on success. Never called twice at once. */
  save: () => Promise<boolean>
  delayMs?: number
}

/**
 * Drafts save themselves: `delayMs` after typing stops, at once when a field is left (`flush`, bound
 * to focusout) and on Ctrl+S / ⌘S (`onKeydown`, bound to the window). A reload loses at most the last
 * few seconds. `status` is the discreet line shown in the composer: 「已自动保存 15:46」, 「正在保存…」,
 * 「有未保存的修改」, 「未能保存」 (the form marks why).
 */
export function useAutosave({ dirty, source, enabled, save, delayMs = AUTOSAVE_DELAY_MS }: AutosaveOptions) {
  const savedAt = ref<string>('')
  const saving = ref(false)
  const failed = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let again = false

  function cancel(): void {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }

  /** Saves now when there is something to save; a call during a save runs once more after it. */
  async function flush(): Promise<void> {
    cancel()
    if (!enabled.value || !dirty.value) return
    if (saving.value) {
      again = true
      return
    }
    saving.value = true
    try {
      const ok = await save()
      failed.value = !ok
      if (ok) savedAt.value = new Date().toISOString()
    } finally {
      saving.value = false
    }
    if (again) {
      again = false
      if (dirty.value) schedule()
    }
  }

  /** (Re)starts the quiet-time countdown. */
  function schedule(): void {
    cancel()
    if (!enabled.value) return
    timer = setTimeout(() => void flush(), delayMs)
  }

  /** Ctrl+S / ⌘S saves at once instead of opening the browser's save dialog. */
  function onKeydown(e: KeyboardEvent): void {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
      e.preventDefault()
      void flush()
    }
  }

  // flush: 'post' so that the editor's own watcher has marked the change dirty first.
  watch(
    source,
    () => {
      if (dirty.value) schedule()
    },
    { deep: true, flush: 'post' },
  )
  onScopeDispose(cancel)

  const status = computed(() => {
    if (saving.value) return '正在保存…'
    if (failed.value && dirty.value) return '未能保存'
    if (dirty.value) return '有未保存的修改'
    return savedAt.value ? `已自动保存 ${localClockTime(savedAt.value)}` : ''
  })

  return { flush, schedule, cancel, onKeydown, status, savedAt, saving }
}
