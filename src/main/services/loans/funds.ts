import { DomainError } from '../../../shared/domain/result'
import { todayIso } from '../../../shared/domain/dates'
import { splitRepayment, type FundAmounts } from '../../../shared/domain/repayments'
import type { FundCheck, FundLedger, FundLedgerEntry, FundName, GroupFundBalances } from '../../../shared/api/loansTypes'
import { audit, type ServiceContext } from '../context'
import { lsgRow } from '../groups/structure'
import { notFuture } from '../dates'
import { formatMnt } from '../../../shared/domain/money'
import { loanSettingsOn } from './settings'

/*
 * The group funds (DOMAIN.md): (1) new loans and (2) common interest belong
 * to a large group, (3) organisational development to its area's CBO (the
 * shares of the area's large groups are held for it from the first
 * repayment, before the CBO is founded). Entries are appended: allocations
 * of repayments, loan capital from the project, disbursements, spending.
 */

export async function fundBalances(ctx: ServiceContext, input: { lsgId: number; on?: string }): Promise<GroupFundBalances> {
  const lsg = await lsgRow(ctx, input.lsgId)
  const on = input.on ?? todayIso(ctx.now)
  const rows = await ctx.sql.all<{ fund: FundName; n: number }>(
    `SELECT fund, coalesce(sum(amount_minor), 0) AS n FROM group_fund_entry
     WHERE entry_on <= :on AND ((fund IN ('f1', 'f2') AND lsg_id = :lsgId) OR (fund = 'f3' AND branch_id = :branchId)) GROUP BY fund`,
    { on, lsgId: input.lsgId, branchId: lsg.branchId },
  )
  const get = (f: FundName) => Number(rows.find((r) => r.fund === f)?.n ?? 0)
  return { lsgId: input.lsgId, asOf: on, f1: get('f1'), f2: get('f2'), f3: get('f3') }
}

/** Posts a repayment's shares of the three funds, by running totals of everything allocated from the large group so far. */
export async function allocateToFunds(ctx: ServiceContext, p: { lsgId: number; branchId: number; repaymentId: number; on: string; amountMinor: number }): Promise<FundAmounts> {
  // Running totals over the repayments split under the share in force on the day (they start again at each change).
  const inForce = await loanSettingsOn(ctx, p.lsgId, p.on)
  const posted = await ctx.sql.all<{ fund: FundName; n: number }>(
    `SELECT fund, coalesce(sum(amount_minor), 0) AS n FROM group_fund_entry
     WHERE lsg_id = :lsgId AND kind = 'allocation' AND entry_on >= :from AND entry_on < :until GROUP BY fund`,
    { lsgId: p.lsgId, from: inForce.from ?? '0000-01-01', until: inForce.until ?? '9999-12-31' },
  )
  const get = (f: FundName) => Number(posted.find((r) => r.fund === f)?.n ?? 0)
  const share = splitRepayment({ f1: get('f1'), f2: get('f2'), f3: get('f3') }, p.amountMinor, inForce.settings.shareF2Percent)
  for (const fund of ['f1', 'f2', 'f3'] as const) {
    if (share[fund] === 0) continue
    await ctx.sql.run(
      `INSERT INTO group_fund_entry (branch_id, lsg_id, fund, entry_on, kind, amount_minor, repayment_id, created_at, created_by)
       VALUES (:branchId, :lsgId, :fund, :on, 'allocation', :amount, :repaymentId, :now, :actor)`,
      { ...p, fund, amount: share[fund], now: ctx.now, actor: ctx.actor },
    )
  }
  return share
}

/** Marks a project expense in ₮ as loan capital for a large group: it credits fund (1) on the day it was spent. */
export async function recordCapital(ctx: ServiceContext, input: { lsgId: number; expenseId: number }): Promise<GroupFundBalances> {
  const lsg = await lsgRow(ctx, input.lsgId)
  const e = await ctx.sql.one<{ spentOn: string; amount: number; currency: string; voided: string | null; voucher: string }>(
    `SELECT spent_on AS "spentOn", amount_minor AS amount, currency, voided_at AS voided, voucher FROM expense WHERE id = :id`,
    { id: input.expenseId },
  )
  if (!e) throw new DomainError('not_found', `No expense with id ${input.expenseId}`, 'expenseId')
  if (e.voided) throw new DomainError('validation', 'is voided: only a standing expense is loan capital', 'expenseId', { key: 'r.capitalVoided' })
  if (e.currency !== 'MNT') throw new DomainError('validation', 'is not in tögrög: loan capital is paid out in ₮', 'expenseId', { key: 'r.capitalCurrency' })
  const used = await ctx.sql.one<{ id: number }>(`SELECT id FROM group_fund_entry WHERE expense_id = :id AND kind = 'capital' AND amount_minor > 0`, { id: input.expenseId })
  if (used) throw new DomainError('conflict', `The expense ${e.voucher} is already loan capital`, 'expenseId', { key: 'r.capitalUsed', vars: { voucher: e.voucher } })
  const id = await ctx.sql.insert(
    `INSERT INTO group_fund_entry (branch_id, lsg_id, fund, entry_on, kind, amount_minor, expense_id, created_at, created_by)
     VALUES (:branchId, :lsgId, 'f1', :on, 'capital', :amount, :expenseId, :now, :actor) RETURNING id`,
    { branchId: lsg.branchId, lsgId: input.lsgId, on: e.spentOn, amount: Number(e.amount), expenseId: input.expenseId, now: ctx.now, actor: ctx.actor },
  )
  await audit(ctx, 'group_fund_entry', id, null, { lsg: lsg.code, fund: 'f1', kind: 'capital', voucher: e.voucher, amountMinor: Number(e.amount) })
  return fundBalances(ctx, { lsgId: input.lsgId })
}

