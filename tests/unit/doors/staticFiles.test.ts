import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { acceptedEncodings, isHashedAsset, pickEncoding, readStaticFile } from '../../../electron/doors/staticFiles'

let dir: string
const script = Buffer.from('export const x = "督导";\n'.repeat(200))

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dudao-static-'))
  mkdirSync(join(dir, 'assets'))
  // As the build writes them: the file, .br and .gz beside it.
  writeFileSync(join(dir, 'assets', 'index-D7q2C27Y.js'), script)
  writeFileSync(join(dir, 'assets', 'index-D7q2C27Y.js.br'), brotliCompressSync(script))
  writeFileSync(join(dir, 'assets', 'index-D7q2C27Y.js.gz'), gzipSync(script))
  // Only gzip written.
  writeFileSync(join(dir, 'assets', 'list-J3xqwdTd.css'), script)
  writeFileSync(join(dir, 'assets', 'list-J3xqwdTd.css.gz'), gzipSync(script))
  // Too small to be worth compressing (the build skips files under 1 KB).
  writeFileSync(join(dir, 'assets', 'types-CPRS0kWt.js'), 'export {}')
  writeFileSync(join(dir, 'favicon.svg'), script)
})

describe('Accept-Encoding', () => {
  it('reads coding names and quality values', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')]).toEqual([
      ['gzip', 1],
      ['deflate', 1],
      ['br', 1],
      ['zstd', 1],
    ])
    expect(acceptedEncodings('br;q=0, GZIP;q=0.5').get('gzip')).toBe(0.5)
    expect(acceptedEncodings('br;q=0').get('br')).toBe(0)
    expect(acceptedEncodings(undefined).size).toBe(0)
    expect(acceptedEncodings(['gzip', 'br']).get('br')).toBe(1)
  })

  it('prefers br, falls back to gzip, honours q=0 and *, and never sends a variant that was not written', () => {
    const file = join(dir, 'assets', 'index-D7q2C27Y.js')
    expect(pickEncoding(file, 'gzip, deflate, br')?.encoding).toBe('br')
    expect(pickEncoding(file, 'gzip')?.encoding).toBe('gzip')
    expect(pickEncoding(file, 'br;q=0, gzip')?.encoding).toBe('gzip')
    expect(pickEncoding(file, '*')?.encoding).toBe('br')
    expect(pickEncoding(file, '*, br;q=0')?.encoding).toBe('gzip')
    expect(pickEncoding(file, 'identity')).toBeUndefined()
    expect(pickEncoding(file, undefined)).toBeUndefined()
    expect(pickEncoding(join(dir, 'assets', 'list-J3xqwdTd.css'), 'br, gzip')?.encoding).toBe('gzip')
    expect(pickEncoding(join(dir, 'favicon.svg'), 'br, gzip')).toBeUndefined()
  })
})

describe('readStaticFile', () => {
  it('sends the precompressed body the browser accepts, whose content is the file', () => {
    const file = join(dir, 'assets', 'index-D7q2C27Y.js')
    const br = readStaticFile(file, 'gzip, deflate, br')
    expect(br.headers['Content-Encoding']).toBe('br')
    expect(br.headers.Vary).toBe('Accept-Encoding')
    expect(brotliDecompressSync(br.body).equals(script)).toBe(true)
    const gz = readStaticFile(file, 'gzip')
    expect(gz.headers['Content-Encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).equals(script)).toBe(true)
    const plain = readStaticFile(file, undefined)
    expect(plain.headers['Content-Encoding']).toBeUndefined()
    expect(plain.headers.Vary).toBe('Accept-Encoding')
    expect(plain.body.equals(script)).toBe(true)
  })

  it('sends small files as they are', () => {
    const small = readStaticFile(join(dir, 'assets', 'types-CPRS0kWt.js'), 'br, gzip')
    expect(small.headers['Content-Encoding']).toBeUndefined()
    expect(small.body.toString()).toBe('export {}')
  })

  it('lets the browser keep hashed assets and revalidate everything else', () => {
    expect(readStaticFile(join(dir, 'assets', 'index-D7q2C27Y.js'), 'br').headers['Cache-Control']).toBe(
      'public, max-age=31536000, immutable',
    )
    expect(readStaticFile(join(dir, 'favicon.svg'), 'br').headers['Cache-Control']).toBe('no-cache')
    expect(isHashedAsset(join(dir, 'assets', 'element-plus-BeOrkK5y.js'))).toBe(true)
    expect(isHashedAsset(join(dir, 'index.html'))).toBe(false)
    expect(isHashedAsset(join(dir, 'assets', 'logo.svg'))).toBe(false)
  })
})
