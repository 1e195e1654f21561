import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type ExcelJS from 'exceljs'
import { testBackend, type TestBackend } from '../helpers/backend'
import { firstLoan, loanGroup } from '../helpers/loanGroup'
import { pdfPages, pdfText, readXlsx } from '../helpers/files'
import { translate } from '../../src/shared/i18n'

/*
 * The savings-and-loan reports of one small group worked by hand: the
 * collection sheet printed, filled in Excel and imported; the portfolio,
 * group funds and passbook files agree with the pages' read models. On both engines.
 */
let t: TestBackend
let g: Awaited<ReturnType<typeof loanGroup>>
let loanId: number
const mnt = (tg: number) => tg * 100

beforeEach(async () => {
  t = await testBackend()
  g = await loanGroup((op, input) => t.must(op as 'system.info', input as never))
  loanId = (await t.must('loans.grant', firstLoan(g))).loan.id
})
afterEach(() => t.close())

const report = async (input: Record<string, unknown>) => Buffer.from((await t.must('reports.generate', input as never)).base64, 'base64')
const sheetXlsx = () => report({ report: 'collection', group: 'DOR-1-A', date: '2011-06-15', lang: 'mn', format: 'xlsx' })

/** The data rows of a collection sheet: its header row's titles, then each row by title. */
function rowsOf(ws: ExcelJS.Worksheet): { header: number; titles: string[]; rows: number[] } {
  let header = 0
  ws.eachRow((row, n) => {
    if (!header && row.getCell(1).value === 'Хүний №') header = n
  })
  const titles = (ws.getRow(header).values as unknown[]).slice(1).map(String)
  const rows: number[] = []
  for (let r = header + 1; typeof ws.getRow(r).getCell(1).value === 'number'; r++) rows.push(r)
  return { header, titles, rows }
}

/** Fills a row as the treasurer would in Excel: attendance and what she paid, by column title. */
function fill(ws: ExcelJS.Worksheet, at: { titles: string[] }, row: number, values: Record<string, string | number | null>) {
  for (const [title, v] of Object.entries(values)) ws.getRow(row).getCell(at.titles.indexOf(title) + 1).value = v
}

const base64 = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')

