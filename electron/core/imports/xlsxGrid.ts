import { readFile } from 'node:fs/promises'
import { inflateRawSync } from 'node:zlib'

/**
 * A fast reader of an .xlsx file's cell texts for the statistics imports: the zip read with node:zlib,
 * the sheet XML scanned by regular expressions, no styles, fonts, validations or drawings built. It gives
 * exactly the texts exceljs's full read gives through `cellText` (numbers as JS prints them, dates of
 * date-formatted cells as YYYY-MM-DD, formulas by their cached result, rich text joined and trimmed,
 * booleans `true`/`false`, errors as `#N/A`…), per worksheet in workbook order, hidden ones included,
 * with the merged ranges. What it does not recognise (zip64, encrypted files, compression other than
 * deflate, prefixed XML namespaces) throws `XlsxUnsupported`: the caller then reads with exceljs.
 * Tested against exceljs on every import fixture (tests/unit/imports/xlsxGrid.test.ts).
 */
export class XlsxUnsupported extends Error {}

/** One worksheet as read: texts by 1-based row and column, merged ranges, extent. */
export interface RawSheet {
  name: string
  /** rows[r - 1][c - 1] = text ('' or undefined when empty) */
  rows: string[][]
  merges: { top: number; left: number; bottom: number; right: number }[]
  /** as exceljs's `rowCount` / `columnCount` */
  rowCount: number
  columnCount: number
}

interface ZipEntry {
  method: number
  compressedSize: number
  localOffset: number
}

function zipEntries(buf: Buffer): Map<string, ZipEntry> {
  // End of central directory: the last 22..65557 bytes
  let eocd = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new XlsxUnsupported('not a zip file')
  const count = buf.readUInt16LE(eocd + 10)
  let p = buf.readUInt32LE(eocd + 16)
  if (count === 0xffff || p === 0xffffffff) throw new XlsxUnsupported('zip64')
  const out = new Map<string, ZipEntry>()
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new XlsxUnsupported('bad central directory')
    const flags = buf.readUInt16LE(p + 8)
    const method = buf.readUInt16LE(p + 10)
    const compressedSize = buf.readUInt32LE(p + 20)
    const nameLen = buf.readUInt16LE(p + 28)
    const extraLen = buf.readUInt16LE(p + 30)
    const commentLen = buf.readUInt16LE(p + 32)
    const localOffset = buf.readUInt32LE(p + 42)
    if (flags & 1) throw new XlsxUnsupported('encrypted')
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) throw new XlsxUnsupported('zip64')
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen)
    out.set(name.replace(/^\//, ''), { method, compressedSize, localOffset })
    p += 46 + nameLen + extraLen + commentLen
  }
  return out
}

function zipText(buf: Buffer, entries: Map<string, ZipEntry>, name: string): string | null {
  const e = entries.get(name)
  if (!e) return null
  const p = e.localOffset
  if (buf.readUInt32LE(p) !== 0x04034b50) throw new XlsxUnsupported('bad local header')
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28)
  const data = buf.subarray(start, start + e.compressedSize)
  if (e.method === 0) return data.toString('utf8')
  if (e.method === 8) return inflateRawSync(data).toString('utf8')
  throw new XlsxUnsupported(`compression ${e.method}`)
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
/** XML text with its character references decoded. */
function decode(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(ENTITY, (_, dec: string, hex: string, name: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[name],
  )
}

const ATTRS = new Map<string, RegExp>()
/** One attribute's value (decoded) from an element's attribute text, or undefined. */
function attr(attrs: string, name: string): string | undefined {
  let re = ATTRS.get(name)
  if (!re) ATTRS.set(name, (re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)))
  const m = re.exec(attrs)
  return m ? decode(m[1]) : undefined
}

/** The texts of the <t> elements of a string item (<si> or <is>), phonetic runs (<rPh>) left out. */
function runsText(xml: string): { text: string; rich: boolean } {
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml
  let text = ''
  const T = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g
  let m: RegExpExecArray | null
  while ((m = T.exec(body))) text += m[1] ? decode(m[1]) : ''
  return { text, rich: /<r>|<r\s/.test(body) }
}

/** exceljs's test for a date number format (utils.isDateFmt). */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''))
}
/** The built-in number formats exceljs reads as dates (ids 14–22, 45–47). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47])

/** For each cellXfs index: whether a number in that style is a date. */
function dateStyles(xml: string | null): boolean[] {
  if (!xml) return []
  const custom = new Map<number, string>()
  const NF = /<numFmt\b([^>]*?)\/?>/g
  let m: RegExpExecArray | null
  while ((m = NF.exec(xml))) {
    const id = Number(attr(m[1], 'numFmtId'))
    const code = attr(m[1], 'formatCode')
    if (code !== undefined) custom.set(id, code.replace(/[\\](.)/g, '$1'))
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)
  if (!xfs) return []
  const out: boolean[] = []
  const XF = /<xf\b([^>]*?)\/?>/g
  while ((m = XF.exec(xfs[1]))) {
    const id = Number(attr(m[1], 'numFmtId') ?? 0)
    out.push(id ? (custom.has(id) ? isDateFormat(custom.get(id)) : BUILTIN_DATE_IDS.has(id)) : false)
  }
  return out
}

