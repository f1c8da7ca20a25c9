/**
 * Typesets an official document (公文): its 版头 and 版记 (elements.ts) and its 主体 composed as blocks
 * (composeText.ts, the blocks the .docx writer serializes) laid by the paginator
 * (shared/print/paginate.ts) on the grid of the SAME LayoutProfile as the .docx writer
 * (electron/core/export/docx/), with the page-fit decisions of pageFit.ts; previewLayout.ts draws the result
 * and pageFit.ts reads its flow. Never from the exported file, so it needs no Word engine and shows page
 * numbers (which a .docx stores only as fields). Pure: no DOM, no Node.
 *
 * The 版头 sits at the computed distances of GB/T 9704-2012 (masthead top edge 35 mm below the 版心 top,
 * 发文字号 two blank lines below it, the red line 4 mm below the number, the title two blank lines below the
 * red line); from the title on, lines follow each other by the pitch; the part after 正文 (附件说明 → 署名 →
 * 成文日期 → 附注) is set as pageFit.ts decides (fewer seal lines, a tighter pitch, or moved with the last two
 * lines of 正文).
 */
import type { LayoutProfile } from './layout'
import type { DocumentSpec } from './types'
import { Typesetter, type PreviewPage } from '../print/paginate'
import type { PrintBlock } from '../print/blocks'
import { officialPageNumbers } from './compose'
import { closingLead, composeOfficialText, signatureForm } from './composeText'
import { composeHead } from './composeHead'
import { keepHeadingWithNext, layHeadBlock, letterImprintTwips, imprint, type ImprintPlacement } from './elements'

export { closingLead, signatureForm } from './composeText'
export { IMPRINT_ANCHOR_TWIPS, type ImprintPlacement } from './elements'

/**
 * The page-fit decisions the typesetter obeys for the page where 正文 ends (GB/T 9704 7.3.5.4; chosen by
 * pageFit.ts, which the .docx exporter follows too).
 */
export interface FitSettings {
  /** Blank lines above the 署名 (sealed form: room for the seal, possibly fewer than the profile's). */
  signatureBlankLines: number
  /** Exact line pitch in twips of the tightened lines, or null: every line at the grid pitch. */
  tightPitchTwips: number | null
  /** First 正文 block (index into content.body) set at the tight pitch; everything after 正文 follows it. */
  tightFromBlock: number
  /**
   * The 主送机关 opens a new page (with 正文 after it): the page where it would stand had room for it but
   * not for 正文, which was carried whole (pageFit.ts decides; the .docx writes a page break before it).
   */
  recipientsNewPage?: boolean
}

/** What the typesetter saw, for pageFit.ts. */
export interface TypesetFlow {
  /** Per 正文 block: the page (0-based) of its first line and its line count. */
  blocks: { page: number; lines: number }[]
  /** Where 正文 ends before any carrying: page (0-based) and cursor (twips below the 版心 top). */
  bodyEnd: { page: number; cursor: number }
  /** Lines after 正文: 附件说明, 出席…, blank lines, 署名, 成文日期, 附注. */
  closingLines: number
  /** Room kept below the part after 正文 for the 信函格式 版记 (抄送) on the same page, twips (0: none). */
  reserveTwips: number
  /** The closing part did not fit below 正文 and moved to the next page with the last lines of 正文. */
  carried: boolean
  /**
   * The 主送机关 ended its page with nothing after it there while 正文 (or the part after it) follows on a later
   * page: a 主送机关 stranded without its 正文 (pageFit.ts then sets recipientsNewPage).
   */
  recipientsStranded: boolean
  imprint: ImprintPlacement
}

/** Blank lines that open the part after 正文 (dropped when that part opens a page: 纪要, carried). */
function closingLeadBlankLines(spec: DocumentSpec, layout: LayoutProfile, fit: FitSettings): number {
  switch (closingLead(spec)) {
    case 'attachmentNote':
      return layout.attachmentNote.blankLinesBefore
    case 'attendance':
      return layout.minutes.attendanceBlankLinesBefore
    case 'signature':
      return fit.signatureBlankLines
    default:
      return 0
  }
}

/** The profile's own settings: blank lines as configured, every line on the grid. */
export function gridFit(spec: DocumentSpec, layout: LayoutProfile): FitSettings {
  const s = layout.signature
  return {
    signatureBlankLines: signatureForm(spec, layout) === 'sealed' ? s.sealedBlankLinesBefore : s.unsealedBlankLinesBefore,
    tightPitchTwips: null,
    tightFromBlock: spec.content.body.length,
  }
}

/**
 * Typesets `spec` on the line grid of `layout` into A4 pages of positioned items in millimetres, with the
 * page-fit settings `fit`. The part after 正文 (附件说明 … 附注) is one keep-with-next chain with the last
 * 正文 paragraph, which has widow/orphan control, as the exporter writes it: when that part does not fit
 * below 正文 it moves to the next page together with (at least) the last two lines of 正文 — never a
 * 署名 page without 正文.
 */
