import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '../../..')

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    return e.isDirectory() ? files(p, ext) : ext.test(e.name) ? [p] : []
  })
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1])

describe('architecture rules', () => {
  it('nothing under electron/core or electron/doors (except ipc types) imports electron', () => {
    const offenders = [...files(join(root, 'electron/core'), /\.ts$/), ...files(join(root, 'electron/doors'), /\.ts$/)]
      .filter((f) => importsOf(f).some((m) => m === 'electron' && !readFileSync(f, 'utf8').includes("import type { IpcMain")))
      .map((f) => relative(root, f))
    expect(offenders).toEqual([])
  })

  it('shared/ is pure: no Node built-ins, no electron, no database', () => {
    const offenders = files(join(root, 'shared'), /\.ts$/)
      .filter((f) => importsOf(f).some((m) => m.startsWith('node:') || ['fs', 'path', 'electron', 'better-sqlite3'].includes(m)))
      .map((f) => relative(root, f))
    expect(offenders).toEqual([])
  })

  it('the renderer reaches the core only through the typed client', () => {
    const offenders = files(join(root, 'renderer/src'), /\.(ts|vue)$/)
      .filter((f) => importsOf(f).some((m) => m.includes('electron/') || m === 'electron'))
      .map((f) => relative(root, f))
    expect(offenders).toEqual([])
  })
})
