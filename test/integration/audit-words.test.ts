import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CATALOGUES } from '../../src/shared/i18n'
import { contract } from '../../src/shared/api/contract'
import type { AuditEntry } from '../../src/shared/api/types'
import { DORNOGOVI, ORKHON, personAt, testBackend, type TestBackend } from '../helpers/backend'

/*
 * The audit trail is read in words: every operation that writes has a name
 * in both languages, and every field an edit can change has a label, so no
 * technical name ever reaches the screen.
 */

let t: TestBackend
beforeAll(async () => {
  t = await testBackend()
})
afterAll(() => t.close())

const labelled = (entries: AuditEntry[]) => entries.flatMap((e) => e.changes.map((c) => c.field)).filter((f) => !(`audit.field.${f}` in CATALOGUES.en))

describe('the audit trail in words', () => {
  it('names every writing operation in English and Mongolian', () => {
    const writes = Object.entries(contract).filter(([, def]) => def.write).map(([name]) => name)
    expect(writes.filter((op) => !(`audit.op.${op}` in CATALOGUES.en) || !(`audit.op.${op}` in CATALOGUES.mn))).toEqual([])
  })

  it('labels every field an edit of a person, a household, a membership or an assembly changes, and names what ids stand for', async () => {
    const dor = (await t.must('branches.create', DORNOGOVI)).id
    const ork = (await t.must('branches.create', ORKHON)).id
    const h = await t.must('households.create', { branchId: dor, childrenCount: 1, areaCode: 'dornogovi' })
    const p = await t.must('persons.create', personAt(dor, { householdId: h.id, registerNumber: null }))
    await t.must('persons.update', {
      id: p.id,
      version: p.version,
      person: { clanName: 'Боржигин', patronymic: 'Дорж', givenName: 'Сарнай', latinName: 'Sarnai', registerNumber: 'ОР90020244', gender: 'female', phone: '99112233', branchId: ork, householdId: null },
    })
    const h2 = await t.must('households.create', { branchId: ork, childrenCount: 1, areaCode: 'orkhon' })
    await t.must('persons.update', { id: p.id, version: p.version + 1, person: { patronymic: 'Дорж', givenName: 'Сарнай', gender: 'female', branchId: ork, householdId: h2.id } })
    await t.must('households.update', {
      id: h2.id,
      version: h2.version,
      household: { branchId: ork, headPersonId: p.id, singleWomanHeaded: true, childrenCount: 4, areaCode: 'orkhon', soum: 'Баян-Өндөр', bag: '5-р баг', addressLine: 'Гудамж 1', registeredOn: '2008-01-01' },
    })
    const m = await t.must('members.apply', { member: { type: 'person', personId: p.id }, branchId: ork, date: '2008-02-01' })
    await t.must('members.decide', { membershipId: m.id, decision: 'accepted', date: '2008-03-01' })
    const a = await t.must('assemblies.create', { kind: 'local', branchId: ork, heldOn: '2008-04-01', membersPresent: 1 })
    await t.must('assemblies.update', { id: a.id, version: a.version, assembly: { kind: 'local', branchId: ork, heldOn: '2008-04-02', place: 'Эрдэнэт', membersPresent: 1, quorumPercent: 60, quorumStrict: false, decisions: 'Шийдвэр', minutes: 'Тэмдэглэл' }, reason: 'Огноо, газрыг буруу бичсэн' })

    const person = await t.must('persons.get', { id: p.id })
    const household = await t.must('households.get', { id: h2.id })
    const assembly = await t.must('assemblies.get', { id: a.id })
    expect(labelled([...person.audit, ...household.audit, ...assembly.audit])).toEqual([])
    const edit = person.audit.filter((e) => e.operation === 'persons.update').at(-1)!
    expect(edit.changes).toContainEqual({ field: 'branchId', before: { kind: 'name', name: { mn: 'Дорноговь', en: 'Dornogovi' } }, after: { kind: 'name', name: { mn: 'Орхон', en: 'Orkhon' } } })
    expect(edit.changes).toContainEqual({ field: 'gender', before: { kind: 'word', key: 'person.male' }, after: { kind: 'word', key: 'person.female' } })
    expect(person.audit.find((e) => e.operation === 'members.decide')!.changes).toContainEqual({ field: 'status', before: { kind: 'word', key: 'status.applicant' }, after: { kind: 'word', key: 'status.active' } })
    expect(household.audit[0]!.changes).toContainEqual({ field: 'singleWomanHeaded', before: { kind: 'flag', value: false }, after: { kind: 'flag', value: true } })
    expect(assembly.audit[0]!.changes).toContainEqual({ field: 'heldOn', before: { kind: 'date', date: '2008-04-01' }, after: { kind: 'date', date: '2008-04-02' } })
  })
})
