import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/backend'
import { firstLoan, loanGroup } from '../helpers/loanGroup'
import type { Indicator, Measure } from '../../src/shared/api/resultsTypes'
import { MEASURES, MEASURE_UNITS } from '../../src/shared/api/resultsTypes'
import { num, readXlsx, rowLabelled } from '../helpers/files'

/*
 * Every indicator the app computes, on one small group worked by hand (the
 * loan tests' DOR-1-A: two women from two households, twelve weekly meetings
 * from 2011-03-16 all present and 1,000 ₮ each saved each week), with what is
 * added below; project SPN-2011, year 1 = 2011-03-01 – 2012-02-29. On both engines.
 */
let t: TestBackend
let g: Awaited<ReturnType<typeof loanGroup>>
let projectId: number
let byCode: Map<string, Indicator>

beforeAll(async () => {
  t = await testBackend()
  g = await loanGroup((op, input) => t.must(op as 'system.info', input as never))
  const project = (await t.must('finance.projects', {})).find((x) => x.code === 'SPN-2011')!
  projectId = project.id
  // A 13th meeting on 2011-06-08: Сарангэрэл there, Оюунчимэг absent (25 of 26 member-meetings).
  await t.must('meetings.record', { groupType: 'ssg', groupId: g.ssg, heldOn: '2011-06-08', attendance: [{ personId: g.p[0]!, status: 'present' }, { personId: g.p[1]!, status: 'absent' }] })
  // A loan of 30,000 ₮, its first instalment of 3,100 ₮ repaid; 500 ₮ of fund (2) spent on the two households' stoves.
  const loan = await t.must('loans.grant', firstLoan(g))
  await t.must('loans.repay', { loanId: loan.loan.id, paidOn: '2011-06-15', amountMinor: 310_000 })
  await t.must('groupfunds.spend', { fund: 'f2', lsgId: g.lsg, spentOn: '2011-07-01', amountMinor: 50_000, purpose: 'Зуухны засвар', households: 2 })
  await t.must('cbos.create', { branchId: g.branch, name: 'Дорноговийн ОНББ', foundedOn: '2011-09-01', registrationNumber: '9123456', registeredOn: '2012-04-02' })
  // A training: both members and a man from outside; it cost 400,000 ₮ (DKK 1,600.00 at 250 ₮ a krone).
  await t.must('transfers.create', { projectId, sentOn: '2011-03-01', dkkMinor: 1_000_000, receivedOn: '2011-03-05', mntMinor: 250_000_000 })
  const line = project.lines.find((l) => l.code === '1.1')!.id
  const hall = await t.must('expenses.create', { projectId, spentOn: '2011-05-04', voucher: 'С-1', lineId: line, branchId: g.branch, description: 'Танхим', amountMinor: 40_000_000, currency: 'MNT', sourceId: project.sources[0]!.id })
  await t.must('activities.create', { type: 'training', title: 'Сургалт', startsOn: '2011-05-03', endsOn: '2011-05-03', projectId, areaIds: [g.branch], personIds: [g.p[0]!, g.p[1]!], outsiders: [{ name: 'Г. Нямаа', sex: 'male' }], expenseIds: [hall.id] })
  // One indicator per figure the app computes, cumulative where it is counted.
  for (const [i, measure] of MEASURES.entries()) {
    await t.must('indicators.create', {
      projectId,
      code: `M${i + 1}`,
      level: 'output',
      nameMn: measure,
      nameEn: measure,
      unit: MEASURE_UNITS[measure] === 'percent' ? 'percent' : 'number',
      cumulative: ['events', 'unique_participants', 'loans_disbursed', 'common_interest_projects'].includes(measure),
      measure,
      targets: [{ projectYear: 1, target: '2' }],
    })
  }
  byCode = new Map((await t.must('results.framework', { projectId })).indicators.map((i) => [i.measure!, i]))
}, 60_000)
afterAll(() => t.close())

const year = (m: Measure, n = 1) => byCode.get(m)!.years[n - 1]!
const parts = (m: Measure, n = 1) => year(m, n).figure!.parts.map((p) => p.value)

