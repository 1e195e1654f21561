import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DORNOGOVI, testBackend, type TestBackend } from '../helpers/backend'

/* Group members' savings with exact tögrög: compulsory due from the rules and the meetings, withdrawals, reversals. On both engines; today is 2026-11-26. */
let t: TestBackend
let lsg: number
let ssg: number
let p: number[]
const mnt = (tg: number) => tg * 100

beforeEach(async () => {
  t = await testBackend()
  const dor = (await t.must('branches.create', DORNOGOVI)).id
  lsg = (await t.must('lsgs.create', { branchId: dor, code: 'DOR-1', name: 'Сайншанд-1', formedOn: '2007-06-10', projectYear: 1, meetingWeek: 1, meetingWeekday: 2 })).id
  ssg = (await t.must('ssgs.create', { lsgId: lsg, code: 'DOR-1-A', name: 'Нарлаг', formedOn: '2007-06-17', meetingWeekday: 3 })).id
  p = []
  for (const name of ['Сарангэрэл', 'Оюунчимэг']) {
    const h = await t.must('households.create', { branchId: dor, singleWomanHeaded: true, childrenCount: 2, areaCode: 'dornogovi', registeredOn: '2007-06-01' })
    p.push((await t.must('persons.create', { patronymic: 'Бат', givenName: name, gender: 'female', branchId: dor, householdId: h.id })).id)
    await t.must('roster.join', { ssgId: ssg, personId: p.at(-1)!, joinedOn: '2007-07-01' })
  }
  // Weekly meetings on Wednesdays; the rules (1,000 ₮ a week) adopted at the first; the second's rules raise it to 1,500 ₮ from 07-18.
  const meet = (heldOn: string) => t.must('meetings.record', { groupType: 'ssg', groupId: ssg, heldOn, attendance: p.map((personId) => ({ personId, status: 'present' as const })) })
  const clauses = { meetings: 'a', savings: 'b', loans: 'c', mutualHelp: 'd', sanctions: 'e' }
  const m1 = await meet('2007-07-04')
  await t.must('documents.adopt', { meetingId: m1.id, clauses, weeklySavingsMinor: mnt(1_000) })
  await meet('2007-07-11')
  const m3 = await meet('2007-07-18')
  await t.must('documents.adopt', { meetingId: m3.id, clauses, weeklySavingsMinor: mnt(1_500) })
})
afterEach(() => t.close())

const deposit = (personId: number, entryOn: string, tg: number, account: 'compulsory' | 'voluntary' = 'compulsory') =>
  t.call('savings.record', { personId, account, kind: 'deposit', entryOn, amountMinor: mnt(tg) })

