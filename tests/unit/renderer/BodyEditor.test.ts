// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { ElButton, ElInput, ElTag } from 'element-plus'
import { afterEach, describe, expect, it } from 'vitest'
import type { BodyBlock } from '../../../shared/documents/types'
import BodyEditor from '../../../renderer/src/views/documents/editor/BodyEditor.vue'

const blocks: BodyBlock[] = [
  { level: 1, text: '督导范围' },
  { level: 0, text: '全县中小学。' },
  { level: 1, text: '督导内容' },
  { level: 3, text: '校园安全。' },
  { level: 3, text: '课后服务。' },
]

/**
 * Mounts only what these tests use: the real buttons and text areas; the level select (popper, resize
 * observers) and the paste dialog are stubbed, which keeps a mount in tens of milliseconds on a busy machine.
 */
const warnings: string[] = []
afterEach(() => {
  // A component that cannot be resolved (a stub missing here) or a bad prop shows as a Vue warning: fail on it.
  expect(warnings.splice(0)).toEqual([])
})

function editor(modelValue: BodyBlock[], props: Record<string, unknown> = {}) {
  return mount(BodyEditor, {
    props: { modelValue, ...props },
    global: {
      components: { ElButton, ElInput, ElTag },
      stubs: { ElSelect: true, ElOption: true, ElDialog: true, ElRadioGroup: true, ElRadio: true },
      config: { warnHandler: (msg) => void warnings.push(msg) },
    },
  })
}

const labels = (w: ReturnType<typeof editor>) => w.findAll('.label').map((l) => l.text())

describe('BodyEditor (正文 with generated numbering)', () => {
  it('shows the generated labels, never stored in the text', () => {
    const w = editor(blocks)
    expect(labels(w)).toEqual(['一、', '', '二、', '1.', '2.'])
    expect((w.findAll('textarea')[0].element as HTMLTextAreaElement).value).toBe('督导范围')
    // Each block's level select shows its level.
    expect(w.findAll('el-select-stub').map((s) => s.attributes('model-value'))).toEqual(['1', '0', '1', '3', '3'])
  })

  it('moves a section with its content and renumbers', async () => {
    const w = editor(blocks)
    // The ↑ button of the second 一、 section (block 2).
    const up = w
      .findAll('.block')[2]
      .findAll('button')
      .find((b) => b.attributes('title') === '上移（连同下级内容）')!
    await up.trigger('click')
    const emitted = w.emitted('update:modelValue')!.at(-1)![0] as BodyBlock[]
    expect(emitted.map((b) => b.text)).toEqual(['督导内容', '校园安全。', '课后服务。', '督导范围', '全县中小学。'])
  })

  it('edits text and levels through update:modelValue only', async () => {
    const w = editor(blocks)
    await w.findAll('textarea')[1].setValue('全县中小学、幼儿园。')
    expect((w.emitted('update:modelValue')!.at(-1)![0] as BodyBlock[])[1]).toEqual({ level: 0, text: '全县中小学、幼儿园。' })
    const demote = w
      .findAll('.block')[4]
      .findAll('button')
      .find((b) => b.attributes('title') === '降一级')!
    await demote.trigger('click')
    expect((w.emitted('update:modelValue')!.at(-1)![0] as BodyBlock[])[4].level).toBe(4)
  })

  it('numbers items straight through when asked (continuous)', () => {
    const w = editor(
      [
        { level: 1, text: 'a' },
        { level: 3, text: 'x' },
        { level: 1, text: 'b' },
        { level: 3, text: 'y' },
      ],
      { itemNumbering: 'continuous' },
    )
    expect(labels(w)).toEqual(['一、', '1.', '二、', '2.'])
  })

  it('is read-only for printed documents: no editing buttons', () => {
    const w = editor(blocks, { readonly: true })
    expect(w.findAll('.ops')).toHaveLength(0)
    expect(w.findAll('el-select-stub').map((s) => s.attributes('disabled'))).toEqual(['true', 'true', 'true', 'true', 'true'])
    expect(w.find('.actions').exists()).toBe(false)
  })
})