describe('the results framework computed from the records', () => {
  it('counts the groups: families, their persons, large groups constituted, small groups, CBOs formed and registered', () => {
    expect([year('families_in_groups').actual, year('persons_of_member_families').actual, year('lsgs_constituted').actual, year('ssgs_active').actual]).toEqual([2, 2, 0, 1])
    expect(year('persons_of_member_families').figure!.bySex).toEqual({ female: 2, male: 0 })
    // Broken down as the donor asks: both single-woman-headed households of Dornogovi; no birth dates recorded.
    const dor = { name: { mn: 'Дорноговь', en: 'Dornogovi' } }
    expect(year('families_in_groups').figure!.breakdown).toEqual({ area: [{ label: dor, value: 2 }], single_woman_headed: [{ label: { key: 'res.swh.yes' }, value: 2 }] })
    expect(year('persons_of_member_families').figure!.breakdown).toMatchObject({ sex: [{ label: { key: 'res.part.women' }, value: 2 }], age_band: [{ label: { key: 'res.unknown' }, value: 2 }] })
    expect(year('loans_disbursed').figure!.breakdown).toEqual({ sex: [{ label: { key: 'res.part.women' }, value: 1 }], area: [{ label: dor, value: 1 }] })
    expect([year('cbos_formed').actual, year('cbos_registered').actual, year('cbos_registered', 2).actual]).toEqual([1, 0, 1])
    expect(year('cbos_registered', 2).figure).toMatchObject({ numerator: 1, denominator: 1 })
    // Against a target of 2: families achieved 100%, small groups 50%.
    expect([year('families_in_groups').achieved, year('ssgs_active').achieved]).toEqual([100, 50])
  })

  it('counts a small group properly run only with rules, a representative and three in four weeks met', () => {
    // 13 weeks met of the 51 Wednesdays from 2011-03-16 to 2012-02-29.
    expect(year('ssgs_properly_run').figure).toMatchObject({ value: 0, numerator: 0, denominator: 1 })
    expect(parts('ssgs_properly_run')).toEqual([1, 1, 1, 0])
  })

  it('rates attendance and retention over the year as numerator over denominator', () => {
    expect(year('attendance_rate').figure).toMatchObject({ value: 96.2, numerator: 25, denominator: 26 })
    expect(year('retention_rate', 2).figure).toMatchObject({ value: 100, numerator: 2, denominator: 2 })
    // On 2011-03-01 nobody was in a group yet.
    expect(year('retention_rate').figure).toMatchObject({ value: null, numerator: 0, denominator: 0 })
  })

  it('sums savings, loans, PAR30 and common-interest projects', () => {
    expect([year('savings_total').actual, year('savings_per_member').actual]).toEqual([24_000, 12_000])
    expect(year('savings_per_member').figure).toMatchObject({ numerator: 2_400_000, denominator: 2 })
    expect(year('loans_disbursed').actual).toBe(1)
    expect(parts('loans_disbursed')).toEqual([3_000_000, 1])
    // On 2012-02-29 all nine unpaid instalments are long overdue: all 27,000 ₮ outstanding is at risk.
    expect(year('par30').figure).toMatchObject({ value: 100, numerator: 2_700_000, denominator: 2_700_000 })
    expect(year('common_interest_projects').actual).toBe(1)
    expect(parts('common_interest_projects')).toEqual([50_000, 2])
  })

  it('counts activity outputs: events, unique participants by sex, cost per participation in DKK', () => {
    expect([year('events').actual, year('unique_participants').actual, year('cost_per_participant').actual]).toEqual([1, 3, 533.33])
    expect(year('unique_participants').figure!.bySex).toEqual({ female: 2, male: 1 })
    // The man from outside gave no area: he counts in the training's only area.
    expect(year('unique_participants').figure!.breakdown).toEqual({
      sex: [{ label: { key: 'res.part.women' }, value: 2 }, { label: { key: 'res.part.men' }, value: 1 }],
      area: [{ label: { name: { mn: 'Дорноговь', en: 'Dornogovi' } }, value: 3 }],
    })
    expect(year('cost_per_participant').figure).toMatchObject({ numerator: 160_000, denominator: 3 })
    // Cumulative ones carry on into year 2 with nothing new.
    expect([year('events', 2).actual, year('events', 2).cumulative]).toEqual([0, 1])
  })

  it('takes a manual indicator as entered per year, with its source; the latest entry counts and a computed one takes only a comment', async () => {
    const created = await t.must('indicators.create', { projectId, code: 'O5.1', level: 'outcome', nameMn: 'ХЗХ-ны гишүүд', nameEn: 'Members of savings and loan cooperatives', unit: 'number', cumulative: false, targets: [{ projectYear: 1, target: '40' }] })
    const id = created.indicators[0]!.id
    await t.must('indicators.enter', { indicatorId: id, projectYear: 1, value: '25', source: 'Хоршооны бүртгэл' })
    const later = await t.must('indicators.enter', { indicatorId: id, projectYear: 1, value: '30', source: 'Хоршооны бүртгэл, засвар', comment: 'Хоёр хоршоо' })
    expect(later.indicators[0]!.years[0]).toMatchObject({ actual: 30, cumulative: 30, target: 40, achieved: 75, entered: { value: 30, source: 'Хоршооны бүртгэл, засвар', comment: 'Хоёр хоршоо' } })
    expect(await t.call('indicators.enter', { indicatorId: id, projectYear: 1, value: '31' })).toMatchObject({ ok: false, error: { field: 'source', key: 'r.sourceRequired' } })
    expect(await t.call('indicators.enter', { indicatorId: id, projectYear: 1, value: '3,1.5', source: 'x' })).toMatchObject({ ok: false, error: { field: 'value' } })
    const computed = byCode.get('families_in_groups')!.id
    expect(await t.call('indicators.enter', { indicatorId: computed, projectYear: 1, value: '5', source: 'x' })).toMatchObject({ ok: false, error: { key: 'r.computedIndicator' } })
    const commented = await t.must('indicators.enter', { indicatorId: computed, projectYear: 1, comment: 'Хоёр өрх' })
    expect(commented.indicators[0]!.years[0]).toMatchObject({ actual: 2, entered: { value: null, comment: 'Хоёр өрх' } })
    expect(await t.call('indicators.create', { projectId, code: 'O5.1', level: 'outcome', nameMn: 'x', nameEn: 'x', unit: 'number', cumulative: false })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'code' } })
    expect(await t.call('indicators.create', { projectId, code: 'X1', level: 'outcome', nameMn: 'x', nameEn: 'x', unit: 'number', cumulative: false, measure: 'par30' })).toMatchObject({ ok: false, error: { field: 'unit', key: 'r.unitPercent' } })
    expect(await t.call('indicators.create', { projectId, code: 'X1', level: 'outcome', nameMn: 'x', nameEn: 'x', unit: 'number', cumulative: false, targets: [{ projectYear: 4, target: '1' }] })).toMatchObject({ ok: false, error: { field: 'targets.0.projectYear' } })
    // Editing needs the version it started from.
    const ind = later.indicators[0]!
    const fields = { code: ind.code, level: ind.level, nameMn: ind.name.mn, nameEn: ind.name.en, unit: ind.unit, cumulative: true, targets: [{ projectYear: 1, target: '20' }, { projectYear: 2, target: '60' }] }
    const edited = await t.must('indicators.update', { id, version: ind.version, indicator: fields })
    expect(edited.indicators[0]!.years.map((y) => y.target)).toEqual([20, 60, null])
    expect(await t.call('indicators.update', { id, version: ind.version, indicator: fields })).toMatchObject({ ok: false, error: { code: 'conflict', key: 'r.changed.indicator' } })
  })

  it("keeps the progress report's texts and the organisation's particulars appended; the NGO law's report needs the particulars", async () => {
    const first = await t.must('narratives.set', { projectId, projectYear: 1, texts: { summary: 'Эхний жил', challenges: 'Орон сууц' } })
    expect([first.summary?.text, first.challenges?.text, first.lessons]).toEqual(['Эхний жил', 'Орон сууц', null])
    // Saving the same texts again adds nothing; a changed one is a new version.
    await t.must('narratives.set', { projectId, projectYear: 1, texts: { summary: 'Эхний жил', challenges: 'Орон сууц' } })
    const second = await t.must('narratives.set', { projectId, projectYear: 1, texts: { summary: 'Эхний жил, засвар', challenges: 'Орон сууц' } })
    expect([second.summary, second.challenges?.versions]).toEqual([expect.objectContaining({ text: 'Эхний жил, засвар', versions: 2 }), 1])
    expect((await t.must('narratives.get', { projectId, projectYear: 0 })).summary).toBeNull()
    expect(await t.call('narratives.get', { projectId, projectYear: 4 })).toMatchObject({ ok: false, error: { field: 'projectYear' } })

    expect(await t.call('reports.generate', { report: 'ngo-annual', year: 2011, lang: 'en', format: 'pdf' })).toMatchObject({ ok: false, error: { key: 'r.noProfile', field: 'year' } })
    const base = { nameMn: 'Нийгмийн түншлэлийн сүлжээ', nameEn: 'Social Partnership Network', address: 'Улаанбаатар', executiveDirector: 'Д. Сарантуяа' }
    await t.must('organisation.setProfile', { ...base, effectiveOn: '2010-01-01' })
    const both = await t.must('organisation.setProfile', { ...base, effectiveOn: '2012-01-01', executiveDirector: 'Б. Энхтуяа' })
    expect(both.map((p) => [p.effectiveOn, p.executiveDirector])).toEqual([['2012-01-01', 'Б. Энхтуяа'], ['2010-01-01', 'Д. Сарантуяа']])
    expect(await t.call('organisation.setProfile', { ...base, effectiveOn: '2099-01-01' })).toMatchObject({ ok: false, error: { field: 'effectiveOn', key: 'r.notFuture' } })
    // The report of 2011 names the director in office then.
    const ngo = await readXlsx(Buffer.from((await t.must('reports.generate', { report: 'ngo-annual', year: 2011, lang: 'en', format: 'xlsx' })).base64, 'base64'))
    expect(rowLabelled(ngo.getWorksheet('Governance')!, 'Executive director').getCell(2).value).toBe('Д. Сарантуяа')
    // Its activities: the one training of 2011; its income: the 10,000 DKK received as 2,500,000 ₮.
    expect(num(rowLabelled(ngo.getWorksheet('Activities')!, 'Training').getCell(2))).toBe(1)
    expect(num(rowLabelled(ngo.getWorksheet('Income')!, 'Total').getCell(2))).toBe(2_500_000)
  })
})
