import type { z } from 'zod'
import { DomainError } from '../../../shared/domain/result'
import type { expenseInput } from '../../../shared/api/finance'
import type { Expense, ExpensePage } from '../../../shared/api/financeTypes'
import { audit, type ServiceContext } from '../context'
import { requireBranch } from '../branches'
import { requireProject } from './projects'
import { conversions, forgetConversions } from './money'
import { assertOpen, lockedThrough } from './locks'
import { stands, voidColumns, voidEntry, withVoided, type VoidColumns } from '../voids'
import { amountOutlier } from '../../../shared/domain/plausibility'
import { formatDkkAmount, formatMnt } from '../../../shared/domain/money'

export const SECRETARIAT = { mn: 'Ажлын алба (DaMoST)', en: 'Secretariat (DaMoST)' }

const SELECT = `SELECT e.id, e.spent_on AS "spentOn", e.voucher, e.line_id AS "lineId", l.code AS "lineCode", l.main_code AS "mainCode", e.branch_id AS "branchId",
  b.name_mn AS "branchMn", b.name_en AS "branchEn", e.description, e.amount_minor AS "amountMinor", e.currency, e.source_id AS "sourceId", ${voidColumns('e.')},
  c.id AS "correctsId", c.voucher AS "correctsVoucher", c.spent_on AS "correctsOn"
  FROM expense e JOIN budget_line l ON l.id = e.line_id LEFT JOIN branch b ON b.id = e.branch_id LEFT JOIN expense c ON c.id = e.corrects_id`

type Row = Omit<Expense, 'costCentre' | 'dkkMinor' | 'uncoveredMntMinor' | 'voided' | 'corrects'> &
  VoidColumns & { branchMn: string | null; branchEn: string | null; mainCode: string; correctsId: number | null; correctsVoucher: string | null; correctsOn: string | null }

export interface ExpenseFilter {
  projectId: number
  lineId?: number
  mainCode?: string
  costCentre?: number | 'secretariat'
  sourceId?: number
  from?: string
  to?: string
  /** Also the voided expenses (for the list, on request); no total counts them. */
  withVoided?: boolean
  /** Only these expenses (an activity's). */
  ids?: number[]
}

