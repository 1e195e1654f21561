import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoBackend, type TestBackend } from '../helpers/backend'
import { pdfText, readXlsx } from '../helpers/files'
import { DEMO_REPORTS } from '../helpers/reportInputs'

/*
 * A Mongolian report of the demo is Mongolian throughout: titles, labels,
 * notes, sheet names, the project's name and the demo's own data (minutes,
 * reasons, vouchers). Latin letters appear only in codes: currencies, the
 * funding sources' codes, the secretariat's acronym, UTC.
 */
const CODES = new Set(['UTC', 'DKK', 'MNT', 'DANIDA', 'DMS', 'DaMoST', 'OWN', 'INT', 'PAR', 'Excel'])
/** Group codes are the area's code, its large group's number and a letter: DOR-1-A. */
const GROUP_CODE = /\b[A-Z]{3}-\d+(-[A-Z])?\b/g
const latinWords = (text: string) => [...new Set(text.replace(GROUP_CODE, '').match(/[A-Za-z]{2,}/g) ?? [])].filter((w) => !CODES.has(w))

let t: TestBackend
beforeAll(async () => {
  t = await demoBackend()
})
afterAll(() => t.close())

const REPORTS = DEMO_REPORTS

describe('Mongolian reports', () => {
  it.each(REPORTS.map((r) => [r.report, r] as const))('%s: no English word in the PDF or the workbook', async (_name, input) => {
    const get = async (format: 'pdf' | 'xlsx') => Buffer.from((await t.must('reports.generate', { ...input, lang: 'mn', format } as never)).base64, 'base64')
    expect(latinWords(pdfText(await get('pdf')))).toEqual([])
    const wb = await readXlsx(await get('xlsx'))
    const texts: string[] = []
    wb.eachSheet((ws) => {
      // The hidden sheet that names a collection sheet's group and date is for the import, never shown.
      if (ws.state === 'hidden') return
      texts.push(ws.name)
      ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value))))
    })
    expect(texts.length).toBeGreaterThan(10)
    expect(latinWords(texts.join('\n'))).toEqual([])
  })
})
