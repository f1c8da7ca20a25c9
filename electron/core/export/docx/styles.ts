/**
 * styles.xml of an exported document: document defaults from the layout profile (3号 仿宋 with the
 * exact line pitch, zh-CN), Normal and GwFixed (公文定位段落: off the grid, for spacers and blank lines of
 * tightened pages) and one named paragraph style per role of the role table (shared/print/roles.ts), which
 * every paragraph with text names: 公文标题, 主送机关, 公文正文, 一级标题 … 版记, 页码, 表格文字 (roleStylesXml).
 *
 * Written as XML because two settings the .docx library cannot express are essential here:
 * w:snapToGrid off for positioned paragraphs (otherwise LibreOffice rounds each of them up to whole
 * grid lines and the masthead moves), and the East Asian typography switches.
 *
 * Punctuation (GB/T 9704 5.2.1, 28 characters a line inside the 版心): w:kinsoku on (行首/行尾禁则) and
 * w:overflowPunct off (ECMA-376 17.3.1.21, "允许标点溢出边界" unchecked), so that Word and WPS move the
 * character before a closing mark down with it instead of hanging the mark in the margin, the line breaking
 * of shared/print/lineBreak.ts. (LibreOffice 7.4 reads this switch inverted, ParaIsHangingPunctuation =
 * val == 0; tests/helpers/pdfLayout.ts renders with the value flipped so that it draws what Word draws.)
 */
import { FONT_PROFILES, fontFor, ptToTwips, type FontSlot, type LayoutProfile } from '../../../../shared/documents/layout'
import { STYLE_BODY, STYLE_FIXED } from './runs'
import { ROLE_TABLE, roleSizePt, TEXT_ROLES, type PrintTextRole } from '../../../../shared/print/roles'
import { runMetrics } from '../../../../shared/documents/layout'
import { charTwips } from '../../../../shared/print/measure'

const JC = { left: 'left', center: 'center', right: 'right', justify: 'both' } as const

/** The font slot a role's style names: the profile's heading slots for 正文 headings (7.3.3), else the role table's. */
export function roleSlot(layout: LayoutProfile, role: PrintTextRole): FontSlot {
  const level = /^heading([1-4])$/.exec(role)
  return level ? layout.body.headingSlots[Number(level[1]) - 1] : ROLE_TABLE[role].font
}

/**
 * The indent a role's style carries (w:ind attributes, twips), from the profile: 正文 and its headings the
 * first-line indent (7.3.3 "每个自然段左空二字"), 附注 and 附件说明 theirs (7.3.6, 7.3.4), the 版记 one character
 * each side (7.4.2), the roles whose indent the composer computes per document (署名, 出席…) none. Paragraphs
 * whose place is computed (附件说明's hanging names, 署名 centred over the date) override it directly.
 */
export function roleIndent(layout: LayoutProfile, role: PrintTextRole): { firstLine?: number; left?: number; right?: number } | null {
  const unit = charTwips(runMetrics(layout, roleSizePt(layout, role)))
  switch (role) {
    case 'body':
    case 'heading1':
    case 'heading2':
    case 'heading3':
    case 'heading4':
      return { firstLine: Math.round(layout.body.firstLineIndentChars * unit) }
    case 'publicityNote':
    case 'contactNote':
      return { firstLine: Math.round(layout.publicityNote.indentChars * unit) }
    case 'attachmentNote':
      return { firstLine: Math.round(layout.attachmentNote.indentChars * unit) }
    case 'imprint': {
      const side = layout.imprint.sideIndentChars * ptToTwips(layout.text.imprintSizePt)
      return { left: side, right: side }
    }
    default:
      return ROLE_TABLE[role].indentChars > 0 ? { firstLine: Math.round(ROLE_TABLE[role].indentChars * unit) } : null
  }
}

/**
 * One named paragraph style per role of the role table (shared/print/roles.ts), as a Word user finds them in the
 * style list when editing: 公文标题, 主送机关, 公文正文, 一级标题 … 附注, 版记, 页码, 表格文字 …, each with the role's
 * fonts (Latin and East Asian face of its slot), size, colour, character spacing (3号: the profile's), alignment
 * and indent; based on Normal (on the line grid) or, for positioned roles, on GwFixed (off the grid).
 * Keep-with-next is not in the styles: the composer decides it per paragraph (pageFit.ts, the 附件说明 chain).
 */
export function roleStylesXml(layout: LayoutProfile): string {
  const latinFace = FONT_PROFILES[layout.fontProfile].latin
  const seen = new Set<string>()
  return TEXT_ROLES.filter((role) => !seen.has(ROLE_TABLE[role].docxStyle.id) && (seen.add(ROLE_TABLE[role].docxStyle.id), true))
    .map((role) => {
      const r = ROLE_TABLE[role]
      const face = esc(fontFor(layout, roleSlot(layout, role)))
      const latin = r.latinInSlot ? face : esc(latinFace)
      const sizePt = roleSizePt(layout, role)
      const spacing = sizePt === layout.text.bodySizePt ? layout.text.characterSpacing : 0
      const color = r.color === 'red' ? layout.colors.red : layout.colors.text
      const ind = roleIndent(layout, role)
      const indXml = ind
        ? `<w:ind${ind.left !== undefined ? ` w:left="${ind.left}"` : ''}${ind.right !== undefined ? ` w:right="${ind.right}"` : ''}${ind.firstLine !== undefined ? ` w:firstLine="${ind.firstLine}"` : ''}/>`
        : ''
      const pPr = `<w:pPr><w:spacing w:before="0" w:after="0" w:line="${layout.grid.linePitchTwips}" w:lineRule="exact"/>${indXml}<w:jc w:val="${JC[r.align]}"/></w:pPr>`
      const rPr = `<w:rPr><w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${face}" w:cs="${latin}" w:hint="eastAsia"/><w:color w:val="${color}"/>${spacing !== 0 ? `<w:spacing w:val="${spacing}"/>` : ''}<w:sz w:val="${sizePt * 2}"/><w:szCs w:val="${sizePt * 2}"/></w:rPr>`
      return `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${r.docxStyle.id}"><w:name w:val="${esc(r.docxStyle.name)}"/><w:basedOn w:val="${r.onGrid ? STYLE_BODY : STYLE_FIXED}"/><w:qFormat/>${pPr}${rPr}</w:style>`
    })
    .concat(
      `<w:style w:type="paragraph" w:customStyle="1" w:styleId="GwFigure"><w:name w:val="图片"/><w:basedOn w:val="${STYLE_FIXED}"/><w:qFormat/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>`,
    )
    .join('\n')
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function stylesXml(layout: LayoutProfile): string {
  const latin = esc(FONT_PROFILES[layout.fontProfile].latin)
  const fangsong = esc(fontFor(layout, 'fangsong'))
  const size = layout.text.bodySizePt * 2
  const pitch = layout.grid.linePitchTwips
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults>
<w:rPrDefault><w:rPr><w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${fangsong}" w:cs="${latin}" w:hint="eastAsia"/><w:color w:val="${layout.colors.text}"/><w:kern w:val="2"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:kinsoku/><w:overflowPunct w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${pitch}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="${STYLE_BODY}"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="${STYLE_FIXED}"><w:name w:val="公文定位段落"/><w:basedOn w:val="${STYLE_BODY}"/><w:qFormat/><w:pPr><w:snapToGrid w:val="0"/></w:pPr></w:style>
${roleStylesXml(layout)}
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>`
}