export function typesetDocument(
  spec: DocumentSpec,
  layout: LayoutProfile,
  fit: FitSettings = gridFit(spec, layout),
): { pages: PreviewPage[]; flow: TypesetFlow } {
  const t = new Typesetter(layout)
  const minutes = spec.format === 'minutes'
  // The 主体 as the composer decides it (composeText.ts), the blocks the .docx writer serializes; the part after
  // 正文 is moved here, by the page fit, rather than by keep flags (composed without a WordProcessorFit).
  const text = composeOfficialText(spec, layout, {
    signatureBlankLines: fit.signatureBlankLines,
    tightPitchTwips: fit.tightPitchTwips,
    tightFromBlock: fit.tightFromBlock,
    recipientsNewPage: fit.recipientsNewPage,
  })
  // The 版头 (composeHead.ts): the letterhead of 信函格式 first, as the .docx has it in the first page's header.
  const head = composeHead(spec, layout)
  for (const b of [...head.header, ...head.flow]) layHeadBlock(t, b)
  for (const b of text.title) t.block(b)
  // Where the 主送机关's last line ends: its page and the number of items on it then.
  let recipientsEnd: { page: number; items: number } | null = null
  for (const b of text.recipients) {
    t.block(b)
    if (b.kind === 'paragraph') recipientsEnd = { page: t.pages.length - 1, items: t.page.items.length }
  }

  const blocks = text.body
  const tight = fit.tightPitchTwips
  const setBlock = (i: number, breakBefore?: number): number => {
    if (tight !== null && i >= fit.tightFromBlock) t.lineH = tight
    keepHeadingWithNext(t, blocks, i)
    // The page of the block's first line: the next one when that line does not fit on this one.
    const page = t.pages.length - (t.cursor > 0 && t.cursor + t.lineH > t.typeH + 1e-6 ? 0 : 1)
    const lines = t.block(blocks[i], breakBefore)
    flow.blocks[i] = { page, lines }
    return lines
  }
  const flow: TypesetFlow = {
    blocks: [],
    bodyEnd: { page: 0, cursor: 0 },
    closingLines: 0,
    reserveTwips: 0,
    carried: false,
    recipientsStranded: false,
    imprint: { ownPage: false, blankPageBefore: false, numbered: false },
  }
  const done = () => {
    const pages = t.finish(officialPageNumbers(spec, layout))
    if (recipientsEnd) {
      const content = (items: PreviewPage['items']) => items.some((i) => i.role !== 'pageNumber')
      flow.recipientsStranded =
        !content(pages[recipientsEnd.page].items.slice(recipientsEnd.items)) &&
        pages.slice(recipientsEnd.page + 1).some((p) => content(p.items))
    }
    return { pages, flow }
  }
  const last = blocks.length - 1
  // The standalone headings right before the last block (keep-with-next with it, 7.3.3) and where they start.
  let chainFrom = last
  while (chainFrom > 0 && keepsWithNext(blocks[chainFrom - 1])) chainFrom--
  let chainSnap: ReturnType<Typesetter['snapshot']> | null = null
  for (let i = 0; i < last; i++) {
    if (i === chainFrom) chainSnap = t.snapshot()
    setBlock(i)
  }

  // Issued documents (印发/转发) are the text itself, not attachments to list (no 附件说明).
  const note = steps(t, text.attachmentNote)
  // The 附件说明 items (after its blank lines): with several, the part after 正文 may break between them.
  const noteItems = text.attachmentNote.filter((b) => b.kind === 'paragraph').length
  const closing: Step[] = [...note, ...steps(t, text.attendance), ...steps(t, text.signature), ...steps(t, text.annotations)]
  // 信函格式 (10.1): the 抄送 sits at the foot of the last page; its room is the last step of the part after
  // 正文, so that the page fit counts it (issue 13 item 5: a letter tightened to keep its 署名 sent the one 抄送
  // line to a page of its own after a blank one), and is given back before imprint() sets it.
  const reserve = letterImprintTwips(t, spec)
  let reserved: { page: number; top: number } | null = null
  if (reserve > 0 && closing.length > 0) {
    closing.push(() => {
      // An odd last text page but the first sends the 版记 to the next, even page anyway (imprint(), 7.4).
      if (t.pages.length % 2 === 1 && t.pages.length > 1) return
      const top = t.line(reserve)
      reserved = { page: t.pages.length, top }
    })
  }
  const unreserve = () => {
    if (reserved && reserved.page === t.pages.length) {
      t.cursor = reserved.top
      t.lineCount--
    }
    reserved = null
  }
  const snap = t.snapshot()
  const lastLines = last >= 0 ? setBlock(last) : 0
  flow.bodyEnd = { page: t.pages.length - 1, cursor: t.cursor }
  // The room the page fit keeps for the letter's 版记 where 正文 ends: on an even page or page 1 (see above).
  flow.reserveTwips = reserve > 0 && (flow.bodyEnd.page === 0 || flow.bodyEnd.page % 2 === 1) ? reserve : 0
  const afterBody = t.snapshot()
  if (tight !== null) t.lineH = tight
  const linesBefore = t.lineCount
  closing.forEach((step) => step())
  flow.closingLines = t.lineCount - linesBefore - (reserve > 0 && closing.length > 0 ? 1 : 0)
  if (closing.length > 0 && t.pages.length - 1 > flow.bodyEnd.page && !(last < 0 && snap.cursor === 0)) {
    flow.carried = true
    if (minutes) {
      // 纪要格式 carries no seal and no 署名 that must share a page with 正文 (7.3.5.4 is about the sealed
      // 署名): 正文 fills its page and the part after it (出席/请假/列席, date, 附注), kept together, opens the
      // next one (the exporter writes no keep-with-next on the last 正文 paragraph, and a page break before).
      t.restore(afterBody)
      if (t.cursor > 0) t.newPage()
      if (tight !== null) t.lineH = tight
      // Opening the page: without the blank lines that separate it from 正文.
      closing.slice(closingLeadBlankLines(spec, layout, fit)).forEach((step) => step())
      t.lineH = t.pitch
      attachmentPages(t, text.attachments)
      flow.imprint = imprint(t, spec)
      return done()
    }
    if (noteItems >= 2 && !(last < 0 && snap.cursor === 0)) {
      // 7.3.4 with 7.3.5.4: a 附件说明 of several items breaks between them rather than carry 正文 lines away
      // (issue: a one-line 正文 moved off page 1, leaving the 主送机关 there alone). 正文 stays whole; the
      // blank lines and the first item follow it on its page (keep-with-next), the middle items flow freely,
      // and the last item opens the next page's chain with the 署名, 成文日期 and 附注 when that chain does
      // not fit below them — as the .docx writes it (composeText.ts: keepNext on the last item only).
      t.restore(afterBody)
      if (tight !== null) t.lineH = tight
      const leadBlank = note.length - noteItems
      const free = note.slice(0, note.length - 1)
      const chain = closing.slice(note.length - 1)
      const page = t.pages.length
      // The blank lines and the first item's first line on 正文's page.
      free.slice(0, leadBlank).forEach((step) => step())
      if (t.pages.length === page && t.cursor + t.lineH <= t.typeH + 1e-6) {
        free.slice(leadBlank).forEach((step) => step())
        const beforeChain = t.snapshot()
        const chainPage = t.pages.length
        chain.forEach((step) => step())
        if (t.pages.length > chainPage && beforeChain.cursor > 0) {
          t.restore(beforeChain)
          t.newPage()
          chain.forEach((step) => step())
        }
        unreserve()
        t.lineH = t.pitch
        attachmentPages(t, text.attachments)
        flow.imprint = imprint(t, spec)
        return done()
      }
      t.restore(snap)
      t.lineH = t.pitch
    }
    // Word's keep-with-next with widow/orphan control: the last two lines of 正文 go along (the whole
    // paragraph when it has fewer than four lines, so that neither page keeps a single line of it).
    const lastMovesWhole = last >= 0 && (lastLines < 4 || blocks[last].kind === 'table' || blocks[last].kind === 'image')
    const withChain = lastMovesWhole && chainSnap !== null
    if (withChain && chainSnap) {
      // The headings kept with the last block go with it (keepNext + keepLines in the .docx).
      t.restore(chainSnap)
      if (t.cursor > 0) t.newPage()
      for (let i = chainFrom; i < last; i++) {
        t.lineH = tight !== null && i >= fit.tightFromBlock ? tight : t.pitch
        t.block(blocks[i])
      }
    } else {
      t.restore(snap)
    }
    t.lineH = t.pitch
    if (last >= 0) {
      if (tight !== null && last >= fit.tightFromBlock) t.lineH = tight
      // With the headings before it, the block follows them on the new page (no second break).
      t.block(blocks[last], withChain ? undefined : lastLines >= 4 ? lastLines - 2 : 0)
    } else if (t.cursor > 0) {
      t.newPage()
    }
    if (tight !== null) t.lineH = tight
    closing.forEach((step) => step())
  }
  unreserve()
  t.lineH = t.pitch

  attachmentPages(t, text.attachments)
  flow.imprint = imprint(t, spec)
  return done()
}

/** One paragraph (or blank line) of the part after 正文; the whole part is one keep-with-next chain. */
type Step = () => void

/** The blocks of a part after 正文 as steps, a blank line each (the page fit counts and slices them). */
function steps(t: Typesetter, blocks: PrintBlock[]): Step[] {
  return blocks.flatMap((b): Step[] =>
    b.kind === 'blank' ? Array.from({ length: b.lines }, () => () => void t.line()) : [() => void t.block(b)],
  )
}

/** A standalone heading: kept with what follows and never split (composeText.ts bodyBlocks; keepNext + keepLines in the .docx). */
function keepsWithNext(b: PrintBlock | undefined): boolean {
  return b?.kind === 'paragraph' && b.keepLines === true
}

/** The 附件 pages (composeText.ts attachmentPageBlocks), each opening a page; headings kept with what follows. */
function attachmentPages(t: Typesetter, pages: PrintBlock[][]): void {
  for (const blocks of pages) {
    t.newPage()
    blocks.forEach((b, i) => {
      keepHeadingWithNext(t, blocks, i)
      t.block(b)
    })
  }
}
