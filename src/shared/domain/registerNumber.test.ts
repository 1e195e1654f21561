import { describe, expect, it } from 'vitest'
import { checkRegisterNumber, makeRegisterNumber } from './registerNumber'

describe('checkRegisterNumber', () => {
  it('accepts two Cyrillic letters and 8 digits and reads birth date and gender', () => {
    expect(checkRegisterNumber('УБ85031215')).toEqual({ ok: true, value: 'УБ85031215', birthDate: '1985-03-12', gender: 'male' })
  })
  it('reads the 2000s month offset', () => {
    const r = checkRegisterNumber('ДО02290720')
    expect(r.ok && r.birthDate).toBe('2002-09-07')
    expect(r.ok && r.gender).toBe('female')
  })
  it('accepts Ө and Ү and normalises case and spaces', () => {
    expect(checkRegisterNumber('өү 85031215')).toMatchObject({ ok: true, value: 'ӨҮ85031215' })
  })
  it.each([
    ['UB85031215', 'Latin letters'],
    ['УБ8503121', 'seven digits'],
    ['УБ850312155', 'nine digits'],
    ['У85031215', 'one letter'],
    ['УБ85133115', 'month 13'],
    ['УБ85023015', 'February 30'],
    ['УБ85030015', 'day 0'],
  ])('rejects %s (%s)', (value) => {
    expect(checkRegisterNumber(value).ok).toBe(false)
  })
  it('makeRegisterNumber round-trips birth date and gender', () => {
    const r = checkRegisterNumber(makeRegisterNumber('ХӨ', '2004-02-29', 7, 'female'))
    expect(r).toMatchObject({ ok: true, birthDate: '2004-02-29', gender: 'female' })
  })
})
