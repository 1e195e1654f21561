import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DORNOGOVI, testBackend, type TestBackend } from '../helpers/backend'

/* A CBO: its registration, its unified meetings of all its area's groups, its leaders and charter. On both engines; today is 2026-11-26. */
let t: TestBackend
let dor: number
let lsg1: number
let lsg2: number
let p: number[]
let cbo: number

beforeEach(async () => {
  t = await testBackend()
  dor = (await t.must('branches.create', DORNOGOVI)).id
  lsg1 = (await t.must('lsgs.create', { branchId: dor, code: 'DOR-1', name: 'Сайншанд-1', formedOn: '2007-06-10', projectYear: 1, meetingWeek: 1, meetingWeekday: 2 })).id
  lsg2 = (await t.must('lsgs.create', { branchId: dor, code: 'DOR-2', name: 'Сайншанд-2', formedOn: '2008-04-01', projectYear: 2, meetingWeek: 2, meetingWeekday: 2 })).id
  const a = (await t.must('ssgs.create', { lsgId: lsg1, code: 'DOR-1-A', name: 'Нарлаг', formedOn: '2007-06-17', meetingWeekday: 3 })).id
  const b = (await t.must('ssgs.create', { lsgId: lsg2, code: 'DOR-2-A', name: 'Цэцэг', formedOn: '2008-04-07', meetingWeekday: 3 })).id
  p = []
  for (const name of ['Сарангэрэл', 'Оюунчимэг', 'Болормаа']) {
    const h = await t.must('households.create', { branchId: dor, singleWomanHeaded: true, childrenCount: 2, areaCode: 'dornogovi', registeredOn: '2007-06-01' })
    p.push((await t.must('persons.create', { patronymic: 'Бат', givenName: name, gender: 'female', branchId: dor, householdId: h.id })).id)
  }
  await t.must('roster.join', { ssgId: a, personId: p[0]!, joinedOn: '2007-07-01' })
  await t.must('roster.join', { ssgId: a, personId: p[1]!, joinedOn: '2007-07-01' })
  await t.must('roster.join', { ssgId: b, personId: p[2]!, joinedOn: '2008-04-10' })
  cbo = (await t.must('cbos.create', { branchId: dor, name: 'Дорноговийн холбоо', foundedOn: '2009-10-15' })).id
})
afterEach(() => t.close())

