import { DomainError } from '../../../shared/domain/result'
import { addDays, formatDateMn } from '../../../shared/domain/dates'
import type { ServiceContext } from '../context'

/*
 * A period submitted to the donor is locked (submissions.ts): the project's
 * money entries dated up to its end are refused, so that period's reports,
 * made again, keep their figures.
 */

/** The last day of the project's periods submitted so far (null: nothing submitted), with the report that locked it. */
export async function lockedThrough(ctx: ServiceContext, projectId: number): Promise<{ to: string; fileName: string } | null> {
  return (
    (await ctx.sql.one<{ to: string; fileName: string }>(
      `SELECT period_to AS "to", file_name AS "fileName" FROM submitted_report WHERE project_id = :projectId ORDER BY period_to DESC, id DESC LIMIT 1`,
      { projectId },
    )) ?? null
  )
}

/** Refuses an entry dated in a period submitted to the donor. */
export async function assertOpen(ctx: ServiceContext, projectId: number, date: string, field: string): Promise<void> {
  const lock = await lockedThrough(ctx, projectId)
  if (!lock || date > lock.to) return
  const from = addDays(lock.to, 1)
  throw new DomainError(
    'validation',
    `is in a period already submitted to the donor (up to ${lock.to}, ${lock.fileName}): record it, or its correction, in the open period, from ${from}`,
    field,
    { key: 'r.periodLocked', vars: { to: formatDateMn(lock.to), file: lock.fileName, from: formatDateMn(from) } },
  )
}

