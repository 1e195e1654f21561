import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DORNOGOVI, ORKHON, personAt, testBackend, type TestBackend } from '../helpers/backend'
import { translate, type MessageKey } from '../../src/shared/i18n'
import { readXlsx } from '../helpers/files'

/* Who attended an assembly, and corrections of assembly records and fee decisions with a trail. On both engines. */
let t: TestBackend
let dor: number
let ork: number
let m: number[]
let orkMember: number

async function member(branchId: number, givenName: string, reg: string, accepted: string): Promise<number> {
  const p = await t.must('persons.create', personAt(branchId, { givenName, registerNumber: reg, gender: 'female' }))
  const ms = await t.must('members.apply', { member: { type: 'person', personId: p.id }, branchId, date: '2007-01-10' })
  await t.must('members.decide', { membershipId: ms.id, decision: 'accepted', date: accepted })
  return ms.id
}

beforeEach(async () => {
  t = await testBackend()
  dor = (await t.must('branches.create', DORNOGOVI)).id
  ork = (await t.must('branches.create', ORKHON)).id
  m = [await member(dor, 'Сарантуяа', 'ДО80010126', '2007-02-01'), await member(dor, 'Оюунчимэг', 'ДО81020226', '2007-02-01'), await member(dor, 'Болормаа', 'ДО82030326', '2008-02-01'), await member(dor, 'Ганчимэг', 'ДО84050526', '2009-06-01')]
  orkMember = await member(ork, 'Цолмон', 'ОР85060626', '2007-03-01')
})
afterEach(() => t.close())

const assembly = (over: Record<string, unknown> = {}) => ({ kind: 'local' as const, branchId: dor, heldOn: '2009-03-02', place: 'Сайншанд', membersPresent: 2, attendees: [m[0]!, m[1]!], ...over })

describe('attendance', () => {
  it('lists the members eligible on the date; quorum counts those ticked present', async () => {
    const eligible = await t.must('assemblies.eligible', { branchId: dor, heldOn: '2009-03-02' })
    // Ганчимэг joins in June: not eligible in March; Orkhon's member never is.
    expect(eligible.map((e) => [e.name, e.registerNumber])).toEqual([
      ['Ц. Болормаа', 'ДО82030326'],
      ['Ц. Оюунчимэг', 'ДО81020226'],
      ['Ц. Сарантуяа', 'ДО80010126'],
    ])
    const a = await t.must('assemblies.create', assembly())
    expect(a).toMatchObject({ membersPresent: 2, membersEligible: 3, quorumNeeded: 2, quorumMet: true, attendanceListed: true })
    const d = await t.must('assemblies.get', { id: a.id })
    expect(d.attendees?.map((x) => x.name)).toEqual(['Ц. Оюунчимэг', 'Ц. Сарантуяа'])
    // The general assembly lists every active member of the SPN, with her local organisation.
    const general = await t.must('assemblies.eligible', { branchId: null, heldOn: '2009-03-02' })
    expect(general.find((e) => e.membershipId === orkMember)?.branchName.mn).toBe('Орхон')
  })

  it('refuses someone not eligible on the date, naming her, and a count that is not the list; writes nothing', async () => {
    const late = await t.call('assemblies.create', assembly({ attendees: [m[0]!, m[3]!] }))
    expect(late).toMatchObject({ ok: false, error: { field: 'attendees.1', key: 'r.notEligibleToAttend' } })
    if (!late.ok) expect(translate('mn', late.error.key as MessageKey, late.error.vars)).toBe('Ц. Ганчимэг 2009.03.02-нд энэ байгууллагын идэвхтэй гишүүн байгаагүй: зөвхөн эрхтэй гишүүдийг ирснээр тэмдэглэнэ')
    expect(await t.call('assemblies.create', assembly({ attendees: [m[0]!, orkMember] }))).toMatchObject({ ok: false, error: { field: 'attendees.1' } })
    expect(await t.call('assemblies.create', assembly({ membersPresent: 3 }))).toMatchObject({ ok: false, error: { field: 'membersPresent', key: 'v.presentIsTicked' } })
    expect(await t.call('assemblies.create', assembly({ attendees: [m[0]!, m[0]!] }))).toMatchObject({ ok: false, error: { field: 'attendees', key: 'r.sameMemberTwice' } })
    expect(await t.count('assembly')).toBe(0)
    expect(await t.count('assembly_attendance')).toBe(0)
  })

  it('keeps an assembly recorded with the count only', async () => {
    const a = await t.must('assemblies.create', assembly({ attendees: null, membersPresent: 3 }))
    expect(a).toMatchObject({ membersPresent: 3, attendanceListed: false })
    expect((await t.must('assemblies.get', { id: a.id })).attendees).toBeNull()
  })
})

