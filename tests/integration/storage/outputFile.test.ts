import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

// Disk-full injection: when `failAfter` is set, a file handle's writeFile writes that many bytes and then
// fails with ENOSPC, as a full disk does.
const fault = vi.hoisted(() => ({ failAfter: null as number | null }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  const open: typeof real.open = async (...args: Parameters<typeof real.open>) => {
    const handle = await real.open(...args)
    if (fault.failAfter === null) return handle
    const n = fault.failAfter
    return Object.assign(Object.create(Object.getPrototypeOf(handle)), handle, {
      writeFile: async (data: Uint8Array) => {
        await handle.write(data.subarray(0, n))
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    })
  }
  return { ...real, open, default: { ...real, open } }
})

import { writeOutputFile, OutputFileError } from '../../../electron/core/files/outputFile'
import { isSameOrInside } from '../../../electron/core/system/fileOps'

let dirs: string[] = []
afterEach(() => {
  fault.failAfter = null
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }))
  dirs = []
})
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'dudao-out-'))
  dirs.push(d)
  return d
}

describe('writeOutputFile', () => {
  it('refuses the database, its -wal/-shm and anything in the data folder, also through a symlink', async () => {
    const root = temp()
    const dataDir = join(root, 'data')
    mkdirSync(join(dataDir, 'backups'), { recursive: true })
    writeFileSync(join(dataDir, 'dudao.sqlite'), 'live')
    symlinkSync(dataDir, join(root, 'link'))
    for (const p of ['dudao.sqlite', 'dudao.sqlite-wal', 'dudao.sqlite-shm', 'backups/x.docx', 'new.docx']) {
      await expect(writeOutputFile(join(dataDir, p), new Uint8Array([1]), { overwrite: true, dataDir })).rejects.toMatchObject({
        problem: 'inside-data-dir',
        message: expect.stringContaining('不能把文件保存到数据文件夹'),
      })
    }
    await expect(
      writeOutputFile(join(root, 'link', 'dudao.sqlite'), new Uint8Array([1]), { overwrite: true, dataDir }),
    ).rejects.toBeInstanceOf(OutputFileError)
    expect(readFileSync(join(dataDir, 'dudao.sqlite'), 'utf8')).toBe('live')
    expect(readdirSync(dataDir).sort()).toEqual(['backups', 'dudao.sqlite'])
  })

  it('compares paths without case on Windows', () => {
    expect(
      isSameOrInside(
        'C:\\Users\\A\\AppData\\Roaming\\DUDAO-WORKBENCH\\dudao.sqlite',
        'c:\\users\\a\\appdata\\roaming\\dudao-workbench',
        'win32',
      ),
    ).toBe(true)
    expect(isSameOrInside('/home/a/Dudao/x', '/home/a/dudao', 'linux')).toBe(false)
    expect(isSameOrInside('/home/a/dudao-other/x', '/home/a/dudao', 'linux')).toBe(false)
  })

  it('overwrites an existing file only when asked', async () => {
    const root = temp()
    const out = join(root, '通知.docx')
    writeFileSync(out, 'old')
    await expect(writeOutputFile(out, Buffer.from('new'), { overwrite: false, dataDir: join(root, 'data') })).rejects.toMatchObject({
      problem: 'exists',
    })
    expect(readFileSync(out, 'utf8')).toBe('old')
    await expect(writeOutputFile(out, Buffer.from('new'), { overwrite: true, dataDir: join(root, 'data') })).resolves.toEqual({
      path: out,
      bytes: 3,
    })
    expect(readFileSync(out, 'utf8')).toBe('new')
    expect(readdirSync(root)).toEqual(['通知.docx'])
  })

  it('a full disk leaves the old file (or none), never a half file or a temporary one', async () => {
    const root = temp()
    const dataDir = join(root, 'data')
    const out = join(root, '登记簿.xlsx')
    writeFileSync(out, 'old complete file')
    fault.failAfter = 5
    const error = await writeOutputFile(out, Buffer.alloc(1000, 7), { overwrite: true, dataDir }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OutputFileError)
    expect((error as Error).message).toContain('磁盘空间不足')
    expect(readFileSync(out, 'utf8')).toBe('old complete file')
    const fresh = join(root, '新.docx')
    await expect(writeOutputFile(fresh, Buffer.alloc(1000, 7), { overwrite: false, dataDir })).rejects.toThrow('磁盘空间不足')
    expect(existsSync(fresh)).toBe(false)
    expect(readdirSync(root)).toEqual(['登记簿.xlsx'])
  })

  it('refuses a folder that does not exist instead of creating it', async () => {
    const root = temp()
    await expect(
      writeOutputFile('/proc/nonexistent/备份/x.docx', new Uint8Array([1]), { overwrite: false, dataDir: root }),
    ).rejects.toThrow('文件夹不存在')
    await expect(
      writeOutputFile(join(root, 'a', 'b.docx'), new Uint8Array([1]), { overwrite: false, dataDir: join(root, 'data') }),
    ).rejects.toThrow('文件夹不存在')
  })
})
