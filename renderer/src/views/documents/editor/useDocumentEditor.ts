import { ElMessage, ElMessageBox } from 'element-plus'
import { computed, ref, watch } from 'vue'
import { useRouter } from 'vue-router'
import type { DocumentRecord } from '../../../../../shared/documents/records'
import type { DocumentContent, DocumentFormat, DocumentKind, DocumentSpec } from '../../../../../shared/documents/types'
import { useDocumentsStore } from '../../../stores/documents'
import { useAutosave } from './useAutosave'

/**
 * Loading, editing and the lifecycle actions of one document in the composer. Only a draft is
 * editable (after 签发 the text is locked until 「退回修改」); drafts save themselves (useAutosave).
 */
export function useDocumentEditor(id: () => number) {
  const store = useDocumentsStore()
  const router = useRouter()
  const record = ref<DocumentRecord | null>(null)
  const kind = ref<DocumentKind>('通知')
  const format = ref<DocumentFormat>('file')
  const seriesId = ref<number | null>(null)
  const content = ref<DocumentContent | null>(null)
  const dirty = ref(false)
  const busy = ref(false)

  const editable = computed(() => record.value?.status === 'draft')
  /** Set by the page: marks invalid fields in the form; resolves false when any is invalid. */
  let validate: () => Promise<boolean> = async () => true
  const setValidator = (fn: () => Promise<boolean>) => (validate = fn)
  const spec = computed<DocumentSpec | null>(() =>
    content.value ? { kind: kind.value, format: format.value, content: content.value } : null,
  )

  function adopt(doc: DocumentRecord): void {
    record.value = doc
    kind.value = doc.kind
    format.value = doc.format
    seriesId.value = doc.seriesId
    content.value = structuredClone(doc.content)
    queueMicrotask(() => (dirty.value = false))
  }

  watch([kind, format, seriesId, content], () => (dirty.value = true), { deep: true })

  async function run<T>(action: () => Promise<T>, done?: string): Promise<T | undefined> {
    busy.value = true
    try {
      const result = await action()
      if (done) ElMessage.success(done)
      return result
    } catch (e) {
      ElMessage.error({ message: (e as Error).message, duration: 6000 })
      return undefined
    } finally {
      busy.value = false
    }
  }

  const load = () => run(async () => adopt(await store.get(id())))

  /**
   * Saves the draft. The form is checked first (invalid fields are marked and nothing is sent). What
   * the user typed while the save was on its way is kept: the answer replaces the record, not the
   * text being edited, and the draft stays dirty if it changed meanwhile.
   */
  async function save(quiet = false): Promise<boolean> {
    if (!record.value || !content.value || !editable.value) return false
    if (!(await validate())) {
      if (!quiet) ElMessage.error('请先修改标红的项目')
      return false
    }
    const input = {
      id: record.value.id,
      kind: kind.value,
      format: format.value,
      seriesId: seriesId.value,
      content: JSON.parse(JSON.stringify(content.value)) as DocumentContent,
    }
    const sent = JSON.stringify(input)
    let saved: DocumentRecord | undefined
    if (quiet) {
      // Autosave: no spinner on the buttons; a refusal is still said (it names the field).
      saved = await store.save(input).catch((e: Error) => (ElMessage.error({ message: e.message, duration: 6000 }), undefined))
    } else {
      saved = await run(() => store.save(input), '已保存')
    }
    if (!saved) return false
    record.value = saved
    const now = JSON.stringify({ ...input, kind: kind.value, format: format.value, seriesId: seriesId.value, content: content.value })
    if (now === sent) dirty.value = false
    return true
  }

  // Not while an action (签发, 印发, …) is under way: it decides what happens to the pending text.
  const autosave = useAutosave({
    dirty,
    source: () => [kind.value, format.value, seriesId.value, content.value],
    enabled: computed(() => editable.value && !busy.value),
    save: () => save(true),
  })

  /** Saves pending changes (quietly) before an action; false when they could not be saved. */
  async function settle(): Promise<boolean> {
    autosave.cancel()
    return !dirty.value || !editable.value || (await save(true))
  }

  async function sign(reservedNumberId?: number): Promise<void> {
    if (!(await settle())) return
    const signed = await run(() => store.sign(record.value!.id, reservedNumberId))
    if (signed) {
      adopt(signed)
      ElMessage.success(`已签发，文号：${signed.docNumber}`)
      // a 整改通知书 / 督办单 numbered by a 发文字号 series: its 问题台账 entries are now 已发整改通知 / 已督办
      if ((await store.numberingOf(signed.id))?.mode === 'series') await run(() => store.ledgerIssued(signed.id))
    }
  }

  /** 签发 of a document the 问题台账 numbers by the office's own serial 编号 (supervisionDocuments.sign). */
  async function signSerial(): Promise<void> {
    if (!(await settle())) return
    const signed = await run(() => store.signSerial(record.value!.id))
    if (signed) {
      adopt(signed)
      ElMessage.success(`已签发，编号：${signed.docNumber}`)
    }
  }

  async function markPrinted(): Promise<void> {
    await ElMessageBox.confirm('印发后公文将被锁定，不能再修改（如需更正可创建更正版本）。确定印发吗？', '印发', {
      type: 'warning',
      confirmButtonText: '印发',
      cancelButtonText: '取消',
    }).then(
      async () => {
        const printed = await run(() => store.markPrinted(record.value!.id), '已标记为印发')
        if (printed) adopt(printed)
      },
      () => undefined,
    )
  }

  async function exportDocx(): Promise<void> {
    if (!(await settle())) return
    const where = await run(() => store.exportDocx(record.value!.id))
    if (where) ElMessage.success(`已导出 ${where}`)
  }

  async function revise(): Promise<void> {
    const draft = await run(() => store.revise(record.value!.id))
    if (draft) await router.push(`/documents/${draft.id}`)
  }

  async function duplicate(): Promise<void> {
    if (!(await settle())) return
    const copy = await run(() => store.duplicate(record.value!.id), '已复制为新草稿')
    if (copy) await router.push(`/documents/${copy.id}`)
  }

  /** 退回修改: back from 已签发 to editing, keeping the number; who and why go into the history. */
  async function returnForEdit(reason: string, by: string): Promise<boolean> {
    const back = await run(() => store.returnForEdit(record.value!.id, reason, by), '已退回修改，文号保留不变')
    if (back) adopt(back)
    return Boolean(back)
  }

  async function remove(): Promise<void> {
    await ElMessageBox.confirm('确定删除这份草稿吗？', '删除草稿', {
      type: 'warning',
      confirmButtonText: '删除',
      cancelButtonText: '取消',
    }).then(
      async () => {
        if (await run(() => store.remove(record.value!.id), '草稿已删除')) await router.push('/documents')
      },
      () => undefined,
    )
  }

  return {
    record,
    kind,
    format,
    seriesId,
    content,
    spec,
    dirty,
    busy,
    editable,
    autosave,
    setValidator,
    settle,
    load,
    save,
    sign,
    signSerial,
    markPrinted,
    returnForEdit,
    exportDocx,
    revise,
    duplicate,
    remove,
  }
}
