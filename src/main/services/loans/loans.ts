import type { z } from 'zod'
import { DomainError } from '../../../shared/domain/result'
import { addDays, formatDateMn, todayIso } from '../../../shared/domain/dates'
import { formatMnt } from '../../../shared/domain/money'
import { weekdayOf } from '../../../shared/domain/meetings'
import { schedule, termsProblem } from '../../../shared/domain/loans'
import { allocateRepayment } from '../../../shared/domain/repayments'
import type { CheckResult } from '../../../shared/domain/eligibility'
import type { loanTermsInput } from '../../../shared/api/loans'
import type { LoanDetail, LoanRow, RepaymentRow } from '../../../shared/api/loansTypes'
import { audit, type ServiceContext } from '../context'
import { requirePerson } from '../persons'
import { lsgRow, ssgRow } from '../groups/structure'
import { notFuture } from '../dates'
import { eligibilityOf, requireEligible } from './eligibility'
import { allocateToFunds } from './funds'
import { moveDueDates } from './dueMoves'
import { instalmentsOn, LOAN_SQL, loanRecord, loanStanding, repaymentsOf, type LoanRecord } from './standing'

/*
 * Micro loans (DOMAIN.md, "Micro loans"): granted at a meeting of the
 * member's large group when every check passes, disbursed from its fund (1),
 * repaid weekly on her small group's meeting day; each repayment goes to the
 * fines, then the oldest instalment's interest and principal, and is split
 * into the three funds. Nothing is changed in place: a repayment entered by
 * mistake is reversed (the latest first) and entered again.
 */

/** The first instalment falls on her small group's meeting day a week or more after the disbursement; then weekly. */
export function firstDueDate(disbursedOn: string, weekday: number): string {
  const weekLater = addDays(disbursedOn, 7)
  return addDays(weekLater, (weekday - weekdayOf(weekLater) + 7) % 7)
}

const TERMS_KEYS = { principal: 'r.loanPrincipalUnit', instalments: 'r.loanInstalments', rate: 'r.loanRate', tooSmall: 'r.loanTooSmall' } as const
const TERMS_FIELD = { principal: 'principalMinor', instalments: 'instalments', rate: 'monthlyRateMicro', tooSmall: 'instalments' } as const
const TERMS_TEXT = {
  principal: 'must be a whole number of 100 ₮',
  instalments: 'must be from 1 to 104 weekly instalments',
  rate: 'must be from 0 to 20% a month',
  tooSmall: 'are too many for this loan: the instalments, rounded up to 100 ₮, would repay it before the last week',
} as const

export async function loanDetail(ctx: ServiceContext, id: number, on = todayIso(ctx.now)): Promise<LoanDetail> {
  const loan = await loanRecord(ctx, id)
  const extra = (await ctx.sql.one<{ approvedOn: string; eligibility: string }>(
    `SELECT m.held_on AS "approvedOn", l.eligibility FROM loan l JOIN group_meeting m ON m.id = l.approved_meeting_id WHERE l.id = :id`,
    { id },
  ))!
  const fines = await ctx.sql.all<{ id: number; imposedOn: string; amountMinor: number; reason: string }>(
    `SELECT id, imposed_on AS "imposedOn", amount_minor AS "amountMinor", reason FROM loan_fine WHERE loan_id = :id ORDER BY imposed_on, id`,
    { id },
  )
  const w = await ctx.sql.one<{ on: string; principalMinor: number; interestMinor: number; reason: string }>(
    `SELECT written_off_on AS "on", principal_minor AS "principalMinor", interest_minor AS "interestMinor", reason FROM loan_write_off WHERE loan_id = :id`,
    { id },
  )
  return {
    loan: await loanStanding(ctx, loan, on),
    approvedOn: extra.approvedOn,
    schedule: await instalmentsOn(ctx, id, on),
    repayments: (await repaymentsOf(ctx, id)).filter((r) => r.paidOn <= on),
    fines: fines.map((f) => ({ ...f, amountMinor: Number(f.amountMinor) })),
    eligibility: JSON.parse(extra.eligibility) as CheckResult[],
    writtenOff: w ? { ...w, principalMinor: Number(w.principalMinor), interestMinor: Number(w.interestMinor) } : null,
    reschedules: await ctx.sql.all<{ on: string; scheduleNo: number; reason: string }>(
      `SELECT rescheduled_on AS "on", schedule_no AS "scheduleNo", reason FROM loan_reschedule WHERE loan_id = :id ORDER BY schedule_no`,
      { id },
    ),
  }
}

