import { parseEventStream } from '../../../shared/jobs/eventStream'
import type { JobEvent } from '../../../shared/jobs/types'
import { authHeaders } from './client'

type Listener = (event: JobEvent) => void

const listeners = new Set<Listener>()
let connected: Promise<void> | null = null

const emit = (e: JobEvent) => listeners.forEach((l) => l(e))

/**
 * Browser mode: reads `GET ./api/events` as a stream (fetch, so the request carries the same credential
 * as API calls) and reconnects after a drop; the door replays the known jobs on each connect.
 * Resolves once the stream is open.
 */
function connectHttp(): Promise<void> {
  return new Promise<void>((opened) => {
    const run = async () => {
      try {
        const response = await fetch('./api/events', { headers: { Accept: 'text/event-stream', ...authHeaders() } })
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`)
        opened()
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
        let buffer = ''
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          buffer = parseEventStream(buffer + value, (data) => emit(JSON.parse(data) as JobEvent))
        }
      } catch {
        // The service went away or restarted: try again shortly.
      }
      opened()
      setTimeout(() => void run(), 2000)
    }
    void run()
  })
}

/**
 * Subscribes to every job event of the core: IPC in Electron, server-sent events in browser mode.
 * The connection opens on the first subscription; `ready()` resolves once it is open.
 * @returns the unsubscribe function
 */
export function onJobEvent(listener: Listener): () => void {
  listeners.add(listener)
  ready()
  return () => listeners.delete(listener)
}

/** Resolves when job events are flowing (so a job started now cannot be missed). */
export function ready(): Promise<void> {
  if (!connected) {
    if (window.api) {
      window.api.onJobEvent(emit)
      connected = Promise.resolve()
    } else connected = connectHttp()
  }
  return connected
}