describe('corrections', () => {
  it('of an assembly record: each field changed is kept with old, new, why, who and when; nothing-changes is refused', async () => {
    const a = await t.must('assemblies.create', assembly())
    const same = { id: a.id, version: a.version, assembly: assembly(), reason: 'Шалгав' }
    expect(await t.call('assemblies.update', same)).toMatchObject({ ok: false, error: { field: 'reason', key: 'r.correctsNothing' } })
    expect(await t.call('assemblies.update', { ...same, reason: ' ' })).toMatchObject({ ok: false, error: { field: 'reason' } })
    const fixed = await t.must('assemblies.update', { ...same, assembly: assembly({ place: 'Замын-Үүд', membersPresent: 3, attendees: [m[0]!, m[1]!, m[2]!] }), reason: 'Болормаа ирсэн байсныг орхигдуулжээ' })
    expect(fixed).toMatchObject({ membersPresent: 3, place: 'Замын-Үүд', version: a.version + 1 })
    const d = await t.must('assemblies.get', { id: a.id })
    expect(d.corrections.map((c) => [c.entityType, c.field, c.oldValue, c.newValue, c.reason, c.correctedBy])).toEqual([
      ['assembly', 'place', 'Сайншанд', 'Замын-Үүд', 'Болормаа ирсэн байсныг орхигдуулжээ', expect.any(String)],
      ['assembly', 'membersPresent', '2', '3', 'Болормаа ирсэн байсныг орхигдуулжээ', expect.any(String)],
      ['assembly', 'attendees.added', null, 'Ц. Болормаа', 'Болормаа ирсэн байсныг орхигдуулжээ', expect.any(String)],
    ])
    // Taken off the list again: also a correction.
    await t.must('assemblies.update', { id: a.id, version: fixed.version, assembly: assembly({ place: 'Замын-Үүд' }), reason: 'Буруу тэмдэглэсэн' })
    const again = await t.must('assemblies.get', { id: a.id })
    expect(again.corrections.slice(3).map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ['membersPresent', '3', '2'],
      ['attendees.removed', 'Ц. Болормаа', null],
    ])
    expect(again.attendees?.length).toBe(2)
  })

  it('of a fee decision: the old and new amount are kept, dues follow at once, and the fees report says so in its notes', async () => {
    const a = await t.must('assemblies.create', assembly({ membersPresent: 3, attendees: [m[0]!, m[1]!, m[2]!] }))
    const fee = await t.must('fees.decide', { assemblyId: a.id, amountMinor: 1_000_000 })
    expect(await t.call('fees.correctDecision', { id: fee.id, amountMinor: 1_000_000, reason: 'Шалгав' })).toMatchObject({ ok: false, error: { key: 'r.correctsNothing' } })
    expect(await t.call('fees.correctDecision', { id: fee.id, amountMinor: 1_200_000, minimumMinor: 500_000, reason: 'x' })).toMatchObject({ ok: false, error: { field: 'minimumMinor' } })
    const fixed = await t.must('fees.correctDecision', { id: fee.id, amountMinor: 1_200_000, reason: 'Хурлын тэмдэглэлд 12 000 ₮ гэж бичсэн' })
    expect(fixed.amountMinor).toBe(1_200_000)
    const overview = await t.must('fees.overview', { year: 2009 })
    expect(overview.branches.find((b) => b.branchId === dor)).toMatchObject({ liable: 4, dueMinor: 4 * 1_200_000 })
    const d = await t.must('assemblies.get', { id: a.id })
    expect(d.corrections.map((c) => [c.entityType, c.field, c.oldValue, c.newValue])).toEqual([['fee_decision', 'amountMinor', '1000000', '1200000']])
    const file = await t.must('reports.generate', { report: 'fees', format: 'xlsx', lang: 'mn', year: 2009 })
    const wb = await readXlsx(Buffer.from(file.base64, 'base64'))
    const text = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String)).join('\n')
    expect(text).toMatch(/Дорноговь, 2009\.03\.02: Дүн \(₮\)-ыг .* зассан — өмнө нь 10 000 ₮, одоо 12 000 ₮\. Шалтгаан: Хурлын тэмдэглэлд 12 000 ₮ гэж бичсэн/)
  })
})
