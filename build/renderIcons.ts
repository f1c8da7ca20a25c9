/**
 * Renders the product icon from its SVG sources into the files electron-builder uses:
 * build/icon.png (512×512), build/icons/<N>x<N>.png (Linux), build/icon.ico (16–256, Windows).
 *
 *   npx tsx build/renderIcons.ts
 *
 * The outputs are committed, so packaging and CI need no drawing tool. Rendering uses the system
 * Chromium through playwright-core (as the E2E tests do; CHROME_PATH overrides), so the SVG is
 * rasterised at each size from the vector, not scaled down from a bitmap. Sizes up to 32 px use
 * icon-small.svg (no frame, larger glyph), which stays legible in a taskbar or a file list.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const BUILD = __dirname
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]

interface Raster {
  size: number
  png: Buffer
  /** Straight (not premultiplied) RGBA, top row first. */
  rgba: Buffer
}

function browserPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[]
  const found = candidates.find((p) => existsSync(p))
  if (!found) throw new Error('未找到 Chromium：请安装 chromium 或设置 CHROME_PATH')
  return found
}

/** One ICO image entry in the classic DIB form (32-bit BGRA, bottom-up, with an AND mask). */
function dibEntry(r: Raster): Buffer {
  const { size } = r
  const maskStride = Math.ceil(size / 32) * 4
  const header = Buffer.alloc(40)
  header.writeUInt32LE(40, 0)
  header.writeInt32LE(size, 4)
  header.writeInt32LE(size * 2, 8) // colour rows + mask rows
  header.writeUInt16LE(1, 12)
  header.writeUInt16LE(32, 14)
  header.writeUInt32LE(0, 16)
  header.writeUInt32LE(size * size * 4 + maskStride * size, 20)
  const pixels = Buffer.alloc(size * size * 4)
  const mask = Buffer.alloc(maskStride * size)
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y // bottom-up
    for (let x = 0; x < size; x++) {
      const src = (y * size + x) * 4
      const dst = (row * size + x) * 4
      pixels[dst] = r.rgba[src + 2]
      pixels[dst + 1] = r.rgba[src + 1]
      pixels[dst + 2] = r.rgba[src]
      pixels[dst + 3] = r.rgba[src + 3]
      if (r.rgba[src + 3] === 0) mask[row * maskStride + (x >> 3)] |= 0x80 >> (x & 7)
    }
  }
  return Buffer.concat([header, pixels, mask])
}

/** A multi-size .ico: DIB entries below 256 px (read by every Windows tool), PNG at 256 px. */
export function writeIco(rasters: Raster[]): Buffer {
  const images = rasters.map((r) => (r.size >= 256 ? r.png : dibEntry(r)))
  const dir = Buffer.alloc(6 + 16 * rasters.length)
  dir.writeUInt16LE(0, 0)
  dir.writeUInt16LE(1, 2) // type: icon
  dir.writeUInt16LE(rasters.length, 4)
  let offset = dir.length
  rasters.forEach((r, i) => {
    const e = 6 + 16 * i
    dir.writeUInt8(r.size >= 256 ? 0 : r.size, e)
    dir.writeUInt8(r.size >= 256 ? 0 : r.size, e + 1)
    dir.writeUInt8(0, e + 2)
    dir.writeUInt8(0, e + 3)
    dir.writeUInt16LE(1, e + 4)
    dir.writeUInt16LE(32, e + 6)
    dir.writeUInt32LE(images[i].length, e + 8)
    dir.writeUInt32LE(offset, e + 12)
    offset += images[i].length
  })
  return Buffer.concat([dir, ...images])
}

async function main(): Promise<void> {
  const large = readFileSync(join(BUILD, 'icon.svg'), 'utf8')
  const small = readFileSync(join(BUILD, 'icon-small.svg'), 'utf8')
  const browser = await chromium.launch({ executablePath: browserPath(), args: ['--headless', '--no-sandbox', '--disable-gpu'] })
  try {
    const page = await browser.newPage()
    const rasters: Raster[] = []
    for (const size of PNG_SIZES) {
      const svg = size <= 32 ? small : large
      const out = await page.evaluate(
        async ({ svg, size }) => {
          const img = new Image()
          img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(svg)))
          await img.decode()
          const canvas = document.createElement('canvas')
          canvas.width = size
          canvas.height = size
          const ctx = canvas.getContext('2d')!
          ctx.imageSmoothingQuality = 'high'
          ctx.drawImage(img, 0, 0, size, size)
          const rgba = Array.from(ctx.getImageData(0, 0, size, size).data)
          return { png: canvas.toDataURL('image/png').split(',')[1], rgba }
        },
        { svg, size },
      )
      rasters.push({ size, png: Buffer.from(out.png, 'base64'), rgba: Buffer.from(out.rgba) })
    }
    mkdirSync(join(BUILD, 'icons'), { recursive: true })
    for (const r of rasters) writeFileSync(join(BUILD, 'icons', `${r.size}x${r.size}.png`), r.png)
    writeFileSync(join(BUILD, 'icon.png'), rasters.find((r) => r.size === 512)!.png)
    writeFileSync(join(BUILD, 'icon.ico'), writeIco(rasters.filter((r) => ICO_SIZES.includes(r.size))))
    console.log(`已生成 build/icon.png、build/icon.ico（${ICO_SIZES.join('、')}）和 build/icons/`)
  } finally {
    await browser.close()
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`错误：${(e as Error).message}`)
    process.exit(1)
  })
}
