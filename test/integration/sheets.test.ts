import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/backend'
import { firstLoan, loanGroup } from '../helpers/loanGroup'

/* A small group's collection sheet: what each member owes on the day, entered as one transaction. On both engines. */
let t: TestBackend
let g: Awaited<ReturnType<typeof loanGroup>>
let loanId: number
const mnt = (tg: number) => tg * 100

beforeEach(async () => {
  t = await testBackend()
  g = await loanGroup((op, input) => t.must(op as 'system.info', input as never))
  loanId = (await t.must('loans.grant', firstLoan(g))).loan.id
})
afterEach(() => t.close())

const line = (personId: number, status: string, compulsory = 0, repayment = 0, voluntary = 0, withdrawal = 0) => ({
  personId,
  status: status as 'present',
  compulsoryMinor: mnt(compulsory),
  voluntaryMinor: mnt(voluntary),
  withdrawalMinor: mnt(withdrawal),
  repaymentMinor: mnt(repayment),
})

describe('collection sheets', () => {
  it('lists each member with her saving due and her loan’s instalment due; entered, it records the meeting, savings, repayments and fund shares at once', async () => {
    const s = await t.must('sheets.get', { ssgId: g.ssg, heldOn: '2011-06-15' })
    expect(s.entered).toBeNull()
    expect(s.lines.map((l) => [l.name, l.weeklyMinor / 100, l.savingsArrearsMinor / 100, l.compulsoryBalanceMinor / 100, l.loan?.dueMinor ?? null])).toEqual([
      ['Б. Оюунчимэг', 1_000, 0, 12_000, null],
      ['Б. Сарангэрэл', 1_000, 0, 12_000, mnt(3_100)],
    ])
    const r = await t.must('sheets.enter', { ssgId: g.ssg, heldOn: '2011-06-15', lines: [line(g.p[1]!, 'absent'), line(g.p[0]!, 'present', 1_000, 3_100, 500)] })
    expect(r.totals).toEqual({ compulsoryMinor: mnt(1_000), voluntaryMinor: mnt(500), withdrawalMinor: 0, repaymentMinor: mnt(3_100), cashMinor: mnt(4_600) })
    expect(r.funds).toEqual({ f1: mnt(775), f2: mnt(775), f3: mnt(1_550) })
    expect((await t.must('meetings.get', { id: r.meetingId })).attendance.map((a) => a.status)).toEqual(['absent', 'present'])
    expect((await t.must('loans.get', { id: loanId })).loan.outstandingPrincipalMinor).toBe(mnt(27_000))
    // Оюунчимэг missed the week: the next sheet shows it in her arrears.
    const next = await t.must('sheets.get', { ssgId: g.ssg, heldOn: '2011-06-22' })
    expect(next.lines[0]!.savingsArrearsMinor).toBe(mnt(1_000))
    expect(await t.call('sheets.enter', { ssgId: g.ssg, heldOn: '2011-06-15', lines: [line(g.p[1]!, 'present'), line(g.p[0]!, 'present')] })).toMatchObject({ ok: false, error: { code: 'conflict', key: 'r.sheetEntered' } })
  })

  it('a meeting moved to an earlier day of the week still collects that week’s instalment, which is then not late', async () => {
    // DOR-1-A meets on Wednesdays; this week on Tuesday 2011-06-14, the day before the first instalment (2011-06-15).
    const s = await t.must('sheets.get', { ssgId: g.ssg, heldOn: '2011-06-14' })
    expect(s.lines.find((l) => l.personId === g.p[0])!.loan).toMatchObject({ dueMinor: mnt(3_100), overdueMinor: 0 })
    await t.must('sheets.enter', { ssgId: g.ssg, heldOn: '2011-06-14', lines: [line(g.p[1]!, 'present', 1_000), line(g.p[0]!, 'present', 1_000, 3_100)] })
    expect((await t.must('loans.get', { id: loanId, on: '2011-06-16' })).loan).toMatchObject({ overdueMinor: 0, daysInArrears: 0 })
  })

  it('a meeting moved to a later day of the week moves that week’s due date (DOMAIN.md); an extra meeting beside the usual one moves nothing', async () => {
    // Wednesday 2011-06-15 is the first due date; the group meets on Friday the 17th instead.
    expect((await t.must('portfolio.quality', { on: '2011-06-17' })).rows[0]!.par1.ratio).toBe(1)
    await t.must('sheets.enter', { ssgId: g.ssg, heldOn: '2011-06-17', lines: [line(g.p[1]!, 'present', 1_000), line(g.p[0]!, 'present', 1_000, 3_100)] })
    const loan = await t.must('loans.get', { id: loanId, on: '2011-06-17' })
    expect(loan.schedule.slice(0, 2).map((i) => i.dueOn)).toEqual(['2011-06-17', '2011-06-22'])
    expect(loan.loan).toMatchObject({ overdueMinor: 0, daysInArrears: 0 })
    // The day before the meeting nothing was late yet, and the instalment was paid by its (moved) due date.
    const before = (await t.must('portfolio.quality', { on: '2011-06-16' })).rows[0]!
    expect(before.par1.ratio).toBe(0)
    expect((await t.must('portfolio.quality', { on: '2011-06-17' })).rows[0]!.onTime).toMatchObject({ numeratorMinor: mnt(3_100), denominatorMinor: mnt(3_100) })
    // The week after: the usual Wednesday meeting and an extra one on Friday; the due date stays on Wednesday.
    await t.must('sheets.enter', { ssgId: g.ssg, heldOn: '2011-06-22', lines: [line(g.p[1]!, 'present', 1_000), line(g.p[0]!, 'present', 1_000)] })
    await t.must('meetings.record', { groupType: 'ssg', groupId: g.ssg, heldOn: '2011-06-24', attendance: g.p.map((personId) => ({ personId, status: 'present' as const })) })
    expect((await t.must('loans.get', { id: loanId, on: '2011-06-24' })).loan).toMatchObject({ daysInArrears: 2, overdueMinor: mnt(3_100) })
    expect(await t.count('instalment_due_move')).toBe(1)
  })

  it('names the row that cannot be taken and writes nothing of the sheet', async () => {
    const meetings = await t.count('group_meeting')
    expect(await t.call('sheets.enter', { ssgId: g.ssg, heldOn: '2011-06-15', lines: [line(g.p[1]!, 'present', 1_000, 100), line(g.p[0]!, 'present', 1_000, 3_100)] })).toMatchObject({
      ok: false,
      error: { field: 'lines.0.repaymentMinor', key: 'r.sheetNoLoan' },
    })
    expect(await t.call('sheets.enter', { ssgId: g.ssg, heldOn: '2011-06-15', lines: [line(g.p[1]!, 'present'), line(g.p[0]!, 'present', 0, 0, 0, 1)] })).toMatchObject({
      ok: false,
      error: { field: 'lines.1.withdrawalMinor', key: 'r.savingsBelowZero' },
    })
    expect(await t.call('sheets.enter', { ssgId: g.ssg, heldOn: '2011-06-15', lines: [line(g.p[0]!, 'present', 1_000, 40_000)] })).toMatchObject({ ok: false, error: { key: 'r.sheetMissing' } })
    expect(await t.count('group_meeting')).toBe(meetings)
    expect(await t.count('savings_entry')).toBe(24)
  })
})
