import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DORNOGOVI, personAt, testBackend, type TestBackend } from '../helpers/backend'
import { translate, type MessageKey } from '../../src/shared/i18n'

/* A person entered twice, merged into the other record. On both engines. */
let t: TestBackend
let dor: number

beforeEach(async () => {
  t = await testBackend()
  dor = (await t.must('branches.create', DORNOGOVI)).id
})
afterEach(() => t.close())

/** The record with the register number (kept), and a second one typed later without it: member, in a household she heads. */
async function twice() {
  const kept = await t.must('persons.create', personAt(dor, { givenName: 'Оюунчимэг', gender: 'female', registerNumber: 'ДО81020226' }))
  const h = await t.must('households.create', { branchId: dor, singleWomanHeaded: true, childrenCount: 3, areaCode: 'dornogovi', registeredOn: '2008-01-01' })
  const dup = await t.must('persons.create', personAt(dor, { givenName: 'Оюунчимэг', gender: 'female', registerNumber: null, phone: '99112233', householdId: h.id }))
  const headed = await t.must('households.get', { id: h.id })
  await t.must('households.update', { id: h.id, version: headed.household.version, household: { branchId: dor, headPersonId: dup.id, singleWomanHeaded: true, childrenCount: 3, areaCode: 'dornogovi', registeredOn: '2008-01-01' } })
  const m = await t.must('members.apply', { member: { type: 'person', personId: dup.id }, branchId: dor, date: '2008-01-10' })
  await t.must('members.decide', { membershipId: m.id, decision: 'accepted', date: '2008-02-01' })
  return { kept, dup: (await t.must('persons.get', { id: dup.id })).person, h, m }
}

describe('merging a person entered twice', () => {
  it('moves the membership, the household and the headship, fills what the kept record lacked, and keeps the trail', async () => {
    const { kept, dup, h, m } = await twice()
    const merge = await t.must('persons.merge', { keepId: kept.id, keepVersion: kept.version, mergeId: dup.id, mergeVersion: dup.version, reason: 'Нэг хүнийг хоёр удаа бүртгэсэн' })
    expect(merge).toMatchObject({ keptPersonId: kept.id, mergedPersonId: dup.id, mergedName: 'Цэнд Оюунчимэг', mergedRegisterNumber: null })
    expect(await t.call('persons.get', { id: dup.id })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const d = await t.must('persons.get', { id: kept.id })
    expect(d.person).toMatchObject({ registerNumber: 'ДО81020226', phone: '99112233', householdId: h.id, version: kept.version + 1 })
    expect(d.membership).toMatchObject({ id: m.id, status: 'active' })
    expect((await t.must('households.get', { id: h.id })).household.headPersonId).toBe(kept.id)
    expect(d.merges.map((x) => [x.mergedName, x.reason])).toEqual([['Цэнд Оюунчимэг', 'Нэг хүнийг хоёр удаа бүртгэсэн']])
    // The merged record's history is shown with the kept one's: both creations, the merge, her membership decisions.
    const ops = d.audit.map((a) => `${a.operation} ${a.entityType}:${a.entityId}`)
    expect(ops).toEqual(expect.arrayContaining([`persons.create person:${kept.id}`, `persons.create person:${dup.id}`, `persons.merge person:${kept.id}`, `persons.merge person:${dup.id}`, `members.decide membership:${m.id}`]))
    expect(await t.count('person')).toBe(1)
    // She is found by the phone the merged record had.
    expect((await t.must('persons.search', { query: '99112233' })).rows.map((r) => r.id)).toEqual([kept.id])
  })

  it('refuses what cannot be one person or one history, saying why, and changes nothing', async () => {
    const { kept, dup } = await twice()
    const merge = (over: Record<string, unknown>) => t.call('persons.merge', { keepId: kept.id, keepVersion: kept.version, mergeId: dup.id, mergeVersion: dup.version, reason: 'Давхар', ...over })
    expect(await merge({ mergeId: kept.id, mergeVersion: kept.version })).toMatchObject({ ok: false, error: { field: 'mergeId', key: 'r.mergeSame' } })
    expect(await merge({ reason: '' })).toMatchObject({ ok: false, error: { field: 'reason' } })
    expect(await merge({ mergeVersion: dup.version + 5 })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const other = await t.must('persons.create', personAt(dor, { givenName: 'Оюунчимэг', gender: 'female', registerNumber: 'ДО82030326' }))
    const twoRegisters = await t.call('persons.merge', { keepId: kept.id, keepVersion: kept.version, mergeId: other.id, mergeVersion: other.version, reason: 'Давхар' })
    expect(twoRegisters).toMatchObject({ ok: false, error: { key: 'r.mergeTwoRegisters' } })
    if (!twoRegisters.ok) expect(translate('mn', twoRegisters.error.key as MessageKey, twoRegisters.error.vars)).toBe('өөр регистрийн дугаартай (ДО82030326, үлдээх бүртгэлийнх ДО81020226): эдгээр нь хоёр өөр хүн')
    // Both members: two histories cannot become one.
    const m2 = await t.must('members.apply', { member: { type: 'person', personId: kept.id }, branchId: dor, date: '2009-01-10' })
    expect(m2.id).toBeGreaterThan(0)
    expect(await merge({})).toMatchObject({ ok: false, error: { code: 'conflict', key: 'r.mergeTwoMemberships' } })
    expect(await t.count('person')).toBe(3)
    expect(await t.count('person_merge')).toBe(0)
  })
})

describe('deleting a household or an organisation entered by mistake', () => {
  it('deletes while nothing refers to it, refuses with the reason otherwise, and the audit keeps it', async () => {
    const { h, kept } = await twice()
    const headed = await t.must('households.get', { id: h.id })
    const refused = await t.call('households.delete', { id: h.id, version: headed.household.version })
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', key: 'r.householdHasPersons', vars: { n: 1 } } })
    const empty = await t.must('households.create', { branchId: dor, childrenCount: 0, areaCode: 'dornogovi', registeredOn: '2008-01-01' })
    expect(await t.must('households.delete', { id: empty.id, version: empty.version })).toEqual({ id: empty.id })
    expect(await t.call('households.get', { id: empty.id })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const org = await t.must('organisations.create', { nameMn: 'Сайншандын эмэгтэйчүүдийн бүлэг', kind: 'group', areaCode: 'dornogovi' })
    const member = await t.must('organisations.create', { nameMn: 'Дорноговийн сүлжээ', kind: 'network', areaCode: 'dornogovi' })
    await t.must('members.apply', { member: { type: 'organisation', organisationId: member.id }, branchId: dor, date: '2009-01-10' })
    expect(await t.call('organisations.delete', { id: member.id })).toMatchObject({ ok: false, error: { code: 'conflict', key: 'r.organisationIsMember' } })
    expect(await t.must('organisations.delete', { id: org.id })).toEqual({ id: org.id })
    expect((await t.must('organisations.list', {})).map((o) => o.nameMn)).toEqual(['Дорноговийн сүлжээ'])
    const trail = await t.must('audit.list', { entityType: 'organisation', entityId: org.id })
    expect(trail.rows.map((r) => r.operation)).toEqual(['organisations.delete', 'organisations.create'])
    expect(kept.id).toBeGreaterThan(0)
  })
})