describe('collection sheets as files', () => {
  it('prints each member with what she owes, and a filled .xlsx comes back as the meeting, savings, repayments and fund shares', async () => {
    const pdf = pdfText(await report({ report: 'collection', group: 'DOR-1-A', date: '2011-06-15', lang: 'mn', format: 'pdf' }))
    expect(pdf).toContain('Цуглуулгын хуудас: DOR-1-A Нарлаг')
    expect(pdf).toMatch(/Б\. Сарангэрэл.*1 000 ₮.*3 100 ₮/)
    const wb = await readXlsx(await sheetXlsx())
    const ws = wb.getWorksheet('DOR-1-A 2011-06-15')!
    const at = rowsOf(ws)
    expect(at.rows).toHaveLength(2)
    const names = at.rows.map((r) => ws.getRow(r).getCell(2).value)
    expect(names).toEqual(['Б. Оюунчимэг', 'Б. Сарангэрэл'])
    // Оюунчимэг is absent; Сарангэрэл pays her saving and 2,000 ₮ of the 3,100 ₮ due; the treasurer writes the totals.
    fill(ws, at, at.rows[0]!, { Ирц: 'Тасалсан' })
    fill(ws, at, at.rows[1]!, { Ирц: 'ирсэн', 'Заавал төлсөн': 1_000, Төлсөн: '2 000' })
    const totals = at.rows.at(-1)! + 1
    fill(ws, at, totals, { 'Заавал төлсөн': 1_000, Төлсөн: 2_000 })
    const r = await t.must('sheets.import', { fileName: 'DOR-1-A.xlsx', base64: await base64(wb) })
    expect(r.sheets).toMatchObject([{ ssgCode: 'DOR-1-A', heldOn: '2011-06-15', totals: { compulsoryMinor: mnt(1_000), repaymentMinor: mnt(2_000), cashMinor: mnt(3_000) }, funds: { f1: mnt(500), f2: mnt(500), f3: mnt(1_000) } }])
    const meeting = await t.must('meetings.get', { id: r.sheets[0]!.meetingId })
    expect(meeting.attendance.map((a) => a.status)).toEqual(['absent', 'present'])
    // Fines → interest → principal: 2,000 ₮ pays the week's 100 ₮ interest (30,000 × 1.5% × 12/52, rounded) and 1,900 ₮ of principal.
    const loan = await t.must('loans.get', { id: loanId })
    expect(loan.repayments.map((x) => [x.amountMinor, x.interestMinor, x.principalMinor])).toEqual([[mnt(2_000), mnt(100), mnt(1_900)]])
    // The same file again is refused: the sheet is entered.
    expect(await t.call('sheets.import', { fileName: 'DOR-1-A.xlsx', base64: await base64(wb) })).toMatchObject({ ok: false, error: { key: 'r.sheetEntered' } })
    // Printed again, the sheet shows what was recorded.
    const again = pdfText(await report({ report: 'collection', group: 'DOR-1-A', date: '2011-06-15', lang: 'en', format: 'pdf' }))
    expect(again).toContain('Cash to the treasurer 3 000 ₮; the repayments went to fund (1) 500 ₮, (2) 500 ₮ and (3) 1 000 ₮.')
  })

  it('refuses a sheet whose totals do not add up, a bad amount and a row the loans refuse, naming the sheet and row, and writes nothing', async () => {
    const before = { meetings: await t.count('group_meeting'), savings: await t.count('savings_entry') }
    const wb = await readXlsx(await sheetXlsx())
    const ws = wb.getWorksheet('DOR-1-A 2011-06-15')!
    const at = rowsOf(ws)
    const totals = at.rows.at(-1)! + 1
    fill(ws, at, at.rows[1]!, { 'Заавал төлсөн': 1_000, Төлсөн: 3_100 })
    fill(ws, at, totals, { 'Заавал төлсөн': 1_000, Төлсөн: 3_000 })
    const wrongTotal = await t.call('sheets.import', { fileName: 'a.xlsx', base64: await base64(wb) })
    expect(wrongTotal).toMatchObject({ ok: false, error: { key: 'r.importTotal', vars: { sheet: 'DOR-1-A 2011-06-15', column: 'Төлсөн', total: '3 000 ₮', sum: '3 100 ₮' } } })
    fill(ws, at, totals, { Төлсөн: 3_100 })
    fill(ws, at, at.rows[0]!, { 'Сайн дурын': 'мянга' })
    const bad = await t.call('sheets.import', { fileName: 'a.xlsx', base64: await base64(wb) })
    expect(bad).toMatchObject({ ok: false, error: { key: 'r.importRow', vars: { row: at.rows[0], reason: 'r.importAmount', value: 'мянга' } } })
    const e = (bad as { error: { key: 'r.importRow'; vars: Record<string, string | number> } }).error
    expect(translate('mn', e.key, e.vars)).toBe(`DOR-1-A 2011-06-15 хуудас, ${at.rows[0]}-р мөр (Б. Оюунчимэг): Сайн дурын: “мянга” нь төгрөгийн дүн биш`)
    // Оюунчимэг has no loan to repay: the loans refuse her row.
    fill(ws, at, at.rows[0]!, { 'Сайн дурын': null, Төлсөн: 500 })
    fill(ws, at, totals, { Төлсөн: 3_600 })
    const refused = await t.call('sheets.import', { fileName: 'a.xlsx', base64: await base64(wb) })
    expect(refused).toMatchObject({ ok: false, error: { key: 'r.importRow', vars: { row: at.rows[0], name: 'Б. Оюунчимэг', reason: 'r.sheetNoLoan' } } })
    expect(await t.count('loan_repayment')).toBe(0)
    expect({ meetings: await t.count('group_meeting'), savings: await t.count('savings_entry') }).toEqual(before)
    // Not a sheet of the app at all.
    const plain = await readXlsx(await report({ report: 'portfolio', date: '2011-06-15', lang: 'mn', format: 'xlsx' }))
    expect(await t.call('sheets.import', { fileName: 'p.xlsx', base64: await base64(plain) })).toMatchObject({ ok: false, error: { key: 'r.importNotSheet', field: 'fileName' } })
  })

  it('prints every small group of a large group for the week, one per page', async () => {
    const other = await t.must('ssgs.create', { lsgId: g.lsg, code: 'DOR-1-B', name: 'Од', formedOn: '2011-03-10', meetingWeekday: 5 })
    const h = await t.must('households.create', { branchId: g.branch, singleWomanHeaded: false, childrenCount: 1, areaCode: 'dornogovi', registeredOn: '2011-03-01' })
    const person = await t.must('persons.create', { patronymic: 'Дорж', givenName: 'Цэцэг', gender: 'female', branchId: g.branch, householdId: h.id })
    await t.must('roster.join', { ssgId: other.id, personId: person.id, joinedOn: '2011-05-01' })
    const pdf = await report({ report: 'collection', lsg: 'DOR-1', date: '2011-06-13', lang: 'en', format: 'pdf' })
    const text = pdfText(pdf)
    // Monday 2011-06-13: DOR-1-A meets on Wednesday the 15th, DOR-1-B on Friday the 17th; a cover, then a page each.
    expect(text).toMatch(/Collection sheet: DOR-1-A Нарлаг[\s\S]*Date: 2011\.06\.15/)
    expect(text).toMatch(/Collection sheet: DOR-1-B Од[\s\S]*Date: 2011\.06\.17[\s\S]*Д\. Цэцэг/)
    expect(pdfPages(pdf)).toBe(3)
    expect(await t.call('reports.generate', { report: 'collection', lsg: 'NONE', date: '2011-06-13', lang: 'en', format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'not_found', key: 'r.noLsgCode', field: 'lsg' } })
  })
})

