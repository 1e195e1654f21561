import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DORNOGOVI, ORKHON, personAt, testBackend, type TestBackend } from '../helpers/backend'

let t: TestBackend
let dor: number
let ork: number
beforeEach(async () => {
  t = await testBackend()
  dor = (await t.must('branches.create', DORNOGOVI)).id
  ork = (await t.must('branches.create', ORKHON)).id
})
afterEach(() => t.close())

describe('branches', () => {
  it('refuses a duplicate code naming the field', async () => {
    const r = await t.call('branches.create', { ...ORKHON, nameEn: 'Other' })
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', field: 'code' } })
  })
  it('lists with counts and can be renamed', async () => {
    await t.must('persons.create', personAt(dor))
    await t.must('branches.update', { id: dor, version: 1, branch: { ...DORNOGOVI, nameEn: 'Dornogovi aimag' } })
    const trail = await t.must('audit.list', { entityType: 'branch', entityId: dor })
    expect(trail.rows[0]!.changes).toEqual([{ field: 'nameEn', before: { kind: 'text', text: DORNOGOVI.nameEn }, after: { kind: 'text', text: 'Dornogovi aimag' } }])
    const list = await t.must('branches.list', {})
    expect(list.find((b) => b.id === dor)).toMatchObject({ nameEn: 'Dornogovi aimag', persons: 1, isProjectBranch: true })
  })
})

describe('persons', () => {
  it('fills the birth date from the register number and refuses a mismatch', async () => {
    const p = await t.must('persons.create', personAt(dor))
    expect(p.birthDate).toBe('1985-03-12')
    const r = await t.call('persons.create', personAt(dor, { registerNumber: 'УБ85031225', birthDate: '1985-03-13', gender: 'female' }))
    expect(r).toMatchObject({ ok: false, error: { field: 'birthDate', message: expect.stringContaining('1985-03-12') } })
    const g = await t.call('persons.create', personAt(dor, { registerNumber: 'УБ85031225' }))
    expect(g).toMatchObject({ ok: false, error: { field: 'gender' } })
  })

  it('refuses a duplicate register number with a clear message and no change', async () => {
    await t.must('persons.create', personAt(dor))
    const r = await t.call('persons.create', personAt(ork, { givenName: 'Болд', registerNumber: 'уб85031215' }))
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'registerNumber', message: 'The register number УБ85031215 is already recorded for Ц. Батбаяр (person 1)' },
    })
    expect(await t.count('person')).toBe(1)
  })

  it('finds persons by any name form or register number, Latin or Cyrillic, any case', async () => {
    await t.must('persons.create', personAt(dor))
    await t.must('persons.create', personAt(dor, { patronymic: 'Батбаяр', givenName: 'Оюунчимэг', gender: 'female', registerNumber: 'ДО90052126', clanName: 'Боржигин' }))
    await t.must('persons.create', personAt(ork, { patronymic: 'Дорж', givenName: 'Хүрэлбаатар', registerNumber: null, latinName: 'Khurelbaatar Dorj' }))
    const names = async (query: string, extra = {}) => (await t.must('persons.search', { query, ...extra })).rows.map((r) => r.givenName)
    expect(await names('batbayar')).toEqual(['Батбаяр', 'Оюунчимэг'])
    expect(await names('БАТБАЯР')).toEqual(['Батбаяр', 'Оюунчимэг'])
    expect(await names('oyuun')).toEqual(['Оюунчимэг'])
    expect(await names('borjigin')).toEqual(['Оюунчимэг'])
    expect(await names('hurel')).toEqual(['Хүрэлбаатар'])
    expect(await names('до9005')).toEqual(['Оюунчимэг'])
    expect(await names('do90052126')).toEqual(['Оюунчимэг'])
    expect(await names('tsend bat')).toEqual(['Батбаяр'])
    expect(await names('', { branchId: ork })).toEqual(['Хүрэлбаатар'])
    // Punctuation is not part of any search key, so LIKE wildcards typed by a user match nothing special.
    expect(await names('bat%')).toEqual(['Батбаяр', 'Оюунчимэг'])
    expect(await names('xyz')).toEqual([])
  })

  it('sorts, pages and filters by membership status', async () => {
    const given = ['Цолмон', 'Ариунаа', 'Өнөрмаа', 'Очир', 'Болд']
    for (const [i, g] of given.entries()) await t.must('persons.create', personAt(dor, { givenName: g, registerNumber: null, gender: i % 2 ? 'male' : 'female' }))
    const page1 = await t.must('persons.search', { sort: 'givenName', pageSize: 2, page: 1 })
    const page3 = await t.must('persons.search', { sort: 'givenName', pageSize: 2, page: 3 })
    expect(page1).toMatchObject({ total: 5, page: 1, pageSize: 2 })
    expect(page1.rows.map((r) => r.givenName)).toEqual(['Ариунаа', 'Болд'])
    expect(page3.rows.map((r) => r.givenName)).toEqual(['Цолмон'])
    const desc = await t.must('persons.search', { sort: 'givenName', dir: 'desc', pageSize: 5 })
    expect(desc.rows.map((r) => r.givenName)).toEqual(['Цолмон', 'Өнөрмаа', 'Очир', 'Болд', 'Ариунаа'])
    const m = await t.must('members.apply', { member: { type: 'person', personId: page1.rows[0].id }, branchId: dor, date: '2005-01-10' })
    await t.must('members.decide', { membershipId: m.id, decision: 'accepted', date: '2005-02-01' })
    expect((await t.must('persons.search', { status: 'active' })).rows.map((r) => r.givenName)).toEqual(['Ариунаа'])
    expect((await t.must('persons.search', { status: 'none' })).total).toBe(4)
  })
})

