import { describe, expect, it } from 'vitest'
import { arrearsRate, dayBucket, daysInArrears, portfolioAtRisk, weekBucket, type LoanStanding } from './portfolio'

const loan = (outstanding: number, days: number, overdue = 0, writtenOff = false): LoanStanding => ({ outstandingPrincipalMinor: outstanding, overdueMinor: overdue, daysInArrears: days, writtenOff })

describe('portfolio quality', () => {
  it('counts days from the oldest unpaid instalment, with the buckets’ edges at day 30 and day 31', () => {
    expect(daysInArrears(null, '2009-05-01')).toBe(0)
    expect(daysInArrears('2009-05-01', '2009-05-01')).toBe(0)
    expect(daysInArrears('2009-04-01', '2009-05-01')).toBe(30)
    expect(daysInArrears('2009-03-31', '2009-05-01')).toBe(31)
    expect([0, 1, 30, 31, 60, 61, 90, 91, 180, 181].map(dayBucket)).toEqual(['current', '1-30', '1-30', '31-60', '31-60', '61-90', '61-90', '91-180', '91-180', '180+'])
    expect([0, 1, 2, 3, 4, 7, 8, 11, 12, 40].map(weekBucket)).toEqual(['current', '1', '2', '3', '4-7', '4-7', '8-11', '8-11', '12+', '12+'])
  })

  it('PAR1 and PAR30 on a small portfolio worked by hand, a written-off loan in neither', () => {
    // Outstanding 100,000 on time; 80,000 late 30 days; 60,000 late 31 days; 40,000 late 200 days; 50,000 written off.
    const loans = [loan(100_000, 0), loan(80_000, 30, 10_000), loan(60_000, 31, 15_000), loan(40_000, 200, 40_000), loan(50_000, 400, 50_000, true)]
    // Active portfolio 280,000. PAR1: 80,000 + 60,000 + 40,000 = 180,000 → 64.29%. PAR30: 60,000 + 40,000 = 100,000 → 35.71%.
    expect(portfolioAtRisk(loans, 1)).toEqual({ numeratorMinor: 180_000, denominatorMinor: 280_000, ratio: 180_000 / 280_000 })
    expect(portfolioAtRisk(loans, 30)).toEqual({ numeratorMinor: 100_000, denominatorMinor: 280_000, ratio: 100_000 / 280_000 })
    // The arrears rate, apart: 65,000 overdue over 280,000.
    expect(arrearsRate(loans)).toEqual({ numeratorMinor: 65_000, denominatorMinor: 280_000, ratio: 65_000 / 280_000 })
    expect(portfolioAtRisk([], 30).ratio).toBeNull()
  })
})
