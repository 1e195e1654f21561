import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { testBackend, type TestBackend } from '../helpers/backend'
import { loanGroup } from '../helpers/loanGroup'
import { readXlsx } from '../helpers/files'

/*
 * The household survey of the loan tests' two households (DOR-1-A): a
 * baseline each, yearly follow-ups, a correction; the refusals; the sheet
 * printed, filled in Excel and imported; and the income indicators the
 * results framework reads from it, worked by hand. On both engines.
 */
let t: TestBackend
let g: Awaited<ReturnType<typeof loanGroup>>
let households: number[]
const tg = (n: number) => n * 100

beforeEach(async () => {
  t = await testBackend()
  g = await loanGroup((op, input) => t.must(op as 'system.info', input as never))
  households = await Promise.all(g.p.map(async (id) => (await t.must('persons.get', { id })).person.householdId!))
})
afterEach(() => t.close())

const answers = { housing: 'ger' as const, electricity: true, childrenSchoolAge: 2, childrenInSchool: 1 }

describe('the household survey', () => {
  it('takes a baseline once and a follow-up once a year, after the baseline; a correction replaces an entry, which is kept', async () => {
    const [a, b] = households as [number, number]
    const base = await t.must('survey.record', { householdId: a, round: 'baseline', surveyedOn: '2011-03-20', incomeMinor: tg(180_000), ...answers })
    expect(base).toMatchObject({ round: 'baseline', incomeMinor: tg(180_000), electricity: true, headName: null, area: { mn: 'Дорноговь' } })
    expect(await t.call('survey.record', { householdId: a, round: 'baseline', surveyedOn: '2011-04-01', incomeMinor: 1, ...answers })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'round', key: 'r.surveyBaselineTwice' } })
    expect(await t.call('survey.record', { householdId: a, round: 'follow_up', surveyedOn: '2011-03-01', incomeMinor: 1, ...answers })).toMatchObject({ ok: false, error: { field: 'surveyedOn', key: 'r.surveyAfterBaseline' } })
    await t.must('survey.record', { householdId: a, round: 'follow_up', surveyedOn: '2012-03-15', incomeMinor: tg(210_000), ...answers })
    expect(await t.call('survey.record', { householdId: a, round: 'follow_up', surveyedOn: '2012-11-01', incomeMinor: 1, ...answers })).toMatchObject({ ok: false, error: { field: 'surveyedOn', key: 'r.surveyYearTwice' } })
    expect(await t.call('survey.record', { householdId: a, round: 'follow_up', surveyedOn: '2013-03-15', incomeMinor: 1, ...answers, childrenInSchool: 3 })).toMatchObject({ ok: false, error: { field: 'childrenInSchool' } })
    // The baseline was typed wrong: 150 000 ₮, not 180 000 ₮.
    const fixed = await t.must('survey.record', { householdId: a, round: 'baseline', surveyedOn: '2011-03-20', incomeMinor: tg(150_000), ...answers, replacesId: base.id })
    expect(fixed.replacesId).toBe(base.id)
    expect(await t.call('survey.record', { householdId: b, round: 'baseline', surveyedOn: '2011-03-20', incomeMinor: 1, ...answers, replacesId: base.id })).toMatchObject({ ok: false, error: { key: 'r.surveyReplaces' } })
    const standing = await t.must('survey.list', { householdId: a })
    expect(standing.rows.map((r) => [r.round, r.incomeMinor])).toEqual([['follow_up', tg(210_000)], ['baseline', tg(150_000)]])
    const all = await t.must('survey.list', { householdId: a, withReplaced: true })
    expect(all.rows.find((r) => r.id === base.id)?.replacedBy).toBe(fixed.id)
    expect(await t.count('household_survey')).toBe(3)
  })

  it('prints a sheet of the group households, and imports it filled in: all rows or none', async () => {
    const template = await t.must('survey.template', { on: '2011-06-01', round: 'baseline', lang: 'mn' })
    const wb = await readXlsx(Buffer.from(template.base64, 'base64'))
    const ws = wb.getWorksheet('Судалгаа')!
    expect([ws.getRow(2).getCell(1).value, ws.getRow(2).getCell(4).value, ws.getRow(3).getCell(1).value]).toEqual([households[0], 'Суурь', households[1]])
    // As the surveyor fills it in Excel: Mongolian words, a typed amount.
    const fill = (row: number, values: unknown[]) => values.forEach((v, i) => (ws.getRow(row).getCell(6 + i).value = v as ExcelJS.CellValue))
    fill(2, ['150 000', 'Гэр', 'тийм', 2, 1])
    fill(3, [120000, 'Байшин', 'гуу', 3, 3])
    const wrong = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
    const refused = await t.call('survey.import', { fileName: 'survey.xlsx', base64: wrong })
    expect(refused).toMatchObject({ ok: false, error: { key: 'r.surveyRow', vars: { row: 3, household: String(households[1]), reason: 'r.surveyYesNo' } } })
    expect(await t.count('household_survey')).toBe(0)
    fill(3, [120000, 'Байшин', 'үгүй', 3, 3])
    const right = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
    expect(await t.must('survey.import', { fileName: 'survey.xlsx', base64: right, dryRun: true })).toMatchObject({ rows: 2, imported: 0 })
    expect(await t.must('survey.import', { fileName: 'survey.xlsx', base64: right })).toMatchObject({ rows: 2, imported: 2 })
    const rows = (await t.must('survey.list', {})).rows
    expect(rows.map((r) => [r.householdId, r.incomeMinor, r.housing, r.electricity, r.childrenInSchool]).sort()).toEqual(
      [[households[0], tg(150_000), 'ger', true, 1], [households[1], tg(120_000), 'house', false, 3]].sort(),
    )
    // The same sheet again: both already have their baseline.
    expect(await t.call('survey.import', { fileName: 'survey.xlsx', base64: right })).toMatchObject({ ok: false, error: { key: 'r.surveyRow', vars: { row: 2, reason: 'r.surveyField', inner: 'r.surveyBaselineTwice' } } })
    expect(await t.call('survey.import', { fileName: 'x.xlsx', base64: template.base64.slice(0, 100) })).toMatchObject({ ok: false, error: { field: 'fileName' } })
  })

  it('gives the framework the median income and the share of households whose income rose', async () => {
    const [a, b] = households as [number, number]
    await t.must('survey.record', { householdId: a, round: 'baseline', surveyedOn: '2011-03-20', incomeMinor: tg(150_000), ...answers })
    await t.must('survey.record', { householdId: b, round: 'baseline', surveyedOn: '2011-03-20', incomeMinor: tg(120_000), ...answers })
    await t.must('survey.record', { householdId: a, round: 'follow_up', surveyedOn: '2012-03-15', incomeMinor: tg(190_000), ...answers })
    await t.must('survey.record', { householdId: b, round: 'follow_up', surveyedOn: '2012-03-15', incomeMinor: tg(110_000), ...answers })
    const projectId = (await t.must('finance.projects', {})).find((x) => x.code === 'SPN-2011')!.id
    for (const [code, measure, unit] of [['O2.1', 'income_rose_share', 'percent'], ['O2.2', 'median_income', 'number']] as const) {
      await t.must('indicators.create', { projectId, code, level: 'outcome', nameMn: measure, nameEn: measure, unit, cumulative: false, measure, targets: [{ projectYear: 2, target: '50' }] })
    }
    const f = await t.must('results.framework', { projectId })
    const [rose, median] = [f.indicators.find((i) => i.code === 'O2.1')!, f.indicators.find((i) => i.code === 'O2.2')!]
    // Year 1: only the baselines (median of 150 000 and 120 000); year 2: one of the two rose.
    expect(median.years.map((y) => y.actual)).toEqual([135_000, 150_000, null])
    expect(rose.years[0]!.figure).toMatchObject({ value: null, numerator: 0, denominator: 0 })
    expect(rose.years[1]!.figure).toMatchObject({ value: 50, numerator: 1, denominator: 2 })
    expect(rose.years[1]!.achieved).toBe(100)
  })
})
