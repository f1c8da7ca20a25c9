import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const BUILD = join(ROOT, 'build')
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Width, height, bit depth and colour type from a PNG's IHDR chunk. */
function pngHeader(bytes: Buffer) {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes[24], colourType: bytes[25] }
}

interface IcoEntry {
  size: number
  bitCount: number
  format: 'png' | 'dib'
  data: Buffer
}

/** The directory of an .ico file, each entry checked to lie inside the file. */
function icoEntries(bytes: Buffer): IcoEntry[] {
  expect(bytes.readUInt16LE(0)).toBe(0)
  expect(bytes.readUInt16LE(2)).toBe(1) // icon, not cursor
  const count = bytes.readUInt16LE(4)
  return Array.from({ length: count }, (_, i) => {
    const e = 6 + 16 * i
    const size = bytes[e] === 0 ? 256 : bytes[e]
    expect(bytes[e + 1] === 0 ? 256 : bytes[e + 1]).toBe(size)
    const length = bytes.readUInt32LE(e + 8)
    const offset = bytes.readUInt32LE(e + 12)
    expect(offset + length).toBeLessThanOrEqual(bytes.length)
    const data = bytes.subarray(offset, offset + length)
    return { size, bitCount: bytes.readUInt16LE(e + 6), format: data.subarray(0, 8).equals(PNG_SIGNATURE) ? 'png' : 'dib', data }
  })
}

describe('installer resources in build/', () => {
  it('icon.png is a 512×512 RGBA PNG, and the Linux icon set has 256 and 512', () => {
    expect(pngHeader(readFileSync(join(BUILD, 'icon.png')))).toEqual({ width: 512, height: 512, bitDepth: 8, colourType: 6 })
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const h = pngHeader(readFileSync(join(BUILD, 'icons', `${size}x${size}.png`)))
      expect([h.width, h.height], `${size}x${size}.png`).toEqual([size, size])
    }
  })

  it('icon.ico holds 16 to 256 px images whose own headers agree with the directory', () => {
    const entries = icoEntries(readFileSync(join(BUILD, 'icon.ico')))
    expect(entries.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 128, 256])
    for (const e of entries) {
      expect(e.bitCount, `${e.size}`).toBe(32)
      if (e.format === 'png') {
        const h = pngHeader(e.data)
        expect([h.width, h.height]).toEqual([e.size, e.size])
      } else {
        // BITMAPINFOHEADER: 40 bytes, height doubled (colour + AND mask), 32 bpp, uncompressed.
        expect(e.data.readUInt32LE(0)).toBe(40)
        expect(e.data.readInt32LE(4)).toBe(e.size)
        expect(e.data.readInt32LE(8)).toBe(e.size * 2)
        expect(e.data.readUInt16LE(14)).toBe(32)
        expect(e.data.readUInt32LE(16)).toBe(0)
        const maskStride = Math.ceil(e.size / 32) * 4
        expect(e.data.length).toBe(40 + e.size * e.size * 4 + maskStride * e.size)
        // The rounded corner is transparent, the centre is opaque.
        const alphaAt = (x: number, y: number) => e.data[40 + ((e.size - 1 - y) * e.size + x) * 4 + 3]
        expect(alphaAt(0, 0)).toBeLessThan(128)
        expect(alphaAt(e.size >> 1, e.size >> 1)).toBe(255)
      }
    }
    expect(entries.find((e) => e.size === 256)?.format).toBe('png')
  })

  it('the SVG sources are kept beside the renders', () => {
    for (const f of ['icon.svg', 'icon-small.svg']) expect(readFileSync(join(BUILD, f), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/)
  })

  it('electron-builder.yml is valid for the installed electron-builder, and every file it names exists', async () => {
    const text = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')
    const named = [
      ...text.matchAll(
        /^\s*(icon|installerIcon|uninstallerIcon|installerHeader|installerHeaderIcon|installerSidebar|uninstallerSidebar|license):\s*(\S+)\s*$/gm,
      ),
    ].map((m) => m[2])
    expect(named.length).toBeGreaterThanOrEqual(4)
    for (const file of named) expect(existsSync(join(ROOT, file)), file).toBe(true)

    // electron-builder's own schema check (internal module of app-builder-lib, pulled in by electron-builder).
    const require = createRequire(join(ROOT, 'package.json'))
    const yaml = require('js-yaml') as { load(s: string): unknown }
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>
    }
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
    await expect(validateConfiguration(yaml.load(text), new DebugLogger(false))).resolves.toBeUndefined()
  })
})
