import type { LocalName } from './types'

export const SURVEY_ROUNDS = ['baseline', 'follow_up'] as const
export type SurveyRound = (typeof SURVEY_ROUNDS)[number]
export const HOUSING = ['ger', 'house', 'apartment', 'other'] as const
export type Housing = (typeof HOUSING)[number]

/** A household's survey answers on a date (a baseline, or a yearly follow-up). */
export interface SurveyEntry {
  id: number
  householdId: number
  /** The head's short name, or null for a household without a head recorded. */
  headName: string | null
  area: LocalName
  round: SurveyRound
  surveyedOn: string
  /** Monthly income of the household, in tögrög minor units. */
  incomeMinor: number
  housing: Housing
  electricity: boolean
  childrenSchoolAge: number
  childrenInSchool: number
  notes: string | null
  /** The earlier entry this one corrects. */
  replacesId: number | null
  /** A later entry corrects this one: it no longer counts. */
  replacedBy: number | null
  enteredAt: string
  enteredBy: string
}

export interface SurveyPage {
  rows: SurveyEntry[]
  total: number
  page: number
  pageSize: number
}

export interface SurveyImport {
  fileName: string
  rows: number
  imported: number
  dryRun: boolean
}
