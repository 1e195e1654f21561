import type { BoardRole } from '../domain/governance'
import type { AuditEntry, LocalName, Voided } from './types'

export interface AssemblyRow {
  id: number
  /** Moves on by one with every change; an update names the version it started from. */
  version: number
  kind: 'local' | 'general'
  branchId: number | null
  /** The local organisation, or the SPN for the general assembly. */
  bodyName: LocalName
  year: number
  heldOn: string
  place: string | null
  /** Active members of the body on the assembly date, from the register. */
  membersEligible: number
  membersPresent: number
  quorumPercent: number
  quorumStrict: boolean
  quorumNeeded: number
  quorumMet: boolean
  hasElection: boolean
  feeDecided: boolean
  /** True when members present is the count of the recorded attendance list. */
  attendanceListed: boolean
}

/** A member eligible to attend an assembly (active in that body on its date), as the attendance list shows her. */
export interface EligibleMember {
  membershipId: number
  memberType: 'person' | 'organisation'
  personId: number | null
  name: string
  /** Told apart from a namesake by it. */
  registerNumber: string | null
  branchName: LocalName
}

/** A recorded correction of an assembly record or its fee decision: the field, old and new value, why, who and when. */
export interface Correction {
  id: number
  entityType: 'assembly' | 'fee_decision'
  entityId: number
  /** `heldOn`, `place`, `membersPresent`, `quorumPercent`, `quorumStrict`, `decisions`, `minutes`, `attendees.added`, `attendees.removed`, `amountMinor`, `minimumMinor`, `referenceDate`. */
  field: CorrectionField
  oldValue: string | null
  newValue: string | null
  reason: string
  correctedAt: string
  correctedBy: string
}

export const CORRECTION_FIELDS = ['heldOn', 'place', 'membersPresent', 'quorumPercent', 'quorumStrict', 'decisions', 'minutes', 'attendees.added', 'attendees.removed', 'amountMinor', 'minimumMinor', 'referenceDate'] as const
export type CorrectionField = (typeof CORRECTION_FIELDS)[number]

export interface FeeDecision {
  id: number
  assemblyId: number
  kind: 'local' | 'central'
  branchId: number | null
  year: number
  /** Local: per member per year; central: rate per member. MNT minor units. */
  amountMinor: number
  minimumMinor: number | null
  referenceDate: string | null
  /** False when the deciding assembly had no quorum: the decision is marked. */
  quorumMet: boolean
}

export interface ElectionCandidate {
  id: number
  membershipId: number
  personId: number | null
  name: string
  /** To tell namesakes apart. */
  registerNumber: string | null
  votes: number
  elected: boolean
  tied: boolean
  role: BoardRole | null
}

export interface Election {
  id: number
  assemblyId: number
  seats: number
  maxVotes: number
  totalVotes: number
  tieResolution: string | null
  /** A tie across the last seat waits for the assembly's decision. */
  tieOpen: boolean
  candidates: ElectionCandidate[]
}

export interface AssemblyDetail {
  assembly: AssemblyRow
  decisions: string | null
  minutes: string | null
  feeDecision: FeeDecision | null
  election: Election | null
  /** Who attended, when the list was recorded (null: only the count is known). */
  attendees: EligibleMember[] | null
  /** Corrections of the assembly and its fee decision, oldest first. */
  corrections: Correction[]
  audit: AuditEntry[]
}

export interface CentralDueCalculation {
  activeOnReference: number
  referenceDate: string
  rateMinor: number
  byRateMinor: number
  minimumMinor: number | null
  minimumApplied: boolean
  dueMinor: number
  paidMinor: number
  arrearsMinor: number
}

export interface BranchFees {
  branchId: number
  branchName: LocalName
  localFee: FeeDecision | null
  liable: number
  dueMinor: number
  paidMinor: number
  arrearsMinor: number
  membersInArrears: number
  central: CentralDueCalculation | null
}

export interface FeesOverview {
  year: number
  centralFee: FeeDecision | null
  branches: BranchFees[]
  totals: { liable: number; dueMinor: number; paidMinor: number; arrearsMinor: number; centralDueMinor: number; centralPaidMinor: number; centralArrearsMinor: number }
}

export interface MemberFeeRow {
  membershipId: number
  memberName: string
  personId: number | null
  /** Told apart from a namesake by it. */
  registerNumber: string | null
  branchId: number
  branchName: LocalName
  dueMinor: number
  paidMinor: number
  arrearsMinor: number
}

export interface FeePayment {
  id: number
  kind: 'member' | 'branch'
  year: number
  branchId: number
  branchName: LocalName
  membershipId: number | null
  memberName: string | null
  paidOn: string
  amountMinor: number
  receiptNumber: string
  payer: string | null
  note: string | null
  voided: Voided | null
}

export interface BoardSeat {
  membershipId: number
  personId: number | null
  name: string
  role: BoardRole
}

export interface Board {
  kind: 'local' | 'central'
  branchId: number | null
  bodyName: LocalName
  electionId: number
  electedOn: string
  /** The date of the next election of the body, or null while the term runs. */
  until: string | null
  tieOpen: boolean
  /** Who holds a seat today. */
  seats: BoardSeat[]
  /** Seats whose holder left the SPN (excluded, resigned, died) before the next election: the term ended that day. */
  vacated: Array<BoardSeat & { leftOn: string; why: 'excluded' | 'resigned' | 'died' }>
}

export interface BoardService {
  bodyName: LocalName
  kind: 'local' | 'central'
  role: BoardRole
  from: string
  until: string | null
  electionId: number
}
