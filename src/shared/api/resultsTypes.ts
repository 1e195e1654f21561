import type { LocalName } from './types'

/**
 * The figures of the self-help groups the app computes from its records, on a date:
 * member families (households with a member in a small group), the persons of those
 * families, large groups constituted (regulations adopted, chairman and treasurer in
 * office), small groups with members, CBOs founded.
 */
export const GROUP_MEASURES = ['families_in_groups', 'persons_of_member_families', 'lsgs_constituted', 'ssgs_active', 'cbos_formed'] as const
export type GroupMeasure = (typeof GROUP_MEASURES)[number]

/** A project year of the progress: its last day, or today while it runs. */
export interface ProgressColumn {
  projectYear: number
  asOf: string
  /** The year is still running: the figure is as of today. */
  running: boolean
}

export interface ProgressRow {
  measure: GroupMeasure
  /** The results framework's indicator that computes this figure, when the project has one. */
  indicator: { code: string; name: LocalName } | null
  /** One per column. */
  actual: number[]
  /** One per column: the indicator's target for that project year, or null. */
  target: Array<number | null>
}

/** The project's group figures at the end of each project year begun so far, against the targets of its results framework. */
export interface GroupProgress {
  project: { id: number; code: string; name: LocalName } | null
  columns: ProgressColumn[]
  rows: ProgressRow[]
}

/** Every figure the app computes from its records for the results framework (DOMAIN.md), with its kind and unit. */
export const MEASURES = [
  'families_in_groups',
  'persons_of_member_families',
  'lsgs_constituted',
  'ssgs_active',
  'ssgs_properly_run',
  'attendance_rate',
  'retention_rate',
  'savings_total',
  'savings_per_member',
  'loans_disbursed',
  'par30',
  'common_interest_projects',
  'cbos_formed',
  'cbos_registered',
  'events',
  'unique_participants',
  'cost_per_participant',
  'median_income',
  'income_rose_share',
] as const
export type Measure = (typeof MEASURES)[number]

/** stock: counted on the period's last day; flow: summed over the period; rate: a ratio over the period (or on its last day). */
export const MEASURE_KINDS: Record<Measure, 'stock' | 'flow' | 'rate'> = {
  families_in_groups: 'stock',
  persons_of_member_families: 'stock',
  lsgs_constituted: 'stock',
  ssgs_active: 'stock',
  ssgs_properly_run: 'rate',
  attendance_rate: 'rate',
  retention_rate: 'rate',
  savings_total: 'stock',
  savings_per_member: 'stock',
  loans_disbursed: 'flow',
  par30: 'stock',
  common_interest_projects: 'flow',
  cbos_formed: 'stock',
  cbos_registered: 'stock',
  events: 'flow',
  unique_participants: 'flow',
  cost_per_participant: 'rate',
  median_income: 'rate',
  income_rose_share: 'rate',
}

/** The unit a measure's value is in: a count, a percentage, tögrög or kroner (major units). */
export const MEASURE_UNITS: Record<Measure, 'number' | 'percent' | 'mnt' | 'dkk'> = {
  families_in_groups: 'number',
  persons_of_member_families: 'number',
  lsgs_constituted: 'number',
  ssgs_active: 'number',
  ssgs_properly_run: 'number',
  attendance_rate: 'percent',
  retention_rate: 'percent',
  savings_total: 'mnt',
  savings_per_member: 'mnt',
  loans_disbursed: 'number',
  par30: 'percent',
  common_interest_projects: 'number',
  cbos_formed: 'number',
  cbos_registered: 'number',
  events: 'number',
  unique_participants: 'number',
  cost_per_participant: 'dkk',
  median_income: 'mnt',
  income_rose_share: 'percent',
}

/** A computed figure: its value, and where it is a ratio the numerator and denominator, with the figures it comes from. */
export interface MeasureFigure {
  value: number | null
  numerator: number | null
  denominator: number | null
  /** The figures behind it: a catalogue key, the number and its type (money in minor units). */
  parts: Array<{ key: string; value: number; type: 'int' | 'mnt' | 'dkk' }>
  bySex?: { female: number; male: number }
  /** The figure broken down by the dimensions it can be (sex, area, single-woman-headed, age band): a label (a catalogue key, or a name) and its count. */
  breakdown?: Partial<Record<(typeof DISAGGREGATIONS)[number], Array<{ label: { key: string } | { name: LocalName }; value: number }>>>
}

export const DISAGGREGATIONS = ['sex', 'area', 'single_woman_headed', 'age_band'] as const

/** One project year of an indicator. */
export interface IndicatorYear {
  projectYear: number
  asOf: string
  running: boolean
  target: number | null
  /** The year's own figure (a stock: on its last day). */
  actual: number | null
  /** From the project's start to the year's end (a stock: the same as the year's). */
  cumulative: number | null
  /** Of the target: the cumulative figure for a cumulative indicator, else the year's; a percentage. */
  achieved: number | null
  /** A computed indicator's figure for the year (cumulative where the indicator is), with its parts. */
  figure: MeasureFigure | null
  /** What was entered for the year: a manual indicator's value, and the comment for the progress report. */
  entered: { value: number | null; source: string | null; comment: string | null; enteredAt: string; enteredBy: string } | null
}

export interface Indicator {
  id: number
  version: number
  code: string
  level: 'outcome' | 'output'
  name: LocalName
  definition: LocalName | null
  unit: 'number' | 'percent'
  cumulative: boolean
  /** The figure computed from the records, or null for an indicator entered per period. */
  measure: Measure | null
  baseline: { value: number | null; on: string | null }
  meansOfVerification: string | null
  disaggregation: Array<(typeof DISAGGREGATIONS)[number]>
  years: IndicatorYear[]
}

export interface Framework {
  project: { id: number; code: string; name: LocalName; startsOn: string } | null
  columns: ProgressColumn[]
  indicators: Indicator[]
}

export const NARRATIVE_SECTIONS = ['summary', 'challenges', 'lessons'] as const
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number]

/** The progress report's texts of a project year (0: the whole project), the latest of each section. */
export type Narratives = { projectId: number; projectYear: number } & Record<NarrativeSection, { text: string; enteredAt: string; enteredBy: string; versions: number } | null>

/** The organisation's particulars in force from a date (the NGO law's yearly report reads them). */
export interface OrganisationProfile {
  id: number
  effectiveOn: string
  nameMn: string
  nameEn: string
  registrationNumber: string | null
  address: string
  phone: string | null
  executiveDirector: string
  enteredAt: string
  enteredBy: string
}
