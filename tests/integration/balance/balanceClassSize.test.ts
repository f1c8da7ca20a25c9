import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { fileStore } from '../../../electron/core/files/fileStore'
import { tempWorkspace } from '../../helpers/tempWorkspace'

let envs: ReturnType<typeof tempWorkspace>[] = []
afterEach(() => {
  envs.forEach((e) => e.dispose())
  envs = []
})

/** A hand-made sheet: 班数 with 最大班额 / 超过45人的班数 / 超过50人的班数 in place of the 班额 bands. */
async function sheet(dir: string, header: string[], rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const s = wb.addWorksheet('学校')
  s.addRow(['统计年度', '学校（机构）名称', '学校（机构）办学类型', '学段', '在校生数：合计', '班数：合计', ...header])
  for (const r of rows) s.addRow(r)
  const file = join(dir, '班额.xlsx')
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()))
  return file
}

async function importFile(env: ReturnType<typeof tempWorkspace>, path: string) {
  const preview = await env.handlers['balance.importCheck']({
    file: { fileId: fileStore(env.ws).registerInput(path, { name: '班额.xlsx' }).fileId },
  })
  expect(preview.problems).toEqual([])
  await env.handlers['balance.importCommit']({ token: preview.token })
}

describe('班额 without bands: largest class and classes over 45 / 50', () => {
  it('computes 第5项 from 超过45人的班数 (小学), 51人及以上班数 (初中) and 最大班额, instead of 无数据', async () => {
    const env = tempWorkspace()
    envs.push(env)
    const file = await sheet(
      env.dir,
      ['最大班额', '超过45人的班数', '51人及以上班数'],
      [
        [2024, '甲小学', '小学', '小学', 400, 10, 48, 2, null],
        [2024, '乙小学', '小学', '小学', 300, 8, 42, null, null],
        [2024, '丙中学', '初级中学', '初中', 500, 10, 55, null, 1],
      ],
    )
    await importFile(env, file)
    const view = (await env.handlers['balance.view']({ year: 2024 }))!
    const item = view.evaluation.checklist.items.find((i) => i.key === 'classSize')!
    // (10 − 2) + (8 − 0) + (10 − 1) = 25 of 28 classes within the limit
    expect(item.value).toBeCloseTo(25 / 28, 10)
    expect(item.status).toBe('notMet')
    expect(item.missing ?? []).toEqual([])
  })

  it('lists the schools whose 班额 cannot be settled (a largest class over 45 without the count)', async () => {
    const env = tempWorkspace()
    envs.push(env)
    const file = await sheet(
      env.dir,
      ['最大班额'],
      [
        [2024, '甲小学', '小学', '小学', 400, 10, 48],
        [2024, '乙小学', '小学', '小学', 300, 8, 42],
      ],
    )
    await importFile(env, file)
    const view = (await env.handlers['balance.view']({ year: 2024 }))!
    const item = view.evaluation.checklist.items.find((i) => i.key === 'classSize')!
    expect(item.missing).toEqual(['甲小学'])
    expect(item.value).toBe(1)
    // each school's page says what its 班额 lacks
    const idOf = (name: string) => view.schools.find((s) => s.name === name)!.institutionId
    const jia = await env.handlers['balance.school']({ institutionId: idOf('甲小学') })
    expect(jia.years[0].parts[0].classSize).toEqual({
      classes: 10,
      overLimit: null,
      limit: 45,
      missing: '最大班额48人超过45人，但没有超过45人的班数',
    })
    const yi = await env.handlers['balance.school']({ institutionId: idOf('乙小学') })
    expect(yi.years[0].parts[0].classSize).toEqual({ classes: 8, overLimit: 0, limit: 45, missing: null })
  })

  it('refuses counts that cannot be: more classes over 45 than classes, more over 50 than over 45', async () => {
    const env = tempWorkspace()
    envs.push(env)
    const file = await sheet(env.dir, ['超过45人的班数', '超过50人的班数'], [[2024, '甲小学', '小学', '小学', 400, 10, 12, 13]])
    const preview = await env.handlers['balance.importCheck']({
      file: { fileId: fileStore(env.ws).registerInput(file, { name: '班额.xlsx' }).fileId },
    })
    expect(preview.problems.map((p) => p.reason)).toEqual([
      '「超过45人的班数」12 多于班数 10',
      '「超过50人的班数」13 多于班数 10',
      '「超过50人的班数」13 多于「超过45人的班数」12',
    ])
  })
})
