import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DORNOGOVI, ORKHON, testBackend, type TestBackend } from '../helpers/backend'
import { translate, type MessageKey } from '../../src/shared/i18n'

/* Self-help groups: the structure, and members as periods (join, leave, move). On both engines; today is 2026-11-26. */
let t: TestBackend
let dor: number
let ork: number

beforeEach(async () => {
  t = await testBackend()
  dor = (await t.must('branches.create', DORNOGOVI)).id
  ork = (await t.must('branches.create', ORKHON)).id
})
afterEach(() => t.close())

/** A household of the area with its persons (the first is the mother). */
async function family(branchId: number, names: string[], swh = true) {
  const h = await t.must('households.create', { branchId, singleWomanHeaded: swh, childrenCount: names.length - 1, areaCode: branchId === dor ? 'dornogovi' : 'orkhon', registeredOn: '2007-06-01' })
  const persons = []
  for (const [i, givenName] of names.entries()) {
    persons.push(await t.must('persons.create', { patronymic: 'Бат', givenName, gender: i === 0 ? 'female' : 'male', branchId, householdId: h.id }))
  }
  return { household: h, persons }
}

const lsg = (over: Record<string, unknown> = {}) => ({ branchId: dor, code: 'DOR-1', name: 'Сайншанд-1', formedOn: '2007-06-10', projectYear: 1, meetingWeek: 1, meetingWeekday: 2, ...over })

describe('the structure', () => {
  it('lists the project areas with their CBO, large groups and counts; refuses a non-project area and a second CBO', async () => {
    const other = await t.must('branches.create', { code: 'ARK', nameMn: 'Архангай', nameEn: 'Arkhangai', areaCode: 'arkhangai', isProjectBranch: false })
    expect(await t.call('lsgs.create', lsg({ branchId: other.id }))).toMatchObject({ ok: false, error: { field: 'branchId', key: 'r.notProjectArea' } })
    const l = await t.must('lsgs.create', lsg())
    expect(await t.call('lsgs.create', lsg({ name: 'Өөр' }))).toMatchObject({ ok: false, error: { field: 'code', key: 'r.codeUsed' } })
    expect(await t.call('lsgs.create', lsg({ code: 'DOR-2', formedOn: '2027-01-01' }))).toMatchObject({ ok: false, error: { field: 'formedOn', key: 'r.notFuture' } })
    const s = await t.must('ssgs.create', { lsgId: l.id, code: 'DOR-1-A', name: 'Нарлаг', formedOn: '2007-06-17', meetingWeekday: 3 })
    expect(await t.call('ssgs.create', { lsgId: l.id, code: 'DOR-1-B', name: 'Өмнө', formedOn: '2007-06-01', meetingWeekday: 3 })).toMatchObject({ ok: false, error: { field: 'formedOn', key: 'r.beforeLsg' } })
    const cbo = await t.must('cbos.create', { branchId: dor, name: 'Дорноговийн ОНББ', foundedOn: '2009-09-01' })
    expect(await t.call('cbos.create', { branchId: dor, name: 'Дахин', foundedOn: '2009-09-02' })).toMatchObject({ ok: false, error: { code: 'conflict', key: 'r.cboExists' } })
    const tree = await t.must('groups.tree', {})
    expect(tree.map((a) => [a.branchName.mn, a.cbo?.name ?? null, a.lsgs.map((x) => [x.code, x.ssgs, x.families])])).toEqual([
      ['Дорноговь', cbo.name, [['DOR-1', 1, 0]]],
      ['Орхон', null, []],
    ])
    expect(s).toMatchObject({ members: 0, flags: [{ code: 'ssg_small' }] })
  })
})

