import { describe, expect, it } from 'vitest'
import {
  ceilRational,
  compareRational,
  fastCompare,
  fastFixed,
  formatRational,
  formatTrimmed,
  ratio,
  rationalOf,
  roundHalfUp,
} from '../../../shared/statistics/decimal'

describe('half-up rounding on exact decimals', () => {
  it('rounds the decimal a person typed, not its binary neighbour', () => {
    // 1.005 and 2.675 are stored as 1.00499999… and 2.67499999…: toFixed gives 1.00 and 2.67.
    expect((1.005).toFixed(2)).toBe('1.00')
    expect(roundHalfUp(1.005, 2)).toBe(1.01)
    expect(roundHalfUp(2.675, 2)).toBe(2.68)
    expect(roundHalfUp(0.125, 2)).toBe(0.13)
    expect(roundHalfUp(-0.125, 2)).toBe(-0.13)
    expect(roundHalfUp(25.45, 1)).toBe(25.5)
  })

  it('formats ratios of whole counts exactly (published 贺兰县 figures)', () => {
    // 11302 / 13619 = 0.829870…, 9169 / 13619 = 0.6732506… (close to the 67.325 tie, still above it)
    expect(formatRational(ratio(11302, 13619, 100), 2)).toBe('82.99')
    expect(formatRational(ratio(9169, 13619, 100), 2)).toBe('67.33')
    // an exact tie: 1 / 8 = 12.5% → 13% at 0 places, 0.125 → 0.13
    expect(formatRational(ratio(1, 8, 100), 0)).toBe('13')
    expect(formatRational(ratio(0, 5), 2)).toBe('0.00')
  })

  it('compares with thresholds without float error', () => {
    // 0.1 + 0.2 !== 0.3 in floats; 3 / 10 against 0.3 is exactly equal here
    expect(compareRational(ratio(3, 10), rationalOf(0.3))).toBe(0)
    // 21 teachers per 500 students ×100 = 4.2 exactly, meets ≥ 4.2
    expect(compareRational(ratio(21, 500, 100), rationalOf(4.2))).toBe(0)
    expect(compareRational(ratio(1124.5, 250), rationalOf(4.5))).toBe(-1)
  })

  it('reads exponent notation and refuses NaN', () => {
    expect(rationalOf(1e21)).toEqual({ n: 10n ** 21n, d: 1n })
    expect(rationalOf(1.5e-7)).toEqual({ n: 15n, d: 10n ** 8n })
    expect(() => rationalOf(Number.NaN)).toThrow(RangeError)
    expect(() => ratio(1, 0)).toThrow(RangeError)
  })

  it('ceils and trims', () => {
    expect(ceilRational(ratio(7, 2))).toBe(4n)
    expect(ceilRational(ratio(8, 2))).toBe(4n)
    expect(ceilRational(ratio(-7, 2))).toBe(-3n)
    expect(formatTrimmed(0.85, 100)).toBe('85')
    expect(formatTrimmed(0.905, 100)).toBe('90.5')
    expect(formatTrimmed(10.44)).toBe('10.44')
    expect(formatTrimmed(2000)).toBe('2000')
  })
})

describe('fast paths on doubles agree with the exact answer', () => {
  it('fastFixed refuses near ties and otherwise equals formatRational', () => {
    expect(fastFixed(1.005, 2)).toBeNull()
    expect(fastFixed(0.125, 2)).toBeNull()
    expect(fastFixed(82.98700345, 2)).toBe('82.99')
    expect(fastFixed(-0.004, 2)).toBe('0.00')
    // a deterministic sweep of ratios of whole counts, shown as percentages with 2 decimals and ratios with 1
    let seed = 12345
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648)
    for (let i = 0; i < 20000; i++) {
      const d = 1 + (next() % 20000)
      const n = next() % (d * 2)
      const exact = formatRational(ratio(n, d, 100), 2)
      expect(fastFixed((n * 100) / d, 2) ?? exact).toBe(exact)
      const r = formatRational(ratio(n, d), 1)
      expect(fastFixed(n / d, 1) ?? r).toBe(r)
    }
  })

  it('fastCompare refuses near-equal values and otherwise gives the exact sign', () => {
    expect(fastCompare(0.1 + 0.2, 0.3)).toBeNull()
    expect(fastCompare((21 / 500) * 100, 4.2)).toBeNull()
    expect(fastCompare(0.84995, 0.85)).toBe(-1)
    expect(fastCompare(2200, 2000)).toBe(1)
    let seed = 777
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648)
    for (let i = 0; i < 20000; i++) {
      const d = 1 + (next() % 5000)
      const n = next() % (d * 10)
      const t = (next() % 1000) / 100
      const fast = fastCompare((n * 100) / d, t)
      if (fast !== null) expect(fast).toBe(compareRational(ratio(n, d, 100), rationalOf(t)))
    }
  })
})
