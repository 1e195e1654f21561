import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { startBackend, type Backend } from '../../src/main/backend'
import { DORNOGOVI, personAt, testBackend, type TestBackend } from '../helpers/backend'
import type { Result } from '../../src/shared/domain/result'
import { startHttpBridge, type HttpBridge } from '../../src/main/transport/http'

/*
 * Several users at once on one shared PostgreSQL database: two app instances
 * (as on two office PCs) against the same server.
 */
let a: TestBackend
let b: Backend
let bDir: string
beforeEach(async () => {
  a = await testBackend({ actor: 'oyuna' })
  bDir = mkdtempSync(join(tmpdir(), 'spn-second-'))
  b = await startBackend({ dataDir: bDir, databaseUrl: a.databaseUrl, session: { actor: 'bat' }, clock: () => new Date('2026-11-26T09:30:00Z'), log: () => undefined })
  if (b.startupError) throw new Error(b.startupError)
})
afterEach(async () => {
  await b.close()
  rmSync(bDir, { recursive: true, force: true })
  await a.close()
})

const ok = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}

/** A Dornogovi member liable for 2009 with a local fee of 10 000 ₮. */
async function payableMember(): Promise<number> {
  const dor = await a.must('branches.create', DORNOGOVI)
  const p = await a.must('persons.create', personAt(dor.id, { registerNumber: 'ДО80010126', gender: 'female', givenName: 'Сарантуяа' }))
  const m = await a.must('members.apply', { member: { type: 'person', personId: p.id }, branchId: dor.id, date: '2008-01-10' })
  await a.must('members.decide', { membershipId: m.id, decision: 'accepted', date: '2008-02-01' })
  const asm = await a.must('assemblies.create', { kind: 'local', branchId: dor.id, heldOn: '2009-03-01', place: 'Сайншанд', membersPresent: 1 })
  await a.must('fees.decide', { assemblyId: asm.id, amountMinor: 1_000_000 })
  return m.id
}

describe('two app instances on one shared database', () => {
  it('a payment recorded in one is seen by the other', async () => {
    const membershipId = await payableMember()
    await a.must('fees.pay', { kind: 'member', membershipId, year: 2009, paidOn: '2009-04-01', amountMinor: 400_000, receiptNumber: 'Д-001' })
    const seen = ok<{ rows: Array<{ receiptNumber: string; amountMinor: number }> }>(await b.dispatch('fees.payments', { year: 2009 }))
    expect(seen.rows).toMatchObject([{ receiptNumber: 'Д-001', amountMinor: 400_000 }])
  })

  it('the same receipt number recorded at once in both is accepted once; the other is told in words', async () => {
    const membershipId = await payableMember()
    const pay = (amountMinor: number) => ({ kind: 'member', membershipId, year: 2009, paidOn: '2009-04-01', amountMinor, receiptNumber: 'Д-007' })
    const results = await Promise.all([a.call('fees.pay', pay(300_000) as never), b.dispatch('fees.pay', pay(200_000))])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const refused = results.find((r) => !r.ok)!
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', field: 'receiptNumber' } })
    expect(await a.count('fee_payment')).toBe(1)
  })

  it('saving a record someone else changed since you opened it is refused, naming who and when; never a silent overwrite', async () => {
    const dor = await a.must('branches.create', DORNOGOVI)
    const opened = await a.must('persons.create', personAt(dor.id))
    ok(await b.dispatch('persons.update', { id: opened.id, version: opened.version, person: personAt(dor.id, { phone: '99112233' }) }))
    const stale = await a.call('persons.update', { id: opened.id, version: opened.version, person: personAt(dor.id, { phone: '88001122' }) })
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'version', message: 'This person was changed by bat at 2026.11.26 17:30 after you opened it; nothing was saved. Reload to see the change, then make yours again.' },
    })
    const now = await a.must('persons.get', { id: opened.id })
    expect(now.person).toMatchObject({ phone: '99112233', version: 2 })
    // After reloading, the change goes through.
    expect((await a.must('persons.update', { id: opened.id, version: now.person.version, person: personAt(dor.id, { phone: '88001122' }) })).version).toBe(3)
  })

  it('of two saves of the same version at the same moment, exactly one goes through', async () => {
    const dor = await a.must('branches.create', DORNOGOVI)
    const results = await Promise.all([
      a.call('branches.update', { id: dor.id, version: 1, branch: { ...DORNOGOVI, nameEn: 'Dornogovi A' } }),
      b.dispatch('branches.update', { id: dor.id, version: 1, branch: { ...DORNOGOVI, nameEn: 'Dornogovi B' } }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'conflict', field: 'version' } })
    const list = await a.must('branches.list', {})
    expect(list[0].version).toBe(2)
  })

  it('FIFO values and balances are right after expenses recorded at once in both', async () => {
    await a.loadDemo()
    const budget = await a.must('finance.budgetVsActual', { projectId: 1, projectYear: null })
    const before = budget.totals.actualMntMinor
    const expense = (voucher: string) => ({ projectId: 1, spentOn: '2010-12-20', voucher, lineId: 1, branchId: null, description: 'Сургалт', amountMinor: 150_000_00, currency: 'MNT' as const, sourceId: 1 })
    await Promise.all([a.call('expenses.create', expense('C-1')), b.dispatch('expenses.create', expense('C-2')), a.call('expenses.create', expense('C-3')), b.dispatch('expenses.create', expense('C-4'))])
    const after = await a.must('finance.budgetVsActual', { projectId: 1, projectYear: null })
    expect(after.totals.actualMntMinor - before).toBe(4 * 150_000_00)
    // Every MNT expense is valued first in, first out over the same pool, whoever recorded it.
    const ledger = await a.must('expenses.search', { projectId: 1, page: 1, pageSize: 200 })
    const other = ok<typeof ledger>(await b.dispatch('expenses.search', { projectId: 1, page: 1, pageSize: 200 }))
    expect(other.totals).toEqual(ledger.totals)
    expect(ledger.totals.dkkMinor).toBe(after.totals.actualDkkMinor)
  })
})

