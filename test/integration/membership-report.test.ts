import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoBackend, testBackend, type TestBackend } from '../helpers/backend'
import { num, pdfFonts, pdfPages, pdfText, readXlsx, rowLabelled } from '../helpers/files'

let t: TestBackend
beforeAll(async () => {
  t = await demoBackend()
})
afterAll(() => t.close())

const bytes = (r: { base64: string }) => Buffer.from(r.base64, 'base64')
const one = <T>(text: string) => t.read((sql) => sql.one<T>(text)).then((r) => r!)

describe('membership report', () => {
  it('xlsx: totals equal the database and the dashboard for the same date', async () => {
    const file = await t.must('reports.generate', { report: 'membership', year: 2009, lang: 'en', format: 'xlsx' })
    expect(file.fileName).toBe('SPN-membership-2009-en.xlsx')
    const wb = await readXlsx(bytes(file))
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cover', 'Members', 'Decisions', 'Households'])
    expect(wb.title).toBe('Membership report')
    expect(wb.creator).toBe('Social Partnership Network (SPN)')
    const ws = wb.getWorksheet('Members')!
    const header = ws.getRow(5).values as unknown[]
    expect(header.slice(1, 4)).toEqual(['Local organisation', 'Members at start', 'Applications'])
    const totalRow = rowLabelled(ws, 'Total')
    expect(totalRow.number).toBe(21)
    expect((totalRow.getCell(9).value as { formula: string }).formula).toBe('SUM(I6:I20)')

    const dashboardEnd = await t.must('dashboard.summary', { asOf: '2009-12-31' })
    const dashboardStart = await t.must('dashboard.summary', { asOf: '2008-12-31' })
    expect(num(totalRow.getCell(9))).toBe(dashboardEnd.membersByStatus.active)
    expect(num(totalRow.getCell(2))).toBe(dashboardStart.membersByStatus.active)
    // Per branch too: the report's "members at end" is the dashboard's active count on that day.
    for (let r = 6; r < totalRow.number; r++) {
      const name = ws.getRow(r).getCell(1).value
      const b = dashboardEnd.byBranch.find((x) => x.branchName.en === name)!
      expect(num(ws.getRow(r).getCell(9)), String(name)).toBe(b.byStatus.active)
    }
    const applied = (await one<{ n: number }>(`SELECT count(*) AS n FROM membership_event WHERE type = 'applied' AND effective_date BETWEEN '2009-01-01' AND '2009-12-31'`))
    expect(num(totalRow.getCell(3))).toBe(applied.n)
    const women = (await one<{ n: number }>(`SELECT count(*) AS n FROM membership m JOIN person p ON p.id = m.person_id WHERE p.gender = 'female'`))
    expect(num(totalRow.getCell(10))).toBeLessThanOrEqual(women.n)

    const hh = wb.getWorksheet('Households')!
    const hhTotal = rowLabelled(hh, 'Total')
    const db = (await one<{ n: number; swh: number; children: number; persons: number }>(`SELECT count(*) AS n, sum(single_woman_headed) AS swh, sum(children_count) AS children,
      (SELECT count(*) FROM person p JOIN household h ON h.id = p.household_id WHERE h.registered_on <= '2009-12-31') AS persons
      FROM household WHERE registered_on <= '2009-12-31'`))
    expect([num(hhTotal.getCell(2)), num(hhTotal.getCell(4)), num(hhTotal.getCell(5)), num(hhTotal.getCell(6))]).toEqual([db.n, db.persons, db.swh, db.children])

    const cover = wb.getWorksheet('Cover')!
    expect(cover.getCell('A13').value).toBe('Project households')
    expect(cover.getCell('B13').value).toBe(db.n)
    // Print setup and the frozen, filtered header.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '5:5' })
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 })
    expect(ws.autoFilter).toBe('A5:L20')
  })

  it('adds up on the cover: start + accepted − left = end, rejected applications apart; the decisions name each person', async () => {
    for (const period of [{ year: 2005 }, { year: 2009 }, { year: 2011 }, { from: '2004-01-01', to: '2011-12-31' }]) {
      const wb = await readXlsx(bytes(await t.must('reports.generate', { report: 'membership', ...period, lang: 'en', format: 'xlsx' })))
      const cover = wb.getWorksheet('Cover')!
      const value = (label: string) => num(rowLabelled(cover, label).getCell(2))
      const [start, accepted, left, end] = ['SPN members at the start', '+ Acceptances in the period', '- Left: excluded, resigned, died', '= SPN members at the end'].map(value)
      expect(start + accepted - left, JSON.stringify(period)).toBe(end)
      // The members sheet gives the same figures, and the rejections apart.
      const total = rowLabelled(wb.getWorksheet('Members')!, 'Total')
      expect([num(total.getCell(2)), num(total.getCell(4)), num(total.getCell(6)) + num(total.getCell(7)) + num(total.getCell(8)), num(total.getCell(9))]).toEqual([start, accepted, left, end])
      expect(value('Applications rejected (never members)')).toBe(num(total.getCell(5)))
      const decisions = wb.getWorksheet('Decisions')!
      const header = rowLabelled(decisions, 'Date')
      expect(header.getCell(3).value).toBe('Register no. or household')
      for (let r = header.number + 1; r <= decisions.rowCount; r++) {
        const id = decisions.getRow(r).getCell(3).value
        if (decisions.getRow(r).getCell(1).value) expect(String(id ?? ''), `row ${r}`).toMatch(/^([А-ЯЁӨҮ]{2}\d{8}|Household \d+|)$/)
      }
    }
  })

  it('covers the whole project when all households have joined', async () => {
    const summary = await t.must('dashboard.summary', {})
    const file = await t.must('reports.generate', { report: 'membership', from: '2007-03-01', to: '2011-02-28', lang: 'en', format: 'xlsx' })
    expect(file.fileName).toBe('SPN-membership-2007-03-01-2011-02-28-en.xlsx')
    const hh = (await readXlsx(bytes(file))).getWorksheet('Households')!
    const total = rowLabelled(hh, 'Total')
    expect(num(total.getCell(2))).toBe(summary.totals.households)
    expect(num(total.getCell(5))).toBe(summary.totals.singleWomanHeaded)
    expect(num(total.getCell(6))).toBe(summary.totals.children)
  })

  it('pdf in Mongolian: Cyrillic with Ө and Ү, totals, page numbers, every font embedded', async () => {
    const file = await t.must('reports.generate', { report: 'membership', year: 2009, lang: 'mn', format: 'pdf' })
    const pdf = bytes(file)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const text = pdfText(pdf)
    expect(text).toContain('Гишүүнчлэлийн тайлан')
    for (const name of ['Дорноговь', 'Өвөрхангай', 'Хөвсгөл', 'Хан-Уул', 'Налайх', 'Өргөдөл', 'Хүүхэд']) expect(text).toContain(name)
    const xlsx = await readXlsx(bytes(await t.must('reports.generate', { report: 'membership', year: 2009, lang: 'mn', format: 'xlsx' })))
    const members = xlsx.worksheets[1]
    const endTotal = num(rowLabelled(members, 'Нийт').getCell(9))
    expect(text).toMatch(new RegExp(`Нийт[\\s\\d]+\\s${endTotal}\\s`))
    const pages = pdfPages(pdf)
    expect(text).toContain(`Хуудас 1 / ${pages}`)
    expect(text).toContain(`Хуудас ${pages} / ${pages}`)
    const fonts = pdfFonts(pdf)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.every((f) => f.embedded && f.name.includes('NotoSans'))).toBe(true)
  })

  it('refuses bad requests with a named field', async () => {
    expect(await t.call('reports.generate', { report: 'budget' as never, year: 2009, format: 'pdf' })).toMatchObject({ ok: false, error: { field: 'report' } })
    expect(await t.call('reports.generate', { report: 'membership', from: '2009-06-01', to: '2009-01-01', format: 'pdf' })).toMatchObject({
      ok: false,
      error: { field: 'to', message: expect.stringContaining('before the start') },
    })
    expect(await t.call('reports.generate', { report: 'membership', year: 1990, format: 'xlsx' })).toMatchObject({
      ok: false,
      error: { field: 'year', message: expect.stringMatching(/between 2004 and 2026/) },
    })
    expect(await t.call('reports.generate', { report: 'membership', format: 'xlsx' })).toMatchObject({ ok: false, error: { field: 'year' } })
    expect(await t.call('reports.generate', { report: 'membership', year: 2009, from: '2009-01-01', format: 'xlsx' })).toMatchObject({ ok: false, error: { field: 'year' } })
    expect(await t.call('reports.save', { report: 'membership', year: 2009, format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'unavailable' } })
  })

  it('says so when the database is empty', async () => {
    const empty = await testBackend()
    try {
      expect(await empty.call('reports.generate', { report: 'membership', year: 2009, format: 'pdf' })).toMatchObject({
        ok: false,
        error: { code: 'validation', message: expect.stringContaining('The database is empty') },
      })
    } finally {
      await empty.close()
    }
  })
})
