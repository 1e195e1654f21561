import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatCell, writePdf } from './pdf'
import { resourcePath } from '../paths'
import { periodLabel } from './common'
import { dayBefore } from '../../shared/domain/dates'
import { tableTotals, type ReportModel } from './model'
import { writeXlsx } from './xlsx'
import ExcelJS from 'exceljs'

/** The writers' own words, in English, for the test models. */
const LABELS: ReportModel['labels'] = { page: 'Page', of: 'of', generated: 'Generated', period: 'Period', total: 'Total', notes: 'Notes', rates: 'Rates', summary: 'Summary' }

describe('report helpers', () => {
  it('format money and counts the Mongolian way', () => {
    expect(formatCell('mnt', 125000000)).toBe('1 250 000 ₮')
    expect(formatCell('dkk', 490000000)).toBe('DKK 4 900 000,00')
    expect(formatCell('dkk', -5)).toBe('DKK -0,05')
    expect(formatCell('int', 6000)).toBe('6 000')
    expect(formatCell('date', '2009-03-01')).toBe('2009.03.01')
    expect(formatCell('int', null)).toBe('')
  })
  it('name periods', () => {
    expect(periodLabel('2009-01-01', '2009-12-31')).toBe('2009')
    expect(periodLabel('2007-03-01', '2008-02-29')).toBe('2007.03.01 – 2008.02.29')
    expect(dayBefore('2008-03-01')).toBe('2008-02-29')
  })
  it('sum only the total keys, ignoring blanks', () => {
    expect(tableTotals({ columns: [], rows: [{ a: 1, b: 2 }, { a: null, b: 3 }], total: { label: 'T', keys: ['a', 'b'] } })).toEqual({ a: 1, b: 5 })
  })
})

describe('xlsx writer', () => {
  const model: ReportModel = {
    report: 'test',
    lang: 'en',
    title: 'Test',
    organisation: 'SPN',
    period: { from: '2009-01-01', to: '2009-12-31', label: '2009' },
    generatedAt: '2026-11-26T09:00:00.000Z',
    summary: [{ label: 'Budget', value: 49000000000, type: 'dkk' }],
    sections: [
      {
        title: 'Money',
        sheetName: 'Money',
        table: {
          columns: [
            { key: 'name', label: 'Line', type: 'text' },
            { key: 'date', label: 'Date', type: 'date' },
            { key: 'mnt', label: 'MNT', type: 'mnt' },
          ],
          rows: [
            { name: 'A', date: '2009-03-01', mnt: 125000050 },
            { name: 'B', date: '2009-04-01', mnt: 100 },
          ],
          total: { label: 'Total', keys: ['mnt'] },
        },
      },
    ],
    notes: [],
    rates: [{ label: 'DKK 1 = MNT', rate: '215.4321' }],
    labels: LABELS,
  }
  it('writes real dates, money in major units with formats, and a SUM with its cached result', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await writeXlsx(model)) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Money')!
    expect(ws.getCell('B5').value).toEqual(new Date('2009-03-01T00:00:00Z'))
    expect(ws.getCell('B5').numFmt).toBe('yyyy.mm.dd')
    expect(ws.getCell('C5').value).toBe(1250000.5)
    expect(ws.getCell('C5').numFmt).toBe('#,##0 "₮"')
    expect(ws.getCell('C7').value).toEqual({ formula: 'SUM(C5:C6)', result: 1250001.5 })
    expect(wb.getWorksheet('Cover')!.getCell('B7').value).toBe(490000000)
    expect(wb.getWorksheet('Cover')!.getCell('B10').value).toBe(215.4321)
    expect(wb.getWorksheet('Cover')!.getCell('B10').numFmt).toBe('0.0000')
  })
  it('makes a money column wide enough for its bold total, which is wider than every row (no ### in a spreadsheet)', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ name: `L${i}`, date: '2009-03-01', mnt: 90_000_000_00 }))
    const wide: ReportModel = { ...model, sections: [{ ...model.sections[0], table: { ...model.sections[0].table, rows } }] }
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await writeXlsx(wide)) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Money')!
    // The total, 1 080 000 000 ₮, is 13 characters formatted; a row's 90 000 000 ₮ only 12.
    expect(ws.getColumn(3).width!).toBeGreaterThanOrEqual('1 080 000 000 ₮'.length * 1.15)
  })
})

describe('pdf writer', () => {
  const fonts = { regular: readFileSync(resourcePath('fonts', 'NotoSans-Regular.ttf')), bold: readFileSync(resourcePath('fonts', 'NotoSans-Bold.ttf')) }
  const pages = (pdf: Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'spn-pdf-'))
    try {
      writeFileSync(join(dir, 'r.pdf'), pdf)
      return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim())
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  it('never starts a page with a totals row alone: its last row goes with it', async () => {
    let moved = 0
    // Enough lengths that, one of them, the totals row would fall on a page of its own.
    for (let n = 28; n <= 64; n++) {
      const rows = Array.from({ length: n }, (_, i) => ({ code: `1.${i}`, what: `Voucher number ${i} for the training of a small group`, mnt: 1000_00 * (i + 1) }))
      const model: ReportModel = {
        report: 'test',
        lang: 'en',
        title: 'Test',
        organisation: 'SPN',
        period: { from: '2009-01-01', to: '2009-12-31', label: '2009' },
        generatedAt: '2026-11-26T09:00:00.000Z',
        summary: [],
        sections: [{ title: 'Vouchers', sheetName: 'Vouchers', table: { columns: [{ key: 'code', label: 'Line', type: 'text' }, { key: 'what', label: 'Description', type: 'text' }, { key: 'mnt', label: 'MNT', type: 'mnt' }], rows, total: { label: 'TOTALROW', keys: ['mnt'] } } }],
        notes: [],
        rates: [],
        labels: LABELS,
      }
      const bytes = await writePdf(model, fonts)
      const text = pages(bytes)
      for (const [p, page] of text.entries()) {
        if (!page.includes('TOTALROW')) continue
        // On the page of the totals, a voucher comes right before them (a wrapped description may take two lines).
        const lines = page.split('\n').map((l) => l.trim()).filter(Boolean)
        const at = lines.findIndex((l) => l.startsWith('TOTALROW'))
        expect(lines.slice(Math.max(0, at - 2), at).some((l) => /^1\.\d+\s/.test(l)), `${n} rows, page ${p + 1}: ${lines.slice(0, at + 1).join(' | ').slice(-200)}`).toBe(true)
        if (p > 0) moved++
      }
    }
    // Some lengths put the totals on a later page: with their last vouchers.
    expect(moved).toBeGreaterThan(0)
  })
})
