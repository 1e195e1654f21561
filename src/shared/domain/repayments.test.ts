import { describe, expect, it } from 'vitest'
import { allocateRepayment, splitRepayment, type FundAmounts, type InstalmentDue } from './repayments'

const due = (n: number, dueOn: string, principal: number, interest: number, paidP = 0, paidI = 0): InstalmentDue => ({
  n,
  dueOn,
  principalDueMinor: principal,
  interestDueMinor: interest,
  principalPaidMinor: paidP,
  interestPaidMinor: paidI,
})

describe('allocating a repayment', () => {
  // Weekly 10,700 ₮ = 10,000 principal + 700 interest (in ₮ here, minor units alike).
  const weeks = [due(1, '2008-04-02', 10_000, 700), due(2, '2008-04-09', 10_000, 700), due(3, '2008-04-16', 10_000, 700)]

  it('pays fines, then the oldest instalment’s interest, then its principal (partial)', () => {
    expect(allocateRepayment(weeks, 500, 5_000)).toEqual({ finesMinor: 500, instalments: [{ n: 1, interestMinor: 700, principalMinor: 3_800 }], leftMinor: 0 })
  })

  it('a late payment covering two weeks clears the older first; an over-payment pays ahead, the rest is left', () => {
    const partly = [due(1, '2008-04-02', 10_000, 700, 3_800, 700), ...weeks.slice(1)]
    expect(allocateRepayment(partly, 0, 17_000)).toEqual({
      finesMinor: 0,
      instalments: [
        { n: 1, interestMinor: 0, principalMinor: 6_200 },
        { n: 2, interestMinor: 700, principalMinor: 10_000 },
        { n: 3, interestMinor: 100, principalMinor: 0 },
      ],
      leftMinor: 0,
    })
    expect(allocateRepayment(weeks, 0, 40_000).leftMinor).toBe(40_000 - 3 * 10_700)
  })
})

describe('the three funds by running totals', () => {
  it('adds up to every repayment and never drifts, over many odd repayments and a reversal', () => {
    let posted: FundAmounts = { f1: 0, f2: 0, f3: 0 }
    const amounts = [10_701, 3, 1, 10_699, 7, 1_234_567, 99, 1]
    let total = 0
    for (const a of amounts) {
      const d = splitRepayment(posted, a, 50)
      expect(d.f1 + d.f2 + d.f3).toBe(a)
      posted = { f1: posted.f1 + d.f1, f2: posted.f2 + d.f2, f3: posted.f3 + d.f3 }
      total += a
      // Whatever the order, the totals are those of the cumulative base.
      expect(posted.f3).toBe(Math.floor(total / 2))
      expect(posted.f2).toBe(Math.floor((total - Math.floor(total / 2)) / 2))
    }
    // 1,256,078: (3) 628,039; (1)+(2) 628,039; (2) 314,019; (1) 314,020.
    expect(total).toBe(1_256_078)
    expect(posted).toEqual({ f1: 314_020, f2: 314_019, f3: 628_039 })
    // 3 ₮ alone: (3) 1, (1)+(2) 2 split 1 and 1.
    expect(splitRepayment({ f1: 0, f2: 0, f3: 0 }, 3, 50)).toEqual({ f1: 1, f2: 1, f3: 1 })
  })

  it('takes the share of (2) within the first half per large group', () => {
    expect(splitRepayment({ f1: 0, f2: 0, f3: 0 }, 10_000, 30)).toEqual({ f1: 3_500, f2: 1_500, f3: 5_000 })
    expect(splitRepayment({ f1: 0, f2: 0, f3: 0 }, 10_000, 0)).toEqual({ f1: 5_000, f2: 0, f3: 5_000 })
    // Totals posted off the formula (1 ₮ in (3) alone, as a reversal can leave them): the next repayment evens them out.
    expect(splitRepayment({ f1: 0, f2: 0, f3: 1 }, 2, 50)).toEqual({ f1: 1, f2: 1, f3: 0 })
  })
})
