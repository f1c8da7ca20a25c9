/**
 * The 公文 composer's 版头 (GB/T 9704-2012 7.2) and 信函格式 letterhead (10.1) as blocks (shared/print/blocks.ts):
 * 份号 / 密级 / 紧急程度, the red 发文机关标志 35 mm below the 版心 top, 发文字号 (with 签发人 for a 上行文) two blank
 * lines below it, the red separator 4 mm below the number and the title two lines below that — every distance
 * computed here (compose.ts has the geometry), so that the preview (elements.ts layHeadBlock) and the .docx writer
 * (electron/core/export/docx/masthead.ts headBlock) only draw them: the preview at positions, Word with spacer
 * paragraphs, a borderless table for joint issuance and a framed header paragraph for the letterhead. Pure.
 */
import { mmToTwips, ptToTwips, type LayoutProfile } from './layout'
import { UPWARD_KINDS, type DocumentSpec } from './types'
import type { PrintBlock } from '../print/blocks'
import {
  headBlocks,
  letterFirstLineTop,
  letterheadGeometry,
  letterRules,
  mastheadGeometry,
  separatorRule,
  separatorToTitleTwips,
  signerLines,
} from './compose'

/** The 版头 of `spec`: `header` for the first page's header (the letterhead of 信函格式), `flow` for the body's top. */
export function composeHead(spec: DocumentSpec, layout: LayoutProfile): { header: PrintBlock[]; flow: PrintBlock[] } {
  const c = spec.content
  const pitch = layout.grid.linePitchTwips
  const head = headBlocks(c)
  if (spec.format === 'letter') {
    const g = letterheadGeometry(layout, c)
    const lines = Math.max(1, head.length)
    return {
      header: [
        {
          kind: 'letterhead',
          text: g.text,
          fit: { sizePt: g.fit.sizePt, scale: g.fit.scale },
          lineTwips: g.lineTwips,
          topTwips: mmToTwips(layout.letter.mastheadTopFromPageMm),
          rules: letterRules(layout, c),
        },
      ],
      flow: [
        // The first line 7/8 of a 3号 character below the upper double line (compose.ts letterFirstLineTop).
        { kind: 'spacer', twips: letterFirstLineTop(layout, c) },
        ...Array.from({ length: lines }, (_, i): PrintBlock => ({
          kind: 'letterLine',
          head: head[i] ? { role: head[i].role, runs: head[i].runs } : null,
          docNumber: i === 0 ? c.docNumber.trim() : '',
        })),
        { kind: 'spacer', twips: layout.letter.blankLinesToTitle * pitch },
      ],
    }
  }
  const m = mastheadGeometry(layout, c.mastheadOrgs, c.mastheadSuffix)
  return {
    header: [],
    flow: [
      ...head,
      // The masthead's top edge topBelowTypeAreaMm (35 mm) below the 版心 top (7.2.3).
      { kind: 'spacer', twips: mmToTwips(layout.masthead.topBelowTypeAreaMm) - head.length * pitch },
      {
        kind: 'masthead',
        masthead: {
          joint: m.joint,
          text: m.text,
          names: m.names,
          suffix: c.mastheadSuffix,
          fit: { sizePt: m.fit.sizePt, scale: m.fit.scale },
          lineTwips: m.lineTwips,
          nameW: m.nameW,
          suffixW: m.suffixW,
        },
      },
      // From the bottom of the masthead's characters, blankLinesToNumber blank lines, then the number line (7.2.4).
      { kind: 'spacer', twips: layout.masthead.blankLinesToNumber * pitch - (m.lineTwips - ptToTwips(m.fit.sizePt)) },
      {
        kind: 'docNumberLines',
        docNumber: c.docNumber.trim(),
        upward: UPWARD_KINDS.includes(spec.kind),
        signers: UPWARD_KINDS.includes(spec.kind) ? signerLines(layout, c.signers) : null,
        separator: separatorRule(layout).geometry,
      },
      // The title separator.blankLinesToTitle lines below the red line (7.2.5).
      { kind: 'spacer', twips: separatorToTitleTwips(layout) - pitch },
    ],
  }
}
