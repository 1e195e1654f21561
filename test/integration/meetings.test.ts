import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DORNOGOVI, testBackend, type TestBackend } from '../helpers/backend'

/* Meetings, attendance and office holders of the groups, with exact numbers. On both engines; today is 2026-11-26. */
let t: TestBackend
let lsg: number
let a: number
let b: number
let p: number[]

beforeEach(async () => {
  t = await testBackend()
  const dor = (await t.must('branches.create', DORNOGOVI)).id
  lsg = (await t.must('lsgs.create', { branchId: dor, code: 'DOR-1', name: 'Сайншанд-1', formedOn: '2007-06-10', projectYear: 1, meetingWeek: 1, meetingWeekday: 2 })).id
  a = (await t.must('ssgs.create', { lsgId: lsg, code: 'DOR-1-A', name: 'Нарлаг', formedOn: '2007-06-17', meetingWeekday: 3 })).id
  b = (await t.must('ssgs.create', { lsgId: lsg, code: 'DOR-1-B', name: 'Цэцэг', formedOn: '2007-06-17', meetingWeekday: 3 })).id
  p = []
  for (const name of ['Сарангэрэл', 'Оюунчимэг', 'Болормаа', 'Ганчимэг']) {
    const h = await t.must('households.create', { branchId: dor, singleWomanHeaded: true, childrenCount: 2, areaCode: 'dornogovi', registeredOn: '2007-06-01' })
    const person = await t.must('persons.create', { patronymic: 'Бат', givenName: name, gender: 'female', branchId: dor, householdId: h.id })
    p.push(person.id)
  }
  for (const id of p.slice(0, 3)) await t.must('roster.join', { ssgId: a, personId: id, joinedOn: '2007-07-01' })
  await t.must('roster.join', { ssgId: b, personId: p[3]!, joinedOn: '2007-07-01' })
})
afterEach(() => t.close())

const sheet = (statuses: string[]) => statuses.map((status, i) => ({ personId: p[i]!, status: status as 'present' }))

