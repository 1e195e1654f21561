import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DORNOGOVI, ORKHON, personAt, demoBackend, testBackend, type TestBackend } from '../helpers/backend'
import { membershipFigures } from '../../src/main/reports/membership'
import { activeMemberships, liableMemberships } from '../../src/main/services/activeMembers'
import { liableBranches, membershipOn, type BranchEventLike } from '../../src/shared/domain/membership'

/*
 * A member who resigns from one local organisation and later joins another
 * stays counted at the first on every date before the move: nothing about a
 * closed year changes after the fact.
 */
let t: TestBackend
let dor: number
let ork: number
let mover: number

async function member(branchId: number, givenName: string, reg: string, accepted: string): Promise<number> {
  const p = await t.must('persons.create', personAt(branchId, { givenName, registerNumber: reg, gender: 'female' }))
  const ms = await t.must('members.apply', { member: { type: 'person', personId: p.id }, branchId, date: '2005-01-10' })
  await t.must('members.decide', { membershipId: ms.id, decision: 'accepted', date: accepted })
  return ms.id
}

beforeEach(async () => {
  t = await testBackend()
  dor = (await t.must('branches.create', DORNOGOVI)).id
  ork = (await t.must('branches.create', ORKHON)).id
  mover = await member(dor, 'Сарантуяа', 'ДО80010126', '2005-02-01')
  await member(dor, 'Оюунчимэг', 'ДО81020226', '2005-02-01')
  await member(dor, 'Болормаа', 'ДО82030326', '2005-02-01')
  await member(ork, 'Цолмон', 'ОР85060626', '2005-03-01')
})
afterEach(() => t.close())

/** She leaves Dornogovi in mid-2008 and joins Orkhon in 2009. */
async function move() {
  await t.must('members.decide', { membershipId: mover, decision: 'resigned', date: '2008-06-30' })
  await t.must('members.apply', { member: { type: 'person', personId: (await t.must('members.get', { id: mover })).personId! }, branchId: ork, date: '2009-01-15' })
  await t.must('members.decide', { membershipId: mover, decision: 'accepted', date: '2009-02-01' })
}

const activeAt = async (date: string) => {
  const s = await t.must('dashboard.summary', { asOf: date })
  return Object.fromEntries(s.byBranch.map((b) => [b.branchName.en, b.byStatus.active]))
}