describe('CBO', () => {
  it('has every member of its area’s large groups on a unified meeting’s sheet; no rule, so nothing expected or missed', async () => {
    expect((await t.must('meetings.sheet', { groupType: 'cbo', groupId: cbo, heldOn: '2009-10-15' })).map((m) => m.name)).toEqual(['Б. Болормаа', 'Б. Оюунчимэг', 'Б. Сарангэрэл'])
    expect(await t.call('meetings.record', { groupType: 'cbo', groupId: cbo, heldOn: '2009-10-14', attendance: [] })).toMatchObject({ ok: false, error: { field: 'heldOn', key: 'r.beforeGroup' } })
    const m = await t.must('meetings.record', {
      groupType: 'cbo',
      groupId: cbo,
      heldOn: '2009-10-15',
      attendance: [
        { personId: p[0]!, status: 'present' },
        { personId: p[1]!, status: 'absent' },
        { personId: p[2]!, status: 'late' },
      ],
      decisions: 'Холбоо байгуулж, дүрмээ батлав.',
    })
    const list = await t.must('meetings.list', { groupType: 'cbo', groupId: cbo })
    expect(list).toMatchObject({ hasRule: false, held: 1, expected: 0, missed: [] })
    expect(list.attendance.rate).toBeCloseTo(2 / 3, 10)
    const d = await t.must('cbos.get', { id: cbo })
    expect(d).toMatchObject({ members: 3, families: 3, foundingMeeting: { id: m.id, heldOn: '2009-10-15' } })
    expect(d.lsgs.map((l) => l.code)).toEqual(['DOR-1', 'DOR-2'])
  })

  it('elects its chairman and treasurer from the members of the area’s groups; a representative is no CBO office', async () => {
    const m = await t.must('meetings.record', { groupType: 'cbo', groupId: cbo, heldOn: '2009-10-15', attendance: p.map((personId) => ({ personId, status: 'present' as const })) })
    expect(await t.call('offices.elect', { meetingId: m.id, office: 'representative', personId: p[0]! })).toMatchObject({ ok: false, error: { field: 'office', key: 'r.officeOfCbo' } })
    await t.must('offices.elect', { meetingId: m.id, office: 'chair', personId: p[2]! })
    await t.must('offices.elect', { meetingId: m.id, office: 'treasurer', personId: p[0]! })
    const o = await t.must('offices.ofGroup', { groupType: 'cbo', groupId: cbo })
    expect(o.offices).toEqual(['chair', 'treasurer'])
    expect(o.current.map((x) => [x.office, x.name])).toEqual([['chair', 'Б. Болормаа'], ['treasurer', 'Б. Сарангэрэл']])
    // Last elected 2009-10-15: long overdue today.
    expect(o.overdue).toBe(true)
    expect((await t.must('offices.ofPerson', { personId: p[2]! }))[0]).toMatchObject({ groupType: 'cbo', groupCode: 'Дорноговийн холбоо', office: 'chair' })
    // Its charter, adopted at that meeting, clause by clause.
    const clauses = { goals: 'Амьжиргаа', membership: 'Бүх гишүүд', governance: 'Жил бүр сонгоно', funds: 'Хөгжлийн сан', reporting: 'Жил бүр' }
    expect(await t.call('documents.adopt', { meetingId: m.id, clauses: { ...clauses, reporting: ' ' } })).toMatchObject({ ok: false, error: { field: 'clauses.reporting', key: 'r.clauseEmpty' } })
    expect(await t.call('documents.adopt', { meetingId: m.id, clauses: { ...clauses, election: 'x' } })).toMatchObject({ ok: false, error: { field: 'clauses.election', key: 'r.notClause' } })
    expect(await t.must('documents.adopt', { meetingId: m.id, clauses })).toMatchObject({ groupType: 'cbo', version: 1, adoptedOn: '2009-10-15', weeklySavingsMinor: null })
  })

  it('records the state registration with its date: both or neither, not before the founding; changes keep the founding on or before its first meeting', async () => {
    let c = (await t.must('cbos.get', { id: cbo })).cbo
    expect(c).toMatchObject({ registrationNumber: null, registeredOn: null, version: 1 })
    const base = { branchId: dor, name: c.name, foundedOn: c.foundedOn }
    expect(await t.call('cbos.update', { id: cbo, version: 1, cbo: { ...base, registrationNumber: '9011223' } })).toMatchObject({ ok: false, error: { field: 'cbo.registeredOn', key: 'v.withRegNumber' } })
    expect(await t.call('cbos.update', { id: cbo, version: 1, cbo: { ...base, registrationNumber: '9011223', registeredOn: '2009-10-01' } })).toMatchObject({ ok: false, error: { field: 'registeredOn', key: 'r.registeredBeforeFounded' } })
    c = await t.must('cbos.update', { id: cbo, version: 1, cbo: { ...base, registrationNumber: '9011223', registeredOn: '2010-03-02' } })
    expect(c).toMatchObject({ registrationNumber: '9011223', registeredOn: '2010-03-02', version: 2 })
    // Someone else's stale copy is refused.
    expect(await t.call('cbos.update', { id: cbo, version: 1, cbo: { ...base, name: 'Өөр нэр' } })).toMatchObject({ ok: false, error: { code: 'conflict', key: 'r.changed.cbo' } })
    await t.must('meetings.record', { groupType: 'cbo', groupId: cbo, heldOn: '2009-10-15', attendance: p.map((personId) => ({ personId, status: 'present' as const })) })
    expect(await t.call('cbos.update', { id: cbo, version: 2, cbo: { ...base, foundedOn: '2009-11-01', registrationNumber: '9011223', registeredOn: '2010-03-02' } })).toMatchObject({
      ok: false,
      error: { field: 'foundedOn', key: 'r.afterFirstMeeting' },
    })
    expect(await t.call('cbos.update', { id: cbo, version: 2, cbo: { ...base, branchId: dor + 1000 } })).toMatchObject({ ok: false, error: { field: 'branchId' } })
    expect((await t.must('groups.tree', {}))[0]!.cbo).toMatchObject({ registrationNumber: '9011223' })
  })

  it('shows in the groups register with its registration, leaders and charter', async () => {
    await t.must('cbos.update', { id: cbo, version: 1, cbo: { branchId: dor, name: 'Дорноговийн холбоо', foundedOn: '2009-10-15', registrationNumber: '9011223', registeredOn: '2010-03-02' } })
    const m = await t.must('meetings.record', { groupType: 'cbo', groupId: cbo, heldOn: '2009-10-15', attendance: p.map((personId) => ({ personId, status: 'present' as const })) })
    await t.must('offices.elect', { meetingId: m.id, office: 'chair', personId: p[1]! })
    const { readXlsx, rowLabelled } = await import('../helpers/files')
    const sheet = async (year: number) => {
      const file = await t.must('reports.generate', { report: 'groups', format: 'xlsx', lang: 'en', year })
      return rowLabelled((await readXlsx(Buffer.from(file.base64, 'base64'))).getWorksheet('CBOs')!, 'Dornogovi')
    }
    // At the end of 2009: founded, not yet registered, its chairman elected, no charter.
    let row = await sheet(2009)
    expect([2, 4, 6, 7, 9].map((c) => row.getCell(c).value ?? null)).toEqual(['Дорноговийн холбоо', null, 'Б. Оюунчимэг', null, 'none adopted'])
    row = await sheet(2010)
    expect(row.getCell(4).value).toBe('9011223')
  })
})
