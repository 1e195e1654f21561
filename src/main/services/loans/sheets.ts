import type { z } from 'zod'
import { DomainError } from '../../../shared/domain/result'
import { addDays, formatDateMn } from '../../../shared/domain/dates'
import { meetingPeriodKey } from '../../../shared/domain/meetings'
import type { sheetEntryInput } from '../../../shared/api/sheets'
import type { CollectionSheet, SheetLine, SheetResult } from '../../../shared/api/sheetsTypes'
import type { ServiceContext } from '../context'
import { lsgRow, ssgRow } from '../groups/structure'
import { groupInfo, recordMeeting, sheet } from '../groups/meetings'
import { compulsoryStandings, recordSavings, weeklySaving } from '../savings/savings'
import { LOAN_SQL, loanStanding, type LoanRecord } from './standing'
import { repayLoan } from './loans'

/*
 * The collection sheet of a small group's weekly meeting (DOMAIN.md): every
 * member that day with her compulsory saving due (this week and arrears),
 * her savings, her loan's instalments due, overdue and fines — and, filled
 * in, entered as one transaction: the attendance, deposits, withdrawals and
 * repayments with their fund shares. A sheet already entered is refused; a
 * row that cannot be taken is named, and nothing of the sheet is written.
 */

/** Her loan that is active on the date: only her latest can be (a loan needs the one before it closed). */
async function activeLoan(ctx: ServiceContext, personId: number, on: string) {
  const latest = await ctx.sql.one<LoanRecord>(`${LOAN_SQL} WHERE l.person_id = :personId AND l.disbursed_on < :on ORDER BY l.disbursed_on DESC, l.id DESC LIMIT 1`, { personId, on })
  if (!latest) return null
  const s = await loanStanding(ctx, { ...latest, principalMinor: Number(latest.principalMinor) }, on)
  return s.status === 'active' ? s : null
}

export async function collectionSheet(ctx: ServiceContext, input: { ssgId: number; heldOn: string }): Promise<CollectionSheet> {
  const ssg = await ssgRow(ctx, input.ssgId)
  const lsg = await lsgRow(ctx, ssg.lsgId)
  const entered = await ctx.sql.one<{ id: number }>(`SELECT id FROM group_meeting WHERE group_type = 'ssg' AND group_id = :ssgId AND held_on = :on`, { ssgId: ssg.id, on: input.heldOn })
  const weekly = (await weeklySaving(ctx, ssg.id, input.heldOn)) ?? 0
  const members = await sheet(ctx, await groupInfo(ctx, 'ssg', ssg.id), input.heldOn)
  const balances = members.length
    ? await ctx.sql.all<{ personId: number; account: string; n: number }>(
        `SELECT person_id AS "personId", account, coalesce(sum(amount_minor), 0) AS n FROM savings_entry WHERE person_id IN (:ids) AND entry_on <= :on GROUP BY person_id, account`,
        { ids: members.map((m) => m.personId), on: input.heldOn },
      )
    : []
  const balance = (personId: number, account: string) => Number(balances.find((b) => b.personId === personId && b.account === account)?.n ?? 0)
  const weekEnd = addDays(meetingPeriodKey('ssg', input.heldOn), 6)
  const standings = await compulsoryStandings(ctx, members.map((m) => m.personId), input.heldOn)
  const lines: SheetLine[] = []
  for (const m of members) {
    const standing = standings.get(m.personId)!
    const loan = await activeLoan(ctx, m.personId, input.heldOn)
    // Due at the meeting: every instalment fallen due and unpaid, this week's (also when the meeting was moved to an earlier day of the week), and the fines.
    const due = loan ? loan.overdueMinor + (loan.next && loan.next.dueOn <= weekEnd ? loan.next.dueMinor : 0) + loan.finesOutstandingMinor : 0
    lines.push({
      ...m,
      weeklyMinor: weekly,
      savingsArrearsMinor: standing.arrearsMinor,
      compulsoryBalanceMinor: balance(m.personId, 'compulsory'),
      voluntaryBalanceMinor: balance(m.personId, 'voluntary'),
      loan: loan ? { id: loan.id, outstandingMinor: loan.outstandingPrincipalMinor, dueMinor: due, overdueMinor: loan.overdueMinor, finesMinor: loan.finesOutstandingMinor, weeksInArrears: loan.weeksInArrears } : null,
    })
  }
  return { ssgId: ssg.id, ssgCode: ssg.code, ssgName: ssg.name, lsgCode: lsg.code, heldOn: input.heldOn, entered: entered ? { meetingId: entered.id } : null, lines }
}

