import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import { join } from 'node:path'

/** The renderer's web preferences: isolated, sandboxed, no Node, no remote content. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  }
}

export function mainWindowOptions(mainDir: string): BrowserWindowConstructorOptions {
  return {
    title: '教育督导工作台',
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#f5f7fa',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(join(mainDir, '../preload/index.js')),
  }
}