async function standings(ctx: ServiceContext, where: string, params: Record<string, unknown>, on: string): Promise<LoanRow[]> {
  const loans = await ctx.sql.all<LoanRecord>(`${LOAN_SQL} WHERE ${where} ORDER BY l.disbursed_on DESC, l.id DESC`, params)
  const out: LoanRow[] = []
  for (const l of loans) out.push(await loanStanding(ctx, { ...l, principalMinor: Number(l.principalMinor) }, on))
  return out
}

export async function loansOfPerson(ctx: ServiceContext, personId: number): Promise<LoanRow[]> {
  await requirePerson(ctx, personId, 'personId')
  return standings(ctx, 'l.person_id = :personId', { personId }, todayIso(ctx.now))
}

export async function loansOfSsg(ctx: ServiceContext, input: { ssgId: number; on?: string }): Promise<LoanRow[]> {
  await ssgRow(ctx, input.ssgId)
  const on = input.on ?? todayIso(ctx.now)
  return standings(ctx, 'l.ssg_id = :ssgId AND l.disbursed_on <= :on', { ssgId: input.ssgId, on }, on)
}

export async function grantLoan(ctx: ServiceContext, input: z.output<typeof loanTermsInput>): Promise<LoanDetail> {
  await requirePerson(ctx, input.personId, 'personId')
  notFuture(ctx, input.disbursedOn, 'disbursedOn')
  const problem = termsProblem({ principalMinor: input.principalMinor, instalments: input.instalments, method: input.method, monthlyRateMicro: input.monthlyRateMicro })
  if (problem) throw new DomainError('validation', TERMS_TEXT[problem], TERMS_FIELD[problem], { key: TERMS_KEYS[problem] })
  let rows
  try {
    rows = schedule({ principalMinor: input.principalMinor, instalments: input.instalments, method: input.method, monthlyRateMicro: input.monthlyRateMicro })
  } catch {
    throw new DomainError('validation', TERMS_TEXT.tooSmall, 'instalments', { key: TERMS_KEYS.tooSmall })
  }
  const e = await eligibilityOf(ctx, { personId: input.personId, on: input.disbursedOn, amountMinor: input.principalMinor })
  if (!e.ssg || e.lsgId === null) throw new DomainError('validation', `was not a member of a small group on ${formatDateMn(input.disbursedOn)}: loans are for group members`, 'personId', { key: 'r.savingsNotMember', vars: { date: formatDateMn(input.disbursedOn) } })
  const meeting = await ctx.sql.one<{ heldOn: string }>(`SELECT held_on AS "heldOn" FROM group_meeting WHERE id = :id AND group_type = 'lsg' AND group_id = :lsgId`, { id: input.approvedMeetingId, lsgId: e.lsgId })
  if (!meeting || meeting.heldOn > input.disbursedOn) {
    throw new DomainError('validation', `must be a meeting of her large group held by ${formatDateMn(input.disbursedOn)}`, 'approvedMeetingId', { key: 'r.decisionMeeting', vars: { date: formatDateMn(input.disbursedOn) } })
  }
  requireEligible(e)
  const ssg = await ssgRow(ctx, e.ssg.id)
  const lsg = await lsgRow(ctx, e.lsgId)
  const id = await ctx.sql.insert(
    `INSERT INTO loan (person_id, ssg_id, lsg_id, cycle, principal_minor, instalments, method, monthly_rate_micro, approved_meeting_id, disbursed_on, eligibility, created_at, created_by)
     VALUES (:personId, :ssgId, :lsgId, :cycle, :principalMinor, :instalments, :method, :monthlyRateMicro, :approvedMeetingId, :disbursedOn, :eligibility, :now, :actor) RETURNING id`,
    { ...input, ssgId: ssg.id, lsgId: lsg.id, cycle: e.cycle, eligibility: JSON.stringify(e.checks), now: ctx.now, actor: ctx.actor },
  )
  let due = firstDueDate(input.disbursedOn, ssg.meetingWeekday)
  for (const r of rows) {
    await ctx.sql.run(`INSERT INTO loan_instalment (loan_id, schedule_no, n, due_on, principal_minor, interest_minor) VALUES (:id, 1, :n, :due, :p, :i)`, { id, n: r.n, due, p: r.principalMinor, i: r.interestMinor })
    due = addDays(due, 7)
  }
  // A loan entered late may fall over weeks whose meeting was moved.
  await moveDueDates(ctx, { ssgId: ssg.id, loanId: id })
  await ctx.sql.run(
    `INSERT INTO group_fund_entry (branch_id, lsg_id, fund, entry_on, kind, amount_minor, loan_id, created_at, created_by) VALUES (:branchId, :lsgId, 'f1', :on, 'disbursement', :amount, :id, :now, :actor)`,
    { branchId: lsg.branchId, lsgId: lsg.id, on: input.disbursedOn, amount: -input.principalMinor, id, now: ctx.now, actor: ctx.actor },
  )
  await audit(ctx, 'loan', id, null, { personId: input.personId, ssg: ssg.code, cycle: e.cycle, principalMinor: input.principalMinor, instalments: input.instalments, method: input.method, monthlyRateMicro: input.monthlyRateMicro, disbursedOn: input.disbursedOn })
  return loanDetail(ctx, id)
}

