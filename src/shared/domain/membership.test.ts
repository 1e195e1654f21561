import { describe, expect, it } from 'vitest'
import { checkNextEvent, currentStatus, membershipOn, statusOn, type BranchEventLike, type MembershipEventLike } from './membership'

const history: MembershipEventLike[] = [
  { type: 'applied', effectiveDate: '2005-03-01', seq: 1 },
  { type: 'accepted', effectiveDate: '2005-04-10', seq: 2 },
  { type: 'excluded', effectiveDate: '2008-09-30', seq: 3 },
]

describe('membership status on a date', () => {
  it('is derived from the history', () => {
    expect(statusOn(history, '2005-02-28')).toBeNull()
    expect(statusOn(history, '2005-03-01')).toBe('applicant')
    expect(statusOn(history, '2005-04-10')).toBe('active')
    expect(statusOn(history, '2008-09-29')).toBe('active')
    expect(statusOn(history, '2008-09-30')).toBe('excluded')
    expect(currentStatus(history)).toBe('excluded')
  })
  it('orders same-day events by recording order', () => {
    const sameDay: MembershipEventLike[] = [
      { type: 'accepted', effectiveDate: '2006-01-01', seq: 2 },
      { type: 'applied', effectiveDate: '2006-01-01', seq: 1 },
    ]
    expect(statusOn(sameDay, '2006-01-01')).toBe('active')
  })
})

describe('the local organisation on a date', () => {
  it('is the one of the decision in effect, so a move never changes the past', () => {
    const moved: BranchEventLike[] = [
      { type: 'applied', effectiveDate: '2005-03-01', seq: 1, branchId: 7 },
      { type: 'accepted', effectiveDate: '2005-04-10', seq: 2, branchId: 7 },
      { type: 'resigned', effectiveDate: '2008-06-30', seq: 3, branchId: 7 },
      { type: 'applied', effectiveDate: '2009-02-01', seq: 4, branchId: 9 },
      { type: 'accepted', effectiveDate: '2009-03-01', seq: 5, branchId: 9 },
    ]
    expect(membershipOn(moved, '2005-01-01')).toBeNull()
    expect(membershipOn(moved, '2007-12-31')).toEqual({ status: 'active', branchId: 7 })
    expect(membershipOn(moved, '2008-12-31')).toEqual({ status: 'resigned', branchId: 7 })
    expect(membershipOn(moved, '2009-02-15')).toEqual({ status: 'applicant', branchId: 9 })
    expect(membershipOn(moved, '2010-01-01')).toEqual({ status: 'active', branchId: 9 })
  })
})

describe('next decision', () => {
  it('starts with an application', () => {
    expect(checkNextEvent([], { type: 'accepted', effectiveDate: '2005-01-01' })).toMatch(/starts with an application/)
    expect(checkNextEvent([], { type: 'applied', effectiveDate: '2005-01-01' })).toBeNull()
  })
  it('follows the board rules', () => {
    const applied = history.slice(0, 1)
    expect(checkNextEvent(applied, { type: 'excluded', effectiveDate: '2005-05-01' })).toMatch(/applicant membership cannot be excluded/)
    expect(checkNextEvent(history.slice(0, 2), { type: 'accepted', effectiveDate: '2005-05-01' })).toMatch(/active membership cannot be accepted/)
    expect(checkNextEvent(history, { type: 'applied', effectiveDate: '2010-01-01' })).toBeNull()
  })
  it('refuses a decision dated before the last one', () => {
    expect(checkNextEvent(history.slice(0, 2), { type: 'resigned', effectiveDate: '2005-04-01' })).toMatch(/before the last decision/)
  })
  it('ends with death', () => {
    const dead = [...history.slice(0, 2), { type: 'died' as const, effectiveDate: '2007-01-01', seq: 3 }]
    expect(checkNextEvent(dead, { type: 'applied', effectiveDate: '2008-01-01' })).not.toBeNull()
  })
})
