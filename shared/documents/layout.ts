/**
 * Layout profile of an official document (公文) — every number of GB/T 9704-2012 《党政机关公文格式》 as DATA.
 *
 * The .docx exporter (electron/core/export/docx/) and the in-app preview read the same object; an office
 * may save its own variant (other margins, line pitch, title font). Pure data plus tiny helpers: no Node APIs.
 *
 * Units: twips (1/20 pt, 1/1440 inch) where Word stores twips, millimetres where the standard speaks
 * millimetres, points for font sizes. Clause numbers refer to GB/T 9704-2012; [S] marks common practice
 * that the standard leaves open.
 */

/** Millimetres → twips, rounded (1 mm = 1440 / 25.4 = 56.69 twips; 37 mm is 2098, flooring gives 2097). */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4)
}

/** Twips → millimetres (not rounded). */
export function twipsToMm(twips: number): number {
  return (twips * 25.4) / 1440
}

/** Points → twips, rounded. */
export function ptToTwips(pt: number): number {
  return Math.round(pt * 20)
}

/** The font roles a document uses; a font profile maps each to a face name. */
export type FontSlot = 'fangsong' | 'kaiti' | 'heiti' | 'title' | 'songti'

export interface FontProfile {
  /** Shown to the user when choosing the profile. */
  label: string
  /** 仿宋: default for every element (5.2.1 "如无特殊说明，公文格式各要素一般用3号仿宋体字"). */
  fangsong: string
  /** 楷体: level-2 headings （一）, 签发人 names (7.2.4, 7.3.3). */
  kaiti: string
  /** 黑体: level-1 headings 一、, 密级, 紧急程度, "附件" label, 出席/请假/列席 labels. */
  heiti: string
  /** 小标宋: masthead and title (7.2.3 "推荐使用小标宋体字", 7.3.1 "2号小标宋体字"). */
  title: string
  /** 宋体: page numbers (7.5 "4号半角宋体阿拉伯数字"). */
  songti: string
  /** Latin letters and digits in body text ([S]: Times New Roman beside the CJK face). */
  latin: string
}

/**
 * Font profiles. `gb2312` is what typesetting offices install by hand (the traditional 公文 faces);
 * `windows` uses faces every Windows PC ships, for offices without them.
 */
export const FONT_PROFILES = {
  gb2312: {
    label: 'GB2312 公文字体（仿宋_GB2312、楷体_GB2312、方正小标宋简体）',
    fangsong: '仿宋_GB2312',
    kaiti: '楷体_GB2312',
    heiti: '黑体',
    title: '方正小标宋简体',
    songti: '宋体',
    latin: 'Times New Roman',
  },
  windows: {
    label: 'Windows 自带字体（仿宋、楷体、黑体、华文中宋）',
    fangsong: '仿宋',
    kaiti: '楷体',
    heiti: '黑体',
    title: '华文中宋',
    songti: '宋体',
    latin: 'Times New Roman',
  },
} as const satisfies Record<string, FontProfile>

export type FontProfileId = keyof typeof FONT_PROFILES

/** 署名 and 成文日期: the sealed form (7.3.5.1) or the unsealed form (7.3.5.2). */
export type SignatureForm = 'sealed' | 'unsealed'

