import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/backend'
import { loanGroup } from '../helpers/loanGroup'
import { ORKHON } from '../helpers/backend'
import { num, readXlsx, rowLabelled } from '../helpers/files'

/* Activities with their areas and participants; micro-credit education records what the loan checks read. On both engines. */
let t: TestBackend
let g: Awaited<ReturnType<typeof loanGroup>>

beforeEach(async () => {
  t = await testBackend()
  g = await loanGroup((op, input) => t.must(op as 'system.info', input as never))
})
afterEach(() => t.close())

const base = { type: 'micro_credit_education' as const, title: 'Бичил зээлийн сургалт, DOR-1-A', startsOn: '2011-05-02', endsOn: '2011-05-04', facilitator: 'Д. Туяа', areaIds: [] as number[] }

describe('activities', () => {
  it('records participants once each, recorded persons and people from outside; micro-credit education records the training the loan checks read', async () => {
    // Оюунчимэг (g.p[1]) has no training yet; Сарангэрэл completed it on 2011-04-01 and keeps that date.
    const before = await t.must('loans.check', { personId: g.p[1]!, on: '2011-06-08', amountMinor: 100_000 })
    expect(before.checks.find((c) => c.check === 'training')).toMatchObject({ pass: false })
    const a = await t.must('activities.create', { ...base, areaIds: [g.branch], personIds: [g.p[0]!, g.p[1]!, g.p[1]!], outsiders: [{ name: 'Б. Сувд', sex: 'female', branchId: g.branch }] })
    expect(a.participants.map((p) => [p.name, p.sex, p.personId === null])).toEqual([
      ['Б. Оюунчимэг', 'female', false],
      ['Б. Сарангэрэл', 'female', false],
      ['Б. Сувд', 'female', true],
    ])
    expect(a.trainingRecorded).toBe(1)
    const after = await t.must('loans.check', { personId: g.p[1]!, on: '2011-06-08', amountMinor: 100_000 })
    expect(after.checks.find((c) => c.check === 'training')).toMatchObject({ pass: true, figure: '2011-05-04' })
    const trained = await t.must('savings.ofPerson', { personId: g.p[0]! })
    expect(trained.trainingCompletedOn).toBe('2011-04-01')
    const list = await t.must('activities.list', { from: '2011-01-01', to: '2011-12-31' })
    expect(list).toEqual([{ id: a.id, type: 'micro_credit_education', title: base.title, startsOn: '2011-05-02', endsOn: '2011-05-04', facilitator: 'Д. Туяа', participants: 3, areas: [{ mn: 'Дорноговь', en: 'Dornogovi' }], cost: { mntMinor: 0, dkkMinor: 0, uncoveredMntMinor: 0 } }])
  })

  it('refuses what cannot be: no area, an end before the start, a day to come, someone unknown; nothing is written', async () => {
    expect(await t.call('activities.create', { ...base, areaIds: [] })).toMatchObject({ ok: false, error: { field: 'areaIds' } })
    expect(await t.call('activities.create', { ...base, areaIds: [g.branch], endsOn: '2011-05-01' })).toMatchObject({ ok: false, error: { field: 'endsOn' } })
    expect(await t.call('activities.create', { ...base, areaIds: [g.branch], startsOn: '2099-01-01', endsOn: '2099-01-02' })).toMatchObject({ ok: false, error: { field: 'startsOn', key: 'r.notFuture' } })
    expect(await t.call('activities.create', { ...base, areaIds: [g.branch], personIds: [g.p[1]!, 999_999] })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'personIds.1' } })
    expect(await t.call('activities.create', { ...base, areaIds: [g.branch], outsiders: [{ name: 'Сувд', sex: 'other' as 'female' }] })).toMatchObject({ ok: false, error: { field: 'outsiders.0.sex' } })
    expect(await t.count('activity')).toBe(0)
    expect(await t.count('training_completion')).toBe(1)
    expect(await t.call('activities.get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'not_found', key: 'r.notFound.activity' } })
  })

  it('costs what its linked expenses cost (₮ of the MNT ones, DKK of all at the FIFO rate); an expense pays for one activity only', async () => {
    const project = (await t.must('finance.projects', {})).find((x) => x.code === 'SPN-2011')!
    const line = project.lines.find((l) => l.code === '1.1')!.id
    const danida = project.sources[0]!.id
    // 10,000 DKK became 2,500,000 ₮ (250 ₮ a krone); the loan capital ЗС-1 took the first 500,000 ₮.
    await t.must('transfers.create', { projectId: project.id, sentOn: '2011-03-01', dkkMinor: 1_000_000, receivedOn: '2011-03-05', mntMinor: 250_000_000 })
    const spend = (voucher: string, amountMinor: number, currency: 'MNT' | 'DKK' = 'MNT') =>
      t.must('expenses.create', { projectId: project.id, spentOn: '2011-05-04', voucher, lineId: line, branchId: g.branch, description: 'Сургалтын зардал', amountMinor, currency, sourceId: danida })
    const hall = await spend('С-1', 40_000_000)
    const trainer = await spend('С-2', 50_000, 'DKK')
    const other = await spend('С-3', 10_000_000)
    const partners = await t.must('activities.partners', {})
    expect(partners).toHaveLength(13)
    expect(partners[0]!.name).toEqual({ mn: 'Дани-Монголын нийгэмлэг, Копенгаген, Дани', en: 'The Danish Mongolian Society, Copenhagen, Denmark' })
    const a = await t.must('activities.create', {
      ...base,
      type: 'training',
      projectId: project.id,
      budgetLineId: line,
      areaIds: [g.branch],
      partnerIds: [partners[2]!.id, partners[0]!.id],
      personIds: [g.p[0]!],
      expenseIds: [hall.id, trainer.id],
    })
    expect(a.partners.map((p) => p.id)).toEqual([partners[0]!.id, partners[2]!.id])
    expect(a.expenses.map((e) => e.voucher)).toEqual(['С-1', 'С-2'])
    expect(a.cost).toEqual({ mntMinor: 40_000_000, dkkMinor: 160_000 + 50_000, uncoveredMntMinor: 0 })
    expect((await t.must('activities.list', { from: '2011-05-01', to: '2011-05-31' }))[0]!.cost).toEqual(a.cost)

    const taken = await t.call('activities.create', { ...base, type: 'workshop', projectId: project.id, areaIds: [g.branch], expenseIds: [other.id, hall.id] })
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict', field: 'expenseIds.1', key: 'r.activityExpenseTaken', vars: { voucher: 'С-1', title: base.title } } })
    expect(await t.call('activities.create', { ...base, type: 'workshop', areaIds: [g.branch], expenseIds: [other.id] })).toMatchObject({ ok: false, error: { key: 'r.activityExpenseProject' } })
    expect(await t.count('activity')).toBe(1)

    // A voided expense stays linked but costs nothing; the links can be set again.
    await t.must('expenses.void', { id: trainer.id, reason: 'Давхар бичигдсэн' })
    expect((await t.must('activities.get', { id: a.id })).cost.dkkMinor).toBe(160_000)
    expect(await t.call('activities.linkExpenses', { id: a.id, expenseIds: [trainer.id] })).toMatchObject({ ok: false, error: { key: 'r.activityExpenseVoided' } })
    const relinked = await t.must('activities.linkExpenses', { id: a.id, expenseIds: [hall.id, other.id] })
    expect(relinked.cost).toEqual({ mntMinor: 50_000_000, dkkMinor: 200_000, uncoveredMntMinor: 0 })
  })

  it('picks participants from a group or a local organisation, and adds more later, each once', async () => {
    const ssg = await t.must('activities.candidates', { from: 'ssg', id: g.ssg, on: '2011-05-02' })
    expect(ssg.map((c) => [c.name, c.group])).toEqual([
      ['Б. Оюунчимэг', 'DOR-1-A'],
      ['Б. Сарангэрэл', 'DOR-1-A'],
    ])
    expect(await t.must('activities.candidates', { from: 'lsg', id: g.lsg, on: '2011-03-13' })).toEqual([])
    expect(await t.must('activities.candidates', { from: 'lsg', id: g.lsg, on: '2011-03-14' })).toHaveLength(2)
    expect(await t.must('activities.candidates', { from: 'branch', id: g.branch, on: '2011-05-02' })).toEqual([])
    const a = await t.must('activities.create', { ...base, type: 'workshop', areaIds: [g.branch], personIds: [g.p[0]!] })
    const more = await t.must('activities.addParticipants', { id: a.id, personIds: ssg.map((c) => c.personId), outsiders: [{ name: 'Г. Нямаа', sex: 'male', branchId: null }] })
    expect(more.participants.map((p) => p.name)).toEqual(['Б. Оюунчимэг', 'Б. Сарангэрэл', 'Г. Нямаа'])
    expect(more.trainingRecorded).toBe(0)
    expect(await t.count('training_completion')).toBe(1)
  })

  it('reports events by type and area, participations and unique persons by sex and area, and cost per participation in ₮ and DKK', async () => {
    const project = (await t.must('finance.projects', {})).find((x) => x.code === 'SPN-2011')!
    const line = project.lines.find((l) => l.code === '1.1')!.id
    const ork = (await t.must('branches.create', ORKHON)).id
    await t.must('transfers.create', { projectId: project.id, sentOn: '2011-03-01', dkkMinor: 1_000_000, receivedOn: '2011-03-05', mntMinor: 250_000_000 })
    const spend = (voucher: string, amountMinor: number, currency: 'MNT' | 'DKK') =>
      t.must('expenses.create', { projectId: project.id, spentOn: '2011-05-04', voucher, lineId: line, branchId: g.branch, description: 'Зардал', amountMinor, currency, sourceId: project.sources[0]!.id })
    const hall = await spend('С-1', 40_000_000, 'MNT')
    const trainer = await spend('С-2', 50_000, 'DKK')
    const [p0, p1] = [g.p[0]!, g.p[1]!]
    // A training in Dornogovi (two members and a woman from outside), a workshop in both areas (one member, a man from Orkhon), a micro-credit education.
    await t.must('activities.create', { ...base, type: 'training', projectId: project.id, areaIds: [g.branch], personIds: [p0, p1], outsiders: [{ name: 'Б. Сувд', sex: 'female', branchId: null }], expenseIds: [hall.id] })
    await t.must('activities.create', { ...base, type: 'workshop', startsOn: '2011-05-10', endsOn: '2011-05-10', projectId: project.id, areaIds: [g.branch, ork], personIds: [p0], outsiders: [{ name: 'Г. Нямаа', sex: 'male', branchId: ork }], expenseIds: [trainer.id] })
    await t.must('activities.create', { ...base, startsOn: '2011-06-01', endsOn: '2011-06-01', areaIds: [g.branch], personIds: [p1] })
    const wb = await readXlsx(Buffer.from((await t.must('reports.generate', { report: 'activities', year: 2011, lang: 'en', format: 'xlsx' })).base64, 'base64'))
    const cover = wb.getWorksheet('Cover')!
    const figure = (label: string) => num(rowLabelled(cover, label).getCell(2))
    expect(['Events', 'Participations', 'Unique participants', 'Of them women', 'Cost, ₮', 'Cost, DKK', '₮ per participation', 'DKK per participation'].map(figure)).toEqual([3, 6, 4, 3, 400_000, 2_100, 66_666.67, 350])
    const byTypeArea = wb.getWorksheet('By type and area')!
    const cells = (ws: typeof byTypeArea, label: string, n: number) => Array.from({ length: n }, (_, i) => num(rowLabelled(ws, label).getCell(i + 2)))
    expect(cells(byTypeArea, 'Workshop', 3)).toEqual([1, 1, 1])
    expect(cells(byTypeArea, 'Total', 3)).toEqual([3, 1, 3])
    const byArea = wb.getWorksheet('By area')!
    // Events, participations, women, men, unique.
    expect(cells(byArea, 'Dornogovi', 5)).toEqual([3, 5, 3, 0, 3])
    expect(cells(byArea, 'Orkhon', 5)).toEqual([1, 1, 0, 1, 1])
    const byType = wb.getWorksheet('Cost by type')!
    // Events, participations, unique, women, ₮, DKK, ₮ and DKK per participation.
    expect(cells(byType, 'Training', 8)).toEqual([1, 3, 3, 3, 400_000, 1_600, 133_333.33, 533.33])
    expect(cells(byType, 'Micro-credit education', 6)).toEqual([1, 1, 1, 1, 0, 0])
  })
})
