// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { BodyBlock, TableBlock } from '../../../shared/documents/types'
import BodyEditor from '../../../renderer/src/views/documents/editor/BodyEditor.vue'

const blocks: BodyBlock[] = [
  { level: 1, text: '督导范围' },
  { level: 0, text: '全县中小学。' },
  { level: 1, text: '督导内容' },
  { level: 3, text: '校园安全。' },
  { level: 3, text: '课后服务。' },
]

/**
 * The writing surface mounts plain text areas and buttons; the two dialogs (insert table, paste) are stubbed.
 * There is no Element Plus component per paragraph: a mount with none registered must not warn.
 */
const warnings: string[] = []
afterEach(() => {
  // A component that cannot be resolved or a bad prop shows as a Vue warning: fail on it.
  expect(warnings.splice(0)).toEqual([])
})

function mounted(modelValue: BodyBlock[], props: Record<string, unknown> = {}) {
  let model = modelValue
  const w = mount(BodyEditor, {
    props: {
      modelValue,
      'onUpdate:modelValue': async (b: BodyBlock[]) => {
        model = b
        await w.setProps({ modelValue: b })
      },
      ...props,
    },
    attachTo: document.body,
    global: {
      stubs: { ElDialog: true, ElInput: true, ElInputNumber: true, ElCheckbox: true, ElButton: true, ElRadioGroup: true, ElRadio: true },
      config: { warnHandler: (msg) => void warnings.push(msg) },
    },
  })
  return { w, model: () => model }
}

const markers = (w: ReturnType<typeof mount>) => w.findAll('[data-test=level-marker]').map((l) => l.text())
const areas = (w: ReturnType<typeof mount>) => w.findAll('textarea').map((t) => t.element as HTMLTextAreaElement)

async function key(area: HTMLTextAreaElement, init: KeyboardEventInit, caret?: number) {
  if (caret !== undefined) area.setSelectionRange(caret, caret)
  area.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }))
  await new Promise((r) => setTimeout(r, 0))
}