describe('meetings', () => {
  it('pools attendance over member-meetings, not an average of meetings', async () => {
    // Meeting 1: 3 members, 1 present → 33%. Meeting 2 (after Ганчимэг... no: 3 members) 3 present → 100%.
    await t.must('meetings.record', { groupType: 'ssg', groupId: a, heldOn: '2007-07-04', attendance: sheet(['present', 'absent', 'excused']) })
    await t.must('meetings.record', { groupType: 'ssg', groupId: a, heldOn: '2007-07-11', attendance: sheet(['present', 'late', 'represented']) })
    const m = await t.must('meetings.list', { groupType: 'ssg', groupId: a })
    expect(m.attendance).toEqual({ present: 2, late: 1, represented: 1, excused: 1, absent: 1, memberMeetings: 6, rate: 0.5 })
    expect(m.held).toBe(2)
    // Weekly on Wednesday from 2007-06-17: the weeks of 06-20 and 06-27 were missed among the first expected.
    expect(m.missed.slice(-2)).toEqual(['2007-06-27', '2007-06-20'])
    expect(m.expected - m.held).toBe(m.missed.length)
  })

  it('takes every member on the sheet and nobody else; refuses a second meeting on the day', async () => {
    expect(await t.call('meetings.record', { groupType: 'ssg', groupId: a, heldOn: '2007-07-04', attendance: sheet(['present', 'present']) })).toMatchObject({ ok: false, error: { key: 'r.sheetMissing', vars: { name: 'Б. Болормаа' } } })
    expect(await t.call('meetings.record', { groupType: 'ssg', groupId: a, heldOn: '2007-07-04', attendance: sheet(['present', 'present', 'present', 'present']) })).toMatchObject({ ok: false, error: { field: 'attendance.3.personId', key: 'r.sheetStranger' } })
    await t.must('meetings.record', { groupType: 'ssg', groupId: a, heldOn: '2007-07-04', attendance: sheet(['present', 'present', 'present']) })
    expect(await t.call('meetings.record', { groupType: 'ssg', groupId: a, heldOn: '2007-07-04', attendance: sheet(['present', 'present', 'present']) })).toMatchObject({ ok: false, error: { code: 'conflict', key: 'r.meetingExists' } })
    // A large group's meeting lists the members of all its small groups.
    expect((await t.must('meetings.sheet', { groupType: 'lsg', groupId: lsg, heldOn: '2007-07-03' })).length).toBe(4)
    expect(await t.count('group_meeting')).toBe(1)
  })

  it('locks a meeting once a later one is recorded: a change then needs the reason and is kept as a correction', async () => {
    const first = await t.must('meetings.record', { groupType: 'ssg', groupId: a, heldOn: '2007-07-04', attendance: sheet(['present', 'absent', 'present']) })
    // Not locked yet: changed in place, no correction kept.
    await t.must('meetings.correct', { id: first.id, attendance: sheet(['present', 'late', 'present']), minutes: null, decisions: null })
    await t.must('meetings.record', { groupType: 'ssg', groupId: a, heldOn: '2007-07-11', attendance: sheet(['present', 'present', 'present']) })
    expect((await t.must('meetings.get', { id: first.id })).meeting).toMatchObject({ locked: true, late: 1, corrections: 0 })
    expect(await t.call('meetings.correct', { id: first.id, attendance: sheet(['present', 'present', 'present']), minutes: null, decisions: null })).toMatchObject({ ok: false, error: { field: 'reason', key: 'r.lockedReason' } })
    await t.must('meetings.correct', { id: first.id, attendance: sheet(['present', 'excused', 'present']), minutes: null, decisions: null, reason: 'Өвчтэй байсан, чөлөө авсан' })
    const d = await t.must('meetings.get', { id: first.id })
    expect(d.corrections.map((c) => [c.field, c.oldValue, c.newValue, c.reason])).toEqual([['attendance:Б. Оюунчимэг', 'late', 'excused', 'Өвчтэй байсан, чөлөө авсан']])
    expect(d.meeting).toMatchObject({ excused: 1, late: 0, corrections: 1 })
  })
})

describe('office holders', () => {
  it('elects a member at a meeting; the term ends on leaving the group or at the next election; overdue after 12 months', async () => {
    const m1 = await t.must('meetings.record', { groupType: 'ssg', groupId: a, heldOn: '2007-07-04', attendance: sheet(['present', 'present', 'present']) })
    expect(await t.call('offices.elect', { meetingId: m1.id, office: 'chair', personId: p[0]! })).toMatchObject({ ok: false, error: { field: 'office', key: 'r.officeOfSsg' } })
    expect(await t.call('offices.elect', { meetingId: m1.id, office: 'representative', personId: p[3]! })).toMatchObject({ ok: false, error: { field: 'personId', key: 'r.officeNotMember' } })
    await t.must('offices.elect', { meetingId: m1.id, office: 'representative', personId: p[1]! })
    let o = await t.must('offices.ofGroup', { groupType: 'ssg', groupId: a })
    expect(o.current.map((x) => [x.office, x.name, x.electedOn])).toEqual([['representative', 'Б. Оюунчимэг', '2007-07-04']])
    // She leaves the group: her term ends that day.
    const period = (await t.must('roster.ofPerson', { personId: p[1]! }))[0]!
    await t.must('roster.leave', { id: period.id, leftOn: '2008-02-01', reason: 'Нүүсэн' })
    o = await t.must('offices.ofGroup', { groupType: 'ssg', groupId: a })
    expect(o.current).toEqual([])
    expect(o.history.map((x) => [x.name, x.until, x.ended])).toEqual([['Б. Оюунчимэг', '2008-02-01', 'left_group']])
    // The next election: the earlier holder's term ends at it.
    const m2 = await t.must('meetings.record', { groupType: 'ssg', groupId: a, heldOn: '2008-07-02', attendance: [{ personId: p[0]!, status: 'present' }, { personId: p[2]!, status: 'present' }] })
    await t.must('offices.elect', { meetingId: m2.id, office: 'representative', personId: p[0]! })
    const m3 = await t.must('meetings.record', { groupType: 'ssg', groupId: a, heldOn: '2009-07-01', attendance: [{ personId: p[0]!, status: 'present' }, { personId: p[2]!, status: 'absent' }] })
    await t.must('offices.elect', { meetingId: m3.id, office: 'representative', personId: p[2]! })
    o = await t.must('offices.ofGroup', { groupType: 'ssg', groupId: a })
    expect(o.history.map((x) => [x.name, x.electedOn, x.until, x.ended])).toEqual([
      ['Б. Болормаа', '2009-07-01', null, null],
      ['Б. Сарангэрэл', '2008-07-02', '2009-07-01', 'next_election'],
      ['Б. Оюунчимэг', '2007-07-04', '2008-02-01', 'left_group'],
    ])
    // Last elected in 2009: overdue today.
    expect(o).toMatchObject({ lastElection: '2009-07-01', overdue: true })
    // Her page lists the offices she was elected to; the household page its members in groups.
    expect(await t.must('offices.ofPerson', { personId: p[0]! })).toEqual([{ office: 'representative', groupType: 'ssg', groupId: a, groupCode: 'DOR-1-A', electedOn: '2008-07-02' }])
    const household = (await t.must('persons.get', { id: p[1]! })).person.householdId!
    expect((await t.must('roster.ofHousehold', { householdId: household })).map((x) => [x.personName, x.ssgCode, x.leftOn])).toEqual([['Б. Оюунчимэг', 'DOR-1-A', '2008-02-01']])
  })
})

