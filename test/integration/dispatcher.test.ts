import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DORNOGOVI, freshPostgres, personAt, TEST_ENGINE, testBackend, type TestBackend } from '../helpers/backend'

let t: TestBackend
let branchId: number
beforeEach(async () => {
  t = await testBackend()
  branchId = (await t.must('branches.create', DORNOGOVI)).id
})
afterEach(() => t.close())

/** Each bad input: the error names the field, and nothing at all is written. */
async function expectRefused(op: Parameters<TestBackend['call']>[0], input: unknown, field: string, code = 'validation') {
  const tables = ['branch', 'person', 'household', 'membership', 'membership_event', 'audit_entry']
  const before = await Promise.all(tables.map((x) => t.count(x)))
  const r = await t.call(op, input as never)
  expect(r.ok).toBe(false)
  if (!r.ok) {
    expect(r.error.code).toBe(code)
    expect(r.error.field).toBe(field)
    if (code === 'validation') expect(r.error.message).toContain(field.split('.').pop())
  }
  expect(await Promise.all(tables.map((x) => t.count(x)))).toEqual(before)
}

describe('the dispatcher refuses bad input with a named field and writes nothing', () => {
  it('wrong types', () => expectRefused('persons.create', personAt(branchId, { branchId: 'one' }), 'branchId'))
  it('unknown keys', () => expectRefused('persons.create', personAt(branchId, { nickname: 'Бат' }), 'nickname'))
  it('unknown keys in nested input', () => expectRefused('persons.update', { id: 1, version: 1, person: personAt(branchId, { extra: true }) }, 'person.extra'))
  it('too-long strings', () => expectRefused('persons.create', personAt(branchId, { givenName: 'Б'.repeat(61) }), 'givenName'))
  it('invalid register numbers', () => expectRefused('persons.create', personAt(branchId, { registerNumber: 'УБ85133115' }), 'registerNumber'))
  it('register numbers in Latin letters', () => expectRefused('persons.create', personAt(branchId, { registerNumber: 'UB85031215' }), 'registerNumber'))
  it('impossible dates', () => expectRefused('persons.create', personAt(branchId, { registerNumber: null, birthDate: '2009-02-30' }), 'birthDate'))
  it('a missing required field', () => expectRefused('branches.create', { ...DORNOGOVI, code: 'NEW', nameEn: undefined }, 'nameEn'))
  it('an unknown area', () => expectRefused('branches.create', { ...DORNOGOVI, code: 'NEW', areaCode: 'atlantis' }, 'areaCode'))
  it('a household with a negative number of children', () =>
    expectRefused('households.create', { branchId, childrenCount: -1, areaCode: 'dornogovi' }, 'childrenCount'))
  it('a decision on an unknown membership', () => expectRefused('members.decide', { membershipId: 99, decision: 'accepted', date: '2009-01-01' }, 'membershipId', 'not_found'))
  it('a person at an unknown branch', () => expectRefused('persons.create', personAt(999), 'branchId', 'not_found'))

  it('unknown operations', async () => {
    expect(await t.call('persons.erase' as never, {} as never)).toMatchObject({ ok: false, error: { code: 'unknown_operation' } })
  })
})

describe('permissions', () => {
  it('a board member can read but not write', async () => {
    const board = await testBackend({ role: 'board' })
    try {
      expect((await board.call('branches.list', {})).ok).toBe(true)
      const r = await board.call('branches.create', DORNOGOVI)
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(await board.count('branch')).toBe(0)
    } finally {
      await board.close()
    }
  })
})

describe('audit', () => {
  it('records who, when, the operation, before and after for every write', async () => {
    const p = await t.must('persons.create', personAt(branchId))
    await t.must('persons.update', { id: p.id, version: p.version, person: personAt(branchId, { phone: '99112233' }) })
    const log = await t.must('audit.list', { entityType: 'person', entityId: p.id })
    expect(log.total).toBe(2)
    const [update, create] = log.rows
    expect(create).toMatchObject({ actor: 'tester', operation: 'persons.create', before: null, after: { givenName: 'Батбаяр' } })
    expect(update).toMatchObject({ operation: 'persons.update', before: { phone: null }, after: { phone: '99112233' } })
    expect(update.at).toBe('2026-11-26T09:00:00.000Z')
  })
})

describe('unexpected failures', () => {
  it('come back as internal with no stack trace, and are logged', async () => {
    const logged: unknown[] = []
    const { startBackend } = await import('../../src/main/backend')
    const { mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const server = TEST_ENGINE === 'postgres' ? await freshPostgres() : null
    const backend = await startBackend({ dataDir: mkdtempSync(join(tmpdir(), 'spn-x-')), databaseUrl: server?.url, log: (_m, e) => logged.push(e) })
    // Break the database under the dispatcher: the service's query fails in an unplanned way.
    await backend.db!.dataSource.query('DROP TABLE audit_entry')
    const r = await backend.dispatch('branches.create', DORNOGOVI)
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: expect.not.stringMatching(/at |\.ts|SQLITE/) } })
    expect(logged).toHaveLength(1)
    // All or nothing: the branch insert before the failing audit insert was rolled back.
    expect(await backend.db!.read((_m, sql) => sql.value('SELECT count(*) AS n FROM branch'))).toBe(0)
    await backend.close()
    await server?.drop()
  })
})
