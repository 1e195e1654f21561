import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/backend'
import { firstLoan, loanGroup } from '../helpers/loanGroup'
import { DEFAULT_LOAN_SETTINGS } from '../../src/shared/domain/eligibility'

/* A large group's loan settings, set by its regulations: the checks' thresholds and the share of fund (2). On both engines. */
let t: TestBackend
let g: Awaited<ReturnType<typeof loanGroup>>
const mnt = (tg: number) => tg * 100
const CLAUSES = { election: 'a', meetingTime: 'b', participation: 'c', discipline: 'd', sanctions: 'e', monitoring: 'f', evaluation: 'g', accounts: 'h' }

beforeEach(async () => {
  t = await testBackend()
  g = await loanGroup((op, input) => t.must(op as 'system.info', input as never))
})
afterEach(() => t.close())

const adopt = (meetingId: number, settings: Partial<typeof DEFAULT_LOAN_SETTINGS>) => t.call('documents.adopt', { meetingId, clauses: CLAUSES, loanSettings: { ...DEFAULT_LOAN_SETTINGS, ...settings } })
const grant = () => t.call('loans.grant', firstLoan(g))
const fundsOf = async (repaymentDate: string) => {
  const ledger = await Promise.all((['f1', 'f2', 'f3'] as const).map((fund) => t.must('groupfunds.ledger', { fund, ...(fund === 'f3' ? { branchId: g.branch } : { lsgId: g.lsg }), from: repaymentDate, to: repaymentDate } as never)))
  return ledger.map((l) => (l as { totals: { allocation: number } }).totals.allocation)
}

describe('loan settings of a large group', () => {
  it('thresholds come from the regulations in force on the day of the application', async () => {
    expect(await adopt(g.approval, { minWeeksInGroup: 20 })).toMatchObject({ ok: true, value: { version: 1, loanSettings: { minWeeksInGroup: 20 } } })
    const check = await t.must('loans.check', { personId: g.p[0]!, on: '2011-06-08', amountMinor: mnt(30_000) })
    expect(check.checks.find((c) => c.check === 'weeksInGroup')).toMatchObject({ pass: false, figure: 12, threshold: 20 })
    expect(await grant()).toMatchObject({ ok: false, error: { field: 'principalMinor' } })
    await adopt(g.approval, { minWeeksInGroup: 12, cycleCapsMinor: [mnt(25_000)] })
    const again = await t.must('loans.check', { personId: g.p[0]!, on: '2011-06-08', amountMinor: mnt(30_000) })
    expect(again.checks.filter((c) => !c.pass).map((c) => [c.check, c.threshold])).toEqual([['cycleCap', mnt(25_000)]])
    expect((await t.must('documents.ofGroup', { groupType: 'lsg', groupId: g.lsg })).map((d) => d.loanSettings?.minWeeksInGroup)).toEqual([12, 20])
  })

  it('a new share of fund (2) splits the repayments from its meeting on, by running totals that start again', async () => {
    await adopt(g.approval, { shareF2Percent: 40 })
    const loan = (await grant()) as { ok: true; value: { loan: { id: number } } }
    // In minor units (tiins), all integers: S = 310 101: F3 = 155 050, F12 = 155 051, F2 = floor(155 051 × 40 / 100) = 62 020, F1 = 93 031.
    await t.must('loans.repay', { loanId: loan.value.loan.id, paidOn: '2011-06-15', amountMinor: 310_101 })
    expect(await fundsOf('2011-06-15')).toEqual([93_031, 62_020, 155_050])
    // The share cannot reach back over a repayment already split.
    expect(await adopt(g.approval, { shareF2Percent: 50 })).toMatchObject({ ok: false, error: { key: 'r.shareAfterRepayments', field: 'loanSettings.shareF2Percent' } })
    const july = (await t.must('meetings.record', { groupType: 'lsg', groupId: g.lsg, heldOn: '2011-07-05', attendance: g.p.map((personId) => ({ personId, status: 'present' as const })) })).id
    expect(await adopt(july, { shareF2Percent: 50 })).toMatchObject({ ok: true })
    await t.must('loans.repay', { loanId: loan.value.loan.id, paidOn: '2011-07-06', amountMinor: 310_101 })
    // A new period: S = 310 101 again: F3 = 155 050, F12 = 155 051, F2 = 77 525, F1 = 77 526.
    expect(await fundsOf('2011-07-06')).toEqual([77_526, 77_525, 155_050])
    // Thresholds alone do not start a new period of the share.
    const august = (await t.must('meetings.record', { groupType: 'lsg', groupId: g.lsg, heldOn: '2011-08-02', attendance: g.p.map((personId) => ({ personId, status: 'present' as const })) })).id
    expect(await adopt(august, { shareF2Percent: 50, minAttendancePct: 70 })).toMatchObject({ ok: true })
    await t.must('loans.repay', { loanId: loan.value.loan.id, paidOn: '2011-08-03', amountMinor: 310_101 })
    // S = 620 202 since July: F3 = 310 101 (+155 051), F12 = 310 101 (+155 050), F2 = 155 050 (+77 525), F1 = 155 051 (+77 525); a new period would have given 155 050 to (3) again.
    expect(await fundsOf('2011-08-03')).toEqual([77_525, 77_525, 155_051])
  })

  it('belong to a large group only', async () => {
    const ssgMeeting = (await t.must('meetings.list', { groupType: 'ssg', groupId: g.ssg })).meetings[0]!.id
    expect(await t.call('documents.adopt', { meetingId: ssgMeeting, clauses: { meetings: 'a', savings: 'b', loans: 'c', mutualHelp: 'd', sanctions: 'e' }, weeklySavingsMinor: mnt(1_000), loanSettings: DEFAULT_LOAN_SETTINGS })).toMatchObject({
      ok: false,
      error: { key: 'r.loanSettingsOnlyLsg', field: 'loanSettings' },
    })
    expect(await adopt(g.approval, { shareF2Percent: 101 })).toMatchObject({ ok: false, error: { field: 'loanSettings.shareF2Percent' } })
  })
})
