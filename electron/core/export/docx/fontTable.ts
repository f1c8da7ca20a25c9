/**
 * The last touches of an exported package that the .docx library cannot express, made once for every
 * exported file (official documents and block documents):
 *
 * - word/fontTable.xml declares every face the layout profile uses, with its East Asian character set
 *   (GB2312_CHARSET, w:charset 86), its family and pitch and an alternative name, so that a PC without the
 *   GB2312 faces substitutes sensibly (仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体)
 *   instead of falling back to a Latin face (GB/T 9704-2012 5.2.3 names the faces; issue 13 item 9);
 * - the × of template placeholders (××, ×月, 第×次) is set in the CJK face, as Word sets it under
 *   w:hint="eastAsia" (a full-width character of the 仿宋 face, measure.ts), also for word processors that
 *   ignore the hint (LibreOffice sets it in Times New Roman, half as wide).
 */
import JSZip from 'jszip'
import { FONT_PROFILES, type LayoutProfile } from '../../../../shared/documents/layout'
import { OFF_GRID_MARK } from './runs'

interface FontDeclaration {
  name: string
  altName?: string
  /** w:charset: 86 = GB2312_CHARSET, 00 = ANSI. */
  charset: '86' | '00'
  family: 'roman' | 'modern' | 'swiss' | 'auto'
  pitch: 'fixed' | 'variable'
  panose?: string
}

/** What Word needs to know of each face it may have to substitute, by name (both font profiles). */
const KNOWN_FONTS: Record<string, Omit<FontDeclaration, 'name'>> = {
  仿宋_GB2312: { altName: '仿宋', charset: '86', family: 'modern', pitch: 'fixed', panose: '02010609030101010101' },
  楷体_GB2312: { altName: '楷体', charset: '86', family: 'modern', pitch: 'fixed', panose: '02010609030101010101' },
  方正小标宋简体: { altName: '宋体', charset: '86', family: 'auto', pitch: 'variable' },
  仿宋: { altName: 'FangSong', charset: '86', family: 'modern', pitch: 'fixed', panose: '02010609060101010101' },
  楷体: { altName: 'KaiTi', charset: '86', family: 'modern', pitch: 'fixed', panose: '02010609060101010101' },
  黑体: { altName: 'SimHei', charset: '86', family: 'modern', pitch: 'fixed', panose: '02010609060101010101' },
  宋体: { altName: 'SimSun', charset: '86', family: 'auto', pitch: 'variable', panose: '02010600030101010101' },
  华文中宋: { altName: '宋体', charset: '86', family: 'auto', pitch: 'variable', panose: '02010600040101010101' },
  'Times New Roman': { charset: '00', family: 'roman', pitch: 'variable', panose: '02020603050405020304' },
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Every face of the layout's font profile (the CJK slots and the Latin face), each once. */
export function profileFonts(layout: LayoutProfile): FontDeclaration[] {
  const p = FONT_PROFILES[layout.fontProfile]
  const names = [...new Set([p.fangsong, p.kaiti, p.heiti, p.title, p.songti, p.latin])]
  return names.map((name) => ({ name, ...(KNOWN_FONTS[name] ?? { altName: '宋体', charset: '86', family: 'auto', pitch: 'variable' }) }))
}

/** word/fontTable.xml declaring `fonts`. */
export function fontTableXml(fonts: FontDeclaration[]): string {
  const entries = fonts.map(
    (f) =>
      `<w:font w:name="${esc(f.name)}">${f.altName ? `<w:altName w:val="${esc(f.altName)}"/>` : ''}${f.panose ? `<w:panose1 w:val="${f.panose}"/>` : ''}<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  )
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries.join('')}</w:fonts>`
}

/**
 * Splits every run holding × so that the × are a run of their own whose Latin slots (ascii, hAnsi) name the
 * run's East Asian face: the × is then drawn in the CJK face whatever the renderer does with w:hint.
 */
export function timesSignInCjkFace(xml: string): string {
  return xml.replace(/<w:r>((?:(?!<\/w:r>).)*?)<\/w:r>/gs, (run, inner: string) => {
    const t = /^(.*?)<w:t(?: xml:space="preserve")?>([^<]*)<\/w:t>$/s.exec(inner)
    if (!t || !t[2].includes('×')) return run
    const head = t[1]
    const rPr = /<w:rPr>.*?<\/w:rPr>/s.exec(head)?.[0] ?? ''
    const eastAsia = /<w:rFonts\b[^>]*\bw:eastAsia="([^"]*)"/.exec(rPr)?.[1]
    if (!eastAsia) return run
    const cjkPr = rPr
      .replace(/(<w:rFonts\b[^>]*?)\bw:ascii="[^"]*"/, `$1w:ascii="${eastAsia}"`)
      .replace(/(<w:rFonts\b[^>]*?)\bw:hAnsi="[^"]*"/, `$1w:hAnsi="${eastAsia}"`)
    const segments = t[2].split(/(×+)/).filter((s) => s !== '')
    return segments
      .map(
        (s, i) => `<w:r>${(i === 0 ? head : rPr).replace(rPr, s.startsWith('×') ? cjkPr : rPr)}<w:t xml:space="preserve">${s}</w:t></w:r>`,
      )
      .join('')
  })
}

/**
 * Paragraphs marked off the grid (runs.ts OFF_GRID_MARK on their style id): the role's own style id and a
 * direct w:snapToGrid off, placed before w:spacing as the pPr sequence of ECMA-376 17.3.1 wants it.
 */
export function offGridParagraphs(xml: string): string {
  const mark = `${OFF_GRID_MARK}"/>`
  let at = xml.indexOf(mark)
  if (at < 0) return xml
  let out = ''
  let from = 0
  while (at >= 0) {
    const spacing = xml.indexOf('<w:spacing ', at)
    const end = xml.indexOf('</w:pPr>', at)
    out += xml.slice(from, at) + '"/>'
    from = at + mark.length
    if (spacing >= 0 && (end < 0 || spacing < end)) {
      out += xml.slice(from, spacing) + '<w:snapToGrid w:val="0"/>'
      from = spacing
    }
    at = xml.indexOf(mark, from)
  }
  return out + xml.slice(from)
}

/** The package with its font table, the × in the CJK face and the off-grid paragraphs' direct setting. */
export async function finishPackage(docx: Buffer, layout: LayoutProfile): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx)
  zip.file('word/fontTable.xml', fontTableXml(profileFonts(layout)))
  for (const name of Object.keys(zip.files).filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string')
    const out = offGridParagraphs(timesSignInCjkFace(xml))
    if (out !== xml) zip.file(name, out)
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}
