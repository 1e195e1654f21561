import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { main } from '../../src/main/cli'
import { SCHEMA_VERSION } from '../../src/main/db/migrations'
import { pdfText, readXlsx, rowLabelled, num } from '../helpers/files'
import { cliSandbox } from '../helpers/cli'
import { startBackend } from '../../src/main/backend'


const { out, err, dir } = cliSandbox('spn-cli-')
const data = () => join(dir(), 'data')

describe('spn CLI', () => {
  it('migrate creates the database; demo loads the full scale deterministically', async () => {
    expect(await main(['migrate', '--data', data()])).toBe(0)
    expect(out.join("\n")).toMatch(`schema version ${SCHEMA_VERSION}`)
    expect(await main(['demo', '--data', data(), '--scale', 'full', '--seed', '7'])).toBe(0)
    expect(out.join('\n')).toMatch(/15 local organisations, 1200 households, 61\d\d persons/)
    expect(await main(['demo', '--data', data()])).toBe(1)
    expect(err.join('\n')).toMatch(/already holds data/)
  })

  it('writes the membership report as xlsx and pdf', async () => {
    await main(['demo', '--data', data()])
    const xlsx = join(dir(), 'm.xlsx')
    expect(await main(['report', 'membership', '--data', data(), '--year', '2009', '--lang', 'en', '--out', xlsx])).toBe(0)
    const wb = await readXlsx(readFileSync(xlsx))
    expect(num(rowLabelled(wb.getWorksheet('Households')!, 'Total').getCell(2))).toBeGreaterThan(1000)
    const pdf = join(dir(), 'm.pdf')
    expect(await main(['report', 'membership', '--data', data(), '--from', '2007-03-01', '--to', '2008-02-29', '--lang', 'mn', '--format', 'pdf', '--out', pdf])).toBe(0)
    expect(pdfText(readFileSync(pdf))).toContain('2007.03.01 – 2008.02.29')
  })

  it('exits non-zero with a clear message on bad arguments or an empty database', async () => {
    expect(await main(['report', 'membership', '--data', data(), '--year', '2009', '--out', join(dir(), 'x.pdf')])).toBe(2)
    expect(err.pop()).toMatch(/There is no database/)
    await main(['migrate', '--data', data()])
    expect(await main(['report', 'membership', '--data', data(), '--year', '2009', '--out', join(dir(), 'x.pdf')])).toBe(2)
    expect(err.pop()).toMatch(/The database is empty/)
    await main(['demo', '--data', data()])
    expect(await main(['report', 'membership', '--data', data(), '--from', '2009-06-01', '--to', '2009-01-01', '--out', join(dir(), 'x.pdf')])).toBe(2)
    expect(err.pop()).toMatch(/to must not be before the start of the period \(2009-06-01\) \(--to\)/)
    expect(await main(['report', 'membership', '--data', data(), '--year', '1999', '--out', join(dir(), 'x.pdf')])).toBe(2)
    expect(err.pop()).toMatch(/year must be between 2004 and 2026/)
    expect(await main(['report', 'budget', '--data', data(), '--year', '2009', '--out', join(dir(), 'x.pdf')])).toBe(2)
    expect(err.pop()).toMatch(/report must be one of: membership, fees, assemblies, annual/)
    expect(await main(['report', 'membership', '--data', data(), '--year', '2009', '--out', join(dir(), 'x.doc')])).toBe(2)
    expect(err.pop()).toMatch(/format must be xlsx or pdf/)
    expect(await main(['demo', '--data', data(), '--scale', 'huge'])).toBe(2)
    expect(await main(['explode'])).toBe(2)
    expect(existsSync(join(dir(), 'x.pdf'))).toBe(false)
  })
})

describe('spn import expenses', () => {
  it('previews with --dry-run, imports, and refuses a file with a bad row naming it', async () => {
    await main(['demo', '--data', data()])
    const { writeFileSync } = await import('node:fs')
    const good = join(dir(), 'ledger.csv')
    writeFileSync(good, 'Date,Voucher,Budget line,Branch,Description,Amount,Currency,Funding source\n2010-05-01,CLI-1,1.1,Dornogovi,Training,"250,000",MNT,DANIDA\n')
    out.length = 0
    expect(await main(['import', 'expenses', '--data', data(), good, '--dry-run'])).toBe(0)
    expect(out.join('\n')).toMatch(/Dry run: 1 rows would be imported/)
    expect(await main(['import', 'expenses', '--data', data(), good])).toBe(0)
    expect(out.join('\n')).toMatch(/Imported 1 expenses into SPN-2007/)
    const bad = join(dir(), 'bad.csv')
    writeFileSync(bad, 'Date,Voucher,Budget line,Branch,Description,Amount,Currency,Funding source\n2010-05-01,CLI-2,1.1,Dornogovi,Training,100,MNT,DANIDA\n2010-13-01,CLI-3,1.1,Dornogovi,Training,100,MNT,DANIDA\n')
    out.length = 0
    expect(await main(['import', 'expenses', '--data', data(), bad])).toBe(2)
    expect(out.join('\n')).toMatch(/row 3, Date: "2010-13-01" is not a date/)
    // In Mongolian when asked (or when the system's locale is Mongolian): the column and the reason.
    out.length = 0
    expect(await main(['import', 'expenses', '--data', data(), bad, '--lang', 'mn'])).toBe(2)
    expect(out.join('\n')).toMatch(/row 3, Огноо: "2010-13-01" огноо биш/)
    expect(await main(['import', 'expenses', '--data', data(), join(dir(), 'missing.csv')])).toBe(2)
  })
})

