/*
 * Portfolio quality as microfinance defines it (DOMAIN.md, "Arrears and
 * portfolio quality"): days in arrears from the oldest unpaid instalment,
 * ageing in weeks and days, PAR_X as the whole outstanding principal of the
 * loans more than X days late over the outstanding principal of all active
 * loans (written-off loans in neither), the arrears rate apart from PAR.
 */

const DAY = 86_400_000

/** Days in arrears on `asOf`: from the due date of the oldest instalment not paid in full (0 when none is overdue). */
export function daysInArrears(oldestUnpaidDueOn: string | null, asOf: string): number {
  if (oldestUnpaidDueOn === null || oldestUnpaidDueOn >= asOf) return 0
  return Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${oldestUnpaidDueOn}T00:00:00Z`)) / DAY)
}

export const DAY_BUCKETS = ['current', '1-30', '31-60', '61-90', '91-180', '180+'] as const
export type DayBucket = (typeof DAY_BUCKETS)[number]

/** The ageing bucket of a loan by its days in arrears. */
export function dayBucket(days: number): DayBucket {
  if (days <= 0) return 'current'
  if (days <= 30) return '1-30'
  if (days <= 60) return '31-60'
  if (days <= 90) return '61-90'
  if (days <= 180) return '91-180'
  return '180+'
}

export const WEEK_BUCKETS = ['current', '1', '2', '3', '4-7', '8-11', '12+'] as const
export type WeekBucket = (typeof WEEK_BUCKETS)[number]

/** The ageing bucket of a loan by its weeks in arrears: the weekly instalments due and not paid in full. */
export function weekBucket(weeks: number): WeekBucket {
  if (weeks <= 0) return 'current'
  if (weeks <= 3) return String(weeks) as WeekBucket
  if (weeks <= 7) return '4-7'
  if (weeks <= 11) return '8-11'
  return '12+'
}

export interface LoanStanding {
  outstandingPrincipalMinor: number
  /** Principal and interest fallen due and not paid. */
  overdueMinor: number
  daysInArrears: number
  writtenOff: boolean
}

export interface Ratio {
  numeratorMinor: number
  denominatorMinor: number
  /** null with no active portfolio. */
  ratio: number | null
}

const ratio = (n: number, d: number): Ratio => ({ numeratorMinor: n, denominatorMinor: d, ratio: d === 0 ? null : n / d })

/** PAR_X: the whole outstanding principal of the active loans more than `days` days late over that of all active loans. */
export function portfolioAtRisk(loans: LoanStanding[], days: number): Ratio {
  const active = loans.filter((l) => !l.writtenOff && l.outstandingPrincipalMinor > 0)
  const total = active.reduce((s, l) => s + l.outstandingPrincipalMinor, 0)
  const late = active.filter((l) => l.daysInArrears > days).reduce((s, l) => s + l.outstandingPrincipalMinor, 0)
  return ratio(late, total)
}

/** The arrears rate: the amount overdue over the outstanding principal of the active loans (never called PAR). */
export function arrearsRate(loans: LoanStanding[]): Ratio {
  const active = loans.filter((l) => !l.writtenOff && l.outstandingPrincipalMinor > 0)
  return ratio(
    active.reduce((s, l) => s + l.overdueMinor, 0),
    active.reduce((s, l) => s + l.outstandingPrincipalMinor, 0),
  )
}

/** A loan is a write-off candidate after 180 days in arrears. */
export const WRITE_OFF_AFTER_DAYS = 180
