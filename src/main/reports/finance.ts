import type { Lang } from '../../shared/i18n'
import { dayBefore, formatDateMn } from '../../shared/domain/dates'
import { formatDkkAmount, formatMnt, formatNumber } from '../../shared/domain/money'
import { mulDivRound, rateString } from '../../shared/domain/finance'
import { DomainError } from '../../shared/domain/result'
import type { BudgetVsActual, SourcesAndUses } from '../../shared/api/financeTypes'
import type { ServiceContext } from '../services/context'
import { budgetVsActual, periodOf } from '../services/finance/budgetVsActual'
import { expensesWithValue } from '../services/finance/expenses'
import { listProjects } from '../services/finance/projects'
import { listTransfers } from '../services/finance/transfers'
import { accountOn, conversions } from '../services/finance/money'
import { sourcesAndUses } from '../services/finance/sourcesAndUses'
import { translator, writerLabels, type T } from './common'
import { LEDGER_COL, interestTranches, ledgerSection, sumifs, type Trace } from './ledger'
import type { CellValue, ReportModel, ReportSection } from './model'

export interface FinanceReportOptions {
  lang: Lang
  generatedAt: string
  /** null: the whole project (cumulative). */
  projectYear: number | null
  /** Which project; the newest when not given. */
  projectId?: number
  /** Ledger only: a period instead of a project year. */
  from?: string
  to?: string
}

/** The project a finance report is about: the one asked for, else the newest. */
export async function project(ctx: ServiceContext, projectId?: number) {
  const all = await listProjects(ctx)
  const p = projectId === undefined ? all[all.length - 1] : all.find((x) => x.id === projectId)
  if (!p) throw new DomainError('validation', 'The database holds no project to report on', undefined, { key: 'r.noProjectToReport' })
  return p
}

export function checkYear(p: { years: number }, projectYear: number | null): void {
  if (projectYear !== null && projectYear > p.years) throw new DomainError('validation', `must be at most ${p.years}, the project's years`, 'projectYear', { key: 'r.projectYears', vars: { n: p.years } })
}

export function periodLabelOf(t: T, projectYear: number | null, from: string, to: string): string {
  const dates = `${formatDateMn(from)} – ${formatDateMn(to)}`
  return projectYear === null ? `${t('reports.wholeProject')}, ${dates}` : `${t('reports.projectYear')} ${projectYear}, ${dates}`
}


export function bvaSection(t: T, lang: Lang, title: string, sheetName: string, rows: BudgetVsActual['rows'], withNotes: boolean, thresholdPercent?: number, trace?: Trace): ReportSection {
  const name = (n: { mn: string; en: string }) => (lang === 'mn' ? n.mn : n.en)
  const columns = [
    { key: 'line', label: t('report.col.line'), type: 'text' as const },
    { key: 'approved', label: t('report.col.approved'), type: 'dkk' as const },
    { key: 'revised', label: t('report.col.revised'), type: 'dkk' as const },
    { key: 'actualMnt', label: t('report.col.actualMnt'), type: 'mnt' as const },
    { key: 'actualDkk', label: t('report.col.actualDkk'), type: 'dkk' as const },
    { key: 'variance', label: t('report.col.variance'), type: 'dkk' as const },
    { key: 'variancePct', label: t('report.col.variancePct'), type: 'percent' as const },
    ...(withNotes && thresholdPercent !== undefined ? [{ key: 'over', label: t('report.col.overThreshold', { pct: thresholdPercent }), type: 'text' as const }] : []),
    ...(withNotes ? [{ key: 'note', label: t('report.col.explanation'), type: 'text' as const }] : []),
  ]
  return {
    title,
    sheetName,
    table: {
      columns,
      rows: rows.map((r) => ({
        line: `${r.code} ${name(r.name)}`,
        approved: r.approvedMinor,
        revised: r.revisedMinor,
        actualMnt: r.actualMntMinor,
        actualDkk: r.actualDkkMinor,
        variance: r.varianceMinor,
        variancePct: r.variancePercent,
        ...(withNotes && thresholdPercent !== undefined ? { over: r.overThreshold ? t('report.fin.overMark') : '' } : {}),
        ...(withNotes ? { note: r.note } : {}),
      })) as Array<Record<string, CellValue>>,
      total: { label: t('report.total'), keys: ['approved', 'revised', 'actualMnt', 'actualDkk', 'variance'] },
      ...(trace
        ? {
            formulas: {
              actualMnt: rows.map((r) => sumifs(trace, 'mnt', r.isMain ? `${r.mainCode}.*` : r.code)),
              actualDkk: rows.map((r) => sumifs(trace, 'dkk', r.isMain ? `${r.mainCode}.*` : r.code)),
            },
          }
        : {}),
    },
  }
}

