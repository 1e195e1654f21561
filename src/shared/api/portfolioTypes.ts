import type { DayBucket, Ratio, WeekBucket } from '../domain/portfolio'
import type { LocalName } from './types'

export interface BucketFigures {
  loans: number
  outstandingMinor: number
}

/** Portfolio quality of one group of loans (all, an area, a large group, a small group) on a date. */
export interface PortfolioFigures {
  level: 'total' | 'area' | 'lsg' | 'ssg'
  id: number | null
  /** An area's name, or a group's code (null for the total). */
  label: LocalName | null
  /** The large group a small group belongs to, the area a large group belongs to. */
  parentId: number | null
  activeLoans: number
  borrowers: number
  outstandingMinor: number
  days: Record<DayBucket, BucketFigures>
  weeks: Record<WeekBucket, BucketFigures>
  par1: Ratio
  par30: Ratio
  /** Overdue over outstanding: shown apart from PAR, never called PAR. */
  arrears: Ratio
  /** Paid by the due date over what fell due in the period. */
  onTime: Ratio
  /** Collected over what fell due, from the first loan to the date. */
  collection: Ratio
  writtenOffMinor: number
  recoveriesMinor: number
}

export interface WriteOffCandidate {
  loanId: number
  personId: number
  name: string
  ssgCode: string
  daysInArrears: number
  outstandingMinor: number
}

export interface Portfolio {
  on: string
  /** The period of the on-time repayment rate: from this date to `on`. */
  from: string
  rows: PortfolioFigures[]
  candidates: WriteOffCandidate[]
}

export interface ParPoint {
  on: string
  par30: number | null
  par1: number | null
  outstandingMinor: number
}