/** Every expense matching a filter, with its DKK value (oldest first). */
export async function expensesWithValue(ctx: ServiceContext, f: ExpenseFilter): Promise<Expense[]> {
  const where = ['e.project_id = :projectId']
  if (!f.withVoided) where.push(stands('e.'))
  if (f.lineId !== undefined) where.push('e.line_id = :lineId')
  if (f.mainCode !== undefined) where.push('l.main_code = :mainCode')
  if (f.costCentre === 'secretariat') where.push('e.branch_id IS NULL')
  else if (f.costCentre !== undefined) where.push('e.branch_id = :costCentre')
  if (f.sourceId !== undefined) where.push('e.source_id = :sourceId')
  if (f.from !== undefined) where.push('e.spent_on >= :from')
  if (f.to !== undefined) where.push('e.spent_on <= :to')
  if (f.ids !== undefined) where.push(f.ids.length ? 'e.id IN (:ids)' : '1 = 0')
  const rows = await ctx.sql.all<Row>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY e.spent_on, e.id`, { ...f })
  const { byExpense } = await conversions(ctx, f.projectId)
  return rows.map(({ branchMn, branchEn, mainCode: _m, correctsId, correctsVoucher, correctsOn, ...row }) => {
    const r = { ...withVoided(row), corrects: correctsId === null ? null : { id: correctsId, voucher: correctsVoucher!, spentOn: correctsOn! } }
    const c = r.currency === 'MNT' && !r.voided ? byExpense.get(r.id) : undefined
    return {
      ...r,
      costCentre: r.branchId === null ? SECRETARIAT : { mn: branchMn!, en: branchEn! },
      dkkMinor: r.voided ? null : r.currency === 'DKK' ? r.amountMinor : (c?.dkkMinor ?? null),
      uncoveredMntMinor: c?.uncoveredMntMinor ?? 0,
    }
  })
}

export async function searchExpenses(ctx: ServiceContext, input: ExpenseFilter & { flaggedOnly: boolean; page: number; pageSize: number }): Promise<ExpensePage> {
  await requireProject(ctx, input.projectId)
  let all = await expensesWithValue(ctx, input)
  if (input.flaggedOnly) all = all.filter((e) => e.uncoveredMntMinor > 0)
  const newestFirst = [...all].reverse()
  // The totals count the expenses that stand, whatever the list shows.
  const standing = all.filter((e) => !e.voided)
  return {
    rows: newestFirst.slice((input.page - 1) * input.pageSize, input.page * input.pageSize),
    total: all.length,
    page: input.page,
    pageSize: input.pageSize,
    totals: {
      mntMinor: standing.filter((e) => e.currency === 'MNT').reduce((s, e) => s + e.amountMinor, 0),
      dkkMinor: standing.reduce((s, e) => s + (e.dkkMinor ?? 0), 0),
      flagged: standing.filter((e) => e.uncoveredMntMinor > 0).length,
    },
  }
}

/** Checks an expense against the project: its line, source, period and a voucher number not used before. */
export async function checkExpense(ctx: ServiceContext, input: z.output<typeof expenseInput>, field = (f: string) => f): Promise<void> {
  const p = await requireProject(ctx, input.projectId)
  const line = await ctx.sql.one('SELECT id FROM budget_line WHERE id = :lineId AND project_id = :projectId', { lineId: input.lineId, projectId: p.id })
  if (!line) throw new DomainError('validation', 'is not a budget line of this project', field('lineId'))
  const source = await ctx.sql.one('SELECT id FROM funding_source WHERE id = :sourceId AND project_id = :projectId', { sourceId: input.sourceId, projectId: p.id })
  if (!source) throw new DomainError('validation', 'is not a funding source of this project', field('sourceId'))
  if (input.branchId !== null) await requireBranch(ctx, input.branchId, field('branchId'))
  if (input.spentOn < p.startsOn || input.spentOn > p.endsOn) throw new DomainError('validation', `must be within the project period (${p.startsOn} to ${p.endsOn})`, field('spentOn'))
  const used = await ctx.sql.one<{ d: string }>('SELECT spent_on AS d FROM expense WHERE project_id = :projectId AND voucher = :voucher AND voided_at IS NULL', {
    projectId: p.id,
    voucher: input.voucher,
  })
  if (used) throw new DomainError('conflict', `${input.voucher} is already used (expense of ${used.d})`, field('voucher'))
  await assertOpen(ctx, p.id, input.spentOn, field('spentOn'))
  if (input.correctsId === null) {
    if (input.amountMinor <= 0) throw new DomainError('validation', 'must be more than 0', field('amountMinor'), { key: 'v.moreThanZero' })
    return
  }
  await checkCorrection(ctx, p.id, input as typeof input & { correctsId: number }, field)
}

/** A correction names a standing voucher of a submitted period, keeps its currency, and takes back at most what it (with its corrections so far) holds. */
async function checkCorrection(ctx: ServiceContext, projectId: number, input: z.output<typeof expenseInput> & { correctsId: number }, field: (f: string) => string): Promise<void> {
  const o = await ctx.sql.one<{ projectId: number; spentOn: string; voucher: string; currency: string; amountMinor: number; voidedAt: string | null }>(
    `SELECT project_id AS "projectId", spent_on AS "spentOn", voucher, currency, amount_minor AS "amountMinor", voided_at AS "voidedAt" FROM expense WHERE id = :id`,
    { id: input.correctsId },
  )
  if (!o || Number(o.projectId) !== projectId || o.voidedAt) throw new DomainError('validation', 'is not a voucher of this project that stands', field('correctsId'), { key: 'r.correctsNone' })
  const lock = await lockedThrough(ctx, projectId)
  if (!lock || o.spentOn > lock.to) {
    throw new DomainError('validation', `${o.voucher} is in the open period: void it and record it again instead`, field('correctsId'), { key: 'r.correctsOpen', vars: { voucher: o.voucher } })
  }
  if (input.currency !== o.currency) throw new DomainError('validation', `must be ${o.currency}, the currency of ${o.voucher}`, field('currency'), { key: 'r.correctsCurrency', vars: { voucher: o.voucher, currency: o.currency } })
  const held = Number(
    await ctx.sql.value<number>(`SELECT coalesce(sum(amount_minor), 0) AS n FROM expense WHERE (id = :id OR corrects_id = :id) AND ${stands()}`, { id: input.correctsId }),
  )
  if (held + input.amountMinor < 0) {
    const show = (m: number) => (o.currency === 'MNT' ? formatMnt(m) : `DKK ${formatDkkAmount(m)}`)
    throw new DomainError('validation', `takes back more than ${o.voucher} holds (${show(held)})`, field('amountMinor'), { key: 'r.correctsTooMuch', vars: { voucher: o.voucher, held: show(held) } })
  }
}

export function insertExpense(ctx: ServiceContext, input: z.output<typeof expenseInput>): Promise<number> {
  forgetConversions(ctx)
  return ctx.sql.insert(
    `INSERT INTO expense (project_id, spent_on, voucher, line_id, branch_id, description, amount_minor, currency, source_id, created_at, corrects_id)
     VALUES (:projectId, :spentOn, :voucher, :lineId, :branchId, :description, :amountMinor, :currency, :sourceId, :now, :correctsId) RETURNING id`,
    { ...input, correctsId: input.correctsId ?? null, now: ctx.now },
  )
}

/** Records an expense; one larger than the MNT available is recorded too, and flagged. */
export async function createExpense(ctx: ServiceContext, input: z.output<typeof expenseInput>): Promise<Expense> {
  await checkExpense(ctx, input)
  if (!input.confirmed) {
    // Ten times the largest expense in that currency so far is usually a zero too many: asked before it is saved.
    const largest = await ctx.sql.one<{ n: number | null }>(`SELECT max(amount_minor) AS n FROM expense WHERE project_id = :projectId AND currency = :currency AND ${stands()}`, {
      projectId: input.projectId,
      currency: input.currency,
    })
    const most = largest?.n === null || largest?.n === undefined ? null : Number(largest.n)
    if (amountOutlier(input.amountMinor, most)) {
      const show = (m: number) => (input.currency === 'MNT' ? formatMnt(m) : `DKK ${formatDkkAmount(m)}`)
      const vars = { amount: show(input.amountMinor), largest: show(most!) }
      throw new DomainError('validation', `${vars.amount} is more than ten times the largest expense so far (${vars.largest}); check the amount, or confirm it`, 'amountMinor', { key: 'r.confirm.amount', vars })
    }
  }
  const id = await insertExpense(ctx, input)
  const out = (await expensesWithValue(ctx, { projectId: input.projectId })).find((e) => e.id === id)!
  await audit(ctx, 'expense', id, null, out)
  return out
}

/** Voids an expense recorded by mistake (its voucher number is then free for the right one). */
export async function voidExpense(ctx: ServiceContext, input: { id: number; reason: string }): Promise<Expense> {
  // Loan capital stays with the large group's fund (1) that received it.
  const capital = await ctx.sql.one<{ id: number }>(
    `SELECT e.id FROM group_fund_entry e WHERE e.expense_id = :id AND e.kind = 'capital' AND e.amount_minor > 0 AND NOT EXISTS (SELECT 1 FROM group_fund_entry r WHERE r.reverses_id = e.id)`,
    { id: input.id },
  )
  if (capital) throw new DomainError('validation', "is loan capital of a large group's fund (1): it cannot be voided while the fund holds it", 'id', { key: 'r.expenseIsCapital' })
  const projectId = await ctx.sql.value(`SELECT coalesce(max(project_id), 0) AS n FROM expense WHERE id = :id`, { id: input.id })
  const spentOn = await ctx.sql.value<string | null>(`SELECT max(spent_on) AS d FROM expense WHERE id = :id`, { id: input.id })
  if (spentOn) await assertOpen(ctx, projectId, spentOn, 'id')
  return voidEntry(ctx, 'expense', input.id, input.reason, async () => {
    forgetConversions(ctx)
    return (await expensesWithValue(ctx, { projectId, withVoided: true })).find((e) => e.id === input.id)
  })
}
