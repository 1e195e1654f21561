import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoBackend, type TestBackend } from '../helpers/backend'
import type { Project } from '../../src/shared/api/financeTypes'
import { readXlsx } from '../helpers/files'

let t: TestBackend
let project: Project
beforeAll(async () => {
  t = await demoBackend()
  project = (await t.must('finance.projects', {}))[0]
})
afterAll(() => t.close())

const line = (code: string) => project.lines.find((l) => l.code === code)!.id
const source = (code: string) => project.sources.find((s) => s.code === code)!.id

describe('the demo project', () => {
  it('has the exact grant and co-funding in its budget, in four project years', async () => {
    expect(project).toMatchObject({ code: 'SPN-2007', startsOn: '2007-03-01', endsOn: '2011-02-28', grantMinor: 490_000_000, years: 4 })
    const original = await t.must('budget.get', { projectId: project.id, versionId: project.versions[0].id })
    expect(original.totalsBySource[source('DANIDA')]).toBe(490_000_000)
    expect(original.totalsBySource[source('DMS')]).toBe(15_000_000)
    expect(original.warnings).toEqual([])
    const revised = await t.must('budget.get', { projectId: project.id })
    expect(revised.version.number).toBe(1)
    expect(revised.totalMinor).toBe(505_000_000)
    // The budget margin moved by two thirds: the donor must approve.
    expect(revised.warnings).toEqual([expect.objectContaining({ code: 'line_move', line: '9' })])
  })
})

describe('budget versions', () => {
  it('keep each version; a revision checks 7% administration, 10% moves and the totals', async () => {
    const current = await t.must('budget.get', { projectId: project.id })
    const amounts = current.amounts.map((a) => (a.lineId === line('13.1') && a.projectYear === 1 ? { ...a, amountMinor: a.amountMinor + 5_000_000 } : a))
    const r = await t.must('budget.revise', { projectId: project.id, approvedOn: '2009-06-01', reason: 'Test: more administration', amounts })
    expect(r.version.number).toBe(2)
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['admin_share', 'line_move', 'total_mismatch'])
    expect((await t.must('budget.get', { projectId: project.id, versionId: current.version.id })).totalMinor).toBe(current.totalMinor)
    expect(await t.call('budget.revise', { projectId: project.id, approvedOn: '2008-01-01', reason: 'x', amounts })).toMatchObject({ ok: false, error: { field: 'approvedOn' } })
    // An empty revision would wipe the budget: refused.
    const versions = (await t.must('finance.projects', {}))[0].versions.length
    for (const empty of [[], amounts.map((a) => ({ ...a, amountMinor: 0 }))]) {
      expect(await t.call('budget.revise', { projectId: project.id, approvedOn: '2010-01-01', reason: 'x', amounts: empty })).toMatchObject({
        ok: false,
        error: { code: 'validation', field: 'amounts', message: expect.stringMatching(/at least one amount/) },
      })
    }
    expect((await t.must('finance.projects', {}))[0].versions.length).toBe(versions)
  })
})

describe('the budget version in force', () => {
  const mainSheet = async (projectYear: number) => {
    const wb = await readXlsx(Buffer.from((await t.must('reports.generate', { report: 'financial', projectYear, lang: 'en', format: 'xlsx' })).base64, 'base64'))
    return wb.getWorksheet('Main lines')!.getSheetValues().map((r) => (Array.isArray(r) ? r.map((c) => (typeof c === 'object' && c && 'result' in c ? c.result : c)) : r))
  }
  it('a report uses the version in force at its period\'s end: a later revision leaves a closed period unchanged', async () => {
    const year1 = await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 1 })
    // The demo's revision was approved in September 2008, after project year 1 closed (February 2008).
    expect(year1.revisedVersion.number).toBe(0)
    expect((await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 2 })).revisedVersion.number).toBe(1)
    const sheet1 = await mainSheet(1)
    const current = await t.must('budget.get', { projectId: project.id })
    const amounts = current.amounts.map((a) => (a.lineId === line('1.1') && a.projectYear <= 3 ? { ...a, amountMinor: a.amountMinor + 1_000_000 } : a))
    const r = await t.must('budget.revise', { projectId: project.id, approvedOn: '2010-06-01', reason: 'Test: more training', amounts })
    expect(await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 1 })).toEqual(year1)
    expect(await mainSheet(1)).toEqual(sheet1)
    expect((await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 3 })).revisedVersion.number).toBe(current.version.number)
    const year4 = await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 4 })
    expect(year4.revisedVersion.number).toBe(r.version.number)
    // Asked for, an earlier period can be shown under the newer version.
    const asked = await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 1, versionId: r.version.id })
    const underPrevious = await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 1, versionId: current.version.id })
    expect(asked.totals.revisedMinor).toBe(underPrevious.totals.revisedMinor + 1_000_000)
  })
})

