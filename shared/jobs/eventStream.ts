import type { JobEvent } from './types'

/**
 * The server-sent-events framing of job events on the browser door (`GET /api/events`): written by
 * electron/doors/httpFiles.ts, read by renderer/src/api/jobEvents.ts.
 */

/** One job event as an SSE block: `event: job` + `data: <json>` + a blank line. */
export function formatJobEvent(e: JobEvent): string {
  return `event: job\ndata: ${JSON.stringify(e)}\n\n`
}

/**
 * Takes the complete `job` blocks out of a growing text buffer, in order, handing each one's data to
 * `onData`; comments (`: ping`), `retry:` lines and other events are skipped.
 * @returns the unfinished rest of the buffer (prepend it to the next chunk)
 */
export function parseEventStream(buffer: string, onData: (data: string) => void): string {
  let at: number
  while ((at = buffer.indexOf('\n\n')) >= 0) {
    const block = buffer.slice(0, at)
    buffer = buffer.slice(at + 2)
    let kind = 'message'
    const data: string[] = []
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) kind = line.slice(6).trim()
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart())
    }
    if (kind === 'job' && data.length) onData(data.join('\n'))
  }
  return buffer
}
