/**
 * styles.xml of an exported document: document defaults from the layout profile (3号 仿宋 with the
 * exact line pitch, zh-CN) and the few paragraph styles the exporter uses.
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
import { FONT_PROFILES, fontFor, type LayoutProfile } from '../../../../shared/documents/layout'
import { STYLE_BODY, STYLE_FIXED } from './runs'
import { ROLE_TABLE, type PrintTextRole } from '../../../../shared/print/roles'

/** The roles of the block model written with a named paragraph style of their own (roles.ts): tables and figures. */
const BLOCK_ROLES: PrintTextRole[] = ['tableCaption', 'tableHeader', 'tableCell', 'figureCaption']
const JC = { left: 'left', center: 'center', right: 'right', justify: 'both' } as const

/** Named paragraph styles of the block roles and the figure line, off the line grid like GwFixed (LibreOffice would round table cells up to whole grid lines). */
function blockStylesXml(layout: LayoutProfile): string {
  const styles = BLOCK_ROLES.map((role) => {
    const r = ROLE_TABLE[role]
    const face = esc(fontFor(layout, r.font))
    return `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${r.docxStyle.id}"><w:name w:val="${esc(r.docxStyle.name)}"/><w:basedOn w:val="${STYLE_FIXED}"/><w:qFormat/><w:pPr>${r.keepNext ? '<w:keepNext/>' : ''}<w:jc w:val="${JC[r.align]}"/></w:pPr><w:rPr><w:rFonts w:eastAsia="${face}"/></w:rPr></w:style>`
  })
  styles.push(
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="GwFigure"><w:name w:val="图片"/><w:basedOn w:val="${STYLE_FIXED}"/><w:qFormat/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>`,
  )
  return styles.join('\n')
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
${blockStylesXml(layout)}
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>`
}
