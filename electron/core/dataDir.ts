import { homedir } from 'node:os'
import { join } from 'node:path'

/** Folder name under the platform's application-data folder; Electron's main sets the same. */
export const APP_FOLDER = 'dudao-workbench'

/**
 * The platform's per-user application-data folder, as Electron's `app.getPath('appData')` gives it,
 * so browser mode and the CLI find the same database as the desktop app.
 */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME || join(homedir(), '.config')
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return join(appDataDir(env, platform), APP_FOLDER)
}

export const DB_FILE_NAME = 'dudao.sqlite'

/** The folder inside the data folder that holds automatic backups and the copies kept before a restore. */
export const BACKUP_DIR_NAME = 'backups'
