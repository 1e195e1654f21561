import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testBackend, type TestBackend } from '../helpers/backend'
import { NEXT_PROJECT } from '../helpers/projects'
import { translate, type MessageKey } from '../../src/shared/i18n'

/* A real office starts from an empty database: it sets up its project, then enters the first budget. On both engines. */
let t: TestBackend
beforeAll(async () => {
  t = await testBackend()
})
afterAll(() => t.close())


describe('setting up a project', () => {
  it('refuses a structure that does not hold, naming the line, in Mongolian too', async () => {
    const r = await t.call('projects.create', { ...NEXT_PROJECT, endsOn: '2010-01-01', lines: [...NEXT_PROJECT.lines, { code: '7.1', nameEn: 'Evaluation', nameMn: 'Үнэлгээ' }, { code: '1.1', nameEn: 'Again', nameMn: 'Дахин' }] })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toMatchObject({ code: 'validation', field: 'endsOn' })
    const lineProblem = await t.call('projects.create', { ...NEXT_PROJECT, lines: [...NEXT_PROJECT.lines, { code: '7.1', nameEn: 'Evaluation', nameMn: 'Үнэлгээ' }] })
    expect(lineProblem).toMatchObject({ ok: false, error: { field: 'lines.7.code' } })
    if (!lineProblem.ok) expect(translate('mn', lineProblem.error.key as MessageKey)).toBe('үндсэн мөргүй байна: эхлээд үндсэн мөрийг нэмнэ үү')
    expect((await t.must('finance.projects', {})).length).toBe(0)
  })

  it('creates the project, its sources and budget structure; the first budget is version 0; budget vs actual follows it', async () => {
    const p = await t.must('projects.create', NEXT_PROJECT)
    expect(p).toMatchObject({ code: 'SPN-2011', name: { mn: 'Хадгаламж, зээлийн хоршоо' }, grantMinor: 300_000_000, years: 3, agreementNumber: '104.Mongolia.5', adminMainCode: '13', versions: [] })
    expect(p.mainLines.map((m) => m.code)).toEqual(['1', '4', '13'])
    expect(p.lines.map((l) => l.code)).toEqual(['1.1', '1.2', '4.1', '13.1'])
    expect(await t.call('projects.create', NEXT_PROJECT)).toMatchObject({ ok: false, error: { code: 'conflict', field: 'code', key: 'r.codeUsed' } })

    const line = (code: string) => p.lines.find((l) => l.code === code)!.id
    const [danida, dms] = p.sources.map((s) => s.id)
    const amounts = [1, 2, 3].flatMap((y) => [
      { lineId: line('1.1'), projectYear: y, sourceId: danida!, amountMinor: 50_000_000 },
      { lineId: line('1.2'), projectYear: y, sourceId: danida!, amountMinor: 40_000_000 },
      { lineId: line('4.1'), projectYear: y, sourceId: dms!, amountMinor: 3_000_000 },
      { lineId: line('13.1'), projectYear: y, sourceId: danida!, amountMinor: 10_000_000 },
    ])
    const budget = await t.must('budget.revise', { projectId: p.id, approvedOn: '2011-02-15', reason: 'Анхны төсөв', amounts })
    expect(budget.version.number).toBe(0)
    expect(budget.totalsBySource[danida!]).toBe(300_000_000)
    // Administration 30 000 000 of 270 000 000 + 9 000 000 is more than 7%: the project's own administration line is checked.
    expect(budget.warnings.map((w) => w.code)).toContain('admin_share')
    const bva = await t.must('finance.budgetVsActual', { projectId: p.id })
    expect(bva.rows.filter((r) => r.isMain).map((r) => [r.code, r.name.mn, r.revisedMinor])).toEqual([
      ['1', 'Үйл ажиллагаа', 270_000_000],
      ['4', 'Орон нутгийн ажилтан', 9_000_000],
      ['13', 'Дани дахь захиргаа', 30_000_000],
    ])
  })
})

describe('a funding source committed in tögrög', () => {
  it('keeps its currency; the grant and the budget totals check count the krone commitments only', async () => {
    const p = await t.must('projects.create', {
      ...NEXT_PROJECT,
      code: 'SPN-2012',
      sources: [...NEXT_PROJECT.sources, { code: 'OWN', kind: 'own', nameEn: 'Own contribution', nameMn: 'Өөрийн хувь', committedMinor: 5_000_000_000, committedCurrency: 'MNT' }],
    })
    expect(p.sources.map((s) => [s.code, s.committedMinor, s.committedCurrency])).toEqual([
      ['DANIDA', 300_000_000, 'DKK'],
      ['DMS', 10_000_000, 'DKK'],
      ['OWN', 5_000_000_000, 'MNT'],
    ])
    expect(p.grantMinor).toBe(300_000_000)
    const line = p.lines.find((l) => l.code === '1.1')!.id
    const [danida, dms, own] = p.sources.map((s) => s.id)
    const budget = await t.must('budget.revise', {
      projectId: p.id,
      approvedOn: '2011-02-15',
      reason: 'Анхны төсөв',
      amounts: [
        { lineId: line, projectYear: 1, sourceId: danida!, amountMinor: 300_000_000 },
        { lineId: line, projectYear: 1, sourceId: dms!, amountMinor: 10_000_000 },
        { lineId: line, projectYear: 1, sourceId: own!, amountMinor: 2_000_000 },
      ],
    })
    // The own contribution's DKK 20 000 is not held against its ₮ 50 000 000: no krone value is fixed for it.
    expect(budget.warnings.filter((w) => w.code === 'total_mismatch')).toEqual([])
    expect(await t.call('projects.create', { ...NEXT_PROJECT, code: 'SPN-2013', sources: [{ ...NEXT_PROJECT.sources[0]!, committedCurrency: 'EUR' as never }] })).toMatchObject({ ok: false, error: { field: 'sources.0.committedCurrency' } })
  })
})
