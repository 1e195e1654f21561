import { convertFifo, type Conversion } from '../../../shared/domain/finance'
import type { ServiceContext } from '../context'

/**
 * The DKK value of every MNT expense of a project by FIFO over its transfers
 * and bank interest, and the MNT left of each transfer. Computed from the
 * records each time, so it is never out of date; voided entries take no part.
 */
type Conversions = { byExpense: Map<number, Conversion>; leftByTransfer: Map<number, number> }

/** Within one call (a report asks for the same conversions for each funding source), computed once. */
const cache = new WeakMap<ServiceContext, Map<number, Conversions>>()

/** Writes that change transfers, interest or expenses forget the conversions of the call. */
export function forgetConversions(ctx: ServiceContext): void {
  cache.delete(ctx)
}

export async function conversions(ctx: ServiceContext, projectId: number): Promise<Conversions> {
  const known = cache.get(ctx)?.get(projectId)
  if (known) return known
  const computed = await computeConversions(ctx, projectId)
  cache.set(ctx, (cache.get(ctx) ?? new Map()).set(projectId, computed))
  return computed
}

async function computeConversions(ctx: ServiceContext, projectId: number): Promise<Conversions> {
  const transfers = await ctx.sql.all<{ id: number; date: string; mntMinor: number; dkkMinor: number }>(
    `SELECT id, received_on AS date, mnt_minor AS "mntMinor", dkk_minor AS "dkkMinor" FROM transfer WHERE project_id = :projectId AND voided_at IS NULL ORDER BY id`,
    { projectId },
  )
  // Bank interest adds MNT to the account; it is spent like a transfer, at its recorded DKK value.
  const interest = (
    await ctx.sql.all<{ id: number; date: string; mntMinor: number; dkkMinor: number }>(
      `SELECT id, entry_on AS date, mnt_minor AS "mntMinor", dkk_minor AS "dkkMinor" FROM fund_entry
       WHERE project_id = :projectId AND kind = 'interest' AND mnt_minor > 0 AND dkk_minor > 0 AND voided_at IS NULL ORDER BY id`,
      { projectId },
    )
  ).map((e) => ({ ...e, id: -e.id }))
  // A correction that takes MNT back gives it back to the pool at the corrected voucher's value.
  const spends = (
    await ctx.sql.all<{ id: number; date: string; mntMinor: number; correctsId: number | null }>(
      `SELECT id, spent_on AS date, amount_minor AS "mntMinor", corrects_id AS "correctsId" FROM expense WHERE project_id = :projectId AND currency = 'MNT' AND voided_at IS NULL ORDER BY id`,
      { projectId },
    )
  ).map(({ correctsId, ...s }) => ({ ...s, mntMinor: Number(s.mntMinor), ...(correctsId === null ? {} : { returns: correctsId }) }))
  const byExpense = convertFifo([...transfers, ...interest], spends)
  const used = new Map<number, number>()
  for (const c of byExpense.values()) for (const p of c.portions) used.set(p.sourceId, (used.get(p.sourceId) ?? 0) + p.mntMinor)
  return { byExpense, leftByTransfer: new Map(transfers.map((t) => [t.id, t.mntMinor - (used.get(t.id) ?? 0)])) }
}
