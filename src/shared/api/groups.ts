import { z } from 'zod'
import { op } from './define'
import { id, identifier, isoDate, optionalText, recordVersion, requiredText } from './fields'
import type * as G from './groupsTypes'
import { CBO_CLAUSES, LSG_CLAUSES, SSG_CLAUSES } from './groupsTypes'

const weekday = z.number().int().min(1, { message: 'must be a weekday from 1 (Monday) to 7 (Sunday)' }).max(7, { message: 'must be a weekday from 1 (Monday) to 7 (Sunday)' })

const pctField = z.number().int({ message: 'must be a whole number' }).min(0, { message: 'must not be negative' }).max(100, { message: 'must be at most 100' })
const countField = (max: number) => z.number().int({ message: 'must be a whole number' }).min(0, { message: 'must not be negative' }).max(max, { message: `must be at most ${max}` })

/** A large group's loan settings (its regulations): the thresholds of the loan checks and the share of fund (2). */
export const loanSettingsInput = z.strictObject({
  shareF2Percent: pctField,
  minWeeksInGroup: countField(520),
  minSavingsCompliancePct: pctField,
  minAttendancePct: pctField,
  maxSavingsMultiple: z.number().int({ message: 'must be a whole number' }).min(1, { message: 'must be at least 1' }).max(20, { message: 'must be at most 20' }),
  cycleCapsMinor: z.array(z.number().int().min(1, { message: 'must be more than nothing' }).max(1e11, { message: 'is too large' })).min(1, { message: 'is required' }).max(10),
  maxGroupDaysLate: countField(365),
})

export const cboInput = z
  .strictObject({
    branchId: id,
    name: requiredText(200),
    /** The unified meeting of the area's large groups that founded it. */
    foundedOn: isoDate,
    /** State registration: the number and date, both or neither. */
    registrationNumber: optionalText(50),
    registeredOn: isoDate.nullish().transform((v) => v ?? null),
  })
  .superRefine((c, ctx) => {
    if (c.registrationNumber && !c.registeredOn) ctx.addIssue({ code: 'custom', path: ['registeredOn'], message: 'is required with the registration number' })
    if (c.registeredOn && !c.registrationNumber) ctx.addIssue({ code: 'custom', path: ['registrationNumber'], message: 'is required with the registration date' })
  })

export const lsgInput = z.strictObject({
  branchId: id,
  code: identifier(20),
  name: requiredText(200),
  formedOn: isoDate,
  projectYear: z.number().int().min(1, { message: 'must be at least 1' }).max(20),
  /** The monthly meeting: the week of the month (1-4, or 5 for the last) and the weekday. */
  meetingWeek: z.number().int().min(1, { message: 'must be a week from 1 to 4, or 5 for the last' }).max(5, { message: 'must be a week from 1 to 4, or 5 for the last' }),
  meetingWeekday: weekday,
})

export const ssgInput = z.strictObject({
  lsgId: id,
  code: identifier(20),
  name: requiredText(200),
  formedOn: isoDate,
  meetingWeekday: weekday,
})

/** Self-help groups: the areas' CBOs, large groups (LSG), small groups (SSG) and their members. */
export const groupsOps = {
  'groups.tree': op<G.GroupArea[]>()({
    summary: 'The project areas with their CBO, large groups and counts on a date (today when not given)',
    input: z.strictObject({ branchId: id.optional(), on: isoDate.optional() }),
    permission: 'register.read',
    write: false,
  }),
  'cbos.create': op<G.Cbo>()({ summary: "Record an area's community-based organisation (CBO): one per area", input: cboInput, permission: 'groups.write', write: true }),
  'cbos.update': op<G.Cbo>()({
    summary: "Change an area's CBO: its name, founding date, state registration (not its area)",
    input: z.strictObject({ id, version: recordVersion, cbo: cboInput }),
    permission: 'groups.write',
    write: true,
  }),
  'cbos.get': op<G.CboDetail>()({ summary: "A CBO with its area's large groups and its members today", input: z.strictObject({ id }), permission: 'register.read', write: false }),
  'lsgs.create': op<G.LsgRow>()({ summary: 'Record a large self-help group (LSG) of a project area', input: lsgInput, permission: 'groups.write', write: true }),
  'lsgs.update': op<G.LsgRow>()({
    summary: 'Change a large self-help group (not its area)',
    input: z.strictObject({ id, version: recordVersion, lsg: lsgInput }),
    permission: 'groups.write',
    write: true,
  }),
  'lsgs.get': op<G.LsgDetail>()({ summary: 'A large group with its small groups and counts', input: z.strictObject({ id }), permission: 'register.read', write: false }),
  'ssgs.create': op<G.SsgRow>()({ summary: 'Record a small self-help group (SSG) of a large group', input: ssgInput, permission: 'groups.write', write: true }),
  'ssgs.update': op<G.SsgRow>()({
    summary: 'Change a small self-help group (not its large group)',
    input: z.strictObject({ id, version: recordVersion, ssg: ssgInput }),
    permission: 'groups.write',
    write: true,
  }),
  'ssgs.get': op<G.SsgDetail>()({ summary: 'A small group with its members today and its past members', input: z.strictObject({ id }), permission: 'register.read', write: false }),
  'roster.candidates': op<G.GroupCandidate[]>()({
    summary: 'Persons of households of the area who are in no small group on the date, by name (a name or register number narrows it)',
    input: z.strictObject({ ssgId: id, on: isoDate, query: z.string().max(100).default('') }),
    permission: 'register.read',
    write: false,
  }),
  'roster.join': op<G.GroupMembership>()({
    summary: 'A person of the area joins a small group on a date (one small group at a time)',
    input: z.strictObject({ ssgId: id, personId: id, joinedOn: isoDate }),
    permission: 'groups.write',
    write: true,
  }),
  'roster.leave': op<G.GroupMembership>()({
    summary: 'A member leaves her small group on a date, with the reason (the period is kept)',
    input: z.strictObject({ id, leftOn: isoDate, reason: requiredText(500) }),
    permission: 'groups.write',
    write: true,
  }),
  'roster.move': op<G.GroupMembership>()({
    summary: 'A member moves to another small group of the same large group on a date: her period ends there and a new one starts',
    input: z.strictObject({ id, toSsgId: id, movedOn: isoDate }),
    permission: 'groups.write',
    write: true,
  }),
  'roster.ofHousehold': op<G.GroupMembership[]>()({
    summary: "A household's members in small groups, newest first",
    input: z.strictObject({ householdId: id }),
    permission: 'register.read',
    write: false,
  }),
  'roster.ofPerson': op<G.GroupMembership[]>()({
    summary: "A person's periods in small groups, newest first",
    input: z.strictObject({ personId: id }),
    permission: 'register.read',
    write: false,
  }),
} as const

