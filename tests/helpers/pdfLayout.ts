/**
 * Renders a .docx with LibreOffice and measures the result with poppler-utils, all in millimetres from
 * the page's top-left corner: text lines (pdftotext -bbox-layout), glyph baselines and drawn lines
 * (pdftocairo -svg), and red pixels (pdftoppm).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

const PT_TO_MM = 25.4 / 72

export const fontconfigFile = join(__dirname, '../fixtures/fontconfig/fonts.conf')

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0
}

/**
 * LibreOffice 7.4 reads w:overflowPunct inverted (writerfilter DomainMapper: ParaIsHangingPunctuation =
 * val == 0), so the w:overflowPunct w:val="0" that tells Word and WPS not to hang punctuation past the
 * line's end (ECMA-376 17.3.1.21) makes LibreOffice hang it, and drop some of those marks from the page.
 * The file LibreOffice renders here gets every w:overflowPunct value flipped, so that it draws what Word
 * draws; the exported file itself is checked for w:val="0" in docxLayout.test.ts.
 */
function asWordReadsIt(input: string): void {
  execFileSync('python3', [
    '-c',
    `import sys, re, zipfile, shutil
src = sys.argv[1]; tmp = src + '.tmp'
flip = lambda m: '<w:overflowPunct w:val="%s"/>' % ('1' if m.group(1) in ('0', 'false', 'off') else '0')
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename.endswith('.xml'):
            data = re.sub(r'<w:overflowPunct w:val="([^"]*)"/>', flip, data.decode('utf-8')).encode('utf-8')
        zout.writestr(item, data)
shutil.move(tmp, src)`,
    input,
  ])
}

/** Converts `docx` to PDF with a fresh LibreOffice profile and the test fontconfig; returns the PDF path. */
export function renderPdf(docx: Buffer, outDir: string, name = 'document'): string {
  const input = join(outDir, `${name}.docx`)
  writeFileSync(input, docx)
  asWordReadsIt(input)
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'))
  try {
    execFileSync(
      'libreoffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, input],
      { env: { ...process.env, FONTCONFIG_FILE: fontconfigFile }, stdio: 'pipe', timeout: 120_000 },
    )
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
  return join(outDir, `${basename(input, '.docx')}.pdf`)
}

export interface Box {
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}
export interface TextLine extends Box {
  text: string
}
export interface PdfPage {
  width: number
  height: number
  lines: TextLine[]
}

const num = (s: string) => Number(s) * PT_TO_MM
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')

/** Text lines of every page (pdftotext -bbox-layout), in reading order. */
export function textLayout(pdf: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
    width: num(p[1]),
    height: num(p[2]),
    lines: [...p[3].matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((l) => ({
      xMin: num(l[1]),
      yMin: num(l[2]),
      xMax: num(l[3]),
      yMax: num(l[4]),
      text: [...l[5].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => unescape(w[1])).join(''),
    })),
  }))
}

export interface Glyph {
  x: number
  /** Baseline. */
  y: number
  color: string
}
export interface Stroke {
  x1: number
  x2: number
  y: number
  widthPt: number
  color: string
}

/** Glyph positions (baselines) and horizontal stroked lines of one page (1-based), via pdftocairo -svg. */
export function drawing(pdf: string, page: number): { glyphs: Glyph[]; strokes: Stroke[] } {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-svg-'))
  try {
    const svgFile = join(dir, 'page.svg')
    execFileSync('pdftocairo', ['-svg', '-f', String(page), '-l', String(page), pdf, svgFile])
    const svg = readFileSync(svgFile, 'utf8')
    const body = svg.slice(svg.indexOf('</defs>') + 1)
    const glyphs: Glyph[] = []
    const colors: string[] = []
    for (const m of body.matchAll(
      /<g style="fill:rgb\(([^)]*)\)[^"]*">|<\/g>|<use xlink:href="#glyph[^"]*" x="([-\d.]+)" y="([-\d.]+)"\/>/g,
    )) {
      if (m[0] === '</g>') colors.pop()
      else if (m[1] !== undefined) colors.push(m[1].replace(/\s/g, ''))
      else glyphs.push({ x: num(m[2]), y: num(m[3]), color: colors[colors.length - 1] ?? '' })
    }
    const strokes: Stroke[] = []
    for (const m of body.matchAll(
      /<path style="fill:none;stroke-width:([\d.]+);[^"]*stroke:rgb\(([^)]*)\)[^"]*" d="M ([-\d.]+) ([-\d.]+) L ([-\d.]+) ([-\d.]+) "(?: transform="matrix\(([^)]*)\)")?/g,
    )) {
      const [a, , , d, e, f] = (m[7] ?? '1,0,0,1,0,0').split(',').map(Number)
      const y1 = d * Number(m[4]) + f
      const y2 = d * Number(m[6]) + f
      if (Math.abs(y1 - y2) > 0.5) continue // horizontal lines only
      const xs = [a * Number(m[3]) + e, a * Number(m[5]) + e].sort((p, q) => p - q)
      strokes.push({
        x1: xs[0] * PT_TO_MM,
        x2: xs[1] * PT_TO_MM,
        y: ((y1 + y2) / 2) * PT_TO_MM,
        widthPt: Number(m[1]) * Math.abs(d),
        color: m[2].replace(/\s/g, ''),
      })
    }
    return { glyphs, strokes }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Vertical stroked lines of one page (1-based), via pdftocairo -svg: x and the span y1…y2, mm. */