export interface LayoutProfile {
  /** Stable id of the profile; the default is 'gbt9704-2012'. */
  id: string
  /** Name shown to the user. */
  name: string
  /** Key into FONT_PROFILES. */
  fontProfile: FontProfileId
  page: {
    widthTwips: number
    heightTwips: number
    marginTopTwips: number
    marginBottomTwips: number
    marginLeftTwips: number
    marginRightTwips: number
    /** Header distance from the page top (no header content is used; [S]). */
    headerTwips: number
  }
  grid: {
    linesPerPage: number
    charsPerLine: number
    /** Exact line pitch of every 3号 line, also written as w:docGrid linePitch. */
    linePitchTwips: number
  }
  text: {
    /** Run character spacing of 3号 text in twentieths of a point (w:spacing w:val). */
    characterSpacing: number
    bodySizePt: number
    titleSizePt: number
    /** 版记 (抄送, 印发机关和印发日期). */
    imprintSizePt: number
    pageNumberSizePt: number
  }
  colors: {
    /** Masthead, red separator, letter double lines. */
    red: string
    text: string
  }
  masthead: {
    /** Top edge of 发文机关标志 below the top of the 版心. */
    topBelowTypeAreaMm: number
    /** Largest size; shrunk (first by narrowing the glyphs, then in size) so the name fits the width. */
    maxSizePt: number
    /** Narrowest horizontal glyph scale (w:w, percent) before the size is reduced instead. */
    minScalePercent: number
    /** Width the masthead may use. */
    maxWidthMm: number
    /** Blank 3号 lines between the masthead and 发文字号. */
    blankLinesToNumber: number
  }
  separator: {
    /** Red line below 发文字号 (distance from the bottom of the number's characters). */
    belowNumberMm: number
    widthMm: number
    weightPt: number
    /** Blank lines between the red line and the title. */
    blankLinesToTitle: number
  }
  title: {
    /** Characters a title line may hold (2号 in the 156 mm 版心: 442 pt / 22 pt = 20). */
    maxCharsPerLine: number
    /** Blank lines between the title and 主送机关. */
    blankLinesToRecipients: number
  }
  body: {
    /** First-line indent of every paragraph and heading, in characters. */
    firstLineIndentChars: number
    /** Font of heading levels 1–4 (一、 / （一） / 1. / （1）). */
    headingSlots: [FontSlot, FontSlot, FontSlot, FontSlot]
  }
  attachmentNote: {
    blankLinesBefore: number
    indentChars: number
  }
  signature: {
    form: SignatureForm
    /** Sealed form: blank lines between 正文 and 署名 (room for the 42 mm seal; [S]). */
    sealedBlankLinesBefore: number
    /** Sealed form: 成文日期 right-indented this many characters; 署名 centred over it. */
    sealedDateRightIndentChars: number
    /**
     * Sealed joint issuance (7.3.5.1): diameter of the seal each 署名 is laid out for, mm, and the least clear
     * space between two seals ("互不相交或相切"), mm.
     */
    sealDiameterMm: number
    sealGapMm: number
    /** Unsealed form: blank lines before 署名. */
    unsealedBlankLinesBefore: number
    /** Unsealed form: 署名 right-indented this many characters. */
    unsealedNameRightIndentChars: number
    /** Unsealed form: the date starts this many characters right of the 署名's first character. */
    unsealedDateShiftChars: number
  }
  publicityNote: { indentChars: number }
  /** GB/T 9704 7.3.5.4: making 署名 and 成文日期 fit on the page where 正文 ends (shared/documents/pageFit.ts). */
  pageFit: {
    /** Smallest exact pitch the lines of that page may be tightened to, in twips. */
    minLinePitchTwips: number
  }
  attachment: {
    /** Line (1-based) of the attachment title on the attachment's first page. */
    titleLine: number
    /**
     * Line (1-based) of the title of an issued document (印发/转发 notices: attachmentsIssued), which has no
     * "附件N" label above it ([S]).
     */
    issuedTitleLine: number
    /** Blank lines between the attachment title and its body ([S]). */
    blankLinesAfterTitle: number
  }
  imprint: {
    sideIndentChars: number
    thickLineMm: number
    thinLineMm: number
    /**
     * The page number of a 版记 page of its own. 'standard' (7.5 "公文的版记页前有空白页的，空白页和版记页均不编排
     * 页码"): only a blank page before it drops the number of both; a 版记 page that directly follows an odd
     * last text page is numbered. 'unnumbered': the common office habit of never numbering a 版记 page of
     * its own (nor the blank page before it).
     */
    ownPageNumber: 'standard' | 'unnumbered'
  }
  pageNumber: {
    /** Top of the page number below the bottom of the 版心. */
    belowTypeAreaMm: number
    /** Odd pages: right, one character in; even pages: left, one character in. */
    sideIndentChars: number
    /** 一字线 on each side of the number. */
    dash: string
  }
  letter: {
    /** 信函格式: masthead top edge below the PAGE top (not the 版心). */
    mastheadTopFromPageMm: number
    mastheadMaxSizePt: number
    /** First red double line (thick over thin) below the masthead. */
    doubleLineBelowMastheadMm: number
    /** Second red double line (thin over thick) above the page bottom. */
    bottomDoubleLineFromPageBottomMm: number
    doubleLineLengthMm: number
    /** Height of a double line from the outer edge of its thick line to the outer edge of its thin line. */
    doubleLineWeightPt: number
    /** The thick and the thin line of a double line (the gap is what remains of doubleLineWeightPt). */
    doubleLineThickPt: number
    doubleLineThinPt: number
    /** Distance of the first line of elements below the first double line, as a fraction of a 3号 character. */
    numberGapChars: number
    /** Blank lines between the last element above the title and the title. */
    blankLinesToTitle: number
  }
  minutes: {
    /** 出席/请假/列席: blank lines after 正文, left indent in characters. */
    attendanceBlankLinesBefore: number
    attendanceIndentChars: number
  }
}

