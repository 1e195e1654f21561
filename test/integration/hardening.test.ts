import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DORNOGOVI, personAt, demoBackend, testBackend, type TestBackend } from '../helpers/backend'
import { translate, type MessageKey } from '../../src/shared/i18n'

/* Any text, any request: on both engines. */
let t: TestBackend
beforeEach(async () => {
  t = await testBackend()
})
afterEach(() => t.close())

describe('text fields', () => {
  it('refuse control characters and bidirectional overrides naming the field, and drop zero-width characters', async () => {
    const dor = await t.must('branches.create', DORNOGOVI)
    const r = await t.call('persons.create', personAt(dor.id, { givenName: 'Бат\u202Eбаяр' }))
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'givenName', message: expect.stringMatching(/invisible control character \(U\+202E\)/) } })
    const nul = await t.call('households.create', { branchId: dor.id, childrenCount: 1, areaCode: 'dornogovi', addressLine: 'Гудамж\u0000 5' })
    expect(nul).toMatchObject({ ok: false, error: { field: 'addressLine' } })
    expect(await t.count('person')).toBe(0)
    const p = await t.must('persons.create', personAt(dor.id, { givenName: 'Бат\u200Bбаяр', patronymic: '\uFEFFЦэнд' }))
    expect(p).toMatchObject({ givenName: 'Батбаяр', patronymic: 'Цэнд' })
    expect((await t.must('persons.search', { query: 'батбаяр' })).total).toBe(1)
  })
})

describe('identifiers that must be unique', () => {
  it('collide after normalisation: receipts and vouchers typed with another dash, case or width are the same number', async () => {
    // On the demo instead of the empty database.
    await t.close()
    t = await demoBackend()
    const expense = (voucher: string) => ({ projectId: 1, spentOn: '2010-05-05', voucher, lineId: 1, branchId: null, description: 'Сургалт', amountMinor: 100_00, currency: 'MNT' as const, sourceId: 1 })
    const first = await t.must('expenses.create', expense('u-100'))
    expect(first.voucher).toBe('U-100')
    for (const lookAlike of ['U-100', 'u\u2011100', 'Ｕ－１００', 'U\u2013100\u200B']) {
      expect(await t.call('expenses.create', expense(lookAlike)), lookAlike).toMatchObject({ ok: false, error: { code: 'conflict', field: 'voucher' } })
    }
    const branch = await t.must('branches.create', { code: 'new-1', nameMn: 'Шинэ', nameEn: 'New', areaCode: 'tuv' })
    expect(branch.code).toBe('NEW-1')
    expect(await t.call('branches.create', { code: 'NEW\u20111', nameMn: 'Шинэ 2', nameEn: 'New 2', areaCode: 'tuv' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'code' } })
  })

  it('collide in an imported ledger too, against the recorded vouchers and within the file', async () => {
    // On the demo instead of the empty database.
    await t.close()
    t = await demoBackend()
    await t.must('expenses.create', { projectId: 1, spentOn: '2010-05-05', voucher: 'U-100', lineId: 1, branchId: null, description: 'Сургалт', amountMinor: 100_00, currency: 'MNT', sourceId: 1 })
    const csv = 'Date,Voucher,Budget line,Branch,Description,Amount,Currency,Funding source\n2010-05-06,u\u2011100,1.1,Secretariat,A,100,MNT,DANIDA\n2010-05-07,x-7,1.1,Secretariat,B,100,MNT,DANIDA\n2010-05-08,X\u20137,1.1,Secretariat,C,100,MNT,DANIDA\n'
    const r = await t.must('expenses.import', { projectId: 1, fileName: 'l.csv', base64: Buffer.from(csv).toString('base64'), dryRun: false })
    expect(r.imported).toBe(0)
    expect(r.problems.map((p) => [p.row, p.reason])).toEqual([
      [2, 'U-100 is already recorded'],
      [4, 'X-7 is also on row 3'],
    ])
    // Each row's reason is said in Mongolian too, under the column's Mongolian title.
    expect(r.problems.map((p) => [p.columnMn, translate('mn', p.key as MessageKey, p.vars)])).toEqual([
      ['Баримтын дугаар', 'U-100 аль хэдийн бүртгэгдсэн'],
      ['Баримтын дугаар', 'X-7 мөн 3-р мөрөнд байна'],
    ])
  })
})
