import { describe, expect, it } from 'vitest'
import { useOfficeFixture } from '../../helpers/officeFixture'
import { SAMPLE_PROFILE } from '../../helpers/tempWorkspace'
import { exportedFile } from '../../helpers/exported'
import { fillTemplate } from './fillTemplate'

const setup = useOfficeFixture()

/** The save payload of a template document filled in as a clerk would (see fillTemplate), with `content` on top. */
const saveInput = (doc: any, seriesId: number | null, content: Record<string, unknown> = {}) => ({
  id: doc.id,
  kind: doc.kind,
  format: doc.format,
  seriesId,
  content: { ...fillTemplate(doc.content), ...content },
})

describe('documents: templates and lifecycle', () => {
  it('offers the nine templates', async () => {
    const { call } = await setup()
    const names = (await call('documents.templates', {})).map((t: any) => t.name)
    expect(names).toEqual(['印发类通知', '督导通知', '督导通报', '整改通知书', '督办单', '函', '请示', '报告', '纪要'])
  })

  it('fills a new document from the template with the office data', async () => {
    const { call } = await setup()
    const doc = await call('documents.create', { templateKey: 'distribution-notice' })
    expect(doc.status).toBe('draft')
    expect(doc.docNumber).toBe('')
    expect(doc.content.mastheadOrgs).toEqual([SAMPLE_PROFILE.fullName])
    expect(doc.content.mastheadSuffix).toBe('文件')
    expect(doc.content.itemNumbering).toBe('perSection')
    expect(doc.content.signatureOrgs).toEqual([SAMPLE_PROFILE.fullName])
    expect(doc.content.title).toMatch(/^关于印发《原州区\d{4}年教育督导工作要点》的通知$/)
    const letter = await call('documents.create', { templateKey: 'letter' })
    expect(letter).toMatchObject({ kind: '函', format: 'letter' })
    expect(letter.content.mastheadSuffix).toBe('')
    const request = await call('documents.create', { templateKey: 'request' })
    expect(request.content.recipients).toBe(SAMPLE_PROFILE.superior)
  })

  it('draft → signed (numbered, in the register) → printed (frozen) → correction keeps the number', async () => {
    const { env, call, fail, series } = await setup()
    const draft = await call('documents.create', { templateKey: 'distribution-notice' })
    expect(draft.seriesId).toBe(series.id) // the only series is preselected
    await call('documents.save', saveInput(draft, null))
    expect(await fail('documents.sign', { id: draft.id })).toContain('请选择文号系列')

    const saved = await call(
      'documents.save',
      saveInput(draft, series.id, { signedDate: '2024-03-22', printedDate: '2024-03-22', docNumber: '伪造〔2024〕99号' }),
    )
    expect(saved.content.docNumber).toBe('') // the number comes from signing only

    const signed = await call('documents.sign', { id: draft.id })
    expect(signed).toMatchObject({ status: 'signed', docNumber: '固政教督办〔2024〕1号', year: 2024 })
    expect(signed.content.docNumber).toBe('固政教督办〔2024〕1号')
    expect(await fail('documents.sign', { id: draft.id })).toMatch(/不能重复签发/)
    const register = await call('numbers.register', { year: 2024 })
    expect(register).toEqual([
      expect.objectContaining({ seq: 1, status: 'used', title: signed.title, documentId: draft.id, issuedOn: '2024-03-22' }),
    ])

    // After 签发 the text is what was approved: locked until 退回修改, which keeps the number and the year.
    expect(await fail('documents.save', saveInput(signed, series.id, { recipients: '各县（区）教育局' }))).toMatch(/已签发的公文已锁定/)
    const returned = await call('documents.returnForEdit', { id: draft.id, reason: '主送机关有误', by: '王芳' })
    expect(returned).toMatchObject({ status: 'draft', docNumber: '固政教督办〔2024〕1号' })
    expect(await fail('documents.save', saveInput(returned, series.id, { signedDate: '2025-01-02' }))).toContain('2024年内')
    await call('documents.save', saveInput(returned, series.id, { recipients: '各县（区）教育局' }))
    expect((await call('documents.sign', { id: draft.id })).docNumber).toBe('固政教督办〔2024〕1号')
    const printed = await call('documents.markPrinted', { id: draft.id })
    expect(printed.status).toBe('printed')
    expect(await fail('documents.save', saveInput(printed, series.id, { title: '改标题' }))).toMatch(/已印发的公文不能修改/)
    // The database refuses too, whatever the code path.
    expect(() => env.ws.db().prepare('UPDATE documents SET title = ? WHERE id = ?').run('绕过', draft.id)).toThrow(/已印发的公文不能修改/)

    const revision = await call('documents.revise', { id: draft.id })
    expect(revision).toMatchObject({ status: 'draft', revision: 2, revisionOf: draft.id, docNumber: '固政教督办〔2024〕1号' })
    await call('documents.save', saveInput(revision, series.id, { title: '关于印发《原州区工作要点》的通知（更正）' }))
    const reSigned = await call('documents.sign', { id: revision.id })
    expect(reSigned.docNumber).toBe('固政教督办〔2024〕1号')
    const original = await call('documents.get', { id: draft.id })
    expect(original.supersededBy).toBe(revision.id)
    // Consecutive saves (autosave) are one entry.
    expect(original.history.map((h: any) => h.action)).toEqual([
      '新建',
      '保存',
      '签发',
      '退回修改',
      '保存',
      '签发',
      '印发',
      '开始更正',
      '被更正',
    ])
    expect(original.history[3].note).toBe('王芳：主送机关有误（保留文号 固政教督办〔2024〕1号）')
    // The register shows the number once, now pointing at the correction.
    const after = await call('numbers.register', { year: 2024 })
    expect(after).toHaveLength(1)
    expect(after[0]).toMatchObject({ documentId: revision.id, title: '关于印发《原州区工作要点》的通知（更正）' })
    // A new document takes the next number.
    const next = await call('documents.create', { templateKey: 'supervision-bulletin' })
    await call('documents.save', saveInput(next, series.id, { signedDate: '2024-06-01' }))
    expect((await call('documents.sign', { id: next.id })).docNumber).toBe('固政教督办〔2024〕2号')
  })

  it('signs with a reserved number, and voiding a used number voids its document', async () => {
    const { call, fail, series } = await setup()
    const reserved = await call('numbers.reserve', { seriesId: series.id, year: 2024, purpose: '督导通报' })
    await call('numbers.allocate', { seriesId: series.id, year: 2024, title: '其他文件' })
    const doc = await call('documents.create', { templateKey: 'supervision-bulletin' })
    await call('documents.save', saveInput(doc, series.id, { signedDate: '2024-04-10' }))
    const signed = await call('documents.sign', { id: doc.id, reservedNumberId: reserved.id })
    expect(signed.docNumber).toBe('固政教督办〔2024〕1号')
    expect(await fail('documents.sign', { id: doc.id, reservedNumberId: reserved.id })).toBeTruthy()

    await call('numbers.void', { docNumber: '固政教督办〔2024〕1号', reason: '内容有误，撤回', by: '王芳' })
    const voided = await call('documents.get', { id: doc.id })
    expect(voided.status).toBe('voided')
    expect(voided.history.at(-1)).toMatchObject({ action: '文号作废', note: '王芳：内容有误，撤回' })
  })

  it('refuses to sign an upward document without 签发人, and to delete a signed one', async () => {
    const { call, fail, series } = await setup()
    const request = await call('documents.create', { templateKey: 'request' })
    await call('documents.save', saveInput(request, series.id))
    expect(await fail('documents.sign', { id: request.id })).toContain('请示是上行文，请填写签发人')
    expect(request.content.contactNote).toBe(`联系人：${SAMPLE_PROFILE.contactName}，联系电话：${SAMPLE_PROFILE.contactPhone}`)
    await call('documents.save', saveInput(request, series.id, { signers: ['张三'], contactNote: '' }))
    expect(await fail('documents.sign', { id: request.id })).toContain('请示应在附注中注明联系人和电话')
    await call('documents.save', saveInput(request, series.id, { signers: ['张三'] }))
    await call('documents.sign', { id: request.id })
    expect(await fail('documents.delete', { id: request.id })).toMatch(/只能删除草稿/)
    const draft = await call('documents.create', { templateKey: 'letter' })
    await call('documents.delete', { id: draft.id })
    expect(await fail('documents.get', { id: draft.id })).toMatch(/不存在/)
  })

  it('validates content at the boundary and names the field', async () => {
    const { call, fail, series } = await setup()
    const doc = await call('documents.create', { templateKey: 'letter' })
    expect(await fail('documents.save', saveInput(doc, series.id, { copyNumber: '12' }))).toContain('「份号」应为6位数字')
    expect(await fail('documents.save', saveInput(doc, series.id, { urgency: '很急' }))).toContain('「紧急程度」只能是')
    expect(await fail('documents.save', saveInput(doc, series.id, { body: [{ level: 7, text: 'x' }] }))).toContain('段落层级')
    expect(await fail('documents.save', saveInput(doc, 999))).toMatch(/请选择文号系列|不存在/)
  })
})