describe('deleting a person entered by mistake', () => {
  it('is allowed while nothing refers to her, refused for a member or a head, and kept in the audit trail', async () => {
    const twice = await t.must('persons.create', personAt(dor, { registerNumber: null, givenName: 'Сарангэрэл' }))
    await t.must('persons.delete', { id: twice.id, version: twice.version })
    expect(await t.call('persons.get', { id: twice.id })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const trail = await t.must('audit.list', { entityType: 'person', entityId: twice.id })
    expect(trail.rows.map((a) => a.operation)).toEqual(['persons.delete', 'persons.create'])

    const member = await t.must('persons.create', personAt(dor))
    await t.must('members.apply', { member: { type: 'person', personId: member.id }, branchId: dor, date: '2009-01-05' })
    expect(await t.call('persons.delete', { id: member.id, version: member.version })).toMatchObject({ ok: false, error: { code: 'conflict', key: 'r.personIsMember' } })

    const h = await t.must('households.create', { branchId: dor, childrenCount: 1, areaCode: 'dornogovi' })
    const head = await t.must('persons.create', personAt(dor, { registerNumber: null, givenName: 'Оюун', gender: 'female', householdId: h.id }))
    await t.must('households.update', { id: h.id, version: h.version, household: { branchId: dor, headPersonId: head.id, childrenCount: 1, areaCode: 'dornogovi' } })
    expect(await t.call('persons.delete', { id: head.id, version: head.version })).toMatchObject({ ok: false, error: { code: 'conflict', key: 'r.personIsHead' } })
  })
})

describe('households', () => {
  it('are created first, then persons join, then a head is chosen', async () => {
    const h = await t.must('households.create', { branchId: dor, singleWomanHeaded: true, childrenCount: 3, areaCode: 'dornogovi', soum: 'Сайншанд', bag: '3-р баг' })
    const mother = await t.must('persons.create', personAt(dor, { givenName: 'Сарантуяа', gender: 'female', registerNumber: 'ДО80010126', householdId: h.id }))
    const stranger = await t.must('persons.create', personAt(dor))
    const notMember = await t.call('households.update', { id: h.id, version: h.version, household: { branchId: dor, headPersonId: stranger.id, singleWomanHeaded: true, childrenCount: 3, areaCode: 'dornogovi' } })
    expect(notMember).toMatchObject({ ok: false, error: { field: 'headPersonId' } })
    await t.must('households.update', { id: h.id, version: h.version, household: { branchId: dor, headPersonId: mother.id, singleWomanHeaded: true, childrenCount: 3, areaCode: 'dornogovi', soum: 'Сайншанд' } })
    const d = await t.must('households.get', { id: h.id })
    expect(d.household).toMatchObject({ headName: 'Ц. Сарантуяа', memberCount: 1, singleWomanHeaded: true })
    expect(d.members.map((m) => m.id)).toEqual([mother.id])
    expect(d.audit.map((a) => a.operation)).toEqual(['households.update', 'households.create'])
    // The trail in words: the head by name, the bag (left out of the edit) cleared; nothing for what did not change.
    expect(d.audit[0]!.changes).toEqual([
      { field: 'headPersonId', before: { kind: 'none' }, after: { kind: 'name', name: { mn: 'Ц. Сарантуяа', en: 'Ц. Сарантуяа' } } },
      { field: 'bag', before: { kind: 'text', text: '3-р баг' }, after: { kind: 'none' } },
    ])
    expect(d.audit[1]!.changes).toEqual([])
    expect((await t.must('households.search', { query: 'sarantuya' })).total).toBe(1)
  })

  it('refuse a man as head of a single-woman-headed household, and a person of another branch', async () => {
    const h = await t.must('households.create', { branchId: dor, childrenCount: 2, areaCode: 'dornogovi' })
    const father = await t.must('persons.create', personAt(dor, { householdId: h.id }))
    const r = await t.call('households.update', { id: h.id, version: h.version, household: { branchId: dor, headPersonId: father.id, singleWomanHeaded: true, childrenCount: 2, areaCode: 'dornogovi' } })
    expect(r).toMatchObject({ ok: false, error: { field: 'singleWomanHeaded' } })
    const other = await t.call('persons.create', personAt(ork, { registerNumber: null, householdId: h.id }))
    expect(other).toMatchObject({ ok: false, error: { field: 'householdId' } })
  })
})

describe('SPN membership', () => {
  it('keeps the history and derives the status on any date', async () => {
    const p = await t.must('persons.create', personAt(dor))
    const m = await t.must('members.apply', { member: { type: 'person', personId: p.id }, branchId: dor, date: '2005-03-01' })
    expect(m.status).toBe('applicant')
    await t.must('members.decide', { membershipId: m.id, decision: 'accepted', date: '2005-04-10', reference: 'ТЗ-2005/03' })
    const noReason = await t.call('members.decide', { membershipId: m.id, decision: 'excluded', date: '2008-09-30' })
    expect(noReason).toMatchObject({ ok: false, error: { field: 'reason', message: 'reason is required when a membership is excluded' } })
    const ex = await t.must('members.decide', { membershipId: m.id, decision: 'excluded', date: '2008-09-30', reason: 'Acted against the interests of the SPN' })
    expect(ex.status).toBe('excluded')
    expect(ex.events.map((e) => e.type)).toEqual(['applied', 'accepted', 'excluded'])
    const on = async (asOf: string) => (await t.must('dashboard.summary', { asOf })).membersByStatus
    expect((await on('2005-03-31')).applicant).toBe(1)
    expect((await on('2007-01-01')).active).toBe(1)
    expect((await on('2009-01-01')).excluded).toBe(1)
    expect((await on('2004-01-01')).active).toBe(0)
  })

  it('refuses decisions the rules do not allow, and future or back-dated ones', async () => {
    const p = await t.must('persons.create', personAt(dor))
    const m = await t.must('members.apply', { member: { type: 'person', personId: p.id }, branchId: dor, date: '2006-05-01' })
    expect(await t.call('members.decide', { membershipId: m.id, decision: 'resigned', date: '2006-06-01' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'decision' } })
    expect(await t.call('members.decide', { membershipId: m.id, decision: 'accepted', date: '2006-04-01' })).toMatchObject({ ok: false, error: { field: 'date' } })
    expect(await t.call('members.decide', { membershipId: m.id, decision: 'accepted', date: '2027-01-01' })).toMatchObject({ ok: false, error: { field: 'date' } })
    expect(await t.call('members.decide', { membershipId: m.id, decision: 'rejected', date: '2006-06-01' })).toMatchObject({ ok: false, error: { field: 'reason' } })
    await t.must('members.decide', { membershipId: m.id, decision: 'rejected', date: '2006-06-01', reason: 'Incomplete application' })
    expect(await t.call('members.apply', { member: { type: 'person', personId: p.id }, branchId: dor, date: '2005-01-01' })).toMatchObject({ ok: false, error: { field: 'date' } })
    const again = await t.must('members.apply', { member: { type: 'person', personId: p.id }, branchId: ork, date: '2007-02-01' })
    expect(again).toMatchObject({ id: m.id, status: 'applicant', branchId: ork })
    expect(await t.count('membership')).toBe(1)
  })

  it('admits organisations as members too', async () => {
    const o = await t.must('organisations.create', { nameMn: 'Эмэгтэйчүүдийн сүлжээ', kind: 'network', areaCode: 'orkhon' })
    const m = await t.must('members.apply', { member: { type: 'organisation', organisationId: o.id }, branchId: ork, date: '2007-06-01' })
    await t.must('members.decide', { membershipId: m.id, decision: 'accepted', date: '2007-07-01' })
    const list = await t.must('members.list', { memberType: 'organisation' })
    expect(list.rows).toEqual([expect.objectContaining({ memberName: 'Эмэгтэйчүүдийн сүлжээ', status: 'active', since: '2007-06-01', lastDecision: '2007-07-01' })])
    expect((await t.must('organisations.list', {}))[0].membershipId).toBe(m.id)
    // The members list finds organisations by name and persons by any name form, Latin or Cyrillic.
    expect((await t.must('members.list', { query: 'suljee' })).rows.map((r) => r.memberName)).toEqual(['Эмэгтэйчүүдийн сүлжээ'])
    const p = await t.must('persons.create', personAt(ork))
    const pm = await t.must('members.apply', { member: { type: 'person', personId: p.id }, branchId: ork, date: '2007-06-01' })
    expect((await t.must('members.list', { query: 'batbayar' })).rows.map((r) => r.id)).toEqual([pm.id])
    expect((await t.must('members.list', { query: 'nobody' })).total).toBe(0)
    expect(await t.call('members.decide', { membershipId: m.id, decision: 'died', date: '2008-01-01' })).toMatchObject({ ok: true })
  })
})