/** The default profile: GB/T 9704-2012 on A4. */
export const GBT9704_LAYOUT: LayoutProfile = {
  id: 'gbt9704-2012',
  name: 'GB/T 9704-2012 标准版式',
  fontProfile: 'gb2312',
  page: {
    widthTwips: 11906, // 5.2.1 A4 210 mm
    heightTwips: 16838, // 5.2.1 A4 297 mm
    marginTopTwips: 2098, // 5.2.2 天头 37 mm ± 1 mm
    marginBottomTwips: 1984, // 5.2.2 297 − 37 − 225 (版心 height) = 35 mm
    marginLeftTwips: 1587, // 5.2.2 订口 28 mm ± 1 mm
    marginRightTwips: 1474, // 5.2.2 210 − 28 − 156 (版心 width) = 26 mm
    headerTwips: 851, // [S] 15 mm; official documents carry no header text
  },
  grid: {
    linesPerPage: 22, // 5.2.3 一般每面排22行
    charsPerLine: 28, // 5.2.3 每行排28个字
    linePitchTwips: 579, // 5.2.3 225 mm / 22 = 579.8 twips; 580 lets only 21 lines fit, so exact 579
  },
  text: {
    characterSpacing: -5, // 5.2.3: 28 × 16 pt = 448 pt > 442.2 pt 版心; −0.25 pt each gives 28 × 15.75 = 441 pt
    bodySizePt: 16, // 5.2.1 3号
    titleSizePt: 22, // 7.3.1 2号
    imprintSizePt: 14, // 7.4.2–7.4.3 4号
    pageNumberSizePt: 14, // 7.5 4号
  },
  colors: {
    red: 'FF0000', // 7.2.3 / 7.2.5 红色: pure red prints as the spot red on office printers ([S])
    text: '000000', // 5.2.4 "如无特殊说明，公文中文字的颜色均为黑色"
  },
  masthead: {
    topBelowTypeAreaMm: 35, // 7.2.3 "上边缘至版心上边缘为35mm"
    maxSizePt: 42, // [S] 初号; the standard asks only "醒目、美观、庄重"
    minScalePercent: 60, // [S] long names are narrowed (长体) down to 60 % before the size drops
    maxWidthMm: 150, // [S] a little inside the 156 mm 版心 so the name does not touch the edges
    blankLinesToNumber: 2, // 7.2.4 "发文机关标志下空二行位置"
  },
  separator: {
    belowNumberMm: 4, // 7.2.5 "发文字号之下4mm处"
    widthMm: 156, // 7.2.5 "与版心等宽"
    weightPt: 1.5, // [S] thickness not fixed by the standard
    blankLinesToTitle: 2, // 7.3.1 "红色分隔线下空二行位置"
  },
  title: {
    maxCharsPerLine: 20, // 7.3.1; 156 mm = 442.2 pt holds 20 characters of 22 pt
    blankLinesToRecipients: 1, // 7.3.2 "标题下空一行位置"
  },
  body: {
    firstLineIndentChars: 2, // 7.3.3 "每个自然段左空二字"
    headingSlots: ['heiti', 'kaiti', 'fangsong', 'fangsong'], // 7.3.3 一、黑体 （一）楷体 1.（1）仿宋
  },
  attachmentNote: {
    blankLinesBefore: 1, // 7.3.4 "在正文下空一行"
    indentChars: 2, // 7.3.4 "左空二字"
  },
  signature: {
    form: 'sealed', // 7.3.5.1: printed copies are sealed by hand; 'unsealed' follows 7.3.5.2
    sealedBlankLinesBefore: 2, // [S] the 42 mm seal must start within one line of 正文 (7.3.5.1)
    sealedDateRightIndentChars: 4, // 7.3.5.1 "成文日期一般右空四字"
    sealDiameterMm: 42, // [S] the usual 42 mm round seal of a county organ
    sealGapMm: 3, // 7.3.5.1 "印章之间排列整齐、互不相交或相切"; [S] 3 mm clear
    unsealedBlankLinesBefore: 1, // 7.3.5.2 "在正文（或附件说明）下空一行"
    unsealedNameRightIndentChars: 2, // 7.3.5.2 "右空二字编排发文机关署名"
    unsealedDateShiftChars: 2, // 7.3.5.2 "首字比发文机关署名首字右移二字"
  },
  publicityNote: { indentChars: 2 }, // 7.3.6 "在成文日期下一行，居左空二字加圆括号"
  pageFit: {
    // 7.3.5.4 "采取调整行距、字距的措施解决"; [S] 26 pt: 3号 (16 pt) keeps 10 pt (0.625 em) between lines —
    // offices commonly set 固定值 26–28 磅 — and the em box stays inside the line (0.8 × 520 − 0.88 × 320 =
    // 134 twips from its top), so nothing is clipped in Word, WPS or LibreOffice. A full page at 26 pt
    // holds 24.5 lines: about two lines more than the 22-line grid.
    minLinePitchTwips: 520,
  },
  attachment: {
    titleLine: 3, // 8 "附件标题居中编排在版心第三行"
    issuedTitleLine: 1, // [S] the issued text opens its page with its own title, as in the reference 印发 notices
    blankLinesAfterTitle: 1, // [S] as between the title and 主送机关
  },
  imprint: {
    sideIndentChars: 1, // 7.4.2 "左右各空一字"
    thickLineMm: 0.35, // 7.4.1 "首条分隔线和末条分隔线用粗线（推荐高度为0.35mm）"
    thinLineMm: 0.25, // 7.4.1 "中间的分隔线用细线（推荐高度为0.25mm）"
    ownPageNumber: 'standard', // 7.5 "公文的版记页前有空白页的，空白页和版记页均不编排页码"
  },
  pageNumber: {
    belowTypeAreaMm: 7, // 7.5 "一字线上距版心下边缘7mm"
    sideIndentChars: 1, // 7.5 "单页码居右空一字，双页码居左空一字"
    dash: '—', // 7.5 "数码左右各放一条一字线"
  },
  letter: {
    mastheadTopFromPageMm: 30, // 10.1 "上边缘至上页边为30mm"
    mastheadMaxSizePt: 36, // [S] 小初; letterheads are usually smaller than 文件 mastheads
    doubleLineBelowMastheadMm: 4, // 10.1 "发文机关标志下4mm处印一条红色双线（上粗下细）"
    bottomDoubleLineFromPageBottomMm: 20, // 10.1 "距下页边20mm处印一条红色双线（上细下粗）"
    doubleLineLengthMm: 170, // 10.1 "线长均为170mm，居中排布"
    doubleLineWeightPt: 3, // [S] thick 1.5 + gap 0.75 + thin 0.75; the standard fixes no widths
    doubleLineThickPt: 1.5, // [S]
    doubleLineThinPt: 0.75, // [S]
    numberGapChars: 7 / 8, // 10.1 "与该线的距离为3号汉字高度的7/8"
    blankLinesToTitle: 2, // 10.1 "标题居中编排，与其上最后一个要素相距二行"
  },
  minutes: {
    attendanceBlankLinesBefore: 1, // 10.2 "在正文或附件说明下空一行"
    attendanceIndentChars: 2, // 10.2 "左空二字编排“出席”二字"
  },
}

