// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'

const calls: { channel: string; input: unknown }[] = []
const delivered: unknown[] = []
vi.mock('../../../renderer/src/api/client', () => ({
  ApiError: Error,
  call: async (channel: string, input: unknown) => {
    calls.push({ channel, input })
    return { downloadId: `d_${'x'.repeat(32)}`, fileName: (input as { name: string }).name, mimeType: 'application/pdf', bytes: 9 }
  },
}))
vi.mock('../../../renderer/src/api/download', () => ({
  deliverOutputFile: async (file: { fileName: string }) => {
    delivered.push(file)
    return file.fileName
  },
}))
vi.mock('../../../renderer/src/api/files', () => ({
  pickInputFile: async () => ({ fileId: `f_${'p'.repeat(32)}`, name: '现场照片.jpg', bytes: 2048 }),
}))
afterEach(() => {
  calls.length = 0
  delivered.length = 0
})

/** The smallest year view the checklist reads: one judged item with a stored file. */
function view() {
  return {
    year: 2024,
    evaluation: {
      groups: [{ key: 'government', name: '政府保障情况' }],
      indicators: [
        { key: 'leadership', kind: 'judged', group: 'government', name: '党委政府重视', judgement: 'met', display: '达标' },
        { key: 'grossEnrolmentRate', kind: 'computed', group: 'coverage', name: '毛入园率' },
      ],
    },
    judgements: { leadership: { status: 'met', note: '', evidence: ['县委常委会会议纪要.pdf'] } },
  }
}

describe('stored 佐证材料 can be opened again', () => {
  it('学前教育 checklist: each stored file is a link that downloads it through evidence.download', async () => {
    const JudgedChecklist = (await import('../../../renderer/src/views/preschool/JudgedChecklist.vue')).default
    const w = mount(JudgedChecklist, { props: { view: view() as never }, global: { plugins: [ElementPlus] } })
    const link = w.find('[data-test=judged-leadership] [data-test=evidence-download]')
    expect(link.exists()).toBe(true)
    expect(link.text()).toBe('县委常委会会议纪要.pdf')
    await link.trigger('click')
    await flushPromises()
    expect(calls).toEqual([
      {
        channel: 'evidence.download',
        input: { module: 'preschool', statYear: 2024, itemKey: 'leadership', name: '县委常委会会议纪要.pdf' },
      },
    ])
    expect(delivered).toHaveLength(1)
    // the × removes it from the item's list (kept until the item is saved)
    await w.find('[data-test=judged-leadership] [data-test=evidence-remove]').trigger('click')
    expect(w.find('[data-test=judged-leadership] [data-test=evidence-download]').exists()).toBe(false)
  })

  it('says where a new file goes: into the database, carried by the backup (not a data folder)', async () => {
    const JudgedChecklist = (await import('../../../renderer/src/views/preschool/JudgedChecklist.vue')).default
    const w = mount(JudgedChecklist, { props: { view: view() as never }, global: { plugins: [ElementPlus] } })
    const add = w.findAll('[data-test=judged-leadership] button').find((b) => b.text() === '添加佐证材料')!
    await add.trigger('click')
    await flushPromises()
    const pending = w.find('[data-test=judged-leadership] .files').text()
    expect(pending).toContain('现场照片.jpg（保存后存入数据库，随备份保存）')
    expect(pending).not.toContain('数据目录')
  })

  it('the link component works for 优质均衡 too', async () => {
    const EvidenceFileLink = (await import('../../../renderer/src/components/EvidenceFileLink.vue')).default
    const w = mount(EvidenceFileLink, {
      props: { module: 'balance', statYear: 2023, itemKey: 'layout', name: '布局规划.pdf' },
      global: { plugins: [ElementPlus] },
    })
    expect(w.find('[data-test=evidence-remove]').exists()).toBe(false)
    await w.find('[data-test=evidence-download]').trigger('click')
    await flushPromises()
    expect(calls[0]).toEqual({
      channel: 'evidence.download',
      input: { module: 'balance', statYear: 2023, itemKey: 'layout', name: '布局规划.pdf' },
    })
  })
})
