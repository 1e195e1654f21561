import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/backend'
import { loanGroup } from '../helpers/loanGroup'
import { addDays } from '../../src/shared/domain/dates'

/* Portfolio quality worked by hand on two loans. On both engines. */
let t: TestBackend
let g: Awaited<ReturnType<typeof loanGroup>>
const mnt = (tg: number) => tg * 100

beforeEach(async () => {
  t = await testBackend()
  g = await loanGroup((op, input) => t.must(op as 'system.info', input as never))
  await t.must('training.record', { personId: g.p[1]!, completedOn: '2011-04-01' })
  const terms = { approvedMeetingId: g.approval, disbursedOn: '2011-06-08', instalments: 10, method: 'flat' as const, monthlyRateMicro: 15_000 }
  // Сарангэрэл 30,000 ₮ (3,100 ₮ a week), repaid on time to 07-13; Оюунчимэг 20,000 ₮ (2,100 ₮ a week), nothing repaid.
  const a = await t.must('loans.grant', { ...terms, personId: g.p[0]!, principalMinor: mnt(30_000) })
  await t.must('loans.grant', { ...terms, personId: g.p[1]!, principalMinor: mnt(20_000) })
  for (let w = 0; w < 5; w++) await t.must('loans.repay', { loanId: a.loan.id, paidOn: addDays('2011-06-15', 7 * w), amountMinor: mnt(3_100) })
})
afterEach(() => t.close())

describe('portfolio quality', () => {
  it('PAR1 and PAR30 take the whole balance of the late loan; day 30 is not past 30, day 35 is', async () => {
    const on15 = (await t.must('portfolio.quality', { on: '2011-07-15' })).rows[0]!
    // Оюунчимэг's oldest unpaid instalment fell due on 06-15: 30 days on 07-15, 35 on 07-20.
    expect(on15).toMatchObject({ activeLoans: 2, borrowers: 2, outstandingMinor: mnt(35_000) })
    expect(on15.par1).toEqual({ numeratorMinor: mnt(20_000), denominatorMinor: mnt(35_000), ratio: 20 / 35 })
    expect(on15.par30.numeratorMinor).toBe(0)
    expect(on15.days['1-30']).toEqual({ loans: 1, outstandingMinor: mnt(20_000) })
    const q = await t.must('portfolio.quality', { on: '2011-07-20', from: '2011-06-01' })
    const total = q.rows[0]!
    expect(total.par30).toEqual({ numeratorMinor: mnt(20_000), denominatorMinor: mnt(35_000), ratio: 20 / 35 })
    expect(total.days['31-60']).toEqual({ loans: 1, outstandingMinor: mnt(20_000) })
    expect(total.days.current).toEqual({ loans: 1, outstandingMinor: mnt(15_000) })
    // Five weekly instalments missed; her 07-20 one is due today, not yet late.
    expect(total.weeks['4-7']).toEqual({ loans: 1, outstandingMinor: mnt(20_000) })
    // Arrears rate apart: 5 × 2,100 overdue over 35,000.
    expect(total.arrears).toEqual({ numeratorMinor: mnt(10_500), denominatorMinor: mnt(35_000), ratio: 10_500 / 35_000 })
    // Fell due 06-01..07-20: 6 × 3,100 + 6 × 2,100 = 31,200; paid by the due date 5 × 3,100 = 15,500.
    expect(total.onTime).toEqual({ numeratorMinor: mnt(15_500), denominatorMinor: mnt(31_200), ratio: 15_500 / 31_200 })
    expect(total.collection.numeratorMinor).toBe(mnt(15_500))
    expect(q.rows.map((r) => [r.level, r.label?.en ?? null, r.activeLoans])).toEqual([
      ['total', null, 2],
      ['area', 'Dornogovi', 2],
      ['lsg', 'DOR-1', 2],
      ['ssg', 'DOR-1-A', 2],
    ])
    expect(q.candidates).toEqual([])
  })

  it('names write-off candidates after 180 days and leaves written-off loans out of PAR, counting recoveries', async () => {
    const q = await t.must('portfolio.quality', { on: '2012-01-09' })
    expect(q.candidates.map((c) => [c.name, c.daysInArrears, c.outstandingMinor / 100])).toEqual([['Б. Оюунчимэг', 208, 20_000]])
    const loan = q.candidates[0]!.loanId
    const decision = await t.must('meetings.record', { groupType: 'lsg', groupId: g.lsg, heldOn: '2012-01-10', attendance: g.p.map((personId) => ({ personId, status: 'present' as const })) })
    await t.must('loans.writeOff', { loanId: loan, meetingId: decision.id, reason: 'Холбоо тасарсан' })
    await t.must('loans.repay', { loanId: loan, paidOn: '2012-02-01', amountMinor: mnt(2_000) })
    const after = (await t.must('portfolio.quality', { on: '2012-02-01' })).rows[0]!
    // Only Сарангэрэл's 15,000 ₮ is active, and late since 07-20: PAR30 is all of it.
    expect(after.par30).toEqual({ numeratorMinor: mnt(15_000), denominatorMinor: mnt(15_000), ratio: 1 })
    expect(after).toMatchObject({ writtenOffMinor: mnt(20_000), recoveriesMinor: mnt(2_000), activeLoans: 1 })
    const series = await t.must('portfolio.parSeries', { from: '2011-06-01', to: '2011-08-15' })
    // Month ends: Оюунчимэг over 30 days late from mid-July; Сарангэрэл late from 07-20, 26 days by 08-15 (not past 30).
    expect(series.map((p) => [p.on, p.par30 === null ? null : Math.round(p.par30 * 1000) / 1000])).toEqual([
      ['2011-06-30', 0],
      ['2011-07-31', 0.571],
      ['2011-08-15', 0.571],
    ])
    // The series is computed apart from the page's figures: at every month end, with the write-off and the recovery, they agree.
    const long = await t.must('portfolio.parSeries', { from: '2011-06-01', to: '2012-02-01' })
    expect(long).toHaveLength(9)
    for (const p of long) {
      const q = (await t.must('portfolio.quality', { on: p.on })).rows[0]!
      expect([p.on, p.par30, p.par1, p.outstandingMinor]).toEqual([p.on, q.par30.ratio, q.par1.ratio, q.outstandingMinor])
    }
  })
})
