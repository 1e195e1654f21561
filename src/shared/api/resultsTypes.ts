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
