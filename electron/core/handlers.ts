import type { Handlers } from '../../shared/contract'
import { attachErrorLog } from './errors'
import { CORE_MODULES } from './modules'
import type { Workspace } from './workspace'

/** The handler table every door serves: the modules' handlers merged, one function per contract channel. */
export function createHandlers(ws: Workspace): Handlers {
  return attachErrorLog(Object.assign({}, ...CORE_MODULES.map((m) => m.handlers(ws))) as Handlers, ws.dataDir)
}

// Compile-time check: the modules together handle exactly the contract's channels.
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never
type Merged = UnionToIntersection<ReturnType<(typeof CORE_MODULES)[number]['handlers']>>
const everyChannelHandled: [keyof Handlers] extends [keyof Merged] ? true : false = true
void everyChannelHandled
