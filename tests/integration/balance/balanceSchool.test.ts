import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fileStore } from '../../../electron/core/files/fileStore'
import { fillBalanceTemplate, sampleCounty } from '../../helpers/balanceWorkbooks'
import { tempWorkspace } from '../../helpers/tempWorkspace'

let envs: ReturnType<typeof tempWorkspace>[] = []
afterEach(() => {
  envs.forEach((e) => e.dispose())
  envs = []
})

type Env = ReturnType<typeof tempWorkspace>

async function importYear(env: Env, year: number, parts: ReturnType<typeof sampleCounty>) {
  const tpl = fileStore(env.ws).take((await env.handlers['balance.template']({})).downloadId).data
  const path = join(env.dir, `学校${year}.xlsx`)
  writeFileSync(path, await fillBalanceTemplate(tpl, year, parts))
  const preview = await env.handlers['balance.importCheck']({
    file: { fileId: fileStore(env.ws).registerInput(path, { name: `学校${year}.xlsx` }).fileId },
  })
  expect(preview.problems).toEqual([])
  await env.handlers['balance.importCommit']({ token: preview.token })
}

describe('balance.school: a school page', () => {
  it("gives a school's history per year and 学段 part, with a failing indicator and what it needs", async () => {
    const env = tempWorkspace()
    envs.push(env)
    // 2023: the same county with 洪广小学's equipment at the standard's level; 2024: the sample as it is
    await importYear(
      env,
      2023,
      sampleCounty().map((p) => (p.name === '贺兰县洪广小学' ? { ...p, equipment: (p.students as number) * 3000 } : p)),
    )
    await importYear(env, 2024, sampleCounty())
    const view = (await env.handlers['balance.view']({ year: 2024 }))!
    const id = view.schools.find((s) => s.name === '贺兰县洪广小学')!.institutionId

    const page = await env.handlers['balance.school']({ institutionId: id })
    expect(page.institution.name).toBe('贺兰县洪广小学')
    expect(page.years.map((y) => y.year)).toEqual([2023, 2024])
    const [y2023, y2024] = page.years
    expect(y2024.parts.map((p) => p.stage)).toEqual(['小学'])
    expect(y2024.sources.join('')).toContain('学校2024.xlsx')
    const part = y2024.parts[0]
    expect(part).not.toHaveProperty('evaluation')
    expect(part.verdict).toBe('notMet')
    const eq = part.indicators.equipmentValuePerStudent
    expect(eq.met).toBe(false)
    expect(eq.value).toBeLessThan(0.85 * eq.standard!)
    // the same figures as the dashboard's evaluation of that year
    const dash = view.evaluation.schools.find((s) => s.schoolId === String(id))!
    expect(part.indicators).toEqual(dash.indicators)
    expect(part.plan!.steps.map((s) => `${s.amountName} ${s.add} ${s.unit}`)).toContain('教学仪器设备值 594080 元')
    // 2023: equipment met, so the history differs
    expect(y2023.parts[0].indicators.equipmentValuePerStudent.met).toBe(true)

    // a 九年一贯制 school shows both 学段 parts
    const nine = view.schools.find((s) => s.stages.length === 2)!
    const ninePage = await env.handlers['balance.school']({ institutionId: nine.institutionId })
    expect(ninePage.years[1].parts.map((p) => p.stage)).toEqual(['小学', '初中'])

    await expect(Promise.resolve().then(() => env.handlers['balance.school']({ institutionId: 999999 }))).rejects.toThrow('没有这所学校')
  })
})
