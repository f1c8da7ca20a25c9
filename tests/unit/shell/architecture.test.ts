import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TABLE_OWNERS } from '../../../electron/core/db/tableOwners'

const root = join(__dirname, '../../..')

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    return e.isDirectory() ? files(p, ext) : ext.test(e.name) ? [p] : []
  })
}

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1])

describe('architecture rules', () => {
  it('nothing under electron/core or electron/doors (except ipc types) imports electron', () => {
    const offenders = [...files(join(root, 'electron/core'), /\.ts$/), ...files(join(root, 'electron/doors'), /\.ts$/)]
      .filter((f) => importsOf(f).some((m) => m === 'electron' && !readFileSync(f, 'utf8').includes('import type { IpcMain')))
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

  it('a domain writes only the tables it owns (electron/core/db/tableOwners.ts)', () => {
    const core = join(root, 'electron/core')
    const offenders: string[] = []
    for (const file of files(core, /\.ts$/)) {
      const rel = relative(core, file)
      if (rel.startsWith('db/migrations')) continue
      const domain = rel.includes('/') ? rel.split('/')[0] : ''
      for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+["'`]?(\w+)/gi)) {
        const table = m[1]
        if (/^(SET|OR)$/i.test(table)) continue
        const owner = TABLE_OWNERS[table]
        if (owner !== domain) offenders.push(`${rel} writes ${table} (owner: ${owner ?? 'none'})`)
      }
    }
    expect(offenders).toEqual([])
  })

  it('every table of the schema snapshot has an owner', () => {
    const schema = readFileSync(join(root, 'tests/integration/schema/schema.sql'), 'utf8')
    const tables = [...schema.matchAll(/CREATE (?:VIRTUAL )?TABLE ['"]?(\w+)/g)]
      .map((m) => m[1])
      .filter((t) => !/^documents_(fts|grams|heads)_/.test(t))
    expect(tables.filter((t) => !TABLE_OWNERS[t])).toEqual([])
  })
})