export function verticalStrokes(pdf: string, page: number): { x: number; y1: number; y2: number; widthPt: number }[] {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-svg-'))
  try {
    const svgFile = join(dir, 'page.svg')
    execFileSync('pdftocairo', ['-svg', '-f', String(page), '-l', String(page), pdf, svgFile])
    const body = readFileSync(svgFile, 'utf8')
    const out: { x: number; y1: number; y2: number; widthPt: number }[] = []
    for (const m of body.matchAll(
      /<path style="fill:none;stroke-width:([\d.]+);[^"]*" d="M ([-\d.]+) ([-\d.]+) L ([-\d.]+) ([-\d.]+) "(?: transform="matrix\(([^)]*)\)")?/g,
    )) {
      const [a, , , d, e, f] = (m[6] ?? '1,0,0,1,0,0').split(',').map(Number)
      const x1 = a * Number(m[2]) + e
      const x2 = a * Number(m[4]) + e
      if (Math.abs(x1 - x2) > 0.5) continue // vertical lines only
      const ys = [d * Number(m[3]) + f, d * Number(m[5]) + f].sort((p, q) => p - q)
      out.push({ x: ((x1 + x2) / 2) * PT_TO_MM, y1: ys[0] * PT_TO_MM, y2: ys[1] * PT_TO_MM, widthPt: Number(m[1]) * Math.abs(a) })
    }
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The box (mm) of the pixels of one colour (each channel within `tolerance`) on one page, or null. */
export function colourBox(pdf: string, page: number, rgb: readonly [number, number, number], dpi = 150, tolerance = 6): Box | null {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf], { maxBuffer: 256 << 20 })
  let pos = 0
  const fields: string[] = []
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(ppm[pos]))) pos++
    let tok = ''
    while (!/\s/.test(String.fromCharCode(ppm[pos]))) tok += String.fromCharCode(ppm[pos++])
    fields.push(tok)
  }
  pos++
  const [w, h] = [Number(fields[1]), Number(fields[2])]
  let box: Box | null = null
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = pos + (y * w + x) * 3
      if (
        Math.abs(ppm[i] - rgb[0]) <= tolerance &&
        Math.abs(ppm[i + 1] - rgb[1]) <= tolerance &&
        Math.abs(ppm[i + 2] - rgb[2]) <= tolerance
      ) {
        if (!box) box = { xMin: x, yMin: y, xMax: x + 1, yMax: y + 1 }
        else {
          box.xMin = Math.min(box.xMin, x)
          box.yMin = Math.min(box.yMin, y)
          box.xMax = Math.max(box.xMax, x + 1)
          box.yMax = Math.max(box.yMax, y + 1)
        }
      }
    }
  }
  if (!box) return null
  const k = 25.4 / dpi
  return { xMin: box.xMin * k, yMin: box.yMin * k, xMax: box.xMax * k, yMax: box.yMax * k }
}

/** Rows (mm from the top) holding red pixels, with how many, from a pdftoppm raster of one page. */
export function redRows(pdf: string, page: number, dpi = 300): { y: number; count: number; xMin: number; xMax: number }[] {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf], { maxBuffer: 256 << 20 })
  // P6 header: "P6\n<w> <h>\n255\n"
  let pos = 0
  const fields: string[] = []
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(ppm[pos]))) pos++
    if (ppm[pos] === 0x23) {
      while (ppm[pos] !== 0x0a) pos++
      continue
    }
    let tok = ''
    while (!/\s/.test(String.fromCharCode(ppm[pos]))) tok += String.fromCharCode(ppm[pos++])
    fields.push(tok)
  }
  pos++
  const [w, h] = [Number(fields[1]), Number(fields[2])]
  const mmPerPx = 25.4 / dpi
  const rows: { y: number; count: number; xMin: number; xMax: number }[] = []
  for (let y = 0; y < h; y++) {
    let count = 0
    let xMin = Infinity
    let xMax = -Infinity
    for (let x = 0; x < w; x++) {
      const i = pos + (y * w + x) * 3
      if (ppm[i] > 180 && ppm[i + 1] < 100 && ppm[i + 2] < 100) {
        count++
        xMin = Math.min(xMin, x)
        xMax = Math.max(xMax, x)
      }
    }
    if (count > 0) rows.push({ y: (y + 0.5) * mmPerPx, count, xMin: xMin * mmPerPx, xMax: (xMax + 1) * mmPerPx })
  }
  return rows
}

/** Writes PNG pages of `pdf` into `dir` (pdftoppm -png). */
export function pngPages(pdf: string, dir: string, dpi = 70): void {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, join(dir, 'page')])
}
