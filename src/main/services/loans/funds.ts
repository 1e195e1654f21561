import { DomainError } from '../../../shared/domain/result'
import { todayIso } from '../../../shared/domain/dates'
import { splitRepayment, type FundAmounts } from '../../../shared/domain/repayments'
import type { FundName, GroupFundBalances } from '../../../shared/api/loansTypes'
import { audit, type ServiceContext } from '../context'
import { lsgRow } from '../groups/structure'

/*
 * The group funds (DOMAIN.md): (1) new loans and (2) common interest belong
 * to a large group, (3) organisational development to its area's CBO (the
 * shares of the area's large groups are held for it from the first
 * repayment, before the CBO is founded). Entries are appended: allocations
 * of repayments, loan capital from the project, disbursements, spending.
 */

/** The share of fund (2) within the first half of every repayment, per large group (the default until its regulations set one). */
export const SHARE_F2_PERCENT = 50

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
  const posted = await ctx.sql.all<{ fund: FundName; n: number }>(
    `SELECT fund, coalesce(sum(amount_minor), 0) AS n FROM group_fund_entry WHERE lsg_id = :lsgId AND kind = 'allocation' GROUP BY fund`,
    { lsgId: p.lsgId },
  )
  const get = (f: FundName) => Number(posted.find((r) => r.fund === f)?.n ?? 0)
  const share = splitRepayment({ f1: get('f1'), f2: get('f2'), f3: get('f3') }, p.amountMinor, SHARE_F2_PERCENT)
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
