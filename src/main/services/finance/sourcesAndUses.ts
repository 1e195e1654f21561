import type { SourceUse, SourcesAndUses } from '../../../shared/api/financeTypes'
import type { FundingSource } from '../../../shared/api/financeTypes'
import { dayBefore } from '../../../shared/domain/dates'
import { formatDkk } from '../../../shared/domain/finance'
import type { ServiceContext } from '../context'
import { periodOf } from './budgetVsActual'
import { expensesWithValue } from './expenses'
import { roundingThrough } from './money'
import { listProjects, requireProject } from './projects'
import { stands } from '../voids'

/*
 * Sources and uses of the project's money, per funding source and in total,
 * in DKK: what each source committed, what it put in (transfers to the
 * project account in Mongolia, and payments made in Denmark: the DKK vouchers
 * charged to it), bank interest, exchange differences, what was spent (each
 * voucher charged to its source at its DKK value: MNT by FIFO), the balance
 * held, and what is due back when the project has ended.
 *
 * Decisions (README, "Sources and uses"): transfers bring the grant's money
 * (the first source of kind grant); bank interest belongs to the interest
 * source (else to the grant); an exchange difference on the account, and the
 * rounding of the vouchers' DKK values, are the grant's, as the account holds
 * the grant's transfers. The total balance held
 * is therefore the funds statement's closing DKK.
 */

type Movement = { on: string; sourceId: number; dkkMinor: number }

const sum = (rows: Movement[], sourceId: number | null, from: string | null, to: string) =>
  rows.filter((r) => (sourceId === null || r.sourceId === sourceId) && (from === null || r.on >= from) && r.on <= to).reduce((s, r) => s + r.dkkMinor, 0)

/** The source a transfer, bank interest or an exchange difference belongs to. */
function owners(sources: FundingSource[]): { grant: number; interest: number } {
  const grant = (sources.find((s) => s.kind === 'grant') ?? sources[0]).id
  return { grant, interest: sources.find((s) => s.kind === 'interest')?.id ?? grant }
}

export async function sourcesAndUses(ctx: ServiceContext, input: { projectId: number; projectYear: number | null }): Promise<SourcesAndUses> {
  const record = await requireProject(ctx, input.projectId)
  const p = (await listProjects(ctx)).find((x) => x.id === record.id)!
  const { from, to } = periodOf(p, input.projectYear)
  const { grant, interest } = owners(p.sources)
  const params = { projectId: p.id }
  const transfers: Movement[] = (
    await ctx.sql.all<{ on: string; dkkMinor: number }>(`SELECT received_on AS "on", dkk_minor AS "dkkMinor" FROM transfer WHERE project_id = :projectId AND ${stands()}`, params)
  ).map((r) => ({ ...r, sourceId: grant, dkkMinor: Number(r.dkkMinor) }))
  const entries = await ctx.sql.all<{ kind: 'interest' | 'exchange'; on: string; dkkMinor: number }>(
    `SELECT kind, entry_on AS "on", dkk_minor AS "dkkMinor" FROM fund_entry WHERE project_id = :projectId AND ${stands()}`,
    params,
  )
  const interestIn: Movement[] = entries.filter((e) => e.kind === 'interest').map((e) => ({ on: e.on, sourceId: interest, dkkMinor: Number(e.dkkMinor) }))
  const exchange: Movement[] = entries.filter((e) => e.kind === 'exchange').map((e) => ({ on: e.on, sourceId: grant, dkkMinor: Number(e.dkkMinor) }))
  // The rounding of the vouchers' DKK values (computed, as in the funds statement) is the grant's too: before the period, and in it.
  const before = await roundingThrough(ctx, p.id, dayBefore(from))
  exchange.push({ on: dayBefore(from), sourceId: grant, dkkMinor: before }, { on: to, sourceId: grant, dkkMinor: (await roundingThrough(ctx, p.id, to)) - before })
  const expenses = await expensesWithValue(ctx, { projectId: p.id, to })
  const paidInDenmark: Movement[] = expenses.filter((e) => e.currency === 'DKK').map((e) => ({ on: e.spentOn, sourceId: e.sourceId, dkkMinor: e.amountMinor }))
  const spent: Movement[] = expenses.map((e) => ({ on: e.spentOn, sourceId: e.sourceId, dkkMinor: e.dkkMinor ?? 0 }))
  const ended = to >= p.endsOn
  const prior = dayBefore(from)

  const figures = (sourceId: number | null): Omit<SourceUse, 'sourceId' | 'code' | 'name' | 'kind' | 'committedMinor' | 'dueBackMinor' | 'overCommitted'> => {
    const balance = (lo: string | null, hi: string) =>
      sum(transfers, sourceId, lo, hi) + sum(paidInDenmark, sourceId, lo, hi) + sum(interestIn, sourceId, lo, hi) + sum(exchange, sourceId, lo, hi) - sum(spent, sourceId, lo, hi)
    return {
      openingMinor: balance(null, prior),
      transfersMinor: sum(transfers, sourceId, from, to),
      paidInDenmarkMinor: sum(paidInDenmark, sourceId, from, to),
      interestMinor: sum(interestIn, sourceId, from, to),
      exchangeMinor: sum(exchange, sourceId, from, to),
      spentMinor: sum(spent, sourceId, from, to),
      closingMinor: balance(null, to),
      spentToDateMinor: sum(spent, sourceId, null, to),
    }
  }
  const rows: SourceUse[] = p.sources.map((s) => {
    const f = figures(s.id)
    const committed = s.committedCurrency === 'DKK' ? s.committedMinor : null
    return {
      sourceId: s.id,
      code: s.code,
      name: s.name,
      kind: s.kind,
      committedMinor: committed,
      ...f,
      // What the project holds of a donor's money (or of the interest it earned) goes back when it has ended; its own contribution does not.
      dueBackMinor: ended && s.kind !== 'own' ? Math.max(0, f.closingMinor) : null,
      overCommitted: committed !== null && f.spentToDateMinor > committed,
    }
  })
  const totalFigures = figures(null)
  const committed = rows.filter((r) => r.committedMinor !== null).reduce((s, r) => s + r.committedMinor!, 0)
  const total: SourceUse = {
    sourceId: null,
    code: '',
    name: { en: 'Total', mn: 'Нийт' },
    kind: null,
    committedMinor: committed,
    ...totalFigures,
    dueBackMinor: ended ? rows.reduce((s, r) => s + (r.dueBackMinor ?? 0), 0) : null,
    overCommitted: false,
  }
  const warnings: SourcesAndUses['warnings'] = []
  for (const r of rows) {
    if (r.overCommitted) {
      const vars = { source: r.name.en, sourceMn: r.name.mn, spent: formatDkk(r.spentToDateMinor), committed: formatDkk(r.committedMinor!) }
      warnings.push({ key: 'w.sourceOverCommitted', vars, message: `Spending charged to ${r.name.en} is ${vars.spent}, more than the ${vars.committed} it committed` })
    }
    // Interest has no commitment: spending charged to it is held to what it earned.
    if (r.kind === 'interest' && r.closingMinor < 0) {
      const vars = { source: r.name.en, sourceMn: r.name.mn, over: formatDkk(-r.closingMinor) }
      warnings.push({ key: 'w.interestOverspent', vars, message: `Spending charged to ${r.name.en} is ${vars.over} more than the interest earned` })
    }
  }
  return { projectId: p.id, projectYear: input.projectYear, from, to, ended, rows, total, warnings }
}
