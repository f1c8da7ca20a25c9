// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus, { ElSelect } from 'element-plus'
import { describe, expect, it, vi } from 'vitest'
import type { ImportPreview } from '../../../shared/imports/types'
import ImportWizard from '../../../renderer/src/components/imports/ImportWizard.vue'

const base: ImportPreview = {
  token: `i_${'a'.repeat(32)}`,
  fileName: '学校.xlsx',
  rowsRead: 2,
  rowsAccepted: 1,
  columns: [
    { column: 'A', header: '学校名称', field: '学校名称' },
    { column: 'C', header: '备注', field: null },
  ],
  problems: [{ sheet: '学校', row: 4, column: 'B', value: '约八百', reason: '应为不超过 6 位的非负整数' }],
  warnings: ['第 C 列「备注」不是可导入的项目，已忽略'],
  sample: [{ 学校名称: '第一小学', 在校生数: 1200 }],
  canCommit: false,
  expiresAt: '2026-03-01T08:30:00.000Z',
}

function wizard(preview: ImportPreview) {
  const pick = vi.fn(async () => ({ fileId: `f_${'b'.repeat(32)}`, name: '学校.xlsx', bytes: 2048 }))
  const check = vi.fn(async () => preview)
  const commit = vi.fn(async () => ({ rowsWritten: preview.rowsAccepted }))
  const w = mount(ImportWizard, { props: { pick, check, commit }, global: { plugins: [ElementPlus] } })
  return { w, pick, check, commit }
}

describe('ImportWizard (check, then commit)', () => {
  it('shows every problem located and refuses the commit', async () => {
    const { w, check, commit } = wizard(base)
    await w.find('[data-test=import-choose]').trigger('click')
    await flushPromises()
    expect(check).toHaveBeenCalledWith({ fileId: `f_${'b'.repeat(32)}` })
    expect(w.find('[data-test=import-file]').text()).toBe('学校.xlsx（2.0 KB）')
    expect(w.find('[data-test=import-summary]').text()).toContain('读取 2 行，发现 1 处问题，请修改文件后重新选择')
    expect(w.find('[data-test=import-problems]').text()).toContain('约八百')
    expect(w.find('[data-test=import-problems]').text()).toContain('应为不超过 6 位的非负整数')
    expect(w.text()).toContain('第 C 列「备注」不是可导入的项目，已忽略')
    expect(w.findAll('[data-test=import-column]').map((t) => t.text())).toEqual(['A 学校名称', 'C 备注（忽略）'])
    expect(w.find('[data-test=import-commit]').attributes('disabled')).toBeDefined()
    // no count of rows it will not import (review of issue 11: 「确认导入 7 行」 beside 「发现 11 处问题」)
    expect(w.find('[data-test=import-commit]').text()).toBe('确认导入')
    await w.find('[data-test=import-commit]').trigger('click')
    expect(commit).not.toHaveBeenCalled()
  })

  it('commits a clean file with its token and says how many rows were written', async () => {
    const { w, commit } = wizard({ ...base, problems: [], warnings: [], canCommit: true, rowsRead: 1 })
    await w.find('[data-test=import-choose]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test=import-sample]').text()).toContain('第一小学')
    await w.find('[data-test=import-commit]').trigger('click')
    await flushPromises()
    expect(commit).toHaveBeenCalledWith(base.token)
    expect(w.find('[data-test=import-done]').text()).toContain('已导入 1 行')
    expect(w.emitted('committed')).toEqual([[{ rowsWritten: 1 }]])
  })
})

