import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoBackend, type TestBackend } from '../helpers/backend'
import type { Project } from '../../src/shared/api/financeTypes'

let t: TestBackend
let project: Project
beforeAll(async () => {
  t = await demoBackend()
  project = (await t.must('finance.projects', {}))[0]
})
afterAll(() => t.close())

const line = (code: string) => project.lines.find((l) => l.code === code)!.id
const source = (code: string) => project.sources.find((s) => s.code === code)!.id
const voucher = (over: Record<string, unknown> = {}) => ({
  projectId: project.id,
  spentOn: '2009-05-05',
  voucher: 'S-0001',
  lineId: line('1.1'),
  branchId: null,
  description: 'Training',
  amountMinor: 100_000_00,
  currency: 'MNT' as const,
  sourceId: source('DANIDA'),
  ...over,
})

describe('submitting a report to the donor', () => {
  it('keeps the file with its hash, downloads it byte for byte after new entries, and locks its period', async () => {
    const year1 = await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 1 })
    const sent = await t.must('reports.submit', { report: 'financial', projectYear: 1, lang: 'en', format: 'xlsx', note: 'Annual report 2007/08, sent to DANIDA by e-mail' })
    expect(sent).toMatchObject({ report: 'financial', projectYear: 1, from: '2007-03-01', to: '2008-02-29', format: 'xlsx', fileName: 'SPN-financial-Y1-en.xlsx', submittedBy: 'tester' })
    const file = await t.must('reports.submittedFile', { id: sent.id })
    const bytes = Buffer.from(file.base64, 'base64')
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sent.sha256)
    expect(file.sha256).toBe(sent.sha256)
    expect(bytes.length).toBe(sent.byteLength)
    expect(await t.must('reports.submitted', { projectId: project.id })).toEqual([sent])

    // New entries in the open period; the kept file does not change.
    await t.must('expenses.create', voucher())
    expect((await t.must('reports.submittedFile', { id: sent.id })).base64).toBe(file.base64)
    // The period's figures do not change either.
    expect(await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 1 })).toEqual(year1)
  })

  it('refuses entries dated in the locked period, and a revision in force from it', async () => {
    const locked = { field: 'spentOn', key: 'r.periodLocked' }
    expect(await t.call('expenses.create', voucher({ voucher: 'S-0002', spentOn: '2008-02-29' }))).toMatchObject({ ok: false, error: { code: 'validation', ...locked, vars: { to: '2008.02.29', from: '2008.03.01' } } })
    expect(await t.call('transfers.create', { projectId: project.id, sentOn: '2008-01-10', dkkMinor: 100_000_00, receivedOn: '2008-01-15', mntMinor: 22_000_000_00, reference: null, note: null })).toMatchObject({
      ok: false,
      error: { field: 'receivedOn', key: 'r.periodLocked' },
    })
    expect(await t.call('funds.record', { projectId: project.id, kind: 'interest', entryOn: '2007-12-31', mntMinor: 10_000_00, dkkMinor: 45_00, note: null })).toMatchObject({ ok: false, error: { field: 'entryOn', key: 'r.periodLocked' } })
    const old = (await t.must('expenses.search', { projectId: project.id, to: '2007-12-31', pageSize: 1 })).rows[0]
    expect(await t.call('expenses.void', { id: old.id, reason: 'typed twice' })).toMatchObject({ ok: false, error: { key: 'r.periodLocked' } })
    const transfer = (await t.must('transfers.list', { projectId: project.id }))[0]
    expect(await t.call('transfers.void', { id: transfer.id, reason: 'x' })).toMatchObject({ ok: false, error: { key: 'r.periodLocked' } })
    const csv = 'Date;Voucher;Budget line;Branch;Description;Amount;Currency;Funding source\n2008.01.20;CSV-L1;6.1;Khan-Uul;Monitoring;"350 000";MNT;DANIDA\n2009.01.20;CSV-L2;6.1;Khan-Uul;Monitoring;"350 000";MNT;DANIDA\n'
    const imported = await t.must('expenses.import', { projectId: project.id, fileName: 'ledger.csv', base64: Buffer.from(csv).toString('base64'), dryRun: false })
    expect(imported.imported).toBe(0)
    expect(imported.problems).toEqual([expect.objectContaining({ row: 2, column: 'Date', key: 'imp.locked' })])
    const budget = await t.must('budget.get', { projectId: project.id })
    expect(await t.call('budget.revise', { projectId: project.id, approvedOn: '2008-02-01', reason: 'x', amounts: budget.amounts })).toMatchObject({ ok: false, error: { field: 'approvedOn' } })
  })

  it('corrects a voucher of the locked period in the open one, pointing back, without changing the period submitted', async () => {
    const year1 = await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 1 })
    const year2 = await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 2 })
    const old = (await t.must('expenses.search', { projectId: project.id, to: '2008-02-29', pageSize: 200 })).rows.find((e) => e.currency === 'MNT' && e.lineCode === '1.1')!
    // A tenth of it was not spent: taken back in the open period.
    const back = -Math.round(old.amountMinor / 10)
    const fix = await t.must('expenses.create', voucher({ voucher: 'S-FIX-1', spentOn: '2008-03-20', lineId: old.lineId, amountMinor: back, correctsId: old.id, description: `Correction of ${old.voucher}` }))
    expect(fix.corrects).toEqual({ id: old.id, voucher: old.voucher, spentOn: old.spentOn })
    // At the corrected voucher's own value, to the øre (rounded once).
    const expected = -Math.round((old.dkkMinor! * -back) / old.amountMinor)
    expect(Math.abs(fix.dkkMinor! - expected)).toBeLessThanOrEqual(1)
    expect(await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 1 })).toEqual(year1)
    const after = await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 2 })
    expect(after.totals.actualMntMinor).toBe(year2.totals.actualMntMinor + back)
    // The MNT taken back returns to the pool on its date at its 2007 value, so later vouchers paid from it are valued at that rate instead of a
    // later transfer's (the rates moved from about 212 to 268 MNT per DKK): the year moves by the correction and that revaluation, less than a quarter of it.
    expect(Math.abs(after.totals.actualDkkMinor - (year2.totals.actualDkkMinor + fix.dkkMinor!))).toBeLessThan(Math.abs(fix.dkkMinor!) / 4)
    const su = await t.must('finance.sourcesAndUses', { projectId: project.id, projectYear: 2 })
    expect(su.total.spentMinor).toBe(after.totals.actualDkkMinor)

    // Refused: more than the voucher holds; a voucher of the open period; another currency; a negative amount that corrects nothing.
    expect(await t.call('expenses.create', voucher({ voucher: 'S-FIX-2', spentOn: '2008-03-20', amountMinor: -old.amountMinor, correctsId: old.id }))).toMatchObject({ ok: false, error: { field: 'amountMinor', key: 'r.correctsTooMuch' } })
    const open = (await t.must('expenses.search', { projectId: project.id, from: '2009-01-01', pageSize: 1 })).rows[0]
    expect(await t.call('expenses.create', voucher({ voucher: 'S-FIX-3', amountMinor: -100, correctsId: open.id }))).toMatchObject({ ok: false, error: { field: 'correctsId', key: 'r.correctsOpen' } })
    expect(await t.call('expenses.create', voucher({ voucher: 'S-FIX-4', amountMinor: -100, currency: 'DKK', correctsId: old.id }))).toMatchObject({ ok: false, error: { field: 'currency', key: 'r.correctsCurrency' } })
    expect(await t.call('expenses.create', voucher({ voucher: 'S-FIX-5', amountMinor: -100 }))).toMatchObject({ ok: false, error: { field: 'amountMinor', key: 'v.moreThanZero' } })
  })

  it('refuses a year beyond the project and an unknown report; the demo revision records the donor\'s approval', async () => {
    expect(await t.call('reports.submit', { report: 'financial', projectYear: 9, lang: 'en', format: 'pdf' })).toMatchObject({ ok: false, error: { field: 'projectYear' } })
    expect(await t.call('reports.submit', { report: 'membership' as never, lang: 'en', format: 'pdf' })).toMatchObject({ ok: false, error: { field: 'report' } })
    expect(await t.call('reports.submittedFile', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const revised = await t.must('budget.get', { projectId: project.id, versionId: project.versions[1].id })
    expect(revised.version.donorApproval).toMatch(/ДАНИДА/)
    expect(revised.warnings).toEqual([expect.objectContaining({ code: 'line_move', line: '9', key: 'w.lineMoveApproved', approval: revised.version.donorApproval })])
  })
})

describe('a period not over yet', () => {
  it('is not submitted, and nothing is kept', async () => {
    // On 2008-02-10 project year 1 (to 2008-02-29) has not ended.
    const early = await demoBackend(undefined, () => new Date('2008-02-10T04:00:00Z'))
    try {
      expect(await early.call('reports.submit', { report: 'financial', projectYear: 1, lang: 'mn', format: 'pdf' })).toMatchObject({
        ok: false,
        error: { code: 'validation', field: 'projectYear', key: 'r.periodNotOver', vars: { to: '2008.02.29' } },
      })
      expect(await early.must('reports.submitted', {})).toEqual([])
    } finally {
      await early.close()
    }
  })
})
