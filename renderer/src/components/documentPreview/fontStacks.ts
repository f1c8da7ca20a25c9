/**
 * CSS font stacks of the preview, one per font slot of the layout profile. The profile's own face comes
 * first (仿宋_GB2312 …), then the same role's faces on Windows, macOS and Linux, so a machine without the
 * GB2312 faces still shows a 仿宋-, 楷体-, 黑体- or 小标宋-like face and never a sans-serif UI font.
 *
 * Three aliases are declared with @font-face in DocumentPreview.vue (local fonts only, nothing is fetched):
 * - PreviewLatin: Times New Roman (or a metric twin) for ASCII and Latin-1 only, as Word uses the Latin
 *   face for letters and digits while “ ” — … stay in the CJK face; being first in the stack it also fixes
 *   the line metrics (baseline 0.88 em below the top of a 1 em line, like an exact line in Word);
 * - PreviewStrut: the same metrics for a space only, first in stacks that keep Latin in the slot's face;
 * - PreviewTitleFallback: the bold cut of Noto Serif CJK / Source Han Serif, the nearest free look-alike
 *   of 方正小标宋, without faux-bolding a real 小标宋 when one is installed.
 */
import { FONT_PROFILES, type FontSlot, type LayoutProfile } from '../../../../shared/documents/layout'

export const LATIN_ALIAS = 'PreviewLatin'
/** A space-only face that fixes the line metrics of lines that keep Latin in the slot's face (page numbers). */
export const STRUT_ALIAS = 'PreviewStrut'
export const TITLE_FALLBACK_ALIAS = 'PreviewTitleFallback'

const FALLBACKS: Record<FontSlot, string[]> = {
  fangsong: [
    '仿宋_GB2312',
    'FangSong_GB2312',
    '仿宋',
    'FangSong',
    'STFangsong',
    '华文仿宋',
    'Noto Serif CJK SC',
    'Source Han Serif SC',
    'Source Han Serif CN',
    'serif',
  ],
  kaiti: [
    '楷体_GB2312',
    'KaiTi_GB2312',
    '楷体',
    'KaiTi',
    'STKaiti',
    '华文楷体',
    'AR PL UKai CN',
    'AR PL KaitiM GB',
    'Noto Serif CJK SC',
    'serif',
  ],
  heiti: [
    '黑体',
    'SimHei',
    'STHeiti',
    'Heiti SC',
    'Noto Sans CJK SC',
    'Source Han Sans SC',
    'Source Han Sans CN',
    'Microsoft YaHei',
    'sans-serif',
  ],
  title: [
    '方正小标宋简体',
    'FZXiaoBiaoSong-B05S',
    '方正小标宋_GBK',
    'FZXiaoBiaoSong-B05',
    '华文中宋',
    'STZhongsong',
    TITLE_FALLBACK_ALIAS,
    'Noto Serif CJK SC',
    'Source Han Serif SC',
    'serif',
  ],
  songti: ['宋体', 'SimSun', 'STSong', 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'],
}

const GENERIC = new Set(['serif', 'sans-serif', 'monospace'])

function quote(name: string): string {
  return GENERIC.has(name) ? name : `'${name.replace(/'/g, "\\'")}'`
}

/** The font-family value for a slot: the profile's face, the role's fallbacks, and (unless `latinInSlot`) the Latin alias first. */
export function fontFamilyFor(layout: LayoutProfile, slot: FontSlot, latinInSlot = false): string {
  const profile = FONT_PROFILES[layout.fontProfile]
  const faces = [profile[slot], ...FALLBACKS[slot]]
  const names = latinInSlot ? [STRUT_ALIAS, ...faces] : [LATIN_ALIAS, ...faces]
  return [...new Set(names)].map(quote).join(', ')
}