describe('the attendance and groups reports', () => {
  it('agree with the group pages: pooled rate, members below 80%, office holders', async () => {
    const { readXlsx, num, rowLabelled } = await import('../helpers/files')
    const m1 = await t.must('meetings.record', { groupType: 'ssg', groupId: a, heldOn: '2007-07-04', attendance: sheet(['present', 'absent', 'excused']) })
    await t.must('meetings.record', { groupType: 'ssg', groupId: a, heldOn: '2007-07-11', attendance: sheet(['present', 'late', 'represented']) })
    await t.must('offices.elect', { meetingId: m1.id, office: 'representative', personId: p[0]! })
    const file = await t.must('reports.generate', { report: 'attendance', format: 'xlsx', lang: 'mn', from: '2007-07-01', to: '2007-07-31' })
    const wb = await readXlsx(Buffer.from(file.base64, 'base64'))
    const ws = wb.getWorksheet('Бүлгээр')!
    const row = rowLabelled(ws, 'DOR-1-A')
    // Expected: the Wednesdays of July 2007 (4, 11, 18, 25); held 2; 6 member-meetings, 3 attended.
    expect([4, 5, 6, 7, 8, 9, 10, 11].map((c) => num(row.getCell(c)))).toEqual([4, 2, 6, 2, 1, 1, 1, 1])
    expect(num(row.getCell(12))).toBeCloseTo(0.5, 10)
    // Оюунчимэг (late, absent) and Болормаа (excused, represented) attended under 80%.
    expect(num(row.getCell(13))).toBe(2)
    const list = await t.must('meetings.list', { groupType: 'ssg', groupId: a })
    expect(list.attendance.rate).toBe(0.5)
    const groups = await t.must('reports.generate', { report: 'groups', format: 'xlsx', lang: 'en', year: 2007 })
    const gw = await readXlsx(Buffer.from(groups.base64, 'base64'))
    const ssgRow = rowLabelled(gw.getWorksheet('Small groups')!, 'Dornogovi')
    expect(ssgRow.getCell(3).value).toBe('DOR-1-A')
    expect(num(ssgRow.getCell(6))).toBe(3)
    expect(ssgRow.getCell(7).value).toBe('Б. Сарангэрэл')
    const pdf = await t.must('reports.generate', { report: 'attendance', format: 'pdf', lang: 'mn', year: 2007 })
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 4).toString()).toBe('%PDF')
  })
})

