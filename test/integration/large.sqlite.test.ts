import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { Readable } from 'node:stream'
import { demoBackend, type TestBackend } from '../helpers/backend'
import { insertMany } from '../../src/main/db/bulk'
import { ExpenseEntity } from '../../src/main/db/entities'

/* Large data: a ledger of a quarter of a million vouchers exports to Excel; as a PDF it is refused in words. */
let t: TestBackend
const ROWS = 250_000
beforeAll(async () => {
  t = await demoBackend()
  await t.backend.db!.write(async (tx) => {
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      projectId: 1,
      spentOn: `2008-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      voucher: `BIG-${i}`,
      lineId: 1 + (i % 5),
      branchId: null,
      description: 'Сургалтын зардал',
      amountMinor: 1000_00 + (i % 100) * 100,
      currency: 'MNT' as const,
      sourceId: 1,
      createdAt: 'bench',
    }))
    await insertMany(tx, ExpenseEntity, rows)
  })
}, 120_000)
afterAll(() => t.close())

describe(`a ledger of ${ROWS} vouchers`, () => {
  it('exports to .xlsx, streamed, every voucher in it', async () => {
    const file = await t.must('reports.generate', { report: 'ledger', lang: 'en', format: 'xlsx' })
    expect(file.byteLength).toBeGreaterThan(1_000_000)
    // Read back with the streaming reader: the ledger sheet holds a row per voucher.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(file.base64, 'base64')), { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' })
    let vouchers = 0
    for await (const ws of reader) {
      for await (const row of ws) if (/^BIG-\d+$/.test(String(row.getCell(2).value ?? ''))) vouchers++
    }
    expect(vouchers).toBe(ROWS)
  }, 120_000)

  it('as a PDF is refused, saying how many pages and what to do instead', async () => {
    expect(await t.call('reports.generate', { report: 'ledger', lang: 'en', format: 'pdf' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'format', message: expect.stringMatching(/^This report has 25\d \d{3} rows, about 6 \d{3} pages as a PDF: more than the 1 250 a PDF is made with\. Export it as Excel \(\.xlsx\), or choose a shorter period\.$/) },
    })
  })
})
