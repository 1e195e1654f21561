import { describe, expect, it } from 'vitest'
import { ageOn } from './breakdown'

describe('age on a date', () => {
  it('counts a birthday only once it has come', () => {
    expect(ageOn('1980-05-10', '2010-05-09')).toBe(29)
    expect(ageOn('1980-05-10', '2010-05-10')).toBe(30)
    expect(ageOn('1996-02-29', '2010-02-28')).toBe(13)
    expect(ageOn('1996-02-29', '2010-03-01')).toBe(14)
  })
})
