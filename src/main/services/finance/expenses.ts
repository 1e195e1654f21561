import type { z } from 'zod'
import { DomainError } from '../../../shared/domain/result'
import type { expenseInput } from '../../../shared/api/finance'
import type { Expense, ExpensePage } from '../../../shared/api/financeTypes'
import { audit, type ServiceContext } from '../context'
import { requireBranch } from '../branches'
import { requireProject } from './projects'
import { conversions, forgetConversions } from './money'

export const SECRETARIAT = { mn: 'Ажлын алба (DaMoST)', en: 'Secretariat (DaMoST)' }

const SELECT = `SELECT e.id, e.spent_on AS spentOn, e.voucher, e.line_id AS lineId, l.code AS lineCode, l.main_code AS mainCode, e.branch_id AS branchId,
  b.name_mn AS branchMn, b.name_en AS branchEn, e.description, e.amount_minor AS amountMinor, e.currency, e.source_id AS sourceId
  FROM expense e JOIN budget_line l ON l.id = e.line_id LEFT JOIN branch b ON b.id = e.branch_id`

type Row = Omit<Expense, 'costCentre' | 'dkkMinor' | 'uncoveredMntMinor'> & { branchMn: string | null; branchEn: string | null; mainCode: string }

export interface ExpenseFilter {
  projectId: number
  lineId?: number
  mainCode?: string
  costCentre?: number | 'secretariat'
  sourceId?: number
  from?: string
  to?: string
}

/** Every expense matching a filter, with its DKK value (oldest first). */
export function expensesWithValue(ctx: ServiceContext, f: ExpenseFilter): Expense[] {
  const where = ['e.project_id = ?']
  const params: unknown[] = [f.projectId]
  const add = (sql: string, v: unknown) => {
    where.push(sql)
    params.push(v)
  }
  if (f.lineId !== undefined) add('e.line_id = ?', f.lineId)
  if (f.mainCode !== undefined) add('l.main_code = ?', f.mainCode)
  if (f.costCentre === 'secretariat') where.push('e.branch_id IS NULL')
  else if (f.costCentre !== undefined) add('e.branch_id = ?', f.costCentre)
  if (f.sourceId !== undefined) add('e.source_id = ?', f.sourceId)
  if (f.from !== undefined) add('e.spent_on >= ?', f.from)
  if (f.to !== undefined) add('e.spent_on <= ?', f.to)
  const rows = ctx.raw.prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY e.spent_on, e.id`).all(...params) as Row[]
  const { byExpense } = conversions(ctx, f.projectId)
  return rows.map(({ branchMn, branchEn, mainCode: _m, ...r }) => {
    const c = r.currency === 'MNT' ? byExpense.get(r.id) : undefined
    return {
      ...r,
      costCentre: r.branchId === null ? SECRETARIAT : { mn: branchMn!, en: branchEn! },
      dkkMinor: r.currency === 'DKK' ? r.amountMinor : (c?.dkkMinor ?? null),
      uncoveredMntMinor: c?.uncoveredMntMinor ?? 0,
    }
  })
}

export function searchExpenses(ctx: ServiceContext, input: ExpenseFilter & { flaggedOnly: boolean; page: number; pageSize: number }): ExpensePage {
  requireProject(ctx, input.projectId)
  let all = expensesWithValue(ctx, input)
  if (input.flaggedOnly) all = all.filter((e) => e.uncoveredMntMinor > 0)
  const newestFirst = [...all].reverse()
  return {
    rows: newestFirst.slice((input.page - 1) * input.pageSize, input.page * input.pageSize),
    total: all.length,
    page: input.page,
    pageSize: input.pageSize,
    totals: {
      mntMinor: all.filter((e) => e.currency === 'MNT').reduce((s, e) => s + e.amountMinor, 0),
      dkkMinor: all.reduce((s, e) => s + (e.dkkMinor ?? 0), 0),
      flagged: all.filter((e) => e.uncoveredMntMinor > 0).length,
    },
  }
}

/** Checks an expense against the project: its line, source, period and a voucher number not used before. */
export async function checkExpense(ctx: ServiceContext, input: z.output<typeof expenseInput>, field = (f: string) => f): Promise<void> {
  const p = requireProject(ctx, input.projectId)
  const line = ctx.raw.prepare('SELECT id FROM budget_line WHERE id = ? AND project_id = ?').get(input.lineId, p.id)
  if (!line) throw new DomainError('validation', 'is not a budget line of this project', field('lineId'))
  const source = ctx.raw.prepare('SELECT id FROM funding_source WHERE id = ? AND project_id = ?').get(input.sourceId, p.id)
  if (!source) throw new DomainError('validation', 'is not a funding source of this project', field('sourceId'))
  if (input.branchId !== null) await requireBranch(ctx, input.branchId, field('branchId'))
  if (input.spentOn < p.startsOn || input.spentOn > p.endsOn) throw new DomainError('validation', `must be within the project period (${p.startsOn} to ${p.endsOn})`, field('spentOn'))
  const used = ctx.raw.prepare('SELECT spent_on AS d FROM expense WHERE project_id = ? AND voucher = ?').get(p.id, input.voucher) as { d: string } | undefined
  if (used) throw new DomainError('conflict', `${input.voucher} is already used (expense of ${used.d})`, field('voucher'))
}

export function insertExpense(ctx: ServiceContext, input: z.output<typeof expenseInput>): number {
  forgetConversions(ctx)
  return Number(
    ctx.raw
      .prepare(`INSERT INTO expense (project_id, spent_on, voucher, line_id, branch_id, description, amount_minor, currency, source_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(input.projectId, input.spentOn, input.voucher, input.lineId, input.branchId, input.description, input.amountMinor, input.currency, input.sourceId, ctx.now).lastInsertRowid,
  )
}

/** Records an expense; one larger than the MNT available is recorded too, and flagged. */
export async function createExpense(ctx: ServiceContext, input: z.output<typeof expenseInput>): Promise<Expense> {
  await checkExpense(ctx, input)
  const id = insertExpense(ctx, input)
  const out = expensesWithValue(ctx, { projectId: input.projectId }).find((e) => e.id === id)!
  await audit(ctx, 'expense', id, null, out)
  return out
}