/** Sources and uses per funding source and in total (DKK), with what is due back once the project has ended. */
export function sourcesSection(t: T, lang: Lang, su: SourcesAndUses): ReportSection {
  const name = (n: { mn: string; en: string }) => (lang === 'mn' ? n.mn : n.en)
  const columns = [
    { key: 'source', label: t('report.col.source'), type: 'text' as const },
    { key: 'committed', label: t('report.su.committed'), type: 'dkk' as const },
    { key: 'opening', label: t('report.su.opening'), type: 'dkk' as const },
    { key: 'transfers', label: t('report.su.transfers'), type: 'dkk' as const },
    { key: 'paidInDenmark', label: t('report.su.paidInDenmark'), type: 'dkk' as const },
    { key: 'interest', label: t('report.su.interest'), type: 'dkk' as const },
    { key: 'exchange', label: t('report.su.exchange'), type: 'dkk' as const },
    { key: 'spent', label: t('report.su.spent'), type: 'dkk' as const },
    { key: 'closing', label: t('report.su.closing'), type: 'dkk' as const },
    ...(su.ended ? [{ key: 'dueBack', label: t('report.su.dueBack'), type: 'dkk' as const }] : []),
  ]
  return {
    title: t('report.su.title'),
    sheetName: t('report.su.sheet'),
    description: t('report.su.description'),
    table: {
      columns,
      rows: su.rows.map((r) => ({
        source: `${r.code} ${name(r.name)}`,
        committed: r.committedMinor,
        opening: r.openingMinor,
        transfers: r.transfersMinor,
        paidInDenmark: r.paidInDenmarkMinor,
        interest: r.interestMinor,
        exchange: r.exchangeMinor,
        spent: r.spentMinor,
        closing: r.closingMinor,
        ...(su.ended ? { dueBack: r.dueBackMinor } : {}),
      })),
      total: { label: t('report.total'), keys: ['committed', 'opening', 'transfers', 'paidInDenmark', 'interest', 'exchange', 'spent', 'closing', ...(su.ended ? ['dueBack'] : [])] },
    },
    notes: su.warnings.map((w) => t(w.key, { ...w.vars, source: lang === 'mn' ? w.vars.sourceMn : w.vars.source })),
  }
}

