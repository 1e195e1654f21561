import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/main/demo/load'
import { rawConnection } from '../../src/main/db/open'
import { testBackend, type TestBackend } from '../helpers/backend'
import { checkRegisterNumber } from '../../src/shared/domain/registerNumber'

let t: TestBackend
beforeEach(async () => {
  t = await testBackend()
})
afterEach(() => t.close())

const raw = () => rawConnection(t.backend.db!.dataSource)

describe('demo data', () => {
  it('has the project size: 15 local organisations, 5 project branches, 1,200 households, 6,000 project persons', async () => {
    const counts = loadDemo(raw(), { now: '2026-11-26T09:00:00.000Z' })
    expect(counts).toMatchObject({ branches: 15, households: 1200, organisations: 6 })
    const summary = await t.must('dashboard.summary', {})
    expect(summary.totals).toMatchObject({ branches: 15, projectBranches: 5, households: 1200 })
    const inHouseholds = (raw().prepare('SELECT count(*) AS n FROM person WHERE household_id IS NOT NULL').get() as { n: number }).n
    expect(inHouseholds).toBe(6000)
    for (const b of summary.byBranch.filter((x) => x.isProjectBranch)) expect(b.households).toBe(240)
    // About 150 SPN members, active today; their history starts in 2004.
    expect(summary.membersByStatus.active).toBeGreaterThanOrEqual(140)
    expect(summary.membersByStatus.active).toBeLessThanOrEqual(170)
    expect((await t.must('dashboard.summary', { asOf: '2003-12-31' })).membersByStatus.active).toBe(0)
    const first = raw().prepare('SELECT min(effective_date) AS d FROM membership_event').get() as { d: string }
    expect(first.d.slice(0, 4)).toBe('2004')
    // Mostly single-woman-headed households, every household has a head, children agree with the persons.
    expect(summary.totals.singleWomanHeaded / summary.totals.households).toBeGreaterThan(0.6)
    expect((raw().prepare('SELECT count(*) AS n FROM household WHERE head_person_id IS NULL').get() as { n: number }).n).toBe(0)
    const mismatch = raw().prepare(`SELECT count(*) AS n FROM household h WHERE h.children_count <>
      (SELECT count(*) FROM person p WHERE p.household_id = h.id) - (CASE WHEN h.single_woman_headed = 1 THEN 1 ELSE 2 END)`).get() as { n: number }
    expect(mismatch.n).toBe(0)
    // Every register number is valid and agrees with the stored birth date and gender.
    const persons = raw().prepare('SELECT register_number AS r, birth_date AS b, gender AS g FROM person').all() as Array<{ r: string; b: string; g: string }>
    for (const p of persons) expect(checkRegisterNumber(p.r)).toMatchObject({ ok: true, birthDate: p.b, gender: p.g })
  })

  it('is deterministic for a seed and refuses a database that holds data', async () => {
    loadDemo(raw(), { seed: 42, now: 'n' })
    const sample = raw().prepare('SELECT given_name, register_number FROM person ORDER BY id LIMIT 20').all()
    expect(() => loadDemo(raw(), { seed: 42 })).toThrow(/already holds data/)
    const other = await testBackend()
    try {
      loadDemo(rawConnection(other.backend.db!.dataSource), { seed: 42, now: 'n' })
      expect(rawConnection(other.backend.db!.dataSource).prepare('SELECT given_name, register_number FROM person ORDER BY id LIMIT 20').all()).toEqual(sample)
    } finally {
      await other.close()
    }
  })
})

describe('demo.load operation', () => {
  it('loads into an empty database and is refused once data exists', async () => {
    const counts = await t.must('demo.load', {})
    expect(counts).toMatchObject({ branches: 15, households: 1200 })
    expect(await t.call('demo.load', {})).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const log = await t.must('audit.list', { entityType: 'database' })
    expect(log.rows[0]).toMatchObject({ actor: 'tester', operation: 'demo.load' })
  })
})