describe('savings', () => {
  it('owes the weekly amount of the rules in force at each meeting since she joined; arrears are due − paid', async () => {
    await deposit(p[0]!, '2007-07-04', 1_000)
    await deposit(p[0]!, '2007-07-11', 1_000)
    await deposit(p[0]!, '2007-07-18', 1_000)
    await deposit(p[0]!, '2007-07-18', 5_000, 'voluntary')
    const s = await t.must('savings.ofPerson', { personId: p[0]! })
    // Due: 1,000 + 1,000 + 1,500 = 3,500; paid 3,000; arrears 500.
    expect(s.compulsory).toEqual({ weeklyMinor: mnt(1_500), meetings: 3, dueMinor: mnt(3_500), paidMinor: mnt(3_000), arrearsMinor: mnt(500) })
    expect(s.balances).toEqual({ compulsory: mnt(3_000), voluntary: mnt(5_000) })
    expect(s.entries.map((e) => [e.account, e.amountMinor / 100, e.balanceAfterMinor / 100, e.ssgCode, e.meetingId !== null])).toEqual([
      ['compulsory', 1_000, 1_000, 'DOR-1-A', true],
      ['compulsory', 1_000, 2_000, 'DOR-1-A', true],
      ['compulsory', 1_000, 3_000, 'DOR-1-A', true],
      ['voluntary', 5_000, 5_000, 'DOR-1-A', true],
    ])
    // On a past date: two meetings due, 2,000 paid.
    expect((await t.must('savings.ofPerson', { personId: p[0]!, on: '2007-07-11' })).compulsory).toMatchObject({ dueMinor: mnt(2_000), paidMinor: mnt(2_000), arrearsMinor: 0, weeklyMinor: mnt(1_000) })
    const group = await t.must('savings.ofSsg', { ssgId: ssg })
    expect(group.rows.map((r) => [r.name, r.compulsoryMinor / 100, r.voluntaryMinor / 100, r.arrearsMinor / 100])).toEqual([
      ['Б. Оюунчимэг', 0, 0, 3_500],
      ['Б. Сарангэрэл', 3_000, 5_000, 500],
    ])
    expect(group.totals).toEqual({ compulsoryMinor: mnt(3_000), voluntaryMinor: mnt(5_000), dueMinor: mnt(7_000), arrearsMinor: mnt(4_000) })
  })

  it('withdraws voluntary savings any time but never below zero, also not below zero later; compulsory only on leaving or by a decision', async () => {
    await deposit(p[0]!, '2007-07-04', 1_000)
    await deposit(p[0]!, '2007-07-04', 4_000, 'voluntary')
    const take = (account: 'compulsory' | 'voluntary', entryOn: string, tg: number, lsgMeetingId?: number) =>
      t.call('savings.record', { personId: p[0]!, account, kind: 'withdrawal', entryOn, amountMinor: mnt(tg), lsgMeetingId })
    expect(await take('voluntary', '2007-07-11', 4_001)).toMatchObject({ ok: false, error: { field: 'amountMinor', key: 'r.savingsBelowZero', vars: { balance: '4 000 ₮' } } })
    expect(await take('voluntary', '2007-07-11', 3_000)).toMatchObject({ ok: true })
    // Back-dated before the deposit: the balance that day is 0.
    expect(await take('voluntary', '2007-07-03', 500)).toMatchObject({ ok: false, error: { key: 'r.savingsBelowZero', vars: { balance: '0 ₮' } } })
    // 4,000 in on 07-04 and 3,000 out on 07-11 leaves 1,000: 1,500 out on 07-05 would take the later balance below zero.
    expect(await take('voluntary', '2007-07-05', 1_500)).toMatchObject({ ok: false, error: { key: 'r.savingsBelowZero', vars: { balance: '1 000 ₮' } } })
    expect(await take('compulsory', '2007-07-11', 500)).toMatchObject({ ok: false, error: { field: 'lsgMeetingId', key: 'r.compulsoryLocked' } })
    const decision = await t.must('meetings.record', { groupType: 'lsg', groupId: lsg, heldOn: '2007-08-07', attendance: p.map((personId) => ({ personId, status: 'present' as const })) })
    expect(await take('compulsory', '2007-08-01', 500, decision.id)).toMatchObject({ ok: false, error: { field: 'lsgMeetingId', key: 'r.decisionMeeting' } })
    expect(await take('compulsory', '2007-08-08', 500, decision.id)).toMatchObject({ ok: true })
    // She leaves: her compulsory savings are hers to take, all of them, and no more.
    const period = (await t.must('roster.ofPerson', { personId: p[0]! }))[0]!
    await t.must('roster.leave', { id: period.id, leftOn: '2008-01-10', reason: 'Нүүсэн' })
    expect(await take('compulsory', '2008-01-10', 501)).toMatchObject({ ok: false, error: { key: 'r.savingsBelowZero' } })
    expect(await take('compulsory', '2008-01-10', 500)).toMatchObject({ ok: true })
    expect(await deposit(p[0]!, '2008-01-15', 100)).toMatchObject({ ok: false, error: { key: 'r.savingsNotMember' } })
    expect((await t.must('savings.ofPerson', { personId: p[0]! })).balances).toEqual({ compulsory: 0, voluntary: mnt(1_000) })
  })

  it('reverses a mistaken entry by its exact negative on its date, once, with the reason; never changes an entry', async () => {
    const wrong = await t.must('savings.record', { personId: p[1]!, account: 'compulsory', kind: 'deposit', entryOn: '2007-07-04', amountMinor: mnt(10_000) })
    await deposit(p[1]!, '2007-07-04', 1_000)
    expect(await t.call('savings.reverse', { id: wrong.id, reason: ' ' })).toMatchObject({ ok: false, error: { field: 'reason' } })
    const r = await t.must('savings.reverse', { id: wrong.id, reason: '1 000 ₮ байх ёстой, 10 000 гэж бичсэн' })
    expect(r).toMatchObject({ kind: 'reversal', amountMinor: -mnt(10_000), entryOn: '2007-07-04', reversesId: wrong.id })
    expect(await t.call('savings.reverse', { id: wrong.id, reason: 'дахин' })).toMatchObject({ ok: false, error: { code: 'conflict', key: 'r.alreadyReversed' } })
    expect(await t.call('savings.reverse', { id: r.id, reason: 'буцаалтыг буцаах' })).toMatchObject({ ok: false, error: { key: 'r.reverseReversal' } })
    const s = await t.must('savings.ofPerson', { personId: p[1]! })
    expect(s.compulsory).toMatchObject({ paidMinor: mnt(1_000), arrearsMinor: mnt(2_500) })
    expect(s.entries.find((e) => e.id === wrong.id)!.reversedById).toBe(r.id)
    // A deposit that a later withdrawal used is reversed only after that withdrawal.
    await deposit(p[1]!, '2007-07-11', 2_000, 'voluntary')
    const dep = (await t.must('savings.ofPerson', { personId: p[1]! })).entries.at(-1)!
    await t.must('savings.record', { personId: p[1]!, account: 'voluntary', kind: 'withdrawal', entryOn: '2007-07-18', amountMinor: mnt(2_000) })
    expect(await t.call('savings.reverse', { id: dep.id, reason: 'алдаа' })).toMatchObject({ ok: false, error: { key: 'r.reversalBelowZero' } })
    await expect(t.backend.db!.write((_tx, sql) => sql.run(`UPDATE savings_entry SET amount_minor = 1 WHERE id = :id`, { id: wrong.id }))).rejects.toThrow(/appended/)
  })
})