const p2 = (n: number) => String(n).padStart(2, '0')
/** A serial day number as exceljs turns it into a Date, printed as the calendar day (UTC), as `excelDay`. */
function serialDay(v: number, date1904: boolean): string {
  const d = new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000))
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`
}

function columnNumber(ref: string): number {
  let n = 0
  for (let i = 0; i < ref.length; i++) {
    const k = ref.charCodeAt(i)
    if (k < 65 || k > 90) break
    n = n * 26 + (k - 64)
  }
  return n
}
function splitRef(ref: string): { row: number; col: number } {
  const col = columnNumber(ref)
  let i = 0
  while (i < ref.length && ref.charCodeAt(i) >= 65 && ref.charCodeAt(i) <= 90) i++
  return { row: Number(ref.slice(i)), col }
}

// one pass over a sheet: rows, cells, merges
const TOKEN = /<row\b([^>]*?)(\/?)>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)|<mergeCell\b([^>]*?)\/>/g

function readSheet(name: string, xml: string, shared: { text: string; rich: boolean }[], dates: boolean[], date1904: boolean): RawSheet {
  if (!xml.includes('<sheetData')) throw new XlsxUnsupported('no sheetData (prefixed namespace?)')
  const rows: string[][] = []
  const merges: RawSheet['merges'] = []
  let row = 0
  let col = 0
  let lastRowNumber = 0
  /** per row: max column of any cell, and whether a cell is not of type Null (exceljs's hasValues) */
  const extent: number[] = []
  const hasValues: boolean[] = []
  let m: RegExpExecArray | null
  TOKEN.lastIndex = 0
  while ((m = TOKEN.exec(xml))) {
    if (m[1] !== undefined) {
      const r = attr(m[1], 'r')
      row = r ? Number(r) : row + 1
      col = 0
      if (row > lastRowNumber) lastRowNumber = row
      continue
    }
    if (m[5] !== undefined) {
      const ref = attr(m[5], 'ref')
      if (!ref) continue
      const [a, b = a] = ref.split(':')
      const s = splitRef(a)
      const e = splitRef(b)
      merges.push({ top: s.row, left: s.col, bottom: e.row, right: e.col })
      continue
    }
    const attrs = m[3]
    const body = m[4]
    const ref = attr(attrs, 'r')
    if (ref) {
      const at = splitRef(ref)
      if (at.row !== row && at.row > 0) row = at.row
      col = at.col
    } else col++
    if (row > lastRowNumber) lastRowNumber = row
    if ((extent[row] ?? 0) < col) extent[row] = col
    const type = attr(attrs, 't')
    const styleId = Number(attr(attrs, 's') ?? 0)
    let text = ''
    let isNull = false
    if (body === undefined || body === '') {
      isNull = !!styleId
    } else {
      const hasFormula = body.includes('<f')
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)
      const raw = v ? decode(v[1]) : undefined
      if (type === 'inlineStr' && !hasFormula) {
        const is = /<is>([\s\S]*?)<\/is>/.exec(body)
        if (is) {
          const r = runsText(is[1])
          text = r.text.trim()
        } else if (raw !== undefined) text = raw.trim()
        else isNull = !!styleId
      } else if (raw === undefined || raw === '') {
        // a formula without a cached result, or a cell without value
        isNull = !hasFormula && !!styleId
      } else if (type === 's' && !hasFormula) {
        const s = shared[parseInt(raw, 10)]
        text = s ? s.text.trim() : ''
      } else if (type === 'str' || type === 'e') {
        text = type === 'str' ? decode(raw).trim() : raw.trim()
      } else if (type === 'b') {
        text = String(parseInt(raw, 10) !== 0)
      } else if (type === 's') {
        text = String(parseFloat(raw)) // a formula cell typed s: exceljs keeps the number
      } else {
        const n = parseFloat(raw)
        text = styleId && dates[styleId] ? serialDay(n, date1904) : String(n)
      }
    }
    if (!isNull) hasValues[row] = true
    if (text !== '') (rows[row - 1] ??= [])[col - 1] = text
  }
  let columnCount = 0
  for (let r = 1; r < extent.length; r++) if (hasValues[r] && extent[r] > columnCount) columnCount = extent[r]
  for (const g of merges) {
    if (g.right > columnCount) columnCount = g.right
    if (g.bottom > lastRowNumber) lastRowNumber = g.bottom
  }
  return { name, rows, merges, rowCount: lastRowNumber, columnCount }
}

/**
 * Reads every worksheet of an .xlsx file (in workbook order, hidden ones included).
 * @throws XlsxUnsupported when the file is not a zip this reader knows, or its parts are missing or foreign
 */
export async function readXlsxSheets(path: string): Promise<RawSheet[]> {
  const buf = await readFile(path)
  const entries = zipEntries(buf)
  const workbook = zipText(buf, entries, 'xl/workbook.xml')
  const rels = zipText(buf, entries, 'xl/_rels/workbook.xml.rels')
  if (!workbook || !rels || !workbook.includes('<sheets')) throw new XlsxUnsupported('no workbook part')
  const date1904 = /<workbookPr\b[^>]*date1904="(?:1|true)"/.test(workbook)
  const targets = new Map<string, string>()
  for (const m of rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const id = attr(m[1], 'Id')
    const target = attr(m[1], 'Target')
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`)
  }
  const sst = zipText(buf, entries, 'xl/sharedStrings.xml')
  const shared: { text: string; rich: boolean }[] = []
  if (sst)
    for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g))
      shared.push(m[1] === undefined ? { text: '', rich: false } : runsText(m[1]))
  const dates = dateStyles(zipText(buf, entries, 'xl/styles.xml'))
  const out: RawSheet[] = []
  for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = attr(m[1], 'name')
    const rid = /\br:id="([^"]*)"/.exec(m[1])?.[1] ?? /\bid="([^"]*)"/.exec(m[1])?.[1]
    const target = rid ? targets.get(rid) : undefined
    if (name === undefined || !target) throw new XlsxUnsupported('sheet without part')
    const xml = zipText(buf, entries, target.replace(/\/\.\//g, '/'))
    if (xml === null) throw new XlsxUnsupported(`missing part ${target}`)
    out.push(readSheet(name, xml, shared, dates, date1904))
  }
  return out
}
