import { describe, expect, it } from 'vitest'
import { PERCENT, ROUNDING_UNIT, schedule, termsProblem, weeklyInterest } from './loans'

const mnt = (tg: number) => tg * 100
const tg = (minor: number) => minor / 100

describe('loan schedules (amounts in ₮)', () => {
  it('flat: 200,000 ₮ over 20 weeks at 1.5% a month', () => {
    // Weekly rate 1.5% × 12 / 52 = 0.346153…%; I = 200,000 × 0.00346153… × 20 = 13,846.15… → 13,800.
    const s = schedule({ principalMinor: mnt(200_000), instalments: 20, method: 'flat', monthlyRateMicro: 1.5 * PERCENT })
    expect(s).toHaveLength(20)
    // (200,000 + 13,800) / 20 = 10,690 → 10,700 each; the last takes the rest: 213,800 − 19 × 10,700 = 10,500.
    expect(s.slice(0, 19).every((i) => i.totalMinor === mnt(10_700))).toBe(true)
    expect(tg(s[19]!.totalMinor)).toBe(10_500)
    expect(tg(s.reduce((a, i) => a + i.principalMinor, 0))).toBe(200_000)
    expect(tg(s.reduce((a, i) => a + i.interestMinor, 0))).toBe(13_800)
    // Interest shares by running totals to the unit: 690, 1,380 (→1,400) − 700, …
    expect(s.slice(0, 4).map((i) => tg(i.interestMinor))).toEqual([700, 700, 700, 700])
    expect(s.every((i) => i.totalMinor % ROUNDING_UNIT === 0 && i.principalMinor >= 0)).toBe(true)
  })

  it('declining: 100,000 ₮ over 16 weeks at 2% a month; the last instalment clears the balance', () => {
    const s = schedule({ principalMinor: mnt(100_000), instalments: 16, method: 'declining', monthlyRateMicro: 2 * PERCENT })
    // r_w = 2% × 12 / 52 = 0.4615…%; annuity 100,000 × r / (1 − (1 + r)^−16) = 6,498.0… → 6,500.
    expect(tg(s[0]!.totalMinor)).toBe(6_500)
    // Week 1: interest on 100,000 = 461.5… → 500; principal 6,000. Week 2: on 94,000 = 433.8… → 400; principal 6,100.
    expect(s.slice(0, 2).map((i) => [tg(i.interestMinor), tg(i.principalMinor)])).toEqual([
      [500, 6_000],
      [400, 6_100],
    ])
    expect(tg(s.reduce((a, i) => a + i.principalMinor, 0))).toBe(100_000)
    const last = s[15]!
    expect(last.totalMinor).toBeLessThanOrEqual(mnt(6_500))
    expect(last.totalMinor).toBe(last.principalMinor + last.interestMinor)
  })

  it('at 0% both methods repay the principal in equal rounded instalments, the last the rest', () => {
    for (const method of ['flat', 'declining'] as const) {
      const s = schedule({ principalMinor: mnt(150_000), instalments: 16, method, monthlyRateMicro: 0 })
      expect(s.slice(0, 15).every((i) => i.totalMinor === mnt(9_400) && i.interestMinor === 0)).toBe(true)
      expect(tg(s[15]!.totalMinor)).toBe(150_000 - 15 * 9_400)
    }
  })

  it('rounds interest halves up and refuses impossible terms', () => {
    // 1,300 ₮ at 10% a month for a week: 1,300 × 0.1 × 12 / 52 = 30 ₮ → 0 ₮ (under half a unit).
    expect(weeklyInterest(mnt(1_300), 10 * PERCENT)).toBe(0)
    // 6,500 ₮ at 10% a month for a week: 150 ₮ exactly, a half, rounded up to 200 ₮; 6,499 ₮ gives 149.98 ₮ → 100 ₮.
    expect(weeklyInterest(mnt(6_500), 10 * PERCENT)).toBe(mnt(200))
    expect(weeklyInterest(mnt(6_499), 10 * PERCENT)).toBe(mnt(100))
    expect(termsProblem({ principalMinor: mnt(100_050), instalments: 10, method: 'flat', monthlyRateMicro: 0 })).toBe('principal')
    expect(termsProblem({ principalMinor: mnt(100_000), instalments: 0, method: 'flat', monthlyRateMicro: 0 })).toBe('instalments')
    expect(() => schedule({ principalMinor: mnt(1_000), instalments: 20, method: 'flat', monthlyRateMicro: 0 })).toThrow(/tooSmall/)
  })
})

describe('monthly rates as typed', () => {
  it('reads percent with a point or a comma, exactly', async () => {
    const { parseMonthlyRate, rateText } = await import('./loans')
    expect(['1.5', '1,5', '0', '2', '1.25%', '0.0001', 'x', '1.23456', '-1'].map(parseMonthlyRate)).toEqual([15_000, 15_000, 0, 20_000, 12_500, 1, null, null, null])
    expect([15_000, 0, 20_000, 12_500, 1].map(rateText)).toEqual(['1.5', '0', '2', '1.25', '0.0001'])
  })
})