/** The financial report to the donor: budget against actual per line, per funding source, with the rates used. */
export async function financialReport(ctx: ServiceContext, opts: FinanceReportOptions): Promise<ReportModel> {
  const t = translator(opts.lang)
  const p = await project(ctx, opts.projectId)
  checkYear(p, opts.projectYear)
  const bva = await budgetVsActual(ctx, { projectId: p.id, projectYear: opts.projectYear })
  const { from, to } = bva
  const name = (n: { mn: string; en: string }) => (opts.lang === 'mn' ? n.mn : n.en)
  // The workbook holds the vouchers from the project's start to the period's end: every actual is a SUMIFS over them.
  const ledger = await ledgerSection(ctx, t, opts.lang, p, { from: p.startsOn, to })
  const trace = (over: Partial<Trace> = {}): Trace => ({ sheet: ledger.sheetName, from, to, ...over })
  const sections: ReportSection[] = [
    bvaSection(t, opts.lang, t('report.fin.byMain'), t('report.fin.byMainSheet'), bva.rows.filter((r) => r.isMain), false, undefined, trace()),
    bvaSection(t, opts.lang, t('report.fin.bySub'), t('report.fin.bySubSheet'), bva.rows.filter((r) => !r.isMain), true, bva.thresholdPercent, trace()),
  ]
  if (opts.projectYear !== null) {
    // The year, and the project so far: cumulative from the start through this year.
    const toDate = await budgetVsActual(ctx, { projectId: p.id, projectYear: null, throughYear: opts.projectYear })
    sections.push({
      ...bvaSection(t, opts.lang, t('report.fin.toDate', { year: opts.projectYear, to: formatDateMn(toDate.to) }), t('report.fin.toDateSheet'), toDate.rows.filter((r) => r.isMain), false, undefined, trace({ from: toDate.from, to: toDate.to })),
      period: `${t('report.fin.cumulativeThrough', { year: opts.projectYear })}, ${formatDateMn(toDate.from)} – ${formatDateMn(toDate.to)}`,
    })
  }
  for (const s of p.sources) {
    const bySource = await budgetVsActual(ctx, { projectId: p.id, projectYear: opts.projectYear, sourceId: s.id })
    if (bySource.totals.revisedMinor === 0 && bySource.totals.actualDkkMinor === 0) continue
    sections.push(bvaSection(t, opts.lang, t('report.fin.bySource', { source: name(s.name) }), s.code, bySource.rows.filter((r) => r.isMain), false, undefined, trace({ source: s.code })))
  }
  const su = await sourcesAndUses(ctx, { projectId: p.id, projectYear: opts.projectYear })
  sections.push(sourcesSection(t, opts.lang, su))
  sections.push({ ...ledger, xlsxOnly: true })
  const transfers = (await listTransfers(ctx, p.id)).filter((tr) => tr.receivedOn <= to)
  const flagged = (await expensesWithValue(ctx, { projectId: p.id, from, to })).filter((e) => e.uncoveredMntMinor > 0).length
  return {
    report: 'financial',
    lang: opts.lang,
    title: `${t('report.fin.title')}: ${p.name[opts.lang]}`,
    organisation: t('report.organisation'),
    period: { from, to, label: periodLabelOf(t, opts.projectYear, from, to) },
    generatedAt: opts.generatedAt,
    summary: [
      { label: t('report.sum.revised'), value: bva.totals.revisedMinor, type: 'dkk' },
      { label: t('report.sum.actualDkk'), value: bva.totals.actualDkkMinor, type: 'dkk' },
      { label: t('report.sum.variance'), value: bva.totals.varianceMinor, type: 'dkk' },
      { label: t('report.sum.actualMnt'), value: bva.totals.actualMntMinor, type: 'mnt' },
    ],
    sections,
    notes: [
      t('report.fin.note2', { approved: bva.approvedVersion.number, approvedOn: formatDateMn(bva.approvedVersion.approvedOn), revised: bva.revisedVersion.number, revisedOn: formatDateMn(bva.revisedVersion.approvedOn) }),
      t('report.fin.note1', { flagged }),
      bva.unexplained.length
        ? t('report.fin.unexplained', { pct: bva.thresholdPercent, n: bva.unexplained.length, lines: bva.unexplained.join(', ') })
        : t('report.fin.allExplained', { pct: bva.thresholdPercent }),
      ...bva.warnings.map((w) => t(w.key, { ...w.vars, source: opts.lang === 'mn' ? (w.vars.sourceMn ?? '') : (w.vars.source ?? '') })),
    ],
    rates: [
      ...transfers.map((tr) => ({ label: t('report.fin.rate', { date: formatDateMn(tr.receivedOn), dkk: formatDkkAmount(tr.dkkMinor), mnt: formatNumber(Math.round(tr.mntMinor / 100)) }), rate: tr.rate })),
      // Bank interest joins the pool like a transfer, at its recorded DKK value: a rate of its own.
      ...(await interestTranches(ctx, p.id))
        .filter((i) => i.on <= to)
        .map((i) => ({ label: t('report.fin.interestRate', { date: formatDateMn(i.on), dkk: formatDkkAmount(i.dkkMinor), mnt: formatNumber(Math.round(i.mntMinor / 100)) }), rate: rateString(i.mntMinor, i.dkkMinor) })),
    ],
    labels: writerLabels(t),
  }
}

/**
 * The project account in Mongolia for a period: opening balance, money in and
 * out, the rounding differences (computed), closing balance, in DKK and MNT.
 * The DKK balances are the value of the MNT held by FIFO (each tranche's MNT
 * at its own rate), plus exchange differences booked by hand, if any.
 */
