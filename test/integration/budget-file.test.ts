import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { testBackend, type TestBackend } from '../helpers/backend'
import { NEXT_PROJECT } from '../helpers/projects'
import { readXlsx } from '../helpers/files'
import { translate, type MessageKey } from '../../src/shared/i18n'
import type { Project } from '../../src/shared/api/financeTypes'

/* The budget from the app's .xlsx template: the template round-trips, every bad cell is named, a bad file sets nothing. On both engines. */
let t: TestBackend
let p: Project
beforeAll(async () => {
  t = await testBackend()
  p = await t.must('projects.create', NEXT_PROJECT)
})
afterAll(() => t.close())

async function workbook(rows: Array<Array<string | number | null>>, title?: string): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Төсөв')
  if (title) ws.addRow([title])
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
}
const read = (base64: string) => t.must('budget.readFile', { projectId: p.id, fileName: 'budget.xlsx', base64 })

describe('budget template and file', () => {
  it('offers a template in Mongolian with a row per sub-line and source and a column per year', async () => {
    const file = await t.must('budget.template', { projectId: p.id, lang: 'mn' })
    const ws = (await readXlsx(Buffer.from(file.base64, 'base64'))).worksheets[0]!
    expect(ws.getRow(1).values).toEqual([undefined, 'Код', 'Төсвийн мөр', 'Санхүүжилтийн эх үүсвэр', '1-р жил', '2-р жил', '3-р жил', 'Нийт'])
    // 4 sub-lines × 2 sources, no amounts yet.
    expect(ws.rowCount).toBe(9)
    expect([2, 3, 4, 5, 6].map((r) => [ws.getCell(`A${r}`).value, ws.getCell(`C${r}`).value])).toEqual([
      ['1.1', 'DANIDA'],
      ['1.2', 'DANIDA'],
      ['4.1', 'DANIDA'],
      ['13.1', 'DANIDA'],
      ['1.1', 'DMS'],
    ])
  })

  it('names every bad cell (row, column, why) and sets nothing', async () => {
    const base64 = await workbook(
      [
        ['Код', 'Төсвийн мөр', 'Санхүүжилтийн эх үүсвэр', '1-р жил', '2-р жил', '3-р жил', '4-р жил'],
        ['1.1', 'Хоршооны сургалт', 'DANIDA', '500 000,00', 'abc', null, null],
        ['1', 'Үйл ажиллагаа', 'DANIDA', 100, null, null, null],
        ['9.9', '', 'DANIDA', 100, null, null, null],
        ['1.2', '', 'Red Cross', -5, null, null, null],
        ['1.1', '', 'ДАНИДА-гийн тусламж', 1, null, null, null],
        ['4.1', '', '', '1,250', null, null, null],
      ],
      'Төсөв, DKK',
    )
    const r = await read(base64)
    expect(r.headerRow).toBe(2)
    expect(r.rows).toBe(6)
    expect(r.amounts).toEqual([])
    expect(r.sourceIds).toEqual([])
    const said = r.problems.map((x) => `${x.row} ${x.columnMn}: ${translate('mn', x.key as MessageKey, x.vars)}`)
    expect(said).toEqual([
      '2 4-р жил: 4-р жил төслийн жил биш; төсөл 3 жилтэй',
      '3 2-р жил: "abc" дүн биш (1 250 000 эсвэл 150 000,00 гэж бичнэ)',
      '4 Код: 1 нь үндсэн мөр: дүнг түүний дэд мөрүүдэд (1.1, …) бичнэ',
      '5 Код: "9.9" нь төслийн төсвийн мөр биш',
      '6 Санхүүжилтийн эх үүсвэр: "Red Cross" нь төслийн санхүүжилтийн эх үүсвэр биш',
      '6 1-р жил: сөрөг байж болохгүй',
      '7 Код: DANIDA-ийн 1.1 мөр мөн 3-р мөрөнд байна',
      '8 Санхүүжилтийн эх үүсвэр: хоосон байна',
      expect.stringMatching(/^8 1-р жил: .*1,250/),
    ])
    expect((await t.must('finance.projects', {}))[0]!.versions).toEqual([])
  })

  it('reads the filled template back to the cent, a blank cell being 0, and the version saved from it equals the file', async () => {
    const file = await t.must('budget.template', { projectId: p.id, lang: 'en' })
    const wb = await readXlsx(Buffer.from(file.base64, 'base64'))
    const ws = wb.worksheets[0]!
    // DANIDA rows only (the DMS part is typed in the app): the officer deletes the DMS rows and fills the rest.
    for (let r = 6; r <= 9; r++) for (let c = 1; c <= 7; c++) ws.getCell(r, c).value = null
    const fill: Record<string, Array<number | string | null>> = { '1.1': [500_000, '500 000,00', 500000], '1.2': [400_000.5, null, 0], '4.1': [null, null, null], '13.1': ['100000', '100 000', '100000.00'] }
    for (let r = 2; r <= 5; r++) {
      const code = String(ws.getCell(`A${r}`).value)
      fill[code]!.forEach((v, i) => (ws.getCell(r, 4 + i).value = v))
    }
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
    const r = await read(base64)
    expect(r.problems).toEqual([])
    const danida = p.sources.find((s) => s.code === 'DANIDA')!.id
    const dms = p.sources.find((s) => s.code === 'DMS')!.id
    expect(r.sourceIds).toEqual([danida])
    expect(r.years).toEqual([1, 2, 3])
    const code = (id: number) => p.lines.find((l) => l.id === id)!.code
    expect(r.amounts.map((a) => [code(a.lineId), a.projectYear, a.amountMinor])).toEqual([
      ['1.1', 1, 50_000_000],
      ['1.1', 2, 50_000_000],
      ['1.1', 3, 50_000_000],
      ['1.2', 1, 40_000_050],
      ['13.1', 1, 10_000_000],
      ['13.1', 2, 10_000_000],
      ['13.1', 3, 10_000_000],
    ])
    const typed = [1, 2, 3].map((y) => ({ lineId: p.lines.find((l) => l.code === '4.1')!.id, projectYear: y, sourceId: dms, amountMinor: 3_000_000 }))
    const budget = await t.must('budget.revise', { projectId: p.id, approvedOn: '2011-02-15', reason: 'Анхны төсөв', amounts: [...r.amounts, ...typed] })
    expect(budget.totalsBySource[danida]).toBe(220_000_050)
    expect(budget.totalsBySource[dms]).toBe(9_000_000)
    // The next template starts from the version in force, and reads back unchanged.
    const again = await t.must('budget.template', { projectId: p.id, lang: 'mn' })
    const back = await read(again.base64)
    expect(back.problems).toEqual([])
    expect(back.sourceIds).toEqual([danida, dms])
    expect(back.amounts.reduce((s, a) => s + a.amountMinor, 0)).toBe(budget.totalMinor)
    expect(new Set(back.amounts.map((a) => `${a.lineId}/${a.projectYear}/${a.sourceId}/${a.amountMinor}`))).toEqual(new Set(budget.amounts.map((a) => `${a.lineId}/${a.projectYear}/${a.sourceId}/${a.amountMinor}`)))
  })

  it('refuses a file that is not a workbook or has no header, in words', async () => {
    const csvNamed = await t.call('budget.readFile', { projectId: p.id, fileName: 'budget.xlsx', base64: Buffer.from('Код;1-р жил\n1.1;5').toString('base64') })
    expect(csvNamed).toMatchObject({ ok: false, error: { field: 'fileName', key: 'imp.file.csvNamedXlsx' } })
    const noHeader = await read(await workbook([['a', 'b'], [1, 2]]))
    expect(noHeader.problems.map((x) => x.key)).toEqual(['imp.budget.noHeader'])
  })
})