describe('members as periods', () => {
  it('join, move within the large group and leave: each period kept, counts on any date', async () => {
    const l = await t.must('lsgs.create', lsg())
    const a = await t.must('ssgs.create', { lsgId: l.id, code: 'DOR-1-A', name: 'Нарлаг', formedOn: '2007-06-17', meetingWeekday: 3 })
    const b = await t.must('ssgs.create', { lsgId: l.id, code: 'DOR-1-B', name: 'Цэцэг', formedOn: '2007-06-17', meetingWeekday: 4 })
    const f1 = await family(dor, ['Сарангэрэл', 'Бат-Эрдэнэ', 'Тэмүүлэн'])
    const f2 = await family(dor, ['Оюун', 'Ганбат'], false)
    const m1 = await t.must('roster.join', { ssgId: a.id, personId: f1.persons[0]!.id, joinedOn: '2007-07-01' })
    await t.must('roster.join', { ssgId: a.id, personId: f2.persons[0]!.id, joinedOn: '2007-07-01' })
    // One small group at a time.
    expect(await t.call('roster.join', { ssgId: b.id, personId: f1.persons[0]!.id, joinedOn: '2008-01-01' })).toMatchObject({ ok: false, error: { code: 'conflict', key: 'r.inOtherSsg', vars: { code: 'DOR-1-A' } } })
    const moved = await t.must('roster.move', { id: m1.id, toSsgId: b.id, movedOn: '2008-03-05' })
    expect(moved).toMatchObject({ ssgCode: 'DOR-1-B', joinedOn: '2008-03-05', leftOn: null })
    const history = await t.must('roster.ofPerson', { personId: f1.persons[0]!.id })
    expect(history.map((p) => [p.ssgCode, p.joinedOn, p.leftOn, p.leftReason, p.movedToSsgCode])).toEqual([
      ['DOR-1-B', '2008-03-05', null, null, null],
      ['DOR-1-A', '2007-07-01', '2008-03-05', 'moved', 'DOR-1-B'],
    ])
    const ssgA = await t.must('ssgs.get', { id: a.id })
    expect(ssgA.members.map((m) => m.personName)).toEqual(['Б. Оюун'])
    expect(ssgA.past.map((m) => [m.personName, m.leftReason])).toEqual([['Б. Сарангэрэл', 'moved']])
    // The large group counts families and their persons: 2 families, 5 persons, 1 single-woman-headed.
    expect((await t.must('lsgs.get', { id: l.id })).lsg).toMatchObject({ families: 2, persons: 5, singleWomanHeaded: 1, flags: [{ code: 'lsg_small' }] })
    // On a date before anyone joined, nobody; and before the move she counted in A.
    expect((await t.must('groups.tree', { on: '2007-06-30' }))[0]!.lsgs[0]).toMatchObject({ families: 0, persons: 0 })
    const leave = await t.must('roster.leave', { id: moved.id, leftOn: '2010-05-01', reason: 'Нүүсэн' })
    expect(leave).toMatchObject({ leftOn: '2010-05-01', leftReason: 'Нүүсэн' })
    expect(await t.call('roster.leave', { id: moved.id, leftOn: '2010-06-01', reason: 'Дахин' })).toMatchObject({ ok: false, error: { key: 'r.periodEnded' } })
    expect(await t.call('roster.leave', { id: (await t.must('roster.join', { ssgId: a.id, personId: f1.persons[1]!.id, joinedOn: '2010-06-01' })).id, leftOn: '2010-06-01', reason: 'x' })).toMatchObject({ ok: false, error: { field: 'leftOn', key: 'r.afterJoined' } })
    expect((await t.must('lsgs.get', { id: l.id })).lsg).toMatchObject({ families: 2 })
  })

  it('refuses a person of another area or without a household, naming why; warns of a second member of a household', async () => {
    const l = await t.must('lsgs.create', lsg())
    const a = await t.must('ssgs.create', { lsgId: l.id, code: 'DOR-1-A', name: 'Нарлаг', formedOn: '2007-06-17', meetingWeekday: 3 })
    const orkhon = await family(ork, ['Цэцэгмаа'])
    const away = await t.call('roster.join', { ssgId: a.id, personId: orkhon.persons[0]!.id, joinedOn: '2008-01-01' })
    expect(away).toMatchObject({ ok: false, error: { field: 'personId', key: 'r.otherArea' } })
    if (!away.ok) expect(translate('mn', away.error.key as MessageKey, away.error.vars)).toBe('өөр бүсийн (Орхон) өрхийн хүн: бүлэг зөвхөн өөрийн бүсийн өрхүүдийг хамруулна')
    const alone = await t.must('persons.create', { patronymic: 'Бат', givenName: 'Ганаа', gender: 'female', branchId: dor })
    expect(await t.call('roster.join', { ssgId: a.id, personId: alone.id, joinedOn: '2008-01-01' })).toMatchObject({ ok: false, error: { key: 'r.noHousehold' } })
    expect(await t.call('roster.join', { ssgId: a.id, personId: orkhon.persons[0]!.id, joinedOn: '2007-01-01' })).toMatchObject({ ok: false, error: { field: 'joinedOn' } })
    const f = await family(dor, ['Сарнай', 'Номин'])
    await t.must('roster.join', { ssgId: a.id, personId: f.persons[0]!.id, joinedOn: '2008-01-01' })
    const candidates = await t.must('roster.candidates', { ssgId: a.id, on: '2008-02-01', query: '' })
    expect(candidates.map((c) => [c.name, c.householdInGroup])).toEqual([['Б. Номин', true]])
    expect(await t.count('group_member')).toBe(1)
    // A person who has been in a group is not deleted; her household neither.
    const p = await t.must('persons.get', { id: f.persons[0]!.id })
    expect(await t.call('persons.delete', { id: p.person.id, version: p.person.version })).toMatchObject({ ok: false, error: { key: 'r.personInGroup' } })
  })
})
