import { ElMessage, ElMessageBox } from 'element-plus'
import { computed, ref, watch } from 'vue'
import { useRouter } from 'vue-router'
import type { DocumentRecord } from '../../../../../shared/documents/records'
import type { DocumentContent, DocumentFormat, DocumentKind, DocumentSpec } from '../../../../../shared/documents/types'
import { useDocumentsStore } from '../../../stores/documents'

/** Loading, editing and the lifecycle actions of one document in the composer. */
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

  const editable = computed(() => record.value?.status === 'draft' || record.value?.status === 'signed')
  const spec = computed<DocumentSpec | null>(() => (content.value ? { kind: kind.value, format: format.value, content: content.value } : null))

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

  async function save(quiet = false): Promise<boolean> {
    if (!record.value || !content.value) return false
    const saved = await run(() => store.save({ id: record.value!.id, kind: kind.value, format: format.value, seriesId: seriesId.value, content: content.value! }), quiet ? undefined : '已保存')
    if (saved) adopt(saved)
    return Boolean(saved)
  }

  async function sign(reservedNumberId?: number): Promise<void> {
    if (dirty.value && !(await save(true))) return
    const signed = await run(() => store.sign(record.value!.id, reservedNumberId))
    if (signed) {
      adopt(signed)
      ElMessage.success(`已签发，文号：${signed.docNumber}`)
    }
  }

  async function markPrinted(): Promise<void> {
    if (dirty.value && !(await save(true))) return
    await ElMessageBox.confirm('印发后公文将被锁定，不能再修改（如需更正可创建更正版本）。确定印发吗？', '印发', { type: 'warning', confirmButtonText: '印发', cancelButtonText: '取消' }).then(
      async () => {
        const printed = await run(() => store.markPrinted(record.value!.id), '已标记为印发')
        if (printed) adopt(printed)
      },
      () => undefined,
    )
  }

  async function exportDocx(): Promise<void> {
    if (dirty.value && editable.value && !(await save(true))) return
    const where = await run(() => store.exportDocx(record.value!.id))
    if (where) ElMessage.success(`已导出 ${where}`)
  }

  async function revise(): Promise<void> {
    const draft = await run(() => store.revise(record.value!.id))
    if (draft) await router.push(`/documents/${draft.id}`)
  }

  async function duplicate(): Promise<void> {
    if (dirty.value && editable.value && !(await save(true))) return
    const copy = await run(() => store.duplicate(record.value!.id), '已复制为新草稿')
    if (copy) await router.push(`/documents/${copy.id}`)
  }

  async function remove(): Promise<void> {
    await ElMessageBox.confirm('确定删除这份草稿吗？', '删除草稿', { type: 'warning', confirmButtonText: '删除', cancelButtonText: '取消' }).then(
      async () => {
        if (await run(() => store.remove(record.value!.id), '草稿已删除')) await router.push('/documents')
      },
      () => undefined,
    )
  }

  return { record, kind, format, seriesId, content, spec, dirty, busy, editable, load, save, sign, markPrinted, exportDocx, revise, duplicate, remove }
}