/** The face name of a slot in the layout's font profile. */
export function fontFor(layout: LayoutProfile, slot: FontSlot): string {
  return FONT_PROFILES[layout.fontProfile][slot]
}

/** Width of the 版心 in twips (page width minus the side margins). */
export function typeAreaWidthTwips(layout: LayoutProfile): number {
  return layout.page.widthTwips - layout.page.marginLeftTwips - layout.page.marginRightTwips
}

/** Height of the 版心 in twips. */
export function typeAreaHeightTwips(layout: LayoutProfile): number {
  return layout.page.heightTwips - layout.page.marginTopTwips - layout.page.marginBottomTwips
}

/** Advance of one 3号 character with the run character spacing, in twips (16 pt − 0.25 pt = 315). */
export function bodyCharTwips(layout: LayoutProfile): number {
  return ptToTwips(layout.text.bodySizePt) + layout.text.characterSpacing
}

/**
 * Size and character spacing of a run of `sizePt` (3号 by default) as both the preview and the .docx set it:
 * 3号 text takes the profile's character spacing (28 characters a line), other sizes none. For
 * shared/print/measure.ts (textWidthTwips, charTwips, gapChars).
 */
export function runMetrics(layout: LayoutProfile, sizePt: number = layout.text.bodySizePt): { sizePt: number; spacingTwips: number } {
  return { sizePt, spacingTwips: sizePt === layout.text.bodySizePt ? layout.text.characterSpacing : 0 }
}