export async function repayLoan(ctx: ServiceContext, input: { loanId: number; paidOn: string; amountMinor: number }): Promise<RepaymentRow> {
  const loan = await loanRecord(ctx, input.loanId)
  notFuture(ctx, input.paidOn, 'paidOn')
  if (input.paidOn < loan.disbursedOn) throw new DomainError('validation', `must not be before the loan was disbursed (${formatDateMn(loan.disbursedOn)})`, 'paidOn', { key: 'r.beforeDisbursed', vars: { date: formatDateMn(loan.disbursedOn) } })
  const last = await ctx.sql.value<string | null>(`SELECT max(paid_on) AS d FROM loan_repayment WHERE loan_id = :id`, { id: loan.id })
  if (last && input.paidOn < last) throw new DomainError('validation', `must not be before the loan's last repayment (${formatDateMn(last)})`, 'paidOn', { key: 'r.beforeLastRepayment', vars: { date: formatDateMn(last) } })
  // Allocated against everything recorded so far, whatever its date (repayments are entered in order).
  const schedule = await instalmentsOn(ctx, loan.id, '9999-12-31')
  const standing = await loanStanding(ctx, loan, '9999-12-31')
  const a = allocateRepayment(
    schedule.map((i) => ({ n: i.n, dueOn: i.dueOn, principalDueMinor: i.principalMinor, interestDueMinor: i.interestMinor, principalPaidMinor: i.paidPrincipalMinor, interestPaidMinor: i.paidInterestMinor })),
    standing.finesOutstandingMinor,
    input.amountMinor,
  )
  if (a.leftMinor > 0) {
    const owed = input.amountMinor - a.leftMinor
    throw new DomainError('validation', `is more than all the loan still owes (${formatMnt(owed)})`, 'amountMinor', { key: 'r.repaysTooMuch', vars: { owed: formatMnt(owed) } })
  }
  const interest = a.instalments.reduce((s, x) => s + x.interestMinor, 0)
  const principal = a.instalments.reduce((s, x) => s + x.principalMinor, 0)
  const meeting = await ctx.sql.one<{ id: number }>(`SELECT id FROM group_meeting WHERE group_type = 'ssg' AND group_id = :ssgId AND held_on = :on`, { ssgId: loan.ssgId, on: input.paidOn })
  const id = await ctx.sql.insert(
    `INSERT INTO loan_repayment (loan_id, paid_on, meeting_id, amount_minor, fines_minor, interest_minor, principal_minor, created_at, created_by)
     VALUES (:loanId, :paidOn, :meetingId, :amountMinor, :fines, :interest, :principal, :now, :actor) RETURNING id`,
    { ...input, meetingId: meeting?.id ?? null, fines: a.finesMinor, interest, principal, now: ctx.now, actor: ctx.actor },
  )
  for (const x of a.instalments) {
    const instalmentId = schedule.find((i) => i.n === x.n)!.id
    await ctx.sql.run(`INSERT INTO loan_allocation (repayment_id, instalment_id, interest_minor, principal_minor) VALUES (:id, :instalmentId, :i, :p)`, { id, instalmentId, i: x.interestMinor, p: x.principalMinor })
  }
  const lsg = await lsgRow(ctx, loan.lsgId)
  await allocateToFunds(ctx, { lsgId: loan.lsgId, branchId: lsg.branchId, repaymentId: id, on: input.paidOn, amountMinor: input.amountMinor })
  await audit(ctx, 'loan_repayment', id, null, { loanId: loan.id, paidOn: input.paidOn, amountMinor: input.amountMinor, finesMinor: a.finesMinor, interestMinor: interest, principalMinor: principal })
  return (await repaymentsOf(ctx, loan.id)).find((r) => r.id === id)!
}

