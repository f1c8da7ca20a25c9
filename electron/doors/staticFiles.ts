import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, sep } from 'node:path'

/**
 * The built renderer's files as the browser door sends them. The build writes `x.js.br` and `x.js.gz`
 * beside every script and style (electron.vite.config.mts, `precompress`); a request whose
 * Accept-Encoding allows one gets it, with Content-Encoding and Vary set, instead of compressing per
 * request. Hashed files under assets/ never change under their name, so the browser may keep them.
 */

/** Encodings the build writes, in order of preference (smallest first), with their file suffix. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const

export type StaticEncoding = (typeof ENCODINGS)[number]['name']

/**
 * Quality values of an Accept-Encoding header (RFC 9110 12.5.3), by lower-case coding name.
 * `br;q=0` refuses br; `*` stands for every coding not named.
 */
export function acceptedEncodings(header: string | string[] | undefined): Map<string, number> {
  const accepted = new Map<string, number>()
  const text = Array.isArray(header) ? header.join(',') : (header ?? '')
  for (const part of text.split(',')) {
    const [name, ...params] = part.trim().split(';')
    if (!name) continue
    let q = 1
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)
      if (m) q = Math.min(1, Number(m[1]) || 0)
    }
    accepted.set(name.trim().toLowerCase(), q)
  }
  return accepted
}

/** The precompressed variant of `file` to send for this Accept-Encoding, if the browser takes one and it exists. */
export function pickEncoding(
  file: string,
  acceptEncoding: string | string[] | undefined,
  exists: (path: string) => boolean = existsSync,
): { encoding: StaticEncoding; path: string } | undefined {
  const accepted = acceptedEncodings(acceptEncoding)
  const wildcard = accepted.get('*') ?? 0
  for (const { name, suffix } of ENCODINGS) {
    const q = accepted.get(name) ?? wildcard
    if (q > 0 && exists(file + suffix)) return { encoding: name, path: file + suffix }
  }
  return undefined
}

/** A built file name with a content hash (`index-D7q2C27Y.js`): its content never changes under that name. */
export function isHashedAsset(file: string): boolean {
  return file.includes(`${sep}assets${sep}`) && /-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(basename(file))
}

/**
 * The body and headers for one static file of the renderer (not index.html, which the door rewrites):
 * the precompressed variant when accepted, `Vary: Accept-Encoding` always (a cache must not hand the br
 * body to a browser that did not ask for it), and a year's caching for hashed assets.
 */
export function readStaticFile(
  file: string,
  acceptEncoding: string | string[] | undefined,
): { body: Buffer; headers: Record<string, string> } {
  const variant = statSync(file).size >= 1024 ? pickEncoding(file, acceptEncoding) : undefined
  const headers: Record<string, string> = {
    Vary: 'Accept-Encoding',
    'Cache-Control': isHashedAsset(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
  }
  if (variant) headers['Content-Encoding'] = variant.encoding
  return { body: readFileSync(variant?.path ?? file), headers }
}
