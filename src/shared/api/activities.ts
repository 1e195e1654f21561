import { z } from 'zod'
import { op } from './define'
import { id, isoDate, optionalText, requiredText } from './fields'
import type * as A from './activitiesTypes'
import { ACTIVITY_TYPES } from './activitiesTypes'

const copies = z.number().int().min(0, { message: 'must not be negative' }).max(10_000_000).nullish().transform((v) => v ?? null)

const outsiders = z
  .array(z.strictObject({ name: requiredText(200), sex: z.enum(['female', 'male'], { message: 'must be female or male' }), branchId: id.nullish().transform((v) => v ?? null) }))
  .max(2000)
  .default([])

export const activityInput = z.strictObject({
  type: z.enum(ACTIVITY_TYPES, { message: `must be one of: ${ACTIVITY_TYPES.join(', ')}` }),
  title: requiredText(300),
  startsOn: isoDate,
  endsOn: isoDate,
  facilitator: optionalText(200),
  projectId: id.nullish().transform((v) => v ?? null),
  budgetLineId: id.nullish().transform((v) => v ?? null),
  notes: optionalText(5000),
  /** The magazine and publications: the issue, and the copies printed and given out. */
  issue: optionalText(100),
  copiesPrinted: copies,
  copiesDistributed: copies,
  partnerIds: z.array(id).max(50).default([]),
  /** The project's expenses that paid for it (each pays for one activity only). */
  expenseIds: z.array(id).max(500).default([]),
  areaIds: z.array(id).min(1, { message: 'is required: at least one area' }).max(30),
  /** Recorded persons taking part: each counted once. */
  personIds: z.array(id).max(2000).default([]),
  /** People from outside: name, sex and (optionally) their area. */
  outsiders,
})

export const addParticipantsInput = z.strictObject({ id, personIds: z.array(id).max(2000).default([]), outsiders })

/** Activities: trainings, workshops, micro-credit education, the magazine, campaigns … with their participants. */
export const activitiesOps = {
  'activities.list': op<A.ActivityRow[]>()({
    summary: 'The activities of a period (by start date; all without one), of a type or an area, newest first, with their areas, number of participants and cost',
    input: z.strictObject({ from: isoDate.optional(), to: isoDate.optional(), type: z.enum(ACTIVITY_TYPES).optional(), branchId: id.optional() }),
    permission: 'register.read',
    write: false,
  }),
  'activities.get': op<A.ActivityDetail>()({
    summary: 'An activity with its areas and every participant',
    input: z.strictObject({ id }),
    permission: 'register.read',
    write: false,
  }),
  'activities.candidates': op<A.Candidate[]>()({
    summary: "Who can be picked as participants at once: a small or large group's members, or a local organisation's SPN members, on a date",
    input: z.strictObject({ from: z.enum(['ssg', 'lsg', 'branch']), id, on: isoDate }),
    permission: 'register.read',
    write: false,
  }),
  'activities.partners': op<A.Partner[]>()({
    summary: 'The partner organisations an activity can name (the cooperating parties of the project description and any added since)',
    input: z.strictObject({}),
    permission: 'register.read',
    write: false,
  }),
  'activities.addPartner': op<A.Partner>()({
    summary: 'Add a partner organisation to the list',
    input: z.strictObject({ nameMn: requiredText(300), nameEn: optionalText(300) }),
    permission: 'groups.write',
    write: true,
  }),
  'activities.addParticipants': op<A.ActivityDetail>()({
    summary: 'Add participants to a recorded activity (those already in it are left as they are); micro-credit education records their training completion',
    input: addParticipantsInput,
    permission: 'groups.write',
    write: true,
  }),
  'activities.linkExpenses': op<A.ActivityDetail>()({
    summary: "Set the expenses that paid for an activity (its cost); an expense already paying for another activity is refused",
    input: z.strictObject({ id, expenseIds: z.array(id).max(500) }),
    permission: 'groups.write',
    write: true,
  }),
  'activities.create': op<A.ActivityDetail>()({
    summary: 'Record an activity with its areas and participants; micro-credit education records the training completion of its recorded participants (the loan checks read it)',
    input: activityInput,
    permission: 'groups.write',
    write: true,
  }),
} as const
