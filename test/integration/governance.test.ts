import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DORNOGOVI, ORKHON, personAt, testBackend, type TestBackend } from '../helpers/backend'

let t: TestBackend
let dor: number
let ork: number
/** Memberships of Dornogovi (m[0..3] active since 2008, m[4] resigned 2008-12) and one of Orkhon. */
let m: number[]
let orkMember: number

async function member(branchId: number, givenName: string, reg: string, accepted: string, gender: 'female' | 'male' = 'female'): Promise<number> {
  const p = await t.must('persons.create', personAt(branchId, { givenName, registerNumber: reg, gender }))
  const ms = await t.must('members.apply', { member: { type: 'person', personId: p.id }, branchId, date: '2007-01-10' })
  await t.must('members.decide', { membershipId: ms.id, decision: 'accepted', date: accepted })
  return ms.id
}

beforeEach(async () => {
  t = await testBackend()
  dor = (await t.must('branches.create', DORNOGOVI)).id
  ork = (await t.must('branches.create', ORKHON)).id
  m = [
    await member(dor, 'Сарантуяа', 'ДО80010126', '2007-02-01'),
    await member(dor, 'Оюунчимэг', 'ДО81020226', '2007-02-01'),
    await member(dor, 'Болормаа', 'ДО82030326', '2007-02-01'),
    await member(dor, 'Батбаяр', 'ДО83040415', '2008-02-01', 'male'),
    await member(dor, 'Ганчимэг', 'ДО84050526', '2007-02-01'),
  ]
  await t.must('members.decide', { membershipId: m[4], decision: 'resigned', date: '2008-12-20' })
  orkMember = await member(ork, 'Цолмон', 'ОР85060626', '2007-03-01')
})
afterEach(() => t.close())

const localAssembly = (over: Record<string, unknown> = {}) => ({ kind: 'local' as const, branchId: dor, heldOn: '2009-03-02', place: 'Сайншанд', membersPresent: 3, ...over })

describe('assemblies', () => {
  it('derive the eligible members from the register and flag the quorum', async () => {
    const a = await t.must('assemblies.create', localAssembly())
    expect(a).toMatchObject({ year: 2009, membersEligible: 4, quorumNeeded: 3, quorumMet: true, bodyName: { en: 'Dornogovi' } })
    const thin = await t.must('assemblies.create', localAssembly({ heldOn: '2010-03-01', membersPresent: 2 }))
    expect(thin).toMatchObject({ membersEligible: 4, quorumNeeded: 3, quorumMet: false })
    const atLeastHalf = await t.must('assemblies.create', localAssembly({ heldOn: '2011-03-01', membersPresent: 2, quorumStrict: false }))
    expect(atLeastHalf).toMatchObject({ quorumNeeded: 2, quorumMet: true })
    const general = await t.must('assemblies.create', { kind: 'general', heldOn: '2009-04-15', membersPresent: 5 })
    expect(general).toMatchObject({ membersEligible: 5, quorumMet: true, bodyName: { en: 'SPN (central)' } })
  })

  it('refuse impossible attendance, a future date and a local assembly without its branch', async () => {
    expect(await t.call('assemblies.create', localAssembly({ membersPresent: 5 }))).toMatchObject({ ok: false, error: { field: 'membersPresent', message: expect.stringContaining('4 members eligible') } })
    expect(await t.call('assemblies.create', localAssembly({ heldOn: '2027-01-01' }))).toMatchObject({ ok: false, error: { field: 'heldOn' } })
    expect(await t.call('assemblies.create', localAssembly({ branchId: null }))).toMatchObject({ ok: false, error: { field: 'branchId' } })
    expect(await t.count('assembly')).toBe(0)
  })
})

