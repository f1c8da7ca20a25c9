/**
 * Exact decimal arithmetic for statistics: comparisons with thresholds, half-up rounding (四舍五入)
 * and ceilings, computed on integers (BigInt) so that binary floating point never decides a
 * published figure.
 *
 * A JavaScript number is read through its shortest round-trip decimal text (`String(x)`), which is
 * what a user typed or what a spreadsheet stored: 1.005 is the decimal 1.005 (not the binary
 * 1.00499999999999989…), so `roundHalfUp(1.005, 2) === 1.01`, as a person rounding by hand expects.
 *
 * Pure module: no I/O.
 */

/** An exact rational number n / d with d > 0 (BigInt numerator and denominator). */
export interface Rational {
  n: bigint
  d: bigint
}

const DECIMAL_RE = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i

const POW10: bigint[] = []
function pow10(k: number): bigint {
  return (POW10[k] ??= 10n ** BigInt(k))
}

/**
 * The exact rational value of the decimal text of `x` (String(x)).
 * Throws RangeError for NaN and ±Infinity: callers must turn missing data into 无数据 before
 * arithmetic, never into NaN.
 */
export function rationalOf(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`不是有限数值：${x}`)
  const m = DECIMAL_RE.exec(String(x))
  if (!m) throw new RangeError(`无法解析的数值：${x}`)
  const [, sign, intPart, frac = '', exp = '0'] = m
  let n = BigInt(intPart + frac)
  let scale = frac.length - Number(exp)
  if (sign === '-') n = -n
  if (scale <= 0) {
    n *= pow10(-scale)
    scale = 0
  }
  return { n, d: pow10(scale) }
}

/**
 * The exact rational `numerator × multiplier ÷ denominator` (e.g. multiplier 100 for "per hundred
 * students"). Throws RangeError when the denominator is 0 or a value is not finite: check for
 * 无数据 first.
 */
export function ratio(numerator: number, denominator: number, multiplier = 1): Rational {
  const a = rationalOf(numerator)
  const b = rationalOf(denominator)
  const m = rationalOf(multiplier)
  if (b.n === 0n) throw new RangeError('分母为0')
  let n = a.n * b.d * m.n
  let d = a.d * b.n * m.d
  if (d < 0n) {
    n = -n
    d = -d
  }
  return { n, d }
}

/** Sign of a − b: -1, 0 or 1, exact. */
export function compareRational(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d
  const r = b.n * a.d
  return l < r ? -1 : l > r ? 1 : 0
}

/** a × b, exact. */
export function mulRational(a: Rational, b: Rational): Rational {
  return { n: a.n * b.n, d: a.d * b.d }
}

/** a − b, exact. */
export function subRational(a: Rational, b: Rational): Rational {
  return { n: a.n * b.d - b.n * a.d, d: a.d * b.d }
}

/** Nearest double to a rational (for values handed on as numbers). */
export function toNumber(r: Rational): number {
  // Scale to 17 significant digits through a decimal string so huge BigInts stay accurate.
  const neg = r.n < 0n
  const n = neg ? -r.n : r.n
  const intPart = n / r.d
  let rem = n % r.d
  let frac = ''
  for (let i = 0; i < 20; i++) {
    rem *= 10n
    frac += (rem / r.d).toString()
    rem %= r.d
  }
  return Number(`${neg ? '-' : ''}${intPart}.${frac}`)
}

/** Smallest integer ≥ r. */
export function ceilRational(r: Rational): bigint {
  const q = r.n / r.d // truncates toward zero
  return r.n > 0n && r.n % r.d !== 0n ? q + 1n : q
}

/**
 * The rational rounded half-up (四舍五入: ties away from zero) to `decimals` places, as fixed-point
 * text without grouping: fixed({n: 11302n, d: 13619n} × 100, 2) === '82.99'.
 */
export function formatRational(r: Rational, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) throw new RangeError(`小数位数无效：${decimals}`)
  const neg = r.n < 0n
  const n = neg ? -r.n : r.n
  const scaled = (2n * n * pow10(decimals) + r.d) / (2n * r.d) // floor(x·10^k + 1/2)
  let digits = scaled.toString()
  if (decimals > 0) {
    digits = digits.padStart(decimals + 1, '0')
    digits = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`
  }
  const isZero = scaled === 0n
  return `${neg && !isZero ? '-' : ''}${digits}`
}

/** `x` rounded half-up to `decimals` places, as a number: roundHalfUp(1.005, 2) === 1.01, roundHalfUp(2.675, 2) === 2.68. */
export function roundHalfUp(x: number, decimals: number): number {
  return Number(formatRational(rationalOf(x), decimals))
}

/**
 * Decimal text of a threshold without trailing zeros: 0.85 → '85' when shown in percent
 * (multiplier 100), 4.5 → '4.5', 2000 → '2000'. Exact, at most 6 decimals.
 */
export function formatTrimmed(x: number, multiplier = 1): string {
  const text = formatRational(ratio(x, 1, multiplier), 6)
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text
}

/**
 * Sign of x − t decided on doubles when the gap is far above floating-point error (relative 1e-9);
 * null when the two are too close to tell (then compare exactly with compareRational). A fast
 * path for the common case: the answer is the same as the exact comparison whenever it is not null.
 */
export function fastCompare(x: number, t: number): -1 | 1 | null {
  const tol = 1e-9 * Math.max(1, Math.abs(x), Math.abs(t))
  const gap = x - t
  return gap > tol ? 1 : gap < -tol ? -1 : null
}

/**
 * Half-up text of x to `decimals` places computed on doubles when x is clearly away from a rounding
 * tie; null near a tie or for huge values (then use formatRational on the exact value). Whenever it
 * is not null the text equals formatRational's.
 */
export function fastFixed(x: number, decimals: number): string | null {
  if (!Number.isFinite(x)) return null
  const scaled = Math.abs(x) * 10 ** decimals
  if (scaled > 1e12) return null
  const floor = Math.floor(scaled)
  const frac = scaled - floor
  if (Math.abs(frac - 0.5) < 1e-7 * Math.max(1, scaled)) return null
  const rounded = frac > 0.5 ? floor + 1 : floor
  let digits = String(rounded)
  if (decimals > 0) {
    digits = digits.padStart(decimals + 1, '0')
    digits = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`
  }
  return `${x < 0 && rounded !== 0 ? '-' : ''}${digits}`
}
