import { describe, expect, it } from 'vitest'
import { locateTable, parseCsv, parseDate } from './ledgerFile'

describe('ledger cells', () => {
  // Amounts are read by the app's one reader: src/shared/domain/amount.test.ts.
  it('read dates as real dates, ISO or Mongolian text, or Excel serials', () => {
    expect(parseDate(new Date('2009-03-05T00:00:00Z'))).toBe('2009-03-05')
    expect(parseDate('2009.03.05')).toBe('2009-03-05')
    expect(parseDate('2009-3-5')).toBe('2009-03-05')
    expect(parseDate(39877)).toBe('2009-03-05')
    expect(parseDate('2009.02.30')).toBeNull()
    expect(parseDate('05/03/2009')).toBeNull()
  })
  it('split CSV with any common delimiter and quotes', () => {
    expect(parseCsv('a;b;"c;d"\n1;"2 ""x""";3\n')).toEqual([['a', 'b', 'c;d'], ['1', '2 "x"', '3']])
    expect(parseCsv('a,b\r\n1,2')).toEqual([['a', 'b'], ['1', '2']])
    // A title line with commas above a semicolon header.
    expect(parseCsv('Ledger, Dornogovi, 2010\nA;B;C;D\n1;2;3;4')[1]).toEqual(['A', 'B', 'C', 'D'])
  })
  it('find the header under title rows, in any order, in Mongolian, and skip blank rows', () => {
    const grid = [
      ['Social Partnership Network — expense ledger 2009', null],
      [null],
      ['Дүн', 'Огноо', 'Баримтын дугаар', 'Төсвийн мөр', 'Салбар', 'Гүйлгээний утга', 'Валют', 'Санхүүжилтийн эх үүсвэр'],
      [null, null],
      ['1 000', '2009.03.05', 'V-1', '1.1', 'Дорноговь', 'Сургалт', 'MNT', 'DANIDA'],
    ]
    const t = locateTable(grid)
    expect(t).toMatchObject({ headerRow: 3, rows: [{ row: 5, cells: { amount: '1 000', date: '2009.03.05', voucher: 'V-1', branch: 'Дорноговь' } }] })
    expect(locateTable([['Date', 'Voucher', 'Budget line', 'Branch', 'Description']])).toMatchObject({ error: expect.stringContaining('Amount, Currency, Funding source') })
  })
})
