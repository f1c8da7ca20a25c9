/** The composer's typesetting worker: answers { seq, key } with { seq, result } (typesetJob.ts). */
import { runTypeset } from './typesetJob'

self.onmessage = (e: MessageEvent<{ seq: number; key: string }>) => {
  const { seq, key } = e.data
  self.postMessage({ seq, result: runTypeset(key) })
}