describe('transfers and expenses', () => {
  it('keep the implied rate exactly and convert MNT spending first in, first out', async () => {
    const transfers = await t.must('transfers.list', { projectId: project.id })
    expect(transfers).toHaveLength(15)
    for (const tr of transfers) expect(Number(tr.rate)).toBeCloseTo(tr.mntMinor / tr.dkkMinor, 4)
    const expenses = await t.must('expenses.search', { projectId: project.id, pageSize: 200 })
    expect(expenses.total).toBeGreaterThan(2000)
    const mnt = expenses.rows.find((e) => e.currency === 'MNT')!
    expect(mnt.dkkMinor).toBeGreaterThan(0)
    const dkk = expenses.rows.find((e) => e.currency === 'DKK')
    if (dkk) expect(dkk.dkkMinor).toBe(dkk.amountMinor)
  })

  it('refuse a duplicate voucher, a date outside the project and a line of no project; flag spending beyond the MNT available', async () => {
    const base = { projectId: project.id, spentOn: '2009-05-05', voucher: 'T-0001', lineId: line('1.1'), branchId: null, description: 'Training', amountMinor: 1_000_00, currency: 'MNT' as const, sourceId: source('DANIDA') }
    await t.must('expenses.create', base)
    expect(await t.call('expenses.create', base)).toMatchObject({ ok: false, error: { code: 'conflict', field: 'voucher' } })
    expect(await t.call('expenses.create', { ...base, voucher: 'T-0002', spentOn: '2011-03-01' })).toMatchObject({ ok: false, error: { field: 'spentOn' } })
    expect(await t.call('expenses.create', { ...base, voucher: 'T-0003', lineId: 99999 })).toMatchObject({ ok: false, error: { field: 'lineId' } })
    const big = await t.must('expenses.create', { ...base, voucher: 'T-0004', spentOn: '2011-02-20', amountMinor: 900_000_000_00, confirmed: true })
    expect(big.uncoveredMntMinor).toBeGreaterThan(0)
    expect(big.dkkMinor).toBeGreaterThan(0)
    expect((await t.must('expenses.search', { projectId: project.id, flaggedOnly: true })).rows.map((e) => e.voucher)).toContain('T-0004')
  })
})

describe('budget against actual', () => {
  it('gives the same totals as the ledger, to the minor unit, per year and cumulative', async () => {
    for (const projectYear of [1, 2, 3, 4, null]) {
      const bva = await t.must('finance.budgetVsActual', { projectId: project.id, projectYear })
      const ledger = await t.must('expenses.search', { projectId: project.id, from: bva.from, to: bva.to, pageSize: 1 })
      expect(bva.totals.actualDkkMinor, `year ${projectYear}`).toBe(ledger.totals.dkkMinor)
      expect(bva.totals.actualMntMinor).toBe(ledger.totals.mntMinor)
      const subs = bva.rows.filter((r) => !r.isMain)
      expect(subs.reduce((s, r) => s + r.actualDkkMinor, 0)).toBe(bva.totals.actualDkkMinor)
      expect(bva.totals.varianceMinor).toBe(bva.totals.revisedMinor - bva.totals.actualDkkMinor)
    }
    const y1 = await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 1 })
    expect([y1.from, y1.to]).toEqual(['2007-03-01', '2008-02-29'])
    await t.must('finance.setNote', { projectId: project.id, lineId: line('2.2'), period: 'Y1', note: 'The vehicle cost less than budgeted.' })
    expect((await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 1 })).rows.find((r) => r.lineId === line('2.2'))?.note).toBe('The vehicle cost less than budgeted.')
  })
})

describe('bank interest and exchange differences', () => {
  it('are their own entries; interest is spent like a transfer; both show in the funds statement', async () => {
    const before = (await t.must('funds.entries', { projectId: project.id })).length
    expect(await t.call('funds.record', { projectId: project.id, kind: 'interest', entryOn: '2009-12-31', mntMinor: 0, dkkMinor: 100 })).toMatchObject({ ok: false, error: { field: 'mntMinor' } })
    expect(await t.call('funds.record', { projectId: project.id, kind: 'exchange', entryOn: '2012-01-01', mntMinor: 0, dkkMinor: -100 })).toMatchObject({ ok: false, error: { field: 'entryOn' } })
    const gain = await t.must('funds.record', { projectId: project.id, kind: 'exchange', entryOn: '2009-06-30', mntMinor: 0, dkkMinor: 123_45, note: 'Revaluation' })
    expect(gain).toMatchObject({ kind: 'exchange', dkkMinor: 12345 })
    expect((await t.must('funds.entries', { projectId: project.id })).length).toBe(before + 1)
    const funds = await t.must('reports.generate', { report: 'funds', projectYear: 3, lang: 'en', format: 'xlsx' })
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(funds.base64, 'base64') as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Funds')!
    const row = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(1).value === 'Exchange differences')!
    expect(row.getCell(2).value).toBe(123.45)
  })
})

