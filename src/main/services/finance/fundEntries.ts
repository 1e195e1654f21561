import type { z } from 'zod'
import { DomainError } from '../../../shared/domain/result'
import type { fundEntryInput } from '../../../shared/api/finance'
import type { FundEntry } from '../../../shared/api/financeTypes'
import { audit, type ServiceContext } from '../context'
import { requireProject } from './projects'
import { forgetConversions } from './money'
import { assertOpen } from './locks'
import { stands, voidColumns, voidEntry, withVoided, type VoidColumns } from '../voids'

const SELECT = `SELECT id, kind, entry_on AS "entryOn", mnt_minor AS "mntMinor", dkk_minor AS "dkkMinor", note, ${voidColumns()} FROM fund_entry`
type Row = Omit<FundEntry, 'voided'> & VoidColumns

export async function listFundEntries(ctx: ServiceContext, projectId: number, withVoidedEntries = false): Promise<FundEntry[]> {
  await requireProject(ctx, projectId)
  const where = withVoidedEntries ? '' : ` AND ${stands()}`
  return (await ctx.sql.all<Row>(`${SELECT} WHERE project_id = :projectId${where} ORDER BY entry_on, id`, { projectId })).map(withVoided)
}

/** Voids bank interest or an exchange difference recorded by mistake. */
export async function voidFundEntry(ctx: ServiceContext, input: { id: number; reason: string }): Promise<FundEntry> {
  const entry = await ctx.sql.one<{ projectId: number; entryOn: string }>(`SELECT project_id AS "projectId", entry_on AS "entryOn" FROM fund_entry WHERE id = :id`, input)
  if (entry) await assertOpen(ctx, Number(entry.projectId), entry.entryOn, 'id')
  return voidEntry(ctx, 'fund_entry', input.id, input.reason, async () => {
    forgetConversions(ctx)
    const row = await ctx.sql.one<Row>(`${SELECT} WHERE id = :id`, { id: input.id })
    return row ? withVoided(row) : undefined
  })
}

/**
 * Bank interest credits MNT to the project account with its DKK value (it is
 * then spent like a transfer); an exchange difference is a gain (+) or loss (−)
 * in DKK on the account, its own line in the funds statement.
 */
export async function recordFundEntry(ctx: ServiceContext, input: z.output<typeof fundEntryInput>): Promise<FundEntry> {
  const p = await requireProject(ctx, input.projectId)
  if (input.entryOn < p.startsOn || input.entryOn > p.endsOn) throw new DomainError('validation', `must be within the project period (${p.startsOn} to ${p.endsOn})`, 'entryOn')
  await assertOpen(ctx, p.id, input.entryOn, 'entryOn')
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
  const out = withVoided((await ctx.sql.one<Row>(`${SELECT} WHERE id = :id`, { id }))!)
  await audit(ctx, 'fund_entry', id, null, out)
  return out
}
