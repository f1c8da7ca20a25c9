import { describe, expect, it } from 'vitest'
import { defaultDataDir } from '../../electron/core/dataDir'

describe('default data folder (same as Electron userData)', () => {
  it('uses %APPDATA% on Windows', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32')).toMatch(
      /^C:\\Users\\li\\AppData\\Roaming.dudao-workbench$/,
    )
  })
  it('uses XDG_CONFIG_HOME or ~/.config on Linux (统信UOS / 麒麟)', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/li/.cfg' }, 'linux')).toBe('/home/li/.cfg/dudao-workbench')
    expect(defaultDataDir({}, 'linux')).toMatch(/\.config\/dudao-workbench$/)
  })
})
