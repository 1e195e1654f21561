import { DomainError } from '../../shared/domain/result'
import type { Voided } from '../../shared/api/types'
import { formatTimeUlaanbaatar } from '../../shared/domain/dates'
import type { VOIDABLE } from '../db/migrations/0008-voids'
import { audit, type ServiceContext } from './context'

/*
 * Voids: an entry money depends on is never edited or deleted. It is voided
 * — when, by whom and why are written on it, once — and the right one is
 * recorded. A voided entry stays on its list (struck through, on request) and
 * counts nowhere: totals, FIFO values, balances and reports leave it out, and
 * its voucher or receipt number is free for the corrected entry.
 */

export type Voidable = (typeof VOIDABLE)[number]

/** The void columns, for a SELECT (`alias` with its dot: `e.`). */
export const voidColumns = (alias = '') => `${alias}voided_at AS "voidedAt", ${alias}voided_by AS "voidedBy", ${alias}void_reason AS "voidReason"`

/** The condition for entries that stand (are not voided). */
export const stands = (alias = '') => `${alias}voided_at IS NULL`

export interface VoidColumns {
  voidedAt: string | null
  voidedBy: string | null
  voidReason: string | null
}

/** A row's void columns as the contract gives them, and the row without them. */
export function withVoided<T extends VoidColumns>(row: T): Omit<T, keyof VoidColumns> & { voided: Voided | null } {
  const { voidedAt, voidedBy, voidReason, ...rest } = row
  return { ...rest, voided: voidedAt ? { at: voidedAt, by: voidedBy ?? '', reason: voidReason ?? '' } : null }
}

const WHAT: Record<Voidable, string> = { transfer: 'transfer', expense: 'expense', fund_entry: 'entry', fee_payment: 'payment' }

/**
 * Voids an entry: refused when it does not exist or is already voided (saying
 * by whom and when). `read` gives the entry as the contract shows it, for the
 * audit trail's before and after.
 */
export async function voidEntry<T>(ctx: ServiceContext, table: Voidable, id: number, reason: string, read: () => Promise<T | undefined>): Promise<T> {
  const row = await ctx.sql.one<{ voidedAt: string | null; voidedBy: string | null }>(`SELECT voided_at AS "voidedAt", voided_by AS "voidedBy" FROM ${table} WHERE id = :id`, { id })
  if (!row) throw new DomainError('not_found', `No ${WHAT[table]} with id ${id}`, 'id', { key: 'r.noEntry', vars: { id } })
  if (row.voidedAt) {
    const when = formatTimeUlaanbaatar(row.voidedAt)
    throw new DomainError('conflict', `This ${WHAT[table]} was already voided by ${row.voidedBy} at ${when}`, 'id', { key: 'r.alreadyVoided', vars: { who: row.voidedBy ?? '', when } })
  }
  const before = await read()
  await ctx.sql.run(`UPDATE ${table} SET voided_at = :now, voided_by = :actor, void_reason = :reason WHERE id = :id AND voided_at IS NULL`, { id, now: ctx.now, actor: ctx.actor, reason })
  const after = (await read())!
  await audit(ctx, table, id, before, after)
  return after
}
