import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/backend'
import { loanGroup } from '../helpers/loanGroup'

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
    expect(list).toEqual([{ id: a.id, type: 'micro_credit_education', title: base.title, startsOn: '2011-05-02', endsOn: '2011-05-04', facilitator: 'Д. Туяа', participants: 3, areas: [{ mn: 'Дорноговь', en: 'Dornogovi' }] }])
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
})