describe('a member who moves to another local organisation', () => {
  it('counts at the first one on every date before the move: dashboard and membership report of a closed year do not change', async () => {
    const figures = (from: string, to: string) => t.read((sql) => membershipFigures(sql, from, to, 'en'))
    const before2007 = await figures('2007-01-01', '2007-12-31')
    expect(await activeAt('2007-12-31')).toEqual({ Dornogovi: 3, Orkhon: 1 })
    await move()
    expect(await activeAt('2007-12-31')).toEqual({ Dornogovi: 3, Orkhon: 1 })
    expect(await figures('2007-01-01', '2007-12-31')).toEqual(before2007)
    expect(await activeAt('2008-12-31')).toEqual({ Dornogovi: 2, Orkhon: 1 })
    expect(await activeAt('2009-12-31')).toEqual({ Dornogovi: 2, Orkhon: 2 })

    const y2008 = (await figures('2008-01-01', '2008-12-31')).byBranch
    expect(y2008.find((b) => b.branch === 'Dornogovi')).toMatchObject({ start: 3, resignations: 1, end: 2 })
    const y2009 = (await figures('2009-01-01', '2009-12-31')).byBranch
    expect(y2009.find((b) => b.branch === 'Dornogovi')).toMatchObject({ start: 2, applications: 0, end: 2 })
    expect(y2009.find((b) => b.branch === 'Orkhon')).toMatchObject({ start: 1, applications: 1, acceptances: 1, end: 2 })

    // Her history shows each decision with its local organisation.
    const history = (await t.must('members.get', { id: mover })).events.map((e) => [e.type, e.branchName.en])
    expect(history).toEqual([['applied', 'Dornogovi'], ['accepted', 'Dornogovi'], ['resigned', 'Dornogovi'], ['applied', 'Orkhon'], ['accepted', 'Orkhon']])
  })

  it('is eligible, liable and counted for central dues at the first one for dates before the move', async () => {
    await move()
    const local = (branchId: number, heldOn: string, membersPresent = 1) => t.must('assemblies.create', { kind: 'local', branchId, heldOn, place: 'X', membersPresent })
    const dor2008 = await local(dor, '2008-03-01', 3)
    expect(dor2008.membersEligible).toBe(3)
    expect((await local(ork, '2008-03-02')).membersEligible).toBe(1)
    const ork2009 = await local(ork, '2009-03-01')
    expect(ork2009.membersEligible).toBe(2)
    const dor2009 = await local(dor, '2009-03-02')
    expect(dor2009.membersEligible).toBe(2)
    // She may stand at Dornogovi's 2008 assembly (active there then), not at its 2009 one.
    await t.must('elections.record', { assemblyId: dor2008.id, seats: 1, candidates: [{ membershipId: mover, votes: 2 }] })
    expect(await t.call('elections.record', { assemblyId: dor2009.id, seats: 1, candidates: [{ membershipId: mover, votes: 1 }] })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/belongs to another local organisation/) },
    })

    // Local fees: 2008 owed to Dornogovi (active on 1 January), 2009 to Orkhon only.
    await t.must('fees.decide', { assemblyId: dor2008.id, amountMinor: 500000 })
    await t.must('fees.decide', { assemblyId: ork2009.id, amountMinor: 300000 })
    await t.must('fees.decide', { assemblyId: dor2009.id, amountMinor: 400000 })
    const fees = async (year: number, branchId: number) => (await t.must('fees.members', { year, branchId, onlyArrears: false, page: 1, pageSize: 50 })).rows.map((r) => r.membershipId)
    expect(await fees(2008, dor)).toContain(mover)
    expect(await fees(2009, ork)).toContain(mover)
    expect(await fees(2009, dor)).not.toContain(mover)
    const paid = await t.must('fees.pay', { kind: 'member', membershipId: mover, year: 2008, paidOn: '2008-05-01', amountMinor: 500000, receiptNumber: 'Д-1' })
    expect(paid.branchId).toBe(dor)
    const paid2009 = await t.must('fees.pay', { kind: 'member', membershipId: mover, year: 2009, paidOn: '2009-05-01', amountMinor: 300000, receiptNumber: 'О-1' })
    expect(paid2009.branchId).toBe(ork)
    const overview2008 = await t.must('fees.overview', { year: 2008 })
    expect(overview2008.branches.find((b) => b.branchId === dor)).toMatchObject({ liable: 3, paidMinor: 500000 })
    expect(overview2008.branches.find((b) => b.branchId === ork)).toMatchObject({ liable: 1, paidMinor: 0 })

    // Central dues for 2008 count her at Dornogovi on the reference date.
    const general = await t.must('assemblies.create', { kind: 'general', heldOn: '2008-04-01', membersPresent: 3 })
    await t.must('fees.decide', { assemblyId: general.id, amountMinor: 100000, referenceDate: '2008-03-01' })
    const central = (await t.must('fees.overview', { year: 2008 })).branches
    expect(central.find((b) => b.branchId === dor)!.central).toMatchObject({ activeOnReference: 3, dueMinor: 300000 })
    expect(central.find((b) => b.branchId === ork)!.central).toMatchObject({ activeOnReference: 1, dueMinor: 100000 })
  })
})

describe('status on a date has one rule', () => {
  it('the SQL form (eligibility, dues, fees) and the TypeScript form (dashboard, reports, demo) agree on every demo member on many dates and years', async () => {
    const demo = await demoBackend()
    const events = await demo.read((sql) =>
      sql.all<BranchEventLike & { membershipId: number }>(
        `SELECT membership_id AS "membershipId", branch_id AS "branchId", type, effective_date AS "effectiveDate", seq FROM membership_event`,
      ),
    )
    const byMembership = new Map<number, BranchEventLike[]>()
    for (const e of events) byMembership.set(e.membershipId, [...(byMembership.get(e.membershipId) ?? []), e])
    const movers = [...byMembership.values()].filter((list) => new Set(list.map((e) => e.branchId)).size > 1)
    expect(movers.length).toBeGreaterThan(0)
    const branches = await demo.read((sql) => sql.column<number>('SELECT id FROM branch'))
    let compared = 0
    for (let y = 2004; y <= 2011; y++) {
      for (const md of ['01-01', '03-15', '06-30', '09-10', '12-31']) {
        const date = `${y}-${md}`
        for (const b of [...branches, null]) {
          const ts = [...byMembership.entries()]
            .filter(([, list]) => {
              const on = membershipOn(list, date)
              return on?.status === 'active' && (b === null || on.branchId === b)
            })
            .map(([id]) => id)
            .sort((x, z) => x - z)
          expect(await demo.read((sql) => activeMemberships(sql, date, b))).toEqual(ts)
          compared += ts.length
        }
      }
    }
    expect(compared).toBeGreaterThan(1000)
    // Fee liability: the SQL form (fees, dues) and the TypeScript form (demo) give the same members and organisations.
    let liable = 0
    for (let year = 2004; year <= 2011; year++) {
      const sqlForm = (await demo.read((sql) => liableMemberships(sql, year, null))).map((m) => `${m.id}@${m.branchId}`)
      const tsForm = [...byMembership.entries()].flatMap(([id, list]) => liableBranches(list, year).map((b) => `${id}@${b}`))
      expect(sqlForm.sort()).toEqual(tsForm.sort())
      liable += sqlForm.length
    }
    expect(liable).toBeGreaterThan(500)
    await demo.close()
  })
})