describe('spn import budget', () => {
  it('records a version from the template, keeping the sources the file leaves out, and names bad cells', async () => {
    await main(['demo', '--data', data()])
    const { writeFileSync } = await import('node:fs')
    const ExcelJS = (await import('exceljs')).default
    const file = async (name: string, rows: Array<Array<string | number | null>>) => {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('Budget')
      ws.addRow(['Code', 'Funding source', 'Year 1', 'Year 2', 'Year 3', 'Year 4'])
      for (const r of rows) ws.addRow(r)
      const path = join(dir(), name)
      writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()))
      return path
    }
    const bad = await file('bad.xlsx', [['1.1', 'DMS', '10 000', 'x', null, null], ['1', 'DMS', 5, null, null, null]])
    out.length = 0
    expect(await main(['import', 'budget', '--data', data(), bad, '--reason', 'DMS revision', '--lang', 'mn'])).toBe(2)
    expect(out.join('\n')).toMatch(/row 2, 2-р жил: "x" дүн биш/)
    expect(out.join('\n')).toMatch(/row 3, Код: 1 нь үндсэн мөр/)
    const good = await file('dms.xlsx', [['1.1', 'DMS', '10 000', '20 000,50', null, null]])
    out.length = 0
    expect(await main(['import', 'budget', '--data', data(), good])).toBe(2)
    expect(err.pop()).toMatch(/--reason TEXT/)
    expect(await main(['import', 'budget', '--data', data(), good, '--reason', 'DMS revision', '--approved-on', '2010-06-01'])).toBe(0)
    const said = out.join('\n')
    expect(said).toMatch(/DMS: 2 amounts, DKK 30000.50/)
    const version = /Recorded budget version (\d+) of SPN-2007, approved 2010-06-01: DKK ([\d.]+)\./.exec(said)
    expect(version).not.toBeNull()
    // DANIDA's part of the budget is kept as it was; DMS's is now the file's 30 000,50.
    const backend = await startBackend({ dataDir: data(), log: () => {}, program: 'the test' })
    try {
      const p = ((await backend.dispatch('finance.projects', {})) as { ok: true; value: Array<{ id: number; sources: Array<{ id: number; code: string }>; versions: Array<{ id: number }> }> }).value[0]!
      const [before, after] = await Promise.all(
        [p.versions[p.versions.length - 2]!.id, p.versions[p.versions.length - 1]!.id].map(async (versionId) => ((await backend.dispatch('budget.get', { projectId: p.id, versionId })) as { ok: true; value: { totalsBySource: Record<number, number> } }).value.totalsBySource),
      )
      const danida = p.sources.find((x) => x.code === 'DANIDA')!.id
      const dms = p.sources.find((x) => x.code === 'DMS')!.id
      expect(after[danida]).toBe(before![danida])
      expect(after[dms]).toBe(3_000_050)
      expect(Math.round(Number(version![2]) * 100)).toBe(after[danida]! + 3_000_050)
    } finally {
      await backend.close()
    }
  })
})

describe('spn report for finance', () => {
  it('writes the financial report for a project year', async () => {
    await main(['demo', '--data', data()])
    const file = join(dir(), 'fin.xlsx')
    expect(await main(['report', 'financial', '--data', data(), '--project-year', '2', '--lang', 'en', '--out', file])).toBe(0)
    const wb = await readXlsx(readFileSync(file))
    expect(wb.worksheets.map((w) => w.name)).toContain('Main lines')
    expect(await main(['report', 'financial', '--data', data(), '--project-year', '9', '--out', file])).toBe(2)
    expect(err.pop()).toMatch(/projectYear must be at most 4/)
    expect(await main(['report', 'financial', '--data', data(), '--project-year', '9', '--lang', 'mn', '--out', file])).toBe(2)
    expect(err.pop()).toBe('spn: төслийн жилүүдээс хэтрэхгүй, хамгийн ихдээ 4 байна (--project-year)')
    // --out into a folder that does not exist yet: the folder is made.
    const nested = join(dir(), 'тайлан', '2009', 'fin.pdf')
    expect(await main(['report', 'financial', '--data', data(), '--project-year', '2', '--out', nested])).toBe(0)
    expect(readFileSync(nested).subarray(0, 4).toString()).toBe('%PDF')
  })
})

describe('spn serve', () => {
  it('refuses an unknown role at start, also a name every object has', async () => {
    for (const role of ['admin', 'constructor', 'toString']) {
      err.length = 0
      expect(await main(['serve', '--data', data(), '--role', role])).toBe(2)
      expect(err.join('\n')).toMatch(/--role must be one of secretariat, board/)
    }
  })
})
