import { describe, expect, it } from 'vitest'
import { checkAdminShare, checkLineMoves, checkTotals, convertFifo, mulDivRound, projectYearOf, rateString, returnedTrancheId } from './finance'

describe('exact conversion', () => {
  it('rounds half away from zero, once', () => {
    expect(mulDivRound(5, 1, 2)).toBe(3)
    expect(mulDivRound(-5, 1, 2)).toBe(-3)
    expect(mulDivRound(10, 1, 3)).toBe(3)
    // Intermediate products beyond 2^53 stay exact.
    expect(mulDivRound(4_900_000_00, 2_154_321_000, 10_000_000)).toBe(105_561_729_000)
  })
  it('keeps the implied rate exactly', () => {
    // DKK 100 000,00 sent, MNT 21 543 210,00 received.
    expect(rateString(2_154_321_000, 10_000_000)).toBe('215.4321')
    expect(rateString(100, 3)).toBe('33.3333')
  })
})

describe('FIFO conversion', () => {
  const transfers = [
    { id: 1, date: '2007-04-01', mntMinor: 2_000_000_00, dkkMinor: 10_000_00 }, // 200 MNT/DKK
    { id: 2, date: '2007-10-01', mntMinor: 2_500_000_00, dkkMinor: 10_000_00 }, // 250 MNT/DKK
  ]
  it('converts at the rate of the transfer an expense is paid from', () => {
    const r = convertFifo(transfers, [{ id: 10, date: '2007-05-01', mntMinor: 400_000_00 }])
    expect(r.get(10)).toEqual({ dkkMinor: 2_000_00, portions: [{ sourceId: 1, mntMinor: 400_000_00 }], uncoveredMntMinor: 0 })
  })
  it('splits a spend across two transfers with different rates', () => {
    const r = convertFifo(transfers, [
      { id: 10, date: '2007-05-01', mntMinor: 1_800_000_00 },
      { id: 11, date: '2007-11-01', mntMinor: 700_000_00 },
    ])
    // 200 000 MNT left of transfer 1 at 200 = DKK 1 000; 500 000 MNT of transfer 2 at 250 = DKK 2 000.
    expect(r.get(11)).toEqual({ dkkMinor: 3_000_00, portions: [{ sourceId: 1, mntMinor: 200_000_00 }, { sourceId: 2, mntMinor: 500_000_00 }], uncoveredMntMinor: 0 })
  })
  it('flags a spend larger than the MNT available, converting the rest at the latest rate', () => {
    const r = convertFifo(transfers, [{ id: 10, date: '2007-05-01', mntMinor: 2_400_000_00 }])
    expect(r.get(10)).toMatchObject({ uncoveredMntMinor: 400_000_00, dkkMinor: 10_000_00 + 2_000_00 })
  })
  it('does not pay from a transfer that arrives later', () => {
    const r = convertFifo(transfers, [{ id: 10, date: '2007-03-15', mntMinor: 100_000_00 }])
    expect(r.get(10)).toMatchObject({ portions: [], uncoveredMntMinor: 100_000_00, dkkMinor: 500_00 })
    expect(convertFifo([], [{ id: 1, date: '2007-01-01', mntMinor: 1 }]).get(1)?.dkkMinor).toBeNull()
  })
  it('values a correction that gives MNT back at the corrected spend\'s own value; the MNT joins the pool on its date', () => {
    const r = convertFifo(transfers, [
      { id: 10, date: '2007-05-01', mntMinor: 400_000_00 }, // DKK 2 000 at 200
      { id: 11, date: '2007-11-01', mntMinor: -100_000_00, returns: 10 }, // a quarter back: DKK -500
      { id: 12, date: '2007-11-02', mntMinor: 4_200_000_00 },
    ])
    expect(r.get(11)).toEqual({ dkkMinor: -500_00, portions: [], uncoveredMntMinor: 0 })
    // Transfer 1's 1 600 000 left (DKK 8 000), transfer 2 (DKK 10 000, it came first), then the 100 000 given back (DKK 500).
    expect(r.get(12)).toEqual({
      dkkMinor: 8_000_00 + 10_000_00 + 500_00,
      portions: [{ sourceId: 1, mntMinor: 1_600_000_00 }, { sourceId: 2, mntMinor: 2_500_000_00 }, { sourceId: returnedTrancheId(11), mntMinor: 100_000_00 }],
      uncoveredMntMinor: 0,
    })
  })
})

describe('budget checks', () => {
  it('administration in Denmark at most 7% of the rest', () => {
    expect(checkAdminShare({ '1': 900_000_00, '11': 100_000_00, '13': 70_000_00 })).toBeNull()
    expect(checkAdminShare({ '1': 900_000_00, '11': 100_000_00, '13': 70_000_01 })?.code).toBe('admin_share')
  })
  it('a main line moving more than 10% needs donor approval', () => {
    expect(checkLineMoves({ '1': 1000_00, '4': 500_00 }, { '1': 1100_00, '4': 449_00 })).toEqual([expect.objectContaining({ line: '4' })])
  })
  it('budget totals must equal the commitments', () => {
    expect(checkTotals([{ name: 'DANIDA', budgetMinor: 4_900_000_00, committedMinor: 4_900_000_00 }, { name: 'DMS', budgetMinor: 149_000_00, committedMinor: 150_000_00 }])).toHaveLength(1)
  })
  it('numbers project years from the start month', () => {
    expect(projectYearOf('2007-03-01', '2007-03-01')).toBe(1)
    expect(projectYearOf('2007-03-01', '2008-02-29')).toBe(1)
    expect(projectYearOf('2007-03-01', '2008-03-01')).toBe(2)
    expect(projectYearOf('2007-03-01', '2011-02-28')).toBe(4)
  })
})

describe('budget warnings in both languages', () => {
  it('carry a key and values, so the page and a Mongolian report say them in Mongolian', async () => {
    const { translate } = await import('../i18n')
    const [w] = checkLineMoves({ '9': 60_000_00 }, { '9': 20_000_00 })
    expect(translate('mn', w.key, w.vars)).toBe('9-р үндсэн мөр 66.7%-иар өөрчлөгдөж байна (60 000,00 DKK-аас 20 000,00 DKK болж): 10%-иас их өөрчлөлтөд хандивлагчийн зөвшөөрөл шаардлагатай')
    expect(translate('en', w.key, w.vars)).toBe(w.message)
    const [total] = checkTotals([{ name: 'DMS co-funding', nameMn: 'ДМН-ийн санхүүжилт', budgetMinor: 149_000_00, committedMinor: 150_000_00 }])
    expect(translate('mn', total.key, { ...total.vars, source: total.vars.sourceMn })).toMatch(/^ДМН-ийн санхүүжилт-ийн төсөв нийт/)
    expect(translate('en', total.key, total.vars)).toBe(total.message)
  })
})
