import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fileStore } from '../../../electron/core/files/fileStore'
import { exportedFile } from '../../helpers/exported'
import { doorCalls } from '../../helpers/officeFixture'
import { tempWorkspace } from '../../helpers/tempWorkspace'

const envs: ReturnType<typeof tempWorkspace>[] = []
afterEach(() => envs.splice(0).forEach((e) => e.dispose()))

/** A demo workspace with `call` / `fail` through the dispatcher every door uses. */
async function setup() {
  const env = tempWorkspace()
  envs.push(env)
  return { env, ...doorCalls(env) }
}

describe('evidence.download: a judged item’s stored 佐证材料 comes back as uploaded', () => {
  it('学前教育 and 优质均衡: the bytes equal the upload, the name and type are the item’s', async () => {
    const { env, call, fail } = await setup()
    await call('system.loadDemo', {})
    const upload = (name: string, data: Buffer) => {
      const path = join(env.dir, `in-${name}`)
      writeFileSync(path, data)
      return { fileId: fileStore(env.ws).registerInput(path, { name }).fileId }
    }
    const minutes = Buffer.concat([Buffer.from('%PDF-1.4 县委常委会纪要 '), randomBytes(4096)])
    const photo = randomBytes(2048)
    await call('preschool.judge', {
      year: 2024,
      itemKey: 'leadership',
      status: 'met',
      evidence: [],
      addFiles: [upload('县委常委会会议纪要.pdf', minutes), upload('现场照片.jpg', photo)],
    })
    await call('balance.judge', { year: 2024, itemKey: 'layout', status: 'met', evidence: [], addFiles: [upload('布局规划.pdf', minutes)] })

    const got = async (input: Record<string, unknown>) => exportedFile(env.ws, await call('evidence.download', input))
    const pdf = await got({ module: 'preschool', statYear: 2024, itemKey: 'leadership', name: '县委常委会会议纪要.pdf' })
    expect(pdf.fileName).toBe('县委常委会会议纪要.pdf')
    expect(pdf.mimeType).toBe('application/pdf')
    expect(pdf.data.equals(minutes)).toBe(true)
    const jpg = await got({ module: 'preschool', statYear: 2024, itemKey: 'leadership', name: '现场照片.jpg' })
    expect(jpg.mimeType).toBe('image/jpeg')
    expect(jpg.data.equals(photo)).toBe(true)
    expect((await got({ module: 'balance', statYear: 2024, itemKey: 'layout', name: '布局规划.pdf' })).data.equals(minutes)).toBe(true)

    // another year, another module, another item, a removed file: refused in Chinese
    const missing = '没有找到佐证材料「县委常委会会议纪要.pdf」，可能已被删除'
    expect(
      await fail('evidence.download', { module: 'preschool', statYear: 2023, itemKey: 'leadership', name: '县委常委会会议纪要.pdf' }),
    ).toBe(missing)
    expect(
      await fail('evidence.download', { module: 'balance', statYear: 2024, itemKey: 'leadership', name: '县委常委会会议纪要.pdf' }),
    ).toBe(missing)
    await call('preschool.judge', { year: 2024, itemKey: 'leadership', status: 'met', evidence: ['现场照片.jpg'], addFiles: [] })
    expect(
      await fail('evidence.download', { module: 'preschool', statYear: 2024, itemKey: 'leadership', name: '县委常委会会议纪要.pdf' }),
    ).toBe(missing)
    // supervision files have their own channel (supervision.attachment)
    expect(await fail('evidence.download', { module: 'supervision', statYear: 0, itemKey: 'visit:1', name: 'a.jpg' })).toContain('模块')
  })
})
