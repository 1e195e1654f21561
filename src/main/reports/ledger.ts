import type { Lang } from '../../shared/i18n'
import { formatDateMn } from '../../shared/domain/dates'
import { formatMnt } from '../../shared/domain/money'
import { rateString } from '../../shared/domain/finance'
import type { ServiceContext } from '../services/context'
import { expensesWithValue } from '../services/finance/expenses'
import { listTransfers } from '../services/finance/transfers'
import { conversions } from '../services/finance/money'
import type { T } from './common'
import type { ReportSection } from './model'

/*
 * The ledger of vouchers as the finance reports print it (with what each
 * tögrög voucher was paid from), and the SUMIFS that trace a workbook's
 * figures to it.
 */

/** Where a sheet's actual figures come from in the workbook: SUMIFS over the ledger sheet, for a period (and a source). */
export interface Trace {
  sheet: string
  from: string
  to: string
  source?: string
}

/** The ledger sheet's columns (ledgerSection): A date, C line, F source, G MNT, H DKK. */
export const LEDGER_COL = { date: 'A', line: 'C', source: 'F', mnt: 'G', dkk: 'H' }

/** An Excel formula summing a ledger column for a budget line (a main line by its sub-lines' codes) in a period. */
export function sumifs(trace: Trace, column: 'mnt' | 'dkk', line: string): string {
  const at = (c: string) => `'${trace.sheet}'!$${c}:$${c}`
  const date = (op: string, d: string) => `${at(LEDGER_COL.date)},"${op}"&DATE(${Number(d.slice(0, 4))},${Number(d.slice(5, 7))},${Number(d.slice(8, 10))})`
  const criteria = [`${at(LEDGER_COL.line)},"${line}"`, date('>=', trace.from), date('<=', trace.to), ...(trace.source ? [`${at(LEDGER_COL.source)},"${trace.source}"`] : [])]
  return `SUMIFS(${at(LEDGER_COL[column])},${criteria.join(',')})`
}

/** The project's bank interest: MNT in with its DKK value (a tranche of the FIFO pool). */
export async function interestTranches(ctx: ServiceContext, projectId: number) {
  return (
    await ctx.sql.all<{ id: number; on: string; mntMinor: number; dkkMinor: number }>(
      `SELECT id, entry_on AS "on", mnt_minor AS "mntMinor", dkk_minor AS "dkkMinor" FROM fund_entry WHERE project_id = :projectId AND kind = 'interest' AND voided_at IS NULL ORDER BY entry_on, id`,
      { projectId },
    )
  ).map((r) => ({ ...r, mntMinor: Number(r.mntMinor), dkkMinor: Number(r.dkkMinor) }))
}

/**
 * Every voucher of a period with its DKK value and, for one paid in tögrög,
 * what it was paid from: the transfer(s) or interest tranche(s) of the FIFO
 * pool with their rates (MNT given back by a correction, or not covered by
 * any transfer, said as such). The ledger report's sheet, and the financial
 * report's (its actuals are SUMIFS over it).
 */
export async function ledgerSection(
  ctx: ServiceContext,
  t: T,
  lang: Lang,
  p: { id: number; sources: Array<{ id: number; code: string }> },
  period: { from: string; to: string },
): Promise<ReportSection & { sheetName: string }> {
  const name = (n: { mn: string; en: string }) => (lang === 'mn' ? n.mn : n.en)
  const sources = new Map(p.sources.map((s) => [s.id, s.code]))
  const expenses = await expensesWithValue(ctx, { projectId: p.id, ...period })
  const { byExpense } = await conversions(ctx, p.id)
  const tranches = new Map<number, string>()
  for (const tr of await listTransfers(ctx, p.id)) tranches.set(tr.id, t('report.ledger.fromTransfer', { date: formatDateMn(tr.receivedOn), rate: tr.rate }))
  for (const i of await interestTranches(ctx, p.id)) tranches.set(-i.id, t('report.ledger.fromInterest', { date: formatDateMn(i.on), rate: rateString(i.mntMinor, i.dkkMinor) }))
  const vouchers = new Map((await ctx.sql.all<{ id: number; voucher: string }>(`SELECT id, voucher FROM expense WHERE project_id = :projectId`, { projectId: p.id })).map((e) => [e.id, e.voucher]))
  const paidFrom = (e: (typeof expenses)[number]) => {
    if (e.currency !== 'MNT') return t('report.ledger.paidInDenmark')
    const c = byExpense.get(e.id)
    if (!c) return ''
    if (e.amountMinor < 0 && e.corrects) return t('report.ledger.givenBack', { voucher: e.corrects.voucher })
    const parts = c.portions.map((q) => `${tranches.get(q.sourceId) ?? t('report.ledger.fromReturned', { voucher: vouchers.get(-(q.sourceId + 2_000_000_000)) ?? '' })}: ${formatMnt(q.mntMinor)}`)
    if (c.uncoveredMntMinor > 0) parts.push(`${t('report.ledger.uncovered')}: ${formatMnt(c.uncoveredMntMinor)}`)
    return parts.join('; ')
  }
  return {
    title: t('report.ledger.list'),
    sheetName: t('report.ledger.listSheet'),
    table: {
      columns: [
        { key: 'date', label: t('report.col.date'), type: 'date' },
        { key: 'voucher', label: t('report.col.voucher'), type: 'text' },
        { key: 'line', label: t('report.col.line'), type: 'text' },
        { key: 'centre', label: t('report.col.costCentre'), type: 'text' },
        { key: 'description', label: t('report.col.description'), type: 'text' },
        { key: 'source', label: t('report.col.source'), type: 'text' },
        { key: 'mnt', label: t('report.col.actualMnt'), type: 'mnt' },
        { key: 'dkk', label: t('report.col.actualDkk'), type: 'dkk' },
        { key: 'paidFrom', label: t('report.col.paidFrom'), type: 'text' },
      ],
      rows: expenses.map((e) => ({
        date: e.spentOn,
        voucher: e.voucher,
        line: e.lineCode,
        centre: name(e.costCentre),
        description: e.corrects ? `${e.description} (${t('report.ledger.corrects', { voucher: e.corrects.voucher })})` : e.description,
        source: sources.get(e.sourceId) ?? '',
        mnt: e.currency === 'MNT' ? e.amountMinor : null,
        dkk: e.dkkMinor,
        paidFrom: paidFrom(e),
      })),
      total: { label: t('report.total'), keys: ['mnt', 'dkk'] },
    },
  }
}

