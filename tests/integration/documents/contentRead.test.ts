import { describe, expect, it } from 'vitest'
import { useOfficeFixture } from '../../helpers/officeFixture'

const setup = useOfficeFixture()

describe('stored content is read through upgradeContent', () => {
  it('a version-1 body (no version, paragraphs without kind) reads as the current version', async () => {
    const { env, call } = await setup()
    const doc = await call('documents.create', { templateKey: 'letter' })
    const old = { ...doc.content, body: [{ level: 0, text: '旧版正文。' }] }
    delete (old as Record<string, unknown>).version
    env.ws.db().prepare('UPDATE documents SET content = ? WHERE id = ?').run(JSON.stringify(old), doc.id)
    const read = await call('documents.get', { id: doc.id })
    expect(read.content.version).toBe(2)
    expect(read.content.body[0]).toMatchObject({ level: 0, text: '旧版正文。' })
  })

  it('content saved by a newer program is refused in Chinese', async () => {
    const { env, call, fail } = await setup()
    const doc = await call('documents.create', { templateKey: 'letter' })
    env.ws
      .db()
      .prepare('UPDATE documents SET content = ? WHERE id = ?')
      .run(JSON.stringify({ ...doc.content, version: 99 }), doc.id)
    expect(await fail('documents.get', { id: doc.id })).toContain('更新版本的程序')
  })
})
