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
        // The cumulative sheet says its own period, not the year's.
        expect(fin.getWorksheet('Cumulative')!.getCell('A2').value).toBe('Period: Project years 1–2, cumulative, 2007.03.01 – 2009.02.28')
        expect(fin.getWorksheet('Main lines')!.getCell('A2').value).toBe('Period: Project year 2, 2008.03.01 – 2009.02.28')
        const cum = rowLabelled(fin.getWorksheet('Cumulative')!, 'Total')
        expect(Math.round(num(cum.getCell(5)) * 100)).toBe(y1.totals.actualDkkMinor + bva.totals.actualDkkMinor)
        expect(Math.round(num(cum.getCell(3)) * 100)).toBe(y1.totals.revisedMinor + bva.totals.revisedMinor)
      }
      // The rates used are on the cover, as numbers shown with four decimals.
      const rates = fin.getWorksheet('Cover')!.getColumn(2)
      const rateCells: number[] = []
      rates.eachCell((c) => void (c.numFmt === '0.0000' && typeof c.value === 'number' && rateCells.push(c.value)))
      expect(rateCells.length).toBeGreaterThan(0)
      expect(rateCells.every((r) => r > 150 && r < 300)).toBe(true)
    }
  })

  it('funds statement: the closing DKK is the FIFO value of the tögrög held, to the øre; the rounding is computed and small', async () => {
    // An auditor's own FIFO over the records: tranches (transfers, bank interest) oldest first, vouchers paid from them in date order.
    const records = await t.read(async (sql) => ({
      tranches: [
        ...(await sql.all<{ d: string; id: number; mnt: number; dkk: number }>(`SELECT received_on AS d, id, mnt_minor AS mnt, dkk_minor AS dkk FROM transfer WHERE voided_at IS NULL`)),
        ...(await sql.all<{ d: string; id: number; mnt: number; dkk: number }>(`SELECT entry_on AS d, -id AS id, mnt_minor AS mnt, dkk_minor AS dkk FROM fund_entry WHERE kind = 'interest' AND voided_at IS NULL`)),
      ],
      spends: await sql.all<{ d: string; id: number; mnt: number }>(`SELECT spent_on AS d, id, amount_minor AS mnt FROM expense WHERE currency = 'MNT' AND voided_at IS NULL`),
    }))
    const heldValue = (on: string) => {
      const tranches = records.tranches.filter((x) => x.d <= on).sort((a, b) => a.d.localeCompare(b.d) || a.id - b.id).map((x) => ({ ...x, left: Number(x.mnt) }))
      for (const s of records.spends.filter((x) => x.d <= on).sort((a, b) => a.d.localeCompare(b.d) || a.id - b.id)) {
        let need = Number(s.mnt)
        for (const x of tranches) {
          if (need === 0) break
          if (x.d > s.d) break
          const take = Math.min(need, x.left)
          x.left -= take
          need -= take
        }
      }
      // Exactly: the sum of left × dkk / mnt, rounded once (half up).
      let num = 0n
      let den = 1n
      for (const x of tranches) {
        num = num * BigInt(x.mnt) + BigInt(x.left) * BigInt(x.dkk) * den
        den *= BigInt(x.mnt)
      }
      return Number((2n * num + den) / (2n * den))
    }
    for (const projectYear of [1, 2, 3, 4]) {
      const wb = await readXlsx(await get({ report: 'funds', projectYear, lang: 'en', format: 'xlsx' }))
      const ws = wb.getWorksheet('Funds')!
      const closing = Math.round(num(rowLabelled(ws, 'Closing balance').getCell(2)) * 100)
      const to = ['2008-02-29', '2009-02-28', '2010-02-28', '2011-02-28'][projectYear - 1]
      expect(closing, `year ${projectYear}`).toBe(heldValue(to))
      const rounding = Math.round(num(rowLabelled(ws, 'Rounding differences (computed)').getCell(2)) * 100)
      expect(Math.abs(rounding)).toBeLessThanOrEqual(records.spends.length)
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
      // What a source spent opens its vouchers of the period: their DKK total is that figure.
      for (const r of su.rows) {
        expect((await t.must('expenses.search', { projectId: 1, sourceId: r.sourceId!, from: su.from, to: su.to, pageSize: 1 })).totals.dkkMinor, r.code).toBe(r.spentMinor)
      }
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

  it('traces every actual of the financial report to its ledger sheet: SUMIFS whose results are the figures, as Excel would compute them', async () => {
    type Entry = { date: string; line: string; source: string; mnt: number; dkk: number }
    const column = { A: 'date', C: 'line', F: 'source', G: 'mnt', H: 'dkk' } as const
    /** Evaluates the SUMIFS the writer makes, over the ledger's rows, as a spreadsheet would. */
    const evaluate = (formula: string, entries: Entry[]) => {
      const m = /^SUMIFS\('[^']+'!\$([A-Z]):\$[A-Z],(.*)\)$/.exec(formula)!
      const tests = [...m[2].matchAll(/'[^']+'!\$([A-Z]):\$[A-Z],"([^"]*)"(?:&DATE\((\d+),(\d+),(\d+)\))?/g)].map(([, col, crit, y, mo, d]) => {
        const key = column[col as keyof typeof column]
        if (y) {
          const day = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`
          return (e: Entry) => (crit === '>=' ? e.date >= day : e.date <= day)
        }
        if (crit.endsWith('*')) return (e: Entry) => String(e[key]).startsWith(crit.slice(0, -1))
        return (e: Entry) => String(e[key]) === crit
      })
      const sumOf = column[m[1] as keyof typeof column] as 'mnt' | 'dkk'
      return entries.filter((e) => tests.every((t) => t(e))).reduce((s, e) => s + e[sumOf], 0)
    }
    for (const projectYear of [2, undefined]) {
      const wb = await readXlsx(await get({ report: 'financial', ...(projectYear ? { projectYear } : {}), lang: 'en', format: 'xlsx' }))
      const ledger = wb.getWorksheet('Ledger')!
      const header = rowLabelled(ledger, 'Date')
      expect(header.getCell(9).value).toBe('Paid from (FIFO, MNT per DKK)')
      const entries: Entry[] = []
      for (let r = header.number + 1; r <= ledger.rowCount; r++) {
        const row = ledger.getRow(r)
        const date = row.getCell(1).value
        if (!(date instanceof Date)) continue
        entries.push({ date: date.toISOString().slice(0, 10), line: String(row.getCell(3).value), source: String(row.getCell(6).value), mnt: Number(row.getCell(7).value ?? 0), dkk: Number(row.getCell(8).value ?? 0) })
        // Each tögrög voucher says what it was paid from, with the rate.
        if (row.getCell(7).value !== null && Number(row.getCell(7).value) > 0) expect(String(row.getCell(9).value), `row ${r}`).toMatch(/^(transfer|bank interest) \d{4}\.\d\d\.\d\d at \d+\.\d{4}: /)
      }
      const bva = await t.must('finance.budgetVsActual', { projectId: 1, projectYear: projectYear ?? null })
      let traced = 0
      for (const sheet of ['Main lines', 'Sub-lines', 'DANIDA', 'DMS', 'INT', ...(projectYear ? ['Cumulative'] : [])]) {
        const ws = wb.getWorksheet(sheet)!
        ws.eachRow((row) => {
          for (const c of [4, 5]) {
            const v = row.getCell(c).value
            // (The totals row is a SUM of the cells above it.)
            if (!v || typeof v !== 'object' || !('formula' in v) || !String(v.formula).startsWith('SUMIFS(')) continue
            // (exceljs reads a cached 0 back as no result; the file holds <v>0</v>.)
            const f = { formula: (v as { formula: string }).formula, result: (v as { result?: number }).result ?? 0 }
            expect(Math.round(evaluate(f.formula, entries) * 100), `${sheet} ${row.getCell(1).value} ${f.formula}`).toBe(Math.round(f.result * 100))
            traced++
            if (sheet === 'Sub-lines') {
              const line = bva.rows.find((x) => !x.isMain && String(row.getCell(1).value).startsWith(`${x.code} `))!
              expect(Math.round(f.result * 100)).toBe(c === 4 ? line.actualMntMinor : line.actualDkkMinor)
            }
          }
        })
      }
      expect(traced).toBeGreaterThan(60)
    }
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
    // Two faces: regular, and bold for the titles, table headers and totals.
    expect(pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular'])
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
