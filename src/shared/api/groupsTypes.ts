import type { LocalName } from './types'

/** A group warning, not a refusal: outside the sizes the project plans (SSG 5-8 persons, LSG 35-45 families). */
export interface GroupFlag {
  code: 'ssg_small' | 'ssg_large' | 'lsg_small' | 'lsg_large' | 'household_twice'
  key: 'g.flag.ssgSmall' | 'g.flag.ssgLarge' | 'g.flag.lsgSmall' | 'g.flag.lsgLarge' | 'g.flag.householdTwice'
  vars: Record<string, string | number>
}

export interface Cbo {
  id: number
  branchId: number
  name: string
  foundedOn: string
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
