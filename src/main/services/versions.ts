import { DomainError } from '../../shared/domain/result'
import { formatTimeUlaanbaatar } from '../../shared/domain/dates'
import type { ServiceContext } from './context'

type Editable = 'branch' | 'person' | 'household' | 'assembly' | 'lsg' | 'ssg' | 'cbo' | 'indicator'

const WHAT: Record<Editable, string> = {
  branch: 'This local organisation',
  person: 'This person',
  household: 'This household',
  assembly: 'This assembly',
  lsg: 'This large group',
  ssg: 'This small group',
  cbo: 'This community-based organisation',
  indicator: 'This indicator',
}

async function refuseStale(ctx: ServiceContext, table: Editable, id: number): Promise<never> {
  const last = await ctx.sql.one<{ actor: string; at: string }>(
    `SELECT actor, at FROM audit_entry WHERE entity_type = :table AND entity_id = :id ORDER BY id DESC LIMIT 1`,
    { table, id },
  )
  const by = last ? ` by ${last.actor} at ${formatTimeUlaanbaatar(last.at)}` : ''
  const ref = last ? { key: `r.changed.${table}`, vars: { who: last.actor, when: formatTimeUlaanbaatar(last.at) } } : { key: `r.changedUnknown.${table}` }
  throw new DomainError('conflict', `${WHAT[table]} was changed${by} after you opened it; nothing was saved. Reload to see the change, then make yours again.`, 'version', ref)
}

/**
 * Claims the next version of a record edited in place: the update goes ahead
 * only from the version the user started from. Run before the change, in the
 * same transaction: the row stays locked until commit, so of two users saving
 * the same version at once only the first gets through (never a silent overwrite).
 */
export async function claimVersion(ctx: ServiceContext, table: Editable, id: number, expected: number): Promise<number> {
  const changed = await ctx.sql.run(`UPDATE ${table} SET version = version + 1 WHERE id = :id AND version = :expected`, { id, expected })
  if (changed !== 1) await refuseStale(ctx, table, id)
  return expected + 1
}
