import { z } from 'zod'
import { op } from './define'
import { isoDate } from './fields'
import type * as P from './portfolioTypes'

/** Portfolio quality of the group loans, on any date. */
export const portfolioOps = {
  'portfolio.quality': op<P.Portfolio>()({
    summary: 'Loans and borrowers, outstanding principal, ageing in days and weeks, PAR1 and PAR30, arrears rate, on-time and collection rates, write-offs and recoveries on a date: in total, per area, large and small group; the write-off candidates',
    input: z.strictObject({ on: isoDate, from: isoDate.optional() }),
    permission: 'register.read',
    write: false,
  }),
  'portfolio.parSeries': op<P.ParPoint[]>()({
    summary: 'PAR30 and PAR1 of all loans at the end of each month of a period',
    input: z.strictObject({ from: isoDate, to: isoDate }),
    permission: 'register.read',
    write: false,
  }),
} as const