describe('fees', () => {
  it('local fee: members liable, dues, partial payments, arrears and who has not paid', async () => {
    const a = await t.must('assemblies.create', localAssembly())
    const fee = await t.must('fees.decide', { assemblyId: a.id, amountMinor: 1000000 })
    expect(fee).toMatchObject({ kind: 'local', year: 2009, branchId: dor, amountMinor: 1000000, quorumMet: true })
    expect(await t.call('fees.decide', { assemblyId: a.id, amountMinor: 5 })).toMatchObject({ ok: false, error: { code: 'conflict' } })

    const pay = (membershipId: number, amountMinor: number, receiptNumber: string) => t.call('fees.pay', { kind: 'member', membershipId, year: 2009, paidOn: '2009-04-01', amountMinor, receiptNumber })
    expect((await pay(m[0], 1000000, 'Д-001')).ok).toBe(true)
    expect((await pay(m[1], 400000, 'Д-002')).ok).toBe(true)
    expect(await pay(m[1], 700000, 'Д-003')).toMatchObject({ ok: false, error: { field: 'amountMinor', message: 'The amount 7 000 ₮ is more than the 6 000 ₮ still due for 2009 (due 10 000 ₮, paid 4 000 ₮)' } })
    expect(await pay(m[0], 100, 'Д-004')).toMatchObject({ ok: false, error: { field: 'amountMinor', message: expect.stringContaining('already paid in full') } })
    expect(await pay(m[2], 500000, 'Д-001')).toMatchObject({ ok: false, error: { code: 'conflict', field: 'receiptNumber' } })
    // m[4] resigned in December 2008: not liable in 2009.
    expect(await pay(m[4], 500000, 'Д-005')).toMatchObject({ ok: false, error: { field: 'membershipId' } })
    // No fee decided for 2010, nor in Orkhon.
    expect(await t.call('fees.pay', { kind: 'member', membershipId: m[0], year: 2010, paidOn: '2010-04-01', amountMinor: 100, receiptNumber: 'Д-006' })).toMatchObject({ ok: false, error: { field: 'year' } })
    expect(await pay(orkMember, 100, 'Д-001')).toMatchObject({ ok: false, error: { field: 'year' } })

    const overview = await t.must('fees.overview', { year: 2009 })
    const d = overview.branches.find((b) => b.branchId === dor)!
    expect(d).toMatchObject({ liable: 4, dueMinor: 4000000, paidMinor: 1400000, arrearsMinor: 2600000, membersInArrears: 3 })
    expect(overview.totals).toMatchObject({ liable: 5, dueMinor: 4000000, paidMinor: 1400000, arrearsMinor: 2600000 })
    const unpaid = await t.must('fees.members', { year: 2009, branchId: dor, onlyArrears: true })
    expect(unpaid.rows.map((r) => [r.memberName, r.arrearsMinor])).toEqual([
      ['Ц. Батбаяр', 1000000],
      ['Ц. Болормаа', 1000000],
      ['Ц. Оюунчимэг', 600000],
    ])
    expect(await t.count('fee_payment')).toBe(2)
  })

  it('a fee decided by an assembly without quorum is marked', async () => {
    const a = await t.must('assemblies.create', localAssembly({ membersPresent: 1 }))
    expect((await t.must('fees.decide', { assemblyId: a.id, amountMinor: 1000000 })).quorumMet).toBe(false)
    expect((await t.must('fees.overview', { year: 2009 })).branches.find((b) => b.branchId === dor)!.localFee?.quorumMet).toBe(false)
  })

  it('central fee: rate × active members on the reference date, at least the minimum, paid by branches', async () => {
    const ga = await t.must('assemblies.create', { kind: 'general', heldOn: '2009-04-15', membersPresent: 4 })
    expect(await t.call('fees.decide', { assemblyId: ga.id, amountMinor: 200000, minimumMinor: 500000, referenceDate: '2008-06-30' })).toMatchObject({ ok: false, error: { field: 'referenceDate' } })
    await t.must('fees.decide', { assemblyId: ga.id, amountMinor: 200000, minimumMinor: 500000, referenceDate: '2009-01-01' })
    const overview = await t.must('fees.overview', { year: 2009 })
    expect(overview.branches.find((b) => b.branchId === dor)!.central).toMatchObject({ activeOnReference: 4, byRateMinor: 800000, minimumApplied: false, dueMinor: 800000 })
    expect(overview.branches.find((b) => b.branchId === ork)!.central).toMatchObject({ activeOnReference: 1, byRateMinor: 200000, minimumApplied: true, dueMinor: 500000 })
    const pay = (branchId: number, amountMinor: number, receiptNumber: string) => t.call('fees.pay', { kind: 'branch', branchId, year: 2009, paidOn: '2009-06-01', amountMinor, receiptNumber })
    expect((await pay(ork, 500000, 'T-01')).ok).toBe(true)
    expect(await pay(dor, 900000, 'T-02')).toMatchObject({ ok: false, error: { field: 'amountMinor' } })
    expect(await pay(dor, 300000, 'T-01')).toMatchObject({ ok: false, error: { code: 'conflict', field: 'receiptNumber' } })
    expect((await pay(dor, 300000, 'T-02')).ok).toBe(true)
    const after = await t.must('fees.overview', { year: 2009 })
    expect(after.totals).toMatchObject({ centralDueMinor: 1300000, centralPaidMinor: 800000, centralArrearsMinor: 500000 })
    // The same receipt number may be used by two branches for their members' payments.
    const la = await t.must('assemblies.create', localAssembly())
    const lb = await t.must('assemblies.create', { kind: 'local', branchId: ork, heldOn: '2009-03-05', membersPresent: 1 })
    await t.must('fees.decide', { assemblyId: la.id, amountMinor: 100000 })
    await t.must('fees.decide', { assemblyId: lb.id, amountMinor: 100000 })
    await t.must('fees.pay', { kind: 'member', membershipId: m[0], year: 2009, paidOn: '2009-04-01', amountMinor: 100000, receiptNumber: '0001' })
    await t.must('fees.pay', { kind: 'member', membershipId: orkMember, year: 2009, paidOn: '2009-04-01', amountMinor: 100000, receiptNumber: '0001' })
    expect((await t.must('fees.payments', { year: 2009 })).total).toBe(4)
  })
})

