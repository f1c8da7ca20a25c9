import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

/** The built renderer (npm run build runs before this project): what the browser door and the window load. */
const OUT = join(__dirname, '../../out/renderer')
const ASSETS = join(OUT, 'assets')

describe('the built renderer', () => {
  it('is built', () => {
    expect(existsSync(join(OUT, 'index.html')), '界面尚未构建：请先运行 npm run build').toBe(true)
  })

  it('has a .br and a .gz beside every script and style of 1 KB or more, each decompressing to the file', () => {
    const files = readdirSync(ASSETS).filter((f) => /\.(js|css)$/.test(f))
    expect(files.length).toBeGreaterThan(0)
    for (const f of files) {
      const data = readFileSync(join(ASSETS, f))
      if (data.length < 1024) continue
      expect(existsSync(join(ASSETS, `${f}.br`)), `${f}.br`).toBe(true)
      expect(brotliDecompressSync(readFileSync(join(ASSETS, `${f}.br`))).equals(data), `${f}.br`).toBe(true)
      expect(gunzipSync(readFileSync(join(ASSETS, `${f}.gz`))).equals(data), `${f}.gz`).toBe(true)
    }
    expect(existsSync(join(OUT, 'index.html.br')), 'index.html is rewritten per run by the door: never precompressed').toBe(false)
  })

  it('is minified and loads Element Plus by component, not whole', () => {
    const html = readFileSync(join(OUT, 'index.html'), 'utf8')
    const entry = /<script[^>]*type="module"[^>]*src="\.\/assets\/([^"]+)"/.exec(html)![1]
    const code = readFileSync(join(ASSETS, entry), 'utf8')
    // Minified: long lines, no indentation.
    expect(code.split('\n').length).toBeLessThan(50)
    // The whole library defines every component in the entry's chunks; on demand, they hold only the
    // shell's (menu, button, result, loading): no table, date picker or select before the first route.
    const initial = [entry, ...[...html.matchAll(/rel="modulepreload"[^>]*href="\.\/assets\/([^"]+)"/g)].map((m) => m[1])]
    const initialCode = initial.map((f) => readFileSync(join(ASSETS, f), 'utf8')).join('\n')
    expect(initialCode).toMatch(/name:\s*["'`]ElMenu["'`]/)
    for (const name of ['ElTable', 'ElDatePicker', 'ElSelect', 'ElDialog'])
      expect(initialCode, name).not.toMatch(new RegExp(`name:\\s*["'\`]${name}["'\`]`))
  })
})