describe('the weekly sheets of a large group', () => {
  it("gives each small group's meeting day that week, what is recorded, and its sheet", async () => {
    await t.must('meetings.record', { groupType: 'ssg', groupId: a, heldOn: '2007-07-05', attendance: sheet(['present', 'present', 'present']) })
    const week = await t.must('meetings.week', { lsgId: lsg, weekOf: '2007-07-07' })
    expect(week.map((w) => [w.code, w.heldOn, w.recorded?.heldOn ?? null, w.members.map((m) => m.name)])).toEqual([
      ['DOR-1-A', '2007-07-04', '2007-07-05', ['Б. Болормаа', 'Б. Оюунчимэг', 'Б. Сарангэрэл']],
      ['DOR-1-B', '2007-07-04', null, ['Б. Ганчимэг']],
    ])
  })
})

describe('regulations and rules', () => {
  const lsgClauses = { election: 'Жил бүр', meetingTime: 'Сар бүрийн эхний Мягмар', participation: 'Заавал', discipline: 'Хоцрохгүй', sanctions: '500 ₮ торгууль', monitoring: 'Сар бүр', evaluation: 'Жил бүр', accounts: 'Улирал бүр' }
  const ssgClauses = { meetings: 'Лхагва бүр', savings: 'Долоо хоног бүр', loans: 'Бүлгийн шийдвэрээр', mutualHelp: 'Харилцан', sanctions: '200 ₮' }
  it('are versions adopted at a meeting; a small group’s rules need every member there and the weekly saving', async () => {
    const lsgMeeting = await t.must('meetings.record', { groupType: 'lsg', groupId: lsg, heldOn: '2007-07-03', attendance: sheet(['present', 'present', 'present', 'absent']) })
    expect(await t.call('documents.adopt', { meetingId: lsgMeeting.id, clauses: { ...lsgClauses, accounts: ' ' } })).toMatchObject({ ok: false, error: { field: 'clauses.accounts', key: 'r.clauseEmpty' } })
    expect(await t.call('documents.adopt', { meetingId: lsgMeeting.id, clauses: { ...lsgClauses, loans: 'x' } })).toMatchObject({ ok: false, error: { field: 'clauses.loans', key: 'r.notClause' } })
    const v1 = await t.must('documents.adopt', { meetingId: lsgMeeting.id, clauses: lsgClauses })
    expect(v1).toMatchObject({ version: 1, adoptedOn: '2007-07-03', weeklySavingsMinor: null })
    const away = await t.must('meetings.record', { groupType: 'ssg', groupId: a, heldOn: '2007-07-04', attendance: sheet(['present', 'excused', 'present']) })
    expect(await t.call('documents.adopt', { meetingId: away.id, clauses: ssgClauses, weeklySavingsMinor: 100_000 })).toMatchObject({ ok: false, error: { field: 'meetingId', key: 'r.rulesNotAll', vars: { name: 'Б. Оюунчимэг' } } })
    const all = await t.must('meetings.record', { groupType: 'ssg', groupId: a, heldOn: '2007-07-11', attendance: sheet(['present', 'late', 'present']) })
    expect(await t.call('documents.adopt', { meetingId: all.id, clauses: ssgClauses })).toMatchObject({ ok: false, error: { field: 'weeklySavingsMinor' } })
    await t.must('documents.adopt', { meetingId: all.id, clauses: ssgClauses, weeklySavingsMinor: 100_000 })
    const v2 = await t.must('documents.adopt', { meetingId: all.id, clauses: { ...ssgClauses, savings: 'Хоёр долоо хоног тутам' }, weeklySavingsMinor: 150_000 })
    expect((await t.must('documents.ofGroup', { groupType: 'ssg', groupId: a })).map((d) => [d.version, d.weeklySavingsMinor, d.clauses.savings])).toEqual([
      [2, 150_000, 'Хоёр долоо хоног тутам'],
      [1, 100_000, 'Долоо хоног бүр'],
    ])
    expect(v2.version).toBe(2)
  })
})
