import { z } from 'zod'
import { op } from './define'
import { id } from './fields'
import type * as R from './resultsTypes'

/** Results: what the project achieved, computed from the records, against its targets. */
export const resultsOps = {
  'results.groupProgress': op<R.GroupProgress>()({
    summary: "The project's self-help group figures (families, persons, large groups constituted, small groups, CBOs) at the end of each project year begun so far, against its targets",
    input: z.strictObject({ projectId: id.optional() }),
    permission: 'register.read',
    write: false,
  }),
} as const
