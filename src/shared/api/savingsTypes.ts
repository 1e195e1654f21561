export const SAVINGS_ACCOUNTS = ['compulsory', 'voluntary'] as const
export type SavingsAccount = (typeof SAVINGS_ACCOUNTS)[number]
export type SavingsKind = 'deposit' | 'withdrawal' | 'reversal'

/** An entry of a member's savings: + a deposit, − a withdrawal, a reversal the exact negative of the entry it reverses. */
export interface SavingsEntry {
  id: number
  account: SavingsAccount
  entryOn: string
  kind: SavingsKind
  /** Signed: + in, − out. */
  amountMinor: number
  ssgCode: string
  meetingId: number | null
  receipt: string | null
  reversesId: number | null
  /** Set on an entry that a later reversal undid. */
  reversedById: number | null
  reason: string | null
  createdBy: string
  /** The balance of its account after it, in the order of dates. */
  balanceAfterMinor: number
}

/** Compulsory savings on a date: the weekly amount × the meetings of her small group since she joined, against what she paid. */
export interface CompulsoryStanding {
  /** The weekly amount of her small group's rules in force on the date, if any. */
  weeklyMinor: number | null
  /** Meetings of her small group she was a member for (on their sheet), up to the date. */
  meetings: number
  dueMinor: number
  /** Deposits, net of reversed ones. */
  paidMinor: number
  /** due − paid, never below 0. */
  arrearsMinor: number
}

export interface PersonSavings {
  personId: number
  name: string
  asOf: string
  /** Her small group on the date (null when she is in none). */
  ssg: { id: number; code: string; name: string } | null
  balances: Record<SavingsAccount, number>
  compulsory: CompulsoryStanding
  /** When she completed the micro-credit training (the loan checks read it), if she did by the date. */
  trainingCompletedOn: string | null
  /** Every entry, oldest first. */
  entries: SavingsEntry[]
}

/** A small group's members on a date with their savings. */
export interface SsgSavingsRow {
  personId: number
  name: string
  compulsoryMinor: number
  voluntaryMinor: number
  dueMinor: number
  arrearsMinor: number
}

export interface SsgSavings {
  asOf: string
  weeklyMinor: number | null
  rows: SsgSavingsRow[]
  totals: { compulsoryMinor: number; voluntaryMinor: number; dueMinor: number; arrearsMinor: number }
}
