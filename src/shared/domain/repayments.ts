/*
 * Where a repayment goes, and how repayments are split into the three funds
 * (DOMAIN.md, "Micro loans"). Integers only: tögrög in minor units.
 */

/** An instalment as due and as paid so far. */
export interface InstalmentDue {
  n: number
  dueOn: string
  principalDueMinor: number
  interestDueMinor: number
  principalPaidMinor: number
  interestPaidMinor: number
}

export interface Allocation {
  finesMinor: number
  /** Per instalment reached, oldest first: interest, then principal. */
  instalments: Array<{ n: number; interestMinor: number; principalMinor: number }>
  /** What is left over once the fines and every instalment are paid in full. */
  leftMinor: number
}

/**
 * Allocates a repayment: the fines outstanding first, then the oldest
 * instalment not paid in full — its interest, then its principal — and so
 * on to the next, future ones included (paying ahead).
 */
export function allocateRepayment(instalments: InstalmentDue[], finesOutstandingMinor: number, amountMinor: number): Allocation {
  let left = amountMinor
  const fines = Math.min(left, Math.max(0, finesOutstandingMinor))
  left -= fines
  const out: Allocation['instalments'] = []
  for (const i of [...instalments].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.n - b.n)) {
    if (left === 0) break
    const interest = Math.min(left, i.interestDueMinor - i.interestPaidMinor)
    left -= interest
    const principal = Math.min(left, i.principalDueMinor - i.principalPaidMinor)
    left -= principal
    if (interest > 0 || principal > 0) out.push({ n: i.n, interestMinor: interest, principalMinor: principal })
  }
  return { finesMinor: fines, instalments: out, leftMinor: left }
}

export interface FundAmounts {
  /** (1) access to new loans: the large group's loan fund. */
  f1: number
  /** (2) common interest areas: the large group's. */
  f2: number
  /** (3) organisational development: the CBO's. */
  f3: number
}

/**
 * The share of each fund in a repayment, by running totals over everything
 * posted so far for the large group: with S the cumulative base (posted plus
 * this repayment), F3 = floor(S × 50 / 100), F12 = S − F3,
 * F2 = floor(F12 × p2 / 100), F1 = F12 − F2; the repayment posts each total's
 * change. So the three always add up to the repayment and no fund drifts by
 * a tögrög, whatever the order of odd amounts; a reversal posts the exact
 * negatives of what it reverses, and the next repayment evens out from the
 * totals actually posted.
 */
export function splitRepayment(posted: FundAmounts, amountMinor: number, sharePercentF2: number): FundAmounts {
  const s = posted.f1 + posted.f2 + posted.f3 + amountMinor
  if (s < 0) throw new Error('the funds would hold less than nothing')
  const f3 = Math.floor((s * 50) / 100)
  const f12 = s - f3
  const f2 = Math.floor((f12 * sharePercentF2) / 100)
  return { f1: f12 - f2 - posted.f1, f2: f2 - posted.f2, f3: f3 - posted.f3 }
}