/** Reverses the loan's latest standing repayment: exact negatives of it, of its allocation to the instalments and of its fund shares. */
export async function reverseRepayment(ctx: ServiceContext, input: { id: number; reason: string }): Promise<RepaymentRow> {
  const r = await ctx.sql.one<{ loanId: number; reversesId: number | null }>(`SELECT loan_id AS "loanId", reverses_id AS "reversesId" FROM loan_repayment WHERE id = :id`, input)
  if (!r) throw new DomainError('not_found', `No repayment with id ${input.id}`, 'id')
  if (r.reversesId !== null) throw new DomainError('validation', 'is a reversal: enter the repayment again instead of reversing the reversal', 'id', { key: 'r.reverseReversal' })
  const all = await repaymentsOf(ctx, r.loanId)
  const original = all.find((x) => x.id === input.id)!
  if (original.reversedById !== null) throw new DomainError('conflict', 'This repayment is already reversed', 'id', { key: 'r.alreadyReversed' })
  const later = all.find((x) => x.reversesId === null && x.reversedById === null && (x.paidOn > original.paidOn || (x.paidOn === original.paidOn && x.id > original.id)))
  if (later) throw new DomainError('validation', `is not the loan's latest repayment: reverse the one of ${formatDateMn(later.paidOn)} first`, 'id', { key: 'r.reverseLatestFirst', vars: { date: formatDateMn(later.paidOn) } })
  const id = await ctx.sql.insert(
    `INSERT INTO loan_repayment (loan_id, paid_on, meeting_id, amount_minor, fines_minor, interest_minor, principal_minor, reverses_id, reason, created_at, created_by)
     SELECT loan_id, paid_on, meeting_id, -amount_minor, -fines_minor, -interest_minor, -principal_minor, id, :reason, :now, :actor FROM loan_repayment WHERE id = :id RETURNING id`,
    { id: input.id, reason: input.reason, now: ctx.now, actor: ctx.actor },
  )
  await ctx.sql.run(
    `INSERT INTO loan_allocation (repayment_id, instalment_id, interest_minor, principal_minor) SELECT :newId, instalment_id, -interest_minor, -principal_minor FROM loan_allocation WHERE repayment_id = :id`,
    { newId: id, id: input.id },
  )
  await ctx.sql.run(
    `INSERT INTO group_fund_entry (branch_id, lsg_id, fund, entry_on, kind, amount_minor, repayment_id, reverses_id, reason, created_at, created_by)
     SELECT branch_id, lsg_id, fund, entry_on, kind, -amount_minor, :newId, id, :reason, :now, :actor FROM group_fund_entry WHERE repayment_id = :id`,
    { newId: id, id: input.id, reason: input.reason, now: ctx.now, actor: ctx.actor },
  )
  await audit(ctx, 'loan_repayment', id, { repayment: input.id, amountMinor: original.amountMinor }, { reversal: id, reason: input.reason })
  return (await repaymentsOf(ctx, r.loanId)).find((x) => x.id === id)!
}

