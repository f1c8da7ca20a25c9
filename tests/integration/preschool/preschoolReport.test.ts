import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../electron/core/handlers'
import { fileStore } from '../../../electron/core/files/fileStore'
import { Workspace } from '../../../electron/core/workspace'
import { runCli } from '../../../electron/doors/cli'
import { SAMPLE_PROFILE, tempWorkspace } from '../../helpers/tempWorkspace'
import { fillTemplate, workPlanKindergartens } from '../../helpers/preschoolWorkbooks'

let envs: ReturnType<typeof tempWorkspace>[] = []
afterEach(() => {
  envs.forEach((e) => e.dispose())
  envs = []
})

async function county() {
  const env = tempWorkspace()
  envs.push(env)
  await env.handlers['office.save']({
    ...SAMPLE_PROFILE,
    fullName: '贺兰县人民政府教育督导室',
    shortName: '贺兰县教育督导室',
    mastheadText: '贺兰县人民政府教育督导室文件',
    county: '贺兰县',
  })
  const tpl = fileStore(env.ws).take((await env.handlers['preschool.template']({})).downloadId).data
  const path = join(env.dir, 'kg.xlsx')
  writeFileSync(path, await fillTemplate(tpl, 2024, workPlanKindergartens(), 13895))
  const preview = await env.handlers['preschool.importCheck']({ file: { fileId: fileStore(env.ws).registerInput(path).fileId } })
  await env.handlers['preschool.importCommit']({ token: preview.token, closeIds: [] })
  return env
}

describe('自评报告', () => {
  it('composes the sections from the data and the saved text; the .docx has the table with a repeated header, the chart images and the fonts', async () => {
    const env = await county()
    await env.handlers['preschool.judge']({
      year: 2024,
      itemKey: 'funding',
      status: 'partlyMet',
      note: '生均公用经费拨付偏低',
      evidence: [],
      addFiles: [],
    })
    await env.handlers['preschool.saveReport']({
      year: 2024,
      sections: { basic: '', practices: '一是优化布局。\n二是扩大普惠资源。', problems: '', nextSteps: '持续巩固普及普惠成果。' },
    })
    const report = await env.handlers['preschool.report']({ year: 2024 })
    expect(report.title).toBe('贺兰县学前教育普及普惠督导评估自评报告')
    const texts = report.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []))
    expect(texts).toEqual(
      expect.arrayContaining([
        '一、基本情况',
        '2024年全县共有幼儿园60所，其中，公办园39所，民办园21所；全县在园幼儿13619人，公办园在园幼儿9169人，普惠性民办园幼儿2133人，普惠园幼儿11302人。学前三年毛入园率为98.01%，普惠性幼儿园覆盖率为82.99%，公办园在园幼儿占比为67.33%。',
        '二、主要指标达成情况',
        '三、主要做法和成效',
        '一是优化布局。',
        '二是扩大普惠资源。',
        '四、存在的问题',
        '五、下一步工作',
        '持续巩固普及普惠成果。',
        '贺兰县人民政府教育督导室',
      ]),
    )
    // 存在的问题, generated: the failing items and the judged one not 达标
    expect(texts.find((t) => t.startsWith('（一）'))).toBeTruthy()
    expect(texts.join('\n')).toContain('财政投入到位评定为基本达标：生均公用经费拨付偏低。')
    const table = report.blocks.find((b) => b.kind === 'table')!
    expect(table.kind === 'table' && table.table.rows[0]).toEqual(['序号', '评估指标', '实际值', '标准', '结果'])
    expect(table.kind === 'table' && table.table.rows.find((r) => r[1] === '普惠性幼儿园覆盖率')).toEqual([
      '2',
      '普惠性幼儿园覆盖率',
      '82.99%',
      '≥80%',
      '达标',
    ])
    expect(report.blocks.filter((b) => b.kind === 'image')).toHaveLength(2)

    const out = await env.handlers['preschool.reportDocx']({ year: 2024 })
    expect(out.fileName).toBe('贺兰县学前教育普及普惠督导评估自评报告（2024年）.docx')
    const docx = fileStore(env.ws).take(out.downloadId).data
    const zip = await JSZip.loadAsync(docx)
    const doc = await zip.file('word/document.xml')!.async('string')
    const styles = await zip.file('word/styles.xml')!.async('string')
    expect(doc).toContain('<w:tbl>')
    expect(doc).toContain('<w:tblHeader/>')
    expect(doc).toContain('<w:cantSplit/>')
    expect(doc).toContain('>82.99%<')
    expect(doc).toContain('>表1 贺兰县2024年学前教育普及普惠主要指标达成情况<')
    expect(doc).toContain('>图1 三项普及普惠指标与评估标准<')
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))
    expect(media).toHaveLength(2)
    expect(media.every((f) => f.endsWith('.png'))).toBe(true)
    expect(doc).not.toMatch(/FF0000|C00000/i) // no red masthead: body format
    const fonts = (doc + styles).match(/w:eastAsia="[^"]+"/g) ?? []
    expect(fonts).toEqual(expect.arrayContaining(['w:eastAsia="仿宋"', 'w:eastAsia="黑体"', 'w:eastAsia="华文中宋"'])) // the office's Windows font profile

    // A LibreOffice render to look at (when LibreOffice is installed).
    const dir = join(__dirname, '../../../test-results/preschool')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, '自评报告.docx'), docx)
    if (existsSync('/usr/bin/soffice')) {
      execFileSync('/usr/bin/soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, '自评报告.docx')], {
        timeout: 120_000,
        stdio: 'ignore',
        env: { ...process.env, HOME: dir },
      })
      expect(readFileSync(join(dir, '自评报告.pdf')).subarray(0, 4).toString()).toBe('%PDF')
    }
  }, 180_000)

  it('preschool report --year Y --out f.docx on the command line', async () => {
    const env = await county()
    env.ws.close()
    const out: string[] = []
    const err: string[] = []
    const opened: Workspace[] = []
    const outDir = mkdtempSync(join(tmpdir(), 'dudao-report-'))
    const file = join(outDir, '报告.docx')
    const code = await runCli(
      ['preschool', 'report', '--year', '2024', '--out', file, '--data-dir', env.dir],
      (dataDir) => {
        const ws = new Workspace(dataDir!)
        opened.push(ws)
        return { workspace: ws, handlers: createHandlers(ws) }
      },
      { out: (t) => out.push(t), err: (t) => err.push(t) },
    )
    opened.forEach((w) => w.close())
    expect(err.join('\n')).toBe('')
    expect(code).toBe(0)
    expect(out.join('\n')).toContain('已生成自评报告：')
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK')
    rmSync(outDir, { recursive: true, force: true })
  })
})

describe('the 自评报告 of a year without data', () => {
  it('is refused with a plain message through the doors, not as an internal failure written to the log', async () => {
    const { dispatch } = await import('../../../electron/core/dispatch')
    const dir = mkdtempSync(join(tmpdir(), 'dudao-empty-year-'))
    const ws = new Workspace(dir)
    try {
      const handlers = createHandlers(ws)
      for (const channel of ['preschool.report', 'preschool.reportDocx'] as const) {
        const r = await dispatch(handlers, channel, { year: 2019 })
        expect(r).toEqual({ ok: false, error: expect.objectContaining({ message: '2019 年没有学前教育数据：请先导入该年度的幼儿园数据' }) })
      }
    } finally {
      ws.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
