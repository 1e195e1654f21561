import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { demoBackend, type TestBackend } from '../helpers/backend'
import type { Project } from '../../src/shared/api/financeTypes'

let t: TestBackend
let project: Project
beforeAll(async () => {
  t = await demoBackend()
  project = (await t.must('finance.projects', {}))[0]
})
afterAll(() => t.close())

const MN_HEADER = ['Огноо', 'Баримтын дугаар', 'Төсвийн мөр', 'Салбар', 'Гүйлгээний утга', 'Дүн', 'Валют', 'Санхүүжилтийн эх үүсвэр']

/** A ledger as officers keep it: a merged title row, a blank row, Mongolian headers, text dates, blank lines between rows. */
async function messyXlsx(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('2009')
  ws.addRow(['НТС — 2009 оны зарлагын бүртгэл'])
  ws.mergeCells('A1:H1')
  ws.addRow([])
  ws.addRow(MN_HEADER)
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
}

const count = () => t.count('expense')

describe('importing an expense ledger', () => {
  it('reads a messy xlsx and imports all rows at once', async () => {
    const base64 = await messyXlsx([
      [new Date('2009-04-02T00:00:00Z'), 'IMP-001', '1.1', 'Дорноговь', 'Сургалтын зардал', 1250000, 'MNT', 'DANIDA'],
      [],
      ['2009.04.03', 'IMP-002', '1.2 Micro-credit education and loan funds', 'Secretariat', 'Зээлийн сургалт', '1 250 000', '₮', 'DANIDA'],
      ['2009-04-04', 'IMP-003', '3.1', 'Ажлын алба', 'Adviser travel', '12.500,50', 'DKK', 'DMS'],
      ['2009-04-05', 'IMP-004', '5.1', 'Orkhon', 'Rent', '2,500,000', 'MNT', 'Danish Mongolian Society co-funding'],
    ])
    const before = await count()
    const dry = await t.must('expenses.import', { projectId: project.id, fileName: 'ledger.xlsx', base64, dryRun: true })
    expect(dry).toMatchObject({ headerRow: 3, rows: 4, problems: [], imported: 0 })
    expect(dry.preview.map((r) => [r.row, r.spentOn, r.amountMinor, r.currency, r.costCentre])).toEqual([
      [4, '2009-04-02', 125_000_000, 'MNT', 'Dornogovi'],
      [6, '2009-04-03', 125_000_000, 'MNT', 'Secretariat'],
      [7, '2009-04-04', 1_250_050, 'DKK', 'Secretariat'],
      [8, '2009-04-05', 250_000_000, 'MNT', 'Orkhon'],
    ])
    expect(await count()).toBe(before)
    const done = await t.must('expenses.import', { projectId: project.id, fileName: 'ledger.xlsx', base64, dryRun: false })
    expect(done.imported).toBe(4)
    expect(await count()).toBe(before + 4)
    // The same file again: every voucher is a duplicate, nothing is imported.
    const again = await t.must('expenses.import', { projectId: project.id, fileName: 'ledger.xlsx', base64, dryRun: false })
    expect(again.imported).toBe(0)
    expect(again.problems.map((p) => [p.row, p.column])).toEqual([[4, 'Voucher'], [6, 'Voucher'], [7, 'Voucher'], [8, 'Voucher']])
    expect(again.problems[0].reason).toBe('IMP-001 is already recorded')
    expect(await count()).toBe(before + 4)
  })

  it('names every bad row and imports nothing when one row is bad', async () => {
    const base64 = await messyXlsx([
      ['2009-05-01', 'BAD-001', '1.1', 'Дорноговь', 'OK row', '10 000', 'MNT', 'DANIDA'],
      ['2009-02-30', 'BAD-002', '99.9', 'Atlantis', '', 'ten', 'USD', 'Bank'],
      ['2009-05-02', 'BAD-001', '1.1', 'Дорноговь', 'Repeated voucher', '10 000', 'MNT', 'DANIDA'],
    ])
    const before = await count()
    const r = await t.must('expenses.import', { projectId: project.id, fileName: 'bad.xlsx', base64, dryRun: false })
    expect(r.imported).toBe(0)
    expect(await count()).toBe(before)
    expect(r.problems.map((p) => `${p.row}:${p.column}`)).toEqual(['5:Date', '5:Budget line', '5:Branch', '5:Description', '5:Amount', '5:Currency', '5:Funding source', '6:Voucher'])
    expect(r.problems.find((p) => p.column === 'Voucher')?.reason).toBe('BAD-001 is also on row 4')
  })

  it('reads CSV with semicolons, and refuses files it cannot read', async () => {
    const csv = '\uFEFFDate;Voucher;Budget line;Branch;Description;Amount;Currency;Funding source\n2009.06.01;CSV-1;6.1;Khan-Uul;"Monitoring; trip";"350 000";MNT;DANIDA\n'
    const r = await t.must('expenses.import', { projectId: project.id, fileName: 'ledger.csv', base64: Buffer.from(csv).toString('base64'), dryRun: false })
    expect(r).toMatchObject({ imported: 1, problems: [] })
    expect(await t.call('expenses.import', { projectId: project.id, fileName: 'ledger.pdf', base64: 'AAAA', dryRun: true })).toMatchObject({ ok: false, error: { field: 'fileName' } })
    const noHeader = await t.must('expenses.import', { projectId: project.id, fileName: 'x.csv', base64: Buffer.from('a;b\n1;2\n').toString('base64'), dryRun: true })
    expect(noHeader.problems[0].reason).toMatch(/No header row found/)
  })

  it('offers a template with dropdowns for budget lines and branches', async () => {
    const file = await t.must('expenses.template', { projectId: project.id, lang: 'en' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Expenses')!
    expect(ws.getRow(1).values).toEqual([undefined, 'Date', 'Voucher', 'Budget line', 'Branch', 'Description', 'Amount', 'Currency', 'Funding source'])
    expect(ws.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^Lists!\$A\$1:\$A\$\d+$/)] })
    expect(ws.getCell('D2').dataValidation).toMatchObject({ type: 'list' })
    expect(wb.getWorksheet('Lists')!.getCell('A1').value).toBe('1.1 Large self-help groups and CBOs')
  })

  it('offers the template in Mongolian by default, and imports it filled in from its own dropdowns', async () => {
    const file = await t.must('expenses.template', { projectId: project.id })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Зарлага')!
    expect(ws.getRow(1).values).toEqual([undefined, 'Огноо', 'Баримтын дугаар', 'Төсвийн мөр', 'Салбар', 'Гүйлгээний утга', 'Дүн', 'Валют', 'Санхүүжилтийн эх үүсвэр'])
    expect(ws.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^Жагсаалт!\$A\$1:\$A\$\d+$/)] })
    const lists = wb.getWorksheet('Жагсаалт')!
    const line = String(lists.getCell('A1').value)
    const branch = String(lists.getCell('B1').value)
    expect(line).toMatch(/^1\.1 [А-ЯӨҮа-яөү]/)
    expect(branch).toBe('Ажлын алба')
    // A row chosen from the dropdowns, as an officer fills it in.
    ws.addRow([new Date(Date.UTC(2008, 4, 5)), 'ТМП-001', line, branch, 'Сургалтын зардал', 125000, 'MNT', String(lists.getCell('D1').value)])
    const filled = Buffer.from(await wb.xlsx.writeBuffer())
    const r = await t.must('expenses.import', { projectId: project.id, fileName: 'зарлага.xlsx', base64: filled.toString('base64'), dryRun: true })
    expect(r.problems).toEqual([])
    expect(r.rows).toBe(1)
  })
})
