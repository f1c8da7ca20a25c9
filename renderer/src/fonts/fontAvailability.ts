import { FONT_PROFILES, type FontProfileId } from '../../../shared/documents/layout'

const SAMPLE = '教育督导工作台关于印发通知永字abcXYZ123'
const BASES = ['monospace', 'serif', 'sans-serif']
let canvas: HTMLCanvasElement | null = null

/**
 * Whether a font family is installed on this PC: text drawn with "<family>, <base>" measures
 * differently from the bare base font for at least one base when the family exists. Works in the
 * desktop window and in browser mode (the browser runs on the same PC) without any permission.
 */
export function isFontInstalled(family: string): boolean {
  canvas ??= document.createElement('canvas')
  const ctx = canvas.getContext('2d')
  if (!ctx) return true
  return BASES.some((base) => {
    ctx.font = `32px ${base}`
    const plain = ctx.measureText(SAMPLE).width
    ctx.font = `32px "${family}", ${base}`
    return ctx.measureText(SAMPLE).width !== plain
  })
}

/** The faces of a font profile this PC lacks (empty when all are installed). */
export function missingFonts(profile: FontProfileId): string[] {
  const p = FONT_PROFILES[profile]
  const faces = [...new Set([p.fangsong, p.kaiti, p.heiti, p.title, p.songti])]
  return faces.filter((f) => !isFontInstalled(f))
}
