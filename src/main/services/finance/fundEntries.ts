import type { z } from 'zod'
import { DomainError } from '../../../shared/domain/result'
import type { fundEntryInput } from '../../../shared/api/finance'
import type { FundEntry } from '../../../shared/api/financeTypes'
import { audit, type ServiceContext } from '../context'
import { requireProject } from './projects'
import { forgetConversions } from './money'

const SELECT = `SELECT id, kind, entry_on AS "entryOn", mnt_minor AS "mntMinor", dkk_minor AS "dkkMinor", note FROM fund_entry`

export async function listFundEntries(ctx: ServiceContext, projectId: number): Promise<FundEntry[]> {
  await requireProject(ctx, projectId)
  return ctx.sql.all<FundEntry>(`${SELECT} WHERE project_id = :projectId ORDER BY entry_on, id`, { projectId })
}

/**
 * Bank interest credits MNT to the project account with its DKK value (it is
 * then spent like a transfer); an exchange difference is a gain (+) or loss (−)
 * in DKK on the account, its own line in the funds statement.
 */
export async function recordFundEntry(ctx: ServiceContext, input: z.output<typeof fundEntryInput>): Promise<FundEntry> {
  const p = await requireProject(ctx, input.projectId)
  if (input.entryOn < p.startsOn || input.entryOn > p.endsOn) throw new DomainError('validation', `must be within the project period (${p.startsOn} to ${p.endsOn})`, 'entryOn')
  if (input.kind === 'interest') {
    if (input.mntMinor <= 0) throw new DomainError('validation', 'must be more than 0 for bank interest', 'mntMinor')
    if (input.dkkMinor <= 0) throw new DomainError('validation', 'must be more than 0: the DKK value of the interest', 'dkkMinor')
  } else if (input.dkkMinor === 0) throw new DomainError('validation', 'must not be 0 for an exchange difference', 'dkkMinor')
  forgetConversions(ctx)
  const id = await ctx.sql.insert(
    `INSERT INTO fund_entry (project_id, kind, entry_on, mnt_minor, dkk_minor, note, created_at)
     VALUES (:projectId, :kind, :entryOn, :mntMinor, :dkkMinor, :note, :now) RETURNING id`,
    { ...input, projectId: p.id, now: ctx.now },
  )
  const out = (await ctx.sql.one<FundEntry>(`${SELECT} WHERE id = :id`, { id }))!
  await audit(ctx, 'fund_entry', id, null, out)
  return out
}
