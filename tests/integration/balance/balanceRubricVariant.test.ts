import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fileStore } from '../../../electron/core/files/fileStore'
import { cli } from '../../helpers/cliRunner'
import { fillBalanceTemplate, sampleCounty } from '../../helpers/balanceWorkbooks'
import { tempWorkspace } from '../../helpers/tempWorkspace'

let envs: ReturnType<typeof tempWorkspace>[] = []
afterEach(() => {
  envs.forEach((e) => e.dispose())
  envs = []
})

type Env = ReturnType<typeof tempWorkspace>

async function importYear(env: Env, year: number) {
  const tpl = fileStore(env.ws).take((await env.handlers['balance.template']({})).downloadId).data
  const path = join(env.dir, `学校${year}.xlsx`)
  writeFileSync(path, await fillBalanceTemplate(tpl, year, sampleCounty()))
  const preview = await env.handlers['balance.importCheck']({
    file: { fileId: fileStore(env.ws).registerInput(path, { name: `学校${year}.xlsx` }).fileId },
  })
  expect(preview.problems).toEqual([])
  await env.handlers['balance.importCommit']({ token: preview.token })
}

describe('优质均衡 provincial rubric variants (one mechanism with 学前教育)', () => {
  it('a variant raising the 小学 equipment standard, chosen for 2024, turns a passing school into a failing one (that year only)', async () => {
    const env = tempWorkspace()
    envs.push(env)
    await importYear(env, 2023)
    await importYear(env, 2024)
    const before = await env.handlers['balance.indicators']({ year: 2024 })
    expect(before.rubric.id).toBe('balanced-development-2017')
    // a 小学 part that meets all seven, its equipment value per student in 元
    const school = before.schools.find((s) => s.stage === '小学' && !s.excluded && s.metCount === 7)!
    expect(school.verdict).toBe('met')
    const value = school.indicators.equipmentValuePerStudent.value!
    const raised = Math.ceil(value / 0.85) + 100 // more than 15% above the school's value: 6 of 7 no longer enough

    const view0 = (await env.handlers['balance.view']({ year: 2024 }))!
    expect(view0.rubricChoices.map((r) => r.id)).toEqual(['balanced-development-2017'])
    expect(view0.thresholds.standards.equipmentValuePerStudent).toEqual({ 小学: 2000, 初中: 2500 })

    await env.handlers['balance.saveVariant']({
      id: 'province-2024',
      name: '某省优质均衡实施细则',
      region: '某省',
      thresholds: { equipmentValuePerStudent: { 小学: raised } },
      sourceNote: '某教督〔2024〕1号',
    })
    // saved but not chosen: nothing changes
    expect((await env.handlers['balance.indicators']({ year: 2024 })).rubric.id).toBe('balanced-development-2017')
    await env.handlers['balance.chooseRubric']({ year: 2024, rubricId: 'province-2024' })

    const after = await env.handlers['balance.indicators']({ year: 2024 })
    expect(after.rubric.id).toBe('province-2024')
    const s2 = after.schools.find((s) => s.id === school.id && s.stage === '小学')!
    expect(s2.indicators.equipmentValuePerStudent).toMatchObject({ value, standard: raised, met: false })
    expect(s2.verdict).toBe('notMet')
    // only the 小学 value was raised: 初中 keeps the bundled 2500
    const view = (await env.handlers['balance.view']({ year: 2024 }))!
    expect(view.rubric.id).toBe('province-2024')
    expect(view.thresholds.standards.equipmentValuePerStudent).toEqual({ 小学: raised, 初中: 2500 })
    expect(view.rubricChoices.map((r) => r.id)).toEqual(['balanced-development-2017', 'province-2024'])
    // 2023 still uses the bundled rubric
    const y2023 = await env.handlers['balance.indicators']({ year: 2023 })
    expect(y2023.rubric.id).toBe('balanced-development-2017')
    expect(y2023.schools.find((s) => s.id === school.id && s.stage === '小学')!.verdict).toBe('met')

    // the report and the command line use the chosen variant too
    const report = await env.handlers['balance.reportBlocks']({ year: 2024 })
    expect(JSON.stringify(report.blocks)).toContain(String(raised))
    const text = await cli(['balance', 'indicators', '--year', '2024', '--data-dir', env.dir])
    expect(text.out).toContain('province-2024')
    const listed = await cli(['balance', 'rubric', '--year', '2024', '--data-dir', env.dir])
    expect(listed.out).toContain('* province-2024\t某省优质均衡实施细则（某省，基于 balanced-development-2017）')
    expect(listed.out).toContain('  balanced-development-2017\t')
    const used = await cli(['balance', 'rubric', '--year', '2023', '--use', 'province-2024', '--data-dir', env.dir])
    expect(used.code).toBe(0)
    expect(used.out).toContain('2023年适用：某省优质均衡实施细则')
    expect((await env.handlers['balance.indicators']({ year: 2023 })).rubric.id).toBe('province-2024')
    const unknown = await cli(['balance', 'rubric', '--year', '2023', '--use', 'nothing', '--data-dir', env.dir])
    expect(unknown.code).not.toBe(0)
    expect(unknown.err).toContain('没有这个指标体系')

    // 学前教育 variants live in the same table but are not choices of 优质均衡, and vice versa
    await env.handlers['preschool.saveVariant']({ id: 'ningxia-2024', name: '宁夏实施细则', region: '宁夏', thresholds: {} })
    expect((await env.handlers['balance.view']({ year: 2024 }))!.rubricChoices.map((r) => r.id)).not.toContain('ningxia-2024')
    await expect(async () => env.handlers['balance.chooseRubric']({ year: 2024, rubricId: 'ningxia-2024' })).rejects.toThrow(
      '没有这个指标体系',
    )
    await expect(async () =>
      env.handlers['balance.saveVariant']({ id: 'ningxia-2024', name: '冲突', region: '某地', thresholds: {} }),
    ).rejects.toThrow('这个编号已被其他指标体系的变体使用')
    await expect(async () =>
      env.handlers['balance.saveVariant']({ id: 'bad-one', name: '错误', region: '某地', thresholds: { classSize: { 小学: 2 } } }),
    ).rejects.toThrow()
    await expect(async () =>
      env.handlers['balance.saveVariant']({ id: 'bad-two', name: '错误', region: '某地', thresholds: { nothing: 1 } }),
    ).rejects.toThrow('未知的指标：nothing')
  })
})
