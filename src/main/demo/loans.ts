import { trainingSessions, type TrainingSession } from './training'
import { GroupFundEntryEntity, LoanAllocationEntity, LoanEntity, LoanInstalmentEntity, LoanRepaymentEntity, LoanRescheduleEntity, LoanWriteOffEntity, TrainingCompletionEntity } from '../db/entities'
import type { ObjectLiteral } from 'typeorm'
import { Rows, type LoadTarget } from './rows'
import { Random, addDays } from './random'
import { schedule } from '../../shared/domain/loans'
import { allocateRepayment, splitRepayment, type FundAmounts } from '../../shared/domain/repayments'
import { checkEligibility, DEFAULT_THRESHOLDS } from '../../shared/domain/eligibility'
import { daysInArrears } from '../../shared/domain/portfolio'
import { firstDueDate } from '../services/loans/loans'
import { pushTo } from '../../shared/domain/lists'
import type { AttendanceStatus } from '../../shared/api/groupsTypes'

/*
 * The demo's micro loans, simulated week by week per large group from its
 * own random stream, so everything agrees with the rules the app enforces:
 * members trained a few months after joining; from project year 2 the large
 * group's monthly meeting grants loans of 100,000-300,000 ₮ (16-24 weekly
 * instalments, 1.5% a month flat) to members who pass every check, as far
 * as its fund (1) holds — capital from the project's loan-fund expenses plus
 * its share of repayments; borrowers repay at their small group's meetings
 * (most on time, some late, a few stop paying and are written off after 180
 * days by the large group); every repayment is split into the three funds.
 */

interface SsgMeeting { id: number; ssgId: number; on: string; weekly: number | null; marks: Array<[number, AttendanceStatus]> }
interface Period { ssg: number; person: number; joined: string; left: string | null }
interface Inst { id: number; n: number; dueOn: string; principal: number; interest: number; paidP: number; paidI: number }
interface Loan { id: number; person: number; ssgId: number; lsgId: number; cycle: number; principal: number; disbursedOn: string; inst: Inst[]; kind: 'good' | 'late' | 'default'; stopAfter: number; writtenOff: boolean; closed: boolean; rescheduled: boolean }

/** The groups' last meetings in the demo (a month after the project ends). */
export const LAST_MEETING = '2011-03-31'

