import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { demoBackend, type TestBackend } from '../helpers/backend'
import { translate, type MessageKey } from '../../src/shared/i18n'

/* Any file: understood, or refused in words, and nothing changes. On both engines. */
let t: TestBackend
beforeAll(async () => {
  t = await demoBackend()
})
afterAll(() => t.close())

const HEADER = 'Date,Voucher,Budget line,Branch,Description,Amount,Currency,Funding source'

/** Windows-1251 as Excel writes CSV on Mongolian Windows (basic Cyrillic; Ө and Ү are not in it). */
function cp1251(s: string): Buffer {
  return Buffer.from(
    [...s].map((ch) => {
      const c = ch.codePointAt(0)!
      if (c < 0x80) return c
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0
      if (c === 0x401) return 0xa8
      if (c === 0x451) return 0xb8
      throw new Error(`not in Windows-1251: ${ch}`)
    }),
  )
}

const importFile = (fileName: string, bytes: Buffer) => t.call('expenses.import', { projectId: 1, fileName, base64: bytes.toString('base64'), dryRun: false })

async function descriptionOf(voucher: string): Promise<string | undefined> {
  return (await t.read((sql) => sql.one<{ d: string }>('SELECT description AS d FROM expense WHERE voucher = :voucher', { voucher })))?.d
}

describe('CSV files in the encodings Excel writes', () => {
  it('reads Windows-1251, UTF-16 and UTF-8 with or without a byte-order mark, keeping the Mongolian text', async () => {
    const line = (v: string) => `${HEADER}\n2009-05-01,${v},1.1,Secretariat,Сургалтын зардал,100,MNT,DANIDA\n`
    const files: Array<[string, Buffer]> = [
      ['cp1251.csv', cp1251(line('ENC-1251'))],
      ['utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line('ENC-16').replace(/,/g, '\t'), 'utf16le')])],
      ['utf8bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line('ENC-8B'))])],
      ['utf8.csv', Buffer.from(line('ENC-8'))],
    ]
    for (const [name, bytes] of files) {
      const r = await importFile(name, bytes)
      expect(r, `${name}: ${JSON.stringify(r)}`).toMatchObject({ ok: true, value: { imported: 1, problems: [] } })
    }
    for (const v of ['ENC-1251', 'ENC-16', 'ENC-8B', 'ENC-8']) expect(await descriptionOf(v), v).toBe('Сургалтын зардал')
  })

  it('refuses text in another encoding, naming what to do, and imports nothing', async () => {
    const before = await t.count('expense')
    const latin1 = Buffer.from(`${HEADER}\n2009-05-01,L-1,1.1,Secretariat,Caf\xe9 r\xe9union \xe0 Ulaanbaatar,100,MNT,DANIDA\n`, 'latin1')
    expect(await importFile('latin.csv', latin1)).toMatchObject({
      ok: false,
      error: { field: 'fileName', message: 'The file latin.csv is neither UTF-8 nor Windows-1251 (Cyrillic) text; in Excel save it as "CSV UTF-8", or as .xlsx.' },
    })
    expect(await t.count('expense')).toBe(before)
    // The same refusal in Mongolian.
    const r = await importFile('latin.csv', latin1)
    if (!r.ok) expect(translate('mn', r.error.key as MessageKey, r.error.vars)).toBe('latin.csv файл UTF-8 ч биш, Windows-1251 (кирилл) ч биш текст байна; Excel-д "CSV UTF-8" эсвэл .xlsx хэлбэрээр хадгална уу.')
  })
})

describe('workbooks that are not what they say', () => {
  it('a CSV named .xlsx, an old .xls, a damaged zip: each a sentence a person understands', async () => {
    expect(await importFile('ledger.xlsx', Buffer.from(`${HEADER}\n2009-05-01,X,1.1,Secretariat,A,1,MNT,DANIDA\n`))).toMatchObject({
      ok: false,
      error: { message: 'The file ledger.xlsx is a text (CSV) file named .xlsx; name it .csv and import it again.' },
    })
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n`, 'utf16le')])
    expect(await importFile('unicode.xlsx', utf16)).toMatchObject({ ok: false, error: { message: 'The file unicode.xlsx is a text (CSV) file in UTF-16 ("Unicode text") named .xlsx; name it .csv and import it again.' } })
    const xls = Buffer.alloc(512)
    xls.writeUInt32BE(0xd0cf11e0, 0)
    expect(await importFile('old.xlsx', xls)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/old Excel 97–2003 workbook \(\.xls\); in Excel save it as \.xlsx/) } })
    const cut = (await workbook([['2009-05-01', 'Z-1', '1.1', 'Secretariat', 'A', 1, 'MNT', 'DANIDA']])).subarray(0, 300)
    expect(await importFile('cut.xlsx', cut)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/damaged workbook/) } })
    expect(await importFile('ledger.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3]))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a text \(CSV\) file/) } })
  })

  it('a workbook that would expand to gigabytes is refused from its table of contents, before it is read', async () => {
    const bytes = Buffer.from(await workbook([['2009-05-01', 'B-1', '1.1', 'Secretariat', 'A', 1, 'MNT', 'DANIDA']]))
    // Make one entry of the central directory claim 3 GB unpacked, as a zip bomb does.
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    const cd = bytes.readUInt32LE(eocd + 16)
    bytes.writeUInt32LE(3_000_000_000, cd + 24)
    const started = performance.now()
    expect(await importFile('bomb.xlsx', bytes)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^The file bomb\.xlsx expands to 2861 MB when opened, more than the 200 MB an import reads/) } })
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('a formula cell without its saved result, and a file of too many rows', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('L')
    ws.addRow(HEADER.split(','))
    ws.addRow(['2009-05-01', 'F-1', '1.1', 'Secretariat', 'A', null, 'MNT', 'DANIDA'])
    ws.getCell('F2').value = { formula: 'B2*100' } as ExcelJS.CellFormulaValue
    const r = await importFile('formula.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/has a formula in cell F2 \(=B2\*100\) without its result saved.*Open it there and save it again/) } })
    const many = `${HEADER}\n${'2009-05-01,M,1.1,Secretariat,A,1,MNT,DANIDA\n'.repeat(100_100)}`
    expect(await importFile('many.csv', Buffer.from(many))).toMatchObject({ ok: false, error: { message: 'The file many.csv has more than 100 000 rows; import it in parts.' } })
  })
})

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('L')
  ws.addRow(HEADER.split(','))
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
