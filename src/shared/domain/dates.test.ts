import { describe, expect, it } from 'vitest'
import { ageOn, formatDateMn, isIsoDate } from './dates'

describe('dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2008-02-29')).toBe(true)
    expect(isIsoDate('2009-02-29')).toBe(false)
    expect(isIsoDate('2009-13-01')).toBe(false)
    expect(isIsoDate('2009-4-01')).toBe(false)
    expect(isIsoDate('2009.04.01')).toBe(false)
  })
  it('writes dates the Mongolian way', () => {
    expect(formatDateMn('2009-03-15')).toBe('2009.03.15')
  })
  it('computes age on a date', () => {
    expect(ageOn('1985-03-12', '2009-03-11')).toBe(23)
    expect(ageOn('1985-03-12', '2009-03-12')).toBe(24)
  })
})

describe('a date as staff type it', () => {
  it('is read in the display format, with dashes or slashes, and single digits', async () => {
    const { normalizeDate } = await import('./dates')
    expect(normalizeDate('2009.03.05')).toBe('2009-03-05')
    expect(normalizeDate('2009-3-5')).toBe('2009-03-05')
    expect(normalizeDate(' 2009/03/05 ')).toBe('2009-03-05')
    expect(normalizeDate('05.03.2009')).toBe('05.03.2009')
    const { isoDate } = await import('../api/fields')
    expect(isoDate.parse('2009.03.05')).toBe('2009-03-05')
    expect(isoDate.safeParse('2009.02.30').success).toBe(false)
  })
})