const groupRef = { groupType: z.enum(['ssg', 'lsg', 'cbo'], { message: 'must be ssg, lsg or cbo' }), groupId: id }
const attendance = z
  .array(z.strictObject({ personId: id, status: z.enum(['present', 'late', 'represented', 'excused', 'absent'], { message: 'must be present, late, represented, excused or absent' }) }))
  .max(2000)
  .refine((a) => new Set(a.map((x) => x.personId)).size === a.length, { message: 'lists the same member twice' })

export const meetingInput = z.strictObject({
  ...groupRef,
  heldOn: isoDate,
  /** Every member of the group on that date, each once. */
  attendance,
  minutes: optionalText(20000),
  decisions: optionalText(20000),
})

/** Meetings, attendance and office holders of the self-help groups. */
export const meetingOps = {
  'meetings.list': op<G.GroupMeetings>()({
    summary: "A group's meetings with attendance, the meetings its rule expected and the weeks or months missed",
    input: z.strictObject(groupRef),
    permission: 'register.read',
    write: false,
  }),
  'meetings.sheet': op<G.SheetMember[]>()({
    summary: 'The attendance sheet of a meeting on a date: the members of the group on that date',
    input: z.strictObject({ ...groupRef, heldOn: isoDate }),
    permission: 'register.read',
    write: false,
  }),
  'meetings.week': op<G.WeekSheet[]>()({
    summary: 'The small groups of a large group for a week: each one’s meeting day, the meeting already recorded that week, and its sheet (for entering a sitting of sheets)',
    input: z.strictObject({ lsgId: id, weekOf: isoDate }),
    permission: 'register.read',
    write: false,
  }),
  'meetings.get': op<G.MeetingDetail>()({ summary: 'A meeting with every member’s attendance, its corrections and elections', input: z.strictObject({ id }), permission: 'register.read', write: false }),
  'meetings.record': op<G.MeetingRow>()({
    summary: 'Record a meeting of a small or large group or a CBO with every member’s attendance',
    input: meetingInput,
    permission: 'groups.write',
    write: true,
  }),
  'meetings.correct': op<G.MeetingRow>()({
    summary: 'Correct a meeting’s attendance, minutes or decisions; once a later meeting locked it, with the reason, kept as corrections',
    input: z.strictObject({ id, attendance, minutes: optionalText(20000), decisions: optionalText(20000), reason: optionalText(1000) }),
    permission: 'groups.write',
    write: true,
  }),
  'offices.elect': op<G.OfficeTerm>()({
    summary: "Record an office holder elected at a group's meeting (SSG representative; LSG or CBO chairman or treasurer)",
    input: z.strictObject({ meetingId: id, office: z.enum(['chair', 'treasurer', 'representative'], { message: 'must be chair, treasurer or representative' }), personId: id }),
    permission: 'groups.write',
    write: true,
  }),
  'documents.ofGroup': op<G.GroupDocument[]>()({
    summary: "A group's regulations (large group), rules (small group) or charter (CBO), every version, newest first",
    input: z.strictObject(groupRef),
    permission: 'register.read',
    write: false,
  }),
  'documents.adopt': op<G.GroupDocument>()({
    summary: "Record a new version of a group's regulations, rules or charter, adopted at one of its meetings (a small group's rules by all its members)",
    input: z.strictObject({
      meetingId: id,
      clauses: z.partialRecord(z.enum([...LSG_CLAUSES, ...SSG_CLAUSES, ...CBO_CLAUSES]), z.string().max(5000)),
      /** Small group: the weekly compulsory saving in ₮ (minor units). */
      weeklySavingsMinor: z.number().int().min(0, { message: 'must not be negative' }).max(1e10).nullish().transform((v) => v ?? null),
      /** Large group: the loan settings this version sets (none: those in force stay). */
      loanSettings: loanSettingsInput.nullish().transform((v) => v ?? null),
    }),
    permission: 'groups.write',
    write: true,
  }),
  'offices.ofPerson': op<G.PersonOffice[]>()({
    summary: 'The group offices a person was elected to, newest first',
    input: z.strictObject({ personId: id }),
    permission: 'register.read',
    write: false,
  }),
  'offices.ofGroup': op<G.GroupOffices>()({
    summary: "A group's office holders now and before, and whether its election is overdue",
    input: z.strictObject(groupRef),
    permission: 'register.read',
    write: false,
  }),
} as const