export async function recordTraining(ctx: ServiceContext, input: { personId: number; completedOn: string; note: string | null }): Promise<{ personId: number; completedOn: string }> {
  await requirePerson(ctx, input.personId, 'personId')
  notFuture(ctx, input.completedOn, 'completedOn')
  const done = await ctx.sql.one<{ on: string }>(`SELECT completed_on AS "on" FROM training_completion WHERE person_id = :personId AND course = 'micro_credit'`, input)
  if (done) throw new DomainError('conflict', `She completed the micro-credit training on ${formatDateMn(done.on)}`, 'personId', { key: 'r.trainingDone', vars: { date: formatDateMn(done.on) } })
  const id = await ctx.sql.insert(
    `INSERT INTO training_completion (person_id, course, completed_on, note, created_at, created_by) VALUES (:personId, 'micro_credit', :completedOn, :note, :now, :actor) RETURNING id`,
    { ...input, now: ctx.now, actor: ctx.actor },
  )
  await audit(ctx, 'training_completion', id, null, { personId: input.personId, completedOn: input.completedOn })
  return { personId: input.personId, completedOn: input.completedOn }
}

export async function fineLoan(ctx: ServiceContext, input: { loanId: number; imposedOn: string; amountMinor: number; reason: string }): Promise<LoanDetail> {
  const loan = await loanRecord(ctx, input.loanId)
  notFuture(ctx, input.imposedOn, 'imposedOn')
  if (input.imposedOn < loan.disbursedOn) throw new DomainError('validation', `must not be before the loan was disbursed (${formatDateMn(loan.disbursedOn)})`, 'imposedOn', { key: 'r.beforeDisbursed', vars: { date: formatDateMn(loan.disbursedOn) } })
  const standing = await loanStanding(ctx, loan, input.imposedOn)
  if (standing.status !== 'active') throw new DomainError('validation', 'is not active on that date: a repaid or written-off loan is not fined, written off or rescheduled', 'loanId', { key: 'r.loanNotActive' })
  const meeting = await ctx.sql.one<{ id: number }>(`SELECT id FROM group_meeting WHERE group_type = 'ssg' AND group_id = :ssgId AND held_on = :on`, { ssgId: loan.ssgId, on: input.imposedOn })
  const id = await ctx.sql.insert(
    `INSERT INTO loan_fine (loan_id, imposed_on, amount_minor, reason, meeting_id, created_at, created_by) VALUES (:loanId, :imposedOn, :amountMinor, :reason, :meetingId, :now, :actor) RETURNING id`,
    { ...input, meetingId: meeting?.id ?? null, now: ctx.now, actor: ctx.actor },
  )
  await audit(ctx, 'loan_fine', id, null, { loanId: loan.id, imposedOn: input.imposedOn, amountMinor: input.amountMinor, reason: input.reason })
  return loanDetail(ctx, loan.id)
}

/** Writes off what is left of a loan, on the day of the large group's meeting that decided it. */
export async function writeOffLoan(ctx: ServiceContext, input: { loanId: number; meetingId: number; reason: string }): Promise<LoanDetail> {
  const loan = await loanRecord(ctx, input.loanId)
  const meeting = await ctx.sql.one<{ heldOn: string }>(`SELECT held_on AS "heldOn" FROM group_meeting WHERE id = :id AND group_type = 'lsg' AND group_id = :lsgId`, { id: input.meetingId, lsgId: loan.lsgId })
  if (!meeting || meeting.heldOn < loan.disbursedOn) throw new DomainError('validation', 'must be a meeting of her large group held after the loan was disbursed', 'meetingId', { key: 'r.writeOffMeeting' })
  const standing = await loanStanding(ctx, loan, meeting.heldOn)
  if (standing.status !== 'active') throw new DomainError('validation', 'is not active on that date: a repaid or written-off loan is not fined, written off or rescheduled', 'loanId', { key: 'r.loanNotActive' })
  const later = await ctx.sql.value<string | null>(`SELECT max(paid_on) AS d FROM loan_repayment WHERE loan_id = :id`, { id: loan.id })
  if (later && later > meeting.heldOn) throw new DomainError('validation', `must not be before the loan's last repayment (${formatDateMn(later)})`, 'meetingId', { key: 'r.beforeLastRepayment', vars: { date: formatDateMn(later) } })
  const schedule = await instalmentsOn(ctx, loan.id, meeting.heldOn)
  const interest = schedule.reduce((s, i) => s + i.interestMinor - i.paidInterestMinor, 0)
  const id = await ctx.sql.insert(
    `INSERT INTO loan_write_off (loan_id, written_off_on, meeting_id, principal_minor, interest_minor, reason, created_at, created_by)
     VALUES (:loanId, :on, :meetingId, :principal, :interest, :reason, :now, :actor) RETURNING id`,
    { ...input, on: meeting.heldOn, principal: standing.outstandingPrincipalMinor, interest, now: ctx.now, actor: ctx.actor },
  )
  await audit(ctx, 'loan_write_off', id, null, { loanId: loan.id, on: meeting.heldOn, principalMinor: standing.outstandingPrincipalMinor, interestMinor: interest, reason: input.reason })
  return loanDetail(ctx, loan.id)
}