describe('elections', () => {
  it('admit only eligible members as candidates, with the reason for a refusal', async () => {
    const a = await t.must('assemblies.create', localAssembly())
    const other = await t.call('elections.record', { assemblyId: a.id, seats: 2, candidates: [{ membershipId: m[0], votes: 2 }, { membershipId: orkMember, votes: 1 }] })
    expect(other).toMatchObject({ ok: false, error: { field: 'candidates.1.membershipId', message: expect.stringContaining('belongs to another local organisation') } })
    const resigned = await t.call('elections.record', { assemblyId: a.id, seats: 2, candidates: [{ membershipId: m[4], votes: 1 }] })
    expect(resigned).toMatchObject({ ok: false, error: { message: expect.stringContaining('is resigned on that date') } })
    const tooMany = await t.call('elections.record', { assemblyId: a.id, seats: 2, candidates: [{ membershipId: m[0], votes: 4 }, { membershipId: m[1], votes: 3 }] })
    expect(tooMany).toMatchObject({ ok: false, error: { field: 'candidates', message: expect.stringContaining('3 members present × 2 seats = 6') } })
    expect(await t.count('election')).toBe(0)
  })

  it('flag a tie, record its resolution and the roles; the board lasts until the next election', async () => {
    const a = await t.must('assemblies.create', localAssembly())
    const e = await t.must('elections.record', {
      assemblyId: a.id,
      seats: 2,
      candidates: [{ membershipId: m[0], votes: 3 }, { membershipId: m[1], votes: 1 }, { membershipId: m[2], votes: 1 }, { membershipId: m[3], votes: 0 }],
    })
    expect(e).toMatchObject({ tieOpen: true, totalVotes: 5, maxVotes: 6 })
    expect(e.candidates.filter((c) => c.elected).map((c) => c.membershipId)).toEqual([m[0]])
    expect(e.candidates.filter((c) => c.tied).map((c) => c.membershipId).sort()).toEqual([m[1], m[2]].sort())
    expect(await t.call('elections.assignRoles', { electionId: e.id, roles: [{ membershipId: m[0], role: 'chair' }] })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await t.call('elections.resolveTie', { electionId: e.id, winners: [m[3]], decision: 'x' })).toMatchObject({ ok: false, error: { field: 'winners.0' } })
    const resolved = await t.must('elections.resolveTie', { electionId: e.id, winners: [m[2]], decision: 'Second ballot at the assembly: 2 votes to 1' })
    expect(resolved).toMatchObject({ tieOpen: false, tieResolution: 'Second ballot at the assembly: 2 votes to 1' })
    expect(await t.call('elections.assignRoles', { electionId: e.id, roles: [{ membershipId: m[0], role: 'chair' }, { membershipId: m[2], role: 'chair' }] })).toMatchObject({ ok: false, error: { field: 'roles.1.role' } })
    expect(await t.call('elections.assignRoles', { electionId: e.id, roles: [{ membershipId: m[1], role: 'chair' }] })).toMatchObject({ ok: false, error: { field: 'roles.0.membershipId' } })
    await t.must('elections.assignRoles', { electionId: e.id, roles: [{ membershipId: m[0], role: 'chair' }, { membershipId: m[2], role: 'treasurer' }] })
    const boards = await t.must('boards.current', {})
    expect(boards).toEqual([expect.objectContaining({ kind: 'local', branchId: dor, electedOn: '2009-03-02', until: null, seats: [expect.objectContaining({ name: 'Ц. Сарантуяа', role: 'chair' }), expect.objectContaining({ name: 'Ц. Болормаа', role: 'treasurer' })] })])

    const next = await t.must('assemblies.create', localAssembly({ heldOn: '2010-03-01' }))
    await t.must('elections.record', { assemblyId: next.id, seats: 1, candidates: [{ membershipId: m[1], votes: 3 }] })
    const now = await t.must('boards.current', {})
    expect(now[0]).toMatchObject({ electedOn: '2010-03-01', seats: [expect.objectContaining({ name: 'Ц. Оюунчимэг', role: 'member' })] })
    const person = (await t.must('members.get', { id: m[0] })).personId!
    expect(await t.must('boards.history', { personId: person })).toEqual([
      expect.objectContaining({ role: 'chair', from: '2009-03-02', until: '2010-03-01', bodyName: { mn: 'Дорноговь', en: 'Dornogovi' } }),
    ])
    const detail = await t.must('assemblies.get', { id: a.id })
    expect(detail.election?.candidates.find((c) => c.membershipId === m[2])?.role).toBe('treasurer')
    expect(detail.audit.map((x) => x.operation)).toEqual(['assemblies.create'])
    expect((await t.must('audit.list', { entityType: 'election' })).rows.map((x) => x.operation)).toEqual(['elections.record', 'elections.assignRoles', 'elections.resolveTie', 'elections.record'])
  })
})
