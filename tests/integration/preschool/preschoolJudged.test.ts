import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fileStore } from '../../../electron/core/files/fileStore'
import { evidenceData } from '../../../electron/core/evidence/evidenceRepository'
import { fillTemplate, workPlanKindergartens } from '../../helpers/preschoolWorkbooks'
import { tempWorkspace } from '../../helpers/tempWorkspace'

let envs: ReturnType<typeof tempWorkspace>[] = []
afterEach(() => {
  envs.forEach((e) => e.dispose())
  envs = []
})

async function imported() {
  const env = tempWorkspace()
  envs.push(env)
  const tpl = fileStore(env.ws).take((await env.handlers['preschool.template']({})).downloadId).data
  const path = join(env.dir, 'kg.xlsx')
  writeFileSync(path, await fillTemplate(tpl, 2024, workPlanKindergartens(), 13895))
  const preview = await env.handlers['preschool.importCheck']({ file: { fileId: fileStore(env.ws).registerInput(path).fileId } })
  await env.handlers['preschool.importCommit']({ token: preview.token, closeIds: [] })
  return env
}

describe('preschool judged items, evidence and rubric variants', () => {
  it('a judged item is saved with its note and evidence stored in the database', async () => {
    const env = await imported()
    const evidence = join(env.dir, '县委常委会纪要.pdf')
    writeFileSync(evidence, '%PDF-1.4 minutes')
    const ref = fileStore(env.ws).registerInput(evidence)
    const j = await env.handlers['preschool.judge']({
      year: 2024,
      itemKey: 'leadership',
      status: 'met',
      note: '每年专题研究',
      evidence: [],
      addFiles: [{ fileId: ref.fileId }],
    })
    expect(j).toEqual({ status: 'met', note: '每年专题研究', evidence: ['县委常委会纪要.pdf'] })
    const stored = () => evidenceData(env.ws.db(), 'preschool', 2024, 'leadership', '县委常委会纪要.pdf')
    expect(stored()?.toString()).toBe('%PDF-1.4 minutes')
    const item = (await env.handlers['preschool.indicators']({ year: 2024 })).indicators.find((i) => i.key === 'leadership')
    expect(item).toMatchObject({ status: 'judged', display: '达标' })
    // keeping the list without the file drops it from the item, and its content with it
    await env.handlers['preschool.judge']({ year: 2024, itemKey: 'leadership', status: 'partlyMet', note: '', evidence: [], addFiles: [] })
    expect((await env.handlers['preschool.view']({ year: 2024 }))!.judgements.leadership).toEqual({
      status: 'partlyMet',
      note: '',
      evidence: [],
    })
    expect(stored()).toBeNull()
    await expect(async () =>
      env.handlers['preschool.judge']({ year: 2024, itemKey: 'publicShare', status: 'met', note: '', evidence: [], addFiles: [] }),
    ).rejects.toThrow('「publicShare」不是评定项')
  })

  it('a provincial variant (毛入园率 ≥ 99%) chosen for a year changes that year only', async () => {
    const env = await imported()
    await env.handlers['preschool.saveVariant']({
      id: 'ningxia-2024',
      name: '宁夏实施细则',
      region: '宁夏',
      thresholds: { grossEnrolmentRate: 0.99 },
      sourceNote: '宁教督〔2021〕1号',
    })
    await env.handlers['preschool.chooseRubric']({ year: 2024, rubricId: 'ningxia-2024' })
    const json = await env.handlers['preschool.indicators']({ year: 2024 })
    expect(json.rubric.id).toBe('ningxia-2024')
    expect(json.indicators.find((i) => i.key === 'grossEnrolmentRate')).toMatchObject({
      display: '98.01%',
      threshold: 0.99,
      status: 'notMet',
    })
    const view = (await env.handlers['preschool.view']({ year: 2024 }))!
    expect(view.rubricChoices.map((r) => r.id)).toEqual(['preschool-universality-2020', 'ningxia-2024'])
    await expect(async () =>
      env.handlers['preschool.saveVariant']({ id: 'bad-variant', name: '错误', region: '某地', thresholds: { nothing: 1 } }),
    ).rejects.toThrow('未知的指标：nothing')
    await expect(async () => env.handlers['preschool.chooseRubric']({ year: 2024, rubricId: 'unknown' })).rejects.toThrow(
      '没有这个指标体系',
    )
  })
})
