import type { z } from 'zod'
import { notFuture } from '../dates'
import { DomainError } from '../../../shared/domain/result'
import { rateString } from '../../../shared/domain/finance'
import type { transferInput } from '../../../shared/api/finance'
import type { Transfer } from '../../../shared/api/financeTypes'
import { audit, type ServiceContext } from '../context'
import { requireProject } from './projects'
import { conversions, forgetConversions } from './money'
import { assertOpen } from './locks'
import { stands, voidColumns, voidEntry, withVoided, type VoidColumns } from '../voids'
import { formatDateMn } from '../../../shared/domain/dates'
import { rateOutlier } from '../../../shared/domain/plausibility'

interface TransferRecord extends VoidColumns {
  id: number
  sentOn: string
  dkkMinor: number
  receivedOn: string
  mntMinor: number
  reference: string | null
  note: string | null
}

const SELECT = `SELECT id, sent_on AS "sentOn", dkk_minor AS "dkkMinor", received_on AS "receivedOn", mnt_minor AS "mntMinor", reference, note, ${voidColumns()} FROM transfer`

/** The project's transfers, oldest first; the voided ones too when asked (they convert nothing). */
export async function listTransfers(ctx: ServiceContext, projectId: number, withVoidedEntries = false): Promise<Transfer[]> {
  await requireProject(ctx, projectId)
  const { leftByTransfer } = await conversions(ctx, projectId)
  const where = withVoidedEntries ? '' : ` AND ${stands()}`
  return (await ctx.sql.all<TransferRecord>(`${SELECT} WHERE project_id = :projectId${where} ORDER BY received_on, id`, { projectId })).map((t) => ({
    ...withVoided(t),
    rate: rateString(t.mntMinor, t.dkkMinor),
    mntLeftMinor: t.voidedAt ? 0 : (leftByTransfer.get(t.id) ?? t.mntMinor),
  }))
}

/** Voids a transfer recorded by mistake: the expenses it covered are converted from the others (FIFO) at once. */
export async function voidTransfer(ctx: ServiceContext, input: { id: number; reason: string }): Promise<Transfer> {
  const projectId = await ctx.sql.value(`SELECT coalesce(max(project_id), 0) AS n FROM transfer WHERE id = :id`, { id: input.id })
  const receivedOn = await ctx.sql.value<string | null>(`SELECT max(received_on) AS d FROM transfer WHERE id = :id`, { id: input.id })
  if (receivedOn) await assertOpen(ctx, projectId, receivedOn, 'id')
  return voidEntry(ctx, 'transfer', input.id, input.reason, async () => {
    forgetConversions(ctx)
    return (await listTransfers(ctx, projectId, true)).find((t) => t.id === input.id)
  })
}

/** Records DKK sent and MNT received; the implied rate is kept exactly (both amounts are stored). */
export async function createTransfer(ctx: ServiceContext, input: z.output<typeof transferInput>): Promise<Transfer> {
  const p = await requireProject(ctx, input.projectId)
  if (input.receivedOn < input.sentOn) throw new DomainError('validation', 'must not be before the date it was sent', 'receivedOn')
  notFuture(ctx, input.receivedOn, 'receivedOn')
  await assertOpen(ctx, p.id, input.receivedOn, 'receivedOn')
  if (input.sentOn < p.startsOn.slice(0, 4) + '-01-01') throw new DomainError('validation', `is long before the project starts (${p.startsOn})`, 'sentOn')
  if (!input.confirmed) {
    // A rate far from the last transfer's is usually a digit typed wrong: asked before it is saved.
    const previous = await ctx.sql.one<{ mntMinor: number; dkkMinor: number; receivedOn: string }>(
      `SELECT mnt_minor AS "mntMinor", dkk_minor AS "dkkMinor", received_on AS "receivedOn" FROM transfer WHERE project_id = :projectId AND ${stands()} ORDER BY received_on DESC, id DESC LIMIT 1`,
      { projectId: p.id },
    )
    const away = rateOutlier(input.mntMinor, input.dkkMinor, previous ?? null)
    if (away !== null && previous) {
      const vars = { rate: rateString(input.mntMinor, input.dkkMinor), percent: Math.abs(away), direction: away > 0 ? 'above' : 'below', previous: rateString(previous.mntMinor, previous.dkkMinor), date: formatDateMn(previous.receivedOn) }
      throw new DomainError(
        'validation',
        `The rate ${vars.rate} is ${vars.percent}% ${vars.direction} the previous transfer's ${vars.previous} (${vars.date}); check the amounts, or confirm it`,
        'mntMinor',
        { key: away > 0 ? 'r.confirm.rateAbove' : 'r.confirm.rateBelow', vars },
      )
    }
  }
  const id = await ctx.sql.insert(
    `INSERT INTO transfer (project_id, sent_on, dkk_minor, received_on, mnt_minor, reference, note, created_at)
     VALUES (:projectId, :sentOn, :dkkMinor, :receivedOn, :mntMinor, :reference, :note, :now) RETURNING id`,
    { sentOn: input.sentOn, dkkMinor: input.dkkMinor, receivedOn: input.receivedOn, mntMinor: input.mntMinor, reference: input.reference, note: input.note, projectId: p.id, now: ctx.now },
  )
  forgetConversions(ctx)
  const out = (await listTransfers(ctx, p.id)).find((t) => t.id === id)!
  await audit(ctx, 'transfer', id, null, out)
  return out
}
