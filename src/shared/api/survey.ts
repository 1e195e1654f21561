import { z } from 'zod'
import { op } from './define'
import { id, isoDate, optionalText, page, pageSize } from './fields'
import type * as S from './surveyTypes'
import type { ReportFile } from './contract'
import { HOUSING, SURVEY_ROUNDS } from './surveyTypes'

const count = z.number().int().min(0, { message: 'must not be negative' }).max(30, { message: 'must be at most 30' })

export const surveyInput = z
  .strictObject({
    householdId: id,
    round: z.enum(SURVEY_ROUNDS, { message: 'must be one of: baseline, follow_up' }),
    surveyedOn: isoDate,
    /** Monthly income of the household, tögrög minor units. */
    incomeMinor: z.number().int().min(0, { message: 'must not be negative' }).max(1e11),
    housing: z.enum(HOUSING, { message: 'must be one of: ger, house, apartment, other' }),
    electricity: z.boolean(),
    childrenSchoolAge: count,
    childrenInSchool: count,
    notes: optionalText(1000),
    /** The earlier entry this one corrects (it then no longer counts). */
    replacesId: id.nullish().transform((v) => v ?? null),
  })
  .refine((v) => v.childrenInSchool <= v.childrenSchoolAge, { message: 'must not be more than the children of school age', path: ['childrenInSchool'] })

/** The household survey: a baseline and a yearly follow-up per member household (income and living conditions). */
export const surveyOps = {
  'survey.list': op<S.SurveyPage>()({
    summary: 'Survey entries by round, year and area, newest first (corrected ones only on request)',
    input: z.strictObject({
      round: z.enum(SURVEY_ROUNDS).optional(),
      year: z.number().int().min(1990).max(2100).optional(),
      branchId: id.optional(),
      householdId: id.optional(),
      withReplaced: z.boolean().default(false),
      page,
      pageSize,
    }),
    permission: 'register.read',
    write: false,
  }),
  'survey.record': op<S.SurveyEntry>()({
    summary: "Record a household's survey answers (a baseline once; a follow-up once a year); a correction replaces an earlier entry, which is kept",
    input: surveyInput,
    permission: 'groups.write',
    write: true,
  }),
  'survey.template': op<ReportFile>()({
    summary: 'An .xlsx to fill in: one row per household in a small group on the date, with the columns the import reads',
    input: z.strictObject({ on: isoDate, round: z.enum(SURVEY_ROUNDS), branchId: id.optional(), lang: z.enum(['mn', 'en']).default('mn') }),
    permission: 'register.read',
    write: false,
  }),
  'survey.import': op<S.SurveyImport>()({
    summary: 'Import a filled survey sheet: every filled row, or none when a row is wrong (rows left empty are skipped)',
    input: z.strictObject({ fileName: z.string().min(1).max(300), base64: z.string().max(40_000_000), dryRun: z.boolean().default(false) }),
    permission: 'groups.write',
    write: true,
  }),
} as const
