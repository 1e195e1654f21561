import { describe, expect, it } from 'vitest'
import { centralDue, electionOutcome, quorumMet, quorumNeeded } from './governance'

describe('quorum', () => {
  it('is more than half by default, configurable', () => {
    expect(quorumNeeded(15, { percent: 50, strict: true })).toBe(8)
    expect(quorumNeeded(14, { percent: 50, strict: true })).toBe(8)
    expect(quorumNeeded(14, { percent: 50, strict: false })).toBe(7)
    expect(quorumNeeded(30, { percent: 66, strict: false })).toBe(20)
    expect(quorumMet(7, 14, { percent: 50, strict: true })).toBe(false)
    expect(quorumMet(8, 14, { percent: 50, strict: true })).toBe(true)
    expect(quorumMet(0, 0, { percent: 50, strict: true })).toBe(false)
  })
})

describe('central fee', () => {
  it('is rate × active members, at least the minimum', () => {
    expect(centralDue({ rateMinor: 500000, minimumMinor: null }, 12)).toEqual({ dueMinor: 6000000, byRateMinor: 6000000, minimumApplied: false })
    expect(centralDue({ rateMinor: 500000, minimumMinor: 5000000 }, 3)).toEqual({ dueMinor: 5000000, byRateMinor: 1500000, minimumApplied: true })
    expect(centralDue({ rateMinor: 500000, minimumMinor: 5000000 }, 0)).toEqual({ dueMinor: 0, byRateMinor: 0, minimumApplied: false })
  })
})

describe('election results', () => {
  it('elects the top N by votes', () => {
    expect(electionOutcome([{ id: 1, votes: 5 }, { id: 2, votes: 9 }, { id: 3, votes: 7 }], 2)).toEqual({ elected: [2, 3], tied: [], seatsInTie: 0 })
  })
  it('flags a tie across the last seat', () => {
    expect(electionOutcome([{ id: 1, votes: 9 }, { id: 2, votes: 6 }, { id: 3, votes: 6 }, { id: 4, votes: 2 }], 2)).toEqual({ elected: [1], tied: [2, 3], seatsInTie: 1 })
  })
  it('has no tie when the tied candidates all fit', () => {
    expect(electionOutcome([{ id: 1, votes: 6 }, { id: 2, votes: 6 }, { id: 3, votes: 1 }], 2)).toEqual({ elected: [1, 2], tied: [], seatsInTie: 0 })
  })
  it('elects everyone when there are no more candidates than seats', () => {
    expect(electionOutcome([{ id: 1, votes: 0 }], 3)).toEqual({ elected: [1], tied: [], seatsInTie: 0 })
  })
})