describe('ImportWizard with the check as a background job', () => {
  it("shows the job's progress (rows checked of rows) and a 取消 while checking", async () => {
    vi.resetModules()
    const cancelled: string[] = []
    vi.doMock('../../../renderer/src/api/jobEvents', () => ({ onJobEvent: () => () => undefined, ready: async () => undefined }))
    vi.doMock('../../../renderer/src/api/client', () => ({
      ApiError: Error,
      call: async (channel: string, input: { jobId: string }) => {
        if (channel === 'jobs.cancel') cancelled.push(input.jobId)
        return {
          jobId: input.jobId,
          kind: 'balance.importCheckJob',
          title: '检查',
          state: 'running',
          done: 400,
          total: 900,
          message: '正在取消……',
          cancellable: true,
          seq: 9,
        }
      },
    }))
    const { createPinia, setActivePinia } = await import('pinia')
    const pinia = createPinia()
    setActivePinia(pinia)
    const { useJobsStore } = await import('../../../renderer/src/stores/jobs')
    const Wizard = (await import('../../../renderer/src/components/imports/ImportWizard.vue')).default
    const jobs = useJobsStore()
    let finish: (p: ImportPreview) => void = () => undefined
    const check = vi.fn(
      () =>
        new Promise<ImportPreview>((resolve) => {
          finish = resolve
          jobs.jobs['j_1'] = {
            jobId: 'j_1',
            kind: 'balance.importCheckJob',
            title: '检查义务教育学校数据文件',
            state: 'running',
            done: 400,
            total: 900,
            message: '正在检查第 401 行……',
            cancellable: true,
            seq: 5,
          }
        }),
    )
    const pick = vi.fn(async () => ({ fileId: `f_${'b'.repeat(32)}`, name: '学校.xlsx', bytes: 2048 }))
    const w = mount(Wizard, {
      props: { pick, check, commit: vi.fn(), jobKind: 'balance.importCheckJob' },
      global: { plugins: [ElementPlus, pinia] },
    })
    await w.find('[data-test=import-choose]').trigger('click')
    await flushPromises()
    const progress = w.find('[data-test=import-progress]')
    expect(progress.exists()).toBe(true)
    expect(progress.text()).toContain('44%') // 400 of 900
    expect(progress.text()).toContain('正在检查第 401 行……')
    await w.find('[data-test=import-cancel]').trigger('click')
    await flushPromises()
    expect(cancelled).toEqual(['j_1'])
    finish({ ...base, problems: [], warnings: [], canCommit: true })
    await flushPromises()
    expect(w.find('[data-test=import-progress]').exists()).toBe(false)
    expect(w.find('[data-test=import-summary]').exists()).toBe(true)
    vi.doUnmock('../../../renderer/src/api/jobEvents')
    vi.doUnmock('../../../renderer/src/api/client')
  })
})

describe('ImportWizard with a 统计年度 choice (files that state no year)', () => {
  const ok: ImportPreview = { ...base, problems: [], warnings: [], canCommit: true, rowsRead: 1 }
  const fileRef = { fileId: `f_${'b'.repeat(32)}` }
  function withYear(defaultYear: number | null) {
    const pick = vi.fn(async () => ({ ...fileRef, name: 'v5-staff.xlsx', bytes: 6814 }))
    const check = vi.fn(async (_file: unknown, _options?: { year?: number }) => ok)
    const w = mount(ImportWizard, {
      props: { pick, check, commit: vi.fn(), chooseYear: true, defaultYear },
      global: { plugins: [ElementPlus] },
    })
    return { w, check }
  }

  it("offers 统计年度 preset to the page's year and sends it with the check", async () => {
    const { w, check } = withYear(2024)
    const field = w.find('[data-test=import-year]')
    expect(field.exists()).toBe(true)
    expect(field.text()).toContain('统计年度')
    expect(w.findComponent(ElSelect).props('modelValue')).toBe(2024)
    await w.find('[data-test=import-choose]').trigger('click')
    await flushPromises()
    expect(check).toHaveBeenLastCalledWith(fileRef, { year: 2024 })
  })

  it('another year re-checks the chosen file with it; empty takes the year from the file', async () => {
    const { w, check } = withYear(2024)
    await w.find('[data-test=import-choose]').trigger('click')
    await flushPromises()
    w.findComponent(ElSelect).vm.$emit('update:modelValue', 2023)
    await flushPromises()
    expect(check).toHaveBeenCalledTimes(2)
    expect(check).toHaveBeenLastCalledWith(fileRef, { year: 2023 })
    w.findComponent(ElSelect).vm.$emit('update:modelValue', null)
    await flushPromises()
    expect(check).toHaveBeenLastCalledWith(fileRef, {})
  })

  it('starts empty (from the file) when the page has no year yet', async () => {
    const { w, check } = withYear(null)
    expect(w.findComponent(ElSelect).props('modelValue')).toBeNull()
    await w.find('[data-test=import-choose]').trigger('click')
    await flushPromises()
    expect(check).toHaveBeenLastCalledWith(fileRef, {})
  })

  it('offers no year where the module does not ask for one', () => {
    const { w } = wizard(base)
    expect(w.find('[data-test=import-year]').exists()).toBe(false)
  })
})
