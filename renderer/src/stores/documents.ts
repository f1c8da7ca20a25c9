import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { InputOf } from '../../../shared/contract'
import type { DocumentRecord, DocumentTemplate, NumberSeries, RegisterEntry } from '../../../shared/documents/records'
import type { DocumentListItem } from '../../../shared/documents/search'
import { call } from '../api/client'
import type { OutputFile } from '../../../shared/files/types'
import { deliverOutputFile } from '../api/download'
import { JobCancelledError, useJobsStore } from './jobs'

/** 公文管理: documents, number series and the register. */
export const useDocumentsStore = defineStore('documents', () => {
  const series = ref<NumberSeries[]>([])
  const templates = ref<DocumentTemplate[]>([])
  /** The list page's current page, the number of all matches and the spellings to highlight. */
  const list = ref<DocumentListItem[]>([])
  const listTotal = ref(0)
  const listHighlights = ref<string[]>([])
  const register = ref<RegisterEntry[]>([])

  async function loadSeries(): Promise<NumberSeries[]> {
    series.value = await call('numbers.listSeries', {})
    return series.value
  }
  async function loadTemplates(): Promise<void> {
    if (!templates.value.length) templates.value = await call('documents.templates', {})
  }
  /** Loads one page of the list (filters, query, order, paging are all the server's). */
  async function search(filter: InputOf<'documents.list'>): Promise<void> {
    const page = await call('documents.list', filter)
    list.value = page.items
    listTotal.value = page.total
    listHighlights.value = page.highlights
  }
  async function loadRegister(year: number, seriesId?: number): Promise<void> {
    register.value = await call('numbers.register', { year, seriesId })
  }

  const get = (id: number) => call('documents.get', { id })
  const create = (templateKey: string) => call('documents.create', { templateKey })
  const save = (input: InputOf<'documents.save'>): Promise<DocumentRecord> => call('documents.save', input)
  const sign = (id: number, reservedNumberId?: number) => call('documents.sign', { id, reservedNumberId })
  /** How a document the 问题台账 generated is numbered (null for any other 公文). */
  const numberingOf = (id: number) => call('supervisionDocuments.numberingOf', { id })
  /** 签发 with the office's own serial 编号 of a 整改通知书 / 督办单. */
  const signSerial = (id: number) => call('supervisionDocuments.sign', { id })
  /** Records in the 问题台账 that a signed 整改通知书 / 督办单 went out. */
  const ledgerIssued = (id: number) => call('supervisionDocuments.issued', { id })
  const markPrinted = (id: number, printedDate?: string) => call('documents.markPrinted', { id, printedDate })
  const returnForEdit = (id: number, reason: string, by: string) => call('documents.returnForEdit', { id, reason, by })
  const revise = (id: number) => call('documents.revise', { id })
  const duplicate = (id: number) => call('documents.duplicate', { id })
  const remove = (id: number) => call('documents.delete', { id })
  /** Exports as a background job (progress panel, cancellable), then saves or downloads; null when cancelled. */
  async function exportDocx(id: number): Promise<string | null> {
    try {
      return await deliverOutputFile(await useJobsStore().run<OutputFile>(() => call('documents.exportDocx', { id })))
    } catch (e) {
      if (e instanceof JobCancelledError) return null
      throw e
    }
  }
  async function exportRegister(year: number, seriesId?: number): Promise<string | null> {
    return deliverOutputFile(await call('numbers.exportRegister', { year, seriesId }))
  }
  const saveSeries = (input: InputOf<'numbers.saveSeries'>) => call('numbers.saveSeries', input)
  const reserve = (input: InputOf<'numbers.reserve'>) => call('numbers.reserve', input)
  const voidNumber = (input: InputOf<'numbers.void'>) => call('numbers.void', input)
  const record = (input: InputOf<'numbers.record'>) => call('numbers.record', input)

  return {
    series,
    templates,
    list,
    listTotal,
    listHighlights,
    register,
    loadSeries,
    loadTemplates,
    search,
    loadRegister,
    get,
    create,
    save,
    sign,
    numberingOf,
    signSerial,
    ledgerIssued,
    markPrinted,
    returnForEdit,
    revise,
    duplicate,
    remove,
    exportDocx,
    exportRegister,
    saveSeries,
    reserve,
    voidNumber,
    record,
  }
})
