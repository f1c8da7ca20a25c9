import type { FileFilter, FileInfo } from '../files/types'
import type { JobEvent } from '../jobs/types'
import type { ChannelName } from './index'
import type { Result } from './define'

/** What the preload exposes as `window.api`: the contract's channels over IPC. */
export interface DudaoApi {
  invoke(channel: ChannelName, payload: unknown): Promise<Result<unknown>>
  /** Receives every job event the core sends (JOB_EVENT_CHANNEL); returns the unsubscribe function. */
  onJobEvent(listener: (event: JobEvent) => void): () => void
}

/** The IPC channel on which the main process sends JobEvents to the window (main → renderer only). */
export const JOB_EVENT_CHANNEL = 'jobs.event'

/** What `desktop.pickFile` takes. */
export interface PickFileOptions {
  title: string
  filters: FileFilter[]
}

/** Desktop-only abilities the preload exposes as `window.desktop` (absent in browser mode). */
export interface DesktopApi {
  /** Native folder picker; null when cancelled. */
  pickDirectory(title: string): Promise<string | null>
  /** Prints the current page to PDF (A4, no margins: the page's own CSS lays out the sheets) and asks where to save it. */
  printToPdf(suggestedName: string): Promise<string | null>
  /**
   * Native open dialog; the main process registers the chosen file with the core and returns its id
   * (the renderer never sees or sends a path to read). Null when cancelled.
   */
  pickFile(options: PickFileOptions): Promise<FileInfo | null>
  /**
   * Native save dialog for a file the core produced (`OutputFile.downloadId`); the main process writes it
   * (no bytes through IPC). Returns the path written, or null when cancelled.
   */
  saveDownload(downloadId: string): Promise<string | null>
}

/** IPC channels of the desktop shell itself (not part of the core contract). */
export const DESKTOP_CHANNELS = {
  pickDirectory: 'desktop.pickDirectory',
  printToPdf: 'desktop.printToPdf',
  pickFile: 'desktop.pickFile',
  saveDownload: 'desktop.saveDownload',
} as const
