import { describe, expect, it } from 'vitest'
import { checkEligibility, type EligibilityFigures } from './eligibility'

const good: EligibilityFigures = {
  ssgHasMembers: true,
  ssgRulesAdopted: true,
  ssgRepresentativeInOffice: true,
  weeksInGroup: 12,
  savingsDueMinor: 20_000_00,
  savingsPaidMinor: 18_000_00,
  trainingCompletedOn: '2008-05-10',
  meetingsAttended: 10,
  meetingsHeld: 12,
  ownDaysLate: 0,
  groupMaxDaysLate: 30,
  previousLoanOpen: false,
  compulsoryBalanceMinor: 50_000_00,
  cycle: 1,
  fund1CashMinor: 1_000_000_00,
}

const failing = (f: EligibilityFigures, amount: number) => checkEligibility(f, amount).filter((c) => !c.pass).map((c) => c.check)

describe('loan eligibility, check by check', () => {
  it('passes at every threshold exactly (12 weeks, 90%, 83.3% attendance, 30 days late in the group, 3x savings, the first cycle’s cap)', () => {
    const checks = checkEligibility(good, 150_000_00)
    expect(checks.every((c) => c.pass)).toBe(true)
    expect(checks.find((c) => c.check === 'savingsCompliance')).toMatchObject({ figure: 90, threshold: 90 })
    expect(checks.find((c) => c.check === 'attendance')).toMatchObject({ figure: 83.3, threshold: 80 })
    expect(checks.find((c) => c.check === 'savingsMultiple')).toMatchObject({ figure: 150_000_00, threshold: 150_000_00 })
  })

  it('fails each check just past its threshold, and names it', () => {
    expect(failing({ ...good, weeksInGroup: 11 }, 100_000_00)).toEqual(['weeksInGroup'])
    expect(failing({ ...good, savingsPaidMinor: 17_999_00 }, 100_000_00)).toEqual(['savingsCompliance'])
    expect(failing({ ...good, meetingsAttended: 9 }, 100_000_00)).toEqual(['attendance'])
    expect(failing({ ...good, groupMaxDaysLate: 31 }, 100_000_00)).toEqual(['groupArrears'])
    expect(failing({ ...good, ownDaysLate: 1 }, 100_000_00)).toEqual(['ownArrears'])
    expect(failing({ ...good, trainingCompletedOn: null, previousLoanOpen: true }, 100_000_00)).toEqual(['training', 'previousLoan'])
    expect(failing({ ...good, ssgRulesAdopted: false, ssgRepresentativeInOffice: false, ssgHasMembers: false }, 100_000_00)).toEqual(['ssgActive', 'rulesApproved', 'representative'])
    expect(failing(good, 150_000_01)).toEqual(['savingsMultiple'])
    expect(failing({ ...good, compulsoryBalanceMinor: 100_000_00 }, 200_000_01)).toEqual(['cycleCap'])
    // A third and any later cycle share the last cap.
    expect(failing({ ...good, compulsoryBalanceMinor: 200_000_00, cycle: 5 }, 400_000_00)).toEqual([])
    expect(failing({ ...good, fund1CashMinor: 99_999_00 }, 100_000_00)).toEqual(['fundCash'])
  })
})
