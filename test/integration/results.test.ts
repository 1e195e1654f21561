import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DORNOGOVI, testBackend, type TestBackend } from '../helpers/backend'
import { NEXT_PROJECT } from '../helpers/projects'

/* The project's group figures against its targets, on a fresh database. On both engines; today is 2026-11-26. */
let t: TestBackend
beforeEach(async () => {
  t = await testBackend()
})
afterEach(() => t.close())

describe('group progress of a project', () => {
  it('has no columns without a project, and a running year counted as of today', async () => {
    expect(await t.must('results.groupProgress', {})).toEqual({ project: null, columns: [], rows: [] })
    const p = await t.must('projects.create', { ...NEXT_PROJECT, code: 'NOW', startsOn: '2025-03-01', endsOn: '2028-02-29' })
    const g = await t.must('results.groupProgress', {})
    expect(g.project?.id).toBe(p.id)
    expect(g.columns).toEqual([
      { projectYear: 1, asOf: '2026-02-28', running: false },
      { projectYear: 2, asOf: '2026-11-26', running: true },
    ])
    expect(g.rows.map((r) => [r.measure, r.actual, r.target, r.indicator])).toEqual([
      ['families_in_groups', [0, 0], [null, null], null],
      ['persons_of_member_families', [0, 0], [null, null], null],
      ['lsgs_constituted', [0, 0], [null, null], null],
      ['ssgs_active', [0, 0], [null, null], null],
      ['cbos_formed', [0, 0], [null, null], null],
    ])
  })

  it('counts a large group constituted only with its regulations adopted and both its chairman and treasurer in office', async () => {
    await t.must('projects.create', { ...NEXT_PROJECT, startsOn: '2011-03-01', endsOn: '2014-02-28' })
    const dor = (await t.must('branches.create', DORNOGOVI)).id
    const lsg = (await t.must('lsgs.create', { branchId: dor, code: 'DOR-1', name: 'Сайншанд-1', formedOn: '2011-04-01', projectYear: 1, meetingWeek: 1, meetingWeekday: 2 })).id
    const ssg = (await t.must('ssgs.create', { lsgId: lsg, code: 'DOR-1-A', name: 'Нарлаг', formedOn: '2011-04-01', meetingWeekday: 3 })).id
    const p: number[] = []
    for (const name of ['Сарангэрэл', 'Оюунчимэг']) {
      const h = await t.must('households.create', { branchId: dor, singleWomanHeaded: true, childrenCount: 2, areaCode: 'dornogovi', registeredOn: '2011-04-01' })
      p.push((await t.must('persons.create', { patronymic: 'Бат', givenName: name, gender: 'female', branchId: dor, householdId: h.id })).id)
      await t.must('persons.create', { patronymic: 'Бат', givenName: 'Хүү', gender: 'male', branchId: dor, householdId: h.id })
      await t.must('roster.join', { ssgId: ssg, personId: p.at(-1)!, joinedOn: '2011-04-05' })
    }
    const m = await t.must('meetings.record', { groupType: 'lsg', groupId: lsg, heldOn: '2011-05-03', attendance: p.map((personId) => ({ personId, status: 'present' as const })) })
    const row = async (measure: string) => (await t.must('results.groupProgress', {})).rows.find((r) => r.measure === measure)!.actual
    expect(await row('families_in_groups')).toEqual([2, 2, 2])
    expect(await row('persons_of_member_families')).toEqual([4, 4, 4])
    expect(await row('ssgs_active')).toEqual([1, 1, 1])
    await t.must('offices.elect', { meetingId: m.id, office: 'chair', personId: p[0]! })
    await t.must('offices.elect', { meetingId: m.id, office: 'treasurer', personId: p[1]! })
    // Officers, but no regulations yet: not constituted.
    expect(await row('lsgs_constituted')).toEqual([0, 0, 0])
    const clauses = { election: 'a', meetingTime: 'b', participation: 'c', discipline: 'd', sanctions: 'e', monitoring: 'f', evaluation: 'g', accounts: 'h' }
    await t.must('documents.adopt', { meetingId: m.id, clauses })
    expect(await row('lsgs_constituted')).toEqual([1, 1, 1])
    // The treasurer leaves in project year 2: from then on not constituted until a new treasurer is elected.
    const period = (await t.must('roster.ofPerson', { personId: p[1]! }))[0]!
    await t.must('roster.leave', { id: period.id, leftOn: '2012-06-01', reason: 'Нүүсэн' })
    expect(await row('lsgs_constituted')).toEqual([1, 0, 0])
    expect(await row('families_in_groups')).toEqual([2, 1, 1])
  })
})
