import type { ChannelName, Handlers } from '@shared/contract'
import type { CliCommand } from './cli/command'
import type { Workspace } from './workspace'

/**
 * One domain of the core, as it plugs in: its channel handlers and its command-line commands.
 * Each domain folder exports one of these (`electron/core/<domain>/module.ts`); `modules.ts` lists them
 * and every door is built from that list. The contract part lives in `shared/contract/<domain>.ts`, the
 * screens in `renderer/src/views/<domain>/routes.ts`.
 */
export interface CoreModule<K extends ChannelName = ChannelName> {
  /** The domain's folder name. */
  name: string
  /** The handlers of the domain's channels, bound to the workspace. */
  handlers(ws: Workspace): Pick<Handlers, K>
  /** Command-line commands by name (`'numbers allocate'`). */
  commands?: Record<string, CliCommand>
}

/** Declares a module with its channel keys checked against the contract. */
export function defineModule<K extends ChannelName>(module: CoreModule<K>): CoreModule<K> {
  return module
}
