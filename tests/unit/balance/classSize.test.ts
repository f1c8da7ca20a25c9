import { describe, expect, it } from 'vitest'
import { classSizeFigures } from '../../../shared/balance/classBands'

describe('班额 in every shape a sheet gives it (classSizeFigures)', () => {
  it('bands, 超过规定班额的班数, 超过45 / 50人的班数 and 最大班额 each give classes over the limit', () => {
    const bands = { b36to40: 6, b41to45: 3, b46to50: 2, b51to55: 1 }
    expect(classSizeFigures({ classBands: bands }, 45)).toMatchObject({ classes: 12, overLimit: 3, basis: 'bands', missing: null })
    expect(classSizeFigures({ classBands: bands }, 50)).toMatchObject({ classes: 12, overLimit: 1, basis: 'bands' })
    expect(classSizeFigures({ classes: 12, classesOverLimit: 4 }, 45)).toMatchObject({ overLimit: 4, basis: 'overLimit' })
    expect(classSizeFigures({ classes: 12, classesOver45: 3, classesOver50: 1 }, 45)).toMatchObject({ overLimit: 3, basis: 'over45' })
    expect(classSizeFigures({ classes: 12, classesOver45: 3, classesOver50: 1 }, 50)).toMatchObject({ overLimit: 1, basis: 'over50' })
    expect(classSizeFigures({ classes: 12, largestClass: 44 }, 45)).toMatchObject({ overLimit: 0, basis: 'largestClass', missing: null })
    expect(classSizeFigures({ classes: 12, largestClass: 50 }, 50)).toMatchObject({ overLimit: 0, basis: 'largestClass' })
  })

  it('says what is missing when no shape settles it', () => {
    expect(classSizeFigures({ classes: 12 }, 45).missing).toBe('没有班额分段、超过45人的班数或最大班额')
    expect(classSizeFigures({ classes: 12, largestClass: 52 }, 45)).toMatchObject({
      overLimit: null,
      missing: '最大班额52人超过45人，但没有超过45人的班数',
    })
    expect(classSizeFigures({ classes: 12, classesOver45: 2 }, 50).missing).toBe('只有超过45人的班数，本学段按超过50人计算')
    expect(classSizeFigures({ largestClass: 40 }, 45).missing).toBe('缺少班数')
  })
})
