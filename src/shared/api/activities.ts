import { z } from 'zod'
import { op } from './define'
import { id, isoDate, optionalText, requiredText } from './fields'
import type * as A from './activitiesTypes'
import { ACTIVITY_TYPES } from './activitiesTypes'

export const activityInput = z.strictObject({
  type: z.enum(ACTIVITY_TYPES, { message: `must be one of: ${ACTIVITY_TYPES.join(', ')}` }),
  title: requiredText(300),
  startsOn: isoDate,
  endsOn: isoDate,
  facilitator: optionalText(200),
  projectId: id.nullish().transform((v) => v ?? null),
  budgetLineId: id.nullish().transform((v) => v ?? null),
  notes: optionalText(5000),
  areaIds: z.array(id).min(1, { message: 'is required: at least one area' }).max(30),
  /** Recorded persons taking part: each counted once. */
  personIds: z.array(id).max(2000).default([]),
  /** People from outside: name, sex and (optionally) their area. */
  outsiders: z
    .array(z.strictObject({ name: requiredText(200), sex: z.enum(['female', 'male'], { message: 'must be female or male' }), branchId: id.nullish().transform((v) => v ?? null) }))
    .max(2000)
    .default([]),
})

/** Activities: trainings, workshops, micro-credit education, the magazine, campaigns … with their participants. */
export const activitiesOps = {
  'activities.list': op<A.ActivityRow[]>()({
    summary: 'The activities of a period (by start date), newest first, with their areas and number of participants',
    input: z.strictObject({ from: isoDate, to: isoDate }),
    permission: 'register.read',
    write: false,
  }),
  'activities.get': op<A.ActivityDetail>()({
    summary: 'An activity with its areas and every participant',
    input: z.strictObject({ id }),
    permission: 'register.read',
    write: false,
  }),
  'activities.create': op<A.ActivityDetail>()({
    summary: 'Record an activity with its areas and participants; micro-credit education records the training completion of its recorded participants (the loan checks read it)',
    input: activityInput,
    permission: 'groups.write',
    write: true,
  }),
} as const
