import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../electron/core/db/migrate'
import type { Migration } from '../../../electron/core/db/migrations'
import { contentVersion, upgradeContent } from '../../../shared/documents/contentVersion'
import { CONTENT_VERSION, type BodyBlock } from '../../../shared/documents/types'
import notice from '../../../seeds/demo/documents/notice-2024-4.json'

const v1 = { ...(notice.content as Record<string, unknown>) }
delete v1.version

describe('stored content versions', () => {
  it('reads content without a version as version 1 and brings it to the current version unchanged otherwise', () => {
    expect(contentVersion(v1)).toBe(1)
    const up = upgradeContent(v1)
    expect(up.version).toBe(CONTENT_VERSION)
    expect(up.body).toEqual(v1.body)
    expect(v1.version).toBeUndefined() // the input is not changed
    expect(upgradeContent(up)).toEqual(up)
  })

  it('refuses content saved by a newer program, in Chinese', () => {
    expect(() => upgradeContent({ ...v1, version: CONTENT_VERSION + 1 })).toThrow('更新版本')
  })
})

describe('migrations that run code', () => {
  const init: Migration = { version: 1, name: '0001_docs', sql: 'CREATE TABLE docs (id INTEGER PRIMARY KEY, content TEXT NOT NULL);' }
  /** Reshapes every stored body in code: each paragraph gets its explicit kind and the content its version. */
  const reshape: Migration = {
    version: 2,
    name: '0002_reshape',
    run: (db) => {
      const rows = db.prepare('SELECT id, content FROM docs').all() as { id: number; content: string }[]
      const update = db.prepare('UPDATE docs SET content = ? WHERE id = ?')
      for (const r of rows) {
        const c = upgradeContent(JSON.parse(r.content))
        update.run(JSON.stringify({ ...c, body: c.body.map((b: BodyBlock) => ({ kind: 'paragraph', ...b })) }), r.id)
      }
    },
  }

  it('runs a code step after the SQL steps, in order, and records it', () => {
    const db = new Database(':memory:')
    migrate(db, [init], () => null)
    db.prepare('INSERT INTO docs (content) VALUES (?)').run(JSON.stringify(v1))
    const report = migrate(db, [init, reshape], () => null)
    expect(report).toMatchObject({ from: 1, to: 2 })
    const stored = JSON.parse((db.prepare('SELECT content FROM docs').get() as { content: string }).content)
    expect(stored.version).toBe(CONTENT_VERSION)
    expect(stored.body.every((b: { kind?: string }) => b.kind === 'paragraph')).toBe(true)
    expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 1, name: '0001_docs' },
      { version: 2, name: '0002_reshape' },
    ])
  })

  it('rolls a failing code step back completely: data and the migration record unchanged', () => {
    const db = new Database(':memory:')
    migrate(db, [init], () => null)
    db.prepare('INSERT INTO docs (content) VALUES (?)').run(JSON.stringify(v1))
    const failing: Migration = {
      version: 2,
      name: '0002_fails',
      sql: 'ALTER TABLE docs ADD COLUMN extra TEXT;',
      run: (d) => {
        d.prepare("UPDATE docs SET content = '{}'").run()
        throw new Error('boom')
      },
    }
    expect(() => migrate(db, [init, failing], () => null)).toThrow('boom')
    expect(JSON.parse((db.prepare('SELECT content FROM docs').get() as { content: string }).content)).toEqual(v1)
    expect(db.prepare("SELECT name FROM pragma_table_info('docs') WHERE name = 'extra'").get()).toBeUndefined()
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 1 })
  })
})
