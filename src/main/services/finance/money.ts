import { convertFifo, fifoHeld, type Conversion, type FundSource, type MntSpend } from '../../../shared/domain/finance'
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

/** The pool's tranches (transfers, and bank interest under negative ids) and its MNT spends (corrections that give MNT back with `returns`). */
async function pool(ctx: ServiceContext, projectId: number): Promise<{ tranches: FundSource[]; transfers: FundSource[]; spends: MntSpend[] }> {
  const transfers = (
    await ctx.sql.all<{ id: number; date: string; mntMinor: number; dkkMinor: number }>(
      `SELECT id, received_on AS date, mnt_minor AS "mntMinor", dkk_minor AS "dkkMinor" FROM transfer WHERE project_id = :projectId AND voided_at IS NULL ORDER BY id`,
      { projectId },
    )
  ).map((t) => ({ ...t, mntMinor: Number(t.mntMinor), dkkMinor: Number(t.dkkMinor) }))
  // Bank interest adds MNT to the account; it is spent like a transfer, at its recorded DKK value.
  const interest = (
    await ctx.sql.all<{ id: number; date: string; mntMinor: number; dkkMinor: number }>(
      `SELECT id, entry_on AS date, mnt_minor AS "mntMinor", dkk_minor AS "dkkMinor" FROM fund_entry
       WHERE project_id = :projectId AND kind = 'interest' AND mnt_minor > 0 AND dkk_minor > 0 AND voided_at IS NULL ORDER BY id`,
      { projectId },
    )
  ).map((e) => ({ ...e, id: -e.id, mntMinor: Number(e.mntMinor), dkkMinor: Number(e.dkkMinor) }))
  // A correction that takes MNT back gives it back to the pool at the corrected voucher's value.
  const spends = (
    await ctx.sql.all<{ id: number; date: string; mntMinor: number; correctsId: number | null }>(
      `SELECT id, spent_on AS date, amount_minor AS "mntMinor", corrects_id AS "correctsId" FROM expense WHERE project_id = :projectId AND currency = 'MNT' AND voided_at IS NULL ORDER BY id`,
      { projectId },
    )
  ).map(({ correctsId, ...s }) => ({ ...s, mntMinor: Number(s.mntMinor), ...(correctsId === null ? {} : { returns: correctsId }) }))
  return { tranches: [...transfers, ...interest], transfers, spends }
}

async function computeConversions(ctx: ServiceContext, projectId: number): Promise<Conversions> {
  const { tranches, transfers, spends } = await pool(ctx, projectId)
  const byExpense = convertFifo(tranches, spends)
  const used = new Map<number, number>()
  for (const c of byExpense.values()) for (const p of c.portions) used.set(p.sourceId, (used.get(p.sourceId) ?? 0) + p.mntMinor)
  return { byExpense, leftByTransfer: new Map(transfers.map((t) => [t.id, t.mntMinor - (used.get(t.id) ?? 0)])) }
}

/**
 * The project account at the end of a day: the MNT it holds and their DKK
 * value by FIFO (each tranche's MNT left at its own rate), the exchange
 * differences booked by hand so far, and the last transfer's rate (to value
 * the MNT held at, for the exchange difference not yet realised).
 */
export async function accountOn(ctx: ServiceContext, projectId: number, on: string): Promise<{ mntMinor: number; fifoDkkMinor: number; bookedExchangeMinor: number; lastTransfer: FundSource | null }> {
  const { tranches, transfers, spends } = await pool(ctx, projectId)
  const held = fifoHeld(tranches.filter((t) => t.date <= on), spends.filter((s) => s.date <= on))
  const booked = Number(
    await ctx.sql.value<number>(`SELECT coalesce(sum(dkk_minor), 0) AS n FROM fund_entry WHERE project_id = :projectId AND kind = 'exchange' AND voided_at IS NULL AND entry_on <= :on`, { projectId, on }),
  )
  const last = transfers.filter((t) => t.date <= on).sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id).pop() ?? null
  return { mntMinor: held.mntMinor, fifoDkkMinor: held.dkkMinor, bookedExchangeMinor: booked, lastTransfer: last }
}

/** The rounding of the vouchers' DKK values up to a day: the account's FIFO value less what its movements add up to (each voucher rounded to the øre). */
export async function roundingThrough(ctx: ServiceContext, projectId: number, on: string): Promise<number> {
  const account = await accountOn(ctx, projectId, on)
  const moved = Number(
    await ctx.sql.value<number>(
      `SELECT (SELECT coalesce(sum(dkk_minor), 0) FROM transfer WHERE project_id = :projectId AND voided_at IS NULL AND received_on <= :on)
            + (SELECT coalesce(sum(dkk_minor), 0) FROM fund_entry WHERE project_id = :projectId AND kind = 'interest' AND voided_at IS NULL AND entry_on <= :on) AS n`,
      { projectId, on },
    ),
  )
  const { byExpense } = await conversions(ctx, projectId)
  const spent = (await ctx.sql.all<{ id: number }>(`SELECT id FROM expense WHERE project_id = :projectId AND currency = 'MNT' AND voided_at IS NULL AND spent_on <= :on`, { projectId, on })).reduce(
    (s, e) => s + (byExpense.get(e.id)?.dkkMinor ?? 0),
    0,
  )
  return account.fifoDkkMinor - (moved - spent)
}
