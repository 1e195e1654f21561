import { addDays, formatDateMn } from '../../../shared/domain/dates'
import { checkEligibility, type EligibilityFigures } from '../../../shared/domain/eligibility'
import { loanSettingsOn } from './settings'
import { DomainError } from '../../../shared/domain/result'
import type { Eligibility } from '../../../shared/api/loansTypes'
import type { ServiceContext } from '../context'
import { requirePerson } from '../persons'
import { PERSON_SHORT_NAME_SQL } from '../names.sql'
import { ACTIVE_ON } from '../groups/structure'
import { groupOffices } from '../groups/offices'
import { compulsoryStanding, weeklySaving } from '../savings/savings'
import { fundBalances } from './funds'
import { LOAN_SQL, loanStanding, type LoanRecord } from './standing'

/*
 * The figures the loan checks read, from the records on the date of the
 * application: her small group, its rules and representative, her weeks in
 * the group, savings, training, attendance over the last 12 weeks, her and
 * her group's arrears, her open loans, her savings balance, the cycle, and the
 * cash of her large group's fund (1).
 */

export async function eligibilityOf(ctx: ServiceContext, input: { personId: number; on: string; amountMinor: number }): Promise<Eligibility> {
  await requirePerson(ctx, input.personId, 'personId')
  const { personId, on } = input
  const name = (await ctx.sql.value<string>(`SELECT ${PERSON_SHORT_NAME_SQL} AS n FROM person p WHERE p.id = :id`, { id: personId }))!
  const g = await ctx.sql.one<{ ssgId: number; code: string; lsgId: number }>(
    `SELECT gm.ssg_id AS "ssgId", s.code, s.lsg_id AS "lsgId" FROM group_member gm JOIN ssg s ON s.id = gm.ssg_id WHERE gm.person_id = :personId AND ${ACTIVE_ON}`,
    { personId, on },
  )
  const loans = await ctx.sql.all<LoanRecord>(`${LOAN_SQL} WHERE l.person_id = :personId AND l.disbursed_on <= :on ORDER BY l.disbursed_on`, { personId, on })
  const own = await Promise.all(loans.map((l) => loanStanding(ctx, { ...l, principalMinor: Number(l.principalMinor) }, on)))
  const cycle = loans.length + 1
  if (!g) {
    const checks = checkEligibility(
      { ssgHasMembers: false, ssgRulesAdopted: false, ssgRepresentativeInOffice: false, weeksInGroup: 0, savingsDueMinor: 0, savingsPaidMinor: 0, trainingCompletedOn: null, meetingsAttended: 0, meetingsHeld: 0, ownDaysLate: 0, groupMaxDaysLate: 0, previousLoanOpen: own.some((l) => l.status === 'active'), compulsoryBalanceMinor: 0, cycle, fund1CashMinor: 0 },
      input.amountMinor,
    )
    return { personId, name, on, ssg: null, lsgId: null, cycle, checks, eligible: false }
  }
  const members = Number(await ctx.sql.value<number>(`SELECT count(*) AS n FROM group_member gm WHERE gm.ssg_id = :ssgId AND ${ACTIVE_ON}`, { ssgId: g.ssgId, on }))
  const offices = await groupOffices(ctx, { groupType: 'ssg', groupId: g.ssgId }, on)
  // Her weeks in the large group: from the start of her unbroken membership (a move inside it keeps her in).
  const periods = await ctx.sql.all<{ joinedOn: string; leftOn: string | null }>(
    `SELECT gm.joined_on AS "joinedOn", gm.left_on AS "leftOn" FROM group_member gm JOIN ssg s ON s.id = gm.ssg_id WHERE gm.person_id = :personId AND s.lsg_id = :lsgId AND gm.joined_on <= :on ORDER BY gm.joined_on DESC`,
    { personId, lsgId: g.lsgId, on },
  )
  let since = periods[0]!.joinedOn
  for (const p of periods.slice(1)) if (p.leftOn === since) since = p.joinedOn
  const weeksInGroup = Math.floor((Date.parse(`${on}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`)) / (7 * 86_400_000))
  const savings = await compulsoryStanding(ctx, personId, on)
  const balance = Number(await ctx.sql.value<number>(`SELECT coalesce(sum(amount_minor), 0) AS n FROM savings_entry WHERE person_id = :personId AND account = 'compulsory' AND entry_on <= :on`, { personId, on }))
  const training = await ctx.sql.one<{ on: string }>(`SELECT completed_on AS "on" FROM training_completion WHERE person_id = :personId AND course = 'micro_credit' AND completed_on <= :on`, { personId, on })
  const attendance = await ctx.sql.one<{ held: number; attended: number }>(
    `SELECT count(*) AS held, coalesce(sum(CASE WHEN a.status IN ('present', 'late') THEN 1 ELSE 0 END), 0) AS attended
     FROM meeting_attendance a CROSS JOIN group_meeting m WHERE m.id = a.meeting_id AND a.person_id = :personId AND m.group_type = 'ssg' AND m.held_on > :from AND m.held_on <= :on`,
    { personId, from: addDays(on, -84), on },
  )
  const groupLoans = await ctx.sql.all<LoanRecord>(`${LOAN_SQL} WHERE l.ssg_id = :ssgId AND l.disbursed_on <= :on`, { ssgId: g.ssgId, on })
  const groupLate = await Promise.all(groupLoans.map((l) => loanStanding(ctx, { ...l, principalMinor: Number(l.principalMinor) }, on)))
  const figures: EligibilityFigures = {
    ssgHasMembers: members > 0,
    ssgRulesAdopted: (await weeklySaving(ctx, g.ssgId, on)) !== null,
    ssgRepresentativeInOffice: offices.current.some((o) => o.office === 'representative'),
    weeksInGroup,
    savingsDueMinor: savings.dueMinor,
    savingsPaidMinor: savings.paidMinor,
    trainingCompletedOn: training?.on ?? null,
    meetingsAttended: Number(attendance?.attended ?? 0),
    meetingsHeld: Number(attendance?.held ?? 0),
    ownDaysLate: Math.max(0, ...own.filter((l) => l.status === 'active').map((l) => l.daysInArrears)),
    groupMaxDaysLate: Math.max(0, ...groupLate.filter((l) => l.status === 'active').map((l) => l.daysInArrears)),
    previousLoanOpen: own.some((l) => l.status === 'active'),
    compulsoryBalanceMinor: balance,
    cycle,
    fund1CashMinor: (await fundBalances(ctx, { lsgId: g.lsgId, on })).f1,
  }
  const checks = checkEligibility(figures, input.amountMinor, (await loanSettingsOn(ctx, g.lsgId, on)).settings)
  return { personId, name, on, ssg: { id: g.ssgId, code: g.code }, lsgId: g.lsgId, cycle, checks, eligible: checks.every((c) => c.pass) }
}

/** Refuses a loan that fails a check, naming every check it fails. */
export function requireEligible(e: Eligibility): void {
  const failed = e.checks.filter((c) => !c.pass).map((c) => c.check)
  if (failed.length) {
    throw new DomainError('validation', `fails ${failed.length} of the loan checks on ${formatDateMn(e.on)} (${failed.join(', ')}); each is shown with its figure`, 'principalMinor', {
      key: 'r.loanChecksFail',
      vars: { date: formatDateMn(e.on), n: failed.length },
    })
  }
}