describe('BodyEditor (the 正文 writing surface)', () => {
  it('shows generated labels as light markers, text in plain text areas, no select per paragraph', () => {
    const { w } = mounted(blocks)
    expect(markers(w)).toEqual(['一、', '正文', '二、', '1.', '2.'])
    expect(areas(w).map((a) => a.value)).toEqual(blocks.map((b) => b.text))
    expect(w.findAll('select, .el-select')).toHaveLength(0)
    expect(w.find('[data-test=body-help]').text()).toContain('Tab / Shift+Tab')
  })

  it('Enter splits a paragraph at the caret; Backspace at the start merges it back', async () => {
    const { w, model } = mounted([{ level: 0, text: '全县中小学。幼儿园。' }])
    await key(areas(w)[0], { key: 'Enter' }, 6)
    expect(model()).toEqual([
      { level: 0, text: '全县中小学。' },
      { level: 0, text: '幼儿园。' },
    ])
    expect(document.activeElement).toBe(areas(w)[1])
    await key(areas(w)[1], { key: 'Backspace' }, 0)
    expect(model()).toEqual([{ level: 0, text: '全县中小学。幼儿园。' }])
    expect(areas(w)[0].selectionStart).toBe(6)
  })

  it('Tab / Shift+Tab and Alt+→ / Alt+← change the level; Alt+↑ / Alt+↓ move a section with its content', async () => {
    const { w, model } = mounted(blocks)
    await key(areas(w)[4], { key: 'Tab' })
    expect(model()[4].level).toBe(4)
    await key(areas(w)[4], { key: 'Tab', shiftKey: true })
    await key(areas(w)[4], { key: 'ArrowLeft', altKey: true })
    expect(model()[4].level).toBe(2)
    await key(areas(w)[1], { key: 'ArrowRight', altKey: true })
    expect(model()[1].level).toBe(1)
    const { w: w2, model: model2 } = mounted(blocks)
    await key(areas(w2)[2], { key: 'ArrowUp', altKey: true })
    expect(model2().map((b) => b.text)).toEqual(['督导内容', '校园安全。', '课后服务。', '督导范围', '全县中小学。'])
    // The caret moved with the section.
    expect(document.activeElement).toBe(areas(w2)[0])
  })

  it('a paste of several numbered lines goes through the paste parser at the caret', async () => {
    const { w, model } = mounted([{ level: 0, text: '前文。后文。' }])
    const area = areas(w)[0]
    area.setSelectionRange(3, 3)
    const event = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent
    Object.defineProperty(event, 'clipboardData', { value: { getData: () => '一、工作目标\n（一）提高质量。\n1.加强督导。' } })
    area.dispatchEvent(event)
    await new Promise((r) => setTimeout(r, 0))
    expect(event.defaultPrevented).toBe(true)
    expect(model()).toEqual([
      { level: 0, text: '前文。' },
      { level: 1, text: '工作目标' },
      { level: 2, text: '提高质量。' },
      { level: 3, text: '加强督导。' },
      { level: 0, text: '后文。' },
    ])
  })

  it('the one level menu sets a paragraph level', async () => {
    const { w, model } = mounted(blocks)
    await w.findAll('[data-test=level-marker]')[1].trigger('click')
    expect(w.findAll('[data-test=level-menu]')).toHaveLength(1)
    await w.findAll('[data-test=level-menu] button')[2].trigger('click')
    expect(model()[1].level).toBe(2)
    expect(w.find('[data-test=level-menu]').exists()).toBe(false)
    // A press elsewhere closes it.
    await w.findAll('[data-test=level-marker]')[0].trigger('click')
    expect(w.find('[data-test=level-menu]').exists()).toBe(true)
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    await w.vm.$nextTick()
    expect(w.find('[data-test=level-menu]').exists()).toBe(false)
  })

  it('numbers items straight through when asked (continuous)', () => {
    const { w } = mounted(
      [
        { level: 1, text: 'a' },
        { level: 3, text: 'x' },
        { level: 1, text: 'b' },
        { level: 3, text: 'y' },
      ],
      { itemNumbering: 'continuous' },
    )
    expect(markers(w)).toEqual(['一、', '1.', '二、', '2.'])
  })

  it('edits a table in place: cells, rows, columns, header, delete', async () => {
    const table: TableBlock = {
      kind: 'table',
      level: 0,
      text: '问题清单',
      table: {
        columns: [{ auto: true }, { auto: true }],
        headerRows: 1,
        rows: [
          ['学校', '问题'],
          ['', ''],
        ],
      },
    }
    const { w, model } = mounted([{ level: 0, text: '问题如下：' }, table])
    const cells = () => w.findAll('[data-test=body-table] textarea')
    expect(cells()).toHaveLength(4)
    await cells()[2].setValue('第一小学')
    expect((model()[1] as TableBlock).table.rows[1]).toEqual(['第一小学', ''])
    // Enter in the last row adds a row below.
    await key(cells()[3].element as HTMLTextAreaElement, { key: 'Enter' })
    expect((model()[1] as TableBlock).table.rows).toHaveLength(3)
    await w.find('[data-test=table-add-column]').trigger('click')
    expect((model()[1] as TableBlock).table.columns).toHaveLength(3)
    await cells()[0].trigger('focus')
    await w.find('[data-test=table-remove-column]').trigger('click')
    expect((model()[1] as TableBlock).table.rows[0]).toEqual(['问题', ''])
    await w.find('[data-test=table-header]').setValue(false)
    expect((model()[1] as TableBlock).table.headerRows).toBe(0)
    await w.find('[data-test=table-remove]').trigger('click')
    expect(model()).toEqual([{ level: 0, text: '问题如下：' }])
  })

  it('is read-only for printed documents: text, no text areas, no toolbar', () => {
    const { w } = mounted(blocks, { readonly: true })
    expect(w.findAll('textarea')).toHaveLength(0)
    expect(w.find('.toolbar').exists()).toBe(false)
    expect(w.findAll('.text-static').map((t) => t.text())).toEqual(blocks.map((b) => b.text))
  })

  it('marks a paragraph over the contract limit where it is', () => {
    const { w } = mounted([{ level: 0, text: '字'.repeat(10_001) }])
    expect(w.find('[data-test=paragraph-error]').text()).toContain('10000')
  })
})