const there = (s: AttendanceStatus) => s === 'present' || s === 'late' || s === 'represented'
const weeksBetween = (a: string, b: string) => Math.floor((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / (7 * 86_400_000))

const F2_PURPOSES = ['Хүүхдийн тоглоомын талбай засварласан', 'Худгийн усны шугам тавьсан', 'Сургуулийн хүүхдүүдэд хувцас, хэрэглэл', 'Гудамжны гэрэлтүүлэг', 'Хог хаягдлын цэг байгуулсан', 'Цэцэрлэгийн хүүхдүүдэд бэлэг']
const F3_PURPOSES = ['ОНББ-ын удирдах зөвлөлийн сургалт', 'Улсын бүртгэлийн хураамж, тамга тэмдэг', 'Гишүүдийн нэгдсэн хурлын зардал', 'Оффисын тавилга, хэрэгсэл', 'Бусад аймгийн холбоодтой туршлага солилцсон']

export interface LoanCounts { loans: number; repayments: number }

export class DemoLoans {
  private readonly rng: Random
  private readonly spendRng: Random
  private readonly ssgMeetings: SsgMeeting[] = []
  private readonly lsgMeetings: Array<{ id: number; lsgId: number; on: string }> = []
  /** Per person: her compulsory deposits (date, amount) in date order. */
  readonly deposits = new Map<number, Array<[string, number]>>()
  counts: LoanCounts = { loans: 0, repayments: 0 }
  /** The micro-credit education sessions held (the activities loader records them). */
  sessions: TrainingSession[] = []

  constructor(private readonly seed: number, private readonly now: string, private readonly actor: string) {
    this.rng = new Random(seed * 7 + 1919)
    // Spending from funds (2) and (3) has its own stream, so the loans stay as they were drawn.
    this.spendRng = new Random(seed * 7 + 2121)
  }

  ssgMeeting(m: SsgMeeting): void {
    this.ssgMeetings.push(m)
  }

  lsgMeeting(id: number, lsgId: number, on: string): void {
    this.lsgMeetings.push({ id, lsgId, on })
  }

  deposit(personId: number, on: string, amount: number): void {
    const list = this.deposits.get(personId) ?? []
    list.push([on, amount])
    this.deposits.set(personId, list)
  }

  async load(target: LoadTarget, ctx: { periods: Period[]; lsgOfSsg: Map<number, number>; branchOfLsg: Map<number, number>; weekdayOfSsg: Map<number, number>; end: string; cboFounded: Map<number, string> }): Promise<LoanCounts> {
    const rows = {
      training: await new Rows<TrainingCompletionEntity>('training_completion', TrainingCompletionEntity).start(target),
      loans: await new Rows<LoanEntity>('loan', LoanEntity).start(target),
      inst: await new Rows<LoanInstalmentEntity>('loan_instalment', LoanInstalmentEntity).start(target),
      reschedule: await new Rows<LoanRescheduleEntity>('loan_reschedule', LoanRescheduleEntity).start(target),
      repay: await new Rows<LoanRepaymentEntity>('loan_repayment', LoanRepaymentEntity).start(target),
      alloc: await new Rows<LoanAllocationEntity>('loan_allocation', LoanAllocationEntity).start(target),
      writeOff: await new Rows<LoanWriteOffEntity>('loan_write_off', LoanWriteOffEntity).start(target),
      fund: await new Rows<GroupFundEntryEntity>('group_fund_entry', GroupFundEntryEntity).start(target),
    }
    const stamp = { createdAt: this.now, createdBy: this.actor }
    const spend = this.spendRng
    const f3In = new Map<number, Array<[string, number]>>()
    // Training: the micro-credit education sessions (each small group together, catch-ups for who missed it).
    const { sessions, trained } = trainingSessions(ctx.periods, ctx.lsgOfSsg, this.seed, ctx.end)
    this.sessions = sessions
    for (const [personId, on] of trained) rows.training.add({ personId, course: 'micro_credit', completedOn: on, note: null, ...stamp })
    // Loan capital: about six in ten of the project's loan-fund expenses in ₮ from 2008, each to one large group in turn.
    const capital = await target.sql.all<{ id: number; on: string; amount: number }>(
      `SELECT e.id, e.spent_on AS "on", e.amount_minor AS amount FROM expense e JOIN budget_line l ON l.id = e.line_id
       WHERE l.code = '1.2' AND e.currency = 'MNT' AND e.voided_at IS NULL AND e.spent_on >= '2008-01-01' ORDER BY e.spent_on, e.id`,
    )
    const lsgs = [...ctx.branchOfLsg.keys()]
    const formed = new Map<number, string>()
    for (const m of this.lsgMeetings) if (!formed.has(m.lsgId) || m.on < formed.get(m.lsgId)!) formed.set(m.lsgId, m.on)
    const capitalOf = new Map<number, Array<{ on: string; amount: number }>>()
    let turn = 0
    for (const e of capital) {
      if (!this.rng.chance(0.6)) continue
      const open = lsgs.filter((l) => (formed.get(l) ?? '9999') <= e.on)
      if (open.length === 0) continue
      const lsgId = open[turn++ % open.length]!
      pushTo(capitalOf, lsgId, { on: e.on, amount: Number(e.amount) })
      rows.fund.add({ branchId: ctx.branchOfLsg.get(lsgId)!, lsgId, fund: 'f1', entryOn: e.on, kind: 'capital', amountMinor: Number(e.amount), repaymentId: null, loanId: null, expenseId: e.id, purpose: null, households: null, reversesId: null, reason: null, ...stamp })
    }
    const periodsOf = new Map<number, Period[]>()
    for (const p of ctx.periods) pushTo(periodsOf, p.person, p)
    const meetingsBySsg = new Map<number, SsgMeeting[]>()
    for (const m of this.ssgMeetings) pushTo(meetingsBySsg, m.ssgId, m)
    const periodsOfLsg = new Map<number, Period[]>()
    for (const p of ctx.periods) {
      const l = ctx.lsgOfSsg.get(p.ssg)!
      pushTo(periodsOfLsg, l, p)
    }
    for (const lsgId of lsgs) {
      const branchId = ctx.branchOfLsg.get(lsgId)!
      const ssgs = [...ctx.lsgOfSsg].filter(([, l]) => l === lsgId).map(([s]) => s)
      const lsgPeriods = periodsOfLsg.get(lsgId) ?? []
      type Event = { on: string; lsg?: { id: number }; ssg?: SsgMeeting }
      const events: Event[] = [
        ...this.lsgMeetings.filter((m) => m.lsgId === lsgId).map((m): Event => ({ on: m.on, lsg: { id: m.id } })),
        ...ssgs.flatMap((s) => (meetingsBySsg.get(s) ?? []).map((m): Event => ({ on: m.on, ssg: m }))),
      ].sort((a, b) => a.on.localeCompare(b.on) || (a.lsg ? -1 : 1))
      const capitalIn = [...(capitalOf.get(lsgId) ?? [])]
      let cash = 0
      const posted: FundAmounts = { f1: 0, f2: 0, f3: 0 }
      const loans: Loan[] = []
      const openOf = new Map<number, Loan>()
      const cycles = new Map<number, number>()
      let spentF2 = 0
      const daysLate = (l: Loan, on: string) => daysInArrears(l.inst.find((i) => i.dueOn < on && i.paidP + i.paidI < i.principal + i.interest)?.dueOn ?? null, on)
      for (const ev of events) {
        while (capitalIn.length && capitalIn[0]!.on <= ev.on) cash += capitalIn.shift()!.amount
        if (ev.lsg) {
          // Write-offs of loans more than 180 days late, by this meeting's decision.
          for (const l of loans.filter((x) => !x.closed && !x.writtenOff && daysLate(x, ev.on) > 180)) {
            l.writtenOff = true
            openOf.delete(l.person)
            const principal = l.inst.reduce((s, i) => s + i.principal - i.paidP, 0)
            const interest = l.inst.reduce((s, i) => s + i.interest - i.paidI, 0)
            rows.writeOff.add({ loanId: l.id, writtenOffOn: ev.on, meetingId: ev.lsg.id, principalMinor: principal, interestMinor: interest, reason: 'Зээлээ төлөхөө больсон, бүлгээс холдсон', ...stamp })
          }
          // Some late borrowers get a new schedule for what is left, once, by this meeting's decision.
          for (const l of loans.filter((x) => x.kind === 'late' && !x.rescheduled && !x.closed && !x.writtenOff && daysLate(x, ev.on) > 30 && this.rng.chance(0.5))) {
            const left = l.inst.reduce((s, i) => s + i.principal - i.paidP, 0)
            const carried = l.inst.filter((i) => i.dueOn <= ev.on).reduce((s, i) => s + i.interest - i.paidI, 0)
            let plan
            try {
              plan = schedule({ principalMinor: left, instalments: this.rng.int(8, 16), method: 'flat', monthlyRateMicro: 15_000 }, { interestMinor: carried, anyPrincipal: true })
            } catch {
              continue
            }
            l.rescheduled = true
            l.kind = 'good'
            rows.reschedule.add({ loanId: l.id, scheduleNo: 2, rescheduledOn: ev.on, meetingId: ev.lsg.id, reason: 'Гэр бүлийн хүндрэлээр хугацаа хоцорсон', ...stamp })
            let due = firstDueDate(ev.on, ctx.weekdayOfSsg.get(l.ssgId)!)
            l.inst = plan.map((p) => {
              const id = rows.inst.add({ loanId: l.id, scheduleNo: 2, n: p.n, dueOn: due, principalMinor: p.principalMinor, interestMinor: p.interestMinor })
              const row = { id, n: p.n, dueOn: due, principal: p.principalMinor, interest: p.interestMinor, paidP: 0, paidI: 0 }
              due = addDays(due, 7)
              return row
            })
          }
          // Loans from project year 2 until a month before the project ends, each repaid by the groups' last meeting.
          // Now and then the meeting spends most of fund (2) on a common interest of the families.
          const f2 = posted.f2 - spentF2
          if (ev.on >= '2009-03-01' && f2 >= 100_000_00 && spend.chance(0.25)) {
            const amount = Math.floor((f2 * spend.int(50, 80)) / 100 / 10_000_00) * 10_000_00
            spentF2 += amount
            rows.fund.add({ branchId, lsgId, fund: 'f2', entryOn: ev.on, kind: 'spending', amountMinor: -amount, repaymentId: null, loanId: null, expenseId: null, purpose: spend.pick(F2_PURPOSES), households: spend.int(10, 40), reversesId: null, reason: null, ...stamp })
          }
          if (ev.on < '2008-03-01' || ev.on > '2011-01-31') continue
          // Loans granted at the monthly meeting to members who pass every check, while fund (1) holds them.
          const members = lsgPeriods.filter((p) => p.joined <= ev.on && (p.left === null || p.left > ev.on))
          for (const m of members) {
            if (openOf.has(m.person) || !this.rng.chance(0.3)) continue
            const ssgMeetings = (meetingsBySsg.get(m.ssg) ?? []).filter((x) => x.on <= ev.on)
            const sheets = ssgMeetings.filter((x) => x.marks.some(([p]) => p === m.person))
            const recent = sheets.filter((x) => x.on > addDays(ev.on, -84))
            const dues = sheets.reduce((s, x) => s + (x.weekly ?? 0), 0)
            const paid = (this.deposits.get(m.person) ?? []).filter(([d]) => d <= ev.on).reduce((s, [, a]) => s + a, 0)
            const groupLate = Math.max(0, ...loans.filter((x) => x.ssgId === m.ssg && !x.closed && !x.writtenOff).map((x) => daysLate(x, ev.on)))
            const cycle = (cycles.get(m.person) ?? 0) + 1
            const since = (periodsOf.get(m.person) ?? []).filter((p) => ctx.lsgOfSsg.get(p.ssg) === lsgId).map((p) => p.joined).sort()[0]!
            const want = Math.round(this.rng.int(100_000, 300_000) / 10_000) * 10_000_00
            const amount = Math.min(want, Math.floor((paid * 3) / 10_000_00) * 10_000_00, DEFAULT_THRESHOLDS.cycleCapsMinor[Math.min(cycle, 3) - 1]!, Math.floor(cash / 10_000_00) * 10_000_00)
            if (amount < 100_000_00) continue
            const checks = checkEligibility(
              {
                ssgHasMembers: true,
                ssgRulesAdopted: ssgMeetings.some((x) => x.weekly !== null),
                ssgRepresentativeInOffice: ssgMeetings.length > 0,
                weeksInGroup: weeksBetween(since, ev.on),
                savingsDueMinor: dues,
                savingsPaidMinor: paid,
                trainingCompletedOn: (trained.get(m.person) ?? '9999') <= ev.on ? trained.get(m.person)! : null,
                meetingsAttended: recent.filter((x) => there(x.marks.find(([p]) => p === m.person)![1]) && x.marks.find(([p]) => p === m.person)![1] !== 'represented').length,
                meetingsHeld: recent.length,
                ownDaysLate: 0,
                groupMaxDaysLate: groupLate,
                previousLoanOpen: false,
                compulsoryBalanceMinor: paid,
                cycle,
                fund1CashMinor: cash,
              },
              amount,
            )
            if (!checks.every((c) => c.pass)) continue
            const n = Math.min(this.rng.int(16, 24), weeksBetween(ev.on, LAST_MEETING) - 1)
            if (n < 8) continue
            const plan = schedule({ principalMinor: amount, instalments: n, method: 'flat', monthlyRateMicro: 15_000 })
            const loanId = rows.loans.add({ personId: m.person, ssgId: m.ssg, lsgId, cycle, principalMinor: amount, instalments: n, method: 'flat', monthlyRateMicro: 15_000, approvedMeetingId: ev.lsg.id, disbursedOn: ev.on, eligibility: JSON.stringify(checks), ...stamp })
            let due = firstDueDate(ev.on, ctx.weekdayOfSsg.get(m.ssg)!)
            const inst: Inst[] = plan.map((p) => {
              const id = rows.inst.add({ loanId, scheduleNo: 1, n: p.n, dueOn: due, principalMinor: p.principalMinor, interestMinor: p.interestMinor })
              const row = { id, n: p.n, dueOn: due, principal: p.principalMinor, interest: p.interestMinor, paidP: 0, paidI: 0 }
              due = addDays(due, 7)
              return row
            })
            const r = this.rng.next()
            const loan: Loan = { id: loanId, person: m.person, ssgId: m.ssg, lsgId, cycle, principal: amount, disbursedOn: ev.on, inst, kind: r < 0.89 ? 'good' : r < 0.975 ? 'late' : 'default', stopAfter: this.rng.int(2, 10), writtenOff: false, closed: false, rescheduled: false }
            loans.push(loan)
            openOf.set(m.person, loan)
            cycles.set(m.person, cycle)
            cash -= amount
            rows.fund.add({ branchId, lsgId, fund: 'f1', entryOn: ev.on, kind: 'disbursement', amountMinor: -amount, repaymentId: null, loanId, expenseId: null, purpose: null, households: null, reversesId: null, reason: null, ...stamp })
            this.counts.loans++
          }
          continue
        }
        // A small group's weekly meeting: borrowers there repay what has fallen due.
        const m = ev.ssg!
        for (const [person, status] of m.marks) {
          const loan = openOf.get(person)
          if (!loan || !there(status) || loan.disbursedOn >= m.on) continue
          const paidCount = loan.inst.filter((i) => i.paidP + i.paidI >= i.principal + i.interest).length
          if (loan.kind === 'default' && paidCount >= loan.stopAfter) continue
          // Late borrowers miss some weeks, until the groups collect everything due in the project's last month (the same draws either way).
          if (loan.kind === 'late' && this.rng.chance(0.45) && m.on < '2011-02-01') continue
          const dueNow = loan.inst.filter((i) => i.dueOn <= m.on).reduce((s, i) => s + i.principal + i.interest - i.paidP - i.paidI, 0)
          if (dueNow <= 0) continue
          const a = allocateRepayment(
            loan.inst.map((i) => ({ n: i.n, dueOn: i.dueOn, principalDueMinor: i.principal, interestDueMinor: i.interest, principalPaidMinor: i.paidP, interestPaidMinor: i.paidI })),
            0,
            dueNow,
          )
          const interest = a.instalments.reduce((s, x) => s + x.interestMinor, 0)
          const principal = a.instalments.reduce((s, x) => s + x.principalMinor, 0)
          const repaymentId = rows.repay.add({ loanId: loan.id, paidOn: m.on, meetingId: m.id, amountMinor: dueNow, finesMinor: 0, interestMinor: interest, principalMinor: principal, reversesId: null, reason: null, ...stamp })
          for (const x of a.instalments) {
            const i = loan.inst.find((y) => y.n === x.n)!
            i.paidI += x.interestMinor
            i.paidP += x.principalMinor
            rows.alloc.add({ repaymentId, instalmentId: i.id, interestMinor: x.interestMinor, principalMinor: x.principalMinor })
          }
          const share = splitRepayment(posted, dueNow, 50)
          for (const fund of ['f1', 'f2', 'f3'] as const) {
            if (share[fund] === 0) continue
            posted[fund] += share[fund]
            if (fund === 'f3') pushTo(f3In, branchId, [m.on, share.f3])
            rows.fund.add({ branchId, lsgId, fund, entryOn: m.on, kind: 'allocation', amountMinor: share[fund], repaymentId, loanId: null, expenseId: null, purpose: null, households: null, reversesId: null, reason: null, ...stamp })
          }
          cash += share.f1
          this.counts.repayments++
          if (loan.inst.every((i) => i.paidP + i.paidI >= i.principal + i.interest)) {
            loan.closed = true
            openOf.delete(person)
          }
        }
      }
    }
    // Each CBO spends part of fund (3) on its organisational development every quarter or so.
    for (const [branchId, allocations] of f3In) {
      const founded = ctx.cboFounded.get(branchId)
      if (!founded) continue
      let spent = 0
      for (let on = addDays(founded, 45); on <= LAST_MEETING; on = addDays(on, spend.int(80, 100))) {
        const held = allocations.filter(([d]) => d <= on).reduce((s, [, a]) => s + a, 0) - spent
        if (held < 100_000_00 || !spend.chance(0.8)) continue
        const amount = Math.floor((held * spend.int(40, 70)) / 100 / 10_000_00) * 10_000_00
        spent += amount
        rows.fund.add({ branchId, lsgId: null, fund: 'f3', entryOn: on, kind: 'spending', amountMinor: -amount, repaymentId: null, loanId: null, expenseId: null, purpose: spend.pick(F3_PURPOSES), households: null, reversesId: null, reason: null, ...stamp })
      }
    }
    this.rows = Object.values(rows)
    return this.counts
  }

  /** The tables to write, parents first. */
  rows: Array<Rows<ObjectLiteral>> = []
}
