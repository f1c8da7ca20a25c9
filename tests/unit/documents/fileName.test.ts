import { describe, expect, it } from 'vitest'
import { documentFileBase, safeFileName } from '../../../shared/format/fileName'

describe('file names Windows accepts', () => {
  it('replaces forbidden and control characters, trims dots and spaces, avoids device names', () => {
    expect(safeFileName('关于<督导>结果: "A/B" 卷*?|\\', '.docx')).toBe('关于_督导_结果_ _A_B_ 卷_.docx')
    expect(safeFileName('标题\u0000\u0007带控制符\t\n', '.docx')).toBe('标题_带控制符.docx')
    expect(safeFileName(' ...通知... ', '.docx')).toBe('通知.docx')
    expect(safeFileName('CON', '.docx')).toBe('_CON.docx')
    expect(safeFileName('nul.txt', '.docx')).toBe('_nul.txt.docx')
    expect(safeFileName('...', '.docx', '公文')).toBe('公文.docx')
    expect([...safeFileName('长'.repeat(300), '.docx')].length).toBe(125)
  })

  it('names a document after its number and title', () => {
    expect(safeFileName(documentFileBase({ docNumber: '贺政教督发〔2024〕4号', title: '关于印发《工作要点》的通知' }), '.docx')).toBe(
      '贺政教督发〔2024〕4号 关于印发《工作要点》的通知.docx',
    )
    expect(documentFileBase({ docNumber: '', title: '' })).toBe('草稿 未命名公文')
  })
})
