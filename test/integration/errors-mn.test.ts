import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DORNOGOVI, personAt, demoBackend, type TestBackend } from '../helpers/backend'
import { translate, type MessageKey } from '../../src/shared/i18n'
import type { Result } from '../../src/shared/domain/result'

/* A refusal per area carries its message key, so the user reads it in Mongolian. On both engines. */
let t: TestBackend
let branchId: number
beforeAll(async () => {
  t = await demoBackend()
  branchId = (await t.must('branches.create', { ...DORNOGOVI, code: 'DOR2', nameMn: 'Дорноговь 2' })).id
})
afterAll(() => t.close())

const inMongolian = (r: Result<unknown>) => {
  expect(r.ok).toBe(false)
  if (r.ok) return ''
  expect(r.error.key, r.error.message).toBeTruthy()
  return translate('mn', r.error.key as MessageKey, r.error.vars)
}

describe('refusals in Mongolian', () => {
  it('register: a missing field, a register number already recorded, a record that is not there', async () => {
    expect(inMongolian(await t.call('persons.create', { patronymic: 'Цэнд', gender: 'male', branchId } as never))).toBe('заавал бөглөнө')
    await t.must('persons.create', personAt(branchId, { registerNumber: 'ДО80010126', gender: 'female', givenName: 'Сарантуяа' }))
    expect(inMongolian(await t.call('persons.create', personAt(branchId, { registerNumber: 'ДО80010126', gender: 'female' })))).toBe('ДО80010126 регистрийн дугаар Ц. Сарантуяа-д (хүн 6170) аль хэдийн бүртгэлтэй')
    expect(inMongolian(await t.call('persons.get', { id: 999999 }))).toBe('999999 дугаартай хүн алга')
  })

  it('governance: a payment dated in the future', async () => {
    const m = (await t.must('members.list', { status: 'active', pageSize: 1 })).rows[0]
    expect(inMongolian(await t.call('fees.pay', { kind: 'member', membershipId: m.id, year: 2026, paidOn: '2027-01-01', amountMinor: 100, receiptNumber: 'Д-1' }))).toBe('ирээдүйд байж болохгүй')
  })

  it('governance: a receipt number used twice, an assembly that already has its election', async () => {
    const payments = await t.must('fees.payments', { kind: 'member', page: 1, pageSize: 1 })
    const p = payments.rows[0]!
    const debtor = (await t.must('fees.members', { year: p.year, branchId: p.branchId, onlyArrears: true, pageSize: 1 })).rows[0]!
    const r = await t.call('fees.pay', { kind: 'member', membershipId: debtor.membershipId, year: p.year, paidOn: `${p.year}-12-01`, amountMinor: 100, receiptNumber: p.receiptNumber })
    expect(inMongolian(r)).toBe(translate('mn', 'r.receiptUsedBranch', { receipt: p.receiptNumber }))
    expect(inMongolian(r)).toContain(p.receiptNumber)
    const held = (await t.must('assemblies.list', {})).find((a) => a.hasElection)!
    expect(inMongolian(await t.call('elections.record', { assemblyId: held.id, seats: 1, candidates: [{ membershipId: 1, votes: 1 }] }))).toBe('Энэ хуралд сонгууль аль хэдийн бүртгэгдсэн')
  })

  it('finance: a voucher already used, an empty budget revision', async () => {
    const v = (await t.must('expenses.search', { projectId: 1, pageSize: 1 })).rows[0]
    const r = await t.call('expenses.create', { projectId: 1, spentOn: '2010-05-05', voucher: v.voucher.toLowerCase(), lineId: 1, branchId: null, description: 'Сургалт', amountMinor: 100, currency: 'MNT', sourceId: 1 })
    expect(inMongolian(r)).toBe(`${v.voucher} дугаар аль хэдийн ашиглагдсан (${v.spentOn}-ны зарлага)`)
    expect(inMongolian(await t.call('budget.revise', { projectId: 1, approvedOn: '2010-01-01', reason: 'x', amounts: [] }))).toBe('дор хаяж нэг дүн байна: хоосон төсөв нь тодотгол биш')
  })

  it('a record changed by someone else since it was opened', async () => {
    const p = await t.must('persons.create', personAt(branchId, { registerNumber: 'ДО81020226', gender: 'female', givenName: 'Оюун' }))
    await t.must('persons.update', { id: p.id, version: p.version, person: personAt(branchId, { registerNumber: 'ДО81020226', gender: 'female', givenName: 'Оюунаа' }) })
    const stale = await t.call('persons.update', { id: p.id, version: p.version, person: personAt(branchId, { registerNumber: 'ДО81020226', gender: 'female', givenName: 'Оюунчимэг' }) })
    expect(inMongolian(stale)).toMatch(/^Таныг нээснээс хойш энэ хүний мэдээллийг tester 2026\.11\.26 17:00-д өөрчилсөн; юу ч хадгалагдсангүй\./)
  })
})
