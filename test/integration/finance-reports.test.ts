import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoBackend, type TestBackend } from '../helpers/backend'
import { num, pdfFonts, pdfText, readXlsx, rowLabelled } from '../helpers/files'

let t: TestBackend
beforeAll(async () => {
  t = await demoBackend()
})
afterAll(() => t.close())

const get = async (input: Record<string, unknown>) => Buffer.from((await t.must('reports.generate', input as never)).base64, 'base64')

describe('donor financial report, funds statement and ledger', () => {
  it('agree with budget vs actual and with each other, to the minor unit', async () => {
    for (const projectYear of [2, undefined]) {
      const bva = await t.must('finance.budgetVsActual', { projectId: 1, projectYear: projectYear ?? null })
      const fin = await readXlsx(await get({ report: 'financial', ...(projectYear ? { projectYear } : {}), lang: 'en', format: 'xlsx' }))
      const main = rowLabelled(fin.getWorksheet('Main lines')!, 'Total')
      // Money is written in major units with two decimals.
      expect(Math.round(num(main.getCell(5)) * 100)).toBe(bva.totals.actualDkkMinor)
      expect(Math.round(num(main.getCell(3)) * 100)).toBe(bva.totals.revisedMinor)
      expect(Math.round(num(rowLabelled(fin.getWorksheet('Sub-lines')!, 'Total').getCell(5)) * 100)).toBe(bva.totals.actualDkkMinor)
      // A sheet per source with a budget or spending: the grant, the co-funding and the interest the demo spends.
      const bySource = ['DANIDA', 'DMS', 'INT'].map((s) => Math.round(num(rowLabelled(fin.getWorksheet(s)!, 'Total').getCell(5)) * 100))
      expect(bySource.reduce((a, b) => a + b, 0)).toBe(bva.totals.actualDkkMinor)
      const ledger = await readXlsx(await get({ report: 'ledger', ...(projectYear ? { projectYear } : {}), lang: 'en', format: 'xlsx' }))
      const lt = rowLabelled(ledger.getWorksheet('Ledger')!, 'Total')
      expect(Math.round(num(lt.getCell(8)) * 100)).toBe(bva.totals.actualDkkMinor)
      expect(Math.round(num(lt.getCell(7)) * 100)).toBe(bva.totals.actualMntMinor)
      if (projectYear) {
        // The year's report also gives the project so far: years 1..2 together.
        // Under the version in force at the end of year 2 (year 1's own report keeps the one in force when it closed).
        const y1 = await t.must('finance.budgetVsActual', { projectId: 1, projectYear: 1, versionId: bva.revisedVersion.id })
        const cum = rowLabelled(fin.getWorksheet('Cumulative')!, 'Total')
        expect(Math.round(num(cum.getCell(5)) * 100)).toBe(y1.totals.actualDkkMinor + bva.totals.actualDkkMinor)
        expect(Math.round(num(cum.getCell(3)) * 100)).toBe(y1.totals.revisedMinor + bva.totals.revisedMinor)
      }
      // The rates used are on the cover.
      expect(fin.getWorksheet('Cover')!.getColumn(2).values.some((v) => typeof v === 'string' && /^\d+\.\d{4}$/.test(v))).toBe(true)
    }
  })

  it('funds statement: opening balance plus the movements is the closing balance, year after year', async () => {
    let previousClosing: number | null = null
    for (const projectYear of [1, 2, 3, 4]) {
      const wb = await readXlsx(await get({ report: 'funds', projectYear, lang: 'en', format: 'xlsx' }))
      const ws = wb.getWorksheet('Funds')!
      const opening = Math.round(num(rowLabelled(ws, 'Opening balance').getCell(3)) * 100)
      const closing = Math.round(num(rowLabelled(ws, 'Closing balance').getCell(3)) * 100)
      if (previousClosing !== null) expect(opening).toBe(previousClosing)
      previousClosing = closing
    }
  })

  it('sources and uses add up for each source and in total, agree with the funds statement, and stay within each commitment', async () => {
    const cents = (c: Parameters<typeof num>[0]) => Math.round(num(c) * 100)
    for (const projectYear of [1, 2, 3, 4, null]) {
      const su = await t.must('finance.sourcesAndUses', { projectId: 1, projectYear })
      const keys = ['openingMinor', 'transfersMinor', 'paidInDenmarkMinor', 'interestMinor', 'exchangeMinor', 'spentMinor', 'closingMinor', 'spentToDateMinor'] as const
      for (const r of [...su.rows, su.total]) {
        expect(r.openingMinor + r.transfersMinor + r.paidInDenmarkMinor + r.interestMinor + r.exchangeMinor - r.spentMinor, r.code).toBe(r.closingMinor)
      }
      for (const k of keys) expect(su.rows.reduce((s, r) => s + r[k], 0), k).toBe(su.total[k])
      // What the sources spent is what budget against actual spent; what they hold is the project account's closing balance.
      const bva = await t.must('finance.budgetVsActual', { projectId: 1, projectYear })
      expect(su.total.spentMinor).toBe(bva.totals.actualDkkMinor)
      const funds = (await readXlsx(await get({ report: 'funds', ...(projectYear ? { projectYear } : {}), lang: 'en', format: 'xlsx' }))).getWorksheet('Funds')!
      expect(su.total.closingMinor).toBe(cents(rowLabelled(funds, 'Closing balance').getCell(2)))
      // The same figures are the financial report's sheet.
      const sheet = (await readXlsx(await get({ report: 'financial', ...(projectYear ? { projectYear } : {}), lang: 'en', format: 'xlsx' }))).getWorksheet('Sources and uses')!
      const total = rowLabelled(sheet, 'Total')
      expect(cents(total.getCell(8))).toBe(su.total.spentMinor)
      expect(cents(total.getCell(9))).toBe(su.total.closingMinor)
      expect(su.ended).toBe(projectYear === null || projectYear === 4)
    }
    // The demo's project keeps within what each source committed, spends its interest from the interest source, and gives back what is left.
    const whole = await t.must('finance.sourcesAndUses', { projectId: 1, projectYear: null })
    expect(whole.warnings).toEqual([])
    const by = (code: string) => whole.rows.find((r) => r.code === code)!
    expect(by('DANIDA').spentToDateMinor).toBeLessThanOrEqual(by('DANIDA').committedMinor!)
    expect(by('DMS').spentToDateMinor).toBeLessThanOrEqual(by('DMS').committedMinor!)
    expect(by('INT').spentMinor).toBeGreaterThan(0)
    expect(by('INT').closingMinor).toBeGreaterThan(0)
    expect(by('DANIDA').dueBackMinor).toBe(by('DANIDA').closingMinor)
    expect(by('OWN').dueBackMinor).toBeNull()
    expect(whole.total.dueBackMinor).toBeGreaterThan(0)
    expect((await t.must('finance.sourcesAndUses', { projectId: 1, projectYear: 2 })).rows.every((r) => r.dueBackMinor === null)).toBe(true)
  })

  it('every actual of budget against actual opens vouchers whose totals are that figure', async () => {
    for (const projectYear of [2, null]) {
      const bva = await t.must('finance.budgetVsActual', { projectId: 1, projectYear })
      for (const r of bva.rows) {
        const page = await t.must('expenses.search', { projectId: 1, ...(r.isMain ? { mainCode: r.mainCode } : { lineId: r.lineId! }), from: bva.from, to: bva.to, pageSize: 1 })
        expect([page.totals.mntMinor, page.totals.dkkMinor], `${projectYear} ${r.code}`).toEqual([r.actualMntMinor, r.actualDkkMinor])
      }
    }
  })

  it('prints the financial report as a PDF with the rates and the fonts embedded', async () => {
    const pdf = await get({ report: 'financial', projectYear: 1, lang: 'en', format: 'pdf' })
    const text = pdfText(pdf)
    expect(text).toContain('Financial report: Strengthening of Social Partnership Network')
    expect(text).toContain('Project year 1, 2007.03.01 – 2008.02.29')
    expect(text).toMatch(/Exchange rates used/)
    expect(text).toMatch(/\d{3}\.\d{4}/)
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true)
    // In Mongolian the project is named in Mongolian.
    expect(pdfText(await get({ report: 'financial', projectYear: 1, lang: 'mn', format: 'pdf' }))).toContain('Нийгмийн түншлэлийн сүлжээг бэхжүүлэх төсөл')
  })

  it('refuse a year beyond the project, a calendar year, and a period for the financial report', async () => {
    expect(await t.call('reports.generate', { report: 'financial', projectYear: 9, format: 'pdf' })).toMatchObject({ ok: false, error: { field: 'projectYear' } })
    expect(await t.call('reports.generate', { report: 'financial', year: 2009, format: 'pdf' })).toMatchObject({ ok: false, error: { field: 'year' } })
    expect(await t.call('reports.generate', { report: 'financial', from: '2009-01-01', to: '2009-06-30', format: 'pdf' })).toMatchObject({ ok: false, error: { field: 'from' } })
    const ledger = await t.must('reports.generate', { report: 'ledger', from: '2009-01-01', to: '2009-01-31', lang: 'en', format: 'xlsx' })
    expect(ledger.fileName).toBe('SPN-ledger-2009-01-01-2009-01-31-en.xlsx')
  })
})