describe('documents: search', () => {
  it('finds by number, title and body: FTS trigram for 3+ characters, LIKE for 1–2', async () => {
    const { call, series } = await setup()
    const a = await call('documents.create', { templateKey: 'supervision-notice' })
    await call(
      'documents.save',
      saveInput(a, series.id, {
        title: '关于开展春季开学专项督导的通知',
        signedDate: '2023-02-20',
        body: [{ level: 0, text: '重点检查校园安全和食品安全。' }],
      }),
    )
    await call('documents.sign', { id: a.id })
    const b = await call('documents.create', { templateKey: 'report' })
    await call(
      'documents.save',
      saveInput(b, series.id, {
        title: '关于义务教育优质均衡发展情况的报告',
        signedDate: '2024-09-01',
        body: [{ level: 0, text: '差异系数均达到要求。' }],
      }),
    )

    const titles = async (filter: object) => (await call('documents.list', { query: '', ...filter })).items.map((d: any) => d.title)
    expect(await titles({ query: '食品安全' })).toEqual(['关于开展春季开学专项督导的通知'])
    expect(await titles({ query: '均衡' })).toEqual(['关于义务教育优质均衡发展情况的报告'])
    expect(await titles({ query: '督' })).toHaveLength(2)
    expect(await titles({ query: '固政教督办〔2023〕1号' })).toEqual(['关于开展春季开学专项督导的通知'])
    expect(await titles({ query: '差异系数 要求' })).toEqual(['关于义务教育优质均衡发展情况的报告'])
    expect(await titles({ query: '100%_' })).toEqual([])
    expect(await titles({ year: 2024 })).toEqual(['关于义务教育优质均衡发展情况的报告'])
    expect(await titles({ kind: '通知' })).toEqual(['关于开展春季开学专项督导的通知'])
    expect(await titles({ status: 'draft' })).toEqual(['关于义务教育优质均衡发展情况的报告'])
    expect(await titles({ query: '"引号' })).toEqual([])
  })
})

