/**
 * The printable blank 督导记录表 (.docx through exportBlocksDocx): its rows in the XML, the month's theme
 * and standing checklist when a month is given, and one A4 page when rendered by LibreOffice (skipped when
 * absent; set DOCX_RENDER_DIR to keep the PNG page).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import { cli } from '../../helpers/cliRunner'
import { hasCommand, renderPdf, textLayout } from '../../helpers/pdfLayout'
import { tempWorkspace } from '../../helpers/tempWorkspace'
import { dispatch } from '../../../electron/core/dispatch'

let envs: ReturnType<typeof tempWorkspace>[] = []
afterEach(() => {
  envs.forEach((e) => e.dispose())
  envs = []
})

const compact = (s: string) => s.replace(/<[^>]+>/g, '').replace(/\s/g, '')

describe('the blank visit record form', () => {
  it('has every row, the 督导事项 as tick boxes and, for a month, its theme and checklist; fits one page', async () => {
    const env = tempWorkspace()
    envs.push(env)
    await dispatch(env.handlers, 'supervision.savePlan', {
      year: 2025,
      standingChecklist: ['校园安全巡查', '食堂与饮水卫生'],
      months: [{ month: 3, theme: '开学检查', topics: ['教学秩序'] }],
    })
    const out = join(env.dir, '..', `${env.dir.split('/').pop()}-记录表.docx`)
    const r = await cli(['supervision', 'visit', 'form', '--month', '2025-03', '--out', out, '--data-dir', env.dir])
    expect(r.err).toBe('')
    const docx = readFileSync(out)
    const xml = compact(await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string'))
    for (const t of [
      '中小学校责任督学挂牌督导记录表',
      '学校名称',
      '督导日期',
      '责任督学',
      '随同督学',
      '发现的问题',
      '好的做法',
      '整改意见',
      '学校意见',
      '督学签字',
    ]) {
      expect(xml).toContain(t)
    }
    expect(xml).toContain('2025年3月：开学检查（教学秩序）')
    expect(xml).toContain('□校园安全巡查□食堂与饮水卫生')
    expect(xml).toContain('□学校管理与制度落实□招生、收费与学籍')
    expect(xml).toContain('听课＿＿节查阅资料＿＿份')
    rmSync(out)
    if (!hasCommand('libreoffice')) return
    const dir = process.env.DOCX_RENDER_DIR ?? mkdtempSync(join(tmpdir(), 'record-form-'))
    const pages = textLayout(renderPdf(docx, dir, 'record-form'))
    expect(pages).toHaveLength(1)
  })
})
