import type { ChannelName } from './channels'
import type { Result } from './define'

/** What the preload exposes as `window.api`: the contract's channels over IPC. */
export interface DudaoApi {
  invoke(channel: ChannelName, payload: unknown): Promise<Result<unknown>>
}

/** Desktop-only abilities the preload exposes as `window.desktop` (absent in browser mode). */
export interface DesktopApi {
  /** Native folder picker; null when cancelled. */
  pickDirectory(title: string): Promise<string | null>
  /** Prints the current page to PDF (A4, no margins: the page's own CSS lays out the sheets) and asks where to save it. */
  printToPdf(suggestedName: string): Promise<string | null>
}

/** IPC channels of the desktop shell itself (not part of the core contract). */
export const DESKTOP_CHANNELS = {
  pickDirectory: 'desktop.pickDirectory',
  printToPdf: 'desktop.printToPdf',
} as const
