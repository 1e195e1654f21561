import type { LocalName } from './types'
import type { Expense } from './financeTypes'

/** The kinds of activity of DOMAIN.md. */
export const ACTIVITY_TYPES = ['training', 'workshop', 'civic_education', 'micro_credit_education', 'lecture_seminar', 'magazine', 'website', 'publication', 'meeting', 'campaign', 'conference', 'advocacy', 'partnership'] as const
export type ActivityType = (typeof ACTIVITY_TYPES)[number]

export interface ActivityParticipant {
  id: number
  /** A recorded person, or null for someone from outside. */
  personId: number | null
  name: string
  sex: 'female' | 'male' | null
  /** Her area: the person's branch, or the one given for someone from outside. */
  branch: LocalName | null
}

export interface Partner {
  id: number
  name: LocalName
}

/** Someone who can be picked as a participant from a group or a local organisation. */
export interface Candidate {
  personId: number
  name: string
  sex: 'female' | 'male' | null
  /** The small group (or the local organisation) she was picked from. */
  group: string
}

/** What an activity cost: its linked expenses standing (₮ of the MNT ones; DKK of all, MNT ones at their FIFO rate). */
export interface ActivityCost {
  mntMinor: number
  dkkMinor: number
  /** MNT not yet covered by a transfer: its DKK value is not known yet. */
  uncoveredMntMinor: number
}

export interface ActivityRow {
  id: number
  type: ActivityType
  title: string
  startsOn: string
  endsOn: string
  facilitator: string | null
  areas: LocalName[]
  participants: number
  cost: ActivityCost
}

export interface ActivityDetail extends Omit<ActivityRow, 'participants'> {
  projectId: number | null
  budgetLineId: number | null
  notes: string | null
  issue: string | null
  copiesPrinted: number | null
  copiesDistributed: number | null
  areaIds: number[]
  partners: Partner[]
  /** The expenses linked to it, voided ones too (struck through; the cost counts those standing). */
  expenses: Expense[]
  participants: ActivityParticipant[]
  /** Micro-credit education: its recorded participants whose training completion dates from its last day (those it recorded). */
  trainingRecorded: number
}
