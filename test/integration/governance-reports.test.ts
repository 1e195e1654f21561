import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoBackend, type TestBackend } from '../helpers/backend'
import { num, pdfFonts, pdfText, readXlsx, rowLabelled } from '../helpers/files'

let t: TestBackend
beforeAll(async () => {
  t = await demoBackend()
})
afterAll(() => t.close())

const file = async (report: 'fees' | 'assemblies' | 'annual', format: 'xlsx' | 'pdf', lang: 'en' | 'mn' = 'en') =>
  Buffer.from((await t.must('reports.generate', { report, year: 2009, lang, format })).base64, 'base64')

describe('fees report', () => {
  it('gives the figures of the fees service, per branch and in total, with the central calculation and the arrears list', async () => {
    const overview = await t.must('fees.overview', { year: 2009 })
    const wb = await readXlsx(await file('fees', 'xlsx'))
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cover', 'Local fees', 'Central dues', 'Arrears'])
    const local = wb.getWorksheet('Local fees')!
    const total = rowLabelled(local, 'Total')
    // Money is written in tugrik (major units).
    expect([num(total.getCell(3)), num(total.getCell(4)), num(total.getCell(5)), num(total.getCell(6))]).toEqual([
      overview.totals.liable,
      overview.totals.dueMinor / 100,
      overview.totals.paidMinor / 100,
      overview.totals.arrearsMinor / 100,
    ])
    const dor = overview.branches.find((b) => b.branchName.en === 'Dornogovi')!
    const dorRow = rowLabelled(local, 'Dornogovi')
    expect(num(dorRow.getCell(2))).toBe(dor.localFee!.amountMinor / 100)
    expect(num(dorRow.getCell(6))).toBe(dor.arrearsMinor / 100)
    const central = wb.getWorksheet('Central dues')!
    expect(num(rowLabelled(central, 'Total').getCell(6))).toBe(overview.totals.centralDueMinor / 100)
    expect(num(rowLabelled(central, 'Dornogovi').getCell(2))).toBe(dor.central!.activeOnReference)
    const unpaid = await t.must('fees.members', { year: 2009, onlyArrears: true, pageSize: 200 })
    const arrears = wb.getWorksheet('Arrears')!
    expect(num(rowLabelled(arrears, 'Total').getCell(5))).toBe(overview.totals.arrearsMinor / 100)
    expect(rowLabelled(arrears, 'Total').number - 5).toBe(unpaid.total)
  })

  it('prints in Mongolian with ₮ and the fonts embedded', async () => {
    const pdf = await file('fees', 'pdf', 'mn')
    const text = pdfText(pdf)
    expect(text).toContain('Гишүүний татварын тайлан')
    expect(text).toMatch(/\d ₮/)
    expect(text).toContain('Төвд төлөх татвар байгууллагаар')
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true)
  })
})

describe('assemblies and elections report', () => {
  it('lists every assembly with attendance and quorum, the elections and the boards', async () => {
    const assemblies = await t.must('assemblies.list', { year: 2009 })
    const wb = await readXlsx(await file('assemblies', 'xlsx'))
    const list = wb.getWorksheet('Assemblies')!
    const total = rowLabelled(list, 'Total')
    expect(total.number - 5).toBe(assemblies.length)
    expect(num(total.getCell(5))).toBe(assemblies.reduce((s, a) => s + a.membersPresent, 0))
    const withoutQuorum = assemblies.filter((a) => !a.quorumMet).length
    const cover = wb.getWorksheet('Cover')!
    expect(cover.getCell('A8').value).toBe('Assemblies without quorum')
    expect(cover.getCell('B8').value).toBe(withoutQuorum)
    const elections = assemblies.filter((a) => a.hasElection)
    let candidates = 0
    let elected = 0
    for (const a of elections) {
      const d = await t.must('assemblies.get', { id: a.id })
      candidates += d.election!.candidates.length
      elected += d.election!.candidates.filter((c) => c.elected).length
    }
    expect(wb.getWorksheet('Elections')!.actualRowCount - 3).toBe(candidates)
    expect(wb.getWorksheet('Boards')!.actualRowCount - 3).toBe(elected)
  })
})

describe('annual assembly pack', () => {
  it('puts membership, fees, assemblies and boards of the year together after a summary', async () => {
    const wb = await readXlsx(await file('annual', 'xlsx'))
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cover', 'Members', 'Decisions', 'Households', 'Local fees', 'Central dues', 'Arrears', 'Assemblies', 'Decisions 2', 'Elections', 'Boards'])
    const membership = await readXlsx(Buffer.from((await t.must('reports.generate', { report: 'membership', year: 2009, lang: 'en', format: 'xlsx' })).base64, 'base64'))
    expect(num(rowLabelled(wb.getWorksheet('Members')!, 'Total').getCell(9))).toBe(num(rowLabelled(membership.getWorksheet('Members')!, 'Total').getCell(9)))
    const pdf = await file('annual', 'pdf')
    const text = pdfText(pdf)
    const firstPage = text.split('\f')[0]
    for (const s of ['Annual assembly pack', 'SPN members at the end', 'Local fee arrears', 'Assemblies held']) expect(firstPage).toContain(s)
    for (const s of ['Membership report: SPN members by local organisation', 'Fees report: Central dues by local organisation', 'Assemblies and elections report: Boards elected']) expect(text).toContain(s)
  })

  it('needs a year', async () => {
    expect(await t.call('reports.generate', { report: 'annual', from: '2009-01-01', to: '2009-06-30', format: 'pdf' })).toMatchObject({ ok: false, error: { field: 'year' } })
  })
})