describe('sources and uses', () => {
  it('warn when spending charged to a source passes its commitment, in the report too', async () => {
    const before = await t.must('finance.sourcesAndUses', { projectId: project.id, projectYear: null })
    const dms = before.rows.find((r) => r.code === 'DMS')!
    const over = dms.committedMinor! - dms.spentToDateMinor + 100
    const e = await t.must('expenses.create', { projectId: project.id, spentOn: '2010-11-02', voucher: 'T-DMS-1', lineId: line('8.1'), branchId: null, description: 'Exhibition in Copenhagen', amountMinor: over, currency: 'DKK', sourceId: source('DMS'), confirmed: true })
    const after = await t.must('finance.sourcesAndUses', { projectId: project.id, projectYear: null })
    const row = after.rows.find((r) => r.code === 'DMS')!
    // Paid in Denmark: it came in and went out at once; the source's balance held does not move.
    expect(row.paidInDenmarkMinor - dms.paidInDenmarkMinor).toBe(over)
    expect(row.closingMinor).toBe(dms.closingMinor)
    expect(row.overCommitted).toBe(true)
    // (The grant is over too: a test above recorded a voucher of 900 million ₮.)
    expect(after.warnings.filter((w) => w.vars.source !== 'DANIDA grant')).toEqual([expect.objectContaining({ key: 'w.sourceOverCommitted', vars: expect.objectContaining({ source: 'Danish Mongolian Society co-funding' }) })])
    const report = await readXlsx(Buffer.from((await t.must('reports.generate', { report: 'financial', lang: 'mn', format: 'xlsx' })).base64, 'base64'))
    const sheet = report.getWorksheet('Эх үүсвэр, зарцуулалт')!
    const texts: string[] = []
    sheet.eachRow((r) => r.eachCell((c) => typeof c.value === 'string' && texts.push(c.value)))
    expect(texts.some((x) => x.includes('Дани-Монголын нийгэмлэгийн хамтын санхүүжилт-д хамааруулсан зарлага'))).toBe(true)
    await t.must('expenses.void', { id: e.id, reason: 'Test' })
    expect((await t.must('finance.sourcesAndUses', { projectId: project.id, projectYear: null })).warnings.map((w) => w.vars.source)).toEqual(['DANIDA grant'])
  })
})

describe('variances above the threshold', () => {
  it('are flagged, listed until explained, in the report too; the threshold is the project\'s', async () => {
    const bva = await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 2 })
    expect(bva.thresholdPercent).toBe(10)
    const over = bva.rows.filter((r) => !r.isMain && r.overThreshold)
    for (const r of bva.rows) {
      if (r.revisedMinor !== 0) expect(r.overThreshold, r.code).toBe(Math.abs(r.varianceMinor) * 100 > 10 * Math.abs(r.revisedMinor))
    }
    expect(over.length).toBeGreaterThan(0)
    expect(bva.unexplained).toEqual(over.filter((r) => !r.note).map((r) => r.code))
    const first = over[0]
    await t.must('finance.setNote', { projectId: project.id, lineId: first.lineId!, period: 'Y2', note: 'Two trainings moved to year 3 (winter)' })
    const after = await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 2 })
    expect(after.unexplained).toEqual(bva.unexplained.filter((c) => c !== first.code))
    const notes = async () => {
      const wb = await readXlsx(Buffer.from((await t.must('reports.generate', { report: 'financial', projectYear: 2, lang: 'en', format: 'xlsx' })).base64, 'base64'))
      const texts: string[] = []
      wb.getWorksheet('Cover')!.eachRow((r) => r.eachCell((c) => typeof c.value === 'string' && texts.push(c.value)))
      return texts
    }
    expect((await notes()).find((x) => x.startsWith('Sub-lines whose variance passes 10%'))).toContain(after.unexplained.join(', '))
    // A threshold of 100% flags only lines spent twice over, or with no budget at all.
    expect(await t.call('finance.setVarianceThreshold', { projectId: project.id, percent: 0 })).toMatchObject({ ok: false, error: { field: 'percent' } })
    expect((await t.must('finance.setVarianceThreshold', { projectId: project.id, percent: 100 })).varianceThresholdPercent).toBe(100)
    const wide = await t.must('finance.budgetVsActual', { projectId: project.id, projectYear: 2 })
    expect(wide.rows.filter((r) => r.overThreshold).every((r) => r.revisedMinor === 0 || Math.abs(r.varianceMinor) > Math.abs(r.revisedMinor))).toBe(true)
    await t.must('finance.setVarianceThreshold', { projectId: project.id, percent: 10 })
  })
})
