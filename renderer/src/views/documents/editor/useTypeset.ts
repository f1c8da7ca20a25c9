import { onBeforeUnmount, ref, shallowRef, watch } from 'vue'
import type { LayoutProfile } from '../../../../../shared/documents/layout'
import type { DocumentSpec } from '../../../../../shared/documents/types'
import { runTypeset, typesetKey, type TypesetResult } from './typesetJob'

/** A job running longer than this is abandoned (its worker ended, a new one started) when a newer change comes. */
const ABANDON_AFTER_MS = 250
/** Results kept by key: undoing a change shows the earlier pages at once. */
const CACHE_SIZE = 4

/**
 * Typesets the composer's document ONCE per change, for the preview and the editor's page-fit notes alike,
 * off the page's main thread, in a worker (typeset.worker.ts) started with the composer (it loads while the
 * document is fetched), only the latest change queued; a job that takes
 * long (a 500-character title) is abandoned when a newer change arrives, so typing never waits for it. Where
 * no worker can start (tests, a page that refuses workers) every typesetting runs on the page.
 *
 * Returns `result` (pages, fit, error; the last finished typesetting), `pending` (a newer one is under way)
 * and `settled()` (resolves when the latest change has been typeset).
 */
export function useTypeset(spec: () => DocumentSpec | null, layout: () => LayoutProfile) {
  const result = shallowRef<TypesetResult>({ pages: [], fit: null, error: '' })
  const pending = ref(false)
  const cache = new Map<string, TypesetResult>()
  let worker: Worker | null = null
  let workerFailed = typeof Worker === 'undefined'
  let seq = 0
  let running: { seq: number; key: string; since: number } | null = null
  let queued: string | null = null
  let latest = ''
  let waiters: (() => void)[] = []

  function remember(key: string, value: TypesetResult): void {
    cache.delete(key)
    cache.set(key, value)
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
  }
  function show(key: string, value: TypesetResult): void {
    remember(key, value)
    if (key !== latest) return
    result.value = value
    pending.value = false
    const done = waiters
    waiters = []
    done.forEach((w) => w())
  }
  function startWorker(): Worker | null {
    if (workerFailed) return null
    try {
      const w = new Worker(new URL('./typeset.worker.ts', import.meta.url), { type: 'module' })
      w.onmessage = (e: MessageEvent<{ seq: number; result: TypesetResult }>) => {
        if (w !== worker || !running || e.data.seq !== running.seq) return
        const key = running.key
        running = null
        show(key, e.data.result)
        next()
      }
      w.onerror = (e) => {
        e.preventDefault()
        // The worker cannot run here: typeset on the page from now on.
        workerFailed = true
        w.terminate()
        if (w === worker) worker = null
        const key = running?.key ?? queued
        running = null
        queued = null
        if (key) show(key, runTypeset(key))
      }
      return w
    } catch {
      workerFailed = true
      return null
    }
  }
  function post(key: string): void {
    worker ??= startWorker()
    if (!worker) {
      show(key, runTypeset(key))
      return
    }
    running = { seq: ++seq, key, since: performance.now() }
    worker.postMessage({ seq: running.seq, key })
  }
  function next(): void {
    if (queued === null) return
    const key = queued
    queued = null
    if (key === latest) post(key)
  }

  function request(key: string): void {
    latest = key
    const hit = cache.get(key)
    if (hit) {
      queued = null
      show(key, hit)
      return
    }
    pending.value = true
    // Where no worker can run: every typesetting on the page.
    if (workerFailed) return show(key, runTypeset(key))
    if (!running) return post(key)
    if (performance.now() - running.since > ABANDON_AFTER_MS) {
      worker?.terminate()
      worker = null
      running = null
      return post(key)
    }
    queued = key
  }

  // Started at once: it loads while the document itself is fetched, and typesets it off the main thread.
  worker = startWorker()
  watch(
    () => {
      const s = spec()
      return s ? typesetKey(s, layout()) : ''
    },
    (key) => key && request(key),
    { immediate: true },
  )
  onBeforeUnmount(() => {
    worker?.terminate()
    worker = null
  })

  const settled = () => (pending.value ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve())
  return { result, pending, settled }
}
