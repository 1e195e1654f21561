import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoBackend, type TestBackend } from '../helpers/backend'
import type { Project } from '../../src/shared/api/financeTypes'

/*
 * A mistake in money is voided with a reason, never edited or deleted: the
 * entry stays (shown on request, with who and why), every total, FIFO value
 * and report leaves it out at once, and its number is free for the right one.
 * On both engines.
 */
let t: TestBackend
let project: Project
beforeAll(async () => {
  t = await demoBackend()
  project = (await t.must('finance.projects', {}))[0]!
})
afterAll(() => t.close())

const line = (code: string) => project.lines.find((l) => l.code === code)!.id
const source = (code: string) => project.sources.find((s) => s.code === code)!.id
const cumulative = async () => (await t.must('finance.budgetVsActual', { projectId: project.id })).totals

describe('voiding an expense', () => {
  it('takes it out of every total at once, keeps it on the list on request, and frees its voucher for the right one', async () => {
    const before = await cumulative()
    const wrong = await t.must('expenses.create', {
      projectId: project.id, spentOn: '2010-06-01', voucher: 'VOID-1', lineId: line('1.1'), branchId: null, description: 'Сургалт', amountMinor: 12_500_000, currency: 'MNT', sourceId: source('DANIDA'),
    })
    const withWrong = await cumulative()
    expect(withWrong.actualMntMinor - before.actualMntMinor).toBe(12_500_000)

    expect(await t.call('expenses.void', { id: wrong.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'reason' } })
    const voided = await t.must('expenses.void', { id: wrong.id, reason: 'Дүнг буруу бичсэн: 1 250 000 байх ёстой' })
    expect(voided.voided).toMatchObject({ by: expect.any(String), reason: 'Дүнг буруу бичсэн: 1 250 000 байх ёстой' })
    expect(voided.dkkMinor).toBeNull()
    expect(await cumulative()).toEqual(before)
    expect(await t.call('expenses.void', { id: wrong.id, reason: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict', key: 'r.alreadyVoided' } })

    // The list leaves it out, or shows it struck through when asked; the totals never count it.
    const plain = await t.must('expenses.search', { projectId: project.id, from: '2010-06-01', to: '2010-06-01' })
    expect(plain.rows.map((e) => e.voucher)).not.toContain('VOID-1')
    const all = await t.must('expenses.search', { projectId: project.id, from: '2010-06-01', to: '2010-06-01', withVoided: true })
    expect(all.rows.find((e) => e.voucher === 'VOID-1')?.voided?.reason).toMatch(/^Дүнг буруу/)
    expect(all.totals).toEqual(plain.totals)

    // The right one, with the number on the paper voucher.
    const right = await t.must('expenses.create', {
      projectId: project.id, spentOn: '2010-06-01', voucher: 'VOID-1', lineId: line('1.1'), branchId: null, description: 'Сургалт', amountMinor: 125_000_000, currency: 'MNT', sourceId: source('DANIDA'),
    })
    expect((await cumulative()).actualMntMinor - before.actualMntMinor).toBe(125_000_000)
    // …but only once: two standing expenses never share a voucher.
    expect(await t.call('expenses.create', {
      projectId: project.id, spentOn: '2010-06-02', voucher: 'void-1', lineId: line('1.1'), branchId: null, description: 'Сургалт', amountMinor: 100, currency: 'MNT', sourceId: source('DANIDA'),
    })).toMatchObject({ ok: false, error: { field: 'voucher' } })
    await t.must('expenses.void', { id: right.id, reason: 'Туршилт' })

    // The audit trail says who voided it.
    const trail = await t.must('audit.list', { entityType: 'expense', entityId: wrong.id })
    expect(trail.rows.map((a) => a.operation)).toEqual(['expenses.void', 'expenses.create'])
  })
})

describe('voiding a transfer or bank interest', () => {
  it('converts the expenses it covered from the other transfers (FIFO) at once', async () => {
    const before = await cumulative()
    const transfer = await t.must('transfers.create', { projectId: project.id, sentOn: '2010-12-01', dkkMinor: 10_000_000, receivedOn: '2010-12-03', mntMinor: 2_500_000_000, reference: 'VOID-T' })
    // The last expense of the project, taking every tögrög left on the account, this transfer's too.
    const left = (await t.must('transfers.list', { projectId: project.id })).reduce((sum, x) => sum + x.mntLeftMinor, 0)
    const expense = await t.must('expenses.create', {
      projectId: project.id, spentOn: '2011-02-28', voucher: 'VOID-2', lineId: line('1.1'), branchId: null, description: 'Сургалт', amountMinor: left, currency: 'MNT', sourceId: source('DANIDA'), confirmed: true,
    })
    const covered = (await t.must('expenses.search', { projectId: project.id, from: '2011-02-28', to: '2011-02-28' })).rows.find((e) => e.id === expense.id)!
    expect(covered.uncoveredMntMinor).toBe(0)

    const voided = await t.must('transfers.void', { id: transfer.id, reason: 'Хоёр удаа бүртгэсэн' })
    expect(voided.voided?.reason).toBe('Хоёр удаа бүртгэсэн')
    expect(voided.mntLeftMinor).toBe(0)
    expect((await t.must('transfers.list', { projectId: project.id })).map((x) => x.id)).not.toContain(transfer.id)
    expect((await t.must('transfers.list', { projectId: project.id, withVoided: true })).find((x) => x.id === transfer.id)?.voided).not.toBeNull()
    const after = (await t.must('expenses.search', { projectId: project.id, from: '2011-02-28', to: '2011-02-28' })).rows.find((e) => e.id === expense.id)!
    // Without that transfer the account cannot cover it (bank interest left covers a little): flagged, as any uncovered MNT.
    expect(after.uncoveredMntMinor).toBeGreaterThan(2_000_000_000)
    expect(after.uncoveredMntMinor).toBeLessThanOrEqual(2_500_000_000)
    expect(after.dkkMinor).not.toBe(covered.dkkMinor)
    await t.must('expenses.void', { id: expense.id, reason: 'Туршилт' })
    expect(await cumulative()).toEqual(before)

    const interest = await t.must('funds.record', { projectId: project.id, kind: 'interest', entryOn: '2010-12-31', mntMinor: 50_000_000, dkkMinor: 200_000, note: 'Хүү' })
    await t.must('funds.void', { id: interest.id, reason: 'Дансны хуулгатай тулгахад байхгүй' })
    expect((await t.must('funds.entries', { projectId: project.id })).map((e) => e.id)).not.toContain(interest.id)
    expect((await t.must('funds.entries', { projectId: project.id, withVoided: true })).find((e) => e.id === interest.id)?.voided?.reason).toBe('Дансны хуулгатай тулгахад байхгүй')
  })
})

describe('voiding a fee payment', () => {
  it('brings the arrears back and frees the receipt number', async () => {
    const debtor = (await t.must('fees.members', { year: 2010, onlyArrears: true, pageSize: 1 })).rows[0]!
    const paid = await t.must('fees.pay', { kind: 'member', membershipId: debtor.membershipId, year: 2010, paidOn: '2010-12-20', amountMinor: debtor.arrearsMinor, receiptNumber: 'ХЧ-1' })
    const arrears = async () => (await t.must('fees.members', { year: 2010, branchId: debtor.branchId, pageSize: 200 })).rows.find((r) => r.membershipId === debtor.membershipId)!.arrearsMinor
    expect(await arrears()).toBe(0)
    await t.must('fees.voidPayment', { id: paid.id, reason: 'Өөр гишүүний төлбөр' })
    expect(await arrears()).toBe(debtor.arrearsMinor)
    const payments = await t.must('fees.payments', { year: 2010, branchId: debtor.branchId, page: 1, pageSize: 200 })
    expect(payments.rows.map((p) => p.id)).not.toContain(paid.id)
    await t.must('fees.pay', { kind: 'member', membershipId: debtor.membershipId, year: 2010, paidOn: '2010-12-20', amountMinor: debtor.arrearsMinor, receiptNumber: 'ХЧ-1' })
    expect(await arrears()).toBe(0)
  })
})

describe('figures that are possible but unlikely', () => {
  it('a rate far from the previous transfer, or an expense ten times the largest, is asked about, then saved when confirmed', async () => {
    const last = (await t.must('transfers.list', { projectId: project.id })).at(-1)!
    const typo = { projectId: project.id, sentOn: '2011-01-03', dkkMinor: 10_000_000, receivedOn: '2011-01-05', mntMinor: Math.round((last.mntMinor * 1_000_000) / last.dkkMinor), reference: 'RATE-TYPO' } // a tenth of the last rate: a zero left out
    const asked = await t.call('transfers.create', typo)
    expect(asked).toMatchObject({ ok: false, error: { code: 'validation', field: 'mntMinor', key: 'r.confirm.rateBelow' } })
    expect(asked.ok ? 0 : Number(asked.error.vars?.percent)).toBeGreaterThanOrEqual(89)
    expect((await t.must('transfers.list', { projectId: project.id })).map((x) => x.reference)).not.toContain('RATE-TYPO')
    const saved = await t.must('transfers.create', { ...typo, confirmed: true })
    expect(saved.reference).toBe('RATE-TYPO')
    await t.must('transfers.void', { id: saved.id, reason: 'Туршилт' })

    const largest = Math.max(...(await t.must('expenses.search', { projectId: project.id, pageSize: 200 })).rows.filter((e) => e.currency === 'MNT').map((e) => e.amountMinor))
    const huge = { projectId: project.id, spentOn: '2011-01-10', voucher: 'HUGE-1', lineId: line('1.1'), branchId: null, description: 'Сургалт', amountMinor: 1_000_000_000_000, currency: 'MNT' as const, sourceId: source('DANIDA') }
    expect(largest * 10).toBeLessThan(huge.amountMinor)
    expect(await t.call('expenses.create', huge)).toMatchObject({ ok: false, error: { field: 'amountMinor', key: 'r.confirm.amount' } })
    const ok = await t.must('expenses.create', { ...huge, confirmed: true })
    await t.must('expenses.void', { id: ok.id, reason: 'Туршилт' })
  })
})
