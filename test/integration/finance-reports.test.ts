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
      const bySource = ['DANIDA', 'DMS'].map((s) => Math.round(num(rowLabelled(fin.getWorksheet(s)!, 'Total').getCell(5)) * 100))
      expect(bySource[0] + bySource[1]).toBe(bva.totals.actualDkkMinor)
      const ledger = await readXlsx(await get({ report: 'ledger', ...(projectYear ? { projectYear } : {}), lang: 'en', format: 'xlsx' }))
      const lt = rowLabelled(ledger.getWorksheet('Ledger')!, 'Total')
      expect(Math.round(num(lt.getCell(8)) * 100)).toBe(bva.totals.actualDkkMinor)
      expect(Math.round(num(lt.getCell(7)) * 100)).toBe(bva.totals.actualMntMinor)
      if (projectYear) {
        // The year's report also gives the project so far: years 1..2 together.
        const y1 = await t.must('finance.budgetVsActual', { projectId: 1, projectYear: 1 })
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
