import type { LoanSettings } from '../domain/eligibility'
import type { LocalName } from './types'

/** A group warning, not a refusal: outside the sizes the project plans (SSG 5-8 persons, LSG 35-45 families). */
export interface GroupFlag {
  code: 'ssg_small' | 'ssg_large' | 'lsg_small' | 'lsg_large' | 'household_twice'
  key: 'g.flag.ssgSmall' | 'g.flag.ssgLarge' | 'g.flag.lsgSmall' | 'g.flag.lsgLarge' | 'g.flag.householdTwice'
  vars: Record<string, string | number>
}

export interface Cbo {
  id: number
  version: number
  branchId: number
  name: string
  /** The unified meeting of the area's large groups that founded it. */
  foundedOn: string
  /** State registration, once it is registered. */
  registrationNumber: string | null
  registeredOn: string | null
}

/** A CBO with its area's large groups and its members today (every member of those groups). */
export interface CboDetail {
  cbo: Cbo
  branchName: LocalName
  lsgs: LsgRow[]
  families: number
  persons: number
  members: number
  /** Its meeting on the founding date, once recorded. */
  foundingMeeting: { id: number; heldOn: string } | null
}

export interface SsgRow {
  id: number
  version: number
  lsgId: number
  code: string
  name: string
  formedOn: string
  /** 1 Monday … 7 Sunday. */
  meetingWeekday: number
  /** Members today. */
  members: number
  flags: GroupFlag[]
}

export interface LsgRow {
  id: number
  version: number
  branchId: number
  branchName: LocalName
  code: string
  name: string
  formedOn: string
  projectYear: number
  /** Monthly meeting: the week of the month (1-4, 5 = the last) and the weekday (1 Monday … 7 Sunday). */
  meetingWeek: number
  meetingWeekday: number
  ssgs: number
  /** Member households today, and the persons of those households. */
  families: number
  persons: number
  singleWomanHeaded: number
  flags: GroupFlag[]
}

export interface GroupArea {
  branchId: number
  branchName: LocalName
  cbo: Cbo | null
  lsgs: LsgRow[]
  families: number
  persons: number
}

/** A period of a person in a small group: joined, and left (with why) or still a member. */
export interface GroupMembership {
  id: number
  personId: number
  personName: string
  registerNumber: string | null
  householdId: number
  ssgId: number
  ssgCode: string
  ssgName: string
  lsgId: number
  lsgCode: string
  lsgName: string
  joinedOn: string
  leftOn: string | null
  leftReason: string | null
  /** The small group she moved to, when she left by moving. */
  movedToSsgCode: string | null
}

export interface LsgDetail {
  lsg: LsgRow
  ssgs: SsgRow[]
}

export interface SsgDetail {
  ssg: SsgRow
  lsg: LsgRow
  /** Members today, by name. */
  members: GroupMembership[]
  /** Every period that has ended, newest first. */
  past: GroupMembership[]
  /** The other small groups of the same large group, to move a member to. */
  siblings: Array<{ id: number; code: string; name: string }>
}

/** A person of the area who may join: of a household of that area and in no small group on the date. */
export interface GroupCandidate {
  personId: number
  name: string
  registerNumber: string | null
  householdId: number
  /** True when someone of her household is already a member: normally one per household. */
  householdInGroup: boolean
}

export const ATTENDANCE_STATUSES = ['present', 'late', 'represented', 'excused', 'absent'] as const
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number]
/** A small group, a large group, or an area's community-based organisation. */
export type GroupType = 'ssg' | 'lsg' | 'cbo'

export interface AttendanceCounts {
  present: number
  late: number
  represented: number
  excused: number
  absent: number
}

export interface MeetingRow extends AttendanceCounts {
  id: number
  groupType: GroupType
  groupId: number
  heldOn: string
  /** A later meeting of the group is recorded: a change is then a recorded correction. */
  locked: boolean
  corrections: number
}

/** A member on a meeting's attendance sheet. */
export interface SheetMember {
  personId: number
  name: string
  registerNumber: string | null
}

export interface MeetingCorrection {
  id: number
  field: string
  oldValue: string | null
  newValue: string | null
  reason: string
  correctedAt: string
  correctedBy: string
}

export interface MeetingDetail {
  meeting: MeetingRow
  minutes: string | null
  decisions: string | null
  attendance: Array<SheetMember & { status: AttendanceStatus }>
  corrections: MeetingCorrection[]
  /** The offices elected at this meeting. */
  elected: Array<{ office: Office; personId: number; name: string }>
}

/** A group's meetings: held, expected from its meeting rule, the weeks or months missed, and attendance pooled over member-meetings. */
export interface GroupMeetings {
  meetings: MeetingRow[]
  /** False for a CBO: its unified meetings follow no weekly or monthly rule, so none are expected or missed. */
  hasRule: boolean
  expected: number
  held: number
  /** The expected dates whose week (small group) or month (large group) had no meeting, newest first. */
  missed: string[]
  attendance: AttendanceCounts & { memberMeetings: number; /** (present + late) / member-meetings, or null with none. */ rate: number | null }
}

export type Office = 'chair' | 'treasurer' | 'representative'

export interface OfficeTerm {
  id: number
  office: Office
  personId: number
  name: string
  electedOn: string
  meetingId: number
  /** The day the term ended: the next election of the office, or her leaving the group; null while it runs. */
  until: string | null
  ended: 'next_election' | 'left_group' | null
}

export interface GroupOffices {
  /** The offices of this kind of group: a small group's representative; a large group's or a CBO's chairman and treasurer. */
  offices: Office[]
  current: OfficeTerm[]
  history: OfficeTerm[]
  lastElection: string | null
  /** More than 12 months since the last election (or since it was formed, with none). */
  overdue: boolean
}

/** One small group on the weekly entry page: its meeting day that week, the meeting recorded in that week if any, and its sheet. */
export interface WeekSheet {
  ssgId: number
  code: string
  name: string
  /** The group's meeting day in the week. */
  heldOn: string
  /** The meeting recorded in that week, if any (on whatever day). */
  recorded: { id: number; heldOn: string } | null
  members: SheetMember[]
}

/** An office a person was elected to, with the group. */
export interface PersonOffice {
  office: Office
  groupType: GroupType
  groupId: number
  groupCode: string
  electedOn: string
}

/** The clauses of a large group's regulations (DOMAIN.md) and of a small group's rules. */
export const LSG_CLAUSES = ['election', 'meetingTime', 'participation', 'discipline', 'sanctions', 'monitoring', 'evaluation', 'accounts'] as const
export const SSG_CLAUSES = ['meetings', 'savings', 'loans', 'mutualHelp', 'sanctions'] as const
/** The clauses of a CBO's charter. */
export const CBO_CLAUSES = ['goals', 'membership', 'governance', 'funds', 'reporting'] as const
export type Clause = (typeof LSG_CLAUSES)[number] | (typeof SSG_CLAUSES)[number] | (typeof CBO_CLAUSES)[number]

/** A version of a group's regulations (large group), rules (small group) or charter (CBO). */
export interface GroupDocument {
  id: number
  groupType: GroupType
  groupId: number
  version: number
  adoptedOn: string
  meetingId: number
  clauses: Partial<Record<Clause, string>>
  /** Small group: the weekly compulsory saving, ₮ in minor units. */
  weeklySavingsMinor: number | null
  /** Large group: the loan settings this version set (null: it left those in force). */
  loanSettings: LoanSettings | null
  createdBy: string
}
