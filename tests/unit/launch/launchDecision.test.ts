import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  betterSqliteAddon,
  decideLaunch,
  electronAbi,
  electronBinary,
  gatherLaunchFacts,
  moduleAbiOf,
  type LaunchFacts,
} from '../../../electron/launchDecision'

const NODE = 115
const ELECTRON = 150
const BIN = '/opt/app/node_modules/electron/dist/electron'
const facts = (f: Partial<LaunchFacts>): LaunchFacts => ({
  webRequested: false,
  electronBinary: BIN,
  electronAbi: ELECTRON,
  nodeAbi: NODE,
  moduleAbi: NODE,
  ...f,
})

describe('npm start: Electron window or browser mode', () => {
  it('no Electron binary (cannot be downloaded) → browser mode, saying so in one Chinese line', () => {
    const d = decideLaunch(facts({ electronBinary: null }))
    expect(d.mode).toBe('web')
    expect(d.mode === 'web' && d.notice).toBe('未找到 Electron 可执行文件（本机无法下载），改为以浏览器模式启动。')
  })

  it('Electron binary + a module compiled for Electron → the window', () => {
    expect(decideLaunch(facts({ moduleAbi: ELECTRON }))).toEqual({ mode: 'electron', binary: BIN, notice: null })
  })

  it('Electron binary + a module compiled for Node (what npm install gives) → browser mode with a one-line reason', () => {
    const d = decideLaunch(facts({ moduleAbi: NODE }))
    expect(d.mode).toBe('web')
    const notice = d.mode === 'web' ? d.notice! : ''
    expect(notice).not.toContain('\n')
    expect(notice).toContain('ABI 115')
    expect(notice).toContain('ABI 150')
    expect(notice).toMatch(/改为以浏览器模式启动/)
    expect(notice).toMatch(/README/)
  })

  it('npm run web → browser mode without a notice, whatever Electron there is', () => {
    expect(decideLaunch(facts({ webRequested: true }))).toEqual({ mode: 'web', notice: null })
    expect(decideLaunch(facts({ webRequested: true, electronBinary: null }))).toEqual({ mode: 'web', notice: null })
  })

  it('a module rebuilt for Electron cannot serve browser mode: refused with what to run', () => {
    for (const f of [facts({ webRequested: true, moduleAbi: ELECTRON }), facts({ electronBinary: null, moduleAbi: ELECTRON })]) {
      const d = decideLaunch(f)
      expect(d.mode).toBe('refuse')
      expect(d.mode === 'refuse' && d.message).toMatch(/为 Electron 编译.*npm rebuild better-sqlite3/)
    }
  })

  it('a module for neither Node nor Electron is refused in every mode', () => {
    for (const f of [
      facts({ moduleAbi: 127 }),
      facts({ moduleAbi: 127, webRequested: true }),
      facts({ moduleAbi: 127, electronBinary: null }),
    ]) {
      const d = decideLaunch(f)
      expect(d.mode).toBe('refuse')
      expect(d.mode === 'refuse' && d.message).toMatch(/ABI 127.*npm rebuild better-sqlite3/)
    }
  })

  it('nothing proves a mismatch (module or Electron ABI unreadable) → the window is tried', () => {
    expect(decideLaunch(facts({ moduleAbi: null })).mode).toBe('electron')
    expect(decideLaunch(facts({ electronAbi: null })).mode).toBe('electron')
    expect(decideLaunch(facts({ moduleAbi: null, electronBinary: null })).mode).toBe('web')
  })
})

describe('reading the ABIs', () => {
  it('reads the ABI from the exported registration symbol (ELF, PE and Mach-O spell it alike)', () => {
    expect(
      moduleAbiOf(Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]), Buffer.from('\0node_register_module_v150\0napi')])),
    ).toBe(150)
    expect(moduleAbiOf(Buffer.from('MZ\0\0...\0_node_register_module_v115\0'))).toBe(115)
    expect(moduleAbiOf(Buffer.from('napi_register_module_v1'))).toBeNull()
  })

  it('the installed better-sqlite3 is the one this Node loads (tests and CLI use it)', () => {
    const root = resolve(__dirname, '../../..')
    const addon = betterSqliteAddon(root)
    expect(addon).toMatch(/better_sqlite3\.node$/)
    const f = gatherLaunchFacts(root, [])
    expect(f.moduleAbi).toBe(Number(process.versions.modules))
    expect(f.nodeAbi).toBe(Number(process.versions.modules))
    expect(f.electronAbi).toBeGreaterThan(f.nodeAbi)
  })

  describe('Electron package facts', () => {
    const root = mkdtempSync(join(tmpdir(), 'dudao-launch-'))
    const pkg = join(root, 'node_modules', 'electron')
    afterAll(() => rmSync(root, { recursive: true, force: true }))

    it('no binary until path.txt names an existing file; ABI from abi_version', () => {
      mkdirSync(join(pkg, 'dist'), { recursive: true })
      writeFileSync(join(pkg, 'package.json'), JSON.stringify({ version: '45.4.1' }))
      expect(electronBinary(root)).toBeNull()
      writeFileSync(join(pkg, 'path.txt'), 'electron')
      expect(electronBinary(root)).toBeNull()
      writeFileSync(join(pkg, 'dist', 'electron'), '')
      expect(electronBinary(root)).toBe(join(pkg, 'dist', 'electron'))
      writeFileSync(join(pkg, 'abi_version'), '150\n')
      expect(electronAbi(root)).toBe(150)
    })
  })
})