describe('portfolio, group funds and passbook files', () => {
  it('show the figures of the pages', async () => {
    await t.must('sheets.enter', {
      ssgId: g.ssg,
      heldOn: '2011-06-15',
      lines: [
        { personId: g.p[1]!, status: 'present', compulsoryMinor: mnt(1_000), voluntaryMinor: 0, withdrawalMinor: 0, repaymentMinor: 0 },
        { personId: g.p[0]!, status: 'present', compulsoryMinor: mnt(1_000), voluntaryMinor: 0, withdrawalMinor: 0, repaymentMinor: mnt(3_100) },
      ],
      minutes: null,
    })
    // Nothing paid since: on 2011-07-30 the loan is 38 days late (due 2011-06-22), so PAR1 and PAR30 are its whole balance.
    const page = await t.must('portfolio.quality', { on: '2011-07-30' })
    const total = page.rows.find((r) => r.level === 'total')!
    expect(total.par30.ratio).toBe(1)
    const wb = await readXlsx(await report({ report: 'portfolio', date: '2011-07-30', lang: 'en', format: 'xlsx' }))
    const byGroup = wb.getWorksheet('Group')!
    const totalRow = byGroup.getRow(5)
    expect(totalRow.getCell(2).value).toBe('Total')
    expect(totalRow.getCell(5).value).toBe(total.outstandingMinor / 100)
    expect(totalRow.getCell(7).value).toBe(1)
    const funds = await readXlsx(await report({ report: 'group-funds', from: '2011-01-01', to: '2011-12-31', lang: 'en', format: 'xlsx' }))
    const ledgers = funds.getWorksheet('Ledgers')!
    const balances = await t.must('groupfunds.balances', { lsgId: g.lsg, on: '2011-12-31' } as never)
    const closing = (fund: string) => ledgers.getRow([6, 7, 8].find((r) => String(ledgers.getRow(r).getCell(3).value).startsWith(fund))!).getCell(9).value
    expect([closing('(1)'), closing('(2)'), closing('(3)')]).toEqual([balances.f1 / 100, balances.f2 / 100, balances.f3 / 100])
    const check = funds.getWorksheet('Check')!
    expect(check.getRow(6).getCell(8).value).toBe(0)
    const passbook = pdfText(await report({ report: 'passbook', person: String(g.p[0]), date: '2011-07-30', lang: 'en', format: 'pdf' }))
    expect(passbook).toContain('Passbook: Б. Сарангэрэл')
    expect(passbook).toMatch(/2011\.06\.15: repaid 3 100 ₮ \(fines 0 ₮, interest 100 ₮, principal 3 000 ₮\)/)
    expect(await t.call('reports.generate', { report: 'passbook', person: 'УБ00000000', lang: 'en', format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'not_found', key: 'r.noPersonRef' } })
  })

  it('checks the options each report takes', async () => {
    expect(await t.call('reports.generate', { report: 'collection', date: '2011-06-15', format: 'pdf' })).toMatchObject({ ok: false, error: { field: 'group' } })
    expect(await t.call('reports.generate', { report: 'collection', group: 'A', lsg: 'B', date: '2011-06-15', format: 'pdf' })).toMatchObject({ ok: false, error: { field: 'lsg' } })
    expect(await t.call('reports.generate', { report: 'portfolio', year: 2011, format: 'pdf' })).toMatchObject({ ok: false, error: { field: 'year' } })
    expect(await t.call('reports.generate', { report: 'membership', year: 2011, date: '2011-01-01', format: 'pdf' })).toMatchObject({ ok: false, error: { field: 'date' } })
    expect(await t.call('reports.generate', { report: 'portfolio', date: '2099-01-01', format: 'pdf' })).toMatchObject({ ok: false, error: { field: 'date', key: 'r.notFuture' } })
  })
})