/** Runs one row's part, naming the row and its column on a refusal. */
async function onRow<T>(i: number, column: string, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    if (e instanceof DomainError) throw new DomainError(e.code, `row ${i + 1} (${name}): ${e.message}`, `lines.${i}.${column}`, e.ref)
    throw e
  }
}

export async function enterSheet(ctx: ServiceContext, input: z.output<typeof sheetEntryInput>): Promise<SheetResult> {
  const before = await collectionSheet(ctx, { ssgId: input.ssgId, heldOn: input.heldOn })
  if (before.entered) throw new DomainError('conflict', `The sheet of ${before.ssgCode} for ${formatDateMn(input.heldOn)} is already entered: correct the meeting instead`, 'heldOn', { key: 'r.sheetEntered', vars: { group: before.ssgCode, date: formatDateMn(input.heldOn) } })
  const meeting = await recordMeeting(ctx, { groupType: 'ssg', groupId: input.ssgId, heldOn: input.heldOn, attendance: input.lines.map((l) => ({ personId: l.personId, status: l.status })), minutes: input.minutes, decisions: null })
  const lineOf = new Map(before.lines.map((l) => [l.personId, l]))
  const repayments: number[] = []
  for (const [i, l] of input.lines.entries()) {
    const line = lineOf.get(l.personId)!
    const base = { personId: l.personId, entryOn: input.heldOn, receipt: null, lsgMeetingId: null }
    if (l.compulsoryMinor > 0) await onRow(i, 'compulsoryMinor', line.name, () => recordSavings(ctx, { ...base, account: 'compulsory', kind: 'deposit', amountMinor: l.compulsoryMinor }))
    if (l.voluntaryMinor > 0) await onRow(i, 'voluntaryMinor', line.name, () => recordSavings(ctx, { ...base, account: 'voluntary', kind: 'deposit', amountMinor: l.voluntaryMinor }))
    if (l.withdrawalMinor > 0) await onRow(i, 'withdrawalMinor', line.name, () => recordSavings(ctx, { ...base, account: 'voluntary', kind: 'withdrawal', amountMinor: l.withdrawalMinor }))
    if (l.repaymentMinor > 0) {
      if (!line.loan) throw new DomainError('validation', `row ${i + 1} (${line.name}): has no loan to repay`, `lines.${i}.repaymentMinor`, { key: 'r.sheetNoLoan' })
      const r = await onRow(i, 'repaymentMinor', line.name, () => repayLoan(ctx, { loanId: line.loan!.id, paidOn: input.heldOn, amountMinor: l.repaymentMinor }))
      repayments.push(r.id)
    }
  }
  const funds = { f1: 0, f2: 0, f3: 0 }
  if (repayments.length) {
    const rows = await ctx.sql.all<{ fund: 'f1' | 'f2' | 'f3'; n: number }>(`SELECT fund, sum(amount_minor) AS n FROM group_fund_entry WHERE repayment_id IN (:ids) GROUP BY fund`, { ids: repayments })
    for (const r of rows) funds[r.fund] = Number(r.n)
  }
  const sum = (k: 'compulsoryMinor' | 'voluntaryMinor' | 'withdrawalMinor' | 'repaymentMinor') => input.lines.reduce((s, l) => s + l[k], 0)
  const totals = { compulsoryMinor: sum('compulsoryMinor'), voluntaryMinor: sum('voluntaryMinor'), withdrawalMinor: sum('withdrawalMinor'), repaymentMinor: sum('repaymentMinor'), cashMinor: 0 }
  totals.cashMinor = totals.compulsoryMinor + totals.voluntaryMinor - totals.withdrawalMinor + totals.repaymentMinor
  return { meetingId: meeting.id, totals, funds }
}
