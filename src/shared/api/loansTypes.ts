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
  /** Reschedulings, oldest first (the schedule shown is the latest). */
  reschedules: Array<{ on: string; scheduleNo: number; reason: string }>
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

export type FundEntryKind = 'allocation' | 'capital' | 'disbursement' | 'spending'

export interface FundLedgerEntry {
  id: number
  entryOn: string
  kind: FundEntryKind
  amountMinor: number
  lsgCode: string | null
  purpose: string | null
  households: number | null
  voucher: string | null
  reversesId: number | null
  reason: string | null
}

/** A fund's ledger over a period: opening, the movements by kind, closing, every entry. */
export interface FundLedger {
  fund: FundName
  lsgId: number | null
  branchId: number
  from: string
  to: string
  openingMinor: number
  totals: Record<FundEntryKind, number>
  closingMinor: number
  entries: FundLedgerEntry[]
}

/**
 * DOMAIN.md's check of an area's group money on a date: cash in the funds
 * (1), (2) of its large groups and (3) of its CBO + loans outstanding =
 * capital received + interest and fines collected − spending − loans written
 * off (net of what was recovered of them).
 */
export interface FundCheck {
  branchId: number
  name: { mn: string; en: string }
  on: string
  cashMinor: number
  outstandingMinor: number
  capitalMinor: number
  interestAndFinesMinor: number
  spendingMinor: number
  writtenOffNetMinor: number
  /** left − right: 0 when the money is all accounted for. */
  differenceMinor: number
}
