import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DORNOGOVI, personAt, testBackend, type TestBackend } from '../helpers/backend'
import { todayIso } from '../../src/shared/domain/dates'

/*
 * "Today" is Ulaanbaatar's date (UTC+8), not the UTC date: at 04:30 in the
 * morning local time the UTC date is still yesterday's, and a decision taken
 * today must not be refused as "in the future". A fixed clock, on both engines.
 */
const EARLY_MORNING = new Date('2026-11-27T20:30:00Z') // 2026-11-28 04:30 in Ulaanbaatar
let t: TestBackend
beforeAll(async () => {
  t = await testBackend(undefined, () => EARLY_MORNING)
})
afterAll(() => t.close())

describe("today's date", () => {
  it('is the date in Ulaanbaatar', () => {
    expect(todayIso(EARLY_MORNING)).toBe('2026-11-28')
    expect(todayIso('2026-11-27T15:59:59Z')).toBe('2026-11-27')
    expect(todayIso('2026-11-27T16:00:00Z')).toBe('2026-11-28')
  })

  it('accepts a decision dated today in the early morning, refuses tomorrow, and counts the dashboard on it', async () => {
    const branchId = (await t.must('branches.create', DORNOGOVI)).id
    const person = await t.must('persons.create', personAt(branchId))
    const m = await t.must('members.apply', { member: { type: 'person', personId: person.id }, branchId, date: '2026-11-28' })
    expect(await t.call('members.decide', { membershipId: m.id, decision: 'accepted', date: '2026-11-29' })).toMatchObject({ ok: false, error: { field: 'date', key: 'r.notFuture' } })
    await t.must('members.decide', { membershipId: m.id, decision: 'accepted', date: '2026-11-28' })
    expect((await t.must('dashboard.summary', {})).membersByStatus.active).toBe(1)
  })
})

describe('dates far outside the data', () => {
  it('are refused with the field named: a household joining in 2030 or in 1990, a person born tomorrow', async () => {
    const branchId = (await t.must('branches.list', {}))[0]!.id
    for (const registeredOn of ['2030-05-01', '1990-05-01']) {
      const r = await t.call('households.create', { branchId, childrenCount: 1, areaCode: 'dornogovi', registeredOn })
      expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'registeredOn' } })
    }
    // Today in Ulaanbaatar is accepted, even in the early morning.
    expect((await t.call('households.create', { branchId, childrenCount: 1, areaCode: 'dornogovi', registeredOn: '2026-11-28' })).ok).toBe(true)
    expect(await t.call('persons.create', personAt(branchId, { registerNumber: null, birthDate: '2026-11-29' }))).toMatchObject({ ok: false, error: { field: 'birthDate', key: 'r.notFuture' } })
  })
})
