import { DomainError } from '../../../shared/domain/result'
import { daysInArrears } from '../../../shared/domain/portfolio'
import type { InstalmentRow, LoanRow, LoanStatus, RepaymentRow } from '../../../shared/api/loansTypes'
import type { ServiceContext } from '../context'
import { DUE_JOIN, DUE_SQL } from './dueMoves'
import { PERSON_SHORT_NAME_SQL } from '../names.sql'

/*
 * A loan's standing on a date, from its schedule (the latest one) and the
 * allocations of the repayments made by then: outstanding principal, what is
 * overdue, fines outstanding, days and weeks in arrears, the next instalment.
 */

export type LoanRecord = Omit<LoanRow, 'asOf' | 'status' | 'outstandingPrincipalMinor' | 'overdueMinor' | 'finesOutstandingMinor' | 'daysInArrears' | 'weeksInArrears' | 'next'>

export const LOAN_SQL = `SELECT l.id, l.person_id AS "personId", ${PERSON_SHORT_NAME_SQL} AS name, l.ssg_id AS "ssgId", s.code AS "ssgCode", l.lsg_id AS "lsgId", l.cycle,
  l.principal_minor AS "principalMinor", l.instalments, l.method, l.monthly_rate_micro AS "monthlyRateMicro", l.disbursed_on AS "disbursedOn"
  FROM loan l JOIN person p ON p.id = l.person_id JOIN ssg s ON s.id = l.ssg_id`

const num = (r: LoanRecord): LoanRecord => ({ ...r, principalMinor: Number(r.principalMinor) })

export async function loanRecord(ctx: ServiceContext, id: number): Promise<LoanRecord> {
  const r = await ctx.sql.one<LoanRecord>(`${LOAN_SQL} WHERE l.id = :id`, { id })
  if (!r) throw new DomainError('not_found', `No loan with id ${id}`, 'loanId')
  return num(r)
}

/** The instalments of the loan's latest schedule with what was allocated to each by the date. */
export async function instalmentsOn(ctx: ServiceContext, loanId: number, on: string): Promise<InstalmentRow[]> {
  const rows = await ctx.sql.all<InstalmentRow & { paidOn: string | null }>(
    `SELECT i.id, i.n, ${DUE_SQL} AS "dueOn", i.principal_minor AS "principalMinor", i.interest_minor AS "interestMinor",
       coalesce((SELECT sum(a.principal_minor) FROM loan_allocation a JOIN loan_repayment r ON r.id = a.repayment_id WHERE a.instalment_id = i.id AND r.paid_on <= :on), 0) AS "paidPrincipalMinor",
       coalesce((SELECT sum(a.interest_minor) FROM loan_allocation a JOIN loan_repayment r ON r.id = a.repayment_id WHERE a.instalment_id = i.id AND r.paid_on <= :on), 0) AS "paidInterestMinor",
       NULL AS "paidOn"
     FROM loan_instalment i ${DUE_JOIN} WHERE i.loan_id = :loanId AND i.schedule_no = (SELECT max(schedule_no) FROM loan_instalment WHERE loan_id = :loanId) ORDER BY i.n`,
    { loanId, on },
  )
  const out = rows.map((r) => ({ ...r, principalMinor: Number(r.principalMinor), interestMinor: Number(r.interestMinor), paidPrincipalMinor: Number(r.paidPrincipalMinor), paidInterestMinor: Number(r.paidInterestMinor) }))
  // The day each instalment was paid in full: the repayment that completed it.
  const allocations = await ctx.sql.all<{ instalmentId: number; paidOn: string; amount: number }>(
    `SELECT a.instalment_id AS "instalmentId", r.paid_on AS "paidOn", a.principal_minor + a.interest_minor AS amount
     FROM loan_allocation a JOIN loan_repayment r ON r.id = a.repayment_id JOIN loan_instalment i ON i.id = a.instalment_id
     WHERE i.loan_id = :loanId AND r.paid_on <= :on ORDER BY r.paid_on, r.id`,
    { loanId, on },
  )
  for (const i of out) {
    let paid = 0
    for (const a of allocations.filter((x) => x.instalmentId === i.id)) {
      paid += Number(a.amount)
      i.paidOn = paid >= i.principalMinor + i.interestMinor ? (i.paidOn ?? a.paidOn) : null
    }
  }
  return out
}

export async function loanStanding(ctx: ServiceContext, loan: LoanRecord, on: string): Promise<LoanRow> {
  const schedule = await instalmentsOn(ctx, loan.id, on)
  const allPrincipalPaid = Number(
    await ctx.sql.value<number>(`SELECT coalesce(sum(principal_minor), 0) AS n FROM loan_repayment WHERE loan_id = :id AND paid_on <= :on`, { id: loan.id, on }),
  )
  const fines = Number(await ctx.sql.value<number>(`SELECT coalesce(sum(amount_minor), 0) AS n FROM loan_fine WHERE loan_id = :id AND imposed_on <= :on`, { id: loan.id, on }))
  const finesPaid = Number(await ctx.sql.value<number>(`SELECT coalesce(sum(fines_minor), 0) AS n FROM loan_repayment WHERE loan_id = :id AND paid_on <= :on`, { id: loan.id, on }))
  const writtenOff = await ctx.sql.one<{ on: string }>(`SELECT written_off_on AS "on" FROM loan_write_off WHERE loan_id = :id AND written_off_on <= :on`, { id: loan.id, on })
  const left = (i: InstalmentRow) => i.principalMinor + i.interestMinor - i.paidPrincipalMinor - i.paidInterestMinor
  const late = schedule.filter((i) => i.dueOn < on && left(i) > 0)
  const outstanding = loan.principalMinor - allPrincipalPaid
  const interestLeft = schedule.reduce((s, i) => s + i.interestMinor - i.paidInterestMinor, 0)
  const status: LoanStatus = writtenOff ? 'written_off' : outstanding <= 0 && interestLeft <= 0 && fines - finesPaid <= 0 ? 'closed' : 'active'
  const next = schedule.find((i) => i.dueOn >= on && left(i) > 0)
  return {
    ...loan,
    asOf: on,
    status,
    outstandingPrincipalMinor: outstanding,
    overdueMinor: late.reduce((s, i) => s + left(i), 0),
    finesOutstandingMinor: fines - finesPaid,
    daysInArrears: daysInArrears(late[0]?.dueOn ?? null, on),
    weeksInArrears: late.length,
    next: next ? { n: next.n, dueOn: next.dueOn, dueMinor: left(next) } : null,
  }
}

export async function repaymentsOf(ctx: ServiceContext, loanId: number): Promise<RepaymentRow[]> {
  const rows = await ctx.sql.all<RepaymentRow>(
    `SELECT r.id, r.paid_on AS "paidOn", r.amount_minor AS "amountMinor", r.fines_minor AS "finesMinor", r.interest_minor AS "interestMinor", r.principal_minor AS "principalMinor",
       r.reverses_id AS "reversesId", x.id AS "reversedById", r.reason, r.created_by AS "createdBy"
     FROM loan_repayment r LEFT JOIN loan_repayment x ON x.reverses_id = r.id WHERE r.loan_id = :loanId ORDER BY r.paid_on, r.id`,
    { loanId },
  )
  return rows.map((r) => ({ ...r, amountMinor: Number(r.amountMinor), finesMinor: Number(r.finesMinor), interestMinor: Number(r.interestMinor), principalMinor: Number(r.principalMinor) }))
}
