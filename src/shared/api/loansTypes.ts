import type { CheckResult } from '../domain/eligibility'
import type { InterestMethod } from '../domain/loans'

export type LoanStatus = 'active' | 'closed' | 'written_off'

/** A loan with its standing on a date. */
export interface LoanRow {
  id: number
  personId: number
  name: string
  ssgId: number
  ssgCode: string
  lsgId: number
  cycle: number
  principalMinor: number
  instalments: number
  method: InterestMethod
  monthlyRateMicro: number
  disbursedOn: string
  asOf: string
  status: LoanStatus
  outstandingPrincipalMinor: number
  /** Principal and interest fallen due before the date and not paid. */
  overdueMinor: number
  finesOutstandingMinor: number
  daysInArrears: number
  weeksInArrears: number
  /** The next instalment due on or after the date, with what is left of it. */
  next: { n: number; dueOn: string; dueMinor: number } | null
}

export interface InstalmentRow {
  id: number
  n: number
  dueOn: string
  principalMinor: number
  interestMinor: number
  paidPrincipalMinor: number
  paidInterestMinor: number
  /** Paid in full, on the date of the repayment that completed it. */
  paidOn: string | null
}

export interface RepaymentRow {
  id: number
  paidOn: string
  amountMinor: number
  finesMinor: number
  interestMinor: number
  principalMinor: number
  reversesId: number | null
  reversedById: number | null
  reason: string | null
  createdBy: string
}

export interface LoanDetail {
  loan: LoanRow
  approvedOn: string
  schedule: InstalmentRow[]
  repayments: RepaymentRow[]
  fines: Array<{ id: number; imposedOn: string; amountMinor: number; reason: string }>
  /** The checks as they stood when the loan was granted. */
  eligibility: CheckResult[]
  writtenOff: { on: string; principalMinor: number; interestMinor: number; reason: string } | null
}

/** Whether she may borrow an amount on a date: every check with its figure. */
export interface Eligibility {
  personId: number
  name: string
  on: string
  ssg: { id: number; code: string } | null
  lsgId: number | null
  cycle: number
  checks: CheckResult[]
  eligible: boolean
}

export type FundName = 'f1' | 'f2' | 'f3'

/** A large group's funds (1) and (2) and its area's (3) on a date. */
export interface GroupFundBalances {
  lsgId: number
  asOf: string
  f1: number
  f2: number
  /** The area's CBO fund: allocations of all the area's large groups, less its spending. */
  f3: number
}
