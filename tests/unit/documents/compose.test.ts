import { describe, expect, it } from 'vitest'
import { attachmentNoteLines, bodyRuns, letterheadGeometry, mastheadGeometry, signaturePlacement } from '../../../shared/documents/compose'
import { GBT9704_LAYOUT, typeAreaWidthTwips } from '../../../shared/documents/layout'

const L = GBT9704_LAYOUT
const TYPE_W = typeAreaWidthTwips(L)

describe('the 公文 composer: decisions the preview and the .docx share', () => {
  it('sets a level-1/2 heading up to the first 。 in its slot, the rest in 仿宋; ordinary paragraphs in 仿宋', () => {
    expect(bodyRuns(L, { level: 1, text: '强化领导。每月召开一次会议。', label: '一、' })).toEqual([
      { text: '一、强化领导。', font: 'heiti' },
      { text: '每月召开一次会议。', font: 'fangsong' },
    ])
    expect(bodyRuns(L, { level: 2, text: '加强督导', label: '（一）' })).toEqual([{ text: '（一）加强督导', font: 'kaiti' }])
    expect(bodyRuns(L, { level: 0, text: '第一行\n第二行', label: '' })).toEqual([{ text: '第一行第二行', font: 'fangsong' }])
  })

  it('places the sealed 署名 centred over the date, right edges from the 版心 edge, in one model', () => {
    const [org, date] = signaturePlacement(L, { signatureOrgs: [' ABC教育集团 '], signedDate: '2024-03-22' }, 'sealed').map(
      (l) => l.parts[0],
    )
    expect(org.text).toBe('ABC教育集团')
    expect(date.rightTwips).toBe(4 * 315)
    // Centre of the 署名 = centre of the date.
    const centre = (p: typeof org) => (p.leftTwips + TYPE_W - p.rightTwips) / 2
    expect(centre(org)).toBeCloseTo(centre(date), 6)
  })

  it('aligns wrapped 附件说明 names under the first character of the name', () => {
    const lines = attachmentNoteLines(L, [{ title: '工作要点。' }, { title: '责任督学名单' }])
    expect(lines.map((l) => l.text)).toEqual(['附件：1.工作要点', '2.责任督学名单'])
    expect(lines[0].leftTwips).toBe(lines[1].leftTwips)
    expect(lines[0].leftTwips - lines[0].hangingTwips).toBe(2 * 315)
    expect(lines[1].hangingTwips).toBe(0.75 * 315) // "2.": a digit (½) and a Times New Roman full stop (¼ em)
  })

  it('fits the masthead once: joint names trimmed and justified to one width; the letterhead from the first non-empty name', () => {
    const g = mastheadGeometry(L, [' 贺兰县人民政府教育督导室 ', '', '贺兰县教育体育局'], '文件')
    expect(g.joint).toBe(true)
    expect(g.names).toEqual(['贺兰县人民政府教育督导室', '贺兰县教育体育局'])
    expect(g.nameW + g.suffixW).toBeLessThanOrEqual(Math.round((L.masthead.maxWidthMm * 1440) / 25.4) + 2)
    const letter = letterheadGeometry(L, { mastheadOrgs: ['', ' 贺兰县人民政府教育督导室'], mastheadSuffix: '' })
    expect(letter.text).toBe('贺兰县人民政府教育督导室')
    expect(letter.fit.sizePt).toBeLessThanOrEqual(L.letter.mastheadMaxSizePt)
  })
})
