import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/backend'
import { loanGroup } from '../helpers/loanGroup'
import { addDays } from '../../src/shared/domain/dates'

/* Micro loans with exact tögrög: eligibility, a flat schedule on the group's meeting days, repayments allocated and split into the three funds. On both engines; today is 2026-11-26. */
let t: TestBackend
let lsg: number
let ssg: number
let p: number[]
let approval: number
const mnt = (tg: number) => tg * 100

beforeEach(async () => {
  t = await testBackend()
  ;({ lsg, ssg, p, approval } = await loanGroup((op, input) => t.must(op as 'system.info', input as never)))
})
afterEach(() => t.close())

const terms = { approvedMeetingId: 0, disbursedOn: '2011-06-08', principalMinor: mnt(30_000), instalments: 10, method: 'flat' as const, monthlyRateMicro: 15_000 }

describe('micro loans', () => {
  it('shows every check with its figure; refuses a loan failing any', async () => {
    const e = await t.must('loans.check', { personId: p[0]!, on: '2011-06-08', amountMinor: mnt(30_000) })
    expect(e.eligible).toBe(true)
    expect(Object.fromEntries(e.checks.map((c) => [c.check, c.figure]))).toMatchObject({ weeksInGroup: 12, savingsCompliance: 100, attendance: 100, savingsMultiple: mnt(30_000), fundCash: mnt(30_000) })
    expect(e.checks.find((c) => c.check === 'savingsMultiple')!.threshold).toBe(mnt(36_000))
    expect(e.checks.find((c) => c.check === 'fundCash')!.threshold).toBe(mnt(500_000))
    // Оюунчимэг has no training; 36,100 ₮ is more than three times 12,000 ₮.
    const other = await t.must('loans.check', { personId: p[1]!, on: '2011-06-08', amountMinor: mnt(36_100) })
    expect(other.checks.filter((c) => !c.pass).map((c) => c.check)).toEqual(['training', 'savingsMultiple'])
    expect(await t.call('loans.grant', { ...terms, personId: p[1]!, approvedMeetingId: approval })).toMatchObject({ ok: false, error: { key: 'r.loanChecksFail', vars: { n: 1 } } })
    expect(await t.call('loans.grant', { ...terms, personId: p[0]!, approvedMeetingId: approval, principalMinor: mnt(30_050) })).toMatchObject({ ok: false, error: { field: 'principalMinor', key: 'r.loanPrincipalUnit' } })
  })

  it('disburses from fund (1), schedules on the group’s meeting days, allocates repayments and splits them into the funds to the tögrög', async () => {
    const loan = await t.must('loans.grant', { ...terms, personId: p[0]!, approvedMeetingId: approval })
    // Flat: interest 30,000 × 1.5% × 12 / 52 × 10 = 1,038.46 → 1,000 ₮; ten instalments of 3,100 ₮ on Wednesdays from a week after.
    expect(loan.schedule.map((i) => [i.dueOn, i.principalMinor / 100, i.interestMinor / 100])).toEqual(
      Array.from({ length: 10 }, (_, k) => [addDays('2011-06-15', 7 * k), 3_000, 100]),
    )
    expect(loan.loan).toMatchObject({ cycle: 1, status: 'active', outstandingPrincipalMinor: mnt(30_000) })
    expect((await t.must('groupfunds.balances', { lsgId: lsg, on: '2011-06-08' })).f1).toBe(mnt(470_000))
    await t.must('loans.repay', { loanId: loan.loan.id, paidOn: '2011-06-15', amountMinor: mnt(3_100) })
    const partial = await t.must('loans.repay', { loanId: loan.loan.id, paidOn: '2011-06-22', amountMinor: mnt(2_000) })
    expect(partial).toMatchObject({ interestMinor: mnt(100), principalMinor: mnt(1_900), finesMinor: 0 })
    const d = await t.must('loans.get', { id: loan.loan.id, on: '2011-07-01' })
    // Instalment 2 (06-22) is 1,100 ₮ short and instalment 3 (06-29) unpaid: 4,200 ₮ overdue, 9 days, 2 weeks.
    expect(d.loan).toMatchObject({ outstandingPrincipalMinor: mnt(25_100), overdueMinor: mnt(4_200), daysInArrears: 9, weeksInArrears: 2, next: { n: 4, dueOn: '2011-07-06', dueMinor: mnt(3_100) } })
    expect(d.schedule[0]!.paidOn).toBe('2011-06-15')
    expect((await t.must('loans.ofSsg', { ssgId: ssg, on: '2011-07-01' })).map((l) => [l.name, l.overdueMinor / 100, l.status])).toEqual([['Б. Сарангэрэл', 4_200, 'active']])
    // 5,100 ₮ repaid: (3) 2,550, (2) 1,275, (1) 1,275 — back in fund (1) beside the capital less the loan.
    expect(await t.must('groupfunds.balances', { lsgId: lsg, on: '2011-07-01' })).toMatchObject({ f1: mnt(471_275), f2: mnt(1_275), f3: mnt(2_550) })
    expect(await t.call('loans.repay', { loanId: loan.loan.id, paidOn: '2011-07-06', amountMinor: mnt(25_901) })).toMatchObject({ ok: false, error: { key: 'r.repaysTooMuch', vars: { owed: '25 900 ₮' } } })
    expect(await t.call('loans.repay', { loanId: loan.loan.id, paidOn: '2011-06-20', amountMinor: mnt(100) })).toMatchObject({ ok: false, error: { key: 'r.beforeLastRepayment' } })
    // A second loan while this one is open and late fails her own arrears and the previous-loan checks (the group's 9 days pass).
    expect((await t.must('loans.check', { personId: p[0]!, on: '2011-07-01', amountMinor: mnt(1_000) })).checks.filter((c) => !c.pass).map((c) => c.check)).toEqual(['ownArrears', 'previousLoan'])
  })

  it('reverses the latest repayment by exact negatives, also of its fund shares; the earlier only after it', async () => {
    const loan = await t.must('loans.grant', { ...terms, personId: p[0]!, approvedMeetingId: approval })
    const first = await t.must('loans.repay', { loanId: loan.loan.id, paidOn: '2011-06-15', amountMinor: mnt(3_100) })
    const second = await t.must('loans.repay', { loanId: loan.loan.id, paidOn: '2011-06-22', amountMinor: mnt(2_000) })
    expect(await t.call('loans.reverseRepayment', { id: first.id, reason: 'алдаа' })).toMatchObject({ ok: false, error: { key: 'r.reverseLatestFirst', vars: { date: '2011.06.22' } } })
    const r = await t.must('loans.reverseRepayment', { id: second.id, reason: '2 000 биш 3 100 төлсөн' })
    expect(r).toMatchObject({ amountMinor: -mnt(2_000), interestMinor: -mnt(100), principalMinor: -mnt(1_900), reversesId: second.id })
    expect(await t.must('groupfunds.balances', { lsgId: lsg })).toMatchObject({ f1: mnt(470_775), f2: mnt(775), f3: mnt(1_550) })
    // Entered again as it was: the funds come out exactly as if the mistake had not been made.
    await t.must('loans.repay', { loanId: loan.loan.id, paidOn: '2011-06-22', amountMinor: mnt(3_100) })
    expect(await t.must('groupfunds.balances', { lsgId: lsg })).toMatchObject({ f1: mnt(471_550), f2: mnt(1_550), f3: mnt(3_100) })
    expect((await t.must('loans.get', { id: loan.loan.id })).loan.outstandingPrincipalMinor).toBe(mnt(24_000))
  })

  it('keeps loan capital: the expense is not voided while its fund holds it, nor used twice', async () => {
    const expenseId = (await t.read((sql) => sql.value<number>(`SELECT expense_id AS id FROM group_fund_entry WHERE kind = 'capital'`)))!
    expect(await t.call('expenses.void', { id: Number(expenseId), reason: 'алдаа' })).toMatchObject({ ok: false, error: { key: 'r.expenseIsCapital' } })
    expect(await t.call('groupfunds.capital', { lsgId: lsg, expenseId: Number(expenseId) })).toMatchObject({ ok: false, error: { code: 'conflict', key: 'r.capitalUsed' } })
  })

  it('pays a fine first; writes off what is left by the large group’s decision and keeps later repayments as recoveries', async () => {
    const loan = await t.must('loans.grant', { ...terms, personId: p[0]!, approvedMeetingId: approval })
    await t.must('loans.fine', { loanId: loan.loan.id, imposedOn: '2011-06-22', amountMinor: mnt(500), reason: 'Хоцорч төлсөн' })
    const paid = await t.must('loans.repay', { loanId: loan.loan.id, paidOn: '2011-06-22', amountMinor: mnt(3_600) })
    expect(paid).toMatchObject({ finesMinor: mnt(500), interestMinor: mnt(100), principalMinor: mnt(3_000) })
    const decision = await t.must('meetings.record', { groupType: 'lsg', groupId: lsg, heldOn: '2012-01-10', attendance: p.map((personId) => ({ personId, status: 'present' as const })) })
    expect(await t.call('loans.writeOff', { loanId: loan.loan.id, meetingId: approval, reason: 'Нүүсэн' })).toMatchObject({ ok: false, error: { key: 'r.writeOffMeeting' } })
    const w = await t.must('loans.writeOff', { loanId: loan.loan.id, meetingId: decision.id, reason: 'Нүүж явсан, холбоо тасарсан' })
    expect(w.writtenOff).toEqual({ on: '2012-01-10', principalMinor: mnt(27_000), interestMinor: mnt(900), reason: 'Нүүж явсан, холбоо тасарсан' })
    expect(w.loan.status).toBe('written_off')
    expect(await t.call('loans.fine', { loanId: loan.loan.id, imposedOn: '2012-01-11', amountMinor: mnt(500), reason: 'x' })).toMatchObject({ ok: false, error: { key: 'r.loanNotActive' } })
    await t.must('loans.repay', { loanId: loan.loan.id, paidOn: '2012-02-01', amountMinor: mnt(1_000) })
    const after = await t.must('loans.get', { id: loan.loan.id })
    expect(after.loan).toMatchObject({ status: 'written_off', outstandingPrincipalMinor: mnt(26_100) })
    // Fines and the recovery are repayments too: (3) holds half of 3,600 + 1,000.
    expect((await t.must('groupfunds.balances', { lsgId: lsg })).f3).toBe(mnt(2_300))
  })

  it('keeps fund ledgers, spends from (2) and (3) never below zero, and the area’s money adds up to the tögrög', async () => {
    const loan = await t.must('loans.grant', { ...terms, personId: p[0]!, approvedMeetingId: approval })
    await t.must('loans.repay', { loanId: loan.loan.id, paidOn: '2011-06-15', amountMinor: mnt(3_100) })
    await t.must('loans.repay', { loanId: loan.loan.id, paidOn: '2011-06-22', amountMinor: mnt(5_000) })
    // Fund (2) holds 775 + 1,250 = 2,025 ₮ (8,100 ₮ repaid: (2) floor(4,050 / 2)).
    expect(await t.call('groupfunds.spend', { fund: 'f2', lsgId: lsg, spentOn: '2011-06-30', amountMinor: mnt(2_026), purpose: 'Хүүхдийн тоглоом' })).toMatchObject({ ok: false, error: { field: 'amountMinor', key: 'r.fundBelowZero', vars: { balance: '2 025 ₮' } } })
    await t.must('groupfunds.spend', { fund: 'f2', lsgId: lsg, spentOn: '2011-06-30', amountMinor: mnt(2_000), purpose: 'Хүүхдийн тоглоом', households: 2 })
    const branchId = (await t.must('lsgs.get', { id: lsg })).lsg.branchId
    expect(await t.call('groupfunds.spend', { fund: 'f3', branchId, spentOn: '2011-06-30', amountMinor: mnt(100), purpose: 'Сургалт' })).toMatchObject({ ok: false, error: { key: 'r.fund3BeforeCbo' } })
    const ledger = await t.must('groupfunds.ledger', { fund: 'f1', lsgId: lsg, from: '2011-06-01', to: '2011-06-30' })
    expect(ledger).toMatchObject({ openingMinor: mnt(500_000), closingMinor: mnt(472_025), totals: { capital: 0, disbursement: -mnt(30_000), allocation: mnt(2_025), spending: 0 } })
    const f2 = await t.must('groupfunds.ledger', { fund: 'f2', lsgId: lsg, from: '2011-01-01', to: '2011-12-31' })
    expect(f2.entries.at(-1)).toMatchObject({ kind: 'spending', amountMinor: -mnt(2_000), purpose: 'Хүүхдийн тоглоом', households: 2 })
    const decision = await t.must('meetings.record', { groupType: 'lsg', groupId: lsg, heldOn: '2012-01-10', attendance: p.map((personId) => ({ personId, status: 'present' as const })) })
    await t.must('loans.writeOff', { loanId: loan.loan.id, meetingId: decision.id, reason: 'Нүүсэн' })
    await t.must('loans.repay', { loanId: loan.loan.id, paidOn: '2012-02-01', amountMinor: mnt(1_000) })
    for (const on of ['2011-06-30', '2012-01-10', '2012-03-01']) {
      const [check] = await t.must('groupfunds.check', { on })
      expect(check!.differenceMinor).toBe(0)
    }
    const [end] = await t.must('groupfunds.check', { on: '2012-03-01' })
    // 30,000 lent; 8,100 repaid (interest 300 ₮, principal 7,800): 22,200 written off; the 1,000 recovered is all principal (instalment 3's interest was paid).
    expect(end).toMatchObject({ capitalMinor: mnt(500_000), interestAndFinesMinor: mnt(300), spendingMinor: mnt(2_000), writtenOffNetMinor: mnt(21_200), outstandingMinor: 0 })
  })

  it('reschedules what is left by the large group’s decision: the principal left over new weeks, the unpaid interest carried, nothing late any more', async () => {
    const loan = await t.must('loans.grant', { ...terms, personId: p[0]!, approvedMeetingId: approval })
    await t.must('loans.repay', { loanId: loan.loan.id, paidOn: '2011-06-15', amountMinor: mnt(3_100) })
    expect((await t.must('loans.get', { id: loan.loan.id, on: '2011-07-05' })).loan).toMatchObject({ overdueMinor: mnt(6_200), daysInArrears: 13 })
    const decision = await t.must('meetings.record', { groupType: 'lsg', groupId: lsg, heldOn: '2011-07-05', attendance: p.map((personId) => ({ personId, status: 'present' as const })) })
    const r = await t.must('loans.reschedule', { loanId: loan.loan.id, meetingId: decision.id, instalments: 20, reason: 'Өвчтэй байсан' })
    // 27,000 ₮ left over 20 weeks from Wednesday 07-13; the 200 ₮ of interest fallen due on 06-22 and 06-29 goes into the first.
    expect(r.schedule).toHaveLength(20)
    expect(r.schedule[0]).toMatchObject({ dueOn: '2011-07-13', interestMinor: mnt(300), principalMinor: mnt(1_400) })
    expect(r.schedule.reduce((s, i) => s + i.principalMinor, 0)).toBe(mnt(27_000))
    expect((await t.must('loans.get', { id: loan.loan.id, on: '2011-07-06' })).loan).toMatchObject({ overdueMinor: 0, daysInArrears: 0, outstandingPrincipalMinor: mnt(27_000), next: { dueOn: '2011-07-13', dueMinor: mnt(1_700) } })
    // The next repayment goes to the new schedule.
    await t.must('loans.repay', { loanId: loan.loan.id, paidOn: '2011-07-13', amountMinor: mnt(1_700) })
    expect((await t.must('loans.get', { id: loan.loan.id })).schedule[0]!.paidOn).toBe('2011-07-13')
    expect(await t.call('loans.reschedule', { loanId: loan.loan.id, meetingId: decision.id, instalments: 5, reason: 'x' })).toMatchObject({ ok: false, error: { key: 'r.beforeLastRepayment' } })
  })
})
