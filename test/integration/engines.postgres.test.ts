import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBackend, type Backend } from '../../src/main/backend'
import { buildReportModel, type ReportRequest } from '../../src/main/services/reports'
import { demoBackend, type TestBackend } from '../helpers/backend'

/*
 * The same data on both engines gives the same figures: every report model,
 * and the pages' read models, are equal.
 */
let onPg: TestBackend
let onSqlite: Backend
let sqliteDir: string
const clock = () => new Date('2026-11-26T09:00:00Z')

beforeAll(async () => {
  onPg = await demoBackend()
  sqliteDir = mkdtempSync(join(tmpdir(), 'spn-engines-'))
  onSqlite = await startBackend({ dataDir: sqliteDir, session: { actor: 'tester' }, clock, log: () => undefined })
  await onSqlite.db!.write((tx, sql) => import('../../src/main/demo/load').then((m) => m.loadDemo({ tx, sql }, { now: '2026-11-26T09:00:00.000Z' })))
}, 120_000)
afterAll(async () => {
  await onSqlite.close()
  rmSync(sqliteDir, { recursive: true, force: true })
  await onPg.close()
})

const model = (backend: Backend, input: ReportRequest) =>
  backend.db!.read((tx, sql) => buildReportModel({ tx, sql, actor: 'tester', operation: 'reports.generate', now: clock().toISOString(), dataDir: '' }, input))

const REPORTS: ReportRequest[] = [
  { report: 'membership', year: 2009, lang: 'mn', format: 'xlsx' },
  { report: 'membership', from: '2007-03-01', to: '2008-02-29', lang: 'en', format: 'pdf' },
  { report: 'fees', year: 2009, lang: 'en', format: 'xlsx' },
  { report: 'assemblies', year: 2010, lang: 'mn', format: 'xlsx' },
  { report: 'annual', year: 2008, lang: 'en', format: 'pdf' },
  { report: 'financial', projectYear: 2, lang: 'en', format: 'xlsx' },
  { report: 'financial', lang: 'mn', format: 'xlsx' },
  { report: 'funds', projectYear: 3, lang: 'en', format: 'xlsx' },
  { report: 'ledger', projectYear: 1, lang: 'en', format: 'xlsx' },
] as ReportRequest[]

describe('SQLite and PostgreSQL, same data', () => {
  it.each(REPORTS.map((r) => [`${r.report} ${r.year ?? r.projectYear ?? r.from ?? 'cumulative'}`, r] as const))('report %s: the same model', async (_name, input) => {
    const [a, b] = [await model(onSqlite, input), await model(onPg.backend, input)]
    expect(b.sections.length).toBeGreaterThan(0)
    expect(b).toEqual(a)
  })

  it('the pages read the same: dashboard, persons, members, fees, budget against actual, boards', async () => {
    const both = async (op: string, input: unknown) => {
      const [x, y] = await Promise.all([onSqlite.dispatch(op, input), onPg.backend.dispatch(op, input)])
      expect(y, op).toEqual(x)
      expect(x.ok, op).toBe(true)
    }
    await both('dashboard.summary', { asOf: '2009-06-30' })
    await both('persons.search', { query: '', sort: 'givenName', page: 3, pageSize: 50 })
    await both('persons.search', { query: 'bat', sort: 'branch', dir: 'desc', pageSize: 50 })
    await both('households.search', { query: '', sort: 'head', pageSize: 50 })
    await both('members.list', { page: 2, pageSize: 50 })
    await both('fees.overview', { year: 2010 })
    await both('fees.members', { year: 2010, onlyArrears: true, pageSize: 200 })
    await both('finance.budgetVsActual', { projectId: 1, projectYear: 2 })
    await both('boards.current', {})
    await both('expenses.search', { projectId: 1, flaggedOnly: false, page: 4, pageSize: 50 })
  })
})
