import { z } from 'zod'
import { op } from './define'
import { id, identifier, isoDate, optionalText, recordVersion, requiredText } from './fields'
import type * as R from './resultsTypes'
import { DISAGGREGATIONS, MEASURES } from './resultsTypes'
import { text } from './fields'

/** An exact decimal as typed (a target, a baseline, an entered value): kept as text, never a float. */
const decimal = z
  .string()
  .trim()
  .overwrite((s) => s.replace(/\s/g, '').replace(',', '.'))
  .refine((s) => /^-?\d{1,12}(\.\d{1,4})?$/.test(s), { message: 'must be a number, such as 1200 or 85.5' })

export const profileInput = z.strictObject({
  effectiveOn: isoDate,
  nameMn: requiredText(300),
  nameEn: requiredText(300),
  registrationNumber: optionalText(50),
  address: requiredText(500),
  phone: optionalText(50),
  executiveDirector: requiredText(200),
})

export const indicatorFields = z.strictObject({
  code: identifier(20),
  level: z.enum(['outcome', 'output'], { message: 'must be one of: outcome, output' }),
  nameMn: requiredText(300),
  nameEn: requiredText(300),
  definitionMn: optionalText(2000),
  definitionEn: optionalText(2000),
  unit: z.enum(['number', 'percent'], { message: 'must be one of: number, percent' }),
  cumulative: z.boolean(),
  /** The figure computed from the records; null for an indicator entered per period. */
  measure: z.enum(MEASURES).nullish().transform((v) => v ?? null),
  baselineValue: decimal.nullish().transform((v) => v ?? null),
  baselineOn: isoDate.nullish().transform((v) => v ?? null),
  meansOfVerification: optionalText(500),
  disaggregation: z.array(z.enum(DISAGGREGATIONS)).max(4).default([]),
  targets: z.array(z.strictObject({ projectYear: z.number().int().min(1).max(20), target: decimal })).max(20).default([]),
})

/** The results framework: indicators, their targets, and what is entered per project year. */
export const indicatorOps = {
  'results.framework': op<R.Framework>()({
    summary: "A project's results framework with each indicator's baseline, targets and figures per project year (computed from the records, or as entered); one project year only when given",
    input: z.strictObject({ projectId: id.optional(), projectYear: z.number().int().min(1).max(20).optional() }),
    permission: 'register.read',
    write: false,
  }),
  'results.indicator': op<R.Framework>()({
    summary: 'One indicator of the results framework with its figures per project year and, for a computed one, the figures it comes from',
    input: z.strictObject({ id }),
    permission: 'register.read',
    write: false,
  }),
  'indicators.create': op<R.Framework>()({
    summary: 'Add an indicator to a project’s results framework, with its targets per project year',
    input: indicatorFields.extend({ projectId: id }),
    permission: 'groups.write',
    write: true,
  }),
  'indicators.update': op<R.Framework>()({
    summary: 'Change an indicator’s definition, baseline or targets (the audit trail keeps what it was)',
    input: z.strictObject({ id, version: recordVersion, indicator: indicatorFields }),
    permission: 'groups.write',
    write: true,
  }),
  'indicators.enter': op<R.Framework>()({
    summary: "Enter for a project year an indicator's value (one entered per period) with its source, and the comment for the progress report; appended, the latest counts",
    input: z.strictObject({
      indicatorId: id,
      projectYear: z.number().int().min(1).max(20),
      value: decimal.nullish().transform((v) => v ?? null),
      source: optionalText(300),
      comment: optionalText(2000),
    }),
    permission: 'groups.write',
    write: true,
  }),
  'organisation.profile': op<R.OrganisationProfile[]>()({
    summary: "The organisation's particulars (name, registration, address, telephone, executive director), each entry from its date, newest first",
    input: z.strictObject({}),
    permission: 'register.read',
    write: false,
  }),
  'organisation.setProfile': op<R.OrganisationProfile[]>()({
    summary: "Record the organisation's particulars from a date (appended; earlier entries keep what held before)",
    input: profileInput,
    permission: 'settings.write',
    write: true,
  }),
  'narratives.get': op<R.Narratives>()({
    summary: "The progress report's texts of a project year (0: the completion report over the whole project): summary, challenges, lessons learned",
    input: z.strictObject({ projectId: id, projectYear: z.number().int().min(0).max(20) }),
    permission: 'register.read',
    write: false,
  }),
  'narratives.set': op<R.Narratives>()({
    summary: "Write the progress report's texts of a project year; a changed text is appended, the earlier one kept",
    input: z.strictObject({
      projectId: id,
      projectYear: z.number().int().min(0).max(20),
      texts: z.strictObject({ summary: text(20000).optional(), challenges: text(20000).optional(), lessons: text(20000).optional() }),
    }),
    permission: 'groups.write',
    write: true,
  }),
} as const