const KINDS = ['allocation', 'capital', 'disbursement', 'spending'] as const

/** Which fund: (1) and (2) of a large group, (3) of an area. */
async function fundScope(ctx: ServiceContext, input: { fund: FundName; lsgId?: number; branchId?: number }): Promise<{ where: string; params: Record<string, unknown>; lsgId: number | null; branchId: number }> {
  if (input.fund === 'f3') {
    if (input.branchId === undefined) throw new DomainError('validation', "is required: fund (3) is the area's CBO's", 'branchId', { key: 'r.fundNeedsArea' })
    return { where: `e.fund = 'f3' AND e.branch_id = :branchId`, params: { branchId: input.branchId }, lsgId: null, branchId: input.branchId }
  }
  if (input.lsgId === undefined) throw new DomainError('validation', "is required: funds (1) and (2) are a large group's", 'lsgId', { key: 'r.fundNeedsLsg' })
  const lsg = await lsgRow(ctx, input.lsgId)
  return { where: `e.fund = :fund AND e.lsg_id = :lsgId`, params: { fund: input.fund, lsgId: input.lsgId }, lsgId: input.lsgId, branchId: lsg.branchId }
}

const ENTRY_SQL = `SELECT e.id, e.entry_on AS "entryOn", e.kind, e.amount_minor AS "amountMinor", l.code AS "lsgCode", e.purpose, e.households, x.voucher, e.reverses_id AS "reversesId", e.reason
  FROM group_fund_entry e LEFT JOIN lsg l ON l.id = e.lsg_id LEFT JOIN expense x ON x.id = e.expense_id`

export async function fundLedger(ctx: ServiceContext, input: { fund: FundName; lsgId?: number; branchId?: number; from: string; to: string }): Promise<FundLedger> {
  const scope = await fundScope(ctx, input)
  const opening = Number(await ctx.sql.value<number>(`SELECT coalesce(sum(e.amount_minor), 0) AS n FROM group_fund_entry e WHERE ${scope.where} AND e.entry_on < :from`, { ...scope.params, from: input.from }))
  const entries = (await ctx.sql.all<FundLedgerEntry>(`${ENTRY_SQL} WHERE ${scope.where} AND e.entry_on BETWEEN :from AND :to ORDER BY e.entry_on, e.id`, { ...scope.params, from: input.from, to: input.to })).map((e) => ({ ...e, amountMinor: Number(e.amountMinor) }))
  const totals = Object.fromEntries(KINDS.map((k) => [k, entries.filter((e) => e.kind === k).reduce((s, e) => s + e.amountMinor, 0)])) as FundLedger['totals']
  return { fund: input.fund, lsgId: scope.lsgId, branchId: scope.branchId, from: input.from, to: input.to, openingMinor: opening, totals, closingMinor: opening + entries.reduce((s, e) => s + e.amountMinor, 0), entries }
}

