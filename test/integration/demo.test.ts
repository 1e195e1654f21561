import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/backend'
import { checkRegisterNumber } from '../../src/shared/domain/registerNumber'
import { membershipOn } from '../../src/shared/domain/membership'

let t: TestBackend
beforeEach(async () => {
  t = await testBackend()
})
afterEach(() => t.close())

const one = <T>(text: string) => t.read((sql) => sql.one<T>(text)).then((r) => r!)
const all = <T = unknown>(text: string) => t.read((sql) => sql.all<T>(text))

describe('demo data', () => {
  it('has the project size: 15 local organisations, 5 project branches, 1,200 households, 6,000 project persons', async () => {
    const counts = await t.loadDemo()
    expect(counts).toMatchObject({ branches: 15, households: 1200, organisations: 6 })
    const summary = await t.must('dashboard.summary', {})
    expect(summary.totals).toMatchObject({ branches: 15, projectBranches: 5, households: 1200 })
    const inHouseholds = ((await one<{ n: number }>('SELECT count(*) AS n FROM person WHERE household_id IS NOT NULL'))).n
    expect(inHouseholds).toBe(6000)
    for (const b of summary.byBranch.filter((x) => x.isProjectBranch)) expect(b.households).toBe(240)
    // About 150 SPN members, active today; their history starts in 2004.
    expect(summary.membersByStatus.active).toBeGreaterThanOrEqual(140)
    expect(summary.membersByStatus.active).toBeLessThanOrEqual(170)
    expect((await t.must('dashboard.summary', { asOf: '2003-12-31' })).membersByStatus.active).toBe(0)
    const first = (await one<{ d: string }>('SELECT min(effective_date) AS d FROM membership_event'))
    expect(first.d.slice(0, 4)).toBe('2004')
    // Mostly single-woman-headed households, every household has a head, children agree with the persons.
    expect(summary.totals.singleWomanHeaded / summary.totals.households).toBeGreaterThan(0.6)
    expect(((await one<{ n: number }>('SELECT count(*) AS n FROM household WHERE head_person_id IS NULL'))).n).toBe(0)
    const mismatch = (await one<{ n: number }>(`SELECT count(*) AS n FROM household h WHERE h.children_count <>
      (SELECT count(*) FROM person p WHERE p.household_id = h.id) - (CASE WHEN h.single_woman_headed = 1 THEN 1 ELSE 2 END)`))
    expect(mismatch.n).toBe(0)
    // Every register number is valid and agrees with the stored birth date and gender.
    const persons = (await all<Array<{ r: string; b: string; g: string }>[number]>('SELECT register_number AS r, birth_date AS b, gender AS g FROM person'))
    for (const p of persons) expect(checkRegisterNumber(p.r)).toMatchObject({ ok: true, birthDate: p.b, gender: p.g })
  })

  it('is deterministic for a seed and refuses a database that holds data', async () => {
    await t.loadDemo({ seed: 42, now: 'n' })
    const sample = (await all('SELECT given_name, register_number FROM person ORDER BY id LIMIT 20'))
    await expect(t.loadDemo({ seed: 42 })).rejects.toThrow(/already holds data/)
    const other = await testBackend()
    try {
      await other.loadDemo({ seed: 42, now: 'n' })
      expect(await other.read((sql) => sql.all('SELECT given_name, register_number FROM person ORDER BY id LIMIT 20'))).toEqual(sample)
    } finally {
      await other.close()
    }
  })
})

describe('demo governance', () => {
  it('has assemblies, fees, payments with some arrears, and elections for every year 2004-2011, consistent with the register', async () => {
    const counts = await t.loadDemo()
    expect(counts.elections).toBeGreaterThan(40)
    const assemblies = await t.must('assemblies.list', {})
    expect(new Set(assemblies.map((a) => a.year))).toEqual(new Set([2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011]))
    expect(assemblies.filter((a) => a.kind === 'general')).toHaveLength(8)
    expect(assemblies.some((a) => !a.quorumMet)).toBe(true)
    for (const a of assemblies) {
      expect(a.membersPresent, `assembly ${a.id}`).toBeLessThanOrEqual(a.membersEligible)
      if (!a.hasElection) continue
      const d = await t.must('assemblies.get', { id: a.id })
      const e = d.election!
      expect(e.totalVotes).toBeLessThanOrEqual(e.maxVotes)
      expect(e.tieOpen).toBe(false)
      expect(e.candidates.filter((c) => c.elected)).toHaveLength(e.seats)
      for (const c of e.candidates) {
        const m = await t.must('members.get', { id: c.membershipId })
        // Active, and at that local organisation, on the assembly's date (whatever happened since).
        const on = membershipOn(m.events, a.heldOn)
        expect(on?.status, `candidate ${c.name} at assembly ${a.id}`).toBe('active')
        if (a.branchId !== null) expect(on?.branchId).toBe(a.branchId)
      }
    }
    for (const year of [2004, 2008, 2011]) {
      const o = await t.must('fees.overview', { year })
      expect(o.centralFee).not.toBeNull()
      expect(o.totals.paidMinor).toBeGreaterThan(0)
      expect(o.totals.arrearsMinor).toBeGreaterThan(0)
      const all = await t.must('fees.members', { year, pageSize: 200 })
      expect(all.rows.every((r) => r.arrearsMinor >= 0 && r.paidMinor <= r.dueMinor)).toBe(true)
      expect(o.branches.every((b) => !b.central || b.central.paidMinor <= b.central.dueMinor)).toBe(true)
    }
    const boards = await t.must('boards.current', {})
    expect(boards.find((b) => b.kind === 'central')?.seats).toHaveLength(5)
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
