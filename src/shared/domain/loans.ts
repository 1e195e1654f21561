/*
 * Micro-loan schedules, as DOMAIN.md fixes them. Amounts are tögrög in minor
 * units (1 ₮ = 100); every instalment is a whole number of the rounding unit
 * (100 ₮). The monthly rate is exact: millionths (1.5% a month = 15 000);
 * the weekly rate is monthly × 12 / 52. Interest is computed with integers
 * (BigInt), so a schedule is the same on every machine and engine.
 */

/** 100 ₮ in minor units: instalments are whole multiples of it. */
export const ROUNDING_UNIT = 100_00
/** A monthly rate of 1% in millionths. */
export const PERCENT = 10_000

export type InterestMethod = 'flat' | 'declining'

export interface LoanTerms {
  principalMinor: number
  /** Weekly instalments. */
  instalments: number
  method: InterestMethod
  /** The monthly rate in millionths (1.5% = 15 000); 0 allowed. */
  monthlyRateMicro: number
}

export interface Instalment {
  /** 1-based. */
  n: number
  principalMinor: number
  interestMinor: number
  totalMinor: number
}

/** Rounds a non-negative rational num/den to the nearest unit, halves up. */
function roundToUnit(num: bigint, den: bigint): number {
  const unit = BigInt(ROUNDING_UNIT)
  return Number(((num * 2n + den * unit) / (2n * den * unit)) * unit)
}

/** Rounds up to the unit. */
function ceilToUnit(minor: number): number {
  return Math.ceil(minor / ROUNDING_UNIT) * ROUNDING_UNIT
}

/** Interest on `balance` for `weeks` weeks at the weekly rate (monthly × 12 / 52), rounded to the unit. */
export function weeklyInterest(balanceMinor: number, monthlyRateMicro: number, weeks = 1): number {
  return roundToUnit(BigInt(balanceMinor) * BigInt(monthlyRateMicro) * 12n * BigInt(weeks), 52n * 1_000_000n)
}

/** Why the terms give no schedule, or null. */
export function termsProblem(t: LoanTerms, anyPrincipal = false): 'principal' | 'instalments' | 'rate' | 'tooSmall' | null {
  if (!Number.isSafeInteger(t.principalMinor) || t.principalMinor <= 0 || (!anyPrincipal && t.principalMinor % ROUNDING_UNIT !== 0)) return 'principal'
  if (!Number.isInteger(t.instalments) || t.instalments < 1 || t.instalments > 104) return 'instalments'
  if (!Number.isInteger(t.monthlyRateMicro) || t.monthlyRateMicro < 0 || t.monthlyRateMicro > 20 * PERCENT) return 'rate'
  return null
}

/**
 * The schedule of a loan. Flat: interest I = P × r_w × n rounded to the unit,
 * each instalment (P + I) / n rounded up to the unit, its interest the
 * running share of I; the last instalment takes the rest. Declining: the
 * annuity rounded up to the unit, interest on the opening balance each week,
 * the last instalment clears the balance. Principal sums to P exactly.
 * Throws when the terms are impossible (see termsProblem) or the rounded
 * instalment would repay the loan before the last week. A rescheduling
 * (`carried`) takes the principal left, any amount, and adds the interest
 * fallen due and unpaid to the first new instalment.
 */
export function schedule(t: LoanTerms, carried: { interestMinor: number; anyPrincipal: boolean } = { interestMinor: 0, anyPrincipal: false }): Instalment[] {
  const problem = termsProblem(t, carried.anyPrincipal)
  if (problem) throw new Error(`impossible loan terms: ${problem}`)
  const out = plan(t)
  if (carried.interestMinor > 0) {
    const first = out[0]!
    out[0] = { ...first, interestMinor: first.interestMinor + carried.interestMinor, totalMinor: first.totalMinor + carried.interestMinor }
  }
  return out
}

function plan(t: LoanTerms): Instalment[] {
  const { principalMinor: P, instalments: n, monthlyRateMicro: rate } = t
  const out: Instalment[] = []
  if (t.method === 'flat' || rate === 0) {
    const I = rate === 0 ? 0 : weeklyInterest(P, rate, n)
    const each = ceilToUnit((P + I) / n)
    if (each * (n - 1) >= P + I && n > 1) throw new Error('impossible loan terms: tooSmall')
    let paidPrincipal = 0
    let paidInterest = 0
    for (let i = 1; i <= n; i++) {
      if (i === n) {
        out.push({ n: i, principalMinor: P - paidPrincipal, interestMinor: I - paidInterest, totalMinor: P + I - paidPrincipal - paidInterest })
        break
      }
      // The interest share by running totals to the unit, so the shares add up to I.
      const interest = roundToUnit(BigInt(I) * BigInt(i), BigInt(n)) - paidInterest
      out.push({ n: i, principalMinor: each - interest, interestMinor: interest, totalMinor: each })
      paidPrincipal += each - interest
      paidInterest += interest
    }
    return out
  }
  const r = (rate * 12) / 52 / 1_000_000
  // The annuity, rounded up to the unit (a hair below the exact value first, so that a float just above a unit does not add one).
  const annuity = ceilToUnit((P * r) / (1 - (1 + r) ** -n) - 1e-6)
  let balance = P
  for (let i = 1; i <= n; i++) {
    const interest = weeklyInterest(balance, rate)
    if (i === n) {
      out.push({ n: i, principalMinor: balance, interestMinor: interest, totalMinor: balance + interest })
      break
    }
    const principal = Math.min(annuity - interest, balance)
    if (principal <= 0 || principal === balance) throw new Error('impossible loan terms: tooSmall')
    out.push({ n: i, principalMinor: principal, interestMinor: interest, totalMinor: principal + interest })
    balance -= principal
  }
  return out
}

/** A monthly rate typed in percent (`1.5`, `1,5`, `0`), as millionths; null when it is no such number (up to 4 decimals). */
export function parseMonthlyRate(text: string): number | null {
  const m = /^\s*(\d{1,2})(?:[.,](\d{1,4}))?\s*%?\s*$/.exec(text)
  if (!m) return null
  return Number(m[1]) * PERCENT + Number((m[2] ?? '').padEnd(4, '0'))
}

/** A monthly rate in millionths written in percent: 15 000 → "1.5". */
export function rateText(micro: number): string {
  const whole = Math.floor(micro / PERCENT)
  const frac = String(micro % PERCENT).padStart(4, '0').replace(/0+$/, '')
  return frac ? `${whole}.${frac}` : String(whole)
}