export async function fundsStatement(ctx: ServiceContext, opts: FinanceReportOptions): Promise<ReportModel> {
  const t = translator(opts.lang)
  const p = await project(ctx, opts.projectId)
  checkYear(p, opts.projectYear)
  const { from, to } = periodOf(p, opts.projectYear)
  const params = { projectId: p.id }
  const transfers = await ctx.sql.all<{ d: string; dkk: number; mnt: number }>(`SELECT received_on AS d, dkk_minor AS dkk, mnt_minor AS mnt FROM transfer WHERE project_id = :projectId AND voided_at IS NULL ORDER BY id`, params)
  const entries = await ctx.sql.all<{ kind: string; d: string; dkk: number; mnt: number }>(
    `SELECT kind, entry_on AS d, dkk_minor AS dkk, mnt_minor AS mnt FROM fund_entry WHERE project_id = :projectId AND voided_at IS NULL ORDER BY id`,
    params,
  )
  const { byExpense } = await conversions(ctx, p.id)
  const spends = (
    await ctx.sql.all<{ id: number; d: string; mnt: number }>(`SELECT id, spent_on AS d, amount_minor AS mnt FROM expense WHERE project_id = :projectId AND currency = 'MNT' AND voided_at IS NULL ORDER BY id`, params)
  ).map((e) => ({ ...e, dkk: byExpense.get(e.id)?.dkkMinor ?? 0 }))
  const sum = <R extends { d: string; dkk: number; mnt: number }>(rows: R[], lo: string | null, hi: string) => {
    const inside = rows.filter((r) => (lo === null || r.d >= lo) && r.d <= hi)
    return { dkk: inside.reduce((s, r) => s + Number(r.dkk), 0), mnt: inside.reduce((s, r) => s + Number(r.mnt), 0) }
  }
  const interest = entries.filter((e) => e.kind === 'interest')
  const exchange = entries.filter((e) => e.kind === 'exchange')
  const prior = dayBefore(from)
  const [start, end] = [await accountOn(ctx, p.id, prior), await accountOn(ctx, p.id, to)]
  const opening = {
    dkk: start.fifoDkkMinor + start.bookedExchangeMinor,
    mnt: sum(transfers, null, prior).mnt + sum(interest, null, prior).mnt - sum(spends, null, prior).mnt,
  }
  const tIn = sum(transfers, from, to)
  const iIn = sum(interest, from, to)
  const xIn = sum(exchange, from, to)
  const out = sum(spends, from, to)
  const closing = { dkk: end.fifoDkkMinor + end.bookedExchangeMinor, mnt: opening.mnt + tIn.mnt + iIn.mnt - out.mnt }
  // What the movements leave over: each voucher's DKK value is rounded to the øre; the account's value is rounded once.
  const rounding = closing.dkk - (opening.dkk + tIn.dkk + iIn.dkk + xIn.dkk - out.dkk)
  const rows: Array<Record<string, CellValue>> = [
    { item: t('report.funds.opening'), dkk: opening.dkk, mnt: opening.mnt },
    { item: t('report.funds.transfers'), dkk: tIn.dkk, mnt: tIn.mnt },
    { item: t('report.funds.interest'), dkk: iIn.dkk, mnt: iIn.mnt },
    { item: t('report.funds.exchange'), dkk: xIn.dkk, mnt: xIn.mnt },
    { item: t('report.funds.expenses'), dkk: -out.dkk, mnt: -out.mnt },
    { item: t('report.funds.rounding'), dkk: rounding, mnt: 0 },
  ]
  const notes = [
    t('report.funds.note'),
    t('report.funds.fifo', { mnt: formatMnt(end.mntMinor), dkk: formatDkkAmount(end.fifoDkkMinor), rounding: formatDkkAmount(rounding) }),
  ]
  if (end.lastTransfer && end.mntMinor > 0) {
    // Not booked: what the MNT held would be worth at the last transfer's rate, beside its FIFO value.
    const atLast = mulDivRound(end.mntMinor, end.lastTransfer.dkkMinor, end.lastTransfer.mntMinor)
    notes.push(
      t('report.funds.unrealised', {
        rate: rateString(end.lastTransfer.mntMinor, end.lastTransfer.dkkMinor),
        date: formatDateMn(end.lastTransfer.date),
        value: formatDkkAmount(atLast),
        difference: formatDkkAmount(atLast - end.fifoDkkMinor),
      }),
    )
  }
  return {
    report: 'funds',
    lang: opts.lang,
    title: `${t('report.funds.title')}: ${p.name[opts.lang]}`,
    organisation: t('report.organisation'),
    period: { from, to, label: periodLabelOf(t, opts.projectYear, from, to) },
    generatedAt: opts.generatedAt,
    summary: [
      { label: `${t('report.funds.opening')} (DKK)`, value: opening.dkk, type: 'dkk' },
      { label: `${t('report.funds.closing')} (DKK)`, value: closing.dkk, type: 'dkk' },
      { label: `${t('report.funds.opening')} (MNT)`, value: opening.mnt, type: 'mnt' },
      { label: `${t('report.funds.closing')} (MNT)`, value: closing.mnt, type: 'mnt' },
    ],
    sections: [
      {
        title: t('report.funds.statement'),
        sheetName: t('report.funds.statementSheet'),
        table: {
          columns: [
            { key: 'item', label: t('report.col.item'), type: 'text' },
            { key: 'dkk', label: t('report.col.dkk'), type: 'dkk' },
            { key: 'mnt', label: t('report.col.mnt'), type: 'mnt' },
          ],
          rows,
          // Opening balance plus the movements is the closing balance.
          total: { label: t('report.funds.closing'), keys: ['dkk', 'mnt'] },
        },
      },
    ],
    notes,
    rates: [],
    labels: writerLabels(t),
  }
}

