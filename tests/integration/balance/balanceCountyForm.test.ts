import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/core/dispatch'
import { tempWorkspace } from '../../helpers/tempWorkspace'

let envs: ReturnType<typeof tempWorkspace>[] = []
afterEach(() => {
  envs.forEach((e) => e.dispose())
  envs = []
})

describe('balance.saveCounty: the county figures form', () => {
  it('saves the 政府保障 / 教育质量 / 社会认可度 figures of a year and the checklist uses them', async () => {
    const env = tempWorkspace()
    envs.push(env)
    const saved = await env.handlers['balance.saveCounty']({
      year: 2024,
      figures: {
        rotation: { numerator: 12, denominator: 100 },
        satisfaction: { numerator: 860, denominator: 1000 },
        retention: { numerator: 1010, denominator: 1000 }, // 巩固率 may pass 100% (transfers in)
      },
    })
    expect(saved).toMatchObject({ statYear: 2024, rotation: { numerator: 12, denominator: 100 } })
    const json = await env.handlers['balance.indicators']({ year: 2024 })
    const item = (key: string) => json.checklist.find((i: { key: string }) => i.key === key) as { status: string } | undefined
    expect(item('rotation')?.status).toBe('met')
    expect(item('satisfaction')?.status).toBe('met')
    expect(item('quotaAllocation')?.status).toBe('noData')

    // a second save changes the pairs it names, clears those set to null, keeps the rest
    await env.handlers['balance.saveCounty']({ year: 2024, figures: { rotation: { numerator: 5, denominator: 100 }, satisfaction: null } })
    const again = await env.handlers['balance.indicators']({ year: 2024 })
    const st = (key: string) => (again.checklist.find((i: { key: string }) => i.key === key) as { status: string }).status
    expect(st('rotation')).toBe('notMet')
    expect(st('satisfaction')).toBe('noData')
    expect(st('retention')).toBe('met')
  })

  it('refuses bad figures with Chinese messages naming the field, writing nothing', async () => {
    const env = tempWorkspace()
    envs.push(env)
    const bad = async (figures: object) => env.handlers['balance.saveCounty']({ year: 2024, figures } as never)
    await expect(bad({ rotation: { numerator: 120, denominator: 100 } })).rejects.toThrow(
      '「交流轮岗教师数」120 大于「符合交流条件教师数」100',
    )
    await expect(bad({ rotation: { numerator: 12, denominator: null } })).rejects.toThrow(
      '已填写「交流轮岗教师数」，请同时填写「符合交流条件教师数」',
    )
    await expect(bad({ rotation: { numerator: -1, denominator: 100 } })).rejects.toThrow('「交流轮岗教师数」应为不小于0的整数')
    await expect(bad({ rotation: { numerator: 1.5, denominator: 100 } })).rejects.toThrow('「交流轮岗教师数」')
    // through the contract's check (the doors): unknown keys and non-integers name the field
    const viaDoor = (figures: object) => dispatch(env.handlers, 'balance.saveCounty', { year: 2024, figures })
    expect(await viaDoor({ nothing: { numerator: 1, denominator: 2 } })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('nothing') },
    })
    expect(await viaDoor({ rotation: { numerator: 1.5, denominator: 100 } })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('「交流轮岗教师数」') },
    })
    expect(await viaDoor({ satisfaction: { numerator: 1, denominator: -3 } })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('「有效问卷数」') },
    })
    const json = await env.handlers['balance.indicators']({ year: 2024 })
    expect((json.checklist.find((i: { key: string }) => i.key === 'rotation') as { status: string }).status).toBe('noData')
  })
})
