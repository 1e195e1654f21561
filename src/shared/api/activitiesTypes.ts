import type { LocalName } from './types'

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

export interface ActivityRow {
  id: number
  type: ActivityType
  title: string
  startsOn: string
  endsOn: string
  facilitator: string | null
  areas: LocalName[]
  participants: number
}

export interface ActivityDetail extends Omit<ActivityRow, 'participants'> {
  projectId: number | null
  budgetLineId: number | null
  notes: string | null
  areaIds: number[]
  participants: ActivityParticipant[]
  /** Micro-credit education: the recorded participants whose training completion it recorded. */
  trainingRecorded: number
}