/** Every voucher of a period with its DKK value; its totals are those of the financial report for the same period. With subtotals per sub-line. */
export async function expenseLedger(ctx: ServiceContext, opts: FinanceReportOptions): Promise<ReportModel> {
  const t = translator(opts.lang)
  const p = await project(ctx, opts.projectId)
  checkYear(p, opts.projectYear)
  const period = opts.from && opts.to ? { from: opts.from, to: opts.to } : periodOf(p, opts.projectYear)
  const name = (n: { mn: string; en: string }) => (opts.lang === 'mn' ? n.mn : n.en)
  const ledger = await ledgerSection(ctx, t, opts.lang, p, period)
  const rows = ledger.table.rows
  const label = opts.from ? `${formatDateMn(period.from)} – ${formatDateMn(period.to)}` : periodLabelOf(t, opts.projectYear, period.from, period.to)
  // Subtotals per sub-line: in the workbook SUMIFS over the ledger sheet, so each traces to its vouchers.
  const byLine = p.lines
    .map((l) => {
      const mine = rows.filter((r) => r.line === l.code)
      return { line: `${l.code} ${name(l.name)}`, code: l.code, vouchers: mine.length, mnt: mine.reduce((s, r) => s + ((r.mnt as number | null) ?? 0), 0), dkk: mine.reduce((s, r) => s + ((r.dkk as number | null) ?? 0), 0) }
    })
    .filter((l) => l.vouchers > 0)
  const trace: Trace = { sheet: ledger.sheetName, ...period }
  const countIf = (code: string) => {
    const at = (c: string) => `'${trace.sheet}'!$${c}:$${c}`
    return `COUNTIFS(${at(LEDGER_COL.line)},"${code}")`
  }
  return {
    report: 'ledger',
    lang: opts.lang,
    title: `${t('report.ledger.title')}: ${p.name[opts.lang]}`,
    organisation: t('report.organisation'),
    period: { ...period, label },
    generatedAt: opts.generatedAt,
    summary: [
      { label: t('report.sum.vouchers'), value: rows.length, type: 'int' },
      { label: t('report.sum.actualMnt'), value: rows.reduce((s, r) => s + ((r.mnt as number | null) ?? 0), 0), type: 'mnt' },
      { label: t('report.sum.actualDkk'), value: rows.reduce((s, r) => s + ((r.dkk as number | null) ?? 0), 0), type: 'dkk' },
    ],
    sections: [
      ledger,
      {
        title: t('report.ledger.byLine'),
        sheetName: t('report.ledger.byLineSheet'),
        table: {
          columns: [
            { key: 'line', label: t('report.col.line'), type: 'text' },
            { key: 'vouchers', label: t('report.col.vouchers'), type: 'int' },
            { key: 'mnt', label: t('report.col.actualMnt'), type: 'mnt' },
            { key: 'dkk', label: t('report.col.actualDkk'), type: 'dkk' },
          ],
          rows: byLine.map(({ code: _c, ...l }) => l),
          total: { label: t('report.total'), keys: ['vouchers', 'mnt', 'dkk'] },
          formulas: {
            vouchers: byLine.map((l) => countIf(l.code)),
            mnt: byLine.map((l) => sumifs(trace, 'mnt', l.code)),
            dkk: byLine.map((l) => sumifs(trace, 'dkk', l.code)),
          },
        },
      },
    ],
    notes: [],
    rates: [],
    labels: writerLabels(t),
  }
}