describe('two browser-mode servers on one database', () => {
  it('a payment recorded through one is seen through the other; the same receipt sent to both at once is accepted once', async () => {
    const membershipId = await payableMember()
    const [one, two] = [await startHttpBridge(a.backend, {}), await startHttpBridge(b, {})]
    const post = (bridge: HttpBridge, op: string, body: unknown) =>
      fetch(`http://127.0.0.1:${bridge.port}/api/${op}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-spn-token': bridge.token }, body: JSON.stringify(body) })
    try {
      const pay = (amountMinor: number, receiptNumber: string) => ({ kind: 'member', membershipId, year: 2009, paidOn: '2009-04-01', amountMinor, receiptNumber })
      expect((await post(one, 'fees.pay', pay(100_000, 'Д-100'))).status).toBe(200)
      const seen = (await (await post(two, 'fees.payments', { year: 2009 })).json()) as { value: { rows: Array<{ receiptNumber: string }> } }
      expect(seen.value.rows.map((r) => r.receiptNumber)).toEqual(['Д-100'])
      const both = await Promise.all([post(one, 'fees.pay', pay(100_000, 'Д-101')), post(two, 'fees.pay', pay(100_000, 'Д-101'))])
      expect(both.map((r) => r.status).sort()).toEqual([200, 409])
      const refused = (await both.find((r) => r.status === 409)!.json()) as { error: { field: string; message: string } }
      // Depending on the timing, the check before the insert or the unique key at commit refuses it; either way in words.
      expect(refused.error).toMatchObject({ field: 'receiptNumber', message: expect.stringMatching(/is already used|was saved by another user a moment ago/) })
    } finally {
      await one.close()
      await two.close()
    }
  })
})

describe('a lost connection to the server', () => {
  it('fails the write in words, saves nothing of it, and the next write works', async () => {
    const dor = await a.must('branches.create', DORNOGOVI)
    const admin = new pg.Client({ connectionString: a.databaseUrl })
    await admin.connect()
    // Cut every other connection of this database, as a server restart or a network drop would.
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)
    await admin.end()
    const first = await a.call('persons.create', personAt(dor.id))
    if (!first.ok) expect(first.error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/nothing was saved/) })
    const second = await a.call('persons.create', personAt(dor.id, { registerNumber: 'УБ85031216' }))
    expect(second.ok).toBe(true)
    expect(await a.count('person')).toBe(first.ok ? 2 : 1)
  })
})
