import type { Lang } from '../../../shared/i18n'
import { DomainError } from '../../../shared/domain/result'
import { formatDateMn } from '../../../shared/domain/dates'
import { formatMnt } from '../../../shared/domain/money'
import type { FundEntryKind, FundName } from '../../../shared/api/loansTypes'
import type { ServiceContext } from '../../services/context'
import { fundChecks } from '../../services/loans/funds'
import { periodLabel, translator, writerLabels } from '../common'
import type { CellValue, ReportModel } from '../model'

/*
 * `spn report group-funds --from D --to D`: the ledgers of the group funds
 * over a period — (1) and (2) of every large group, (3) of every area's CBO —
 * each with its opening, movements by kind and closing, the spending from
 * (2) and (3) with its purpose, and DOMAIN.md's check of each area's group
 * money at the end of the period. The sums are the ledgers' (group_fund_entry).
 */

interface Movement {
  branchId: number
  areaMn: string
  areaEn: string
  lsgCode: string | null
  fund: FundName
  kind: FundEntryKind | 'opening'
  n: number
}

export async function groupFundsReport(ctx: ServiceContext, input: { from: string; to: string; lang: Lang; generatedAt: string }): Promise<ReportModel> {
  const t = translator(input.lang)
  const any = await ctx.sql.value<number>(`SELECT count(*) AS n FROM group_fund_entry`)
  if (!Number(any)) throw new DomainError('validation', 'has no group fund entries yet: record loan capital or repayments first', 'from', { key: 'r.noFundEntries' })
  // Fund (3) is the area's: its rows carry no large group.
  const moves = await ctx.sql.all<Movement>(
    `SELECT e.branch_id AS "branchId", b.name_mn AS "areaMn", b.name_en AS "areaEn", CASE WHEN e.fund = 'f3' THEN NULL ELSE l.code END AS "lsgCode", e.fund,
       CASE WHEN e.entry_on < :from THEN 'opening' ELSE e.kind END AS kind, sum(e.amount_minor) AS n
     FROM group_fund_entry e JOIN branch b ON b.id = e.branch_id LEFT JOIN lsg l ON l.id = e.lsg_id
     WHERE e.entry_on <= :to
     GROUP BY e.branch_id, b.name_mn, b.name_en, CASE WHEN e.fund = 'f3' THEN NULL ELSE l.code END, e.fund, CASE WHEN e.entry_on < :from THEN 'opening' ELSE e.kind END`,
    { from: input.from, to: input.to },
  )
  const ledgers = new Map<string, Record<string, CellValue> & { sort: string }>()
  for (const m of moves) {
    const k = `${m.branchId}/${m.lsgCode ?? ''}/${m.fund}`
    let row = ledgers.get(k)
    if (!row) {
      row = {
        sort: `${m.areaMn}/${m.fund === 'f3' ? 'zz' : m.lsgCode}/${m.fund}`,
        area: input.lang === 'mn' ? m.areaMn : m.areaEn,
        holder: m.fund === 'f3' ? t('rl.cboOfArea') : m.lsgCode,
        fund: t(`fund.${m.fund}`),
        fundKey: m.fund,
        opening: 0,
        allocation: 0,
        capital: 0,
        disbursement: 0,
        spending: 0,
        closing: 0,
      }
      ledgers.set(k, row)
    }
    row[m.kind] = Number(row[m.kind]) + Number(m.n)
    row.closing = Number(row.closing) + Number(m.n)
  }
  const rows = [...ledgers.values()].sort((a, b) => a.sort.localeCompare(b.sort)).map(({ sort: _sort, ...r }) => r)
  const spending = await ctx.sql.all<{ on: string; areaMn: string; areaEn: string; lsgCode: string | null; fund: FundName; purpose: string | null; households: number | null; n: number; reason: string | null }>(
    `SELECT e.entry_on AS "on", b.name_mn AS "areaMn", b.name_en AS "areaEn", l.code AS "lsgCode", e.fund, e.purpose, e.households, e.amount_minor AS n, e.reason
     FROM group_fund_entry e JOIN branch b ON b.id = e.branch_id LEFT JOIN lsg l ON l.id = e.lsg_id
     WHERE e.kind = 'spending' AND e.entry_on BETWEEN :from AND :to ORDER BY e.entry_on, e.id`,
    input,
  )
  const checks = await fundChecks(ctx, { on: input.to })
  const off = checks.filter((c) => c.differenceMinor !== 0)
  const sum = (fund: FundName, key: string) => rows.filter((r) => r.fundKey === fund).reduce((s, r) => s + Number(r[key]), 0)
  return {
    report: 'group-funds',
    lang: input.lang,
    title: t('rl.fundsTitle'),
    organisation: t('report.organisation'),
    period: { from: input.from, to: input.to, label: periodLabel(input.from, input.to) },
    generatedAt: input.generatedAt,
    summary: [
      ...(['f1', 'f2', 'f3'] as const).map((f) => ({ label: t('rl.closingOf', { fund: t(`fund.${f}`) }), value: sum(f, 'closing'), type: 'mnt' as const })),
      { label: t('fund.capital'), value: sum('f1', 'capital'), type: 'mnt' },
      { label: t('fund.disbursed'), value: -sum('f1', 'disbursement'), type: 'mnt' },
      { label: t('fund.spent'), value: -(sum('f2', 'spending') + sum('f3', 'spending')), type: 'mnt' },
      { label: t('rl.checksOff'), value: off.length, type: 'int' },
    ],
    sections: [
      {
        title: t('rl.ledgers'),
        sheetName: t('rl.ledgersSheet'),
        description: t('rl.ledgersHelp'),
        table: {
          columns: [
            { key: 'area', label: t('g.area'), type: 'text' },
            { key: 'holder', label: t('rl.holder'), type: 'text' },
            { key: 'fund', label: t('rl.fund'), type: 'text' },
            { key: 'opening', label: t('rl.opening'), type: 'mnt' },
            { key: 'allocation', label: t('fund.allocations'), type: 'mnt' },
            { key: 'capital', label: t('fund.capital'), type: 'mnt' },
            { key: 'disbursement', label: t('fund.disbursed'), type: 'mnt' },
            { key: 'spending', label: t('fund.spent'), type: 'mnt' },
            { key: 'closing', label: t('rl.closing'), type: 'mnt' },
          ],
          rows,
          total: { label: t('report.total'), keys: ['opening', 'allocation', 'capital', 'disbursement', 'spending', 'closing'] },
        },
      },
      {
        title: t('rl.spending'),
        sheetName: t('fund.spent'),
        table: {
          columns: [
            { key: 'on', label: t('sheet.col.date'), type: 'date' },
            { key: 'area', label: t('g.area'), type: 'text' },
            { key: 'lsg', label: t('g.lsg'), type: 'text' },
            { key: 'fund', label: t('rl.fund'), type: 'text' },
            { key: 'purpose', label: t('fund.purpose'), type: 'text' },
            { key: 'households', label: t('fund.households'), type: 'int' },
            { key: 'amount', label: t('rl.amount'), type: 'mnt' },
          ],
          rows: spending.map((s) => ({
            on: s.on,
            area: input.lang === 'mn' ? s.areaMn : s.areaEn,
            lsg: s.fund === 'f3' ? t('rl.cboOfArea') : s.lsgCode,
            fund: t(`fund.${s.fund}`),
            purpose: s.purpose ?? s.reason,
            households: s.households,
            amount: -Number(s.n),
          })),
          total: { label: t('report.total'), keys: ['amount'] },
        },
        notes: spending.length ? [] : [t('report.none')],
      },
      {
        title: t('fund.check'),
        sheetName: t('rl.checkSheet'),
        description: `${t('fund.checkHelp')} ${t('rl.asOf', { date: formatDateMn(input.to) })}`,
        table: {
          columns: [
            { key: 'area', label: t('g.area'), type: 'text' },
            { key: 'cash', label: t('rl.cash'), type: 'mnt' },
            { key: 'outstanding', label: t('pf.outstanding'), type: 'mnt' },
            { key: 'capital', label: t('fund.capital'), type: 'mnt' },
            { key: 'interest', label: t('pf.interestFines'), type: 'mnt' },
            { key: 'spending', label: t('fund.spent'), type: 'mnt' },
            { key: 'writtenOff', label: t('pf.writtenOff'), type: 'mnt' },
            { key: 'difference', label: t('rl.difference'), type: 'mnt' },
          ],
          rows: checks.map((c) => ({
            area: input.lang === 'mn' ? c.name.mn : c.name.en,
            cash: c.cashMinor,
            outstanding: c.outstandingMinor,
            capital: c.capitalMinor,
            interest: c.interestAndFinesMinor,
            spending: c.spendingMinor,
            writtenOff: c.writtenOffNetMinor,
            difference: c.differenceMinor,
          })),
          total: { label: t('report.total'), keys: ['cash', 'outstanding', 'capital', 'interest', 'spending', 'writtenOff', 'difference'] },
        },
        notes: off.length ? off.map((c) => `${input.lang === 'mn' ? c.name.mn : c.name.en}: ${t('fund.checkOff', { amount: formatMnt(c.differenceMinor) })}`) : [t('rl.checksAllOk')],
      },
    ],
    notes: off.length ? [t('rl.checksOffNote', { n: off.length })] : [t('rl.checksAllOk')],
    rates: [],
    labels: writerLabels(t),
  }
}
