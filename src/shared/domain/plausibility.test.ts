import { describe, expect, it } from 'vitest'
import { amountOutlier, rateOutlier } from './plausibility'

describe('plausibility', () => {
  const previous = { mntMinor: 24_532_100_00, dkkMinor: 100_000_00 } // 245.321 MNT per DKK
  it('asks about a rate more than 15% from the previous transfer, saying by how much', () => {
    expect(rateOutlier(25_000_000_00, 100_000_00, previous)).toBeNull() // +1.9%
    expect(rateOutlier(28_000_000_00, 100_000_00, previous)).toBeNull() // +14.1%
    expect(rateOutlier(28_300_000_00, 100_000_00, previous)).toBe(15) // +15.36%
    expect(rateOutlier(2_453_210_00, 100_000_00, previous)).toBe(-90) // a zero forgotten
    expect(rateOutlier(1, 1, null)).toBeNull() // the first transfer
  })
  it('asks about an amount more than ten times the largest so far', () => {
    expect(amountOutlier(10_000_000, 1_000_000)).toBe(false)
    expect(amountOutlier(10_000_001, 1_000_000)).toBe(true)
    expect(amountOutlier(10_000_001, null)).toBe(false)
  })
})