/**
 * Reschedules what is left of an active loan, by a decision of her large
 * group's meeting: the principal left over a new number of weekly instalments
 * from that meeting on, at the loan's rate and method; the interest fallen due
 * and unpaid goes into the first new instalment, the interest not yet due of
 * the old schedule is replaced. The old schedule stays, with what was paid of it.
 */
export async function rescheduleLoan(ctx: ServiceContext, input: { loanId: number; meetingId: number; instalments: number; reason: string }): Promise<LoanDetail> {
  const loan = await loanRecord(ctx, input.loanId)
  const meeting = await ctx.sql.one<{ heldOn: string }>(`SELECT held_on AS "heldOn" FROM group_meeting WHERE id = :id AND group_type = 'lsg' AND group_id = :lsgId`, { id: input.meetingId, lsgId: loan.lsgId })
  if (!meeting || meeting.heldOn < loan.disbursedOn) throw new DomainError('validation', 'must be a meeting of her large group held after the loan was disbursed', 'meetingId', { key: 'r.writeOffMeeting' })
  const on = meeting.heldOn
  const standing = await loanStanding(ctx, loan, on)
  if (standing.status !== 'active') throw new DomainError('validation', 'is not active on that date: a repaid or written-off loan is not fined, written off or rescheduled', 'loanId', { key: 'r.loanNotActive' })
  const last = await ctx.sql.value<string | null>(`SELECT max(paid_on) AS d FROM loan_repayment WHERE loan_id = :id`, { id: loan.id })
  if (last && last > on) throw new DomainError('validation', `must not be before the loan's last repayment (${formatDateMn(last)})`, 'meetingId', { key: 'r.beforeLastRepayment', vars: { date: formatDateMn(last) } })
  const old = await instalmentsOn(ctx, loan.id, on)
  const carried = old.filter((i) => i.dueOn <= on).reduce((s, i) => s + i.interestMinor - i.paidInterestMinor, 0)
  let rows
  try {
    rows = schedule({ principalMinor: standing.outstandingPrincipalMinor, instalments: input.instalments, method: loan.method, monthlyRateMicro: loan.monthlyRateMicro }, { interestMinor: carried, anyPrincipal: true })
  } catch {
    throw new DomainError('validation', TERMS_TEXT.tooSmall, 'instalments', { key: TERMS_KEYS.tooSmall })
  }
  const no = Number(await ctx.sql.value<number>(`SELECT max(schedule_no) AS n FROM loan_instalment WHERE loan_id = :id`, { id: loan.id })) + 1
  await ctx.sql.run(
    `INSERT INTO loan_reschedule (loan_id, schedule_no, rescheduled_on, meeting_id, reason, created_at, created_by) VALUES (:loanId, :no, :on, :meetingId, :reason, :now, :actor)`,
    { ...input, no, on, now: ctx.now, actor: ctx.actor },
  )
  const ssg = await ssgRow(ctx, loan.ssgId)
  let due = firstDueDate(on, ssg.meetingWeekday)
  for (const r of rows) {
    await ctx.sql.run(`INSERT INTO loan_instalment (loan_id, schedule_no, n, due_on, principal_minor, interest_minor) VALUES (:id, :no, :n, :due, :p, :i)`, { id: loan.id, no, n: r.n, due, p: r.principalMinor, i: r.interestMinor })
    due = addDays(due, 7)
  }
  await moveDueDates(ctx, { ssgId: ssg.id, loanId: loan.id })
  await audit(ctx, 'loan_reschedule', loan.id, { scheduleNo: no - 1 }, { scheduleNo: no, on, instalments: input.instalments, principalMinor: standing.outstandingPrincipalMinor, carriedInterestMinor: carried, reason: input.reason })
  return loanDetail(ctx, loan.id)
}