describe('documents: Word export through the service', () => {
  it("uses the office's font profile and names the file after number and title", async () => {
    const { env, call, series } = await setup()
    const doc = await call('documents.create', { templateKey: 'supervision-notice' })
    await call('documents.save', saveInput(doc, series.id, { signedDate: '2024-05-06' }))
    await call('documents.sign', { id: doc.id })
    const file = await exportedFile(env.ws, await call('documents.exportDocx', { id: doc.id }))
    expect(file.fileName).toBe(`固政教督办〔2024〕1号 ${fillTemplate(doc.content).title}.docx`)
    const JSZip = (await import('jszip')).default
    const zip = await JSZip.loadAsync(file.data)
    const xml = (await zip.file('word/document.xml')!.async('string')) + (await zip.file('word/styles.xml')!.async('string'))
    // SAMPLE_PROFILE chose the Windows faces: 仿宋, never 仿宋_GB2312.
    expect(xml).toMatch(/w:eastAsia="仿宋"/)
    expect(xml).not.toContain('仿宋_GB2312')

    await call('office.save', { ...SAMPLE_PROFILE, fontProfile: 'gb2312' })
    const again = await exportedFile(env.ws, await call('documents.exportDocx', { id: doc.id }))
    const zip2 = await JSZip.loadAsync(again.data)
    expect(await zip2.file('word/document.xml')!.async('string')).toContain('仿宋_GB2312')
  })
})

describe('documents: default number series', () => {
  it('preselects the 函 series for a 函 and the 发 series otherwise', async () => {
    const { call, series } = await setup()
    const fa = await call('numbers.saveSeries', { prefix: '固政教督发', name: '发文' })
    const han = await call('numbers.saveSeries', { prefix: '固政教督函', name: '函' })
    expect((await call('documents.create', { templateKey: 'letter' })).seriesId).toBe(han.id)
    expect((await call('documents.create', { templateKey: 'supervision-notice' })).seriesId).toBe(fa.id)
    expect(series.prefix).toBe('固政教督办')
  })
})

describe('documents: copy as a new document', () => {
  it('starts a new draft from a printed document: same text, no number, today as date, own history', async () => {
    const { call, series } = await setup()
    const doc = await call('documents.create', { templateKey: 'supervision-notice' })
    await call(
      'documents.save',
      saveInput(doc, series.id, { title: '关于开展2024年10月责任督学挂牌督导工作的通知', signedDate: '2024-10-08' }),
    )
    await call('documents.sign', { id: doc.id })
    await call('documents.markPrinted', { id: doc.id })
    const copy = await call('documents.duplicate', { id: doc.id })
    expect(copy).toMatchObject({
      status: 'draft',
      docNumber: '',
      revision: 1,
      revisionOf: null,
      seriesId: series.id,
      title: '关于开展2024年10月责任督学挂牌督导工作的通知',
    })
    expect(copy.content.signedDate).not.toBe('2024-10-08')
    expect(copy.history).toEqual([expect.objectContaining({ action: '新建', note: '复制自固政教督办〔2024〕1号' })])
    // The original is untouched and the register still has one number.
    expect((await call('documents.get', { id: doc.id })).status).toBe('printed')
    expect(await call('numbers.register', { year: 2024 })).toHaveLength(1)
  })
})