/** Spending from fund (2) or (3): never more than the fund holds, on that day or after. */
export async function spendFromFund(ctx: ServiceContext, input: { fund: 'f2' | 'f3'; lsgId?: number; branchId?: number; spentOn: string; amountMinor: number; purpose: string; households: number | null }): Promise<FundLedgerEntry> {
  notFuture(ctx, input.spentOn, 'spentOn')
  const scope = await fundScope(ctx, input)
  if (input.fund === 'f3') {
    const cbo = await ctx.sql.one<{ foundedOn: string }>(`SELECT founded_on AS "foundedOn" FROM cbo WHERE branch_id = :branchId`, { branchId: scope.branchId })
    if (!cbo || cbo.foundedOn > input.spentOn) throw new DomainError('validation', 'must not be before the area’s CBO was founded: fund (3) is spent by the CBO', 'spentOn', { key: 'r.fund3BeforeCbo' })
  }
  const moves = await ctx.sql.all<{ on: string; n: number }>(`SELECT e.entry_on AS "on", sum(e.amount_minor) AS n FROM group_fund_entry e WHERE ${scope.where} GROUP BY e.entry_on ORDER BY e.entry_on`, scope.params)
  let balance = 0
  let lowest = Number.POSITIVE_INFINITY
  for (const m of moves) {
    balance += Number(m.n)
    if (m.on >= input.spentOn) lowest = Math.min(lowest, balance)
  }
  const held = Math.min(lowest, moves.filter((m) => m.on <= input.spentOn).reduce((s, m) => s + Number(m.n), 0))
  if (input.amountMinor > held) throw new DomainError('validation', `is more than the fund holds (${formatMnt(Math.max(0, held))})`, 'amountMinor', { key: 'r.fundBelowZero', vars: { balance: formatMnt(Math.max(0, held)) } })
  const id = await ctx.sql.insert(
    `INSERT INTO group_fund_entry (branch_id, lsg_id, fund, entry_on, kind, amount_minor, purpose, households, created_at, created_by)
     VALUES (:branchId, :lsgId, :fund, :spentOn, 'spending', :amount, :purpose, :households, :now, :actor) RETURNING id`,
    { branchId: scope.branchId, lsgId: scope.lsgId, fund: input.fund, spentOn: input.spentOn, amount: -input.amountMinor, purpose: input.purpose, households: input.households, now: ctx.now, actor: ctx.actor },
  )
  await audit(ctx, 'group_fund_entry', id, null, { fund: input.fund, spentOn: input.spentOn, amountMinor: -input.amountMinor, purpose: input.purpose, households: input.households })
  return (await ctx.sql.all<FundLedgerEntry>(`${ENTRY_SQL} WHERE e.id = :id`, { id })).map((e) => ({ ...e, amountMinor: Number(e.amountMinor) }))[0]!
}

/** DOMAIN.md's invariant of each area's group money on a date. */
export async function fundChecks(ctx: ServiceContext, input: { on: string }): Promise<FundCheck[]> {
  const on = input.on
  const areas = await ctx.sql.all<{ id: number; mn: string; en: string }>(
    `SELECT DISTINCT b.id, b.name_mn AS mn, b.name_en AS en FROM branch b JOIN group_fund_entry e ON e.branch_id = b.id ORDER BY b.name_mn, b.id`,
  )
  const out: FundCheck[] = []
  for (const a of areas) {
    const sum = async (sql: string) => Number(await ctx.sql.value<number>(sql, { branchId: a.id, on }))
    const cash = await sum(`SELECT coalesce(sum(amount_minor), 0) AS n FROM group_fund_entry WHERE branch_id = :branchId AND entry_on <= :on`)
    const capital = await sum(`SELECT coalesce(sum(amount_minor), 0) AS n FROM group_fund_entry WHERE branch_id = :branchId AND kind = 'capital' AND entry_on <= :on`)
    const spending = -(await sum(`SELECT coalesce(sum(amount_minor), 0) AS n FROM group_fund_entry WHERE branch_id = :branchId AND kind = 'spending' AND entry_on <= :on`))
    const loans = `FROM loan_repayment r JOIN loan l ON l.id = r.loan_id JOIN lsg g ON g.id = l.lsg_id WHERE g.branch_id = :branchId AND r.paid_on <= :on`
    const interestAndFines = await sum(`SELECT coalesce(sum(r.interest_minor + r.fines_minor), 0) AS n ${loans}`)
    const disbursed = await sum(`SELECT coalesce(sum(l.principal_minor), 0) AS n FROM loan l JOIN lsg g ON g.id = l.lsg_id WHERE g.branch_id = :branchId AND l.disbursed_on <= :on`)
    const repaid = await sum(`SELECT coalesce(sum(r.principal_minor), 0) AS n ${loans}`)
    const writtenOff = await sum(`SELECT coalesce(sum(w.principal_minor), 0) AS n FROM loan_write_off w JOIN loan l ON l.id = w.loan_id JOIN lsg g ON g.id = l.lsg_id WHERE g.branch_id = :branchId AND w.written_off_on <= :on`)
    const recovered = await sum(
      `SELECT coalesce(sum(r.principal_minor), 0) AS n FROM loan_repayment r JOIN loan_write_off w ON w.loan_id = r.loan_id JOIN loan l ON l.id = r.loan_id JOIN lsg g ON g.id = l.lsg_id
       WHERE g.branch_id = :branchId AND r.paid_on > w.written_off_on AND r.paid_on <= :on AND w.written_off_on <= :on`,
    )
    // Outstanding: disbursed less repaid, less what was written off (a recovery then repays a loan no longer outstanding).
    const outstanding = disbursed - repaid - (writtenOff - recovered)
    const writtenOffNet = writtenOff - recovered
    out.push({
      branchId: a.id,
      name: { mn: a.mn, en: a.en },
      on,
      cashMinor: cash,
      outstandingMinor: outstanding,
      capitalMinor: capital,
      interestAndFinesMinor: interestAndFines,
      spendingMinor: spending,
      writtenOffNetMinor: writtenOffNet,
      differenceMinor: cash + outstanding - (capital + interestAndFines - spending - writtenOffNet),
    })
  }
  return out
}
