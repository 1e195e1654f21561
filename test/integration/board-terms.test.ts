import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoBackend, type TestBackend } from '../helpers/backend'

/* A board term ends at the next election, or on the day its holder is excluded, resigns or dies. On both engines. */
let t: TestBackend
beforeAll(async () => {
  t = await demoBackend()
})
afterAll(() => t.close())

describe('board terms', () => {
  it('an excluded chair is no longer shown as chair; her seat is listed as vacated and her term ends that day', async () => {
    const board = (await t.must('boards.current', {})).find((b) => b.kind === 'local' && b.seats.some((s) => s.role === 'chair' && s.personId !== null))!
    const chair = board.seats.find((s) => s.role === 'chair')!
    expect(board.vacated).toEqual([])
    await t.must('members.decide', { membershipId: chair.membershipId, decision: 'excluded', date: '2026-10-01', reason: 'Байгууллагын эсрэг ажилласан', reference: 'ТЗ-2026/10' })

    const after = (await t.must('boards.current', {})).find((b) => b.electionId === board.electionId)!
    expect(after.seats.map((s) => s.membershipId)).not.toContain(chair.membershipId)
    expect(after.seats).toHaveLength(board.seats.length - 1)
    expect(after.vacated).toEqual([expect.objectContaining({ membershipId: chair.membershipId, role: 'chair', leftOn: '2026-10-01', why: 'excluded' })])
    const history = await t.must('boards.history', { personId: chair.personId! })
    expect(history.find((h) => h.electionId === board.electionId)?.until).toBe('2026-10-01')
  })
})

describe('namesakes', () => {
  it('are told apart by the register number on the arrears list and among candidates', async () => {
    const owing = await t.must('fees.members', { year: 2010, onlyArrears: true, pageSize: 200 })
    const persons = owing.rows.filter((r) => r.personId !== null)
    expect(persons.length).toBeGreaterThan(0)
    expect(persons.every((r) => /^[А-ЯӨҮ]{2}\d{8}$/.test(r.registerNumber ?? ''))).toBe(true)
    const held = (await t.must('assemblies.list', {})).find((a) => a.hasElection)!
    const election = (await t.must('assemblies.get', { id: held.id })).election!
    expect(election.candidates.every((c) => c.personId === null || /^[А-ЯӨҮ]{2}\d{8}$/.test(c.registerNumber ?? ''))).toBe(true)
    const members = await t.must('members.list', { memberType: 'person', pageSize: 5 })
    expect(members.rows.every((m) => m.registerNumber !== null)).toBe(true)
  })
})
